import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  extensionId,
  newSigningKey,
  packCrx3,
  publicKeyDer,
  updatesJson,
  updatesXml,
} from '../../scripts/crx3';
import { DEV_PUBLIC_KEY } from '../../scripts/dev-key';

/** Read one protobuf length-delimited field list (all our header uses). */
function fields(buf: Buffer): Array<[number, Buffer]> {
  const out: Array<[number, Buffer]> = [];
  let i = 0;
  const varint = () => {
    let n = 0;
    let shift = 1;
    for (;;) {
      const b = buf[i++] as number;
      n += (b & 0x7f) * shift;
      shift *= 128;
      if (b < 0x80) return n;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    expect(tag % 8, 'wire type').toBe(2);
    const len = varint();
    out.push([Math.floor(tag / 8), buf.subarray(i, i + len)]);
    i += len;
  }
  return out;
}

describe('CRX3', () => {
  const key = newSigningKey();
  const zip = Buffer.from('PK\x03\x04 not really a zip, but bytes the signature covers', 'latin1');
  const crx = packCrx3(zip, key);

  it('has the magic, version 3, a header, then the zip unchanged', () => {
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerLength = crx.readUInt32LE(8);
    expect(crx.subarray(12 + headerLength)).toEqual(zip);
  });

  it('carries one RSA proof that verifies over the signed data and the zip', () => {
    const header = crx.subarray(12, 12 + crx.readUInt32LE(8));
    const top = fields(header);
    expect(top.map(([n]) => n)).toEqual([2, 10000]);
    const [proof, signedData] = [top[0]?.[1] as Buffer, top[1]?.[1] as Buffer];
    const [[, publicKey], [, signature]] = fields(proof) as [[number, Buffer], [number, Buffer]];
    expect(publicKey).toEqual(publicKeyDer(key));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(signedData.length);
    const message = Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'latin1'), length, signedData, zip]);
    expect(
      verify('sha256', message, createPublicKey({ key: publicKey, format: 'der', type: 'spki' }), signature),
    ).toBe(true);
    // SignedData { crx_id }: the first 16 bytes of the key's SHA-256, which is also the ID.
    const [[n, id]] = fields(signedData) as [[number, Buffer]];
    expect(n).toBe(1);
    expect(id.length).toBe(16);
    expect(
      [...id.toString('hex')].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join(''),
    ).toBe(extensionId(publicKey));
  });

  it('computes the ID Chromium gives the testing build (its manifest key)', () => {
    // README, Development: the testing build's stable ID, as Chromium shows it.
    const der = Buffer.from(DEV_PUBLIC_KEY, 'base64');
    expect(extensionId(der)).toBe('iingojnakfmmnfpddlgglliidfhkcnaa');
  });

  it('refuses a key that is not RSA', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => packCrx3(zip, ec as string)).toThrow(/RSA/);
  });

  it('writes update manifests with the values escaped', () => {
    expect(updatesXml('abc', '1.2.3', "https://x.example/a&b'.crx")).toContain(
      "<updatecheck codebase='https://x.example/a&amp;b&apos;.crx' version='1.2.3' />",
    );
    expect(JSON.parse(updatesJson('id@x', '1.2.3', 'https://x.example/a.xpi'))).toEqual({
      addons: { 'id@x': { updates: [{ version: '1.2.3', update_link: 'https://x.example/a.xpi' }] } },
    });
  });
});
