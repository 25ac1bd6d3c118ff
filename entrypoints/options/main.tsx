import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { STATUS_KEY } from '../../components/Status';
import '../../components/styles/tokens.css';
import '../../components/styles/controls.css';
import '../../components/styles/page.css';
import { parseBackup, toBackup, toCsv } from '../../core/backup';
import { isoDay } from '../../core/dates';
import { pageTranslator } from '../../core/i18n-pages';
import type { ResolvedSettings } from '../../core/settings';
import { extensionTransport as transport } from '../../platform/extension/transport';

/** Hand a file to the browser's downloads (it stays on this computer). */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function App() {
  const [settings, setSettings] = useState<ResolvedSettings | null>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const [allowed, setAllowed] = useState(false);
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    void browser.permissions.contains({ permissions: ['notifications'] }).then(setAllowed);
  }, []);

  useEffect(() => {
    const load = () => {
      void transport.request({ type: 'settings/get' }).then((reply) => {
        if (reply.ok) setSettings(reply.data);
        else setFailed(reply.error);
      });
      void transport.request({ type: 'records/summary' }).then((reply) => {
        if (reply.ok) setCount(reply.data.total);
      });
    };
    load();
    return transport.onInvalidate(load);
  }, []);

  if (!settings) {
    return failed ? <p role="alert">{pageTranslator('th')('extensionUnavailable')}</p> : null;
  }
  const lang = settings.values.language;
  const t = pageTranslator(lang);
  document.documentElement.lang = lang;
  document.title = t('optionsTitle');
  const failedWith = (error: string) => setStatus(t('optionsSaveFailed', { reason: error }));
  return (
    <Options
      settings={settings}
      t={t}
      status={status}
      recordCount={count}
      onChange={async (patch) => {
        const reply = await transport.request({ type: 'settings/set', patch });
        if (reply.ok) {
          setSettings(reply.data);
          setStatus(pageTranslator(reply.data.values.language)('optionsSaved'));
        } else failedWith(reply.error);
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
      trainingHref={settings.values.trainingAvailable ? browser.runtime.getURL('/training.html') : undefined}
      onResetNotice={async () => {
        const reply = await transport.request({ type: 'notice/reset' });
        if (reply.ok) setStatus(t('optionsNoticeResetDone'));
        else failedWith(reply.error);
      }}
      onPurge={async () => {
        const reply = await transport.request({ type: 'records/purge' });
        if (reply.ok) setStatus(t('optionsPurged', { n: reply.data.deleted }));
        else failedWith(reply.error);
      }}
      onExport={async (format) => {
        const reply = await transport.request({ type: 'records/export' });
        if (!reply.ok) return failedWith(reply.error);
        const now = Date.now();
        const name = `voucher-watch-${isoDay(now)}`;
        if (format === 'csv') {
          const csv = toCsv(reply.data, t, (r) => t(STATUS_KEY[r.status]), lang);
          download(`${name}.csv`, 'text/csv;charset=utf-8', csv);
        } else download(`${name}.json`, 'application/json', toBackup(reply.data, now));
        setStatus(t('optionsExported', { n: reply.data.length }));
      }}
      onImport={async (file) => {
        const parsed = parseBackup(await file.text());
        if (!parsed.ok) {
          const reason =
            parsed.reason === 'backupBadRecord'
              ? t(parsed.reason, { index: parsed.index })
              : t(parsed.reason);
          return setStatus(t('optionsImportRefused', { reason }));
        }
        const reply = await transport.request({ type: 'records/import', records: parsed.records });
        if (!reply.ok) return failedWith(reply.error);
        if ('refused' in reply.data) {
          const reason = t('backupBadRecord', { index: reply.data.refused });
          return setStatus(t('optionsImportRefused', { reason }));
        }
        setStatus(t('optionsImported', reply.data));
      }}
      onClear={async () => {
        const reply = await transport.request({ type: 'records/clear' });
        if (reply.ok) setStatus(t('optionsCleared'));
        else failedWith(reply.error);
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
