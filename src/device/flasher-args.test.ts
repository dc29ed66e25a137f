import { describe, expect, it } from 'vitest';
import { buildPartitionTable, DEFAULT_PARTITIONS, modelPartitions } from '../core/blob/partition-table.ts';
import { imageFromFlasherArgs } from './flasher-args.ts';
import { placeholderImage } from './testing/placeholder-firmware.ts';

/** Trimmed from a real idf.py build (FACTS §B.5), with the model blob added by esptool_py_flash_to_partition. */
const ARGS = {
  write_flash_args: ['--flash_mode', 'dio', '--flash_size', '4MB', '--flash_freq', '80m'],
  flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: '80m' },
  flash_files: {
    '0x0': 'bootloader/bootloader.bin',
    '0x8000': 'partition_table/partition-table.bin',
    '0x10000': 'minnow_firmware.bin',
    '0x100000': '../model/default.bin',
  },
  bootloader: { offset: '0x0', file: 'bootloader/bootloader.bin', encrypted: 'false' },
  'partition-table': { offset: '0x8000', file: 'partition_table/partition-table.bin', encrypted: 'false' },
  app: { offset: '0x10000', file: 'minnow_firmware.bin', encrypted: 'false' },
  model: { offset: '0x100000', file: '../model/default.bin', encrypted: 'false' },
  extra_esptool_args: { after: 'hard_reset', before: 'default_reset', stub: true, chip: 'esp32c6' },
};

const bins = (table = buildPartitionTable(modelPartitions())) =>
  new Map<string, Uint8Array>([
    ['build/bootloader/bootloader.bin', placeholderImage(64, 1, 'boot', 'esp32c6')],
    ['build/partition_table/partition-table.bin', table],
    ['build/minnow_firmware.bin', placeholderImage(128, 2, 'app', 'esp32c6')],
    ['default.bin', Uint8Array.of(7)],
  ]);

describe('imageFromFlasherArgs', () => {
  it('maps flash_files to roles and offsets, and takes the model partition from the build table', () => {
    const image = imageFromFlasherArgs(JSON.stringify(ARGS), bins());
    expect(image.chip).toBe('esp32c6');
    expect(image.files.map((f) => [f.role, f.offset, f.data.length])).toEqual([
      ['bootloader', 0, 64],
      ['partition-table', 0x8000, 0xc00],
      ['app', 0x10000, 128],
    ]);
    expect(image.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    expect(image.flashSize).toBe('4MB');
  });

  it('matches files picked one by one by their base names', () => {
    const flat = new Map([...bins()].map(([path, data]) => [path.split('/').pop() as string, data]));
    expect(imageFromFlasherArgs(JSON.stringify(ARGS), flat).files).toHaveLength(3);
  });

  it('refuses a missing file, a build without a model partition, and garbage', () => {
    const missing = bins();
    missing.delete('build/minnow_firmware.bin');
    expect(() => imageFromFlasherArgs(JSON.stringify(ARGS), missing)).toThrow(
      /minnow_firmware.bin .*not among the picked files/,
    );
    expect(() =>
      imageFromFlasherArgs(JSON.stringify(ARGS), bins(buildPartitionTable(DEFAULT_PARTITIONS))),
    ).toThrow(expect.objectContaining({ id: 'NO_MODEL_PARTITION' }));
    for (const text of [
      '',
      '{',
      '[]',
      '{"flash_files": 3}',
      JSON.stringify({ ...ARGS, extra_esptool_args: {} }),
    ]) {
      expect(() => imageFromFlasherArgs(text, bins())).toThrow(
        expect.objectContaining({ id: 'FLASHER_ARGS_INVALID' }),
      );
    }
    const noApp = {
      ...ARGS,
      app: undefined,
      flash_files: { '0x0': 'bootloader/bootloader.bin', '0x8000': 'partition_table/partition-table.bin' },
    };
    expect(() => imageFromFlasherArgs(JSON.stringify(noApp), bins())).toThrow(/names no app/);
  });

  it('refuses a binary built for another chip than flasher_args.json names, reading its image header', () => {
    const mixed = bins();
    mixed.set('build/minnow_firmware.bin', placeholderImage(128, 2, 'app', 'esp32c3'));
    expect(() => imageFromFlasherArgs(JSON.stringify(ARGS), mixed)).toThrow(
      expect.objectContaining({
        id: 'IMAGE_CHIP_MISMATCH',
        message:
          'The firmware file minnow_firmware.bin is built for ESP32-C3, but flasher_args.json names an ESP32-C6.',
      }),
    );
  });

  it('refuses an app that is no ESP image', () => {
    const text = bins();
    text.set('build/minnow_firmware.bin', new TextEncoder().encode('not an image, just some text here'));
    expect(() => imageFromFlasherArgs(JSON.stringify(ARGS), text)).toThrow(
      expect.objectContaining({ id: 'FIRMWARE_FILE_INVALID' }),
    );
  });
});
