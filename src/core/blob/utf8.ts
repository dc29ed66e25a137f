/** UTF-8 without TextEncoder/TextDecoder, which core's ES-only library does not declare. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Decodes UTF-8; a malformed sequence becomes U+FFFD, as TextDecoder does by default. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    const extra = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    let c = extra <= 0 ? b : b & (0x3f >> extra);
    let ok = extra >= 0 && i + extra < bytes.length;
    for (let k = 1; ok && k <= extra; k++) {
      const next = bytes[i + k] as number;
      ok = (next & 0xc0) === 0x80;
      c = (c << 6) | (next & 63);
    }
    text += ok ? String.fromCodePoint(c) : '\ufffd';
    i += ok ? extra + 1 : 1;
  }
  return text;
}

/** Text as a character model's tokens: one UTF-8 byte each, ids 0–255. */
export const textTokens = (text: string): number[] => Array.from(encodeUtf8(text));

/** A character model's tokens as text; a sequence cut inside a character shows U+FFFD. */
export const tokensText = (tokens: readonly number[]): string => decodeUtf8(Uint8Array.from(tokens));
