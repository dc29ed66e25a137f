import type { ElementType } from './format.ts';

/** One tensor table entry (FORMAT §3), decoded. */
export interface TensorEntry {
  readonly type: ElementType;
  /** True for a constant in the blob's data region, false for an activation in the arena. */
  readonly constant: boolean;
  readonly shape: readonly number[];
  /** Arena offset (activation) or blob offset (constant). */
  readonly offset: number;
  /** Activations only; 0 for constants. */
  readonly scale: number;
  readonly zeroPoint: number;
}

/** One op table entry (FORMAT §4), decoded. */
export interface OpEntry {
  readonly opcode: number;
  readonly nIn: number;
  readonly in0: number;
  readonly out: number;
  /** First constant's tensor id, or NO_TENSOR. */
  readonly const0: number;
  readonly actMin: number;
  readonly actMax: number;
  /** Six attribute bytes. */
  readonly attr: readonly number[];
}

export interface BlobHeader {
  readonly version: number;
  readonly totalSize: number;
  readonly crc: number;
  readonly arenaSize: number;
  readonly inputTensor: number;
  readonly outputTensor: number;
  readonly flags: number;
  readonly testInput: number;
  readonly testOutput: number;
  readonly name: string;
}

/** A blob that passed every check of FORMAT §8. */
export interface Blob {
  readonly header: BlobHeader;
  readonly tensors: readonly TensorEntry[];
  readonly ops: readonly OpEntry[];
  /** The blob's `total_size` bytes. */
  readonly bytes: Uint8Array;
}

/** What the writer packs: activations by arena offset, constants with their bytes (already packed, F-30). */
export type TensorContent =
  | (Omit<TensorEntry, 'constant' | 'offset'> & { readonly constant: false; readonly offset: number })
  | {
      readonly constant: true;
      readonly type: ElementType;
      readonly shape: readonly number[];
      /** Entries sharing one array share one copy in the data region. */
      readonly data: Uint8Array;
    };

export interface BlobContent {
  readonly name: string;
  readonly arenaSize: number;
  readonly inputTensor: number;
  readonly outputTensor: number;
  readonly tensors: readonly TensorContent[];
  readonly ops: readonly OpEntry[];
  readonly testVector?: { readonly input: Int8Array; readonly output: Int8Array };
}
