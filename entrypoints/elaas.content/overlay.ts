/**
 * The overlay's router: works out which e-LAAS page is showing (the SPA changes pages without
 * loading), mounts the features that belong there and tears down the rest through their
 * AbortSignal. If the site re-renders and drops one of our elements, it is mounted again.
 */

import type { OverlayContext } from '../../platform/page-context';
import type { Transport } from '../../platform/types';
import { detectPage, isRecordForm, readCurrentUnit, readCurrentUser } from '../../site/detect';
import { DEFAULT_PROFILE, type PageKind, type SiteProfile } from '../../site/profile';
import { features } from './features';
import { contentAnchor } from './features/anchor';
import type { Feature } from './features/types';
import { resubmit, takeSubmitted } from './line';
import { ourMutation } from './ours';
import { createStateStore } from './state';
import { startTracking } from './tracking';

/** DOM changes are checked at most this often; the page's own work comes first. */
const DOM_CHECK_MS = 250;
/**
 * How long after the overlay starts the features wait, before their first mount, for the page's
 * content area (else they go at the top of <body>) and for the clerk's payments, which the
 * background answers a moment after its state: so that the notice and the panel are drawn
 * together, in one task (one render and one layout of the page, not a panel frame drawn empty
 * and drawn again; docs/interface.md, "Cost"). Without them by then, the features mount anyway.
 */
const START_GRACE_MS = 2000;
/** A save made before the duplicate guard can judge it waits this long at most, then goes on. */
const HOLD_MS = 3000;

interface Mounted {
  controller: AbortController;
  /** Its listener on the overlay's signal. */
  end: () => void;
  /** What it has in the content area now (`FeatureContext.placed`), if anything. */
  host: HTMLElement | null;
}

/** `transport`: the background's messages, or the training page's in-page logic. */
export function startOverlay(ctx: OverlayContext, transport: Transport): void {
  // The built-in profile until the background sends the one in force (with policy overrides).
  const site = { profile: DEFAULT_PROFILE, enabled: true };
  // Who is signed in, and in which unit: the top bar may draw one before the other.
  const whoKey = () =>
    `${readCurrentUnit(site.profile, document)}|${readCurrentUser(site.profile, document)}`;
  let who = whoKey();
  // Read live: a click may come before the throttled check below has noticed a new user.
  const userKey = () => `${location.origin}|${readCurrentUser(site.profile, document) ?? '*'}`;
  const store = createStateStore(transport, userKey, ctx.signal);
  // A form submitted before we started (line.ts): one the line held is judged below as a save
  // made now; one it let through is the tracking's to follow. (None in the userscript: line.ts.)
  const early = import.meta.env.EVW_USERSCRIPT ? null : takeSubmitted();
  const tracking = startTracking(ctx, site, transport, early?.held ? null : early);
  const mounted = new Map<Feature, Mounted>();
  let page: PageKind | null = null;

  /** Whether the organisation lets this feature run on this e-LAAS (policy; all until known). */
  const enabled = (feature: Feature): boolean => {
    const s = store.get();
    if (s.kind !== 'ready') return true;
    return site.enabled && !s.state.settings.values.featuresOff.includes(feature.id);
  };

  const mount = (feature: Feature, kind: PageKind) => {
    const controller = new AbortController();
    // Ended with the overlay, or at its unmount (which takes this listener off: an SPA mounts
    // again on every page the clerk opens).
    const end = () => controller.abort();
    ctx.signal.addEventListener('abort', end, { once: true });
    const entry: Mounted = { controller, end, host: null };
    mounted.set(feature, entry);
    feature
      .mount({
        ctx,
        page: kind,
        profile: site.profile,
        store,
        tracking,
        transport,
        signal: controller.signal,
        placed: (host) => {
          entry.host = host;
        },
      })
      .catch((error: unknown) => console.warn(`[Voucher Watch] ${feature.id} failed to mount`, error));
  };

  const unmount = (feature: Feature) => {
    const entry = mounted.get(feature);
    if (!entry) return;
    ctx.signal.removeEventListener('abort', entry.end);
    entry.controller.abort();
    mounted.delete(feature);
  };

  // A save made as the page opens, before the guard knows the clerk's payments (the background
  // answers a moment after our start), is held until it does, then made again for the guard to
  // judge: let through, it could pay twice (a quick clerk; the e2e test saw it). After HOLD_MS
  // (no background) it goes on as if we were not here. (0: none held; 1: held; 2: letting go.)
  // Ready: the features are mounted for this page, and the clerk's payments are known or never
  // will be (an e-LAAS the organisation did not enable: nothing is tracked there, nothing held).
  let hold = 0;
  const ready = () => page !== null && (tracking.get() !== null || !site.enabled);
  ctx.addEventListener(
    window,
    'submit',
    (event) => {
      const form = event.target;
      if (hold === 2 || ready() || !(form instanceof HTMLFormElement) || !isRecordForm(site.profile, form))
        return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (hold) return; // clicked again meanwhile: one save
      holdUntilReady(form, (event as SubmitEvent).submitter);
    },
    { capture: true },
  );
  function holdUntilReady(form: HTMLFormElement, submitter: HTMLElement | null): void {
    hold = 1;
    const since = Date.now();
    // Looked at in a task of its own: the guard mounted with the page is listening by then.
    const wait = () => {
      if (!ready() && Date.now() - since < HOLD_MS) return void ctx.setTimeout(wait, 100);
      hold = 2;
      resubmit(form, submitter);
      hold = 0;
    };
    ctx.setTimeout(wait, 0);
  }
  if (!import.meta.env.EVW_USERSCRIPT && early?.held && early.form.isConnected) {
    // Held by the line before we started: a payment form waits for the guard, any other goes on.
    if (isRecordForm(site.profile, early.form)) holdUntilReady(early.form, early.submitter);
    else resubmit(early.form, early.submitter);
  }

  const started = performance.now();
  let waiting = false;
  const check = () => {
    // Nothing is read or drawn until the background's state is known (settings, the profile in
    // force); its arrival calls this again. The page is left alone meanwhile.
    if (ctx.isInvalid || store.get().kind === 'loading') return;
    // An SPA draws its content area after we start: wait for it a moment rather than mount at
    // the top of <body> and jump. The DOM observer below calls again when the page changes, the
    // clerk's payments when they come.
    if (
      performance.now() - started < START_GRACE_MS &&
      (contentAnchor(site.profile) === document.body || (page === null && !tracking.get() && site.enabled))
    ) {
      if (!waiting) {
        waiting = true;
        ctx.setTimeout(() => {
          waiting = false;
          check();
        }, DOM_CHECK_MS);
      }
      return;
    }
    const kind = detectPage(site.profile, location, document);
    // In a task of its own: a list of thousands of rows must not hold the panel back (its
    // statuses follow on the rows a moment later).
    if (kind === 'payment-list') ctx.setTimeout(tracking.readList, 0);
    tracking.readDialog();
    const nextWho = whoKey();
    if (nextWho !== who) {
      who = nextWho;
      store.refresh();
      tracking.refresh(); // the clerk's records are per user and unit
    }
    if (kind !== page) {
      page = kind;
      for (const feature of features) {
        unmount(feature);
        if (feature.pages.includes(kind) && enabled(feature)) mount(feature, kind);
      }
      return;
    }
    // Dropped by a re-render, or mounted before the content area existed: mount again, in place.
    const anchor = contentAnchor(site.profile);
    for (const [feature, entry] of mounted) {
      const misplaced =
        entry.host !== null && anchor !== document.body && entry.host.parentElement !== anchor;
      if (entry.host && (!entry.host.isConnected || misplaced)) {
        unmount(feature);
        mount(feature, kind);
      }
    }
  };

  // The clerk's payments arrived: the first mount waited for them.
  tracking.subscribe(() => {
    if (page === null) check();
  });
  // URL changes: WXT's watcher (Navigation API where present), plus hash and history events.
  ctx.addEventListener(window, 'wxt:locationchange', check);
  ctx.addEventListener(window, 'hashchange', check);
  ctx.addEventListener(window, 'popstate', check);

  // Page changes without a URL change (the SPA renders the new page after navigating).
  let scheduled = false;
  const observer = new MutationObserver((mutations) => {
    if (scheduled || mutations.every(ourMutation)) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      check();
    }, DOM_CHECK_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());

  // The profile in force and the admin's switches come with the background's state: when they
  // change (an override, a feature switched off, this e-LAAS not enabled), every feature mounts
  // again accordingly and the page is read again.
  let policyKey = '';
  store.subscribe(() => {
    const s = store.get();
    if (s.kind === 'error' && page === null) check(); // mount, to say what is wrong
    if (s.kind !== 'ready') return;
    const { elaasOrigins, featuresOff } = s.state.settings.values;
    const key = JSON.stringify([s.state.profile, elaasOrigins, featuresOff]);
    if (key === policyKey) return;
    policyKey = key;
    const profile =
      typeof s.state.profile === 'object' && s.state.profile !== null
        ? (s.state.profile as SiteProfile)
        : DEFAULT_PROFILE;
    if (profile !== site.profile) {
      site.profile = profile;
      tracking.profileChanged();
    }
    site.enabled = elaasOrigins.length === 0 || elaasOrigins.includes(location.origin);
    page = null;
    check();
  });

  check();
}
