import { ELAAS_MATCHES } from '../../site/hosts';
import { NO_STARTED_POST_MESSAGE, runOverlay } from './start';

/**
 * The overlay as a content script: Firefox, which keeps content scripts compiled in each process
 * itself. Chromium loads the same overlay as a module (entrypoints/elaas-overlay.ts).
 */
export default defineContentScript({
  // Local builds add localhost and 127.0.0.1 (wxt.config.ts); the store build has e-LAAS only.
  matches: [...ELAAS_MATCHES],
  runAt: 'document_idle',
  include: ['firefox'],
  // Styles are bundled as strings into each shadow root: no web-accessible CSS, no extra fetch.
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: NO_STARTED_POST_MESSAGE,
  main(ctx) {
    runOverlay(ctx);
  },
});
