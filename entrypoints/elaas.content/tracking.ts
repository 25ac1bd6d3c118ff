/**
 * Tracking on the page: capture payments the clerk records (through the bridge on a site that
 * talks JSON), run the background's status check where the session is, feed the payments list on
 * screen back as passive updates, and keep the clerk's records for the panel.
 */

import {
  type CheckRequest,
  type CheckResult,
  MAX_FIRST_PAGE,
  type MyRecords,
  parseCaptured,
} from '../../core/protocol';
import type { CapturedPayment, CaptureSource, PaymentRecord, Scope, StatusRow } from '../../core/records';
import { amount, isoDayText, isRecord, text } from '../../core/validate';
import type { OverlayContext } from '../../platform/page-context';
import type { Transport } from '../../platform/types';
import { detectPage, readCurrentUnit, readCurrentUser, readFormDekaNo } from '../../site/detect';
import {
  listPageUrl,
  type PendingSave,
  readPaymentForm,
  readSuccessDialog,
  successDialogShown,
  unconfirmedSave,
} from '../../site/form-capture';
import { type ListTable, readListTable } from '../../site/parse-list';
import type { SiteProfile } from '../../site/profile';
import { connectBridge, NO_API } from './bridge-client';
import {
  EARLY_SAVE,
  EARLY_SAVE_MAX,
  type EarlySubmit,
  noteLeftoversTaken,
  PAGE_WENT_BY,
  takeSubmitted,
} from './line';
import { createListeners } from './listeners';
import { ourMutation } from './ours';

/**
 * The site profile in force: the background may change it (policy), so read it at each use; and
 * whether the organisation enabled this e-LAAS (`elaasOrigins`).
 */
export interface ProfileRef {
  readonly profile: SiteProfile;
  readonly enabled: boolean;
}

export interface TrackingStore {
  get(): MyRecords | null;
  subscribe(listener: () => void): () => void;
  refresh(): void;
  /** The profile in force changed (policy): the page-world bridge must use it too. */
  profileChanged(): void;
  /** Check at once; resolves with why it could not run, or null. */
  checkNow(): Promise<string | null>;
  /** Whether this page's payments table could be read (null: no table expected here). */
  listReadable(): boolean | null;
  /** The payments table last read on this page, with its row elements. */
  listTable(): ListTable | null;
  scope(): Scope;
  /** Read the payments list on screen, if this page has one, and send what it says. */
  readList(): boolean;
  /** Look for e-LAAS' success dialog after a save the API capture may have missed, and keep the saves an earlier page of this tab left unsettled. */
  readDialog(): void;
}

const PENDING_SAVE = 'evw-pending-save';
const UNREADABLE_GRACE_MS = 3000;
/** A save's success dialog must show within this time of its submit (the next page, maybe). */
const SAVE_WINDOW_MS = 2 * 60_000;

/** Saves that left for e-LAAS and are not settled yet: kept for this tab's next page. */
const SAVES_OUT = 'evw-saves-out';

/**
 * A save that left, as the tab writes it down: what the form said, and what came back if
 * anything did (e-LAAS' answer, or that it was unreadable) while the background had not said it
 * kept it yet. The next page then sends what was known, not a question.
 */
interface SaveOut extends PendingSave {
  answer?: CapturedPayment;
  /** The answer was read from e-LAAS' success dialog (a form capture), not its API's answer. */
  fromDialog?: boolean;
  unreadable?: boolean;
  /** A form the browser sent itself (server-rendered e-LAAS): its answer is the next page. */
  formPost?: boolean;
  /** A page has taken it up already: a later page showing its form again is no send-back. */
  seen?: boolean;
}
/** A save left unsettled by a page that went away is taken up by the next page within this. */
const SAVE_OUT_MS = 10 * 60_000;

/** What the page's storage holds, checked (the page's own scripts can write there too). */
function asPendingSave(v: unknown, maxAgeMs: number): PendingSave | null {
  if (!isRecord(v)) return null;
  const { dekaNo, payee, amount: a, payDate, at } = v;
  return text(dekaNo, 40) &&
    text(payee, 300, true) &&
    amount(a) &&
    isoDayText(payDate) &&
    typeof at === 'number' &&
    Date.now() - at < maxAgeMs &&
    at <= Date.now() + 60_000 // not from the future: a minute of slack for the clock set back
    ? { dekaNo, payee, amount: a, payDate, at }
    : null;
}

function readSession(key: string): unknown {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function writeSession(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the save is still captured from its answer, as before.
  }
}

function pendingSave(): PendingSave | null {
  return asPendingSave(readSession(PENDING_SAVE), SAVE_WINDOW_MS);
}

function savesOut(): SaveOut[] {
  const v = readSession(SAVES_OUT);
  if (!Array.isArray(v)) return [];
  const out: SaveOut[] = [];
  for (const raw of v.slice(-20)) {
    const save = asPendingSave(raw, SAVE_OUT_MS);
    if (!save) continue;
    const r = raw as Record<string, unknown>;
    const answer = r.answer === undefined ? null : parseCaptured(r.answer);
    out.push({
      ...save,
      ...(answer ? { answer } : {}),
      ...(answer && r.fromDialog === true ? { fromDialog: true } : {}),
      ...(r.unreadable === true ? { unreadable: true } : {}),
      ...(r.formPost === true ? { formPost: true } : {}),
      ...(r.seen === true ? { seen: true } : {}),
    });
  }
  return out;
}

/** Write down what came back for the save of `dekaNo` (see SaveOut). */
function noteSaveOut(dekaNo: string, what: Pick<SaveOut, 'answer' | 'unreadable' | 'seen'>): void {
  const saves = savesOut();
  if (!saves.some((s) => s.dekaNo === dekaNo)) return;
  writeSession(
    SAVES_OUT,
    saves.map((s) => (s.dekaNo === dekaNo ? { ...s, ...what } : s)),
  );
}

/** Write down a save that left (in place of any earlier one of its ฎีกา). */
function putSaveOut(save: SaveOut, saves = savesOut()): void {
  writeSession(SAVES_OUT, [...saves.filter((s) => s.dekaNo !== save.dekaNo), save]);
}

function settleSaveOut(dekaNo: string): void {
  const left = savesOut().filter((s) => s.dekaNo !== dekaNo);
  writeSession(SAVES_OUT, left.length > 0 ? left : null);
}

/**
 * The status check on a server-rendered e-LAAS: fetch the payments list page with the clerk's
 * session (same origin, cookies) and read its table through the profile.
 */
async function checkByListPage(profile: SiteProfile, req: CheckRequest): Promise<CheckResult> {
  if (!navigator.onLine) return { ok: false, reason: 'offline' };
  const rows: StatusRow[] = [];
  let previous = '';
  const last = req.firstPage + profile.api.list.maxPages - 1;
  for (let n = req.firstPage; n <= last; n++) {
    let res: Response;
    try {
      res = await fetch(listPageUrl(profile, location.origin, req.dateFrom, n), {
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, reason: navigator.onLine ? 'site-error' : 'offline' };
    }
    if (res.status === 503) return { ok: false, reason: 'maintenance' };
    if (res.status === 401 || res.status === 403) return { ok: false, reason: 'logged-out' };
    if (!res.ok) return { ok: false, reason: 'site-error', message: `HTTP ${res.status}` };
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    if (detectPage(profile, new URL(res.url), doc) === 'login') return { ok: false, reason: 'logged-out' };
    const table = readListTable(profile.listPage, profile.statusTexts, doc);
    if (!table) return { ok: false, reason: 'unreadable' };
    const pageRows = table.rows.map((r) => r.row).filter((r): r is StatusRow => r !== null);
    const key = JSON.stringify(pageRows);
    // A page past the end comes back empty, or (some sites) as the last page again.
    if (pageRows.length === 0 || key === previous) return { ok: true, rows, nextPage: null };
    previous = key;
    rows.push(...pageRows);
  }
  return { ok: true, rows, nextPage: last + 1 };
}

const REFRESH_MS = 30_000;
/** Work that can wait for an idle moment waits no longer than this. */
const IDLE_WAIT_MS = 1000;

/**
 * Run `f` when the page is idle (soon after it has loaded), unless the overlay has ended. Asked
 * for from a task of its own: the first `requestIdleCallback` of a page costs some 0.2 ms, which
 * the task that draws the notice and the panel need not wait for (docs/interface.md, "Cost").
 */
function whenIdle(ctx: OverlayContext, f: () => void): void {
  const run = () => {
    if (!ctx.isInvalid) f();
  };
  ctx.setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
    else run();
  }, 0);
}

function isCheckRequest(m: unknown): m is CheckRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    r.type === 'check/run' &&
    typeof r.dateFrom === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.dateFrom) &&
    Array.isArray(r.fiscalYears) &&
    r.fiscalYears.length <= 3 &&
    r.fiscalYears.every((y) => Number.isInteger(y)) &&
    Number.isInteger(r.firstPage) &&
    (r.firstPage as number) >= 1 &&
    (r.firstPage as number) <= MAX_FIRST_PAGE
  );
}

/**
 * `early`: a form submitted on this page before the overlay started, which the line let through
 * (line.ts): its post is under way, its save ours to follow.
 */
export function startTracking(
  ctx: OverlayContext,
  site: ProfileRef,
  transport: Transport,
  early: EarlySubmit | null = null,
): TrackingStore {
  let snapshot: MyRecords | null = null;
  const listeners = createListeners();
  const scope = (): Scope => ({
    unit: readCurrentUnit(site.profile, document) ?? '?',
    user: readCurrentUser(site.profile, document) ?? '?',
  });

  // One read at a time: news arriving meanwhile (a burst of saves in several tabs) makes one
  // more read once this one is back, not one each.
  let reading = false;
  let readAgain = false;
  // A read that failed (a background starting, busy or restarting) is tried again soon, backing
  // off, rather than leave the panel without the clerk's payments until the next periodic read
  // (six times in a row at most, from 250 ms doubling: a background that keeps failing is left to
  // that periodic read; a read that succeeds starts the count again).
  let failedReads = 0;
  const refresh = () => {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    void transport.request({ type: 'records/mine', scope: scope() }).then((reply) => {
      reading = false;
      if (readAgain) {
        readAgain = false;
        refresh();
        return;
      }
      if (ctx.isInvalid) return;
      if (!reply.ok) {
        if (failedReads < 6) {
          // (In the console, for whoever looks into a panel slow to fill; not in the userscript:
          // its size budget.)
          if (!import.meta.env.EVW_USERSCRIPT)
            console.info('[Voucher Watch] could not read the payments, trying again:', reply.error);
          ctx.setTimeout(refresh, 250 << failedReads++);
        }
        return;
      }
      failedReads = 0;
      snapshot = reply.data;
      // The views (the panel) draw the clerk's payments now; the list on screen, which may hold
      // rows for them not read yet, is read in a task of its own: a list of thousands of rows must
      // not hold the panel back. Its statuses follow on the rows a moment later.
      listeners.tell();
      if (listAsked || lastTable?.table.isConnected) ctx.setTimeout(() => readList(), 0);
    });
  };

  /** A record the background just kept, into the clerk's records on this page until the next read. */
  const show = (kept: unknown) => {
    if (!snapshot) {
      // Kept before this page's first read came back, which may have been answered before it was
      // kept: read once more after it (a second read in flight waits for the first).
      return refresh();
    }
    if (!isRecord(kept) || typeof kept.id !== 'string') return;
    const r = kept as unknown as PaymentRecord;
    const who = scope();
    if (r.unit !== who.unit || r.user !== who.user) return; // the clerk changed meanwhile
    const records = snapshot.records.filter((x) => x.id !== r.id);
    snapshot = { ...snapshot, records: [r, ...records] };
    listeners.tell();
  };

  // A capture must not be lost when the background is busy or restarting: retry, backing off.
  // A save that left stays in the tab's storage until the background has it (`settles`: its ฎีกา).
  const record = (payment: CapturedPayment, capturedFrom: CaptureSource, settles = payment.dekaNo) => {
    if (!site.enabled) return; // not an e-LAAS the organisation lets us follow
    const who = scope();
    const attempt = (n: number) =>
      void transport
        .request({ type: 'payment/recorded', scope: who, payment, capturedFrom })
        .then((reply) => {
          // Kept: shown here at once as the background kept it; the background then tells every
          // tab of this e-LAAS, this one too, to re-read (at most once a second in a burst, not a
          // read per answer in each tab).
          if (reply.ok) {
            settleSaveOut(settles);
            show(reply.data.record);
          }
          // A background stopped or far behind (the soak saw one away for over 16 s) must not make
          // the page give up: about two and a half minutes of tries, backing off to 10 s.
          else if (n < 20 && !ctx.isInvalid) {
            // (In the console, for whoever looks into a payment slow to show; as above.)
            if (!import.meta.env.EVW_USERSCRIPT)
              console.info('[Voucher Watch] a recorded payment not kept yet, trying again:', reply.error);
            ctx.setTimeout(() => attempt(n + 1), Math.min(10_000, 250 * 2 ** n));
          } else console.warn('[Voucher Watch] could not keep a recorded payment:', reply.error);
        });
    attempt(0);
  };

  // The save in flight: the form's, from its submit, once the bridge saw the request leave.
  let saveOut: PendingSave | null = null;
  // A save whose form the browser sends itself (no app prevented it: a server-rendered e-LAAS),
  // from its submit until this page goes: its answer is the next page, which the clerk may close
  // before our overlay has looked at it there (a quick clerk, a busy machine: e2e tests lost
  // payments so). Written down as the page goes, as an API save is when it leaves (see 'sent').
  let posted: { save: PendingSave; event: Event } | null = null;
  // Saves an earlier page of this tab sent and never saw settled: e-LAAS may have them or not.
  // Kept once the page says whose they are (its unit and user are not drawn yet at our start).
  // (Read then, once, not at our start: sessionStorage is slow to open, see readDialog.) Taken
  // before this page writes down a save of its own, and never the one it waits on: that is no
  // save a page left (taken for one, it was kept twice: unanswered, then from its answer).
  let leftoversTaken = false;
  /** `answered`: the ฎีกา whose success dialog this page has just read (kept from it already). */
  const takeLeftovers = (answered?: string) => {
    if (leftoversTaken || readCurrentUnit(site.profile, document) === null) return;
    leftoversTaken = true;
    if (!import.meta.env.EVW_USERSCRIPT) noteLeftoversTaken();
    // e-LAAS sent a posted form back (server-rendered, refused: the same form, no success dialog):
    // nothing was recorded; the clerk corrects it and saves again. Only on the first page after
    // the post that looks: when its answer went by unseen (a page of the tab left before our
    // overlay took these up, see line.ts) or an earlier page took it up already, the same form
    // here is the clerk's, opened again; e-LAAS may have the payment (taken for sent back, it was
    // lost). Looked for only for such a save: on a page without the form (a long list) the query
    // walks the whole page.
    const sentBack = (save: SaveOut) => {
      if (save.seen) return false;
      const wentBy = readSession(PAGE_WENT_BY);
      if (typeof wentBy === 'number' && wentBy > save.at) return false;
      const form = document.querySelector(site.profile.recordForm.form);
      return (
        form !== null &&
        !successDialogShown(site.profile, document) &&
        readFormDekaNo(site.profile, form) === save.dekaNo
      );
    };
    for (const save of savesOut()) {
      if (save.dekaNo === saveOut?.dekaNo || save.dekaNo === answered) continue;
      if (save.formPost && !save.answer) {
        if (sentBack(save)) {
          settleSaveOut(save.dekaNo);
          continue;
        }
        // Until the background has it: a later page must not take it for sent back either.
        if (!save.seen) noteSaveOut(save.dekaNo, { seen: true });
      }
      if (save.answer) record(save.answer, save.fromDialog ? 'form' : 'api', save.dekaNo);
      else record(unconfirmedSave(save), save.unreadable ? 'unreadable' : 'unanswered');
    }
  };
  const bridge = connectBridge(
    site,
    ctx.signal,
    (event) => {
      if (event.kind === 'sent') {
        posted = null; // the app sends it: its answer comes to this page
        // Until its answer is kept, it is written down for the tab's next page: a page that goes
        // away mid-save (the clerk leaves, a redirect) must not lose a payment e-LAAS may have.
        takeLeftovers();
        saveOut = pendingSave();
        if (saveOut) putSaveOut(saveOut);
        return;
      }
      if (event.kind === 'recorded') {
        if (saveOut) noteSaveOut(saveOut.dekaNo, { answer: event.payment });
        record(event.payment, 'api', saveOut?.dekaNo);
        saveOut = null;
        return;
      }
      const save = saveOut;
      saveOut = null;
      if (!save) return;
      if (event.kind === 'refused') {
        // e-LAAS said no, or could not take it: nothing recorded, nothing to keep.
        settleSaveOut(save.dekaNo);
        return;
      }
      writeSession(PENDING_SAVE, null);
      savePending = false;
      if (event.kind === 'unreadable') noteSaveOut(save.dekaNo, { unreadable: true });
      // Unreadable: the save went through but its answer cannot be read, and e-LAAS shows no
      // success dialog: keep what the form said, unconfirmed (no e-LAAS id), for the status check
      // to confirm by ฎีกา, amount and date. No answer at all: e-LAAS may or may not have it; the
      // check settles which. Kept now, a second save of the same ฎีกา meets the duplicate guard.
      record(unconfirmedSave(save), event.kind === 'unreadable' ? 'unreadable' : 'unanswered');
    },
    () => {
      // A check here met 401 (an expired token, or signed out) and the app has a new token now
      // (it renewed it, or the clerk signed in again): check at once, not at the next try a minute
      // on, while the panel says the clerk signed out.
      void transport.request({ type: 'check/now' }).catch(() => undefined);
    },
  );
  const stop = transport.onCommand((message) => {
    if (isCheckRequest(message)) {
      // A site that talks JSON: the app's own API, through the bridge. Otherwise: the list page.
      return bridge
        .present()
        .then((present) =>
          present
            ? bridge
                .runCheck(message)
                .then((result) =>
                  !result.ok && result.message === NO_API ? checkByListPage(site.profile, message) : result,
                )
            : checkByListPage(site.profile, message),
        );
    }
    if (
      typeof message === 'object' &&
      message !== null &&
      (message as { type?: unknown }).type === 'records/changed'
    ) {
      refresh();
      return Promise.resolve(true);
    }
    return undefined;
  });
  ctx.onInvalidated(stop);

  let lastRows = '';
  let listReadable: boolean | null = null;
  let unreadableSince: number | null = null;
  let lastTable: ListTable | null = null;
  let lastWanted = '';
  let lastProfile = site.profile;
  /** The list was asked for before the clerk's records were known: read it when they are. */
  let listAsked = false;
  // Whether the table read last changed since: its own observer says so, which costs the page
  // nothing while it is still (rather than comparing a long table's text at each DOM check).
  // Our inline statuses coming and going are not the table changing.
  let tableChanged = true;
  const tableObserver = new MutationObserver((mutations) => {
    if (!mutations.every(ourMutation)) tableChanged = true;
  });
  ctx.onInvalidated(() => tableObserver.disconnect());
  /** Read the list and tell the views; false when nothing was read or told. */
  const readList = (): boolean => {
    // Only the clerk's own payments matter here: their ฎีกา numbers pick the rows worth reading.
    if (!snapshot) {
      listAsked = true;
      return false;
    }
    listAsked = false;
    const wanted = new Set(snapshot.records.map((r) => r.dekaNo));
    const wantedKey = [...wanted].join();
    if (
      lastTable?.table.isConnected &&
      !tableChanged &&
      site.profile === lastProfile &&
      wantedKey === lastWanted
    )
      return false;
    const table = readListTable(site.profile.listPage, site.profile.statusTexts, document, wanted);
    tableObserver.disconnect();
    if (table) tableObserver.observe(table.table, { childList: true, subtree: true, characterData: true });
    tableChanged = false;
    lastWanted = wantedKey;
    lastProfile = site.profile;
    // A page still drawing its table is not unreadable yet: say so only after a grace period.
    if (table) unreadableSince = null;
    else if (unreadableSince === null) {
      unreadableSince = Date.now();
      ctx.setTimeout(() => {
        if (detectPage(site.profile, location, document) === 'payment-list') readList();
      }, UNREADABLE_GRACE_MS);
    }
    const readable = table !== null || Date.now() - (unreadableSince ?? 0) < UNREADABLE_GRACE_MS;
    // A table read again has news (new text, a re-render, our payments changed): the views
    // (inline statuses) follow it. Our own inline statuses never trigger a read.
    lastTable = table;
    const told = readable !== listReadable || table !== null;
    if (told) {
      listReadable = readable;
      listeners.tell();
    }
    if (!table) return told;
    const rows = table.rows.map((r) => r.row).filter((r): r is StatusRow => r !== null);
    const key = JSON.stringify(rows);
    if (rows.length === 0 || key === lastRows) return told;
    lastRows = key;
    void transport.request({ type: 'status/rows', scope: scope(), rows }).then((reply) => {
      if (reply.ok && reply.data.changed > 0) refresh();
    });
    return told;
  };

  // Capture from the form too: remember what was submitted, confirm it by the success dialog.
  // Heard first (capture, on the window): the app's own handler sends the save inside this very
  // event, and the bridge says so at once, before a listener further on would have run.
  const submitted = (form: HTMLFormElement, event: Event, at: number) => {
    const save = readPaymentForm(site.profile, form, at);
    if (save) {
      writeSession(PENDING_SAVE, save);
      savePending = true;
      posted = { save, event };
    }
  };
  ctx.addEventListener(
    window,
    'submit',
    (event) => {
      if (ctx.isInvalid) return;
      if (!import.meta.env.EVW_USERSCRIPT) takeSubmitted(); // ours: the line need not write it down
      if (event.target instanceof HTMLFormElement) submitted(event.target, event, Date.now());
    },
    { capture: true },
  );
  // This runs on every DOM check: sessionStorage (slow to open) is read only once a dialog
  // shows, and not again until the next submit.
  let savePending = true;
  if (!import.meta.env.EVW_USERSCRIPT && early?.form.isConnected)
    submitted(early.form, early.event, early.at);
  /**
   * A form posted on an earlier page of this tab before our overlay had started there (line.ts
   * wrote it down as that page went): read now with the profile, and taken up as that page would
   * have (a pending save for the success dialog, and a save that left).
   */
  const takeEarlySave = () => {
    const raw = readSession(EARLY_SAVE);
    if (raw === null) return;
    writeSession(EARLY_SAVE, null);
    if (!isRecord(raw) || typeof raw.html !== 'string' || raw.html.length > EARLY_SAVE_MAX) return;
    if (typeof raw.at !== 'number') return;
    // Parsed inert (no script runs, nothing loads), then read and checked as a live form is.
    const doc = new DOMParser().parseFromString(raw.html, 'text/html');
    const form = doc.querySelector(site.profile.recordForm.form) ?? doc.querySelector('form');
    const save = form && asPendingSave(readPaymentForm(site.profile, form, raw.at), SAVE_WINDOW_MS);
    if (!save || (pendingSave()?.at ?? 0) > save.at) return;
    writeSession(PENDING_SAVE, save);
    savePending = true;
    const out = savesOut();
    if (!out.some((s) => s.dekaNo === save.dekaNo)) putSaveOut({ ...save, formPost: true }, out);
  };
  // The first look waits until the page is idle: the panel is drawn first, then sessionStorage is
  // opened and the page searched for a dialog (which stays on screen until the clerk closes it).
  let firstLook: 'due' | 'waiting' | 'done' = 'due';
  const lookFirst = () => {
    firstLook = 'done';
    if (!import.meta.env.EVW_USERSCRIPT) takeEarlySave();
    readDialog();
  };
  const readDialog = () => {
    if (firstLook !== 'done') {
      if (firstLook === 'due') {
        firstLook = 'waiting';
        // (Looked at already if the page went first: then only the dialog, as on any DOM check.)
        whenIdle(ctx, () => (firstLook === 'done' ? readDialog() : lookFirst()));
      }
      return;
    }
    takeLeftovers(readSaved());
  };
  /** e-LAAS' success dialog for the save in flight, if it shows: kept; its ฎีกา, or undefined. */
  const readSaved = (): string | undefined => {
    if (!savePending || !successDialogShown(site.profile, document)) return;
    const save = pendingSave();
    savePending = save !== null;
    if (!save) return;
    const payment = readSuccessDialog(site.profile, document, save);
    if (!payment) return;
    writeSession(PENDING_SAVE, null);
    posted = null;
    // Written down until the background has it: the clerk may close the dialog, and so leave
    // the page, before the capture is sent (a server-rendered e-LAAS has no API answer to fall
    // back on); the tab's next page sends it then. (An API answer written down already stays.)
    const out = savesOut();
    if (!out.some((s) => s.dekaNo === save.dekaNo && s.answer))
      putSaveOut({ ...save, answer: payment, fromDialog: true }, out);
    record(payment, 'form', save.dekaNo);
    return save.dekaNo;
  };
  ctx.addEventListener(window, 'pagehide', () => {
    // A dialog closed before the page was idle (the clerk is quick; the page goes): looked at now.
    if (firstLook !== 'done') lookFirst();
    const left = posted;
    posted = null;
    if (left && !left.event.defaultPrevented && !savesOut().some((s) => s.dekaNo === left.save.dekaNo))
      putSaveOut({ ...left.save, formPost: true });
  });

  ctx.setInterval(refresh, REFRESH_MS);
  refresh();

  return {
    get: () => snapshot,
    subscribe: listeners.add,
    refresh,
    async checkNow() {
      const reply = await transport.request({ type: 'check/now' });
      refresh();
      return reply.ok ? null : reply.error;
    },
    listReadable: () => listReadable,
    listTable: () => (lastTable?.table.isConnected ? lastTable : null),
    scope,
    readList,
    readDialog,
    profileChanged: () => bridge.syncProfile(),
  };
}
