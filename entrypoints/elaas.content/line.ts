/**
 * The line to the page-world bridge, met at document_start (site/bridge-channel.ts), kept in
 * this extension's isolated world (or the userscript's) until the overlay starts and takes it.
 */
import { type Channel, connectToBridge } from '../../site/bridge-channel';

/** Where the line met at document_start waits for the overlay (one isolated world per page). */
const HELD = Symbol.for('evw-bridge-line');

interface Held {
  channel: Channel | null;
  waiters: ((channel: Channel) => void)[];
  /** The last form submitted that the overlay has not taken (it was not started yet). */
  submitted: EarlySubmit | null;
  /** The overlay has started here and takes every submit itself. */
  started: boolean;
  /** The overlay here has taken up the saves earlier pages of the tab left (tracking.ts). */
  tookLeftovers: boolean;
  /** When this page started (the line runs first on every page). */
  since: number;
}

/** A form submitted before the overlay had started on the page. */
export interface EarlySubmit {
  form: HTMLFormElement;
  event: Event;
  submitter: HTMLElement | null;
  at: number;
  /** Held here (a form the browser would post): the overlay submits it again once it has judged it. */
  held: boolean;
}

/**
 * A form the browser would post, submitted before the overlay has started, is held this long at
 * most for it (the duplicate guard judges it), then let go (as the overlay's own hold does).
 */
const HOLD_MS = 3000;

/**
 * Where a page going away leaves, in the tab's sessionStorage, a form the browser posted before
 * the overlay had started (a quick clerk, a slow machine): the form as submitted, values in
 * place, for the next page's overlay to read with the site profile (tracking.ts).
 */
export const EARLY_SAVE = 'evw-early-save';
/** Larger forms are not written down (a payment form is a few kilobytes). */
export const EARLY_SAVE_MAX = 200_000;

/**
 * Where a page that went before our overlay took up the tab's leftovers (it never started there,
 * or the page had no top bar) writes when it started: a save posted before then had its answer on
 * that page, or earlier, and the clerk left it unseen. The same form on a later page is then the
 * clerk's doing, not e-LAAS sending the form back (tracking.ts).
 */
export const PAGE_WENT_BY = 'evw-page-went-by';

/** This page's line, once holdBridgeLine has run here. */
function heldHere(): Held | undefined {
  return (globalThis as unknown as Record<symbol, Held | undefined>)[HELD];
}

/** `form` as HTML with its current values written into it (a copy: the page is not touched). */
export function formAsSubmitted(form: HTMLFormElement): string {
  const copy = form.cloneNode(true) as HTMLFormElement;
  const live = form.querySelectorAll('input, textarea, select');
  copy.querySelectorAll('input, textarea, select').forEach((el, i) => {
    const from = live[i];
    if (el instanceof HTMLInputElement && from instanceof HTMLInputElement) {
      el.setAttribute('value', from.value);
      el.toggleAttribute('checked', from.checked);
    } else if (el instanceof HTMLTextAreaElement && from instanceof HTMLTextAreaElement)
      el.textContent = from.value;
    else if (el instanceof HTMLSelectElement && from instanceof HTMLSelectElement)
      Array.from(el.options).forEach((o, k) => {
        o.toggleAttribute('selected', from.options[k]?.selected === true);
      });
  });
  return copy.outerHTML;
}

/**
 * At document_start, before any script of the page runs: meet the bridge (site/bridge-channel.ts)
 * and keep the line for the overlay, which starts later.
 */
export function holdBridgeLine(): void {
  const g = globalThis as unknown as Record<symbol, Held | undefined>;
  if (g[HELD]) return;
  const held: Held = {
    channel: null,
    waiters: [],
    submitted: null,
    started: false,
    tookLeftovers: false,
    since: Date.now(),
  };
  g[HELD] = held;
  // A form the clerk submits before the overlay has started here (it starts once the page is
  // ready) would go unseen on a server-rendered e-LAAS, whose answer is the next page, and no
  // duplicate guard would judge it. One the browser would post is held for the overlay (at most
  // HOLD_MS, then let go), which judges it and submits it again; the overlay takes any other when
  // it starts; and a page that goes first writes the form down. (The userscript starts its
  // overlay as soon as the page is parsed, and has no room for this: docs/tracking.md.)
  if (!import.meta.env.EVW_USERSCRIPT) {
    const options = { capture: true };
    let letGo: EarlySubmit | null = null;
    window.addEventListener(
      'submit',
      (event) => {
        const form = event.target;
        // Never a form with a password in it (signing in): nothing of it is held or written down.
        if (!(form instanceof HTMLFormElement) || form.querySelector('input[type="password" i]')) return;
        const submitter = (event as SubmitEvent).submitter;
        // (Read from the attributes: `form.method` is the form's control named "method" if it has one.)
        const method = submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? '';
        const hold = !held.started && letGo === null && method.toLowerCase() === 'post';
        const s: EarlySubmit = { form, event, submitter, at: letGo?.at ?? Date.now(), held: hold };
        held.submitted = s;
        if (!hold) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        setTimeout(() => {
          if (held.submitted !== s) return; // the overlay took it
          letGo = s;
          resubmit(form, submitter);
          letGo = null;
        }, HOLD_MS);
      },
      options,
    );
    window.addEventListener(
      'pagehide',
      () => {
        // (Also when the overlay is about to take them up, in a listener of its own after this
        // one: then the next page only judges a form shown again more warily, never wrongly.)
        if (!held.tookLeftovers) {
          try {
            sessionStorage.setItem(PAGE_WENT_BY, String(held.since));
          } catch {
            // Refused: a form shown again is judged as before (e-LAAS sending it back).
          }
        }
        const s = held.submitted;
        if (!s || s.event.defaultPrevented) return;
        const html = formAsSubmitted(s.form);
        try {
          if (html.length <= EARLY_SAVE_MAX)
            sessionStorage.setItem(EARLY_SAVE, JSON.stringify({ html, at: s.at }));
        } catch {
          // Storage full or refused: the save goes unseen, as it did before the overlay had started.
        }
      },
      options,
    );
  }
  connectToBridge(document, (channel) => {
    held.channel = channel;
    for (const w of held.waiters.splice(0)) w(channel);
  });
}

/** The line, when there is one: never opened late, when the page's scripts could listen in. */
export function heldLine(onLine: (channel: Channel) => void): void {
  const held = heldHere();
  if (!held) return;
  if (held.channel) onLine(held.channel);
  else held.waiters.push(onLine);
}

/**
 * Submit `form` again, as its `submitter` (a button) did: a held save, let go (by the line, the
 * overlay's hold or the duplicate guard).
 */
export function resubmit(form: HTMLFormElement, submitter: Element | null): void {
  form.requestSubmit(
    submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : undefined,
  );
}

/** The overlay has taken up the saves earlier pages of this tab left: this page did not go by unseen. */
export function noteLeftoversTaken(): void {
  const held = heldHere();
  if (held) held.tookLeftovers = true;
}

/**
 * The form submitted before the overlay started, if any: the overlay takes it when it starts, and
 * each one submitted after (the line then holds none).
 */
export function takeSubmitted(): EarlySubmit | null {
  const held = heldHere();
  if (!held) return null;
  const s = held.submitted;
  held.submitted = null;
  held.started = true;
  return s;
}
