/**
 * `npm run build:userscript`: the overlay as one userscript for Tampermonkey and Violentmonkey,
 * `.output/elaas-voucher-watch.user.js` (and a `.meta.js` for update checks). The same
 * components, core and site code as the extension; only platform/userscript differs.
 *
 * EVW_USERSCRIPT_URL: where the organisation serves the file (https://…/elaas-voucher-watch.user.js);
 * it becomes @downloadURL, and its .meta.js twin @updateURL. Without it the script does not update
 * itself (the manager's own check is off).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import monkey from 'vite-plugin-monkey';
import { GRANTS } from './platform/userscript/gm';
import { PREACT_JSX } from './scripts/jsx.ts';
import { noInnerHtml } from './scripts/no-inner-html.ts';
import { ELAAS_MATCHES } from './site/hosts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const url = process.env.EVW_USERSCRIPT_URL;
if (url && !/^https:\/\/.+\.user\.js$/.test(url))
  throw new Error('EVW_USERSCRIPT_URL must be an https:// address ending in .user.js');

export default defineConfig({
  publicDir: false,
  // No managed policy in a userscript: the site profile's override code is left out.
  define: { 'import.meta.env.EVW_USERSCRIPT': 'true' },
  oxc: PREACT_JSX,
  plugins: [
    noInnerHtml(),
    monkey({
      entry: 'userscript/main.ts',
      align: 2,
      userscript: {
        name: {
          '': 'e-LAAS Voucher Watch',
          th: 'ติดตามใบผ่านรายการจ่าย (e-LAAS Voucher Watch)',
          en: 'e-LAAS Voucher Watch',
        },
        description: {
          '': 'Explains the New e-LAAS payment-recording change (10 June 2026) and follows each payment voucher until it is created.',
          th: 'แจ้งการเปลี่ยนแปลงการบันทึกการจ่ายเงินใน New e-LAAS (10 มิ.ย. 2569) และติดตามใบผ่านรายการจ่ายจนกว่าจะสร้างเสร็จ',
        },
        namespace: 'https://github.com/elaas-voucher-watch',
        version: pkg.version,
        match: [...ELAAS_MATCHES],
        'run-at': 'document-start',
        grant: [...GRANTS],
        noframes: true,
        ...(url ? { downloadURL: url, updateURL: url.replace(/\.user\.js$/, '.meta.js') } : {}),
      },
      build: {
        fileName: 'elaas-voucher-watch.user.js',
        metaFileName: true,
        autoGrant: false,
      },
    }),
  ],
  build: {
    // Beside the extension's builds, which this must not clear.
    outDir: '.output',
    emptyOutDir: false,
    minify: true,
  },
});
