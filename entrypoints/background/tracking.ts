/**
 * Tracking in the background: keep each captured payment, check e-LAAS when the planner says,
 * where the clerk's session is (an open e-LAAS tab), apply what it says, and show the result on
 * the badge. State lives in IndexedDB and storage, never in globals: the service worker may stop
 * at any time and the alarm brings it back.
 */
import { coalesced, oneAtATime } from '../../core/coalesce';
import { match } from '../../core/matcher';
import { nextCheckAt, type PauseReason, type PollerState, planCheck } from '../../core/planner';
import {
  type CheckRequest,
  MAX_FIRST_PAGE,
  type MyRecords,
  type PollerView,
  parseCheckResult,
} from '../../core/protocol';
import {
  type CapturedPayment,
  type CaptureSource,
  isOverdue,
  notReceived,
  type PaymentRecord,
  panelRecords,
  recordId,
  type Scope,
  type StatusRow,
  unconfirmed,
} from '../../core/records';
import { applyRow } from '../../core/status';
import { isRecord } from '../../core/validate';
import {
  failedRecords,
  getRecord,
  pendingRecords,
  putRecords,
  recordedBetween,
  recordsOf,
} from '../../platform/extension/db';
import { host } from '../../platform/host';
import { notifyChanges } from './notify';
import { drain, spill, spilledRecords, storageProblem } from './spill';

export const CHECK_ALARM = 'voucher-check';
const POLLER_KEY = 'poller';
/** Two captures of the same save (API and form) within this window are one payment. */
const SAME_SAVE_MS = 2 * 60_000;
/**
 * A save that left without an answer is settled as never received only by a whole read of the
 * list begun this long after it: e-LAAS may still be working on a request that arrived late (a
 * gateway gives up on a request after about a minute; the simulator's slowest answer is 30 s).
 */
export const UNANSWERED_GRACE_MS = 60_000;

async function pollerState(): Promise<PollerState> {
  const v = (await host().kv.get(POLLER_KEY)) as Partial<PollerState> | undefined;
  return {
    lastCheckAt: typeof v?.lastCheckAt === 'number' ? v.lastCheckAt : null,
    failures: typeof v?.failures === 'number' ? v.failures : 0,
    paused: typeof v?.paused === 'string' ? (v.paused as PauseReason) : null,
  };
}

async function pollSettings() {
  const s = (await host().loadSettings()).values;
  return {
    minIntervalMs: s.pollMinSeconds * 1000,
    maxIntervalMs: s.pollMaxSeconds * 1000,
    overdueMs: s.overdueMinutes * 60_000,
  };
}

/** Set (or clear) the one alarm from the planner, and return what the overlay shows. */
export async function schedule(): Promise<PollerView> {
  const [pending, state, s, now] = await Promise.all([
    // A database refusing reads (blocked) has nothing to plan with yet; the panel says why.
    pendingRecords().catch(() => [] as PaymentRecord[]),
    pollerState(),
    pollSettings(),
    host().now(),
  ]);
  const at = nextCheckAt(pending, state, s, now);
  await host().setTimer(CHECK_ALARM, at === null ? null : at - now);
  await updateBadge(pending, state, s.overdueMs, now);
  return { lastCheckAt: state.lastCheckAt, nextCheckAt: at, paused: state.paused };
}

export async function pollerView(): Promise<PollerView> {
  const [pending, state, s, now] = await Promise.all([
    // A database refusing reads (blocked) has nothing to plan with yet; the panel says why.
    pendingRecords().catch(() => [] as PaymentRecord[]),
    pollerState(),
    pollSettings(),
    host().now(),
  ]);
  return {
    lastCheckAt: state.lastCheckAt,
    nextCheckAt: nextCheckAt(pending, state, s, now),
    paused: state.paused,
  };
}

const BADGE_TITLE: Record<PauseReason | 'ok' | 'none', string> = {
  ok: 'ติดตามใบผ่านรายการจ่าย: รอใบผ่านรายการจ่าย {n} รายการ',
  none: 'ติดตามใบผ่านรายการจ่าย: ไม่มีรายการที่รอ',
  offline: 'ติดตามใบผ่านรายการจ่าย: ออฟไลน์ จะตรวจสอบเมื่อกลับมาออนไลน์',
  'logged-out': 'ติดตามใบผ่านรายการจ่าย: ออกจากระบบ e-LAAS แล้ว เข้าสู่ระบบเพื่อให้ตรวจสอบต่อ',
  maintenance: 'ติดตามใบผ่านรายการจ่าย: e-LAAS ปิดปรับปรุง จะตรวจสอบใหม่ภายหลัง',
  'no-tab': 'ติดตามใบผ่านรายการจ่าย: เปิด e-LAAS ไว้เพื่อให้ตรวจสอบต่อ',
  'site-error': 'ติดตามใบผ่านรายการจ่าย: อ่านข้อมูลจาก e-LAAS ไม่ได้ จะลองใหม่',
};

/** What the badge shows: pure, so it is tested without a browser. */
export function badgeLook(
  pending: PaymentRecord[],
  unseenFailures: number,
  paused: PauseReason | null,
  overdueMs: number,
  now: number,
): { text: string; color: string; title: string } {
  const n = pending.length;
  const overdue = pending.some((r) => isOverdue(r, now, overdueMs));
  const alarming = overdue || unseenFailures > 0;
  const color = paused && n > 0 ? '#5f6b7a' : alarming ? '#a4161a' : '#123c69';
  const text = n > 0 ? `${n}${alarming ? '!' : ''}` : unseenFailures > 0 ? '✕' : '';
  let title = (n === 0 ? BADGE_TITLE.none : BADGE_TITLE[paused ?? 'ok']).replace('{n}', String(n));
  if (unseenFailures > 0) title += ` · ${BADGE_FAILED.replace('{f}', String(unseenFailures))}`;
  return { text, color, title };
}

const BADGE_FAILED = 'ประมวลผลไม่สำเร็จ {f} รายการ เปิดหน้า e-LAAS เพื่อดูสาเหตุ';
const SEEN_KEY = 'failuresSeenAt';

/** Failures the clerk has not seen in a panel yet. */
async function unseenFailures(): Promise<number> {
  const seen = await host().kv.get(SEEN_KEY);
  const since = typeof seen === 'number' ? seen : 0;
  return (await failedRecords()).filter((r) => (r.history.at(-1)?.at ?? r.recordedAt) > since).length;
}

/** A panel showed the clerk their failures: the badge stops calling for attention. */
export async function failuresSeen(): Promise<void> {
  await host().kv.set({ [SEEN_KEY]: await host().now() });
  await schedule();
}

async function updateBadge(
  pending: PaymentRecord[],
  state: PollerState,
  overdueMs: number,
  now: number,
): Promise<void> {
  // A userscript has no badge: nothing to work out, and its texts stay out of it.
  if (import.meta.env.EVW_USERSCRIPT) return;
  await host().badge(badgeLook(pending, await unseenFailures(), state.paused, overdueMs, now));
}

export const CHANGED_KEY = 'recordsChangedAt';

/**
 * Records changed: the e-LAAS tabs of that origin (or all, for null) re-read their panels, and
 * extension pages (popup, options) see the storage key move.
 */
export function recordsChanged(origin: string | null): Promise<void> {
  changedOrigins.add(origin);
  return tellChanges();
}

/** Origins whose tabs have not yet been told (null: every tab). */
const changedOrigins = new Set<string | null>();
/**
 * A burst of changes is told at most once a second (and the badge and next check set as often):
 * each tab re-reads its panel when told, and a burst of captures told one by one kept the tabs
 * re-reading without pause (the soak: the background fell tens of seconds behind the clerks).
 */
const BURST_GAP_MS = 1000;

/** Told once for many changes: once more after the run in flight, not once per change. */
const tellChanges = coalesced(async () => {
  const origins = [...changedOrigins];
  changedOrigins.clear();
  if (origins.length === 0) return;
  await host().kv.set({ [CHANGED_KEY]: Date.now() });
  if (origins.includes(null)) await tellAllTabs();
  else await Promise.all(origins.map((origin) => notifyTabs(origin as string)));
}, BURST_GAP_MS);

/** The next check and the badge, after captures: one run for a burst of them (see coalesced). */
const scheduleSoon = coalesced(async () => {
  await schedule();
}, BURST_GAP_MS);

/** Tell the e-LAAS tabs of an origin that records changed, so their panels re-read them. */
async function notifyTabs(origin: string): Promise<void> {
  const tabs = await host().tabsOf(origin);
  await Promise.all(
    tabs.map((tab) =>
      host()
        .sendToTab(tab.id, { type: 'records/changed' })
        .catch(() => undefined),
    ),
  );
}

/**
 * Tell every e-LAAS tab to re-read its records, or (`state/changed`) its settings and notice
 * (tabs we may not read have no URL and are skipped).
 */
export async function tellAllTabs(
  type: 'records/changed' | 'state/changed' = 'records/changed',
): Promise<void> {
  const tabs = await host().allTabs();
  await Promise.all(
    tabs.map((tab) =>
      host()
        .sendToTab(tab.id, { type })
        .catch(() => undefined),
    ),
  );
}

/**
 * Every change to the records takes its turn: each reads records and writes what follows from
 * them, and two at once would each write over the other's change (a capture read a payment as
 * awaiting, the list on screen then showed its voucher, and the capture wrote it back awaiting).
 * Nothing in a turn waits for a tab.
 */
export const recordsTurn = oneAtATime();

/**
 * Keep a payment the clerk just recorded. Idempotent: the same save captured twice (API and
 * dialog, arriving together) is one record. Captures take their turn (recordsTurn), so two of the
 * same save cannot both miss each other.
 */
export function capture(
  origin: string,
  scope: Scope,
  payment: CapturedPayment,
  capturedFrom: CaptureSource,
): Promise<{ id: string; duplicate: boolean; record: PaymentRecord | null }> {
  const run = recordsTurn(() =>
    captureNow(origin, scope, payment, capturedFrom).catch(async (error: unknown): Promise<Kept> => {
      // The database would not take it (full, blocked, failing): kept aside, never dropped.
      const now = await host().now();
      const record = newRecord(origin, scope, payment, capturedFrom, now);
      // A form capture arriving after its API twin was kept aside: that one record stays.
      const { duplicate } = await spill(
        record,
        error,
        (r) =>
          r.origin === origin &&
          r.unit === scope.unit &&
          r.user === scope.user &&
          sameSave(r, payment, now, capturedFrom),
      );
      return { id: record.id, duplicate, changed: 'records', record: duplicate ? null : record };
    }),
  );
  // Kept: the answer goes back now. The tabs, the badge and the next check follow (at most once
  // a second in a burst); the next capture does not wait for them. A failure to tell them is made
  // good by the next change or check.
  return run.then(({ id, duplicate, changed, record }) => {
    // e-LAAS' answer to a save (its API's, or its success dialog): it is up, and so are we.
    const answered = capturedFrom === 'api' || capturedFrom === 'form';
    if (changed === 'pending' || answered)
      void afterCapture(answered, changed === 'pending').catch(() => undefined);
    if (changed) void recordsChanged(origin).catch(() => undefined);
    return { id, duplicate, record };
  });
}

/**
 * After a capture: a pause of checking (maintenance, errors, offline, logged out) is over when
 * e-LAAS has just answered a save, so checks go on at the usual pace rather than minutes later
 * (the soak: unanswered saves waited five minutes after a maintenance spell for the check that
 * settles them, while the clerks were saving again); then the next check and the badge.
 */
async function afterCapture(answered: boolean, pendingAdded: boolean): Promise<void> {
  let lifted = false;
  if (answered) {
    const state = await pollerState();
    if (state.paused !== null || state.failures > 0) {
      await host().kv.set({ [POLLER_KEY]: { ...state, paused: null, failures: 0 } });
      lifted = true;
    }
  }
  if (pendingAdded || lifted) await scheduleSoon();
}

/**
 * A capture's result, and what it changed: `pending`, a new pending record (the next check and
 * the badge follow); `records`, what the panels show; null, nothing they show.
 */
interface Kept {
  id: string;
  duplicate: boolean;
  changed: 'pending' | 'records' | null;
  /** The record as kept, for the tab that sent it to show at once (null: kept aside earlier). */
  record: PaymentRecord | null;
}

/**
 * A save a page left unanswered is taken up by the tab's next page, up to ten minutes on (and the
 * same save kept meanwhile from its unreadable answer, or as unanswered by the page that left):
 * a record without e-LAAS' id of the same ฎีกา, amount and date within this is that save.
 */
const UNANSWERED_SAME_MS = 10 * 60_000;

/**
 * How far apart in time two captures of one save can be, by how the later one was captured: what
 * a page left in the tab's storage (unanswered, or unreadable) may come from the tab's next page.
 */
function sameSaveWindow(captured: CaptureSource): number {
  return captured === 'unanswered' || captured === 'unreadable' ? UNANSWERED_SAME_MS : SAME_SAVE_MS;
}

/** Is this record the same save as a payment captured now (API and dialog, or twice)? */
function sameSave(r: PaymentRecord, payment: CapturedPayment, now: number, captured: CaptureSource): boolean {
  // A save e-LAAS never received is no payment: a save of the same ฎีกา now is a new one.
  if (notReceived(r)) return false;
  // A save no answer was seen for is never one whose answer was read (with e-LAAS' id): that is
  // another save of the ฎีกา, in another tab, say (the tab writes an answer it read down, and
  // sends it as such). Only a record without an id can be it.
  if (captured === 'unanswered' && r.elaasId !== null) return false;
  const key = payment.ref ?? payment.elaasId;
  // A save whose answer came back unreadable has had its answer: an answer with e-LAAS' id is
  // another save of the ฎีกา (another tab's, seconds apart), and so is a record that has one
  // from its own answer. By ฎีกา, amount and date they would pass for one save and lose one.
  const unreadableApart =
    (captured === 'api' && r.capturedFrom === 'unreadable') ||
    (captured === 'unreadable' && r.elaasId !== null && r.capturedFrom !== 'unreadable');
  // Only a capture or a record with no e-LAAS reference at all passes by ฎีกา, amount and date:
  // two references that differ are two saves (design B: a deliberate second save's dialog shows
  // its own, and was kept as the first one's, and lost).
  return (
    (key !== null && (r.elaasId === key || r.ref === key)) ||
    (payment.elaasId !== null && r.elaasId === payment.elaasId) ||
    (!unreadableApart &&
      (key === null || (r.elaasId === null && r.ref === null)) &&
      r.dekaNo === payment.dekaNo &&
      r.amount === payment.amount &&
      r.payDate === payment.payDate &&
      Math.abs(r.recordedAt - now) < sameSaveWindow(captured))
  );
}

/** An unanswered record, confirmed by the capture of the same save: what the capture says. */
function confirmedBy(
  r: PaymentRecord,
  payment: CapturedPayment,
  capturedFrom: CaptureSource,
  now: number,
): PaymentRecord {
  const moved = r.status !== payment.status;
  return {
    ...r,
    ...payment,
    capturedFrom,
    history: moved ? [...r.history, { status: payment.status, at: now, source: 'capture' }] : r.history,
  };
}

function newRecord(
  origin: string,
  scope: Scope,
  payment: CapturedPayment,
  capturedFrom: CaptureSource,
  now: number,
): PaymentRecord {
  const key = payment.ref ?? payment.elaasId;
  return {
    id: recordId(
      { origin, ...scope },
      key ?? `${payment.dekaNo}|${payment.amount}|${payment.payDate}|${now}`,
    ),
    origin,
    unit: scope.unit,
    user: scope.user,
    ...payment,
    recordedAt: now,
    failureReason: null,
    history: [{ status: payment.status, at: now, source: 'capture' }],
    lastCheckedAt: null,
    capturedFrom,
  };
}

async function captureNow(
  origin: string,
  scope: Scope,
  payment: CapturedPayment,
  capturedFrom: CaptureSource,
): Promise<Kept> {
  const now = await host().now();
  // The reference first (sameSave, newRecord): the API answer and the success dialog both show
  // it, so both captures of one save name the same record. Only the record of that key and the
  // clerk's records of the last minutes can be the same save: two lookups by index, not a read
  // of everything the clerk ever recorded (a thousand records would slow every capture).
  const key = payment.ref ?? payment.elaasId;
  const window = sameSaveWindow(capturedFrom);
  const [byKey, recent] = await Promise.all([
    key === null ? undefined : getRecord(recordId({ origin, ...scope }, key)),
    recordedBetween(now - window, now + window),
  ]);
  const mine = [
    ...(byKey ? [byKey] : []),
    ...recent.filter((r) => r.origin === origin && r.unit === scope.unit && r.user === scope.user),
  ];
  const same = mine.find((r) => sameSave(r, payment, now, capturedFrom));
  if (same) {
    // The API capture knows e-LAAS' id; a form capture of the same save learns it here.
    // The site's own answer knows what the form could only guess: its id, and the fiscal year
    // (a ฎีกา of last year's budget may be paid today), which the status check lists by.
    if (same.capturedFrom === 'unanswered' && capturedFrom !== 'unanswered') {
      // A save whose answer was lost, then its answer (or its dialog) after all: a payment now.
      const record = confirmedBy(same, payment, capturedFrom, now);
      await putRecords([record]);
      return { id: same.id, duplicate: true, changed: 'records', record };
    }
    let record = same;
    if (capturedFrom === 'api' && same.capturedFrom === 'form') {
      record = {
        ...same,
        elaasId: payment.elaasId ?? same.elaasId,
        ref: payment.ref ?? same.ref,
        fiscalYear: payment.fiscalYear,
        payDate: payment.payDate,
        amount: payment.amount,
        capturedFrom: 'api',
      };
      await putRecords([record]);
    }
    return { id: same.id, duplicate: true, changed: null, record };
  }
  const record = newRecord(origin, scope, payment, capturedFrom, now);
  await putRecords([record]);
  return { id: record.id, duplicate: false, changed: 'pending', record };
}

/** Apply rows from e-LAAS to the pending records of one unit on one origin; returns the changes. */
export async function applyRows(
  origin: string,
  unit: string,
  rows: StatusRow[],
  source: 'check' | 'list',
): Promise<PaymentRecord[]> {
  const changed = await recordsTurn(async () => {
    const now = await host().now();
    const candidates = (await pendingRecords()).filter((r) => r.origin === origin && r.unit === unit);
    const updated: PaymentRecord[] = [];
    const moved: PaymentRecord[] = [];
    const matched = new Set<string>();
    for (const m of match(candidates, rows)) {
      matched.add(m.record.id);
      const applied = applyRow(m.record, m.row, now, source);
      if (m.record.capturedFrom === 'unanswered') {
        // A save whose answer was lost, found in e-LAAS: a payment, as if read from its form.
        applied.record.capturedFrom = 'form';
        applied.changed = true;
      }
      updated.push(applied.record);
      if (applied.changed) moved.push(applied.record);
    }
    if (source === 'check') {
      // Checked and still not in the answer: remember we looked, so the planner backs off.
      for (const r of candidates) if (!matched.has(r.id)) updated.push({ ...r, lastCheckedAt: now });
    }
    await putRecords(updated);
    return moved;
  });
  if (changed.length > 0) await recordsChanged(origin);
  return changed;
}

/** A tab runs e-LAAS' list request (paged, maybe slow): past this, its answer is not awaited. */
const TAB_ANSWER_MS = 90_000;

export function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in time')), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

let running: Promise<{ view: PollerView; changed: PaymentRecord[] }> | null = null;

/**
 * One check at a time: a "check now" while the alarm's check runs (or two tabs asking at once)
 * shares the running one instead of sending e-LAAS a second request.
 */
export function runCheck(): Promise<{ view: PollerView; changed: PaymentRecord[] }> {
  running ??= checkOnce().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Per e-LAAS origin, the tab that last answered a check (kept while the background runs; after a
 * restart the tabs are asked in the browser's order again).
 */
const checkedIn = /* @__PURE__ */ new Map<string, number>();

const CURSOR_KEY = 'checkCursor';
/** When each origin's read of the list in turns began (absent: no read under way). */
const PASS_KEY = 'checkPassStart';

async function passStarts(): Promise<Record<string, number>> {
  const v = await host().kv.get(PASS_KEY);
  return isRecord(v)
    ? (Object.fromEntries(Object.entries(v).filter(([, at]) => Number.isFinite(at))) as Record<
        string,
        number
      >)
    : {};
}

/**
 * The list was read through, from its first page, in a read begun at `passStart`: an unanswered
 * save it did not hold, made well before that read began, never reached e-LAAS. It fails, saying
 * so, and the clerk records it again (the duplicate guard no longer stops that).
 */
async function settleUnanswered(
  records: PaymentRecord[],
  seen: Set<string>,
  passStart: number,
): Promise<PaymentRecord[]> {
  return recordsTurn(async () => {
    const now = await host().now();
    const settled: PaymentRecord[] = [];
    for (const r of records) {
      if (!unconfirmed(r) || seen.has(r.id) || r.recordedAt + UNANSWERED_GRACE_MS > passStart) continue;
      // Read again: a capture of the same save may have confirmed it meanwhile.
      const current = await getRecord(r.id);
      if (!current || !unconfirmed(current)) continue;
      settled.push({
        ...current,
        status: 'failed',
        lastCheckedAt: now,
        history: [...current.history, { status: 'failed', at: now, source: 'check' }],
      });
    }
    if (settled.length > 0) await putRecords(settled);
    return settled;
  });
}

/** Where each origin's next check starts in the list (absent: at page 1). */
async function checkCursors(): Promise<Record<string, number>> {
  const v = await host().kv.get(CURSOR_KEY);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v).filter(
      ([, page]) => Number.isInteger(page) && (page as number) > 1 && (page as number) <= MAX_FIRST_PAGE,
    ),
  ) as Record<string, number>;
}

/** One check: for every origin with pending payments, ask an open e-LAAS tab to run it. */
async function checkOnce(): Promise<{ view: PollerView; changed: PaymentRecord[] }> {
  const pending = await pendingRecords();
  const state = await pollerState();
  const changed: PaymentRecord[] = [];
  if (pending.length > 0) {
    const byOrigin = new Map<string, PaymentRecord[]>();
    for (const r of pending) byOrigin.set(r.origin, [...(byOrigin.get(r.origin) ?? []), r]);
    let paused: PauseReason | null = null;
    let failed = false;
    const checkStart = await host().now();
    const [cursors, passes] = await Promise.all([checkCursors(), passStarts()]);
    const cursorsBefore = JSON.stringify([cursors, passes]);
    for (const [origin, records] of byOrigin) {
      const plan = planCheck(records);
      if (!plan) continue;
      const tabs = await host().tabsOf(origin);
      if (tabs.length === 0) {
        paused = 'no-tab';
        continue;
      }
      // The tab that answered the last check first: a tab passed over as signed out is not asked
      // (a request e-LAAS refuses) at every check while the clerk's own tab answers.
      if (!import.meta.env.EVW_USERSCRIPT) {
        const lastTab = checkedIn.get(origin);
        tabs.sort((a, b) => Number(b.id === lastTab) - Number(a.id === lastTab));
      }
      const request: CheckRequest = {
        type: 'check/run',
        dateFrom: plan.dateFrom,
        fiscalYears: plan.fiscalYears,
        firstPage: cursors[origin] ?? 1,
      };
      let answered = false;
      /** A tab said its clerk is signed out: another tab of this e-LAAS may still be signed in. */
      let signedOut = false;
      for (const tab of tabs) {
        let reply: unknown;
        try {
          reply = await answerWithin(host().sendToTab(tab.id, request), TAB_ANSWER_MS);
        } catch {
          // No overlay in that tab (still loading, not an e-LAAS page we run on), or it did not
          // answer in time (closed or navigated mid-check): a stuck tab never stalls checking.
          continue;
        }
        const result = parseCheckResult(reply);
        if (!result) continue;
        // A sign-in is the tab's own on an e-LAAS that keeps it in the app (design A's token, in
        // the tab's memory): an idle tab whose token expired says "signed out" while the tab the
        // clerk works in is signed in (the soak: an unanswered save never settled, every check
        // asking the idle tab). The next tab is asked; signed out only if every tab says so.
        if (!result.ok && result.reason === 'logged-out') {
          signedOut = true;
          continue;
        }
        answered = true;
        if (!import.meta.env.EVW_USERSCRIPT) checkedIn.set(origin, tab.id);
        if (result.ok) {
          for (const unit of new Set(records.map((r) => r.unit))) {
            changed.push(...(await applyRows(origin, unit, result.rows, 'check')));
          }
          // The profile's page limit stopped the check before some payments were seen (a long
          // list: hundreds of newer payments): the next check reads on from there, then starts
          // over, so every payment is reached with the same few requests per check.
          const seen = new Set(match(records, result.rows).map((m) => m.record.id));
          const unseen = records.some((r) => !seen.has(r.id));
          // When this read of the whole list began (unknown for a read begun before an update).
          const passStart = request.firstPage === 1 ? checkStart : (passes[origin] ?? null);
          if (unseen && result.nextPage !== null) {
            cursors[origin] = result.nextPage;
            if (passStart === null) delete passes[origin];
            else passes[origin] = passStart;
          } else {
            delete cursors[origin];
            delete passes[origin];
            if (result.nextPage === null && passStart !== null)
              changed.push(...(await settleUnanswered(records, seen, passStart)));
          }
        } else {
          paused = result.reason === 'unreadable' ? 'site-error' : result.reason;
          failed = result.reason === 'unreadable' || result.reason === 'site-error';
        }
        break;
      }
      if (!answered) paused = signedOut ? 'logged-out' : (paused ?? 'no-tab');
    }
    // Written only when it moved: extension pages listening to storage need not wake each check.
    if (JSON.stringify([cursors, passes]) !== cursorsBefore)
      await host().kv.set({ [CURSOR_KEY]: cursors, [PASS_KEY]: passes });
    const next: PollerState = {
      lastCheckAt: await host().now(),
      failures: failed ? state.failures + 1 : 0,
      paused,
    };
    await host().kv.set({ [POLLER_KEY]: next });
  }
  const view = await schedule();
  try {
    await notifyChanges(changed);
  } catch (error) {
    // A notification that cannot be shown must not lose the check's results.
    console.warn('[Voucher Watch] notification failed', error);
    await host().kv.set({ lastNotificationError: String(error) });
  }
  return { view, changed };
}

export async function myRecords(origin: string, scope: Scope): Promise<MyRecords> {
  // Payments kept aside while the database refused them go in now if it takes them again.
  if (await drain()) await schedule().catch(() => undefined);
  const mineOf = (r: PaymentRecord) => r.origin === origin && r.unit === scope.unit && r.user === scope.user;
  const [stored, aside, problem, poller, s, now] = await Promise.all([
    recordsOf(origin, scope.unit, scope.user).catch(() => [] as PaymentRecord[]),
    spilledRecords(),
    storageProblem(),
    pollerView(),
    pollSettings(),
    host().now(),
  ]);
  const ids = new Set(stored.map((r) => r.id));
  const records = [...stored, ...aside.filter((r) => mineOf(r) && !ids.has(r.id))];
  const recent = panelRecords(records, now);
  // A userscript's notifications need no permission: nothing to offer.
  const offerNotifications =
    !import.meta.env.EVW_USERSCRIPT &&
    (await host().loadSettings()).values.notifications &&
    !(await host().notifications.allowed());
  return {
    records: recent,
    poller,
    now,
    overdueMs: s.overdueMs,
    offerNotifications,
    storageProblem: problem,
  };
}

export { getRecord };
