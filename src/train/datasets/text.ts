import { encodeUtf8 } from '../../core/blob/utf8.ts';
import { MinnowError } from '../../core/errors.ts';
import type { LoadedData } from './types.ts';

/** Tokens a character model reads before it guesses the next one, when the source names no window. */
export const TEXT_WINDOW = 32;
/** The most tokens a window may hold: the window model unrolls its GRU over every one of them. */
export const MAX_TEXT_WINDOW = 512;
/** A longer text is cut with a larger stride, so that an epoch stays within seconds in the page. */
export const MAX_WINDOWS = 20_000;
export const MAX_TEXT_BYTES = 1_000_000;
/** Token ids are bytes: the model's output has one class per byte value. */
export const BYTE_TOKENS = 256;

export interface TextOptions {
  readonly window?: number;
  readonly stride?: number;
}

/** A byte as the class it stands for: printable ASCII as itself, newline and space as signs, others in hex. */
export function tokenName(byte: number): string {
  if (byte === 0x0a) return '⏎';
  if (byte === 0x20) return '␣';
  if (byte > 0x20 && byte < 0x7f) return String.fromCharCode(byte);
  return `x${byte.toString(16).padStart(2, '0')}`;
}

export const TOKEN_NAMES: readonly string[] = Array.from({ length: BYTE_TOKENS }, (_, b) => tokenName(b));

/** The stride that keeps a text of `bytes` bytes within MAX_WINDOWS windows (1 for a short text). */
export function textStride(bytes: number, window: number): number {
  return Math.max(1, Math.ceil((bytes - window) / MAX_WINDOWS));
}

/** Window starts 0, stride, 2·stride… while a byte is left after the window to be its label. */
export function windowCount(bytes: number, window: number, stride: number): number {
  return bytes > window ? Math.floor((bytes - window - 1) / stride) + 1 : 0;
}

function wholeIn(setting: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  throw new MinnowError('TEXT_WINDOW', { setting, value: String(value), min: 1, max });
}

function textBytes(text: string, source: string): Uint8Array {
  if (typeof text !== 'string' || text.trim() === '') throw new MinnowError('TEXT_EMPTY', { source });
  // A string has at most as many code units as its UTF-8 form has bytes: refuse a huge one before encoding.
  const bytes = text.length > MAX_TEXT_BYTES ? undefined : encodeUtf8(text);
  if (!bytes || bytes.length > MAX_TEXT_BYTES)
    throw new MinnowError('TEXT_TOO_LONG', {
      source,
      bytes: bytes ? bytes.length : `at least ${text.length}`,
      max: MAX_TEXT_BYTES,
    });
  return bytes;
}

/**
 * A text as next-character classification: each sample is a window of UTF-8 bytes (token ids 0–255, as
 * floats), labelled with the byte that follows it. Windows start every `stride` bytes and overlap, so the
 * data set says how many neighbours share bytes with each (the split keeps them apart).
 */
export function textWindows(text: string, source: string, options: TextOptions = {}): LoadedData {
  const bytes = textBytes(text, source);
  const window = wholeIn('window', options.window, TEXT_WINDOW, MAX_TEXT_WINDOW);
  if (bytes.length < window + 1)
    throw new MinnowError('TEXT_TOO_SHORT', { source, bytes: bytes.length, window, needed: window + 1 });
  const stride = wholeIn('stride', options.stride, textStride(bytes.length, window), bytes.length);
  const count = windowCount(bytes.length, window, stride);
  const x = new Float32Array(count * window);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const start = i * stride;
    x.set(bytes.subarray(start, start + window), i * window);
    labels[i] = bytes[start + window] as number;
  }
  const notes = [
    `${bytes.length} bytes: ${count} windows of ${window} characters, one every ${stride}, each labelled with the character after it.`,
  ];
  return {
    dataset: {
      name: source,
      sampleShape: [window],
      count,
      x,
      target: { kind: 'classes', names: TOKEN_NAMES, labels },
      overlap: Math.floor(window / stride),
    },
    report: { issues: [], issueCount: 0, notes },
  };
}
