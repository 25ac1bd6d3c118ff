/**
 * `npm run demo`: start the e-LAAS simulator and open Chromium with the testing build loaded.
 * Without a display, print the address and how to load the extension by hand, and keep serving.
 * (Run after `npm run build:testing`; the npm script does both.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeSimulator, optionsFromEnv } from '../simulator/cli';
import { startSimulator } from '../simulator/server';

const root = resolve(import.meta.dirname, '..');
const chromeBuild = join(root, '.output/chrome-mv3-testing');
const firefoxBuild = join(root, '.output/firefox-mv3-testing');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const options = optionsFromEnv(process.env);
const sim = await startSimulator(options);
const start = options.design === 'A' ? `${sim.url}#/expenditure/payment/record` : `${sim.url}payment/record`;
console.log(`\n${describeSimulator(sim.url, options.design)}`);
console.log(`  payment page:    ${start}\n`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (hasDisplay && existsSync(chromium) && !process.env.DEMO_NO_BROWSER) {
  const profile = mkdtempSync(join(tmpdir(), 'evw-demo-'));
  const child = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${chromeBuild}`,
      `--load-extension=${chromeBuild}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
      // Chromium refuses to start as root without this (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      start,
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => {
    rmSync(profile, { recursive: true, force: true });
    void sim.close().then(() => process.exit(0));
  });
  console.log('Chromium is open with Voucher Watch loaded. Close it to stop the demo.');
} else {
  console.log(
    [
      hasDisplay
        ? `Chromium not found at ${chromium} (set CHROMIUM_PATH).`
        : 'No display here, so no browser was opened.',
      'Load the extension into your own browser, then open the payment page above:',
      `  Chrome / Edge: chrome://extensions (edge://extensions) > Developer mode > Load unpacked > ${chromeBuild}`,
      `  Firefox:       about:debugging#/runtime/this-firefox > Load Temporary Add-on > ${join(firefoxBuild, 'manifest.json')}`,
      '',
      'Serving until you press Ctrl+C.',
    ].join('\n'),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void sim.close().then(() => process.exit(0)));
}
