/**
 * The 10 June 2569 change notice: full on payment pages, a strip elsewhere in e-LAAS.
 * Dismissal is remembered per e-LAAS user and returns when the notice's version changes.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import noticeCss from '../../../components/styles/notice.css?inline';
import { buildNotice, noticeVisible } from '../../../core/notice';
import { contentAnchor } from './anchor';
import { mountShadowUi } from './shadow-ui';
import type { Feature, FeatureContext } from './types';

function NoticeContainer({ fx }: { fx: FeatureContext }) {
  const [snapshot, setSnapshot] = useState(fx.store.get());
  const [error, setError] = useState<string | null>(null);
  // Before the first paint, like the panel: one layout of the page for both.
  useLayoutEffect(() => {
    const unsubscribe = fx.store.subscribe(() => setSnapshot(fx.store.get()));
    setSnapshot(fx.store.get()); // an answer may have arrived between render and subscribe
    return unsubscribe;
  }, [fx.store]);

  if (snapshot.kind !== 'ready') return null; // nothing to say until settings are known
  const { settings, dismissedVersion, now } = snapshot.state;
  const s = settings.values;
  if (!noticeVisible(s, dismissedVersion)) return null;
  const { t } = snapshot;
  const model = buildNotice(s, now, t);
  const variant = fx.page === 'payment-record' || fx.page === 'payment-list' ? 'full' : 'strip';

  const dismiss = async () => {
    const reply = await fx.transport.request({
      type: 'notice/dismiss',
      userKey: fx.store.userKey(),
      version: model.version,
    });
    setError(reply.ok ? null : t('noticeDismissFailed'));
  };
  const switchLanguage = async () => {
    const reply = await fx.transport.request({
      type: 'settings/set',
      patch: { language: s.language === 'th' ? 'en' : 'th' },
    });
    setError(reply.ok ? null : t('extensionUnavailable'));
  };

  return (
    <Notice
      model={model}
      lang={s.language}
      t={t}
      variant={variant}
      canSwitchLanguage={!settings.locked.includes('language')}
      error={error}
      onDismiss={dismiss}
      onSwitchLanguage={switchLanguage}
    />
  );
}

export const changeNotice: Feature = {
  id: 'change-notice',
  pages: ['payment-record', 'payment-list', 'voucher', 'other'],
  async mount(fx) {
    const ui = await mountShadowUi(fx, {
      name: 'evw-notice',
      anchor: () => contentAnchor(fx.profile),
      append: 'first',
      css: noticeCss,
      content: <NoticeContainer fx={fx} />,
    });
    return ui?.host ?? null;
  },
};
