/**
 * The status panel on e-LAAS pages: the clerk's payments and where each voucher stands, a filter,
 * the last and next check, why checking is paused, and "check now". Props in, callbacks out.
 * Drawn by DOM calls (components/dom.ts): what the clerk works in (the filter, the search box, the
 * buttons, each unchanged row) stays the same element from one update to the next, so its focus,
 * caret and typing survive the checks' news; only the elapsed times' text changes on a tick.
 */
import type { Lang } from '../core/dates';
import { formatBaht, formatElapsed, formatTime } from '../core/dates';
import { digits } from '../core/digits';
import type { MessageKey, Translate } from '../core/i18n';
import type { PollerView } from '../core/protocol';
import { isOverdue, isPending, notReceived, type PaymentRecord, unconfirmed } from '../core/records';
import { type Child, h, setChildren } from './dom';
import { checkTimes, iconLabel, PAUSE_KEY, STATUS_ICON, statusChips } from './Status';

export type PanelFilter = 'all' | 'pending' | 'overdue' | 'failed' | 'created';

/** A clock that ticks: the time now, and a call on every tick (elapsed times follow it). */
export interface Ticker {
  now(): number;
  subscribe(listener: () => void): () => void;
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
  // Each record ranked once, not at each of the sort's comparisons (the panel's first draw runs
  // cold on every e-LAAS page: docs/interface.md, "Cost").
  const ranked = records.map((r) => ({
    r,
    rank: r.status === 'failed' ? 0 : isOverdue(r, now, overdueMs) ? 1 : isPending(r) ? 2 : 3,
  }));
  ranked.sort((a, b) => a.rank - b.rank || b.r.recordedAt - a.r.recordedAt);
  return ranked.map((x) => x.r);
}

/** Does a record pass the filter and the search text (ฎีกาเลขที่, payee, voucher number)? */
export function passes(
  r: PaymentRecord,
  filter: PanelFilter,
  query: string,
  now: number,
  overdueMs: number,
): boolean {
  return matcher(filter, query, now, overdueMs)(r);
}

/** `passes` for one filter and search text, read once for a whole list. */
function matcher(
  filter: PanelFilter,
  query: string,
  now: number,
  overdueMs: number,
): (r: PaymentRecord) => boolean {
  const q = query.trim().toLowerCase();
  return (r) =>
    inFilter(r, filter, now, overdueMs) &&
    (q === '' ||
      r.dekaNo.toLowerCase().includes(q) ||
      r.payee.toLowerCase().includes(q) ||
      (r.voucherNo ?? '').toLowerCase().includes(q));
}

function inFilter(r: PaymentRecord, filter: PanelFilter, now: number, overdueMs: number): boolean {
  return (
    filter === 'all' ||
    (filter === 'pending' && isPending(r)) ||
    (filter === 'overdue' && isOverdue(r, now, overdueMs)) ||
    (filter === 'failed' && r.status === 'failed') ||
    (filter === 'created' && r.status === 'created')
  );
}

/** How many records each filter shows (no search text): one pass over the records. */
export function countByFilter(
  records: PaymentRecord[],
  now: number,
  overdueMs: number,
): Record<PanelFilter, number> {
  const counts: Record<PanelFilter, number> = { all: 0, pending: 0, overdue: 0, failed: 0, created: 0 };
  for (const r of records) for (const f of FILTERS) if (inFilter(r, f, now, overdueMs)) counts[f]++;
  return counts;
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

interface Row {
  li: HTMLElement;
  /** What the row shows was drawn from: the same, the row is kept as it is. */
  drawn: string;
  /** Its elapsed time's text, ticking while it waits. */
  elapsed: { text: Text; since: number } | null;
}

/** "รอมาแล้ว 42 นาที 07 วินาที": how long a payment has waited, on the ticking clock. */
function waitedText(p: PendingPanelProps, since: number): string {
  return p.t('panelElapsed', { elapsed: formatElapsed(p.ticker.now() - since, p.lang, p.thaiDigits) });
}

function recordRow(r: PaymentRecord, p: PendingPanelProps): Row {
  const { t } = p;
  const overdue = isOverdue(r, p.now, p.overdueMs);
  const elapsed = (ms: number) => formatElapsed(ms, p.lang, p.thaiDigits);
  // How long until the voucher showed, on our own clock both ends (e-LAAS' clock may differ).
  const createdSeenAt =
    r.status === 'created' ? r.history.find((e) => e.status === 'created')?.at : undefined;
  const ticking = isPending(r) ? new Text(waitedText(p, r.recordedAt)) : null;
  const li = h(
    'li',
    {
      class: `evw-record evw-record--${r.status}${overdue ? ' evw-record--overdue' : ''}`,
      'data-record-id': r.id,
      'data-deka': r.dekaNo,
    },
    h(
      'div',
      { class: 'evw-record__main' },
      h('span', { class: 'evw-record__deka' }, r.dekaNo),
      h('span', { class: 'evw-record__payee' }, r.payee),
      h('span', { class: 'evw-record__amount' }, formatBaht(r.amount, p.thaiDigits)),
    ),
    h(
      'div',
      { class: 'evw-record__status' },
      ...statusChips(r.status, overdue, unconfirmed(r), t),
      r.voucherNo &&
        h(
          'span',
          { class: 'evw-voucher-links' },
          h(
            'a',
            { class: 'evw-voucher', href: p.voucherHref(r.voucherNo) },
            t('panelVoucher', { no: r.voucherNo }),
          ),
          h(
            'a',
            {
              class: 'evw-print',
              href: p.voucherHref(r.voucherNo, true),
              'aria-label': t('panelPrintLabel', { no: r.voucherNo }),
            },
            t('panelPrint'),
          ),
        ),
    ),
    h(
      'div',
      { class: 'evw-record__times' },
      h(
        'span',
        { class: 'evw-record__time' },
        t('panelRecordedAt', { time: formatTime(r.recordedAt, p.thaiDigits) }),
      ),
      ticking
        ? h('span', { class: 'evw-record__elapsed' }, ticking)
        : createdSeenAt !== undefined &&
            h(
              'span',
              { class: 'evw-record__elapsed' },
              t('panelTook', { elapsed: elapsed(createdSeenAt - r.recordedAt) }),
            ),
    ),
    unconfirmed(r)
      ? h('p', { class: 'evw-reason evw-reason--unanswered' }, t('panelUnanswered'))
      : notReceived(r)
        ? h('p', { class: 'evw-reason evw-reason--not-received' }, t('panelNotReceived'))
        : r.status === 'failed' && r.failureReason
          ? h('p', { class: 'evw-reason' }, r.failureReason)
          : null,
  );
  return { li, drawn: '', elapsed: ticking && { text: ticking, since: r.recordedAt } };
}

export interface PanelView {
  el: HTMLElement;
  /** Draw these props: only what changed is touched. */
  update(p: PendingPanelProps): void;
  /** Stop ticking. */
  destroy(): void;
}

/** The panel, drawn once and updated in place. */
export function createPendingPanel(): PanelView {
  /** The props last drawn: the persistent controls call back through them. */
  let p = null as unknown as PendingPanelProps;
  const button = (cls: string, onClick: () => void) =>
    h('button', { type: 'button', class: `evw-button ${cls}`, onClick });

  const title = h('h2', { id: 'evw-panel-title', class: 'evw-panel__title' });
  const counts = h('span', { class: 'evw-panel__count' });
  const dock = button('evw-button--quiet evw-panel__dock', () => p.onDock());
  const dockIcon = h('span', { 'aria-hidden': 'true' });
  dock.append(dockIcon);
  const toggle = button('evw-panel__toggle', () => p.onToggle());
  toggle.setAttribute('aria-controls', 'evw-panel-body');
  const live = h('p', { class: 'evw-visually-hidden', 'aria-live': 'polite' });
  const body = h('div', { id: 'evw-panel-body', class: 'evw-panel__body' });
  const offerText = h('span', null);
  const offerButton = button('evw-offer-notifications', () => p.onOfferNotifications());
  const offer = h('p', { class: 'evw-offer' }, offerText, offerButton);
  const filterLabel = h('span', null);
  const options = new Map(FILTERS.map((f) => [f, h('option', { value: f })]));
  const select = h(
    'select',
    { class: 'evw-filter', onChange: () => p.onFilter(select.value as PanelFilter) },
    ...options.values(),
  ) as HTMLSelectElement;
  const searchLabel = h('span', { class: 'evw-visually-hidden' });
  const search = h('input', {
    type: 'search',
    class: 'evw-search',
    onInput: () => p.onQuery(search.value),
  }) as HTMLInputElement;
  const toolbar = h(
    'div',
    { class: 'evw-toolbar' },
    h('label', { class: 'evw-field' }, filterLabel, select),
    h('label', { class: 'evw-field evw-field--grow' }, searchLabel, search),
  );
  const list = h('ul', { class: 'evw-records' });
  const showAll = button('evw-show-all', () => p.onShowAll());
  const checks = h('span', { class: 'evw-checks' });
  const settings = button('evw-button--quiet evw-settings', () => p.onSettings?.());
  const checkNow = button('evw-button--primary evw-check-now', () => p.onCheckNow()) as HTMLButtonElement;
  const foot = h('div', { class: 'evw-panel__foot' });
  const el = h(
    'section',
    { 'aria-labelledby': 'evw-panel-title' },
    h(
      'div',
      { class: 'evw-panel__head' },
      title,
      counts,
      h('span', { class: 'evw-panel__actions' }, dock, toggle),
    ),
    live,
    body,
  );

  const rows = new Map<string, Row>();
  let unsubscribe: (() => void) | null = null;
  const tick = () => {
    for (const row of rows.values()) {
      if (!row.elapsed) continue;
      const text = waitedText(p, row.elapsed.since);
      if (row.elapsed.text.data !== text) row.elapsed.text.data = text;
    }
  };
  const text = (node: Element | Text, value: string) => {
    if (node.textContent !== value) node.textContent = value;
  };

  const update = (next: PendingPanelProps) => {
    p = next;
    const { t } = p;
    const counted = countByFilter(p.records, p.now, p.overdueMs);
    const count = (f: PanelFilter) => counted[f];
    const pending = count('pending');
    const overdue = count('overdue');
    const failed = count('failed');
    const matching = byAttention(
      p.records.filter(matcher(p.filter, p.query, p.now, p.overdueMs)),
      p.now,
      p.overdueMs,
    );
    const shown = p.showAll ? matching : matching.slice(0, PANEL_FIRST);
    const n = (v: number) => digits(String(v), p.thaiDigits);

    el.className = `evw-panel evw-panel--${p.dock}`;
    el.lang = p.lang;
    text(title, t('panelTitle'));
    const countChip = (cls: string, icon: string, label: string, v: number) =>
      iconLabel({ class: `evw-count ${cls}` }, icon, `${label} ${n(v)}`);
    setChildren(counts, [
      h('span', { class: 'evw-count' }, t('panelPendingCount', { n: n(pending) })),
      overdue > 0 && countChip('evw-count--overdue', STATUS_ICON.overdue, t('filterOverdue'), overdue),
      failed > 0 && countChip('evw-count--failed', STATUS_ICON.failed, t('filterFailed'), failed),
    ]);
    const dockLabel = p.dock === 'top' ? t('panelDockBottom') : t('panelDockTop');
    dock.setAttribute('aria-label', dockLabel);
    dock.title = dockLabel;
    text(dockIcon, p.dock === 'top' ? '⤓' : '⤒');
    toggle.setAttribute('aria-expanded', String(p.open));
    text(toggle, p.open ? t('panelHide') : t('panelShow'));
    text(live, p.announcement);
    body.hidden = !p.open;

    text(offerText, t('notifyOffer'));
    text(offerButton, t('notifyOfferButton'));
    text(filterLabel, t('panelFilter'));
    for (const [f, option] of options) text(option, `${t(FILTER_KEY[f])} (${n(count(f))})`);
    if (select.value !== p.filter) select.value = p.filter;
    text(searchLabel, t('panelSearch'));
    search.placeholder = t('panelSearch');
    if (search.value !== p.query) search.value = p.query;
    text(showAll, t('panelShowAll', { n: n(matching.length) }));
    text(checks, checkTimes(p.poller, p.checking, p.thaiDigits, t));
    text(settings, t('panelSettings'));
    text(checkNow, t('panelCheckNow'));
    checkNow.disabled = p.checking;
    setChildren(foot, [
      checks,
      p.checkError &&
        h(
          'span',
          { class: 'evw-check-error', role: 'alert' },
          t('panelCheckFailed', { reason: p.checkError }),
        ),
      p.onSettings && settings,
      checkNow,
    ]);

    // Folded: no rows are drawn, so nothing ticks.
    const items: Child[] = [];
    const drawn = new Set<string>();
    if (p.open) {
      for (const r of shown) {
        const key = JSON.stringify([
          r,
          p.lang,
          p.thaiDigits,
          isOverdue(r, p.now, p.overdueMs),
          r.voucherNo && p.voucherHref(r.voucherNo),
        ]);
        let row = rows.get(r.id);
        if (!row || row.drawn !== key) {
          row = recordRow(r, p);
          row.drawn = key;
          rows.set(r.id, row);
        }
        drawn.add(r.id);
        items.push(row.li);
      }
    }
    for (const id of rows.keys()) if (!drawn.has(id)) rows.delete(id);
    setChildren(list, items);
    const storage = p.storageProblem;
    setChildren(body, [
      p.poller.paused &&
        pending > 0 &&
        h('p', { class: 'evw-paused', role: 'status' }, t(PAUSE_KEY[p.poller.paused])),
      p.unreadable && h('p', { class: 'evw-unreadable' }, t('panelUnreadable')),
      storage && h('p', { class: 'evw-storage-problem', role: 'alert' }, t(STORAGE_KEY[storage])),
      // (A userscript's notifications need no permission: never offered, left out of it.)
      !import.meta.env.EVW_USERSCRIPT && p.offerNotifications && offer,
      p.records.length === 0 ? h('p', { class: 'evw-empty' }, t('panelEmpty')) : toolbar,
      p.records.length > 0 && shown.length === 0 && h('p', { class: 'evw-empty' }, t('panelNoMatch')),
      p.open && list,
      p.open && shown.length < matching.length && showAll,
      foot,
    ]);

    const ticking = [...rows.values()].some((row) => row.elapsed);
    if (ticking && !unsubscribe) unsubscribe = p.ticker.subscribe(tick);
    else if (!ticking && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };

  return {
    el,
    update,
    destroy() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
