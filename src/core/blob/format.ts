import { crc32 } from './crc32.ts';

/** The constants of docs/FORMAT.md, version 1. */

export const MAGIC = [0x4d, 0x4e, 0x57, 0x42] as const; // "MNWB"
export const FORMAT_VERSION = 1;
export const HEADER_SIZE = 64;
export const ENTRY_SIZE = 16;
/** F-4: the largest blob and the largest arena. */
export const MAX_SIZE = 2 ** 24;
export const MAX_TENSORS = 4096;
export const MAX_OPS = 4096;
export const MAX_INPUTS = 16;
export const MAX_REDUCE = 65535;
export const MAX_DIM = 65535;
export const NAME_BYTES = 24;
export const ALIGN = 16;
/** const0 of an op without constants. */
export const NO_TENSOR = 0xffff;
export const FLAG_TEST_VECTOR = 1;
/** Header byte offsets (F-10 … F-20). */
export const HEADER = {
  magic: 0,
  version: 4,
  headerSize: 6,
  totalSize: 8,
  crc: 12,
  arenaSize: 16,
  tensorCount: 20,
  opCount: 22,
  inputTensor: 24,
  outputTensor: 26,
  flags: 28,
  testInput: 32,
  testOutput: 36,
  name: 40,
} as const;

/** F-30: element type codes, which also declare the packing. */
export const ElementType = { INT8: 1, INT32: 2, UINT16: 3, INT4: 4, TERNARY: 5, INT16: 6 } as const;
export type ElementType = (typeof ElementType)[keyof typeof ElementType];

export function isElementType(code: number): code is ElementType {
  return code >= 1 && code <= 6;
}

/** Bytes taken by `count` elements of `type` (F-30). */
export function byteSize(type: ElementType, count: number): number {
  switch (type) {
    case ElementType.INT8:
      return count;
    case ElementType.INT32:
      return 4 * count;
    case ElementType.UINT16:
    case ElementType.INT16:
      return 2 * count;
    case ElementType.INT4:
      return Math.ceil(count / 2);
    case ElementType.TERNARY:
      return Math.ceil(count / 5);
  }
}

/** §5: op codes. */
export const OPCODE = {
  Dense: 1,
  Conv2D: 2,
  DepthwiseConv2D: 3,
  Conv1D: 4,
  MaxPooling2D: 5,
  AveragePooling2D: 6,
  MaxPooling1D: 7,
  GlobalAveragePooling2D: 8,
  Add: 9,
  Concatenate: 10,
  Softmax: 11,
  Activation: 12,
  BatchNormalization: 13,
  Embedding: 14,
  GRU: 15,
  Spectrogram: 16,
} as const;

export function align16(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/** F-2: where the data region starts. */
export function dataStart(tensorCount: number, opCount: number): number {
  return align16(HEADER_SIZE + ENTRY_SIZE * (tensorCount + opCount));
}

/** F-14: the CRC over every byte of the blob but the crc32 field. */
export function blobCrc(bytes: Uint8Array, totalSize: number): number {
  return crc32(bytes.subarray(HEADER.crc + 4, totalSize), crc32(bytes.subarray(0, HEADER.crc)));
}
