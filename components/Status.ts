/**
 * How a payment's status and the checks are said, the same in the panel and the popup: an icon
 * and words for each status (never colour alone), and the last and next check. Drawn by DOM calls
 * (components/dom.ts); the popup puts the chips in its Preact tree through a ref.
 */
import { formatTime } from '../core/dates';
import type { MessageKey, Translate } from '../core/i18n';
import type { PauseReason } from '../core/planner';
import type { PollerView } from '../core/protocol';
import type { VoucherStatus } from '../core/records';
import { h } from './dom';

export const STATUS_KEY: Record<VoucherStatus, MessageKey> = {
  awaiting: 'statusAwaiting',
  processing: 'statusProcessing',
  created: 'statusCreated',
  failed: 'statusFailed',
  cancelled: 'statusCancelled',
};

export const STATUS_ICON: Record<VoucherStatus | 'overdue', string> = {
  awaiting: '⏳',
  processing: '⚙',
  created: '✓',
  failed: '✕',
  cancelled: '–',
  overdue: '⚠',
};

export const PAUSE_KEY: Record<PauseReason, MessageKey> = {
  offline: 'pausedOffline',
  'logged-out': 'pausedLoggedOut',
  maintenance: 'pausedMaintenance',
  'no-tab': 'pausedNoTab',
  'site-error': 'pausedSiteError',
};

/** Words with their icon before them, the icon hidden from screen readers (a chip, a count). */
export function iconLabel(props: Record<string, string>, icon: string, text: string): HTMLElement {
  return h('span', props, h('span', { 'aria-hidden': 'true' }, `${icon} `), text);
}

/**
 * The status chip, and the overlay's chip beside it when the payment waits too long. A save whose
 * answer never came (`unconfirmed`) says so instead of "awaiting": e-LAAS may not have it.
 */
export function statusChips(
  status: VoucherStatus,
  overdue: boolean,
  unconfirmed: boolean,
  t: Translate,
): HTMLElement[] {
  const chip = (cls: string, data: string, icon: string, text: string) =>
    iconLabel({ class: cls, 'data-status': data }, icon, text);
  const chips = [
    chip(
      `evw-chip evw-chip--${status}${unconfirmed ? ' evw-chip--unconfirmed' : ''}`,
      status,
      unconfirmed ? '?' : STATUS_ICON[status],
      t(unconfirmed ? 'statusUnconfirmed' : STATUS_KEY[status]),
    ),
  ];
  if (overdue)
    chips.push(chip('evw-chip evw-chip--overdue', 'overdue', STATUS_ICON.overdue, t('statusOverdue')));
  return chips;
}

/** "ตรวจสอบล่าสุด 10:40 · ครั้งถัดไป 10:50", or that a check is running. */
export function checkTimes(poller: PollerView, checking: boolean, thaiDigits: boolean, t: Translate): string {
  if (checking) return t('panelChecking');
  const time = (ms: number) => formatTime(ms, thaiDigits);
  const last = poller.lastCheckAt
    ? t('panelLastCheck', { time: time(poller.lastCheckAt) })
    : t('panelNeverChecked');
  return poller.nextCheckAt ? `${last} · ${t('panelNextCheck', { time: time(poller.nextCheckAt) })}` : last;
}
