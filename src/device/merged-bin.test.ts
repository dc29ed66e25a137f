import { describe, expect, it } from 'vitest';
import { buildPartitionTable, DEFAULT_PARTITIONS, modelPartitions } from '../core/blob/partition-table.ts';
import { imageFromMergedBin } from './merged-bin.ts';
import { placeholderImage } from './testing/placeholder-firmware.ts';

/**
 * What `esptool merge_bin` writes (esptool docs: output from 0x0 unless --target-offset, gaps filled with 0xFF):
 * the bootloader at the chip's offset, the table at 0x8000, the app at 0x10000, and here a model file too.
 */
function merged(
  chip: string,
  bootAt: number,
  table = buildPartitionTable(modelPartitions()),
  targetOffset = 0,
) {
  const out = new Uint8Array(0x100000 + 64 - targetOffset).fill(0xff);
  const put = (at: number, data: Uint8Array) => out.set(data, at - targetOffset);
  put(bootAt, placeholderImage(0x5000, 1, 'boot', chip));
  put(0x8000, table);
  put(0x10000, placeholderImage(0x20000, 2, 'app', chip));
  put(0x100000, new Uint8Array(64).fill(7));
  return out;
}

describe('imageFromMergedBin', () => {
  it.each([
    ['esp32', 0x1000],
    ['esp32c3', 0x0],
    ['esp32p4', 0x2000],
  ])('finds the %s bootloader at 0x%s, the table at 0x8000 and the app at its partition', (chip, bootAt) => {
    const image = imageFromMergedBin('fw.bin', merged(chip, bootAt));
    expect(image.chip).toBe(chip);
    expect(image.flashSize).toBe('2MB');
    expect(image.files.map((f) => [f.role, f.offset, f.data.length])).toEqual([
      ['bootloader', bootAt, 0x8000 - bootAt],
      ['partition-table', 0x8000, 0xc00],
      // The app runs to the model partition; the model bytes in the file are left out.
      ['app', 0x10000, 0xf0000],
    ]);
    expect(image.files[2]?.data[0]).toBe(0xe9);
    expect(image.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
  });

  it('reads a file made with --target-offset, which starts at the bootloader', () => {
    const image = imageFromMergedBin('fw.bin', merged('esp32', 0x1000, undefined, 0x1000));
    expect(image.files[0]).toMatchObject({ role: 'bootloader', offset: 0x1000 });
    expect(image.files[2]?.data.subarray(0, 4)).toEqual(
      placeholderImage(64, 2, 'app', 'esp32').subarray(0, 4),
    );
  });

  it('refuses a table without a model partition', () => {
    const bin = merged('esp32c3', 0, buildPartitionTable(DEFAULT_PARTITIONS));
    expect(() => imageFromMergedBin('fw.bin', bin)).toThrow(
      expect.objectContaining({ id: 'NO_MODEL_PARTITION' }),
    );
  });

  it('refuses an app built for another chip than its bootloader', () => {
    const bin = merged('esp32c3', 0);
    bin.set(placeholderImage(64, 3, 'app', 'esp32c6'), 0x10000);
    expect(() => imageFromMergedBin('fw.bin', bin)).toThrow(
      expect.objectContaining({
        id: 'IMAGE_CHIP_MISMATCH',
        message:
          'The firmware file fw.bin @0x10000 is built for ESP32-C6, but its bootloader is for ESP32-C3.',
      }),
    );
  });

  it.each([
    ['nothing', new Uint8Array(0), /no bootloader image/],
    ['erased flash', new Uint8Array(0x20000).fill(0xff), /no bootloader image/],
    [
      'a lone app image (no bootloader offset matches)',
      placeholderImage(0x9000, 4, 'x', 'esp32c3').fill(0, 0x1000),
      /partition table/,
    ],
    [
      'a file cut before the table',
      merged('esp32c3', 0).subarray(0, 0x8100),
      /ends before the partition table/,
    ],
    ['a file cut before the app', merged('esp32c3', 0).subarray(0, 0x9000), /ends before the app partition/],
    ['text', new TextEncoder().encode('esptool.py merge_bin -o merged.bin'), /no bootloader image/],
  ])('refuses %s with a coded error', (_, data, message) => {
    let error: unknown;
    try {
      imageFromMergedBin('fw.bin', data);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: expect.any(Number) });
    expect((error as Error).message).toMatch(message);
  });
});
