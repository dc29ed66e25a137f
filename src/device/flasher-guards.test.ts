import { describe, expect, it } from 'vitest';
import { parseManifest } from '../core/firmware/manifest.ts';
import { offeredAction } from './explain.ts';
import type { FlashProgress } from './flash-progress.ts';
import { manifestFirmware, type FirmwareFor } from './firmware-image.ts';
import { flashBoard, type FlashRequest } from './flasher.ts';
import { compileExample } from './testing/example-blob.ts';
import { placeholderImage } from './testing/placeholder-firmware.ts';
import { OP } from './testing/rom-packets.ts';
import { createRig, flashFailure as failure } from './testing/rig.ts';

const blob = compileExample(1).blob;
const blobB = compileExample(2).blob;
type Rig = ReturnType<typeof createRig>;

/** One MEM_END (which starts the stub) per upload; each of its segments has a MEM_BEGIN. */
const stubUploads = (rig: Rig) => rig.board.commands.filter((c) => c.name === 'MEM_END').length;
const writesAt = (rig: Rig) =>
  rig.board.commands.filter((c) => c.name === 'FLASH_DEFL_BEGIN').map((c) => c.address);

describe('a build’s manifest is checked against its own partition table', () => {
  it('refuses a manifest whose model partition is not where the build’s table puts it, naming both', async () => {
    const rig = createRig();
    const m = rig.build.manifest;
    // The table the build ships says 0x100000; the manifest says 0x200000 (a 4 MB build, so M-11 holds).
    const builds = [
      { ...m.builds[0], flashSize: '4MB', modelPartition: { offset: 0x200000, size: 0x100000 } },
    ];
    const firmwareFor = manifestFirmware(parseManifest({ ...m, builds }), rig.build.fetchFile);
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor, confirm: false });
    expect(error.id).toBe('MODEL_PARTITION_MISMATCH');
    expect(error.message).toBe(
      'The firmware build for ESP32-C3 puts the model partition at 0x200000 (1048576 bytes) in its manifest, ' +
        'but at 0x100000 (1048576 bytes) in its own partition table (esp32c3/partition-table.bin).',
    );
    expect(writesAt(rig)).toEqual([]);
    expect(stubUploads(rig)).toBe(0);
  });
});

describe('a model-only update checks the firmware on the board first', () => {
  it('after a full flash cut off in the app, refuses the model-only write and offers "Flash everything"', async () => {
    const rig = createRig();
    rig.preflash(blob);
    // A full flash of a newer firmware, unplugged halfway through the app.
    const newer: FirmwareFor = async (chip, revision) => {
      const image = await rig.firmwareFor(chip, revision);
      return (
        image && {
          ...image,
          files: image.files.map((f) =>
            f.role === 'app' ? { ...f, data: placeholderImage(f.data.length, 99, 'newer') } : f,
          ),
        }
      );
    };
    let cut = false;
    const onProgress = (p: FlashProgress) => {
      const app = p.files.find((f) => f.role === 'app');
      if (!cut && app && app.sent > app.sendTotal / 2) {
        cut = true;
        rig.board.unplug();
      }
    };
    const first = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor: newer, onProgress });
    expect(first.id).toBe('UNPLUGGED');
    rig.board.plugIn();
    const before = rig.board.commands.length;
    const request: FlashRequest = {
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      firmwareFor: newer,
      confirm: false,
    };
    const error = await failure(request);
    expect(error.id).toBe('FIRMWARE_INCOMPLETE');
    expect(error.message).toContain('esp32c3/minnow.bin at 0x10000 differs from the shipped build v0.1.0');
    expect(offeredAction(error)).toBe('flash-everything');
    expect(rig.board.commands.slice(before).some((c) => c.name === 'FLASH_DEFL_BEGIN')).toBe(false);
    // The offered full flash repairs the board, after which a model-only update goes through.
    await flashBoard({ ...request, port: rig.port(), mode: 'full' });
    await flashBoard({ ...request, port: rig.port(), blob });
    expect(rig.board.flash.read(0x100000, blob.length)).toEqual(blob);
  });

  it('writes the model when the board holds the build’s firmware, comparing each region by MD5 only', async () => {
    const rig = createRig();
    rig.preflash(blob);
    const report = await flashBoard({
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      firmwareFor: rig.firmwareFor,
      confirm: false,
    });
    expect(report.written.map((r) => r.name)).toEqual(['model']);
    expect(writesAt(rig)).toEqual([0x100000]);
    // Bootloader, table and app: one MD5 each, no reads of their bytes.
    const md5s = rig.board.commands.filter((c) => c.name === 'SPI_FLASH_MD5').map((c) => c.address);
    expect(md5s.slice(0, 3)).toEqual([0x0, 0x8000, 0x10000]);
    expect(rig.board.commands.some((c) => c.name === 'READ_FLASH')).toBe(false);
  });
});

describe('a garbled digest is not a damaged board', () => {
  it('asks again when a firmware region’s MD5 reply arrives garbled, and writes the model', async () => {
    const rig = createRig();
    rig.preflash(blob);
    // The first MD5 (the bootloader's) arrives garbled (stub reply: 8-byte header, then the digest).
    rig.board.faults.add({ op: OP.SPI_FLASH_MD5, action: 'corrupt', byte: 8 });
    await flashBoard({
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      firmwareFor: rig.firmwareFor,
      confirm: false,
    });
    expect(rig.board.faults.hits).toBe(1);
    expect(rig.board.flash.read(0x100000, blobB.length)).toEqual(blobB);
  });
});

describe('refusals come from the board’s first answer, before the stub is uploaded', () => {
  const small: (rig: Rig) => FirmwareFor = (rig) => async (chip, revision) => {
    const image = await rig.firmwareFor(chip, revision);
    return image && { ...image, modelPartition: { offset: 0x100000, size: 0x1000 } };
  };
  const otherChip: (rig: Rig) => FirmwareFor = (rig) => async (chip, revision) => {
    const image = await rig.firmwareFor(chip, revision);
    const app = (d: Uint8Array) => placeholderImage(d.length, 3, 'x', 'esp32s3');
    return (
      image && {
        ...image,
        files: image.files.map((f) => (f.role === 'app' ? { ...f, data: app(f.data) } : f)),
      }
    );
  };
  const oldFirmware: (rig: Rig) => FirmwareFor = (rig) => async (chip, revision) => {
    const image = await rig.firmwareFor(chip, revision);
    return image && { ...image, blobVersions: [2] };
  };
  const cases: [string, FlashRequest['mode'], string, (rig: Rig) => Partial<FlashRequest>][] = [
    [
      'another chip (full)',
      'full',
      'CHIP_MISMATCH',
      (r) => ({ selectedChip: 'esp32s3', firmwareFor: r.firmwareFor }),
    ],
    ['another chip (model only)', 'model-only', 'CHIP_MISMATCH', () => ({ selectedChip: 'esp32s3' })],
    ['a model too large (full)', 'full', 'MODEL_TOO_LARGE', (r) => ({ firmwareFor: small(r) })],
    ['a model too large (model only)', 'model-only', 'MODEL_TOO_LARGE', (r) => ({ firmwareFor: small(r) })],
    ['an image for another chip', 'full', 'IMAGE_CHIP_MISMATCH', (r) => ({ firmwareFor: otherChip(r) })],
    [
      'a blob version the firmware cannot read',
      'full',
      'FIRMWARE_TOO_OLD',
      (r) => ({ firmwareFor: oldFirmware(r) }),
    ],
  ];
  for (const [what, mode, id, extra] of cases) {
    it(`${what}: ${id} with no stub upload`, async () => {
      const rig = createRig();
      rig.preflash(blob);
      const error = await failure({ port: rig.port(), blob, mode, ...extra(rig) });
      expect(error.id).toBe(id);
      expect(stubUploads(rig)).toBe(0);
      expect(rig.board.state).toBe('firmware');
    });
  }

  it('a flash that passes every check uploads the stub exactly once', async () => {
    const rig = createRig();
    await flashBoard({ port: rig.port(), blob, mode: 'full', firmwareFor: rig.firmwareFor, confirm: false });
    expect(stubUploads(rig)).toBe(1);
  });
});
