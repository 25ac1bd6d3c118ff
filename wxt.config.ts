import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { catalogFile, catalogs } from './core/i18n';
import { OVERLAY_MODULE } from './platform/extension/overlay-module';
import { DEV_PUBLIC_KEY } from './scripts/dev-key';
import { PREACT_JSX } from './scripts/jsx';
import { noInnerHtml } from './scripts/no-inner-html';
import { ELAAS_MATCHES, LOCAL_MATCHES } from './site/hosts';

/**
 * Two build flavours:
 *  - production (`wxt build`): the store build; e-LAAS hosts only, no `key`.
 *  - testing (`wxt build --mode testing`): tests and the demo; adds localhost and 127.0.0.1,
 *    a public `key` so the Chrome ID is stable, and the test clock (see platform/extension/clock.ts).
 */

/** Extension pages the end-to-end tests open (testing builds only). */
const EXTENSION_PAGES = ['options.html', 'popup.html', 'training.html'];

/** entrypoints/elaas-bridge.ts and entrypoints/elaas-line.ts, as built. */
const BRIDGE_SCRIPT = 'elaas-bridge.js';
const LINE_SCRIPT = 'elaas-line.js';
/** V8's explicit compile hint for a whole file (https://v8.dev/blog/explicit-compile-hints). */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
/** Unlisted scripts that run on e-LAAS pages (the bridge in the page's world, the others in a
 * content script's). */
const PAGE_SCRIPTS = ['elaas-bridge', 'elaas-line', 'elaas-overlay'];

export const GECKO_ID = 'elaas-voucher-watch@voucher-watch';

export default defineConfig({
  // Firefox gets MV3 too: see README, Development.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    oxc: PREACT_JSX,
    plugins: [noInnerHtml()],
    build: { sourcemap: process.env.EVW_SOURCEMAP === '1', minify: process.env.EVW_NOMINIFY !== '1' },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output/**', '.tmp/**', 'test-results/**', '**/*.pem'],
  },
  manifest: ({ browser, mode }) => {
    const local = mode === 'testing';
    const hosts = local ? [...ELAAS_MATCHES, ...LOCAL_MATCHES] : [...ELAAS_MATCHES];
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'th',
      // storage: settings and state; alarms: the one check timer. tabs is not needed (tabs.query
      // by URL works with host permissions). notifications is optional: the clerk grants it in
      // context, from the options page, after the panel explains why. (Chromium's testing build
      // has it required: automation cannot answer Chromium's permission prompt.)
      permissions: ['storage', 'alarms', ...(local && browser !== 'firefox' ? ['notifications'] : [])],
      ...(local && browser !== 'firefox' ? {} : { optional_permissions: ['notifications'] }),
      action: { default_title: '__MSG_extName__' },
      host_permissions: hosts,
      ...(local && browser !== 'firefox' ? { key: DEV_PUBLIC_KEY } : {}),
      // Chromium's overlay module, imported by elaas-line.js on e-LAAS pages (see
      // entrypoints/elaas-overlay.ts); e-LAAS pages may fetch it too, which tells them no more
      // than that the extension is installed.
      ...(browser === 'firefox'
        ? {}
        : { web_accessible_resources: [{ resources: [OVERLAY_MODULE], matches: hosts }] }),
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                // 142: data_collection_permissions everywhere (Firefox for Android has it from 142; 140 made
                // web-ext lint warn). Current ESR lines (153) are well above it.
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : { storage: { managed_schema: 'managed_schema.json' } }),
    };
  },
  hooks: {
    // The overlay's text, as data the background reads (platform/extension/host.ts), not code.
    'build:publicAssets': (_wxt, files) => {
      for (const lang of Object.keys(catalogs) as (keyof typeof catalogs)[]) {
        files.push({ relativeDest: catalogFile(lang), contents: JSON.stringify(catalogs[lang]) });
      }
    },
    // Content scripts (and the unlisted scripts they load) run on every e-LAAS page: they use the
    // browsers' own promise-based APIs (Chrome MV3 and Firefox both have them) instead of
    // webextension-polyfill, which the background and the extension pages keep. This keeps the
    // overlay within its size budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || PAGE_SCRIPTS.includes(e.name))) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        const i = alias.findIndex((a) => a.find === 'wxt/browser');
        if (i >= 0) alias.splice(i, 1);
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
    // V8 compiles the whole overlay module when it loads (explicit compile hint), off the main
    // thread, so that no function is compiled there at its first call. Added after minifying,
    // which drops comments.
    'build:done': (wxt) => {
      if (wxt.config.browser === 'firefox') return;
      const file = join(wxt.config.outDir, OVERLAY_MODULE);
      writeFileSync(file, `${COMPILE_HINT}\n${readFileSync(file, 'utf8')}`);
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // The page-world bridge (entrypoints/elaas-bridge.ts), the line to it, and in Chromium the
      // overlay's loader (entrypoints/elaas-line.ts): content scripts without WXT's wrapper.
      // In Firefox, which keeps compiled content scripts itself, the overlay is a content script at
      // document_idle (entrypoints/elaas-overlay.ts, unlisted: without WXT's wrapper either).
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: [...ELAAS_MATCHES], run_at: 'document_start', js: [BRIDGE_SCRIPT], world: 'MAIN' },
        { matches: [...ELAAS_MATCHES], run_at: 'document_start', js: [LINE_SCRIPT] },
        ...(wxt.config.browser === 'firefox'
          ? [{ matches: [...ELAAS_MATCHES], run_at: 'document_idle' as const, js: [OVERLAY_MODULE] }]
          : []),
      ];
      if (wxt.config.mode !== 'testing') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOCAL_MATCHES];
      }
      // Firefox's WebDriver BiDi refuses to navigate to moz-extension:// pages; the tests open
      // extension pages from a 127.0.0.1 page instead, which needs them web-accessible there.
      if (wxt.config.browser === 'firefox') {
        manifest.web_accessible_resources = [{ resources: EXTENSION_PAGES, matches: [...LOCAL_MATCHES] }];
      }
    },
  },
});
