import { fireEvent, screen } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { type NoticeProps, renderNotice } from '../../components/Notice';
import { translator } from '../../core/i18n';
import { buildNotice } from '../../core/notice';
import type { Settings } from '../../core/settings';
import { defaultSettings } from '../../core/settings';

const notice = (s: Settings, now: number) => buildNotice(s, now, translator(s.language));

const JUNE_1 = Date.parse('2026-06-01T03:00:00Z');

/** The notice drawn into the document, as the overlay's shadow root holds it. */
function render(p: NoticeProps): { container: HTMLElement } {
  const container = document.createElement('div');
  container.append(renderNotice(p));
  document.body.replaceChildren(container);
  return { container };
}

function props(patch: Partial<NoticeProps> = {}): NoticeProps {
  return {
    model: notice(defaultSettings(), JUNE_1),
    lang: 'th',
    t: translator('th'),
    variant: 'full',
    canSwitchLanguage: true,
    onDismiss: vi.fn(),
    onSwitchLanguage: vi.fn(),
    ...patch,
  };
}

describe('the notice', () => {
  it('shows the full notice as a labelled region with the countdown, what to do and the manual', () => {
    render(props());
    const region = screen.getByRole('region', { name: 'เปลี่ยนแปลงการบันทึกการจ่ายเงินใน New e-LAAS' });
    expect(region.getAttribute('lang')).toBe('th');
    expect(screen.getByText('อีก 9 วัน')).toBeTruthy();
    expect(screen.getByText('เริ่มมีผล 10 มิ.ย. 2569')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    const link = screen.getByRole('link', { name: 'คู่มือ “บันทึกการจ่ายเงิน” และคลิปวิดีโอ' });
    expect(link.getAttribute('href')).toBe('https://kmlaas.dla.go.th/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('calls back on dismiss and on the language switch, which says its language in that language', () => {
    const p = props();
    render(p);
    fireEvent.click(screen.getByRole('button', { name: 'รับทราบแล้ว ไม่ต้องแสดงอีก' }));
    // Its name is what it shows (WCAG 2.5.3), in its own language; the title says what it does.
    const lang = screen.getByRole('button', { name: 'English' });
    expect(lang.getAttribute('lang')).toBe('en');
    expect(lang.getAttribute('title')).toBe('Switch to English');
    fireEvent.click(lang);
    expect(p.onDismiss).toHaveBeenCalledOnce();
    expect(p.onSwitchLanguage).toHaveBeenCalledOnce();
  });

  it('hides what policy forbids: dismissing and switching language', () => {
    const model = { ...notice(defaultSettings(), JUNE_1), dismissible: false };
    render(props({ model, canSwitchLanguage: false }));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a compact strip that expands and collapses, with aria-expanded', () => {
    const p = props({ variant: 'strip', onExpand: vi.fn() });
    render(p);
    const more = screen.getByRole('button', { name: 'อ่านรายละเอียด' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list')).toBeNull();
    fireEvent.click(more);
    expect(p.onExpand).toHaveBeenCalledWith(true);
    render({ ...p, expanded: true });
    expect(screen.getByRole('button', { name: 'ซ่อนรายละเอียด' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it("renders an admin's text as inert text, never as markup", () => {
    const s = {
      ...defaultSettings(),
      noticeTextTh: 'ประกาศจังหวัด\n\n<img src=x onerror="alert(1)"><script>x()</script>',
    };
    const { container } = render(props({ model: notice(s, JUNE_1) }));
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"><script>x()</script>')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('announces an error', () => {
    render(props({ error: 'บันทึกการรับทราบไม่สำเร็จ กรุณาลองใหม่' }));
    expect(screen.getByRole('alert').textContent).toBe('บันทึกการรับทราบไม่สำเร็จ กรุณาลองใหม่');
  });
});
