/**
 * The overlay's transport to the real background (its message handler, on WXT's fake browser), as
 * a content script of an e-LAAS tab reaches it. `before` runs before each request is answered: a
 * test can hold an answer there.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request } from '../../core/protocol';
import { onMessage } from '../../entrypoints/background/messages';
import type { Transport } from '../../platform/types';

export const tabSender = () => ({ id: fakeBrowser.runtime.id, url: location.href });

export function backgroundTransport(before: (req: Request) => unknown = () => undefined): Transport {
  return {
    settingsPage: true,
    request: (async (req: Request) => {
      await before(req);
      return onMessage(req, tabSender());
    }) as Transport['request'],
    onInvalidate: () => () => {},
    onCommand: () => () => {},
  };
}
