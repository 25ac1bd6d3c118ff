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
}

/** One overlay feature: which pages it belongs on, and how to mount it there. */
export interface Feature {
  id: string;
  pages: readonly PageKind[];
  /** Mount and return the element we inserted, so a detached one can be mounted again. */
  mount(fx: FeatureContext): Promise<HTMLElement | null>;
}
