/**
 * The page-world bridge (see site/bridge.ts). MAIN world, document_start, so it is in place
 * before New e-LAAS makes its first request. No extension APIs here.
 *
 * Built as an unlisted script and declared a content script by wxt.config.ts, as the line is:
 * WXT's content-script wrapper (an async start, its logger, the options object with the match
 * list) was about a tenth of this file and 0.4 ms of its evaluation on every e-LAAS page.
 */
import { installBridge } from '../site/bridge';
import { DEFAULT_API } from '../site/profile';

export default defineUnlistedScript(() => {
  installBridge(window, DEFAULT_API);
});
