import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '../../components/Options';
import { Popup, type PopupProps } from '../../components/Popup';
import { pageTranslator } from '../../core/i18n-pages';
import { resolveSettings } from '../../core/settings';

const t = pageTranslator('th');

function popup(patch: Partial<PopupProps> = {}): PopupProps {
  return {
    summary: {
      counts: { awaiting: 0, processing: 0, created: 0, failed: 0, cancelled: 0, overdue: 0 },
      total: 0,
      latest: [],
      poller: { lastCheckAt: null, nextCheckAt: null, paused: null },
      now: Date.parse('2026-06-10T03:00:00Z'),
      overdueMs: 30 * 60_000,
      elaasUrl: 'https://laas.dla.go.th/#/expenditure/payments',
      voucherUrl: '/#/expenditure/vouchers/{voucherNo}',
    },
    lang: 'th',
    thaiDigits: false,
    t,
    checking: false,
    voucherHref: () => '',
    onCheckNow: vi.fn(),
    onOpenElaas: vi.fn(),
    onSettings: vi.fn(),
    ...patch,
  };
}

describe('the way to the training page', () => {
  it('is a button in the popup while the organisation offers training', () => {
    const onTraining = vi.fn();
    const { unmount } = render(<Popup {...popup({ onTraining })} />);
    fireEvent.click(screen.getByRole('button', { name: 'ฝึกใช้งาน' }));
    expect(onTraining).toHaveBeenCalledOnce();
    unmount();
    render(<Popup {...popup()} />);
    expect(screen.queryByRole('button', { name: 'ฝึกใช้งาน' })).toBeNull();
  });

  it('is a section of the options page, absent when switched off', () => {
    const base: Omit<OptionsProps, 'trainingHref'> = {
      settings: resolveSettings({}, {}),
      t,
      status: '',
      recordCount: 0,
      onChange: vi.fn(),
      onResetNotice: vi.fn(),
      notificationsAllowed: false,
      onAllowNotifications: vi.fn(),
      onPurge: vi.fn(),
      onExport: vi.fn(),
      onImport: vi.fn(),
      onClear: vi.fn(),
    };
    const { unmount } = render(<Options {...base} trainingHref="chrome-extension://x/training.html" />);
    expect(screen.getByRole('link', { name: 'เปิดหน้าฝึกใช้งาน' }).getAttribute('href')).toBe(
      'chrome-extension://x/training.html',
    );
    unmount();
    render(<Options {...base} />);
    expect(screen.queryByRole('link', { name: 'เปิดหน้าฝึกใช้งาน' })).toBeNull();
  });
});
