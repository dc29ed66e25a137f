import { createHash } from 'node:crypto';
import {
  buildPartitionTable,
  modelPartitions,
  PARTITION_TABLE_OFFSET,
} from '../../core/blob/partition-table.ts';
import { IMAGE_CHIP_IDS } from '../../core/firmware/image-header.ts';
import { parseManifest, type FirmwareManifest } from '../../core/firmware/manifest.ts';
import type { FetchFile } from '../firmware-image.ts';

/**
 * Stand-ins for the firmware binaries, which only the ESP-IDF pipeline produces: images of realistic size with
 * a valid 0xE9 header, part pseudo-random (code compresses poorly) and part repetitive (tables, strings), so
 * compression and wire figures resemble a real build. They boot only on the emulated board.
 */
export const PLACEHOLDER_NOTE =
  'placeholder firmware images (no real firmware binaries exist in this build): 0xE9 header + pseudo-random and repetitive bytes';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An ESP image of `size` bytes for `chip`: header (magic, segments, dio, 2 MB / 80 MHz, the chip's image id, any
 * revision), then 256-byte blocks of which about 55 % are random, 30 % repeat a few patterns and 15 % are text. */
export function placeholderImage(size: number, seed: number, label: string, chip = 'esp32c3'): Uint8Array {
  const next = random(seed);
  const out = new Uint8Array(size);
  const patterns = Array.from({ length: 8 }, () =>
    Uint8Array.from({ length: 256 }, () => Math.floor(next() * 256)),
  );
  const text = new TextEncoder().encode(`${label} E (%d) %s: %s failed (0x%x)\n`.repeat(8).slice(0, 256));
  for (let at = 0; at < size; at += 256) {
    const roll = next();
    const block =
      roll < 0.55
        ? Uint8Array.from({ length: 256 }, () => Math.floor(next() * 256))
        : roll < 0.85
          ? (patterns[Math.floor(next() * 8)] as Uint8Array)
          : text;
    out.set(block.subarray(0, Math.min(256, size - at)), at);
  }
  const id = IMAGE_CHIP_IDS[chip] ?? 0xffff;
  out.set([0xe9, 0x03, 0x02, 0x1f, 0x00, 0x00, 0x38, 0x40, 0xee, 0, 0, 0, id & 0xff, id >> 8], 0);
  out.set([0, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0], 14);
  return out;
}

export interface PlaceholderBuild {
  readonly manifest: FirmwareManifest;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly fetchFile: FetchFile;
}

const BOOTLOADER_OFFSET: Record<string, number> = { esp32: 0x1000, esp32s2: 0x1000, esp32p4: 0x2000 };

/** A manifest with one build per chip: a ~21 KB bootloader, the model partition table and an app of `appBytes`. */
export function placeholderBuild(
  chips: readonly string[] = ['esp32c3'],
  appBytes = 200 * 1024,
): PlaceholderBuild {
  const files = new Map<string, Uint8Array>();
  const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
  const builds = chips.map((chip, i) => {
    const entries = [
      {
        role: 'bootloader',
        offset: BOOTLOADER_OFFSET[chip] ?? 0,
        path: `${chip}/bootloader.bin`,
        data: placeholderImage(21 * 1024, 11 + i, 'boot', chip),
      },
      {
        role: 'partition-table',
        offset: PARTITION_TABLE_OFFSET,
        path: `${chip}/partition-table.bin`,
        data: buildPartitionTable(modelPartitions()),
      },
      {
        role: 'app',
        offset: 0x10000,
        path: `${chip}/minnow.bin`,
        data: placeholderImage(appBytes, 23 + i, 'minnow', chip),
      },
    ] as const;
    for (const e of entries) files.set(e.path, e.data);
    return {
      chip,
      idfVersion: 'v5.5.1',
      flashMode: 'dio',
      flashFreq: '80m',
      flashSize: '2MB',
      appBytes,
      files: entries.map(({ role, offset, path, data }) => ({
        role,
        offset,
        path,
        size: data.length,
        sha256: sha(data),
      })),
      modelPartition: { offset: 0x100000, size: 0x100000 },
    };
  });
  const manifest = parseManifest({
    format: 'minnow-firmware-manifest',
    version: 1,
    firmwareVersion: '0.1.0',
    protocolVersion: 1,
    blobVersions: [1],
    builds,
  });
  const fetchFile: FetchFile = async (path) => {
    const data = files.get(path);
    if (!data) throw new Error(`no file ${path}`);
    return data;
  };
  return { manifest, files, fetchFile };
}
