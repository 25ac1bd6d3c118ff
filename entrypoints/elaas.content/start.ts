import { contentTransport } from '../../platform/extension/transport';
import type { OverlayContext } from '../../platform/page-context';
import { startOverlay } from './overlay';

/** The overlay in a content script's context, speaking to the background. */
export function runOverlay(ctx: OverlayContext): void {
  startOverlay(ctx, contentTransport);
}
