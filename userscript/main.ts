/**
 * e-LAAS Voucher Watch as a userscript (Tampermonkey, Violentmonkey): the same overlay, the same
 * background logic and the same site code as the extension; only the platform differs
 * (platform/userscript). Runs at document-start so the page-world bridge is in place before
 * e-LAAS makes its first request; the rest starts once the page has a body.
 */

import { purgeExpired, RETENTION_ALARM, scheduleRetention } from '../entrypoints/background/data';
import { inPageTransport } from '../entrypoints/background/in-page';
import { CHECK_ALARM, runCheck, schedule } from '../entrypoints/background/tracking';
import { holdBridgeLine } from '../entrypoints/elaas.content/line';
import { startOverlay } from '../entrypoints/elaas.content/overlay';
import { setHost } from '../platform/host';
import { pageContext } from '../platform/page-context';
import { gm } from '../platform/userscript/gm';
import { createUserscriptHost } from '../platform/userscript/host';
import { electLeader } from '../platform/userscript/leader';
import { installBridge } from '../site/bridge';
import { DEFAULT_API } from '../site/profile';

declare const unsafeWindow: (Window & typeof globalThis) | undefined;

/** The page's own window: the manager's sandbox has its own, which e-LAAS does not use. */
function pageWindow(): Window & typeof globalThis {
  return typeof unsafeWindow !== 'undefined' && unsafeWindow ? unsafeWindow : window;
}

function start(): void {
  let leading = false;
  const host = createUserscriptHost(gm(), () => leading);
  setHost(host);
  host.onTimer(CHECK_ALARM, () => void runCheck());
  host.onTimer(RETENTION_ALARM, () => void purgeExpired());
  // A payment recorded in another tab: the leader plans its next check with it.
  host.onRecordsChangedElsewhere(() => {
    if (leading) void schedule();
  });
  electLeader(() => {
    leading = true;
    void schedule();
    void scheduleRetention();
  });
  startOverlay(
    pageContext(),
    inPageTransport(host, () => location.href),
  );
}

installBridge(pageWindow(), DEFAULT_API);
// Met now, before the page's scripts run: the overlay, which starts later, talks on this line.
holdBridgeLine();
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
