/**
 * The content script's meeting with the page-world bridge, at document_start, before any script
 * of the page has run (see site/bridge-channel.ts): the line it opens waits in this extension's
 * isolated world for the overlay (elaas.content), which starts when the page is ready.
 *
 * Built as an unlisted script and declared a content script by wxt.config.ts: WXT's content
 * script wrapper (its context, logger and location watcher, 60 % of this file) is not needed for
 * these few lines, and compiling it on every e-LAAS page cost about a millisecond.
 */
import { holdBridgeLine } from './elaas.content/line';

export default defineUnlistedScript(() => {
  holdBridgeLine();
});
