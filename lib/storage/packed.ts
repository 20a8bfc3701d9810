/**
 * Large values packed for browser storage: JSON, gzip (CompressionStream), base64 text. The feed's picture at
 * 10,000 ongoing is 11.8 MB as JSON, over storage.session's 10 MB quota; chrome.storage also spent seconds turning
 * the object tree into its own form. Packed, it is one string of about a tenth of the size.
 */

/** A packed value longer than this is not written: the area's quota is shared with the other items in it. */
export class PackedTooLarge extends Error {
  constructor(chars: number, limit: number) {
    super(`${(chars / 1e6).toFixed(1)} MB packed, over the ${(limit / 1e6).toFixed(1)} MB kept for it`);
    this.name = 'PackedTooLarge';
  }
}

export async function pack(value: unknown, limitChars: number): Promise<string> {
  const zipped = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('gzip'));
  const text = toBase64(new Uint8Array(await new Response(zipped).arrayBuffer()));
  if (text.length > limitChars) throw new PackedTooLarge(text.length, limitChars);
  return text;
}

/** The value `pack` packed; rejects on text that is not a packed value. */
export async function unpack(text: string): Promise<unknown> {
  const unzipped = new Blob([fromBase64(text)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(unzipped).text()) as unknown;
}

/** Bytes per `String.fromCharCode` call: well under the engine's argument limit. */
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
