import { contentTransport } from '../../platform/extension/transport';
import type { OverlayContext } from '../../platform/page-context';
import { startOverlay } from './overlay';

/**
 * WXT's older way of stopping a previous copy of the overlay (after an update) posts a message to
 * the page, which e-LAAS' own listeners would see; its DOM event is enough.
 */
export const NO_STARTED_POST_MESSAGE = true;

/** The overlay in a content script's context, speaking to the background. */
export function runOverlay(ctx: OverlayContext): void {
  startOverlay(ctx, contentTransport);
}
