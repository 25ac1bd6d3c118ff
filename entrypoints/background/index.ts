/**
 * The background: owns settings, the clerk's notice state, the records (IndexedDB), checking,
 * the badge, notifications and retention.
 * Listeners are registered synchronously so a restarted service worker (or Firefox event page)
 * handles the event that woke it; nothing runs at module top level.
 */
import { browser } from 'wxt/browser';
import { extensionHost } from '../../platform/extension/host';
import { policyChanged, refreshPolicy } from '../../platform/extension/settings-store';
import { setHost } from '../../platform/host';
import { purgeExpired, RETENTION_ALARM, scheduleRetention } from './data';
import { onMessage } from './messages';
import { onNotificationClicked, onNotificationClosed } from './notify';
import { CHECK_ALARM, runCheck, schedule, tellAllTabs } from './tracking';

export default defineBackground(() => {
  setHost(extensionHost);
  browser.runtime.onMessage.addListener((message: unknown, sender) => onMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void runCheck();
    if (alarm.name === RETENTION_ALARM) void purgeExpired();
  });
  browser.notifications?.onClicked.addListener((id) => void onNotificationClicked(id));
  // Granted from the options page: panels stop offering it.
  browser.permissions.onAdded.addListener(() => void tellAllTabs());
  browser.notifications?.onClosed.addListener((id) => void onNotificationClosed(id));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') policyChanged();
  });
  void refreshPolicy();
  // Alarms may be lost with a browser restart: set the next check again at every start.
  void schedule();
  void scheduleRetention();
});
