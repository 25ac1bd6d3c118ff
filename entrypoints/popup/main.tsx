import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import '../../components/styles/tokens.css';
import '../../components/styles/controls.css';
import '../../components/styles/page.css';
import '../../components/styles/popup.css';
import { pageTranslator } from '../../core/i18n-pages';
import type { Summary } from '../../core/protocol';
import type { Settings } from '../../core/settings';
import { extensionTransport as transport } from '../../platform/extension/transport';
import { voucherLink } from '../../site/profile';

/** Bring an open e-LAAS tab forward, or open the payments list in a new one. */
async function openElaas(url: string): Promise<void> {
  const patterns = browser.runtime.getManifest().host_permissions ?? [];
  const tabs = patterns.length > 0 ? await browser.tabs.query({ url: patterns }) : [];
  const origin = new URL(url).origin;
  const tab = tabs.find((x) => x.url && new URL(x.url).origin === origin) ?? tabs[0];
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } else await browser.tabs.create({ url });
  window.close();
}

function App() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failed, setFailed] = useState(false);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    const load = () => {
      void transport.request({ type: 'records/summary' }).then((reply) => {
        if (reply.ok) setSummary(reply.data);
        else setFailed(true);
      });
      void transport.request({ type: 'settings/get' }).then((reply) => {
        if (reply.ok) setSettings(reply.data.values);
      });
    };
    load();
    return transport.onInvalidate(load);
  }, []);

  if (!summary || !settings) {
    return failed ? <p role="alert">{pageTranslator('th')('extensionUnavailable')}</p> : null;
  }
  const t = pageTranslator(settings.language);
  document.documentElement.lang = settings.language;
  return (
    <Popup
      summary={summary}
      lang={settings.language}
      thaiDigits={settings.thaiDigits}
      t={t}
      checking={checking}
      voucherHref={(origin, no) =>
        voucherLink({ voucherUrl: summary.voucherUrl, voucherPrintUrl: summary.voucherUrl }, origin, no)
      }
      onCheckNow={async () => {
        setChecking(true);
        await transport.request({ type: 'check/now' });
        const reply = await transport.request({ type: 'records/summary' });
        if (reply.ok) setSummary(reply.data);
        setChecking(false);
      }}
      onOpenElaas={() => void openElaas(summary.elaasUrl)}
      onSettings={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
      onTraining={
        settings.trainingAvailable
          ? () => {
              void browser.tabs.create({ url: browser.runtime.getURL('/training.html') });
              window.close();
            }
          : undefined
      }
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
