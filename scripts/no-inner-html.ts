/**
 * A Vite plugin that takes the one HTML sink out of Preact: its `dangerouslySetInnerHTML` prop
 * writes `innerHTML`. We never use that prop (a unit test keeps it so); here its write becomes a
 * `textContent` write, so even a future mistake would show markup as inert text. The shipped
 * code then assigns `innerHTML` nowhere, which `web-ext lint` checks (test/e2e/builds.e2e.ts).
 * The build fails if Preact's code no longer looks as expected, rather than skip it silently.
 */
import type { Plugin } from 'vite';

const SINK = /(\b[\w$]+)\.innerHTML=([\w$]+)\.__html/g;

export function noInnerHtml(): Plugin {
  return {
    name: 'evw-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.(mjs|module\.js|js)$/.test(id)) return null;
      const out = code.replace(SINK, '$1.textContent=$2.__html');
      if (out === code)
        throw new Error(`${id}: Preact's innerHTML write was not found; check scripts/no-inner-html.ts`);
      return { code: out, map: null };
    },
  };
}
