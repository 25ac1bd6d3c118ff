/**
 * The background: owns settings, the clerk's notice state, the records (IndexedDB), checking,
 * the badge, notifications and retention.
 * Listeners are registered synchronously so a restarted service worker (or Firefox event page)
 * handles the event that woke it; nothing runs at module top level.
 */
import { browser } from 'wxt/browser';
import { extensionHost } from '../../platform/extension/host';
import { DEV_POLICY, policyChanged, refreshPolicy } from '../../platform/extension/settings-store';
import { setHost } from '../../platform/host';
import { STORAGE_KEYS } from '../../platform/storage-keys';
import { purgeExpired, RETENTION_ALARM, scheduleRetention } from './data';
import { dataRequests } from './data-requests';
import { answerDataRequests, onMessage } from './messages';
import { onNotificationClicked, onNotificationClosed } from './notify';
import { CHECK_ALARM, runCheck, schedule, tellAllTabs } from './tracking';

/**
 * storage.local keys whose change changes what e-LAAS pages show (devClock: testing builds).
 * Not lastUser: a page's own state request writes it, and two pages of two users would then
 * wake each other for ever.
 */
const OVERLAY_KEYS = new Set<string>([
  STORAGE_KEYS.userSettings,
  STORAGE_KEYS.policyCache,
  STORAGE_KEYS.noticeDismissed,
  ...(import.meta.env.MODE === 'testing' ? ['devClock'] : []),
]);

export default defineBackground(() => {
  setHost(extensionHost);
  answerDataRequests(dataRequests);
  browser.runtime.onMessage.addListener((message: unknown, sender) => onMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void runCheck();
    if (alarm.name === RETENTION_ALARM) void purgeExpired();
  });
  browser.notifications?.onClicked.addListener((id) => void onNotificationClicked(id));
  // Granted from the options page: panels stop offering it.
  browser.permissions.onAdded.addListener(() => void tellAllTabs());
  browser.notifications?.onClosed.addListener((id) => void onNotificationClosed(id));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (import.meta.env.MODE === 'testing' && DEV_POLICY in changes)) policyChanged();
    // What e-LAAS pages show changed (settings, policy, a dismissal, the clerk): they re-read
    // it when told, rather than each page load opening the storage API for itself.
    if (area === 'managed' || Object.keys(changes).some((key) => OVERLAY_KEYS.has(key))) {
      void tellAllTabs('state/changed');
    }
  });
  void refreshPolicy();
  // Alarms may be lost with a browser restart: set the next check again at every start.
  void schedule();
  void scheduleRetention();
});
