/**
 * How a payment's status and the checks are said, the same in the panel and the popup: an icon
 * and words for each status (never colour alone), and the last and next check.
 */
import { formatTime } from '../core/dates';
import type { MessageKey, Translate } from '../core/i18n';
import type { PauseReason } from '../core/planner';
import type { PollerView } from '../core/protocol';
import type { VoucherStatus } from '../core/records';

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

/**
 * The status chip, and the overdue one beside it when the payment waits too long. A save whose
 * answer never came (`unconfirmed`) says so instead of "awaiting": e-LAAS may not have it.
 */
export function StatusChips({
  status,
  overdue,
  unconfirmed = false,
  t,
}: {
  status: VoucherStatus;
  overdue: boolean;
  unconfirmed?: boolean;
  t: Translate;
}) {
  return (
    <>
      <span
        class={`evw-chip evw-chip--${status}${unconfirmed ? ' evw-chip--unconfirmed' : ''}`}
        data-status={status}
      >
        <span aria-hidden="true">{unconfirmed ? '?' : STATUS_ICON[status]} </span>
        {t(unconfirmed ? 'statusUnconfirmed' : STATUS_KEY[status])}
      </span>
      {overdue ? (
        <span class="evw-chip evw-chip--overdue" data-status="overdue">
          <span aria-hidden="true">{STATUS_ICON.overdue} </span>
          {t('statusOverdue')}
        </span>
      ) : null}
    </>
  );
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
