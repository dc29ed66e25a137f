import { describe, expect, it } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../core/blob/partition-table.ts';
import { imageFromPicked } from './own-build.ts';
import { placeholderImage } from './testing/placeholder-firmware.ts';

const enc = (text: string) => new TextEncoder().encode(text);
const ARGS = {
  flash_settings: { flash_mode: 'dio', flash_size: '2MB', flash_freq: '80m' },
  flash_files: {
    '0x0': 'bootloader/bootloader.bin',
    '0x8000': 'partition_table/partition-table.bin',
    '0x10000': 'minnow.bin',
  },
  bootloader: { offset: '0x0', file: 'bootloader/bootloader.bin' },
  'partition-table': { offset: '0x8000', file: 'partition_table/partition-table.bin' },
  app: { offset: '0x10000', file: 'minnow.bin' },
  extra_esptool_args: { chip: 'esp32h2' },
};
const folder = [
  { path: 'build/flasher_args.json', data: enc(JSON.stringify(ARGS)) },
  { path: 'build/bootloader/bootloader.bin', data: placeholderImage(256, 1, 'b', 'esp32h2') },
  { path: 'build/partition_table/partition-table.bin', data: buildPartitionTable(modelPartitions()) },
  { path: 'build/minnow.bin', data: placeholderImage(1024, 2, 'a', 'esp32h2') },
];

describe('imageFromPicked (Board tab, "Use my own firmware build")', () => {
  it('reads a build folder through its flasher_args.json', () => {
    const image = imageFromPicked(folder);
    expect(image).toMatchObject({ chip: 'esp32h2', source: 'user', flashSize: '2MB' });
    expect(image.files.map((f) => f.offset)).toEqual([0, 0x8000, 0x10000]);
  });

  it('reads one merged binary', () => {
    const bin = new Uint8Array(0x20000).fill(0xff);
    bin.set(placeholderImage(256, 1, 'b', 'esp32h2'), 0);
    bin.set(buildPartitionTable(modelPartitions()), 0x8000);
    bin.set(placeholderImage(1024, 2, 'a', 'esp32h2'), 0x10000);
    const image = imageFromPicked([{ path: 'merged-h2.bin', data: bin }]);
    expect(image.chip).toBe('esp32h2');
    expect(image.files.map((f) => [f.role, f.offset])).toEqual([
      ['bootloader', 0],
      ['partition-table', 0x8000],
      ['app', 0x10000],
    ]);
  });

  it.each([
    ['nothing', [], /no flasher_args.json and no .bin/],
    ['two .bin files without flasher_args.json', folder.slice(1, 3), /2 .bin files but no flasher_args.json/],
    ['two build folders', [folder[0], ...folder], /2 flasher_args.json files/],
    ['a folder missing its app', folder.slice(0, 3), /minnow.bin .*not among the picked files/],
    ['flasher_args.json that is not JSON', [{ path: 'flasher_args.json', data: enc('{"flash') }], /not JSON/],
    [
      'a JPEG named .bin',
      [{ path: 'photo.bin', data: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) }],
      /no bootloader image/,
    ],
  ])('refuses %s with FLASHER_ARGS_INVALID', (_, files, message) => {
    expect(() => imageFromPicked(files as { path: string; data: Uint8Array }[])).toThrow(
      expect.objectContaining({ id: 'FLASHER_ARGS_INVALID', message: expect.stringMatching(message) }),
    );
  });
});
