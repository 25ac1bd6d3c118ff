/**
 * The status panel: the clerk's payments and their vouchers, in the page's flow above or below
 * e-LAAS' content (never over a control), in its own shadow root so it never takes e-LAAS styles.
 * Open or closed and top or bottom are the clerk's settings, kept across pages and restarts.
 */
import { createPendingPanel, type PanelFilter, type Ticker } from '../../../components/PendingPanel';
import { STATUS_KEY } from '../../../components/Status';
import panelCss from '../../../components/styles/panel.css?inline';
import { voucherLink } from '../../../site/profile';
import { contentAnchor } from './anchor';
import { NOTICE_HOST } from './change-notice';
import { mark } from './measure';
import { mountShadowUi } from './shadow-ui';
import type { Feature, FeatureContext } from './types';

/** The filter outlives the panel across in-page navigation (kept in memory: no storage read). */
let lastFilter: PanelFilter = 'all';
const TICK_MS = 1000;

type Dock = 'top' | 'bottom';

/** One timer for every elapsed time in the panel, running only while one is shown. */
function createTicker(offset: () => number): Ticker {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    now: () => Date.now() + offset(),
    subscribe(listener) {
      listeners.add(listener);
      timer ??= setInterval(() => {
        for (const l of listeners) l();
      }, TICK_MS);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

/**
 * The panel's state (what the clerk chose here: open, filter, search, all rows; a check running)
 * and what it draws from (the clerk's payments, the background's state), drawn at once and again
 * on each change.
 */
function panelContainer(fx: FeatureContext, container: HTMLElement): void {
  const view = createPendingPanel();
  let records = fx.tracking.get();
  let state = fx.store.get();
  let readable = fx.tracking.listReadable();
  // The clerk's click shows at once; the setting follows from the background.
  let openOverride: boolean | null = null;
  let savedOpen: boolean | undefined;
  let filter: PanelFilter = lastFilter;
  let query = '';
  let showAll = false;
  let checking = false;
  let checkError = '';
  let announcement = '';
  const seen = new Map<string, string>();
  let seenFailures = '';
  /** The background's clock minus ours (the testing clock may be set apart). */
  let offset = records ? records.now - Date.now() : 0;
  // Elapsed times tick on the background's clock; only while some are shown (open, waiting).
  const ticker = createTicker(() => offset);
  let mounted = false;

  const draw = () => {
    const settings = state.kind === 'ready' ? state.state.settings.values : null;
    const t = state.kind === 'ready' ? state.t : null;
    if (settings?.panelOpen !== savedOpen) {
      savedOpen = settings?.panelOpen;
      openOverride = null;
    }
    const open = openOverride ?? settings?.panelOpen ?? true;
    if (records && t) {
      // Announce status changes (not the first load) through the live region.
      const changes: string[] = [];
      for (const r of records.records) {
        const before = seen.get(r.id);
        if (before !== undefined && before !== r.status) {
          changes.push(t('panelAnnounce', { deka: r.dekaNo, status: t(STATUS_KEY[r.status]) }));
        }
        seen.set(r.id, r.status);
      }
      if (changes.length > 0) announcement = changes.join(' · ');
      // The clerk can see their failures here (panel open): the badge stops calling for attention.
      const failed = records.records
        .filter((r) => r.status === 'failed')
        .map((r) => r.id)
        .join();
      if (open && failed && failed !== seenFailures) {
        seenFailures = failed;
        void fx.transport.request({ type: 'records/seen' });
      }
    }
    if (!records || !settings || !t) {
      container.replaceChildren();
      return;
    }
    const dock: Dock = settings.panelDock;
    const save = (patch: Record<string, unknown>) => fx.transport.request({ type: 'settings/set', patch });
    const openSettings = () => void fx.transport.request({ type: 'options/open' });
    view.update({
      records: records.records,
      poller: records.poller,
      now: records.now,
      ticker,
      overdueMs: records.overdueMs,
      lang: settings.language,
      thaiDigits: settings.thaiDigits,
      t,
      open,
      dock,
      filter,
      query,
      checking,
      checkError,
      unreadable: fx.page === 'payment-list' && readable === false,
      announcement,
      voucherHref: (no, print) => voucherLink(fx.profile, location.origin, no, print),
      onToggle() {
        openOverride = !open;
        draw();
        void save({ panelOpen: !open });
      },
      onDock: () => void save({ panelDock: dock === 'top' ? 'bottom' : 'top' }),
      onFilter(f) {
        lastFilter = filter = f;
        draw();
      },
      onQuery(q) {
        query = q;
        draw();
      },
      showAll,
      onShowAll() {
        showAll = true;
        draw();
      },
      async onCheckNow() {
        checking = true;
        checkError = '';
        draw();
        const error = await fx.tracking.checkNow();
        checking = false;
        if (error) checkError = t('extensionUnavailable');
        if (!fx.signal.aborted) draw();
      },
      offerNotifications: records.offerNotifications,
      storageProblem: records.storageProblem,
      onOfferNotifications: openSettings,
      onSettings: fx.transport.settingsPage ? openSettings : undefined,
    });
    // In the page again after the payments were away (a new clerk's, being read).
    if (view.el.parentNode !== container) container.append(view.el);
    if (!mounted) {
      mounted = true;
      // The panel mounted with the clerk's payments in it: where the page-cost figure stops.
      if (import.meta.env.MODE === 'testing') mark('panel-mounted');
    }
  };

  // Drawn again only for news of its own: the payments store also tells of each reading of the
  // list, for the inline statuses.
  const a = fx.tracking.subscribe(() => {
    const next = fx.tracking.get();
    if (next === records && fx.tracking.listReadable() === readable) return;
    if (next) offset = next.now - Date.now();
    records = next;
    readable = fx.tracking.listReadable();
    draw();
  });
  const b = fx.store.subscribe(() => {
    state = fx.store.get();
    draw();
  });
  fx.signal.addEventListener(
    'abort',
    () => {
      a();
      b();
      view.destroy();
    },
    { once: true },
  );
  draw();
}

/** Put the panel where the clerk docked it: under our notice at the top, or at the very end. */
function place(anchor: Element, el: Element, dock: Dock): void {
  if (dock === 'bottom') {
    if (anchor.lastElementChild !== el) anchor.append(el);
    return;
  }
  // The anchor's own children, not a `:scope>evw-notice` query: Chromium answers that by walking
  // everything under the anchor, the whole list (0.1 ms at 1,000 rows, 1 ms at 10,000, warm).
  const notice = Array.from(anchor.children).find((c) => c.localName === NOTICE_HOST);
  if (notice) {
    if (notice.nextElementSibling !== el) notice.after(el);
  } else if (anchor.firstElementChild !== el) anchor.prepend(el);
}

export const pendingPanel: Feature = {
  id: 'pending-panel',
  pages: ['payment-record', 'payment-list', 'voucher', 'other'],
  async mount(fx) {
    const dock = (): Dock => {
      const s = fx.store.get();
      return s.kind === 'ready' ? s.state.settings.values.panelDock : 'top';
    };
    const ui = mountShadowUi(fx, {
      name: 'evw-panel',
      anchor: () => contentAnchor(fx.profile),
      append: (anchor, el) => place(anchor, el, dock()),
      css: panelCss,
      content: (container) => panelContainer(fx, container),
    });
    if (!ui) return;
    let docked = dock();
    const stop = fx.store.subscribe(() => {
      if (dock() === docked || !ui.host.parentElement) return;
      docked = dock();
      place(ui.host.parentElement, ui.host, docked);
    });
    fx.signal.addEventListener('abort', stop, { once: true });
  },
};
