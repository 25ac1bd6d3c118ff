/**
 * The status panel: the clerk's payments and their vouchers, in the page's flow above or below
 * e-LAAS' content (never over a control), in its own shadow root so it never takes e-LAAS styles.
 * Open or closed and top or bottom are the clerk's settings, kept across pages and restarts.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type PanelFilter, PendingPanel, type Ticker } from '../../../components/PendingPanel';
import { STATUS_KEY } from '../../../components/Status';
import panelCss from '../../../components/styles/panel.css?inline';
import { voucherLink } from '../../../site/profile';
import { contentAnchor } from './anchor';
import { useMark } from './measure';
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

function PanelContainer({ fx }: { fx: FeatureContext }) {
  const [records, setRecords] = useState(fx.tracking.get());
  // The panel mounted with the clerk's payments in it: where the page-cost figure stops.
  if (import.meta.env.MODE === 'testing') useMark('panel-mounted', records !== null);
  const [state, setState] = useState(fx.store.get());
  const [readable, setReadable] = useState(fx.tracking.listReadable());
  // The clerk's click shows at once; the setting follows from the background.
  const [openOverride, setOpenOverride] = useState<boolean | null>(null);
  const [filter, setFilter] = useState<PanelFilter>(lastFilter);
  const [query, setQuery] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Map<string, string>());
  /** The background's clock minus ours (the testing clock may be set apart). */
  const offset = useRef(records ? records.now - Date.now() : 0);

  // Subscribed before the first paint (not after it, as useEffect would): what arrived meanwhile
  // is drawn in the same frame, so the page is laid out once for the panel, not twice.
  useLayoutEffect(() => {
    const a = fx.tracking.subscribe(() => {
      const next = fx.tracking.get();
      if (next) offset.current = next.now - Date.now();
      setRecords(next);
      setReadable(fx.tracking.listReadable());
    });
    const b = fx.store.subscribe(() => setState(fx.store.get()));
    setRecords(fx.tracking.get());
    setState(fx.store.get());
    return () => {
      a();
      b();
    };
  }, [fx]);

  const settings = state.kind === 'ready' ? state.state.settings.values : null;
  const t = state.kind === 'ready' ? state.t : null;
  const savedOpen = settings?.panelOpen;
  useEffect(() => setOpenOverride(null), [savedOpen]);
  const open = openOverride ?? settings?.panelOpen ?? true;
  // Elapsed times tick on the background's clock; only while some are shown (open, waiting).
  const ticker = useMemo(() => createTicker(() => offset.current), []);

  useEffect(() => {
    // Announce status changes (not the first load) through the live region.
    if (!records || !t) return;
    const changes: string[] = [];
    for (const r of records.records) {
      const before = seen.current.get(r.id);
      if (before !== undefined && before !== r.status) {
        changes.push(t('panelAnnounce', { deka: r.dekaNo, status: t(STATUS_KEY[r.status]) }));
      }
      seen.current.set(r.id, r.status);
    }
    if (changes.length > 0) setAnnouncement(changes.join(' · '));
  }, [records, t]);

  const seenFailures = useRef('');
  useEffect(() => {
    // The clerk can see their failures here (panel open): the badge stops calling for attention.
    const failed = (records?.records ?? [])
      .filter((r) => r.status === 'failed')
      .map((r) => r.id)
      .join();
    if (open && failed && failed !== seenFailures.current) {
      seenFailures.current = failed;
      void fx.transport.request({ type: 'records/seen' });
    }
  }, [open, records, fx]);

  if (!records || !settings || !t) return null;
  const dock: Dock = settings.panelDock;
  const save = (patch: Record<string, unknown>) => fx.transport.request({ type: 'settings/set', patch });
  return (
    <PendingPanel
      records={records.records}
      poller={records.poller}
      now={records.now}
      ticker={ticker}
      overdueMs={records.overdueMs}
      lang={settings.language}
      thaiDigits={settings.thaiDigits}
      t={t}
      open={open}
      dock={dock}
      filter={filter}
      query={query}
      checking={checking}
      checkError={checkError}
      unreadable={fx.page === 'payment-list' && readable === false}
      announcement={announcement}
      voucherHref={(no, print) => voucherLink(fx.profile, location.origin, no, print)}
      onToggle={() => {
        setOpenOverride(!open);
        void save({ panelOpen: !open });
      }}
      onDock={() => void save({ panelDock: dock === 'top' ? 'bottom' : 'top' })}
      onFilter={(f) => {
        lastFilter = f;
        setFilter(f);
      }}
      onQuery={setQuery}
      showAll={showAll}
      onShowAll={() => setShowAll(true)}
      onCheckNow={async () => {
        setChecking(true);
        setCheckError('');
        const error = await fx.tracking.checkNow();
        setChecking(false);
        if (error) setCheckError(t('extensionUnavailable'));
      }}
      offerNotifications={records.offerNotifications}
      storageProblem={records.storageProblem}
      onOfferNotifications={() => void fx.transport.request({ type: 'options/open' })}
      onSettings={
        fx.transport.settingsPage ? () => void fx.transport.request({ type: 'options/open' }) : undefined
      }
    />
  );
}

/** Put the panel where the clerk docked it: under our notice at the top, or at the very end. */
function place(anchor: Element, el: Element, dock: Dock): void {
  if (dock === 'bottom') {
    if (anchor.lastElementChild !== el) anchor.append(el);
    return;
  }
  const notice = anchor.querySelector(':scope>evw-notice');
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
    const mounting = mountShadowUi(fx, {
      name: 'evw-panel',
      anchor: () => contentAnchor(fx.profile),
      append: (anchor, el) => place(anchor, el, dock()),
      css: panelCss,
      content: <PanelContainer fx={fx} />,
    });
    const ui = await mounting;
    if (!ui) return null;
    let docked = dock();
    const stop = fx.store.subscribe(() => {
      if (dock() === docked || !ui.host.parentElement) return;
      docked = dock();
      place(ui.host.parentElement, ui.host, docked);
    });
    fx.signal.addEventListener('abort', stop, { once: true });
    return ui.host;
  },
};
