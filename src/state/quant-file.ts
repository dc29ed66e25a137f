import { z } from 'zod';
import type { ExactLayer, ExactQuant } from '../core/quant/exact.ts';
import type { QuantParams } from '../core/quant/types.ts';
import { textKeyed } from '../core/text-keys.ts';
import { bytesFromBase64, bytesToBase64 } from './float-base64.ts';
import { malformed, parsePart } from './schema-error.ts';

export const QUANT_FORMAT = 'minnow-int8';
export const QUANT_VERSION = 1;

const LAYER_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const scale = z.number().positive().finite();
const quantParams = z.strictObject({ scale, zeroPoint: z.number().int().min(-128).max(127) });
const layerSchema = z.strictObject({
  weights: z.string(),
  bias: z.string(),
  scales: z.array(scale).min(1),
  multipliers: z.array(z.number().nonnegative().finite()).min(1),
  inputScale: scale,
});
const quantSchema = z.strictObject({
  format: z.literal(QUANT_FORMAT),
  version: z.literal(QUANT_VERSION),
  input: quantParams,
  tensors: z.record(z.string(), z.unknown()),
  layers: z.record(z.string(), z.unknown()),
});

/** An imported int8 model's quantization as a project file stores it (docs/PROJECT.md PQ-1 … PQ-3). */
export function encodeQuant(q: ExactQuant): Record<string, unknown> {
  const layers = Object.fromEntries(
    Object.entries(q.layers).map(([id, l]) => [
      id,
      {
        weights: bytesToBase64(new Uint8Array(l.weights.buffer, l.weights.byteOffset, l.weights.byteLength)),
        bias: bytesToBase64(new Uint8Array(l.bias.buffer, l.bias.byteOffset, l.bias.byteLength)),
        scales: l.scales,
        multipliers: l.multipliers,
        inputScale: l.inputScale,
      },
    ]),
  );
  return { format: QUANT_FORMAT, version: QUANT_VERSION, input: q.input, tensors: q.tensors, layers };
}

function checkedIds<T>(record: Record<string, unknown>, at: string, read: (v: unknown, path: string) => T) {
  return textKeyed(
    Object.entries(record).map(([id, value]) => {
      if (!LAYER_ID.test(id)) throw malformed(`${at}.${id}`, 'expected a layer id');
      return [id, read(value, `${at}.${id}`)] as const;
    }),
  );
}

function decodeLayer(raw: unknown, at: string): ExactLayer {
  const l = parsePart(layerSchema, raw, at);
  const bias = new Int32Array(bytesFromBase64(l.bias, `${at}.bias`, 4).buffer);
  if (l.scales.length !== bias.length || l.multipliers.length !== bias.length)
    throw malformed(at, `${bias.length} biases need as many scales and multipliers`);
  return { ...l, weights: new Int8Array(bytesFromBase64(l.weights, `${at}.weights`, 1).buffer), bias };
}

/** Reads a project file's `quantization` field, or throws E601 with the path of what is wrong. */
export function decodeQuant(raw: unknown): ExactQuant {
  const q = parsePart(quantSchema, raw, 'quantization');
  const tensors = checkedIds(q.tensors, 'quantization.tensors', (v, p): QuantParams =>
    parsePart(quantParams, v, p),
  );
  return { input: q.input, tensors, layers: checkedIds(q.layers, 'quantization.layers', decodeLayer) };
}
