import { z } from 'zod';
import { MinnowError } from '../core/errors.ts';
import type { FloatWeights } from '../core/quant/types.ts';

export const WEIGHTS_FORMAT = 'minnow-weights';
export const WEIGHTS_VERSION = 1;

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The `weights` field of a project file (docs/PROJECT.md, PW-1 … PW-4). */
const weightsSchema = z.strictObject({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(WEIGHTS_VERSION),
  layers: z.record(
    z.string().regex(NAME, 'a layer id'),
    z.record(z.string().regex(NAME, 'a weight name'), z.string().regex(BASE64, 'base64 text')),
  ),
});

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
    throw new MinnowError('PROJECT_SCHEMA', { path, detail: 'the byte count is not a multiple of 4' });
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const values = new Float32Array(bytes.buffer);
  if (!values.every(Number.isFinite)) {
    throw new MinnowError('PROJECT_SCHEMA', { path, detail: 'a weight is NaN or infinite' });
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
    throw new MinnowError('PROJECT_SCHEMA', { path, detail: issue?.message ?? 'invalid' });
  }
  return Object.fromEntries(
    Object.entries(result.data.layers).map(([id, named]) => [
      id,
      Object.fromEntries(
        Object.entries(named).map(([name, text]) => [name, fromBase64(text, `weights.layers.${id}.${name}`)]),
      ),
    ]),
  );
}
