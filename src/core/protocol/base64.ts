/** Standard base64 (RFC 4648, '=' padding) for frame payloads (docs/PROTOCOL.md P-3); strict on decode. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i;
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(v >> 18) & 63] as string;
    out += ALPHABET[(v >> 12) & 63] as string;
    out += n > 1 ? (ALPHABET[(v >> 6) & 63] as string) : '=';
    out += n > 2 ? (ALPHABET[v & 63] as string) : '=';
  }
  return out;
}

/** The bytes of canonical base64 text, or undefined for anything else (bad length, character, padding). */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  for (let i = 0, o = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const isPad = last && k >= 4 - pad;
      const s = isPad ? 0 : VALUES.get(text[i + k] as string);
      if (s === undefined) return undefined;
      v = (v << 6) | s;
    }
    // Canonical only: the bits a padded group drops must be zero.
    if (last && ((pad === 2 && (v & 0xffff) !== 0) || (pad === 1 && (v & 0xff) !== 0))) return undefined;
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (v >> shift) & 0xff;
  }
  return out;
}
