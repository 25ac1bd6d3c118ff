/**
 * The overlay's router: works out which e-LAAS page is showing (the SPA changes pages without
 * loading), mounts the features that belong there and tears down the rest through their
 * AbortSignal. If the site re-renders and drops one of our elements, it is mounted again.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionTransport } from '../../platform/extension/transport';
import { detectPage, readCurrentUser } from '../../site/detect';
import { DEFAULT_PROFILE, type PageKind } from '../../site/profile';
import { features } from './features';
import type { Feature } from './features/types';
import { createStateStore } from './state';

/** DOM changes are checked at most this often; the page's own work comes first. */
const DOM_CHECK_MS = 250;

interface Mounted {
  controller: AbortController;
  host: HTMLElement | null;
}

export function startOverlay(ctx: ContentScriptContext): void {
  const profile = DEFAULT_PROFILE;
  const transport = extensionTransport;
  let user = readCurrentUser(profile, document);
  // Read live: a click may come before the throttled check below has noticed a new user.
  const userKey = () => `${location.origin}|${readCurrentUser(profile, document) ?? '*'}`;
  const store = createStateStore(transport, userKey, ctx.signal);
  const mounted = new Map<Feature, Mounted>();
  let page: PageKind | null = null;

  const mount = (feature: Feature, kind: PageKind) => {
    const controller = new AbortController();
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const entry: Mounted = { controller, host: null };
    mounted.set(feature, entry);
    feature
      .mount({ ctx, page: kind, profile, store, transport, signal: controller.signal })
      .then((host) => {
        entry.host = host;
      })
      .catch((error: unknown) => console.warn(`[Voucher Watch] ${feature.id} failed to mount`, error));
  };

  const unmount = (feature: Feature) => {
    mounted.get(feature)?.controller.abort();
    mounted.delete(feature);
  };

  const check = () => {
    if (ctx.isInvalid) return;
    const kind = detectPage(profile, location, document);
    const nextUser = readCurrentUser(profile, document);
    if (nextUser !== user) {
      user = nextUser;
      store.refresh();
    }
    if (kind !== page) {
      page = kind;
      for (const feature of features) {
        unmount(feature);
        if (feature.pages.includes(kind)) mount(feature, kind);
      }
      return;
    }
    for (const [feature, entry] of mounted) {
      if (entry.host && !entry.host.isConnected) {
        unmount(feature);
        mount(feature, kind);
      }
    }
  };

  // URL changes: WXT's watcher (Navigation API where present), plus hash and history events.
  ctx.addEventListener(window, 'wxt:locationchange', check);
  ctx.addEventListener(window, 'hashchange', check);
  ctx.addEventListener(window, 'popstate', check);

  // Page changes without a URL change (the SPA renders the new page after navigating).
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      check();
    }, DOM_CHECK_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());

  check();
}
