import type { QuantParams } from './types.ts';
import { quantFromRange, roundHalfAway } from './calibrate.ts';
import { channelLevels, type WeightPacking } from './packing.ts';

/**
 * F-73: the input of an Embedding holds token ids. Its int8 quantization is fixed so that q = id − 128
 * exactly, which gives vocabularies of up to 256 tokens.
 */
export const TOKEN_QUANT: QuantParams = { scale: 1, zeroPoint: -128 };
export const MAX_VOCABULARY = 256;

/** An Embedding's [vocabulary, dim] table as trained, and as the blob stores it. */
export interface EmbeddingTable {
  readonly trained: Float32Array;
  readonly dim: number;
  readonly packing: WeightPacking;
  /** The values the blob holds: the trained table for int8 (F-73), level × column scale when packed (F-75). */
  readonly values: Float32Array;
  /** Packed tables only: the levels, row-major, and one scale per column (the table's last axis). */
  readonly levels?: Int8Array;
  readonly scales?: Float64Array;
}

/**
 * F-75 for a table: a packed one takes one scale per column d (element i is in column i mod dim), the
 * last axis like the output channels of a tfjs kernel, so a kernel grid and a table grid are one rule.
 */
export function embeddingTable(trained: Float32Array, dim: number, packing: WeightPacking): EmbeddingTable {
  if (packing === 'int8') return { trained, dim, packing, values: trained };
  const { levels, scales } = channelLevels(packing, trained, dim, (i) => i % dim);
  const values = Float32Array.from(levels, (level, i) => level * (scales[i % dim] as number));
  return { trained, dim, packing, values, levels, scales };
}

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

/**
 * F-73: the output takes the range of the whole stored table, so that every row is representable: an int8
 * table is then a plain int8 copy, and a packed one's values all lie inside the range.
 */
export function embeddingQuant(table: Float32Array): QuantParams {
  let min = 0;
  let max = 0;
  for (const v of table) [min, max] = [Math.min(min, v), Math.max(max, v)];
  return quantFromRange({ min, max });
}
