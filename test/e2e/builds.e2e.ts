/**
 * The builds: the store build asks for e-LAAS hosts only and carries no development key; the
 * testing build adds the local hosts; both load in real Chromium and Firefox ESR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  type Budgeted,
  bundleSizes,
  gzipSize,
  USERSCRIPT_BUDGET,
  USERSCRIPT_FILE,
} from '../../bench/budgets';
import { catalogFile, catalogs } from '../../core/i18n';
import { startSimulator } from '../../simulator/server';
import { ELAAS_MATCHES, LOCAL_MATCHES } from '../../site/hosts';
import {
  CHROME_BUILD,
  CHROME_STORE_BUILD,
  FIREFOX_BUILD,
  FIREFOX_STORE_BUILD,
  GECKO_ID,
  ROOT,
} from './harness/env';
import { openSignedIn } from './harness/overlay';
import { BROWSERS, launch } from './harness/session';

/** Every script file of a build. */
function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f));
}

type Manifest = Record<string, unknown> & {
  host_permissions: string[];
  permissions: string[];
  content_scripts: { matches: string[] }[];
};
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('bundle budgets', () => {
  it('keeps what loads on every e-LAAS page and the background within budget (gzip)', () => {
    for (const build of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD]) {
      const sizes = bundleSizes(build);
      // What every build has (the overlay is one file in both browsers).
      for (const file of Object.keys(BUDGETS) as Budgeted[])
        expect(sizes[file], `${build}/${file}`).toBeDefined();
      for (const [file, size] of Object.entries(sizes)) {
        expect(size, `${build}/${file}`).toBeLessThanOrEqual(BUDGETS[file as Budgeted]);
      }
    }
    expect(gzipSize(join(ROOT, USERSCRIPT_FILE)), 'the userscript').toBeLessThanOrEqual(USERSCRIPT_BUDGET);
  });

  it("ships the overlay's catalogs as data files, equal to core/i18n.ts, and not again in the background", () => {
    for (const build of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD, CHROME_BUILD, FIREFOX_BUILD]) {
      for (const lang of ['th', 'en'] as const) {
        const shipped = JSON.parse(readFileSync(join(build, catalogFile(lang)), 'utf8')) as unknown;
        expect(shipped, `${build} ${lang}`).toEqual(catalogs[lang]);
      }
      const background = readFileSync(join(build, 'background.js'), 'utf8');
      expect(background.includes(catalogs.th.noticeWhatChanges), build).toBe(false);
    }
  });
});

describe('manifests', () => {
  it("store builds: e-LAAS hosts only, storage only, no key, nothing web-accessible but Chromium's overlay module, to e-LAAS", () => {
    for (const dir of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD]) {
      const m = manifest(dir);
      expect(m.manifest_version).toBe(3);
      expect(m.host_permissions).toEqual([...ELAAS_MATCHES]);
      // The page-world bridge, the line to it, and the overlay (in Chromium the line loads it as
      // a module: docs/security.md).
      expect(m.content_scripts.length).toBe(dir === CHROME_STORE_BUILD ? 2 : 3);
      for (const c of m.content_scripts) expect(c.matches).toEqual([...ELAAS_MATCHES]);
      expect(m.permissions).toEqual(['storage', 'alarms']);
      expect(m.optional_permissions).toEqual(['notifications']);
      expect(m.key).toBeUndefined();
      expect(m.web_accessible_resources).toEqual(
        dir === CHROME_STORE_BUILD
          ? [{ resources: ['elaas-overlay.js'], matches: [...ELAAS_MATCHES] }]
          : undefined,
      );
      expect(JSON.stringify(m)).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(m.default_locale).toBe('th');
      for (const lang of ['th', 'en'])
        expect(existsSync(join(dir, `_locales/${lang}/messages.json`))).toBe(true);
    }
    expect((manifest(CHROME_STORE_BUILD).storage as { managed_schema: string }).managed_schema).toBe(
      'managed_schema.json',
    );
    const gecko = (manifest(FIREFOX_STORE_BUILD).browser_specific_settings as { gecko: { id: string } })
      .gecko;
    expect(gecko.id).toBe(GECKO_ID);
  });

  it('testing builds: add localhost and 127.0.0.1, and a stable Chrome key', () => {
    for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
      const m = manifest(dir);
      expect(m.host_permissions).toEqual([...ELAAS_MATCHES, ...LOCAL_MATCHES]);
      for (const c of m.content_scripts) expect(c.matches).toEqual([...ELAAS_MATCHES, ...LOCAL_MATCHES]);
    }
    expect(typeof manifest(CHROME_BUILD).key).toBe('string');
  });

  it("passes web-ext lint (AMO's own checks) with no error and no warning", () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        FIREFOX_STORE_BUILD,
        '--output',
        'json',
      ],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(run.stdout) as {
      summary: { errors: number; warnings: number };
      errors: { code: string }[];
      warnings: { code: string }[];
    };
    expect([...report.errors, ...report.warnings].map((m) => m.code)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('no shipped script writes innerHTML, evaluates text, or loads code from elsewhere', () => {
    for (const build of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD]) {
      for (const file of scriptsIn(build)) {
        const code = readFileSync(file, 'utf8');
        expect({ file, innerHTML: /\.innerHTML\s*=[^=]/.test(code) }).toEqual({ file, innerHTML: false });
        expect({ file, eval: /\beval\(|new Function\(/.test(code) }).toEqual({ file, eval: false });
        expect({ file, remote: /https?:\/\/[^"'`\s]*\.js\b/.test(code) }).toEqual({ file, remote: false });
      }
    }
  });

  it('the store bundle has no testing clock or stand-in policy', () => {
    const background = readFileSync(join(CHROME_STORE_BUILD, 'background.js'), 'utf8');
    // Checked with includes(): a failing toContain would print the whole bundle.
    expect(background.includes('devClock')).toBe(false);
    expect(background.includes('devStorageFault')).toBe(false);
    expect(background.includes('devPolicy')).toBe(false);
    const testing = readFileSync(join(CHROME_BUILD, 'background.js'), 'utf8');
    expect(testing.includes('devClock')).toBe(true);
    expect(testing.includes('devPolicy')).toBe(true);
  });
});

for (const browserName of BROWSERS) {
  describe(`the store build in ${browserName}`, () => {
    it('loads, and stays off hosts it was not given', async () => {
      const sim = await startSimulator();
      const session = await launch(browserName, 'store');
      try {
        const page = await session.newPage();
        await openSignedIn(page, `${sim.url}#/expenditure/payment/record`);
        await page.waitFor(() => document.querySelector('main h1')?.textContent === 'บันทึกการจ่ายเงิน', null);
        // Give a content script time it would need to mount (it mounts within ~300 ms elsewhere).
        await new Promise((r) => setTimeout(r, 1500));
        expect(await page.evaluate(() => document.querySelector('evw-notice'), null)).toBeNull();
        expect(session.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\//);
      } finally {
        await session.close();
        await sim.close();
      }
    });
  });
}
