/**
 * The page-world bridge (see site/bridge.ts). MAIN world, document_start, so it is in place
 * before New e-LAAS makes its first request. No extension APIs here.
 */
import { installBridge } from '../site/bridge';
import { ELAAS_MATCHES } from '../site/hosts';
import { DEFAULT_API } from '../site/profile';

export default defineContentScript({
  matches: [...ELAAS_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installBridge(window, DEFAULT_API);
  },
});
