/**
 * `npm run package` as an admin runs it (docs/admin.md): a throwaway signing key from the
 * environment, an https update folder; every file is there, says what the others say, and the
 * checksums hold. (That Chromium installs such a CRX is shown in policy.e2e.ts.)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionId, newSigningKey, publicKeyDer } from '../../scripts/crx3';
import { GECKO_ID, ROOT, TMP } from './harness/env';

const BASE = 'https://intranet.example.go.th/evw/';

async function manifestIn(zipBytes: Buffer): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(zipBytes);
  return JSON.parse((await zip.file('manifest.json')?.async('string')) ?? 'null') as Record<string, unknown>;
}

describe('npm run package', () => {
  const dir = mkdtempSync(join(TMP, 'package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the store zips, a signed CRX3 with its updates.xml, the XPI with updates.json, sources and checksums', async () => {
    const key = newSigningKey();
    writeFileSync(join(dir, 'key.pem'), key, { mode: 0o600 });
    const out = join(dir, 'out');
    const printed = execFileSync('npm', ['run', '--silent', 'package'], {
      cwd: ROOT,
      env: { ...process.env, EVW_CRX_KEY: join(dir, 'key.pem'), EVW_UPDATE_BASE: BASE, EVW_PACKAGE_DIR: out },
      encoding: 'utf8',
    });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const id = extensionId(publicKeyDer(key));
    expect(printed).toContain(`Chrome/Edge extension ID: ${id}`);
    const file = (name: string) => readFileSync(join(out, name));
    const name = (suffix: string) => `elaas-voucher-watch-${version}-${suffix}`;

    // Checksums of every other file.
    const sums = file('SHA256SUMS').toString('utf8').trim().split('\n');
    expect(sums.map((l) => l.split('  ')[1]).sort()).toEqual(
      [
        name('chrome.crx'),
        name('chrome.zip'),
        name('firefox.xpi'),
        name('sources.zip'),
        'updates.json',
        'updates.xml',
        'elaas-voucher-watch.user.js',
        'elaas-voucher-watch.meta.js',
      ].sort(),
    );
    for (const line of sums) {
      const [hash, f] = line.split('  ') as [string, string];
      expect(createHash('sha256').update(file(f)).digest('hex'), f).toBe(hash);
    }

    // The store zip: no update URL, no key (the stores refuse both).
    const store = await manifestIn(file(name('chrome.zip')));
    expect(store.update_url).toBeUndefined();
    expect(store.key).toBeUndefined();

    // The CRX: the zip after its header carries our update URL; updates.xml names the CRX.
    const crx = file(name('chrome.crx'));
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    const inner = await manifestIn(crx.subarray(12 + crx.readUInt32LE(8)));
    expect(inner.update_url).toBe(`${BASE}updates.xml`);
    expect(inner.version).toBe(version);
    const xml = file('updates.xml').toString('utf8');
    expect(xml).toContain(`<app appid='${id}'>`);
    expect(xml).toContain(`codebase='${BASE}${name('chrome.crx')}' version='${version}'`);

    // Firefox: the gecko ID and the self-hosted update manifest.
    const xpi = await manifestIn(file(name('firefox.xpi')));
    const gecko = (xpi.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe(GECKO_ID);
    expect(gecko.update_url).toBe(`${BASE}updates.json`);
    expect(JSON.parse(file('updates.json').toString('utf8'))).toEqual({
      addons: { [GECKO_ID]: { updates: [{ version, update_link: `${BASE}${name('firefox.xpi')}` }] } },
    });

    // The userscript updates itself from the same folder.
    const meta = file('elaas-voucher-watch.meta.js').toString('utf8');
    expect(meta).toContain(`// @downloadURL     ${BASE}elaas-voucher-watch.user.js`);
    expect(meta).toContain(`// @updateURL       ${BASE}elaas-voucher-watch.meta.js`);
    expect(meta).toContain(`// @version         ${version}`);

    // The sources zip has what a reviewer needs, and never a key.
    const sources = await JSZip.loadAsync(file(name('sources.zip')));
    const names = Object.keys(sources.files);
    expect(names).toContain('package.json');
    expect(names).toContain('wxt.config.ts');
    expect(names.filter((n) => n.endsWith('.pem'))).toEqual([]);
  }, 120_000);

  it('without a key, makes the rest and says the CRX was not made', () => {
    const out = join(dir, 'nokey');
    const env: NodeJS.ProcessEnv = { ...process.env, EVW_PACKAGE_DIR: out };
    delete env.EVW_CRX_KEY;
    const printed = execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(printed).toContain('CRX3 and updates.xml NOT made');
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).not.toContain('.crx');
  }, 120_000);
});
