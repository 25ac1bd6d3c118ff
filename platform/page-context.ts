/**
 * What the overlay needs from its context: a signal and timers that end with it, listeners it
 * removes, and "the page moved" events for single-page apps. `pageContext()` gives it to pages
 * that host the overlay themselves (the training page, the userscript), which end only with the
 * page, and to the extension's overlay (platform/extension/context.ts), which ends with the
 * extension too. (WXT's ContentScriptContext would do; its wrapper costs 0.7 KB on every page.)
 */
export interface OverlayContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  setInterval(handler: () => void, timeout?: number): number;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  onInvalidated(callback: () => void): () => void;
}

/** The event fired when a single-page app changes its address (WXT's name for it, kept). */
export const LOCATION_CHANGE = 'wxt:locationchange';

/**
 * `alive`: whether what hosts the overlay is still there (the extension: not reloaded, updated or
 * removed); looked at before each timer runs and when asked, and the context ends once it is not.
 */
export function pageContext(alive: () => boolean = () => true): OverlayContext {
  const controller = new AbortController();
  const invalid = () => {
    if (!alive()) controller.abort();
    return controller.signal.aborted;
  };
  // The timers running, cleared when the context ends: one listener for them all, not one per
  // timer (an SPA page open all day sets thousands; each listener would stay until the page goes).
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  controller.signal.addEventListener(
    'abort',
    () => {
      for (const id of timeouts) clearTimeout(id);
      for (const id of intervals) clearInterval(id);
      timeouts.clear();
      intervals.clear();
    },
    { once: true },
  );
  let watching = false;
  const watchLocation = () => {
    if (watching) return;
    watching = true;
    let last = location.href;
    // As WXT does: look once a second (pushState has no event of its own).
    intervals.add(
      window.setInterval(() => {
        if (location.href === last) return;
        last = location.href;
        window.dispatchEvent(new Event(LOCATION_CHANGE));
      }, 1000),
    );
  };
  return {
    signal: controller.signal,
    get isInvalid() {
      return invalid();
    },
    setTimeout(handler, timeout) {
      if (controller.signal.aborted) return 0;
      const id = window.setTimeout(() => {
        timeouts.delete(id);
        if (!invalid()) handler();
      }, timeout);
      timeouts.add(id);
      return id;
    },
    setInterval(handler, timeout) {
      if (controller.signal.aborted) return 0;
      const id = window.setInterval(() => invalid() || handler(), timeout);
      intervals.add(id);
      return id;
    },
    addEventListener(target, type, handler, options) {
      if (type === LOCATION_CHANGE) watchLocation();
      target.addEventListener(type, handler, { ...options, signal: controller.signal });
    },
    onInvalidated(callback) {
      controller.signal.addEventListener('abort', callback);
      return () => controller.signal.removeEventListener('abort', callback);
    },
  };
}
