/**
 * Chromium's overlay content script (document_idle, declared in wxt.config.ts): imports the
 * overlay (entrypoints/elaas-overlay.ts) as a module into this isolated world. A content script is
 * compiled again on every page; a module from the extension is compiled from Chromium's code
 * cache once it has one. The module is the extension's own file, web-accessible to e-LAAS pages
 * only; nothing is loaded from elsewhere. An unlisted script: WXT's content-script wrapper would
 * be compiled on every page for a single line.
 */
import { browser } from 'wxt/browser';
import { OVERLAY_MODULE } from '../platform/extension/overlay-module';

export default defineUnlistedScript({
  include: ['chrome'],
  main: () => {
    import(/* @vite-ignore */ browser.runtime.getURL(`/${OVERLAY_MODULE}`)).catch((error: unknown) =>
      console.warn('[Voucher Watch] the overlay did not load', error),
    );
  },
});
