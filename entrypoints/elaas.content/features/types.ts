import type { OverlayContext } from '../../../platform/page-context';
import type { Transport } from '../../../platform/types';
import type { PageKind, SiteProfile } from '../../../site/profile';
import type { StateStore } from '../state';
import type { TrackingStore } from '../tracking';

export interface FeatureContext {
  ctx: OverlayContext;
  page: PageKind;
  profile: SiteProfile;
  store: StateStore;
  tracking: TrackingStore;
  transport: Transport;
  /** Fires when the clerk navigates to a page this feature does not belong on, or we unload. */
  signal: AbortSignal;
  /**
   * The element this feature now has in the page (null: none), which the router mounts again when
   * the page drops it or it stands outside the content area. `shadowUi` tells it.
   */
  placed(host: HTMLElement | null): void;
}

/** One overlay feature: which pages it belongs on, and how to mount it there. */
export interface Feature {
  id: string;
  pages: readonly PageKind[];
  /** Start on this page: draw now, or when there is something to show (`fx.placed` says where). */
  mount(fx: FeatureContext): Promise<void>;
}
