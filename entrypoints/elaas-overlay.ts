/**
 * The overlay in Chromium: a module the content script elaas-line.js imports once the page is
 * ready (entrypoints/elaas-line.ts). It runs in the extension's isolated world, as the content
 * script would; unlike a content script, Chromium keeps a module's compiled code
 * (its code cache), so e-LAAS pages after the first two do not compile the overlay again.
 * wxt.config.ts marks this file for compiling whole (V8's `allFunctionsCalledOnLoad` hint), so
 * that the code cache holds every function the overlay runs, not only its first lines.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NO_STARTED_POST_MESSAGE, runOverlay } from './elaas.content/start';

export default defineUnlistedScript({
  include: ['chrome'],
  main: () => {
    runOverlay(new ContentScriptContext('elaas', { noScriptStartedPostMessage: NO_STARTED_POST_MESSAGE }));
  },
});
