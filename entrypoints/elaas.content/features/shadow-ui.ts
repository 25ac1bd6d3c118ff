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
  /**
   * Outside the content area's flow (a dialog at the end of <body>): the router is not told of it,
   * so it never moves it into the content area.
   */
  outOfFlow?: boolean;
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

/** A feature's UI that is in the page only while it has something to show. */
export interface ShadowUi {
  /** The UI, put in the page now if it is not there; null once the feature has ended. */
  show(): MountedUi | null;
  /** Take it out of the page (the next `show` makes it again). */
  hide(): void;
}

/**
 * A feature's UI in a shadow root of its own, made and put in the page at its first `show`: a
 * feature with nothing to show (the notice once the clerk has dismissed it, the duplicate guard
 * until a payment would be recorded twice) leaves no element of ours in e-LAAS' page, where an
 * empty one would still be the first child of the content area for e-LAAS' own styles and scripts.
 * (It saves no measurable time: the panel's shadow root then pays what the notice's did;
 * docs/interface.md, "Cost".) The router hears of the host through `fx.placed`; the feature's
 * signal takes it out.
 */
export function shadowUi(fx: FeatureContext, o: ShadowUiOptions): ShadowUi {
  let ui: MountedUi | null = null;
  const hide = () => {
    if (!ui) return;
    if (!o.outOfFlow) fx.placed(null);
    ui.host.remove();
    ui = null;
  };
  fx.signal.addEventListener('abort', hide, { once: true });
  return {
    show() {
      if (fx.signal.aborted) return null;
      if (ui) return ui;
      const made = createShadowHost(o.name, SHARED, o.css);
      const anchor = typeof o.anchor === 'function' ? o.anchor() : o.anchor;
      if (o.append === 'first') anchor.prepend(made.host);
      else if (o.append === 'last') anchor.append(made.host);
      else o.append(anchor, made.host);
      ui = made;
      if (!o.outOfFlow) fx.placed(made.host);
      o.content?.(made.container);
      return made;
    },
    hide,
  };
}

/** A feature's UI put in the page now, and kept there until the feature ends. */
export function mountShadowUi(fx: FeatureContext, o: ShadowUiOptions): MountedUi | null {
  return shadowUi(fx, o).show();
}
