import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseManifest } from '../src/core/firmware/manifest.ts';
import { buildManifest, modelPartition } from './firmware-manifest.ts';

/** The partitions.csv of the fixed layout (docs/MANIFEST.md M-11), as ESP-IDF reads it. */
const CSV = [
  '# Name,   Type, SubType, Offset,   Size,  Flags',
  'nvs,      data, nvs,     0x9000,   0x6000,',
  'phy_init, data, phy,     0xf000,   0x1000,',
  'factory,  app,  factory, 0x10000,  0xF0000,',
  'model,    0x40, 0x00,    0x100000, 1M,',
].join('\n');
let dir = '';

/** A chip folder as the firmware workflow lays it out: flasher_args.json (FACTS §B.5 shape) and the bins. */
function fakeBuild(chip: string, bootloader: string): void {
  mkdirSync(join(dir, chip));
  const files = { 'bootloader.bin': 100, 'partition-table.bin': 3072, 'minnow_firmware.bin': 200_000 };
  for (const [name, size] of Object.entries(files))
    writeFileSync(join(dir, chip, name), new Uint8Array(size).fill(7));
  const entry = (offset: string, file: string) => ({ offset, file, encrypted: 'false' });
  const args = {
    write_flash_args: ['--flash_mode', 'dio', '--flash_size', '4MB', '--flash_freq', '80m'],
    flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: '80m' },
    flash_files: {},
    bootloader: entry(bootloader, 'bootloader/bootloader.bin'),
    'partition-table': entry('0x8000', 'partition_table/partition-table.bin'),
    app: entry('0x10000', 'minnow_firmware.bin'),
    extra_esptool_args: { after: 'hard_reset', before: 'default_reset', stub: true, chip },
  };
  writeFileSync(join(dir, chip, 'flasher_args.json'), JSON.stringify(args));
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('firmware manifest from ESP-IDF builds', () => {
  it('reads the model partition of partitions.csv', () => {
    expect(modelPartition(CSV)).toEqual({ offset: '0x100000', size: 0x100000 });
  });

  it('builds entries the app accepts, with sizes and sha256 of the copied files', () => {
    dir = mkdtempSync(join(tmpdir(), 'mn-manifest-'));
    fakeBuild('esp32', '0x1000');
    fakeBuild('esp32c3', '0x0');
    const raw = buildManifest(dir, 'v5.5.1', CSV);
    const manifest = parseManifest(raw);
    expect(manifest).toMatchObject({ firmwareVersion: '0.1.0', protocolVersion: 1, blobVersions: [1] });
    const c3 = manifest.builds.find((b) => b.chip === 'esp32c3');
    expect(c3?.appBytes).toBe(200_000);
    expect(c3?.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    // sha256 of 100 bytes of 0x07, computed independently (Python hashlib).
    expect(c3?.files.find((f) => f.role === 'bootloader')?.sha256).toBe(
      'd876885b7f40eae70bd1f5247a9854914fa5812ce63998e2d894a68e187967cb',
    );
  });

  it('refuses a build whose bootloader sits at the wrong offset for its chip', () => {
    dir = mkdtempSync(join(tmpdir(), 'mn-manifest-'));
    fakeBuild('esp32', '0x0');
    expect(() => buildManifest(dir, 'v5.5.1', CSV)).toThrow(expect.objectContaining({ code: 202 }));
  });
});
