/**
 * At document_start in this extension's isolated world: the content script's meeting with the
 * page-world bridge, before any script of the page has run (see site/bridge-channel.ts). The line
 * it opens waits here for the overlay, which starts once the page is ready.
 *
 * In Chromium this script also loads the overlay, as a module (entrypoints/elaas-overlay.ts)
 * imported into this isolated world once the page's DOMContentLoaded handlers have run: a
 * content script is compiled on the page's main thread on every page, a module is compiled off
 * it as it streams in (loadOverlay). The module is the extension's own file, web-accessible
 * to e-LAAS pages only; nothing is loaded from elsewhere. (Firefox keeps compiled content scripts
 * itself: there the same file is a content script at document_idle, declared by wxt.config.ts.)
 *
 * Built as an unlisted script and declared a content script by wxt.config.ts: WXT's content
 * script wrapper (its context, logger and location watcher) would be compiled on every page for
 * these few lines.
 */
import { browser } from 'wxt/browser';
import { OVERLAY_MODULE } from '../platform/extension/overlay-module';
import { holdBridgeLine } from './elaas.content/line';

/**
 * The module at an address of this page's own (the extension serves the file whatever the query):
 * Chromium then compiles it as it streams in, on a background thread, as it does the first time
 * it sees a module. At an address it has seen before it would read the module's code cache
 * instead, and that it does on the page's main thread: 0.6 ms on every page, and 2 ms once to
 * write the cache (docs/interface.md, "Cost").
 */
function loadOverlay(): void {
  const url = `${browser.runtime.getURL(`/${OVERLAY_MODULE}`)}?${Date.now().toString(36)}`;
  import(/* @vite-ignore */ url).catch((error: unknown) =>
    console.warn('[Voucher Watch] the overlay did not load', error),
  );
}

export default defineUnlistedScript(() => {
  holdBridgeLine();
  if (import.meta.env.BROWSER === 'firefox') return;
  // Once the page is parsed. The module runs in a task of its own once it has streamed in, so
  // after the page's own DOMContentLoaded handlers, as Chromium's document_idle would; a timer
  // before the import (as there was) only added a task of ours to every page.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', loadOverlay, { once: true });
  else loadOverlay();
});
