import { MinnowError } from '../errors.ts';
import { ALIGN, ElementType, FLAG_TEST_VECTOR } from './format.ts';
import { dataRegionStart, readHeader, type RawHeader } from './header.ts';
import { readOps } from './op-table.ts';
import { readTensors, tensorBytes } from './tensor-table.ts';
import type { Blob, TensorEntry } from './types.ts';

/** F-17 */
function checkIo(header: RawHeader, tensors: readonly TensorEntry[]): void {
  for (const [which, id] of [
    ['input', header.inputTensor],
    ['output', header.outputTensor],
  ] as const) {
    if (tensors[id]?.constant !== false) throw new MinnowError('BLOB_IO_TENSOR', { which, tensor: id });
  }
  // F-78: only the input may be int16.
  if (tensors[header.outputTensor]?.type !== ElementType.INT8)
    throw new MinnowError('BLOB_IO_TENSOR', {
      which: 'output (int16, not int8)',
      tensor: header.outputTensor,
    });
}

/** F-19 */
function checkTestVector(header: RawHeader, tensors: readonly TensorEntry[]): void {
  const { testInput, testOutput } = header;
  if ((header.flags & FLAG_TEST_VECTOR) === 0) {
    if (testInput !== 0 || testOutput !== 0) {
      throw new MinnowError('BLOB_TEST_VECTOR', { detail: 'offsets are set but the flag is clear' });
    }
    return;
  }
  const start = dataRegionStart(header);
  const parts = [
    ['input', testInput, tensors[header.inputTensor]],
    ['output', testOutput, tensors[header.outputTensor]],
  ] as const;
  for (const [which, offset, tensor] of parts) {
    const end = offset + tensorBytes(tensor as TensorEntry);
    if (offset % ALIGN !== 0 || offset < start || end > header.totalSize) {
      throw new MinnowError('BLOB_TEST_VECTOR', {
        detail: `the ${which} [${offset}, ${end}) is not 16-aligned within the data region [${start}, ${header.totalSize})`,
      });
    }
  }
}

/**
 * Reads a blob and checks every field, offset, size and count against its bounds in the order of FORMAT
 * §8, throwing the MinnowError of the first failure. Nothing past `total_size` is read (F-5).
 */
export function readBlob(input: Uint8Array): Blob {
  const header = readHeader(input);
  const bytes = input.subarray(0, header.totalSize);
  const tensors = readTensors(bytes, header);
  checkIo(header, tensors);
  const ops = readOps(bytes, tensors, header.opCount);
  checkTestVector(header, tensors);
  return { header, tensors, ops, bytes };
}

/** The embedded test vector of a checked blob, if it has one. */
export function testVectorOf(blob: Blob): { input: Int8Array; output: Int8Array } | undefined {
  const { header, tensors, bytes } = blob;
  if ((header.flags & FLAG_TEST_VECTOR) === 0) return undefined;
  const view = (offset: number, id: number) =>
    new Int8Array(bytes.buffer, bytes.byteOffset + offset, tensorBytes(tensors[id] as TensorEntry));
  return {
    input: view(header.testInput, header.inputTensor),
    output: view(header.testOutput, header.outputTensor),
  };
}
