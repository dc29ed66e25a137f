import { z } from 'zod';
import type { FloatWeights } from '../core/quant/types.ts';
import { textKeyed } from '../core/text-keys.ts';
import { floatsFromBase64, floatsToBase64 } from './float-base64.ts';
import { malformed, parsePart } from './schema-error.ts';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trained weights as a project file stores them: little-endian Float32 values, base64, per layer and weight. */
export function encodeWeights(weights: FloatWeights): Record<string, unknown> {
  const layers = Object.fromEntries(
    Object.entries(weights).map(([id, named]) => [
      id,
      Object.fromEntries(Object.entries(named).map(([name, values]) => [name, floatsToBase64(values)])),
    ]),
  );
  return { format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, layers };
}

/** Reads a project file's `weights` field, or throws E601 with the path of what is wrong. */
export function decodeWeights(raw: unknown): FloatWeights {
  parsePart(weightsSchema, raw, 'weights');
  const layers = (raw as { layers: Record<string, unknown> }).layers;
  return textKeyed(
    Object.entries(layers).map(([id, named]) => {
      const at = `weights.layers.${id}`;
      if (!NAME.test(id)) throw malformed(at, 'expected a layer id');
      if (!isRecord(named)) throw malformed(at, 'expected an object of named weights');
      const values = Object.entries(named).map(([name, text]) => {
        if (!NAME.test(name)) throw malformed(`${at}.${name}`, 'expected a weight name');
        return [name, floatsFromBase64(text, `${at}.${name}`)] as const;
      });
      return [id, textKeyed(values)] as const;
    }),
  );
}
