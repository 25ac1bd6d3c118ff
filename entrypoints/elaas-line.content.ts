/**
 * The content script's meeting with the page-world bridge, at document_start, before any script
 * of the page has run (see site/bridge-channel.ts): the line it opens waits in this extension's
 * isolated world for the overlay (elaas.content), which starts when the page is ready.
 */
import { ELAAS_MATCHES } from '../site/hosts';
import { holdBridgeLine } from './elaas.content/line';

export default defineContentScript({
  matches: [...ELAAS_MATCHES],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    holdBridgeLine();
  },
});
