/**
 * The 10 June 2569 change notice: full on payment pages, a strip elsewhere in e-LAAS.
 * Dismissal is remembered per e-LAAS user and returns when the notice's version changes. Not shown
 * (dismissed, switched off, nothing known yet), it has nothing in the page (shadow-ui.ts).
 */
import { replaceKeepingFocus } from '../../../components/dom';
import { renderNotice } from '../../../components/Notice';
import noticeCss from '../../../components/styles/notice.css?inline';
import { buildNotice, noticeVisible } from '../../../core/notice';
import { contentAnchor } from './anchor';
import { type ShadowUi, shadowUi } from './shadow-ui';
import type { Feature, FeatureContext } from './types';

/** Drawn at once (with the panel: one layout of the page for both) and again on each change. */
function drawNotice(fx: FeatureContext, ui: ShadowUi): void {
  let error: string | null = null;
  let expanded = false;
  const draw = () => {
    const snapshot = fx.store.get();
    if (snapshot.kind !== 'ready') return ui.hide(); // nothing to say yet
    const { settings, dismissedVersion, now } = snapshot.state;
    const s = settings.values;
    if (!noticeVisible(s, dismissedVersion)) return ui.hide();
    const container = ui.show()?.container;
    if (!container) return; // ended
    const { t } = snapshot;
    const model = buildNotice(s, now, t);
    const answered = (ok: boolean, failure: string) => {
      error = ok ? null : failure;
      if (!fx.signal.aborted) draw();
    };
    replaceKeepingFocus(
      container,
      renderNotice({
        model,
        lang: s.language,
        t,
        variant: fx.page === 'payment-record' || fx.page === 'payment-list' ? 'full' : 'strip',
        expanded,
        canSwitchLanguage: !settings.locked.includes('language'),
        error,
        async onDismiss() {
          const reply = await fx.transport.request({
            type: 'notice/dismiss',
            userKey: fx.store.userKey(),
            version: model.version,
          });
          answered(reply.ok, t('noticeDismissFailed'));
        },
        async onSwitchLanguage() {
          const reply = await fx.transport.request({
            type: 'settings/set',
            patch: { language: s.language === 'th' ? 'en' : 'th' },
          });
          answered(reply.ok, t('extensionUnavailable'));
        },
        onExpand(next) {
          expanded = next;
          draw();
        },
      }),
    );
  };
  // Drawn again on each new state (the store tells a listener only of news after it subscribed).
  const unsubscribe = fx.store.subscribe(draw);
  fx.signal.addEventListener('abort', unsubscribe, { once: true });
  draw();
}

/** The notice's host element (the panel goes under it). */
export const NOTICE_HOST = 'evw-notice';

export const changeNotice: Feature = {
  id: 'change-notice',
  pages: ['payment-record', 'payment-list', 'voucher', 'other'],
  async mount(fx) {
    drawNotice(
      fx,
      shadowUi(fx, {
        name: NOTICE_HOST,
        anchor: () => contentAnchor(fx.profile),
        append: 'first',
        css: noticeCss,
      }),
    );
  },
};
