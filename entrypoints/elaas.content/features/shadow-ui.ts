/**
 * Mount a feature's UI in its own shadow root, and take it down when the feature's signal fires.
 * Every feature's UI goes through here: one place for the isolation and the lifecycle. (Our own
 * few lines rather than WXT's createShadowRootUi: the same isolation for a fifth of the bytes in
 * a script that runs on every e-LAAS page.)
 */
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
  /** Draws the UI into its container, once the host is in the page; omit to draw later. */
  content?: (container: HTMLElement) => void;
}

export interface MountedUi {
  host: HTMLElement;
  container: HTMLElement;
}

/** The page's styles stop at the shadow root; inherited ones (font, colour) stop here. */
const RESET = ':host{all:initial;display:block}';

/**
 * What every feature's UI shares, as a sheet of its own: Chromium parses a <style> whose text
 * another shadow root of the page already has only once (the panel's shared sheet is the notice's:
 * about 1.6 KB less CSS parsed before the panel shows; docs/interface.md, "Cost").
 */
const SHARED = tokensCss + controlsCss;

/** A host element with an open shadow root, our style sheets in order (the reset first), and an empty container. */
export function createShadowHost(name: string, ...sheets: string[]): MountedUi {
  const host = document.createElement(name);
  const container = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(
    ...sheets.map((css, i) => {
      const style = document.createElement('style');
      style.textContent = i ? css : RESET + css;
      return style;
    }),
    container,
  );
  return { host, container };
}

export async function mountShadowUi(fx: FeatureContext, o: ShadowUiOptions): Promise<MountedUi | null> {
  if (fx.signal.aborted) return null;
  const ui = createShadowHost(o.name, SHARED, o.css);
  const anchor = typeof o.anchor === 'function' ? o.anchor() : o.anchor;
  if (o.append === 'first') anchor.prepend(ui.host);
  else if (o.append === 'last') anchor.append(ui.host);
  else o.append(anchor, ui.host);
  o.content?.(ui.container);
  fx.signal.addEventListener('abort', () => ui.host.remove(), { once: true });
  return ui;
}
