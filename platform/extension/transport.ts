/** Content scripts and extension pages talk to the background through runtime messages. */
import { browser } from 'wxt/browser';
import { parseReply } from '../../core/protocol';
import type { Transport } from '../types';

export { STORAGE_KEYS } from '../storage-keys';

export const extensionTransport: Transport = {
  settingsPage: true,
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
  onCommand: (handler) => onCommand(handler),
};

/**
 * e-LAAS pages: the background tells them when what they show changed (`state/changed`). The
 * storage API is not opened in every page load; it is the content script's costliest start.
 */
export const contentTransport: Transport = {
  ...extensionTransport,
  onInvalidate(listener) {
    return onCommand((message) => {
      if ((message as { type?: unknown } | null)?.type !== 'state/changed') return undefined;
      listener();
      return Promise.resolve(true);
    });
  },
};

/**
 * Messages from the background, answered through sendResponse (and `true`: "the answer comes
 * later"), which every browser supports natively: content scripts run without
 * webextension-polyfill (wxt.config.ts).
 */
function onCommand(handler: (message: unknown) => Promise<unknown> | undefined): () => void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const answer = handler(message);
    if (answer === undefined) return undefined;
    Promise.resolve(answer).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, reason: 'site-error', message: String(error).slice(0, 300) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
