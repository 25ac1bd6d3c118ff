/**
 * The pending panel: the clerk's payments and their vouchers, docked in a corner of every e-LAAS
 * page but the login page, in its own shadow root so it never takes e-LAAS styles.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PendingPanel, STATUS_KEY } from '../../../components/PendingPanel';
import panelCss from '../../../components/styles/panel.css?inline';
import { translator } from '../../../core/i18n';
import { contentAnchor } from './anchor';
import { mountShadowUi } from './shadow-ui';
import type { Feature, FeatureContext } from './types';

const OPEN_KEY = 'evw-panel-open';

function PanelContainer({ fx }: { fx: FeatureContext }) {
  const [records, setRecords] = useState(fx.tracking.get());
  const [state, setState] = useState(fx.store.get());
  const [open, setOpen] = useState(() => sessionStorage.getItem(OPEN_KEY) !== 'false');
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Map<string, string>());

  useEffect(() => {
    const a = fx.tracking.subscribe(() => setRecords(fx.tracking.get()));
    const b = fx.store.subscribe(() => setState(fx.store.get()));
    setRecords(fx.tracking.get());
    setState(fx.store.get());
    return () => {
      a();
      b();
    };
  }, [fx]);

  const settings = state.kind === 'ready' ? state.state.settings.values : null;
  const t = translator(settings?.language ?? 'th');

  useEffect(() => {
    // Announce status changes (not the first load) through the live region.
    if (!records) return;
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

  if (!records || !settings) return null;
  return (
    <PendingPanel
      records={records.records}
      poller={records.poller}
      now={records.now}
      overdueMs={records.overdueMs}
      lang={settings.language}
      thaiDigits={settings.thaiDigits}
      t={t}
      open={open}
      announcement={announcement}
      voucherHref={(no) =>
        new URL(fx.profile.voucherUrl.replace('{voucherNo}', encodeURIComponent(no)), location.origin).href
      }
      onToggle={() => {
        sessionStorage.setItem(OPEN_KEY, String(!open));
        setOpen(!open);
      }}
      onCheckNow={() => void fx.tracking.checkNow()}
      offerNotifications={records.offerNotifications}
      onOfferNotifications={() => void fx.transport.request({ type: 'options/open' })}
    />
  );
}

export const pendingPanel: Feature = {
  id: 'pending-panel',
  pages: ['payment-record', 'payment-list', 'voucher', 'other'],
  async mount(fx) {
    const ui = await mountShadowUi(fx, {
      name: 'evw-panel',
      // In the page's flow, at the top of the content, under the notice: it never covers an
      // e-LAAS control. (Docking it elsewhere is the interface issue's work.)
      anchor: () => contentAnchor(fx.profile),
      append: (anchor, el) => {
        const notice = Array.from(anchor.children).find((c) => c.tagName === 'EVW-NOTICE');
        if (notice) notice.after(el);
        else anchor.prepend(el);
      },
      css: panelCss,
      content: <PanelContainer fx={fx} />,
    });
    return ui?.host ?? null;
  },
};
