import { MinnowError } from '../errors.ts';
import {
  blobCrc,
  dataStart,
  ENTRY_SIZE,
  FLAG_TEST_VECTOR,
  FORMAT_VERSION,
  HEADER,
  HEADER_SIZE,
  MAGIC,
  MAX_OPS,
  MAX_SIZE,
  MAX_TENSORS,
  NAME_BYTES,
} from './format.ts';
import type { BlobHeader } from './types.ts';
import { decodeUtf8 } from './utf8.ts';

export interface RawHeader extends BlobHeader {
  readonly tensorCount: number;
  readonly opCount: number;
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

/** F-20: 1–24 bytes of name, then NULs only. */
function readName(bytes: Uint8Array): string {
  const field = bytes.subarray(HEADER.name, HEADER.name + NAME_BYTES);
  const end = field.indexOf(0);
  const length = end < 0 ? NAME_BYTES : end;
  if (length === 0) throw new MinnowError('BLOB_NAME', { detail: 'it is empty' });
  if (field.subarray(length).some((b) => b !== 0)) {
    throw new MinnowError('BLOB_NAME', { detail: 'bytes follow the terminating NUL' });
  }
  return decodeUtf8(field.subarray(0, length));
}

/** Checks the header in the order of FORMAT §8 (codes 300–309) and decodes it. */
export function readHeader(bytes: Uint8Array): RawHeader {
  if (bytes.length < HEADER_SIZE) {
    throw new MinnowError('BLOB_TRUNCATED', {
      detail: `${bytes.length} bytes, less than the 64-byte header`,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (MAGIC.some((b, i) => bytes[i] !== b)) throw new MinnowError('BLOB_MAGIC');
  const version = view.getUint16(HEADER.version, true);
  if (version !== FORMAT_VERSION) throw new MinnowError('BLOB_VERSION', { version });
  const headerSize = view.getUint16(HEADER.headerSize, true);
  if (headerSize !== HEADER_SIZE) throw new MinnowError('BLOB_HEADER_SIZE', { size: headerSize });
  const totalSize = view.getUint32(HEADER.totalSize, true);
  const tensorCount = view.getUint16(HEADER.tensorCount, true);
  const opCount = view.getUint16(HEADER.opCount, true);
  const tablesEnd = HEADER_SIZE + ENTRY_SIZE * (tensorCount + opCount);
  if (totalSize > MAX_SIZE || totalSize < tablesEnd) {
    throw new MinnowError('BLOB_TOTAL_SIZE', {
      detail: `total_size ${totalSize} is outside [${tablesEnd}, ${MAX_SIZE}] (header and tables need ${tablesEnd})`,
    });
  }
  if (totalSize > bytes.length) {
    throw new MinnowError('BLOB_TRUNCATED', { detail: `${bytes.length} bytes of the declared ${totalSize}` });
  }
  const crc = view.getUint32(HEADER.crc, true);
  const computed = blobCrc(bytes, totalSize);
  if (crc !== computed) throw new MinnowError('BLOB_CRC', { stored: hex(crc), computed: hex(computed) });
  const flags = view.getUint32(HEADER.flags, true);
  if ((flags & ~FLAG_TEST_VECTOR) !== 0) throw new MinnowError('BLOB_FLAGS', { flags: hex(flags) });
  if (tensorCount < 1 || tensorCount > MAX_TENSORS || opCount > MAX_OPS) {
    throw new MinnowError('BLOB_COUNTS', {
      detail: `${tensorCount} tensors (1–${MAX_TENSORS} allowed) and ${opCount} ops (0–${MAX_OPS} allowed)`,
    });
  }
  const arenaSize = view.getUint32(HEADER.arenaSize, true);
  if (arenaSize > MAX_SIZE) throw new MinnowError('BLOB_ARENA_SIZE', { size: arenaSize });
  const name = readName(bytes);
  return {
    version,
    totalSize,
    crc,
    arenaSize,
    tensorCount,
    opCount,
    inputTensor: view.getUint16(HEADER.inputTensor, true),
    outputTensor: view.getUint16(HEADER.outputTensor, true),
    flags,
    testInput: view.getUint32(HEADER.testInput, true),
    testOutput: view.getUint32(HEADER.testOutput, true),
    name,
  };
}

/** F-2: the first byte a constant may occupy. */
export function dataRegionStart(header: RawHeader): number {
  return dataStart(header.tensorCount, header.opCount);
}
