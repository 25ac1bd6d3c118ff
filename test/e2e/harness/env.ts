/** Where the browsers and builds are, and what to say when one is missing. */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3-testing');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3-testing');
/** The store builds (`npm run build`): e-LAAS hosts only. */
export const CHROME_STORE_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_STORE_BUILD = join(ROOT, '.output/firefox-mv3');
export const GECKO_ID = 'elaas-voucher-watch@voucher-watch';
/** Pinned so tests can open moz-extension:// pages at a known address. */
export const FIREFOX_UUID = '5a5f0000-0000-4000-8000-000000000001';
export const TMP = join(ROOT, '.tmp');

/** A fresh folder under .tmp (made first: a fresh clone has none, and a test may run alone). */
export function tmpDir(prefix: string): string {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, prefix));
}

export type BrowserName = 'chromium' | 'firefox';

export function browserPath(name: BrowserName): string {
  return name === 'chromium'
    ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
    : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
}

/** Every reason the end-to-end tests cannot run, each with how to fix it. */
export function missingPrerequisites(): string[] {
  const problems: string[] = [];
  if (!existsSync(browserPath('chromium'))) {
    problems.push(
      `Chromium not found at ${browserPath('chromium')}. Install it: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  if (!existsSync(browserPath('firefox'))) {
    problems.push(
      `Firefox ESR not found at ${browserPath('firefox')}. Install it: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).`,
    );
  }
  for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
    if (!existsSync(join(dir, 'manifest.json')))
      problems.push(`No build at ${dir}. Run: npm run build:testing`);
  }
  if (!existsSync(join(ROOT, '.output/elaas-voucher-watch.user.js')))
    problems.push('No userscript build. Run: npm run build:userscript');
  return problems;
}

/**
 * Where screenshots go: docs/screenshots with SCREENSHOTS=1 (`npm run screenshots`, for the
 * README), else .tmp/screens so an ordinary test run never rewrites tracked files.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOTS ? join(ROOT, 'docs/screenshots') : join(TMP, 'screens');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** Wait in the test process until `check()` is true (for state the simulator holds in-process). */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
