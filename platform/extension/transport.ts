/** Content scripts and extension pages talk to the background through runtime messages. */
import { browser } from 'wxt/browser';
import { parseReply } from '../../core/protocol';
import type { Transport } from '../types';

export const STORAGE_KEYS = {
  userSettings: 'settings',
  policyCache: 'policyCache',
  noticeDismissed: 'noticeDismissed',
  lastUser: 'lastUser',
} as const;

export const extensionTransport: Transport = {
  async request(req) {
    try {
      return parseReply(await browser.runtime.sendMessage(req));
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
  onInvalidate(listener) {
    // Any change to what the background keeps (settings, policy, dismissals) re-reads the state.
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local' || area === 'managed') listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
  onCommand(handler) {
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      return handler(message);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
