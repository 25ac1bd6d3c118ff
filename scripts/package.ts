/**
 * `npm run package`: everything an organisation needs to publish or self-host the extension.
 *
 *   .output/package/
 *     elaas-voucher-watch-<v>-chrome.zip    Chrome Web Store / Edge Add-ons upload
 *     elaas-voucher-watch-<v>-chrome.crx    self-hosted CRX3, signed with $EVW_CRX_KEY
 *     updates.xml                           its update manifest (ExtensionSettings update_url)
 *     elaas-voucher-watch-<v>-firefox.xpi   Firefox package, unsigned: sign it unlisted on AMO
 *     elaas-voucher-watch-<v>-sources.zip   the sources AMO asks for
 *     updates.json                          Firefox's update manifest (with $EVW_UPDATE_BASE)
 *     elaas-voucher-watch.user.js          the userscript (Tampermonkey, Violentmonkey), and its .meta.js
 *     SHA256SUMS
 *
 * Environment:
 *   EVW_CRX_KEY      path to the organisation's RSA private key (PEM). Never commit it.
 *                    `npm run package -- --new-key PATH` makes one.
 *   EVW_UPDATE_BASE  the https:// folder the files will be served from (default: this folder
 *                    as a file:// URL, which is only good for trying it on this machine).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newSigningKey, updatesJson, updatesXml } from './crx3';
import { firefoxXpi, selfHostedCrx } from './package-lib';

const ROOT = resolve(import.meta.dirname, '..');
const GECKO_ID = 'elaas-voucher-watch@voucher-watch';

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

function makeKey(path: string): void {
  if (existsSync(path)) fail(`${path} exists; not overwritten`);
  writeFileSync(path, newSigningKey(), { mode: 0o600 });
  console.log(`New signing key written to ${path} (readable by you only). Keep it safe and back it up:`);
  console.log('every later version must be signed with it, or browsers treat it as another extension.');
}

function updateBase(outDir: string): string {
  const raw = process.env.EVW_UPDATE_BASE;
  if (!raw) return pathToFileURL(`${outDir}/`).href;
  let url: URL;
  try {
    url = new URL(raw.endsWith('/') ? raw : `${raw}/`);
  } catch {
    fail(`EVW_UPDATE_BASE is not an address: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'file:')
    fail('EVW_UPDATE_BASE must be https:// (or file://)');
  return url.href;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--new-key') {
    if (!args[1]) fail('usage: npm run package -- --new-key PATH');
    makeKey(resolve(args[1]));
    return;
  }
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const outDir = resolve(process.env.EVW_PACKAGE_DIR ?? join(ROOT, '.output/package'));
  const base = updateBase(outDir);
  const keyPath = process.env.EVW_CRX_KEY;
  if (keyPath && !existsSync(keyPath)) fail(`EVW_CRX_KEY points at ${keyPath}, which does not exist`);

  // Store builds and their zips (WXT also writes the sources zip for AMO).
  const wxt = join(ROOT, 'node_modules/.bin/wxt');
  execFileSync(wxt, ['zip', '-b', 'chrome'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(wxt, ['zip', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
  // The userscript, with its update addresses when the organisation serves it too.
  const userscriptUrl = base.startsWith('https:') ? `${base}elaas-voucher-watch.user.js` : undefined;
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.userscript.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...(userscriptUrl ? { EVW_USERSCRIPT_URL: userscriptUrl } : {}) },
  });

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const file = (suffix: string) => `${name}-${version}-${suffix}`;
  copyFileSync(join(ROOT, '.output', file('chrome.zip')), join(outDir, file('chrome.zip')));
  copyFileSync(join(ROOT, '.output', file('sources.zip')), join(outDir, file('sources.zip')));
  for (const f of ['elaas-voucher-watch.user.js', 'elaas-voucher-watch.meta.js'])
    copyFileSync(join(ROOT, '.output', f), join(outDir, f));

  const xpiUrl = `${base}${file('firefox.xpi')}`;
  writeFileSync(
    join(outDir, file('firefox.xpi')),
    await firefoxXpi(
      join(ROOT, '.output/firefox-mv3'),
      base.startsWith('https:') ? `${base}updates.json` : null,
    ),
  );
  writeFileSync(join(outDir, 'updates.json'), updatesJson(GECKO_ID, version, xpiUrl));

  let id = '';
  if (keyPath) {
    const { crx, id: crxId } = await selfHostedCrx(
      join(ROOT, '.output/chrome-mv3'),
      readFileSync(keyPath, 'utf8'),
      `${base}updates.xml`,
    );
    id = crxId;
    writeFileSync(join(outDir, file('chrome.crx')), crx);
    writeFileSync(join(outDir, 'updates.xml'), updatesXml(id, version, `${base}${file('chrome.crx')}`));
  }

  const sums = readdirSync(outDir)
    .sort()
    .map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(outDir, f)))
          .digest('hex')}  ${f}`,
    );
  writeFileSync(join(outDir, 'SHA256SUMS'), `${sums.join('\n')}\n`);

  console.log(`\nPackages in ${outDir} (served from ${base}):`);
  for (const f of readdirSync(outDir).sort()) console.log(`  ${f}`);
  if (id) {
    console.log(`\nChrome/Edge extension ID: ${id}`);
    console.log(
      `Force-install: ExtensionSettings { "${id}": { "installation_mode": "force_installed", "update_url": "${base}updates.xml" } }`,
    );
  } else {
    console.log('\nCRX3 and updates.xml NOT made: set EVW_CRX_KEY to the path of your signing key');
    console.log('(make one with: npm run package -- --new-key ~/evw-signing-key.pem). See docs/admin.md.');
  }
  console.log(
    'Firefox: sign the .xpi unlisted before release Firefox installs it (docs/admin.md, "Firefox").',
  );
}

void main();
