/**
 * The overlay's transport to the real background (its message handler, on WXT's fake browser), as
 * a content script of an e-LAAS tab reaches it. `before` runs before each request is answered: a
 * test can hold an answer there; `answer` may fail a request or hold the answer it got.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply, Request } from '../../core/protocol';
import { onMessage } from '../../entrypoints/background/messages';
import { startOverlay } from '../../entrypoints/elaas.content/overlay';
import { pageContext } from '../../platform/page-context';
import type { Transport } from '../../platform/types';

export const tabSender = () => ({ id: fakeBrowser.runtime.id, url: location.href });
/** The extension's options page, which alone may do what a page must not (reset the notice, import …). */
export const optionsSender = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
});

type Answer = (req: Request, reply: () => Promise<Reply<unknown>>) => Promise<Reply<unknown>>;

export function backgroundTransport(
  before: (req: Request) => unknown = () => undefined,
  answer: Answer = (_req, reply) => reply(),
): Transport {
  return {
    settingsPage: true,
    request: (async (req: Request) => {
      await before(req);
      return answer(req, () => onMessage(req, tabSender()));
    }) as Transport['request'],
    onInvalidate: () => () => {},
    // Nothing from the background reaches the page: a "records changed" it sends is not heard.
    onCommand: () => () => {},
  };
}

/**
 * An e-LAAS page of `html` (null: the page as it is) with the overlay started on it; returns what
 * ends it (the page goes).
 */
export function overlayOn(html: string | null, transport: Transport): () => void {
  if (html !== null) document.body.innerHTML = html;
  let alive = true;
  startOverlay(
    pageContext(() => alive),
    transport,
  );
  return () => {
    alive = false;
  };
}
