import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/Popup';
import { pageTranslator } from '../../core/i18n-pages';

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
});
