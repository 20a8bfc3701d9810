// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCrx3, extensionIdFromPublicKey, readCrx3, updateManifest } from '../../../scripts/package-crx';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const zip = Buffer.from('PK\u0005\u0006'.padEnd(22, '\0'), 'binary'); // an empty zip: the signature covers whatever bytes follow

describe('CRX3 signing', () => {
  it('derives the test build ID from the key in wxt.config.ts', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const key = /TEST_BUILD_KEY =\s*'([^']+)'/.exec(config)?.[1];
    expect(extensionIdFromPublicKey(Buffer.from(key!, 'base64'))).toBe('difkencgdbknfphjeldipiphnmgbjnne');
  });

  it('writes a CRX whose signature verifies with the public key and whose ID is the key’s', () => {
    const { crx, id } = buildCrx3(zip, privateKey);
    expect(crx.subarray(0, 4).toString()).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    expect(id).toBe(extensionIdFromPublicKey(spki));
    expect(id).toMatch(/^[a-p]{32}$/);
    const read = readCrx3(crx);
    expect(read.id).toBe(id);
    expect(read.zip.equals(zip)).toBe(true);
  });

  it('refuses a CRX whose zip was changed after signing, or whose signature was', () => {
    const { crx } = buildCrx3(zip, privateKey);
    const tamperedZip = Buffer.from(crx);
    tamperedZip.writeUInt8(tamperedZip.readUInt8(tamperedZip.length - 1) ^ 1, tamperedZip.length - 1);
    expect(() => readCrx3(tamperedZip)).toThrow(/verifies/);
    const headerEnd = 12 + crx.readUInt32LE(8);
    const tamperedSignature = Buffer.from(crx);
    tamperedSignature.writeUInt8(tamperedSignature.readUInt8(headerEnd - 40) ^ 1, headerEnd - 40); // inside the signature, which precedes the 20-odd bytes of SignedData
    expect(() => readCrx3(tamperedSignature)).toThrow();
  });

  it.skipIf(!existsSync(CHROMIUM))('reads and verifies a CRX packed by Chromium itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crx-'));
    const ext = join(dir, 'ext');
    mkdirSync(ext);
    writeFileSync(join(ext, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version: '1.0' }));
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    execFileSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', `--pack-extension=${ext}`, `--pack-extension-key=${join(dir, 'key.pem')}`],
      {
        stdio: 'ignore',
        timeout: 30_000,
      },
    );
    const packed = readCrx3(readFileSync(join(dir, 'ext.crx')));
    expect(packed.id).toBe(buildCrx3(zip, privateKey).id);
  });

  it('writes an update manifest Chrome can read', () => {
    expect(updateManifest('difkencgdbknfphjeldipiphnmgbjnne', '1.2.3', 'https://intranet.example/fw/floorwalker.crx?a=1&b=2')).toBe(
      [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
        "  <app appid='difkencgdbknfphjeldipiphnmgbjnne'>",
        "    <updatecheck codebase='https://intranet.example/fw/floorwalker.crx?a=1&amp;b=2' version='1.2.3' />",
        '  </app>',
        '</gupdate>',
        '',
      ].join('\n'),
    );
  });
});
