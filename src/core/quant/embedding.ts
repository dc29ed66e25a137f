import type { QuantParams } from './types.ts';
import { quantFromRange, roundHalfAway } from './calibrate.ts';

/**
 * F-73: the input of an Embedding holds token ids. Its int8 quantization is fixed so that q = id − 128
 * exactly, which gives vocabularies of up to 256 tokens.
 */
export const TOKEN_QUANT: QuantParams = { scale: 1, zeroPoint: -128 };
export const MAX_VOCABULARY = 256;

/** The row a real input value selects: the nearest id, clamped into the table, as the int8 kernel does. */
export function tokenRow(v: number, vocabulary: number): number {
  const id = Math.min(Math.max(roundHalfAway(v), 0), MAX_VOCABULARY - 1);
  return Math.min(id, vocabulary - 1);
}

/** Float Embedding: row `tokenRow(x[t])` of the [vocabulary, dim] table for every step t. */
export function floatEmbedding(x: Float32Array, table: Float32Array, dim: number): Float32Array {
  const vocabulary = table.length / dim;
  const y = new Float32Array(x.length * dim);
  x.forEach((v, t) => {
    const row = tokenRow(v, vocabulary) * dim;
    y.set(table.subarray(row, row + dim), t * dim);
  });
  return y;
}

/** F-73: the output takes the range of the whole table, so that every row is a plain int8 copy. */
export function embeddingQuant(table: Float32Array): QuantParams {
  let min = 0;
  let max = 0;
  for (const v of table) [min, max] = [Math.min(min, v), Math.max(max, v)];
  return quantFromRange({ min, max });
}
