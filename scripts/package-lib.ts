/** Building blocks of `npm run package`, shared with the end-to-end policy tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';
import { extensionId, packCrx3, publicKeyDer } from './crx3';

type Manifest = Record<string, unknown>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Zip a built extension, changing its manifest on the way (update URLs, no test key). */
export async function zipBuild(
  dir: string,
  edit: (manifest: Manifest) => Manifest = (m) => m,
): Promise<Buffer> {
  const zip = new JSZip();
  for (const path of filesUnder(dir).sort()) {
    const name = relative(dir, path).split(sep).join('/');
    if (name === 'manifest.json') {
      const manifest = edit(JSON.parse(readFileSync(path, 'utf8')) as Manifest);
      zip.file(name, `${JSON.stringify(manifest, null, 2)}\n`, { date: new Date(0) });
    } else {
      zip.file(name, readFileSync(path), { date: new Date(0) });
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The self-hosted Chrome/Edge package of a build: CRX3 signed with the organisation's key. */
export async function selfHostedCrx(
  buildDir: string,
  keyPem: string,
  updateUrl: string | null,
): Promise<{ crx: Buffer; id: string }> {
  const zip = await zipBuild(buildDir, (manifest) => {
    // A `key` in the manifest would have to match the signing key; the CRX carries its own.
    const { key: _key, ...rest } = manifest;
    return updateUrl ? { ...rest, update_url: updateUrl } : rest;
  });
  return { crx: packCrx3(zip, keyPem), id: extensionId(publicKeyDer(keyPem)) };
}

/** The Firefox package of a build, with the self-hosted update manifest's address when given. */
export function firefoxXpi(buildDir: string, updateUrl: string | null): Promise<Buffer> {
  return zipBuild(buildDir, (manifest) => {
    if (!updateUrl) return manifest;
    const settings = (manifest.browser_specific_settings ?? {}) as { gecko?: Record<string, unknown> };
    return {
      ...manifest,
      browser_specific_settings: { ...settings, gecko: { ...settings.gecko, update_url: updateUrl } },
    };
  });
}
