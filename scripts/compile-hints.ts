/**
 * A Vite plugin that asks V8 to compile the overlay's content script whole, up front: the
 * `//# allFunctionsCalledOnLoad` explicit compile hint (V8, Chrome 136+; other engines read a
 * comment). Without it V8 pre-parses each function when the script is evaluated and parses it
 * again the first time it runs, and nearly all of the overlay's code runs on the first page it
 * loads on: the router, the site profile, the views. Measured with `npm run bench` (docs/interface.md,
 * "Cost"): the script takes longer to evaluate, the callbacks after it much less, and the page
 * less script in all. Only for the overlay (`content-scripts/elaas.js`): the page-world bridge's
 * code mostly waits for the page's own requests, and would be compiled for nothing.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(files: readonly string[]): Plugin {
  return {
    name: 'evw-compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && files.includes(chunk.fileName)) chunk.code = COMPILE_HINT + chunk.code;
      }
    },
  };
}
