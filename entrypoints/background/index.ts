/**
 * The background: owns settings and the clerk's notice state (later: records, polling, badge).
 * Listeners are registered synchronously so a restarted service worker (or Firefox event page)
 * handles the event that woke it; nothing runs at module top level.
 */
import { browser } from 'wxt/browser';
import { policyChanged, refreshPolicy } from '../../platform/extension/settings-store';
import { onMessage } from './messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => onMessage(message, sender));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') policyChanged();
  });
  void refreshPolicy();
});
