import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseManifest, pickBuild } from '../src/core/firmware/manifest.ts';
import { parseBuildArgs, parseRevisionRange } from './firmware-manifest-args.ts';
import { buildManifest, modelPartition } from './firmware-manifest.ts';

/** The partitions.csv of the fixed layout (docs/MANIFEST.md), as ESP-IDF reads it. */
const CSV = [
  '# Name,   Type, SubType, Offset,   Size,  Flags',
  'nvs,      data, nvs,     0x9000,   0x6000,',
  'phy_init, data, phy,     0xf000,   0x1000,',
  'factory,  app,  factory, 0x10000,  0xF0000,',
  'model,    0x40, 0x00,    0x100000, 1M,',
].join('\n');
const CHIP_IDS: Record<string, number> = { esp32: 0, esp32c3: 5, esp32p4: 18 };
let dir = '';

/** `size` bytes of 0x07 behind an ESP image header (FACTS-C3C6 §1.1): magic 0xE9, DIO, 2 MB, chip id at 12. */
function image(chip: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(7);
  const id = CHIP_IDS[chip] ?? 0xffff;
  bytes.set([0xe9, 1, 2, 0x1f], 0);
  bytes.set([id & 0xff, id >> 8], 12);
  return bytes;
}

/** A build folder as the firmware workflow lays it out: flasher_args.json (FACTS §B.5 shape) and the bins. */
function fakeBuild(folder: string, chip: string, bootloader: string, imageChip = chip): void {
  mkdirSync(join(dir, folder));
  writeFileSync(join(dir, folder, 'bootloader.bin'), image(imageChip, 100));
  writeFileSync(join(dir, folder, 'partition-table.bin'), new Uint8Array(3072).fill(7));
  writeFileSync(join(dir, folder, 'minnow_firmware.bin'), image(imageChip, 200_000));
  const entry = (offset: string, file: string) => ({ offset, file, encrypted: 'false' });
  const args = {
    write_flash_args: ['--flash_mode', 'dio', '--flash_size', '2MB', '--flash_freq', '80m'],
    flash_settings: { flash_mode: 'dio', flash_size: '2MB', flash_freq: '80m' },
    flash_files: {},
    bootloader: entry(bootloader, 'bootloader/bootloader.bin'),
    'partition-table': entry('0x8000', 'partition_table/partition-table.bin'),
    app: entry('0x10000', 'minnow_firmware.bin'),
    extra_esptool_args: { after: 'hard_reset', before: 'default_reset', stub: true, chip },
  };
  writeFileSync(join(dir, folder, 'flasher_args.json'), JSON.stringify(args));
}

beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mn-manifest-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('firmware manifest from ESP-IDF builds', () => {
  it('reads the model partition of partitions.csv', () => {
    expect(modelPartition(CSV)).toEqual({ offset: '0x100000', size: 0x100000 });
  });

  it('builds entries the app accepts, with sizes and sha256 of the copied files', () => {
    fakeBuild('esp32', 'esp32', '0x1000');
    fakeBuild('esp32c3', 'esp32c3', '0x0');
    const manifest = parseManifest(buildManifest(dir, 'v5.5.1', CSV));
    expect(manifest).toMatchObject({ firmwareVersion: '0.1.0', protocolVersion: 1, blobVersions: [1] });
    const c3 = manifest.builds.find((b) => b.chip === 'esp32c3');
    expect(c3).toMatchObject({ flavour: 'esp-idf', appBytes: 200_000, flashSize: '2MB' });
    expect(c3?.chipRevision).toBeUndefined();
    expect(c3?.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    // sha256 of 3072 bytes of 0x07, computed independently (Python hashlib).
    expect(c3?.files.find((f) => f.role === 'partition-table')?.sha256).toBe(
      '51f490b53192fc9798335e1e980d7c6fcd195212d6b04ed8c5ab4c51bf47a4d3',
    );
  });

  it('[M-7] publishes two ESP32-P4 builds from variant folders with --chip-revision', () => {
    fakeBuild('esp32p4', 'esp32p4', '0x2000');
    fakeBuild('esp32p4-rev3', 'esp32p4', '0x2000');
    const args = parseBuildArgs([
      dir,
      '--idf',
      'v5.5.1',
      '--build',
      'esp32p4',
      '--chip-revision',
      '0-299',
      '--build',
      'esp32p4-rev3',
      '--chip-revision',
      '300-',
    ]);
    const manifest = parseManifest(buildManifest(dir, args.idf, CSV, args.builds));
    expect(manifest.builds.map((b) => [b.chip, b.chipRevision, b.files[2]?.path])).toEqual([
      ['esp32p4', { min: 0, max: 299 }, 'esp32p4/minnow_firmware.bin'],
      ['esp32p4', { min: 300, max: 65535 }, 'esp32p4-rev3/minnow_firmware.bin'],
    ]);
    expect(pickBuild(manifest, 'esp32p4', 301)?.files[0]?.path).toBe('esp32p4-rev3/bootloader.bin');
  });

  it('[M-7] refuses two builds of one chip for overlapping revisions', () => {
    fakeBuild('esp32p4', 'esp32p4', '0x2000');
    fakeBuild('esp32p4-rev3', 'esp32p4', '0x2000');
    const args = parseBuildArgs([dir, '--build', 'esp32p4', '--build', 'esp32p4-rev3']);
    expect(() => buildManifest(dir, 'v5.5.1', CSV, args.builds)).toThrow(/serve the same revisions/);
  });

  it('[M-9] describes a bare-metal folder from its image header', () => {
    mkdirSync(join(dir, 'esp32c3-bare'));
    writeFileSync(join(dir, 'esp32c3-bare', 'minnow.bin'), image('esp32c3', 0x5000));
    writeFileSync(join(dir, 'esp32c3-bare', 'partition-table.bin'), new Uint8Array(3072).fill(7));
    const args = parseBuildArgs([dir, '--build', 'esp32c3-bare', '--flavour', 'bare-metal']);
    const [bare] = parseManifest(buildManifest(dir, 'v5.5.1', CSV, args.builds)).builds;
    expect(bare).toMatchObject({
      chip: 'esp32c3',
      flavour: 'bare-metal',
      flashMode: 'dio',
      flashSize: '2MB',
    });
    expect(bare?.files.map((f) => [f.role, f.offset, f.size])).toEqual([
      ['image', 0, 0x5000],
      ['partition-table', 0x8000, 3072],
    ]);
    expect(bare?.appBytes).toBe(0x5000);
  });

  it('refuses a build whose bootloader sits at the wrong offset for its chip', () => {
    fakeBuild('esp32', 'esp32', '0x0');
    expect(() => buildManifest(dir, 'v5.5.1', CSV)).toThrow(expect.objectContaining({ code: 202 }));
  });

  it('refuses a build folder with a missing binary, naming it', () => {
    fakeBuild('esp32c3', 'esp32c3', '0x0');
    rmSync(join(dir, 'esp32c3', 'minnow_firmware.bin'));
    expect(() => buildManifest(dir, 'v5.5.1', CSV)).toThrow(/esp32c3\/minnow_firmware.bin: the app file/);
  });

  it('refuses a folder whose images are built for another chip', () => {
    fakeBuild('esp32c3', 'esp32c3', '0x0', 'esp32p4');
    expect(() => buildManifest(dir, 'v5.5.1', CSV)).toThrow(/built for ESP32-P4, not esp32c3/);
  });

  it('refuses a folder whose app is no ESP image', () => {
    fakeBuild('esp32c3', 'esp32c3', '0x0');
    writeFileSync(join(dir, 'esp32c3', 'minnow_firmware.bin'), new Uint8Array(64));
    expect(() => buildManifest(dir, 'v5.5.1', CSV)).toThrow(/not an ESP image: .*magic byte 0xE9/);
  });
});

describe('firmware-manifest command line', () => {
  it('reads revision ranges as major*100+minor, open-ended with a trailing dash', () => {
    expect(parseRevisionRange('0-299')).toEqual({ min: 0, max: 299 });
    expect(parseRevisionRange('300-')).toEqual({ min: 300, max: 65535 });
  });

  it.each(['', '-', '3', '299-0', '0-65536', 'v3.0-', '0..299', '-5-10', '0-299x'])(
    'refuses the revision range %j',
    (text) => {
      expect(() => parseRevisionRange(text)).toThrow(/--chip-revision/);
    },
  );

  it.each([
    [[], /usage/],
    [['--idf', 'v5'], /usage/],
    [['dir', '--chip-revision', '0-299'], /after a --build/],
    [['dir', '--build'], /needs a value/],
    [['dir', '--build', 'a', '--flavour', 'arduino'], /--flavour "arduino"/],
    [['dir', '--bogus', 'x'], /unknown option --bogus/],
  ])('refuses the arguments %j', (argv, message) => {
    expect(() => parseBuildArgs(argv)).toThrow(message);
  });

  it('keeps the defaults without --build', () => {
    expect(parseBuildArgs(['public/firmware'])).toEqual({
      dir: 'public/firmware',
      idf: 'unknown',
      partitions: 'firmware-template/partitions.csv',
    });
  });
});
