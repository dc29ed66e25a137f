import { describe, expect, it } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../core/blob/partition-table.ts';
import { parseManifest } from '../core/firmware/manifest.ts';
import { manifestFirmware, type FirmwareFor, type FirmwareImage } from './firmware-image.ts';
import { flashBoard } from './flasher.ts';
import { compileExample } from './testing/example-blob.ts';
import { placeholderImage } from './testing/placeholder-firmware.ts';
import { createRig, flashFailure as failure } from './testing/rig.ts';

const blob = compileExample(1).blob;
type Rig = ReturnType<typeof createRig>;

/** Nothing reached the board but detection: no stub upload (MEM_BEGIN), or no flash write at all. */
const stubSent = (rig: Rig) => rig.board.commands.some((c) => c.name === 'MEM_BEGIN');
const flashTouched = (rig: Rig) => rig.board.commands.some((c) => /^FLASH_(DEFL_)?BEGIN$/.test(c.name));

/** The rig's firmware with `patch` applied to the image. */
function patched(rig: Rig, patch: (image: FirmwareImage) => FirmwareImage): FirmwareFor {
  return async (chip, revision) => {
    const image = await rig.firmwareFor(chip, revision);
    return image && patch(image);
  };
}

/** The rig's manifest with its one build limited to `range` (M-6). */
function ranged(rig: Rig, ...ranges: { min: number; max: number }[]): FirmwareFor {
  const m = rig.build.manifest;
  const base = m.builds[0];
  const builds = ranges.map((chipRevision) => ({ ...base, chipRevision }));
  return manifestFirmware(parseManifest({ ...m, builds }), rig.build.fetchFile);
}

describe('checks before anything is written', () => {
  it('[M-17] refuses another chip on its first answer, before the stub is uploaded', async () => {
    const rig = createRig({ chip: 'esp32c6' });
    const error = await failure({ port: rig.port(), blob, mode: 'full', selectedChip: 'esp32c3' });
    expect(error.id).toBe('CHIP_MISMATCH');
    expect(stubSent(rig)).toBe(false);
    // Left running from flash, as before, not waiting in its ROM bootloader.
    expect(rig.board.state).not.toBe('rom');
  });

  it('[M-17] refuses a model larger than the build’s partition before the stub', async () => {
    const rig = createRig();
    const firmwareFor = patched(rig, (i) => ({ ...i, modelPartition: { offset: 0x100000, size: 0x1000 } }));
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.id).toBe('MODEL_TOO_LARGE');
    expect(stubSent(rig)).toBe(false);
  });

  it('[M-16] asks for the firmware of the revision the chip reports (ESP32-C3 v1.0 from its eFuses)', async () => {
    // esptool-js reads the C3's major version at EFUSE_BASE 0x60008800 + 0x44 + 4*5, bits 24–25.
    const rig = createRig({ registers: { [0x60008800 + 0x44 + 20]: 1 << 24 } });
    const asked: (number | undefined)[] = [];
    const firmwareFor = ranged(rig, { min: 0, max: 99 }, { min: 100, max: 65535 });
    const report = await flashBoard({
      port: rig.port(),
      blob,
      mode: 'full',
      firmwareFor: async (chip, revision) => (asked.push(revision), firmwareFor(chip, revision)),
    });
    expect(report.description).toMatch(/revision v1\.0/);
    expect(asked).toEqual([100]);
  });

  it('[M-16] reads the ESP32-C6 revision from eFuse BLOCK1 (v1.2), not the minor esptool-js prints', async () => {
    const rig = createRig({
      chip: 'esp32c6',
      registers: { [0x600b0800 + 0x44 + 12]: (1 << 22) | (2 << 18) },
    });
    const asked: (number | undefined)[] = [];
    await failure({
      port: rig.port(),
      blob,
      mode: 'full',
      firmwareFor: async (_, revision) => (asked.push(revision), undefined),
    });
    expect(asked).toEqual([102]);
  });

  it('[M-16] reads the ESP32 minor version from eFuse BLOCK0 beside the major esptool-js prints (v3.1)', async () => {
    // ESP32 rev 3: eFuse word 3 bit 15, word 5 bit 20, APB_CTL_DATE bit 31 (esptool-js targets/esp32.js);
    // WAFER_VERSION_MINOR = BLOCK0 bits 184–185, word 5 bits 24–25 (ESP-IDF esp32/esp_efuse_table.csv).
    const efuse = 0x3ff5a000;
    const registers = { [efuse + 12]: 1 << 15, [efuse + 20]: (1 << 20) | (1 << 24), [0x3ff6607c]: 2 ** 31 };
    const rig = createRig({ chip: 'esp32', registers });
    const asked: (number | undefined)[] = [];
    await failure({
      port: rig.port(),
      blob,
      mode: 'full',
      firmwareFor: async (_, revision) => (asked.push(revision), undefined),
    });
    expect(asked).toEqual([301]);
  });

  it('[M-16] refuses a chip revision no build serves, in plain words, before the stub', async () => {
    const rig = createRig();
    const firmwareFor = ranged(rig, { min: 300, max: 65535 });
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.id).toBe('NO_BUILD_FOR_REVISION');
    expect(error.message).toBe(
      'The board is an ESP32-C3 of chip revision v0.0; this Minnow has firmware for it only for v3.0 and later.',
    );
    expect(stubSent(rig)).toBe(false);
  });

  it('[M-17] refuses an image whose header names another chip', async () => {
    const rig = createRig();
    const firmwareFor = patched(rig, (i) => ({
      ...i,
      files: i.files.map((f) =>
        f.role === 'app' ? { ...f, data: placeholderImage(4096, 1, 'x', 'esp32p4') } : f,
      ),
    }));
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.id).toBe('IMAGE_CHIP_MISMATCH');
    expect(error.message).toBe(
      'The firmware file esp32c3/minnow.bin is built for ESP32-P4, but the board is an ESP32-C3.',
    );
    expect(stubSent(rig)).toBe(false);
  });

  it('[M-17] refuses a bootloader that is no ESP image', async () => {
    const rig = createRig();
    const firmwareFor = patched(rig, (i) => ({
      ...i,
      files: i.files.map((f) => (f.role === 'bootloader' ? { ...f, data: new Uint8Array(4096) } : f)),
    }));
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.id).toBe('FIRMWARE_FILE_INVALID');
    expect(error.message).toMatch(/magic byte 0xE9/);
  });

  it('[M-17] reads the flash size and refuses a 2 MB build on a 1 MB board before writing', async () => {
    const rig = createRig({ flashBytes: 0x100000 });
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor: rig.firmwareFor });
    expect(error.id).toBe('FLASH_TOO_SMALL');
    expect(error.message).toBe('This firmware build needs 2 MB of flash, but the board has 1 MB.');
    expect(flashTouched(rig)).toBe(false);
  });

  it('[M-17] refuses a user build made for more flash than the board has', async () => {
    const rig = createRig({ flashBytes: 0x200000 });
    const firmwareFor = patched(rig, (i) => ({ ...i, source: 'user', flashSize: '4MB' }));
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.message).toBe(
      'Your build (its flash size setting) needs 4 MB of flash, but the board has 2 MB.',
    );
    expect(flashTouched(rig)).toBe(false);
  });

  it('[M-17] refuses a layout that ends past the flash although the build claims it fits', async () => {
    const rig = createRig({ flashBytes: 0x200000 });
    const firmwareFor = patched(rig, (i) => ({ ...i, modelPartition: { offset: 0x1f0000, size: 0x100000 } }));
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.id).toBe('FLASH_TOO_SMALL');
    expect(error.message).toBe(
      'The model partition (ending at 0x2f0000) needs 2.94 MB of flash, but the board has 2 MB.',
    );
    expect(flashTouched(rig)).toBe(false);
  });

  it('says when the board then runs another firmware version than the one shipped, and offers the fix', async () => {
    const rig = createRig();
    const firmwareFor = patched(rig, (i) => ({ ...i, version: '0.2.0', flavour: 'bare-metal' }));
    const error = await failure({ port: rig.port(), blob, mode: 'full', firmwareFor });
    expect(error.id).toBe('FIRMWARE_DIFFERS');
    expect(error.message).toBe(
      'The board runs firmware v0.1.0 (esp-idf), not firmware v0.2.0 (bare-metal) as this Minnow ships it.',
    );
    expect(error.hint).toMatch(/Flash "Firmware and model"/);
  });

  it('[M-9] writes a bare-metal build: its image at 0x0, its partition table at 0x8000, the model', async () => {
    const rig = createRig();
    const image = placeholderImage(0x6000, 9, 'bare', 'esp32c3');
    const table = buildPartitionTable(modelPartitions());
    const bare: FirmwareImage = {
      chip: 'esp32c3',
      source: 'manifest',
      flavour: 'bare-metal',
      flashSize: '2MB',
      files: [
        { role: 'image', name: 'esp32c3-bare/minnow.bin', offset: 0, data: image },
        { role: 'partition-table', name: 'esp32c3-bare/partition-table.bin', offset: 0x8000, data: table },
      ],
      modelPartition: { offset: 0x100000, size: 0x100000 },
    };
    // Only a real board (or the ROM load-path emulator of the bare-metal writer) proves the image boots.
    await flashBoard({ port: rig.port(), blob, mode: 'full', firmwareFor: async () => bare, confirm: false });
    expect(rig.board.flash.read(0, image.length)).toEqual(image);
    expect(rig.board.flash.read(0x8000, table.length)).toEqual(table);
    expect(rig.board.flash.read(0x100000, blob.length)).toEqual(blob);
  });
});
