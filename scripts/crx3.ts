/**
 * CRX3, the signed package Chrome and Edge install from a self-hosted update URL, and the
 * `gupdate` update manifest that points at it. Written to the format's definition (Chromium's
 * components/crx_file/crx3.proto): a tiny header, one RSA-SHA256 proof, then the zip unchanged.
 * The end-to-end policy test has real Chromium force-install what this writes.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

const MAGIC = Buffer.from('Cr24', 'latin1');
const SIGNED_DATA_PREFIX = Buffer.from('CRX3 SignedData\x00', 'latin1');

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

/** A protobuf length-delimited field (wire type 2). */
function field(number: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);
}

function uint32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** The public key as DER SubjectPublicKeyInfo, the form Chrome hashes into the extension ID. */
export function publicKeyDer(privateKeyPem: string): Buffer {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
}

/** The 16 bytes of the CRX ID: the start of the public key's SHA-256. */
function crxId(publicKey: Buffer): Buffer {
  return createHash('sha256').update(publicKey).digest().subarray(0, 16);
}

/** The extension ID Chrome shows: those 16 bytes in hex, with the digits 0–f written a–p. */
export function extensionId(publicKey: Buffer): string {
  return [...crxId(publicKey).toString('hex')]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');
}

/** Wrap a zip in a CRX3 signed with `privateKeyPem` (RSA). */
export function packCrx3(zip: Buffer, privateKeyPem: string): Buffer {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the CRX signing key must be an RSA key');
  const publicKey = publicKeyDer(privateKeyPem);
  const signedHeaderData = field(1, crxId(publicKey)); // SignedData { crx_id }
  const signature = sign(
    'sha256',
    Buffer.concat([SIGNED_DATA_PREFIX, uint32le(signedHeaderData.length), signedHeaderData, zip]),
    key,
  );
  const header = Buffer.concat([
    field(2, Buffer.concat([field(1, publicKey), field(2, signature)])), // sha256_with_rsa
    field(10000, signedHeaderData), // signed_header_data
  ]);
  return Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, zip]);
}

/** A fresh 2048-bit RSA key in PKCS#8 PEM: the organisation keeps it, never the repository. */
export function newSigningKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
}

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The update manifest Chrome and Edge read from the policy's or the manifest's update_url. */
export function updatesXml(appId: string, version: string, codebase: string): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlAttr(appId)}'>`,
    `    <updatecheck codebase='${xmlAttr(codebase)}' version='${xmlAttr(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** Firefox's update manifest for a self-hosted (unlisted, signed) add-on. */
export function updatesJson(geckoId: string, version: string, updateLink: string): string {
  return `${JSON.stringify({ addons: { [geckoId]: { updates: [{ version, update_link: updateLink }] } } }, null, 2)}\n`;
}
