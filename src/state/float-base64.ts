import { malformed } from './schema-error.ts';

/** Project files keep Float32 arrays (weights, calibration samples) as little-endian bytes in base64. */

const BASE64_DIGIT = /[A-Za-z0-9+/]/;

/** Base64 with padding, checked in one pass: a regular expression over megabytes of text overflows the stack. */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const body = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
  for (let i = 0; i < body; i++) if (!BASE64_DIGIT.test(text.charAt(i))) return false;
  return true;
}

export function floatsToBase64(values: Float32Array): string {
  return bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** Any typed array's bytes (little-endian on every platform Minnow runs on) as base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  // Chunks keep String.fromCharCode's argument list short for large kernels.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** Reads base64 Float32 values at `path` of a project file, or throws E601 saying what is wrong there. */
export function floatsFromBase64(text: unknown, path: string): Float32Array {
  const values = new Float32Array(bytesFromBase64(text, path, 4).buffer);
  if (!values.every(Number.isFinite)) {
    throw malformed(path, 'a value is NaN or infinite');
  }
  return values;
}

/** The bytes of base64 `text` at `path`, a multiple of `unit` bytes, or E601 saying what is wrong there. */
export function bytesFromBase64(text: unknown, path: string, unit: number): Uint8Array {
  if (typeof text !== 'string' || !isBase64(text)) throw malformed(path, 'expected base64 text');
  const binary = atob(text);
  if (binary.length % unit !== 0) {
    throw malformed(path, `the byte count is not a multiple of ${unit}`);
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
