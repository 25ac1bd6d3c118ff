import { contentTransport } from '../../platform/extension/transport';
import { ELAAS_MATCHES } from '../../site/hosts';
import { startOverlay } from './overlay';

export default defineContentScript({
  // Local builds add localhost and 127.0.0.1 (wxt.config.ts); the store build has e-LAAS only.
  matches: [...ELAAS_MATCHES],
  runAt: 'document_idle',
  // Styles are bundled as strings into each shadow root: no web-accessible CSS, no extra fetch.
  cssInjectionMode: 'manual',
  // WXT's older way of stopping a previous copy of this script (after an update) posts a message
  // to the page, which e-LAAS' own listeners would see; its DOM event is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startOverlay(ctx, contentTransport);
  },
});
