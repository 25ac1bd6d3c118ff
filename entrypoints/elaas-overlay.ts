/**
 * The overlay. In Firefox a content script at document_idle (declared by wxt.config.ts; Firefox
 * keeps compiled content scripts itself). In Chromium a module the content script elaas-line.js
 * imports once the page is ready (entrypoints/elaas-line.ts). It runs in the extension's isolated world, as the content
 * script would; unlike a content script, Chromium compiles a module off the page's main thread
 * as it streams in (on every page: the line imports it at an address of the page's own, so that
 * Chromium's code cache, read on the main thread, is not used). wxt.config.ts marks this file for
 * compiling whole (V8's `allFunctionsCalledOnLoad` hint), so that no function is left to compile
 * on the main thread at its first call.
 * Its context is our own (platform/extension/context.ts): WXT's content-script wrapper and context
 * cost 0.7 KB gzip on every e-LAAS page, for helpers the overlay does not use.
 */
import { extensionContext } from '../platform/extension/context';
import { runOverlay } from './elaas.content/start';

export default defineUnlistedScript({
  main: () => {
    runOverlay(extensionContext());
  },
});
