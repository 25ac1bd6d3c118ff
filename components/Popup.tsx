/**
 * The toolbar popup: counts by status, the latest payments, check now, open e-LAAS, settings.
 * Props in, callbacks out.
 */
import type { Lang } from '../core/dates';
import { formatBaht, formatTime } from '../core/dates';
import { digits } from '../core/digits';
import type { Translate } from '../core/i18n';
import type { PageTranslate } from '../core/i18n-pages';
import type { StatusCounts, Summary } from '../core/protocol';
import type { VoucherStatus } from '../core/records';
import { isOverdue, unconfirmed } from '../core/records';
import { checkTimes, PAUSE_KEY, STATUS_ICON, STATUS_KEY, statusChips } from './Status';

/** The panel's chips (drawn by DOM calls) in the popup's tree; the wrapper adds no box. */
function StatusChips(p: { status: VoucherStatus; overdue: boolean; unconfirmed: boolean; t: Translate }) {
  return (
    <span
      class="evw-chips"
      ref={(el) => el?.replaceChildren(...statusChips(p.status, p.overdue, p.unconfirmed, p.t))}
    />
  );
}

export interface PopupProps {
  summary: Summary;
  lang: Lang;
  thaiDigits: boolean;
  t: PageTranslate;
  checking: boolean;
  voucherHref(origin: string, voucherNo: string): string;
  onCheckNow(): void;
  onOpenElaas(): void;
  onSettings(): void;
  /** The training sandbox; absent when the organisation switched it off. */
  onTraining?: () => void;
}

const COUNTED: (keyof StatusCounts)[] = ['awaiting', 'processing', 'overdue', 'failed', 'created'];

export function Popup(p: PopupProps) {
  const { summary: s, t } = p;
  const n = (v: number) => digits(String(v), p.thaiDigits);
  const time = (ms: number) => formatTime(ms, p.thaiDigits);
  const pending = s.counts.awaiting + s.counts.processing;
  return (
    <main class="evw-popup" lang={p.lang}>
      <h1 class="evw-popup__title">{t('productName')}</h1>
      <section aria-labelledby="popup-counts">
        <h2 id="popup-counts" class="evw-visually-hidden">
          {t('popupCounts')}
        </h2>
        <ul class="evw-counts">
          {COUNTED.map((k) => (
            <li key={k} class={`evw-count-box evw-count-box--${k}`} data-status={k}>
              <span class="evw-count-box__n">{n(s.counts[k])}</span>
              <span class="evw-count-box__label">
                <span aria-hidden="true">{STATUS_ICON[k]} </span>
                {k === 'overdue' ? t('statusOverdue') : t(STATUS_KEY[k])}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <p class="evw-popup__checks" role="status">
        {checkTimes(s.poller, p.checking, p.thaiDigits, t)}
      </p>
      {s.poller.paused && pending > 0 ? <p class="evw-paused">{t(PAUSE_KEY[s.poller.paused])}</p> : null}
      <section aria-labelledby="popup-latest">
        <h2 id="popup-latest" class="evw-popup__h2">
          {t('popupLatest')}
        </h2>
        {s.latest.length === 0 ? (
          <p class="evw-empty">{t('popupNone')}</p>
        ) : (
          <ul class="evw-latest">
            {s.latest.map((r) => {
              const overdue = isOverdue(r, s.now, s.overdueMs);
              return (
                <li key={r.id} class="evw-latest__item" data-record-id={r.id} data-deka={r.dekaNo}>
                  <span class="evw-latest__main">
                    <span class="evw-record__deka">{r.dekaNo}</span>
                    <span class="evw-latest__payee">{r.payee}</span>
                    <span class="evw-record__amount">{formatBaht(r.amount, p.thaiDigits)}</span>
                  </span>
                  <span class="evw-latest__status">
                    <StatusChips status={r.status} overdue={overdue} unconfirmed={unconfirmed(r)} t={t} />
                    {r.voucherNo ? (
                      <a
                        class="evw-voucher"
                        href={p.voucherHref(r.origin, r.voucherNo)}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {t('panelVoucher', { no: r.voucherNo })}
                      </a>
                    ) : null}
                    <span class="evw-record__time">{t('panelRecordedAt', { time: time(r.recordedAt) })}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <div class="evw-popup__actions">
        <button
          type="button"
          class="evw-button evw-button--primary evw-check-now"
          onClick={p.onCheckNow}
          disabled={p.checking}
        >
          {t('panelCheckNow')}
        </button>
        <button type="button" class="evw-button evw-open-elaas" onClick={p.onOpenElaas}>
          {t('popupOpenElaas')}
        </button>
        <button type="button" class="evw-button evw-open-settings" onClick={p.onSettings}>
          {t('popupSettings')}
        </button>
        {p.onTraining ? (
          <button type="button" class="evw-button evw-open-training" onClick={p.onTraining}>
            {t('popupTraining')}
          </button>
        ) : null}
      </div>
    </main>
  );
}
