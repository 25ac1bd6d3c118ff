/**
 * The overlay's context in the extension (both browsers): the page's (platform/page-context.ts),
 * ended when the extension goes (reloaded, updated or removed: its runtime id is gone, as WXT's
 * context tells it) and when a newer copy of the overlay starts in the same page (after an update
 * the new content script runs beside the old one). Our few lines in place of WXT's
 * ContentScriptContext, whose other helpers the overlay does not use: 0.7 KB gzip less on every
 * e-LAAS page (the overlay's size budget).
 */
import { browser } from 'wxt/browser';
import { type OverlayContext, pageContext } from '../page-context';

export function extensionContext(): OverlayContext {
  let replaced = false;
  const ctx = pageContext(() => !replaced && browser.runtime?.id != null);
  // A DOM event, named for this extension: the page sees it, as it sees WXT's. (Not a message
  // posted to the page, which e-LAAS' own listeners would have to read.)
  const started = `evw:overlay-started:${browser.runtime.id}`;
  const me = Math.random().toString(36).slice(2);
  window.dispatchEvent(new CustomEvent(started, { detail: me }));
  ctx.addEventListener(window, started, (event) => {
    if ((event as CustomEvent).detail === me) return;
    replaced = true;
    void ctx.isInvalid; // looked at, a context no longer alive ends (its signal aborts) now
  });
  return ctx;
}
