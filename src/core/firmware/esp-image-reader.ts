import { MinnowError } from '../errors.ts';
import {
  ESP_DIGEST_BYTES,
  ESP_IMAGE_HEADER_BYTES,
  ESP_IMAGE_MAGIC,
  ESP_IMAGE_MAX_SEGMENTS,
  ESP_SEGMENT_HEADER_BYTES,
  checksumOffset,
  espChecksum,
  espChip,
  hex,
  type EspChip,
} from './esp-image.ts';
import { IMAGE_HEADER } from './image-header.ts';
import { sha256 } from './esp-image-sha256.ts';

export interface EspImageSegment {
  readonly loadAddr: number;
  /** Where the segment's data starts in the file. */
  readonly fileOffset: number;
  readonly data: Uint8Array;
}

export interface EspImage {
  readonly chipId: number;
  readonly entry: number;
  readonly spiMode: number;
  readonly flashSizeNibble: number;
  readonly flashFreqNibble: number;
  readonly minRevFull: number;
  readonly maxRevFull: number;
  readonly segments: readonly EspImageSegment[];
  readonly checksum: number;
  readonly hashAppended: boolean;
  /** Bytes the image occupies from flash 0x0. */
  readonly size: number;
}

const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

function invalid(detail: string): MinnowError {
  return new MinnowError('ESP_IMAGE_INVALID', { detail });
}

function readSegments(bytes: Uint8Array, view: DataView, count: number): EspImageSegment[] {
  const segments: EspImageSegment[] = [];
  let at = ESP_IMAGE_HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + ESP_SEGMENT_HEADER_BYTES > bytes.length) {
      throw invalid(`segment ${i}'s header at byte ${at} is cut off (the file has ${bytes.length} bytes)`);
    }
    const loadAddr = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    if (length % 4 !== 0 || length >= MAX_SEGMENT_BYTES) {
      throw invalid(
        `segment ${i} (header at byte ${at}) has length ${length}; it must be a multiple of 4 below 16 MB`,
      );
    }
    const start = at + ESP_SEGMENT_HEADER_BYTES;
    if (start + length > bytes.length) {
      throw invalid(
        `segment ${i}'s ${length} bytes at byte ${start} run past the end of the file (${bytes.length})`,
      );
    }
    segments.push({ loadAddr, fileOffset: start, data: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return segments;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Parses an ESP image and checks its structure, checksum and digest (not the chip: see checkEspImage). */
export function readEspImage(bytes: Uint8Array): EspImage {
  if (bytes.length < ESP_IMAGE_HEADER_BYTES)
    throw invalid(`it has ${bytes.length} bytes, fewer than the 24-byte header`);
  if (bytes[IMAGE_HEADER.magic] !== ESP_IMAGE_MAGIC)
    throw invalid(`byte 0 is ${hex(bytes[0]!)}, not the magic 0xE9`);
  const count = bytes[IMAGE_HEADER.segmentCount]!;
  if (count < 1 || count > ESP_IMAGE_MAX_SEGMENTS)
    throw invalid(`byte 1 says ${count} segments; 1 to 16 are allowed`);
  const hashFlag = bytes[IMAGE_HEADER.hashAppended]!;
  if (hashFlag > 1) throw invalid(`byte 23 (hash_appended) is ${hashFlag}; it must be 0 or 1`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = readSegments(bytes, view, count);
  const last = segments[segments.length - 1]!;
  const sumAt = checksumOffset(last.fileOffset + last.data.length);
  const size = sumAt + 1 + (hashFlag ? ESP_DIGEST_BYTES : 0);
  if (bytes.length !== size)
    throw invalid(`it has ${bytes.length} bytes; its segments make it ${size} bytes long`);
  const checksum = espChecksum(segments);
  if (bytes[sumAt] !== checksum) {
    throw invalid(
      `the checksum byte at ${sumAt} is ${hex(bytes[sumAt]!)}, the segments sum to ${hex(checksum)}`,
    );
  }
  if (hashFlag && !sameBytes(sha256(bytes.subarray(0, sumAt + 1)), bytes.subarray(sumAt + 1))) {
    throw invalid(`the SHA-256 at byte ${sumAt + 1} does not match bytes 0 to ${sumAt}`);
  }
  return {
    chipId: view.getUint16(IMAGE_HEADER.chipId, true),
    entry: view.getUint32(IMAGE_HEADER.entry, true),
    spiMode: bytes[IMAGE_HEADER.spiMode]!,
    flashSizeNibble: bytes[IMAGE_HEADER.spiSpeedSize]! >> 4,
    flashFreqNibble: bytes[IMAGE_HEADER.spiSpeedSize]! & 15,
    minRevFull: view.getUint16(IMAGE_HEADER.minChipRevFull, true),
    maxRevFull: view.getUint16(IMAGE_HEADER.maxChipRevFull, true),
    segments,
    checksum,
    hashAppended: hashFlag === 1,
    size,
  };
}

function loadError(chip: EspChip, segment: number, start: number, end: number, detail: string): MinnowError {
  const allowed = chip.loadRegions.map((r) => `${hex(r.start)}–${hex(r.end)}`).join(', ');
  const range = `${hex(start)}–${hex(end)}`;
  return new MinnowError('ESP_IMAGE_LOAD_ADDRESS', { segment, range, detail, chip: chip.chip, allowed });
}

/** Physical SRAM extents of each segment, refusing any that leaves the ROM's safe regions. */
function placeSegments(chip: EspChip, image: EspImage): { start: number; end: number; code: boolean }[] {
  return image.segments.map((s, i) => {
    const end = s.loadAddr + s.data.length;
    const region = chip.loadRegions.find((r) => s.loadAddr >= r.start && end <= r.end);
    if (region === undefined) {
      const hitsStack = s.loadAddr < chip.romStack.end && end > chip.romStack.start;
      const detail = hitsStack
        ? `over the ROM's stack (${hex(chip.romStack.start)}–${hex(chip.romStack.end)}), which the ROM uses while it loads`
        : `outside the RAM the ${chip.chip} ROM may load into`;
      throw loadError(chip, i, s.loadAddr, end, detail);
    }
    return {
      start: s.loadAddr - region.start + region.sram,
      end: end - region.start + region.sram,
      code: region.code,
    };
  });
}

/** readEspImage, then what a bare-metal image for `chip` must also satisfy before it is flashed. */
export function checkEspImage(bytes: Uint8Array, chip: string): EspImage {
  const image = readEspImage(bytes);
  const known = espChip(chip);
  if (known === undefined) throw invalid(`no ESP image facts for chip "${chip}" (known: esp32c3, esp32c6)`);
  if (image.chipId !== known.chipId) {
    throw new MinnowError('ESP_IMAGE_CHIP', { built: image.chipId, chip, expected: known.chipId });
  }
  const placed = placeSegments(known, image);
  placed.forEach((a, i) =>
    placed.slice(0, i).forEach((b, j) => {
      if (a.start < b.end && b.start < a.end) {
        const s = image.segments[i]!;
        throw loadError(
          known,
          i,
          s.loadAddr,
          s.loadAddr + s.data.length,
          `over the same RAM as segment ${j}`,
        );
      }
    }),
  );
  const entrySegment = image.segments.findIndex(
    (s, i) => placed[i]!.code && image.entry >= s.loadAddr && image.entry < s.loadAddr + s.data.length,
  );
  if (entrySegment < 0) throw invalid(`the entry point ${hex(image.entry)} is in no executable segment`);
  return image;
}
