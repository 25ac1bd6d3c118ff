import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { checkNumbers, Options, type OptionsProps } from '../../components/Options';
import { pageTranslator } from '../../core/i18n-pages';
import { resolveSettings } from '../../core/settings';

const t = pageTranslator('th');

function props(patch: Partial<OptionsProps> = {}): OptionsProps {
  return {
    settings: resolveSettings({}, { pollMaxSeconds: 600, language: 'th' }),
    t,
    status: '',
    recordCount: 12,
    onChange: vi.fn(),
    onResetNotice: vi.fn(),
    notificationsAllowed: false,
    onAllowNotifications: vi.fn(),
    onPurge: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    onClear: vi.fn(),
    ...patch,
  };
}

describe('the options page', () => {
  it('checks numbers against the settings bounds and each other', () => {
    const ok = { pollMinSeconds: '30', pollMaxSeconds: '900', overdueMinutes: '30', retentionDays: '90' };
    expect(checkNumbers(ok, t)).toEqual({});
    const bad = checkNumbers({ ...ok, pollMinSeconds: '5', overdueMinutes: '1.5', retentionDays: '' }, t);
    expect(bad.pollMinSeconds).toBe('ตรวจสอบถี่ที่สุดทุก (วินาที): ต้องเป็นจำนวนเต็มตั้งแต่ 15 ถึง 600');
    expect(Object.keys(bad).sort()).toEqual(['overdueMinutes', 'pollMinSeconds', 'retentionDays']);
    expect(checkNumbers({ ...ok, pollMinSeconds: '600', pollMaxSeconds: '60' }, t).pollMinSeconds).toBe(
      'ค่าตรวจสอบถี่ที่สุดต้องไม่มากกว่าค่าห่างที่สุด',
    );
  });

  it('saves valid numbers, refuses invalid ones with a message tied to the field', () => {
    const p = props();
    const { container } = render(<Options {...p} />);
    const min = container.querySelector('#field-pollMinSeconds') as HTMLInputElement;
    fireEvent.input(min, { target: { value: '3' } });
    fireEvent.submit(container.querySelector('#checking-form') as HTMLFormElement);
    expect(p.onChange).not.toHaveBeenCalled();
    expect(min.getAttribute('aria-invalid')).toBe('true');
    expect(min.getAttribute('aria-describedby')).toContain('error-pollMinSeconds');
    fireEvent.input(min, { target: { value: '45' } });
    fireEvent.submit(container.querySelector('#checking-form') as HTMLFormElement);
    expect(p.onChange).toHaveBeenCalledWith({ pollMinSeconds: 45 });
  });

  it('shows what policy fixed as locked, with the organisation note', () => {
    const { container } = render(<Options {...props()} />);
    const max = container.querySelector('#field-pollMaxSeconds') as HTMLInputElement;
    expect(max.disabled).toBe(true);
    expect(container.querySelector('#lock-pollMaxSeconds')?.textContent).toBe('กำหนดโดยหน่วยงานของคุณ');
    expect(
      (container.querySelector('input[name="language"]') as HTMLInputElement).closest('fieldset')?.disabled,
    ).toBe(true);
  });

  it('asks before deleting everything', () => {
    const p = props();
    const { container } = render(<Options {...p} />);
    fireEvent.click(container.querySelector('#clear') as Element);
    expect(container.querySelector('[role="alertdialog"]')?.textContent).toContain('12 รายการ');
    fireEvent.click(container.querySelector('#clear-no') as Element);
    expect(p.onClear).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector('#clear') as Element);
    fireEvent.click(container.querySelector('#clear-yes') as Element);
    expect(p.onClear).toHaveBeenCalledTimes(1);
  });
});

describe('notifications on the options page', () => {
  it('asks the browser for the permission in the same click that turns them on', () => {
    const p = props({ settings: resolveSettings({ notifications: false }, {}) });
    const { container } = render(<Options {...p} />);
    fireEvent.click(container.querySelector('input[name="notifications"]') as Element);
    expect(p.onChange).toHaveBeenCalledWith({ notifications: true });
    expect(p.onAllowNotifications).toHaveBeenCalledTimes(1);
  });
});

describe('the policy section', () => {
  it('lists each policy key with its value and whether it was applied, and why not', () => {
    const settings = resolveSettings({}, { overdueMinutes: 60, pollMinSeconds: 1, colour: 'red' });
    const { container } = render(<Options {...props({ settings })} />);
    const rows = Array.from(container.querySelectorAll('#policy tbody tr')).map((tr) => [
      tr.getAttribute('data-key'),
      tr.querySelector('td code')?.textContent,
      tr.querySelector('td:last-child')?.textContent,
    ]);
    expect(rows).toEqual([
      ['overdueMinutes', '60', 'ใช้แล้ว'],
      ['pollMinSeconds', '1', 'ไม่ได้ใช้: ต้องเป็นจำนวนเต็มตั้งแต่ 15 ถึง 600'],
      ['colour', 'red', 'ไม่ได้ใช้: ไม่มีค่านี้ในส่วนขยาย'],
    ]);
  });

  it('says in English too, and shows a partly used site profile as such', () => {
    const settings = resolveSettings({ language: 'en' }, { pollMinSeconds: 1 });
    const partly = {
      ...settings,
      policy: [
        ...settings.policy,
        {
          key: 'siteProfile',
          value: '{"x":1}',
          applied: true,
          why: { code: 'whyProfilePartly' as const, params: { parts: 'x' } },
        },
      ],
    };
    const { container } = render(<Options {...props({ settings: partly, t: pageTranslator('en') })} />);
    expect(
      Array.from(container.querySelectorAll('#policy tbody td:last-child')).map((td) => td.textContent),
    ).toEqual(['Not used: expected a whole number from 15 to 600', 'partly used; not used: x']);
  });

  it('is absent without policy', () => {
    const { container } = render(<Options {...props({ settings: resolveSettings({}, {}) })} />);
    expect(container.querySelector('#policy')).toBeNull();
  });
});

describe('the way to the training page', () => {
  it('is a section of the options page, absent when switched off', () => {
    const { unmount } = render(
      <Options {...props({ trainingHref: 'chrome-extension://x/training.html' })} />,
    );
    expect(screen.getByRole('link', { name: 'เปิดหน้าฝึกใช้งาน' }).getAttribute('href')).toBe(
      'chrome-extension://x/training.html',
    );
    unmount();
    render(<Options {...props()} />);
    expect(screen.queryByRole('link', { name: 'เปิดหน้าฝึกใช้งาน' })).toBeNull();
  });
});
