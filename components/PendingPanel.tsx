/**
 * The minimal pending panel on e-LAAS pages: the clerk's payments and where each voucher stands,
 * the last and next check, why checking is paused, and "check now". Props in, callbacks out.
 */
import type { Lang } from '../core/dates';
import { formatBaht, formatTime } from '../core/dates';
import type { MessageKey, Translate } from '../core/i18n';
import type { PauseReason } from '../core/planner';
import type { PollerView } from '../core/protocol';
import { isOverdue, isPending, type PaymentRecord, type VoucherStatus } from '../core/records';

export const STATUS_KEY: Record<VoucherStatus, MessageKey> = {
  awaiting: 'statusAwaiting',
  processing: 'statusProcessing',
  created: 'statusCreated',
  failed: 'statusFailed',
  cancelled: 'statusCancelled',
};

const STATUS_ICON: Record<VoucherStatus, string> = {
  awaiting: '⏳',
  processing: '⚙',
  created: '✓',
  failed: '✕',
  cancelled: '–',
};

export const PAUSE_KEY: Record<PauseReason, MessageKey> = {
  offline: 'pausedOffline',
  'logged-out': 'pausedLoggedOut',
  maintenance: 'pausedMaintenance',
  'no-tab': 'pausedNoTab',
  'site-error': 'pausedSiteError',
};

export interface PendingPanelProps {
  records: PaymentRecord[];
  poller: PollerView;
  now: number;
  overdueMs: number;
  lang: Lang;
  thaiDigits: boolean;
  t: Translate;
  open: boolean;
  voucherHref(voucherNo: string): string;
  announcement: string;
  /** Offer to turn on notifications (on in settings, not yet allowed by the browser). */
  offerNotifications: boolean;
  onToggle(): void;
  onCheckNow(): void;
  onOfferNotifications(): void;
}

export function PendingPanel(p: PendingPanelProps) {
  const { t } = p;
  const time = (ms: number) => formatTime(ms, p.thaiDigits);
  const pending = p.records.filter(isPending).length;
  return (
    <section class="evw-panel" lang={p.lang} aria-labelledby="evw-panel-title">
      <div class="evw-panel__head">
        <h2 id="evw-panel-title" class="evw-panel__title">
          {t('panelTitle')}
        </h2>
        <span class="evw-panel__count">{t('panelPendingCount', { n: pending })}</span>
        <button
          type="button"
          class="evw-button evw-panel__toggle"
          aria-expanded={p.open}
          aria-controls="evw-panel-body"
          onClick={p.onToggle}
        >
          {p.open ? t('panelHide') : t('panelShow')}
        </button>
      </div>
      <p class="evw-visually-hidden" aria-live="polite">
        {p.announcement}
      </p>
      <div id="evw-panel-body" hidden={!p.open}>
        {p.poller.paused && pending > 0 ? (
          <p class="evw-paused" role="status">
            {t(PAUSE_KEY[p.poller.paused])}
          </p>
        ) : null}
        {p.offerNotifications ? (
          <p class="evw-offer">
            <span>{t('notifyOffer')}</span>
            <button type="button" class="evw-button evw-offer-notifications" onClick={p.onOfferNotifications}>
              {t('notifyOfferButton')}
            </button>
          </p>
        ) : null}
        {p.records.length === 0 ? <p class="evw-empty">{t('panelEmpty')}</p> : null}
        <ul class="evw-records">
          {p.records.map((r) => {
            const overdue = isOverdue(r, p.now, p.overdueMs);
            return (
              <li
                key={r.id}
                class={`evw-record evw-record--${r.status}`}
                data-record-id={r.id}
                data-deka={r.dekaNo}
              >
                <div class="evw-record__main">
                  <span class="evw-record__deka">{r.dekaNo}</span>
                  <span class="evw-record__payee">{r.payee}</span>
                  <span class="evw-record__amount">{formatBaht(r.amount, p.thaiDigits)}</span>
                </div>
                <div class="evw-record__status">
                  <span class={`evw-chip evw-chip--${r.status}`} data-status={r.status}>
                    <span aria-hidden="true">{STATUS_ICON[r.status]} </span>
                    {t(STATUS_KEY[r.status])}
                  </span>
                  {overdue ? <span class="evw-chip evw-chip--overdue">{t('statusOverdue')}</span> : null}
                  {r.voucherNo ? (
                    <a class="evw-voucher" href={p.voucherHref(r.voucherNo)}>
                      {t('panelVoucher', { no: r.voucherNo })}
                    </a>
                  ) : null}
                  <span class="evw-record__time">{t('panelRecordedAt', { time: time(r.recordedAt) })}</span>
                </div>
                {r.status === 'failed' && r.failureReason ? (
                  <p class="evw-reason">{r.failureReason}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
        <div class="evw-panel__foot">
          <span class="evw-checks">
            {p.poller.lastCheckAt
              ? t('panelLastCheck', { time: time(p.poller.lastCheckAt) })
              : t('panelNeverChecked')}
            {p.poller.nextCheckAt ? ` · ${t('panelNextCheck', { time: time(p.poller.nextCheckAt) })}` : ''}
          </span>
          <button type="button" class="evw-button evw-button--primary evw-check-now" onClick={p.onCheckNow}>
            {t('panelCheckNow')}
          </button>
        </div>
      </div>
    </section>
  );
}
