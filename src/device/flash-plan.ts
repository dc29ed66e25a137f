import { md5 } from '../core/blob/md5.ts';
import type { FileRole } from '../core/firmware/manifest.ts';
import { MinnowError } from '../core/errors.ts';
import type { FirmwareImage } from './firmware-image.ts';

/** "full" writes firmware, partition table and model; "model-only" touches the model partition alone. */
export type FlashMode = 'full' | 'model-only';

export interface Region {
  readonly name: string;
  readonly role: FileRole | 'other' | 'model';
  readonly address: number;
  readonly data: Uint8Array;
}

export interface ModelPartition {
  readonly offset: number;
  readonly size: number;
}

/**
 * The regions to write, model last: when a write is cut short, the firmware regions before it are already
 * complete. The model must fit its partition (esptool-js does not check with flashSize "keep").
 */
export function planRegions(
  mode: FlashMode,
  blob: Uint8Array,
  partition: ModelPartition,
  image: FirmwareImage | undefined,
): Region[] {
  if (blob.length > partition.size) {
    throw new MinnowError('MODEL_TOO_LARGE', { blob: blob.length, partition: partition.size });
  }
  const model: Region = { name: 'model', role: 'model', address: partition.offset, data: blob };
  if (mode === 'model-only') return [model];
  if (!image) throw new MinnowError('NO_FIRMWARE_BUILD', { chip: 'this board' });
  const regions = [
    ...image.files.map((f) => ({ name: f.name, role: f.role, address: f.offset, data: f.data })),
    model,
  ];
  const sorted = [...regions].sort((a, b) => a.address - b.address);
  sorted.forEach((r, i) => {
    const next = sorted[i + 1];
    if (next && r.address + r.data.length > next.address) {
      throw new MinnowError('FLASHER_ARGS_INVALID', {
        detail: `${r.name} overlaps ${next.name} at 0x${next.address.toString(16)}`,
      });
    }
  });
  return regions;
}

/** The bytes esptool-js writes for `data`: padded with 0xFF to a multiple of 4 (FACTS §C.4). */
export function padded(data: Uint8Array): Uint8Array {
  if (data.length % 4 === 0) return data;
  const out = new Uint8Array(data.length + (4 - (data.length % 4))).fill(0xff);
  out.set(data);
  return out;
}

export function md5Hex(data: Uint8Array): string {
  return [...md5(data)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when the region touches nothing but the model partition: the board boots whatever happens to it. */
export function onlyModel(regions: readonly Region[]): boolean {
  return regions.every((r) => r.role === 'model');
}
