import { MinnowError } from '../errors.ts';
import {
  ESP_DIGEST_BYTES,
  ESP_IMAGE_HEADER_BYTES,
  ESP_IMAGE_MAGIC,
  ESP_IMAGE_MAX_SEGMENTS,
  ESP_SEGMENT_HEADER_BYTES,
  FLASH_FREQ_40M,
  FLASH_SIZE_2MB,
  SPI_MODE_DIO,
  WP_PIN_DISABLED,
  checksumOffset,
  espChecksum,
  espChip,
} from './esp-image.ts';
import { IMAGE_HEADER } from './image-header.ts';
import { checkEspImage } from './esp-image-reader.ts';
import { layoutSegments, type PinnedSegment } from './esp-image-layout.ts';
import type { Elf32 } from './esp-image-elf.ts';
import { sha256 } from './esp-image-sha256.ts';

export interface EspImageSegmentSpec {
  readonly loadAddr: number;
  readonly data: Uint8Array;
}

export interface EspImageSpec {
  readonly chipId: number;
  readonly entry: number;
  readonly segments: readonly EspImageSegmentSpec[];
  /** Defaults: DIO, 2MB, 40m — safe for C3 and C6 (FACTS §1.2). */
  readonly spiMode?: number;
  readonly flashSize?: number;
  readonly flashFreq?: number;
  /** Chip revision range, major*100+minor; defaults 0 … 0xFFFF (any), as esptool writes. */
  readonly minRevFull?: number;
  readonly maxRevFull?: number;
  /** Bytes to place at a fixed file offset (the partition table at 0x8000 inside a larger image). */
  readonly pinned?: PinnedSegment;
}

const pad4 = (data: Uint8Array) => {
  const out = new Uint8Array(Math.ceil(data.length / 4) * 4);
  out.set(data);
  return out;
};

/** Lays out an ESP image with `hash_appended = 1`, as esptool's elf2image does for a RAM-only image. */
export function writeEspImage(spec: EspImageSpec): Uint8Array {
  const padded = spec.segments.map((s) => ({ loadAddr: s.loadAddr, data: pad4(s.data) }));
  const segments = layoutSegments(padded, spec.pinned && { ...spec.pinned, data: pad4(spec.pinned.data) });
  if (segments.length === 0 || segments.length > ESP_IMAGE_MAX_SEGMENTS) {
    throw new MinnowError('ESP_IMAGE_INVALID', {
      detail: `${segments.length} segments; an image holds 1 to ${ESP_IMAGE_MAX_SEGMENTS}`,
    });
  }
  const end = segments.reduce((n, s) => n + ESP_SEGMENT_HEADER_BYTES + s.data.length, ESP_IMAGE_HEADER_BYTES);
  const sumAt = checksumOffset(end);
  const out = new Uint8Array(sumAt + 1 + ESP_DIGEST_BYTES);
  const view = new DataView(out.buffer);
  out[IMAGE_HEADER.magic] = ESP_IMAGE_MAGIC;
  out[IMAGE_HEADER.segmentCount] = segments.length;
  out[IMAGE_HEADER.spiMode] = spec.spiMode ?? SPI_MODE_DIO;
  out[IMAGE_HEADER.spiSpeedSize] =
    ((spec.flashSize ?? FLASH_SIZE_2MB) << 4) | (spec.flashFreq ?? FLASH_FREQ_40M);
  view.setUint32(IMAGE_HEADER.entry, spec.entry, true);
  out[IMAGE_HEADER.wpPin] = WP_PIN_DISABLED;
  view.setUint16(IMAGE_HEADER.chipId, spec.chipId, true);
  view.setUint16(IMAGE_HEADER.minChipRevFull, spec.minRevFull ?? 0, true);
  view.setUint16(IMAGE_HEADER.maxChipRevFull, spec.maxRevFull ?? 0xffff, true);
  out[IMAGE_HEADER.hashAppended] = 1;
  let at = ESP_IMAGE_HEADER_BYTES;
  for (const segment of segments) {
    view.setUint32(at, segment.loadAddr, true);
    view.setUint32(at + 4, segment.data.length, true);
    out.set(segment.data, at + ESP_SEGMENT_HEADER_BYTES);
    at += ESP_SEGMENT_HEADER_BYTES + segment.data.length;
  }
  out[sumAt] = espChecksum(segments);
  out.set(sha256(out.subarray(0, sumAt + 1)), sumAt + 1);
  return out;
}

/** The image of a linked ELF for `chip`, checked as the app checks it before flashing. */
export function espImageFromElf(elf: Elf32, chip: string, pinned?: PinnedSegment): Uint8Array {
  const known = espChip(chip);
  if (known === undefined)
    throw new MinnowError('ESP_IMAGE_INVALID', { detail: `no ESP image facts for "${chip}"` });
  const segments = elf.segments.map((s) => ({ loadAddr: s.vaddr, data: s.data }));
  const image = writeEspImage({ chipId: known.chipId, entry: elf.entry, segments, pinned });
  checkEspImage(image, chip);
  return image;
}
