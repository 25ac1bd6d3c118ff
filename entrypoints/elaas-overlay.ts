/**
 * The overlay in Chromium: a module the content script elaas-line.js imports once the page is
 * ready (entrypoints/elaas-line.ts). It runs in the extension's isolated world, as the content
 * script would; unlike a content script, Chromium compiles a module off the page's main thread
 * as it streams in, and keeps its compiled code (its code cache) for later pages. wxt.config.ts
 * marks this file for compiling whole (V8's `allFunctionsCalledOnLoad` hint), so that no function
 * is left to compile on the main thread at its first call, and the code cache holds them all.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NO_STARTED_POST_MESSAGE, runOverlay } from './elaas.content/start';

export default defineUnlistedScript({
  include: ['chrome'],
  main: () => {
    runOverlay(new ContentScriptContext('elaas', { noScriptStartedPostMessage: NO_STARTED_POST_MESSAGE }));
  },
});
