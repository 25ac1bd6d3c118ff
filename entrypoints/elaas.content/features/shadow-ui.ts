/**
 * Mount a feature's Preact UI in its own shadow root, and take it down when the feature's signal
 * fires. Every feature's UI goes through here: one place for the isolation and the lifecycle.
 */
import { type ComponentChild, render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import controlsCss from '../../../components/styles/controls.css?inline';
import tokensCss from '../../../components/styles/tokens.css?inline';
import type { FeatureContext } from './types';

type Append = 'first' | 'last' | ((anchor: Element, ui: Element) => void);

export interface ShadowUiOptions {
  /** The custom element's name: `evw-…`. */
  name: string;
  anchor: Element | (() => Element);
  append: Append;
  /** The feature's own styles; tokens and controls are always included. */
  css: string;
  /** What to render; omit to render later into `container`. */
  content?: ComponentChild;
}

export interface MountedUi {
  host: HTMLElement;
  container: HTMLElement;
}

export async function mountShadowUi(fx: FeatureContext, o: ShadowUiOptions): Promise<MountedUi | null> {
  const ui = await createShadowRootUi(fx.ctx, {
    name: o.name,
    position: 'inline',
    anchor: o.anchor,
    append: o.append,
    css: `${tokensCss}\n${controlsCss}\n${o.css}`,
    onMount(container) {
      if (o.content !== undefined) render(o.content, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  if (fx.signal.aborted) return null;
  ui.mount();
  fx.signal.addEventListener('abort', () => ui.remove(), { once: true });
  return { host: ui.shadowHost, container: ui.uiContainer };
}
