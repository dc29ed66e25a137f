import { z } from 'zod';
import { MinnowError } from '../core/errors.ts';
import type { FloatWeights } from '../core/quant/types.ts';
import { textKeyed } from '../core/text-keys.ts';

export const WEIGHTS_FORMAT = 'minnow-weights';
export const WEIGHTS_VERSION = 1;

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/**
 * The `weights` field of a project file (docs/PROJECT.md, PW-1 … PW-4). Its layers are checked by hand below:
 * zod copies record keys into a plain object, where a layer id such as "__proto__" is neither kept nor checked.
 */
const weightsSchema = z.strictObject({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(WEIGHTS_VERSION),
  layers: z.record(z.string(), z.unknown()),
});

const BASE64_DIGIT = /[A-Za-z0-9+/]/;

/** Base64 with padding, checked in one pass: a regular expression over megabytes of text overflows the stack. */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const body = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
  for (let i = 0; i < body; i++) if (!BASE64_DIGIT.test(text.charAt(i))) return false;
  return true;
}

function malformed(path: string, detail: string): MinnowError {
  return new MinnowError('PROJECT_SCHEMA', { path, detail });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  // Chunks keep String.fromCharCode's argument list short for large kernels.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function fromBase64(text: string, path: string): Float32Array {
  const binary = atob(text);
  if (binary.length % 4 !== 0) {
    throw malformed(path, 'the byte count is not a multiple of 4');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const values = new Float32Array(bytes.buffer);
  if (!values.every(Number.isFinite)) {
    throw malformed(path, 'a weight is NaN or infinite');
  }
  return values;
}

/** Trained weights as a project file stores them: little-endian Float32 values, base64, per layer and weight. */
export function encodeWeights(weights: FloatWeights): Record<string, unknown> {
  const layers = Object.fromEntries(
    Object.entries(weights).map(([id, named]) => [
      id,
      Object.fromEntries(Object.entries(named).map(([name, values]) => [name, toBase64(values)])),
    ]),
  );
  return { format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, layers };
}

/** Reads a project file's `weights` field, or throws E601 with the path of what is wrong. */
export function decodeWeights(raw: unknown): FloatWeights {
  const result = weightsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = ['weights', ...(issue?.path ?? []).map(String)].join('.');
    throw malformed(path, issue?.message ?? 'invalid');
  }
  const layers = (raw as { layers: Record<string, unknown> }).layers;
  return textKeyed(
    Object.entries(layers).map(([id, named]) => {
      const at = `weights.layers.${id}`;
      if (!NAME.test(id)) throw malformed(at, 'expected a layer id');
      if (!isRecord(named)) throw malformed(at, 'expected an object of named weights');
      const values = Object.entries(named).map(([name, text]) => {
        if (!NAME.test(name)) throw malformed(`${at}.${name}`, 'expected a weight name');
        if (typeof text !== 'string' || !isBase64(text))
          throw malformed(`${at}.${name}`, 'expected base64 text');
        return [name, fromBase64(text, `${at}.${name}`)] as const;
      });
      return [id, textKeyed(values)] as const;
    }),
  );
}
