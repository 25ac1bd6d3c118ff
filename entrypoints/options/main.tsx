import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import '../../components/styles/tokens.css';
import '../../components/styles/page.css';
import { translator } from '../../core/i18n';
import type { ResolvedSettings } from '../../core/settings';
import { extensionTransport as transport } from '../../platform/extension/transport';

function App() {
  const [settings, setSettings] = useState<ResolvedSettings | null>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const [allowed, setAllowed] = useState(false);

  useEffect(() => {
    void browser.permissions.contains({ permissions: ['notifications'] }).then(setAllowed);
  }, []);

  useEffect(() => {
    const load = () =>
      void transport.request({ type: 'settings/get' }).then((reply) => {
        if (reply.ok) setSettings(reply.data);
        else setFailed(reply.error);
      });
    load();
    return transport.onInvalidate(load);
  }, []);

  if (!settings) {
    return failed ? <p role="alert">{translator('th')('extensionUnavailable')}</p> : null;
  }
  const t = translator(settings.values.language);
  document.documentElement.lang = settings.values.language;
  document.title = t('optionsTitle');
  return (
    <Options
      settings={settings}
      t={t}
      status={status}
      onChange={async (patch) => {
        const reply = await transport.request({ type: 'settings/set', patch });
        if (reply.ok) {
          setSettings(reply.data);
          setStatus(translator(reply.data.values.language)('optionsSaved'));
        } else setStatus(t('optionsSaveFailed', { reason: reply.error }));
      }}
      notificationsAllowed={allowed}
      onAllowNotifications={async () => {
        // Asked here, in context, after the explanation: the browser shows its own prompt.
        const granted = await browser.permissions
          .request({ permissions: ['notifications'] })
          .catch(() => false);
        setAllowed(granted);
        setStatus(granted ? t('optionsNotificationsAllowed') : t('optionsNotificationsDenied'));
      }}
      onResetNotice={async () => {
        const reply = await transport.request({ type: 'notice/reset' });
        setStatus(reply.ok ? t('optionsNoticeResetDone') : t('optionsSaveFailed', { reason: reply.error }));
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
