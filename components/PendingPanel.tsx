/**
 * The status panel on e-LAAS pages: the clerk's payments and where each voucher stands, a filter,
 * the last and next check, why checking is paused, and "check now". Props in, callbacks out.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../core/dates';
import { formatBaht, formatElapsed, formatTime } from '../core/dates';
import { digits } from '../core/digits';
import type { MessageKey, Translate } from '../core/i18n';
import type { PollerView } from '../core/protocol';
import { isOverdue, isPending, notReceived, type PaymentRecord, unconfirmed } from '../core/records';
import { checkTimes, PAUSE_KEY, StatusChips } from './Status';

export type PanelFilter = 'all' | 'pending' | 'overdue' | 'failed' | 'created';

/** A clock that ticks: the time now, and a call on every tick (elapsed times follow it). */
export interface Ticker {
  now(): number;
  subscribe(listener: () => void): () => void;
}

/** Only this text re-renders on a tick, never the whole panel. */
function Elapsed({ ticker, since, text }: { ticker: Ticker; since: number; text(ms: number): string }) {
  const [, setTick] = useState(0);
  useEffect(() => ticker.subscribe(() => setTick((n) => n + 1)), [ticker]);
  return <>{text(ticker.now() - since)}</>;
}

const FILTER_KEY: Record<PanelFilter, MessageKey> = {
  all: 'filterAll',
  pending: 'filterPending',
  overdue: 'filterOverdue',
  failed: 'filterFailed',
  created: 'filterCreated',
};

export const FILTERS = Object.keys(FILTER_KEY) as PanelFilter[];

const STORAGE_KEY: Record<'quota' | 'blocked' | 'failed', MessageKey> = {
  quota: 'storageQuota',
  blocked: 'storageBlocked',
  failed: 'storageFailed',
};

/** Shown at first; the rest one click away ("show all"), so a busy day stays quick to draw. */
export const PANEL_FIRST = 10;

/** What needs the clerk most comes first: failed, overdue, waiting, then finished; newest first. */
export function byAttention(records: PaymentRecord[], now: number, overdueMs: number): PaymentRecord[] {
  const rank = (r: PaymentRecord) =>
    r.status === 'failed' ? 0 : isOverdue(r, now, overdueMs) ? 1 : isPending(r) ? 2 : 3;
  return [...records].sort((a, b) => rank(a) - rank(b) || b.recordedAt - a.recordedAt);
}

/** Does a record pass the filter and the search text (ฎีกาเลขที่, payee, voucher number)? */
export function passes(
  r: PaymentRecord,
  filter: PanelFilter,
  query: string,
  now: number,
  overdueMs: number,
): boolean {
  const byStatus =
    filter === 'all' ||
    (filter === 'pending' && isPending(r)) ||
    (filter === 'overdue' && isOverdue(r, now, overdueMs)) ||
    (filter === 'failed' && r.status === 'failed') ||
    (filter === 'created' && r.status === 'created');
  const q = query.trim().toLowerCase();
  return (
    byStatus &&
    (q === '' ||
      r.dekaNo.toLowerCase().includes(q) ||
      r.payee.toLowerCase().includes(q) ||
      (r.voucherNo ?? '').toLowerCase().includes(q))
  );
}

export interface PendingPanelProps {
  records: PaymentRecord[];
  poller: PollerView;
  /** The background's clock when the records were read (filters and overdue go by it). */
  now: number;
  /** The same clock, ticking, for elapsed times. */
  ticker: Ticker;
  overdueMs: number;
  lang: Lang;
  thaiDigits: boolean;
  t: Translate;
  open: boolean;
  dock: 'top' | 'bottom';
  filter: PanelFilter;
  query: string;
  checking: boolean;
  /** Why the last "check now" failed, in words; empty when it did not. */
  checkError: string;
  /** This page should have a payments table and the profile cannot read it. */
  unreadable: boolean;
  /** The records database refused writes; what it refused is listed all the same. */
  storageProblem?: 'quota' | 'blocked' | 'failed' | null;
  voucherHref(voucherNo: string, print?: boolean): string;
  announcement: string;
  /** Offer to turn on notifications (on in settings, not yet allowed by the browser). */
  offerNotifications: boolean;
  /** Every matching payment, not only the first ten. */
  showAll: boolean;
  onShowAll(): void;
  onToggle(): void;
  onDock(): void;
  onFilter(filter: PanelFilter): void;
  onQuery(query: string): void;
  onCheckNow(): void;
  onOfferNotifications(): void;
  /** Absent where there is no settings page (the userscript, the training page). */
  onSettings?: () => void;
}

function RecordItem({ r, p }: { r: PaymentRecord; p: PendingPanelProps }) {
  const { t } = p;
  const overdue = isOverdue(r, p.now, p.overdueMs);
  const elapsed = (ms: number) => formatElapsed(ms, p.lang, p.thaiDigits);
  // How long until the voucher showed, on our own clock both ends (e-LAAS' clock may differ).
  const createdSeenAt =
    r.status === 'created' ? r.history.find((e) => e.status === 'created')?.at : undefined;
  return (
    <li
      class={`evw-record evw-record--${r.status}${overdue ? ' evw-record--overdue' : ''}`}
      data-record-id={r.id}
      data-deka={r.dekaNo}
    >
      <div class="evw-record__main">
        <span class="evw-record__deka">{r.dekaNo}</span>
        <span class="evw-record__payee">{r.payee}</span>
        <span class="evw-record__amount">{formatBaht(r.amount, p.thaiDigits)}</span>
      </div>
      <div class="evw-record__status">
        <StatusChips status={r.status} overdue={overdue} unconfirmed={unconfirmed(r)} t={t} />
        {r.voucherNo ? (
          <span class="evw-voucher-links">
            <a class="evw-voucher" href={p.voucherHref(r.voucherNo)}>
              {t('panelVoucher', { no: r.voucherNo })}
            </a>
            <a
              class="evw-print"
              href={p.voucherHref(r.voucherNo, true)}
              aria-label={t('panelPrintLabel', { no: r.voucherNo })}
            >
              {t('panelPrint')}
            </a>
          </span>
        ) : null}
      </div>
      <div class="evw-record__times">
        <span class="evw-record__time">
          {t('panelRecordedAt', { time: formatTime(r.recordedAt, p.thaiDigits) })}
        </span>
        {isPending(r) ? (
          <span class="evw-record__elapsed">
            <Elapsed
              ticker={p.ticker}
              since={r.recordedAt}
              text={(ms) => t('panelElapsed', { elapsed: elapsed(ms) })}
            />
          </span>
        ) : createdSeenAt !== undefined ? (
          <span class="evw-record__elapsed">
            {t('panelTook', { elapsed: elapsed(createdSeenAt - r.recordedAt) })}
          </span>
        ) : null}
      </div>
      {unconfirmed(r) ? (
        <p class="evw-reason evw-reason--unanswered">{t('panelUnanswered')}</p>
      ) : notReceived(r) ? (
        <p class="evw-reason evw-reason--not-received">{t('panelNotReceived')}</p>
      ) : r.status === 'failed' && r.failureReason ? (
        <p class="evw-reason">{r.failureReason}</p>
      ) : null}
    </li>
  );
}

export function PendingPanel(p: PendingPanelProps) {
  const { t } = p;
  const _time = (ms: number) => formatTime(ms, p.thaiDigits);
  const count = (f: PanelFilter) => p.records.filter((r) => passes(r, f, '', p.now, p.overdueMs)).length;
  const pending = count('pending');
  const overdue = count('overdue');
  const failed = count('failed');
  const matching = byAttention(
    p.records.filter((r) => passes(r, p.filter, p.query, p.now, p.overdueMs)),
    p.now,
    p.overdueMs,
  );
  const shown = p.showAll ? matching : matching.slice(0, PANEL_FIRST);
  const n = (v: number) => digits(String(v), p.thaiDigits);
  return (
    <section class={`evw-panel evw-panel--${p.dock}`} lang={p.lang} aria-labelledby="evw-panel-title">
      <div class="evw-panel__head">
        <h2 id="evw-panel-title" class="evw-panel__title">
          {t('panelTitle')}
        </h2>
        <span class="evw-panel__count">
          <span class="evw-count">{t('panelPendingCount', { n: n(pending) })}</span>
          {overdue > 0 ? (
            <span class="evw-count evw-count--overdue">
              <span aria-hidden="true">{STATUS_ICON.overdue} </span>
              {t('filterOverdue')} {n(overdue)}
            </span>
          ) : null}
          {failed > 0 ? (
            <span class="evw-count evw-count--failed">
              <span aria-hidden="true">{STATUS_ICON.failed} </span>
              {t('filterFailed')} {n(failed)}
            </span>
          ) : null}
        </span>
        <span class="evw-panel__actions">
          <button
            type="button"
            class="evw-button evw-button--quiet evw-panel__dock"
            aria-label={p.dock === 'top' ? t('panelDockBottom') : t('panelDockTop')}
            title={p.dock === 'top' ? t('panelDockBottom') : t('panelDockTop')}
            onClick={p.onDock}
          >
            <span aria-hidden="true">{p.dock === 'top' ? '⤓' : '⤒'}</span>
          </button>
          <button
            type="button"
            class="evw-button evw-panel__toggle"
            aria-expanded={p.open}
            aria-controls="evw-panel-body"
            onClick={p.onToggle}
          >
            {p.open ? t('panelHide') : t('panelShow')}
          </button>
        </span>
      </div>
      <p class="evw-visually-hidden" aria-live="polite">
        {p.announcement}
      </p>
      <div id="evw-panel-body" class="evw-panel__body" hidden={!p.open}>
        {p.poller.paused && pending > 0 ? (
          <p class="evw-paused" role="status">
            {t(PAUSE_KEY[p.poller.paused])}
          </p>
        ) : null}
        {p.unreadable ? <p class="evw-unreadable">{t('panelUnreadable')}</p> : null}
        {p.storageProblem ? (
          <p class="evw-storage-problem" role="alert">
            {t(STORAGE_KEY[p.storageProblem])}
          </p>
        ) : null}
        {/* (A userscript's notifications need no permission: never offered, left out of it.) */}
        {!import.meta.env.EVW_USERSCRIPT && p.offerNotifications ? (
          <p class="evw-offer">
            <span>{t('notifyOffer')}</span>
            <button type="button" class="evw-button evw-offer-notifications" onClick={p.onOfferNotifications}>
              {t('notifyOfferButton')}
            </button>
          </p>
        ) : null}
        {p.records.length === 0 ? (
          <p class="evw-empty">{t('panelEmpty')}</p>
        ) : (
          <div class="evw-toolbar">
            <label class="evw-field">
              <span>{t('panelFilter')}</span>
              <select
                class="evw-filter"
                value={p.filter}
                onChange={(e) => p.onFilter((e.currentTarget as HTMLSelectElement).value as PanelFilter)}
              >
                {FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {`${t(FILTER_KEY[f])} (${n(count(f))})`}
                  </option>
                ))}
              </select>
            </label>
            <label class="evw-field evw-field--grow">
              <span class="evw-visually-hidden">{t('panelSearch')}</span>
              <input
                type="search"
                class="evw-search"
                placeholder={t('panelSearch')}
                value={p.query}
                onInput={(e) => p.onQuery((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          </div>
        )}
        {p.records.length > 0 && shown.length === 0 ? <p class="evw-empty">{t('panelNoMatch')}</p> : null}
        {/* Folded: nothing below renders, so nothing ticks. */}
        {p.open ? (
          <ul class="evw-records">
            {shown.map((r) => (
              <RecordItem key={r.id} r={r} p={p} />
            ))}
          </ul>
        ) : null}
        {p.open && shown.length < matching.length ? (
          <button type="button" class="evw-button evw-show-all" onClick={p.onShowAll}>
            {t('panelShowAll', { n: n(matching.length) })}
          </button>
        ) : null}
        <div class="evw-panel__foot">
          <span class="evw-checks">{checkTimes(p.poller, p.checking, p.thaiDigits, t)}</span>
          {p.checkError ? (
            <span class="evw-check-error" role="alert">
              {t('panelCheckFailed', { reason: p.checkError })}
            </span>
          ) : null}
          {p.onSettings ? (
            <button type="button" class="evw-button evw-button--quiet evw-settings" onClick={p.onSettings}>
              {t('panelSettings')}
            </button>
          ) : null}
          <button
            type="button"
            class="evw-button evw-button--primary evw-check-now"
            onClick={p.onCheckNow}
            disabled={p.checking}
          >
            {t('panelCheckNow')}
          </button>
        </div>
      </div>
    </section>
  );
}
