/**
 * A signed CRX3 and an update manifest for self-hosting, from the zip `npm run zip` makes and a key the admin keeps:
 *
 *   node --import tsx scripts/package-crx.ts --key admin.pem --codebase https://host/floorwalker.crx [--zip …] [--out …]
 *
 * CRX3 (Chromium components/crx_file/crx3.proto): "Cr24" | uint32le 3 | uint32le header length | CrxFileHeader | zip.
 * CrxFileHeader { 2: AsymmetricKeyProof sha256_with_rsa { 1: SPKI public key, 2: signature }, 10000: SignedData
 * { 1: crx_id } }; the signature is RSA PKCS#1 v1.5 SHA-256 over "CRX3 SignedData\0" | uint32le len(SignedData) |
 * SignedData | zip. The extension ID is the first 16 bytes of SHA-256(SPKI) written with the letters a–p.
 * The same key must sign every release: it is the extension's identity (docs/deploy.md, "Self-hosting").
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const MAGIC = Buffer.from('Cr24');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\0');
const FIELD = { sha256WithRsa: 2, signedHeaderData: 10000, publicKey: 1, signature: 2, crxId: 1 } as const;

export function extensionIdFromPublicKey(spki: Buffer): string {
  const crxId = createHash('sha256').update(spki).digest().subarray(0, 16);
  return [...crxId.toString('hex')].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.push((value & 0x7f) | (value > 0x7f ? 0x80 : 0));
    value = Math.floor(value / 128);
  } while (value > 0);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2): every field CRX3 needs is bytes or a message. */
function field(number: number, payload: Buffer): Buffer {
  return Buffer.concat([varint(number * 8 + 2), varint(payload.length), payload]);
}

function signedPayload(signedHeaderData: Buffer, zip: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedHeaderData.length);
  return Buffer.concat([SIGNATURE_CONTEXT, length, signedHeaderData, zip]);
}

export function buildCrx3(zip: Buffer, privateKey: KeyObject): { crx: Buffer; id: string } {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const crxId = createHash('sha256').update(spki).digest().subarray(0, 16);
  const signedHeaderData = field(FIELD.crxId, crxId);
  const signature = sign('sha256', signedPayload(signedHeaderData, zip), privateKey);
  const proof = Buffer.concat([field(FIELD.publicKey, spki), field(FIELD.signature, signature)]);
  const header = Buffer.concat([field(FIELD.sha256WithRsa, proof), field(FIELD.signedHeaderData, signedHeaderData)]);
  const prefix = Buffer.alloc(12);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(3, 4);
  prefix.writeUInt32LE(header.length, 8);
  return { crx: Buffer.concat([prefix, header, zip]), id: extensionIdFromPublicKey(spki) };
}

/** Protobuf fields of one message; only the wire types CRX3 headers use (varint, bytes). */
function readFields(message: Buffer): Array<{ number: number; bytes: Buffer }> {
  const fields: Array<{ number: number; bytes: Buffer }> = [];
  let offset = 0;
  const readVarint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = message[offset++];
      if (byte === undefined) throw new Error('CRX header ends inside a number');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (offset < message.length) {
    const tag = readVarint();
    const wireType = tag % 8;
    if (wireType === 0) readVarint();
    else if (wireType === 2) {
      const length = readVarint();
      if (offset + length > message.length) throw new Error('CRX header field runs past its end');
      fields.push({ number: Math.floor(tag / 8), bytes: message.subarray(offset, offset + length) });
      offset += length;
    } else throw new Error(`CRX header uses wire type ${wireType}, which CRX3 does not`);
  }
  return fields;
}

/**
 * Read a CRX3 as Chrome checks it: the declared ID must come from an RSA proof's key, and that proof's
 * signature must verify over the signed data and the zip. Returns the ID and the zip; throws otherwise.
 */
export function readCrx3(crx: Buffer): { id: string; zip: Buffer } {
  if (crx.length < 12 || !crx.subarray(0, 4).equals(MAGIC)) throw new Error('Not a CRX file');
  if (crx.readUInt32LE(4) !== 3) throw new Error(`CRX version ${crx.readUInt32LE(4)}, expected 3`);
  const headerEnd = 12 + crx.readUInt32LE(8);
  if (headerEnd > crx.length) throw new Error('CRX header longer than the file');
  const header = readFields(crx.subarray(12, headerEnd));
  const zip = crx.subarray(headerEnd);
  const signedHeaderData = header.find((f) => f.number === FIELD.signedHeaderData)?.bytes;
  const crxId = signedHeaderData && readFields(signedHeaderData).find((f) => f.number === FIELD.crxId)?.bytes;
  if (!signedHeaderData || crxId?.length !== 16) throw new Error('CRX has no signed extension ID');
  const payload = signedPayload(signedHeaderData, zip);
  for (const proof of header.filter((f) => f.number === FIELD.sha256WithRsa)) {
    const parts = readFields(proof.bytes);
    const spki = parts.find((f) => f.number === FIELD.publicKey)?.bytes;
    const signature = parts.find((f) => f.number === FIELD.signature)?.bytes;
    if (!spki || !signature) continue;
    if (!createHash('sha256').update(spki).digest().subarray(0, 16).equals(crxId)) continue;
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    if (verify('sha256', payload, key, signature)) return { id: extensionIdFromPublicKey(spki), zip };
  }
  throw new Error('No RSA proof in the CRX matches its ID and verifies');
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The gupdate manifest Chrome and Edge poll at the update_url. */
export function updateManifest(id: string, version: string, codebase: string): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escapeXml(id)}'>`,
    `    <updatecheck codebase='${escapeXml(codebase)}' version='${escapeXml(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      key: { type: 'string' },
      codebase: { type: 'string' },
      zip: { type: 'string' },
      out: { type: 'string', default: '.output' },
      version: { type: 'string' },
    },
  });
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
  const version = values.version ?? pkg.version;
  if (!values.key || !values.codebase) {
    console.error('Usage: package-crx --key admin.pem --codebase https://host/path/floorwalker.crx [--zip file.zip] [--out dir]');
    process.exit(2);
  }
  const codebase = new URL(values.codebase).href;
  const zipPath = resolve(values.zip ?? `.output/${pkg.name}-${version}-chrome.zip`);
  const { crx, id } = buildCrx3(readFileSync(zipPath), createPrivateKey(readFileSync(values.key)));
  readCrx3(crx); // never publish a package that would not verify
  mkdirSync(values.out, { recursive: true });
  const crxPath = resolve(values.out, basename(new URL(codebase).pathname) || `${pkg.name}.crx`);
  const manifestPath = resolve(values.out, 'updates.xml');
  writeFileSync(crxPath, crx);
  writeFileSync(manifestPath, updateManifest(id, version, codebase));
  console.log(`Extension ID ${id}, version ${version}\n  ${crxPath}\n  ${manifestPath}\nfrom ${zipPath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
