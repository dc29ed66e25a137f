import { describe, expect, it } from 'vitest';
import { compileExample } from './testing/example-blob.ts';
import { createRig, flashFailure as failure } from './testing/rig.ts';

const blobA = compileExample(1).blob;
const blobB = compileExample(2).blob;

describe('flashing errors, each with its fix', () => {
  it('refuses a board whose chip differs from the selected one', async () => {
    const rig = createRig({ chip: 'esp32' });
    const error = await failure({
      port: rig.port(),
      blob: blobA,
      mode: 'full',
      selectedChip: 'esp32c3',
      firmwareFor: rig.firmwareFor,
    });
    expect(error.id).toBe('CHIP_MISMATCH');
    expect(error.message).toBe('The board is an ESP32, but the project is set up for ESP32-C3.');
    expect(rig.board.commands.some((c) => c.name.startsWith('FLASH'))).toBe(false);
  });

  it('refuses a model larger than its partition before writing anything', async () => {
    const rig = createRig();
    const firmwareFor = async (chip: string) => {
      const image = await rig.firmwareFor(chip, undefined);
      return image && { ...image, modelPartition: { offset: 0x100000, size: 0x1000 } };
    };
    const error = await failure({ port: rig.port(), blob: blobA, mode: 'full', firmwareFor });
    expect(error.id).toBe('MODEL_TOO_LARGE');
    expect(error.message).toContain(`${blobA.length} bytes`);
    expect(rig.board.commands.some((c) => c.name.startsWith('FLASH'))).toBe(false);
  });

  it('model only on a board without the Minnow partition table: flash the full firmware first', async () => {
    const rig = createRig();
    const error = await failure({ port: rig.port(), blob: blobA, mode: 'model-only' });
    expect(error.id).toBe('NO_MODEL_PARTITION');
    expect(error.hint).toMatch(/Flash the full Minnow firmware first/);
  });

  it('says plainly when this build has no firmware for the chip', async () => {
    const rig = createRig({ chip: 'esp32s3' });
    const error = await failure({
      port: rig.port(),
      blob: blobA,
      mode: 'full',
      firmwareFor: async () => undefined,
    });
    expect(error.id).toBe('NO_FIRMWARE_BUILD');
    expect(error.message).toBe('This Minnow has no firmware build for ESP32-S3.');
    expect(error.hint).toMatch(/Use my own firmware build.*Model only/);
  });

  it('refuses firmware that cannot read the blob version', async () => {
    const rig = createRig();
    const firmwareFor = async (chip: string) => {
      const image = await rig.firmwareFor(chip, undefined);
      return image && { ...image, blobVersions: [2] };
    };
    const error = await failure({ port: rig.port(), blob: blobA, mode: 'full', firmwareFor });
    expect(error.id).toBe('FIRMWARE_TOO_OLD');
  });

  it('a bit wrong at the same address after two writes: the flash may be worn there, not the cable', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    const stuck = 0x100000 + blobB.findIndex((b, i) => i > 64 && (b & 1) === 1);
    rig.board.flash.stuckBit = stuck;
    const error = await failure({ port: rig.port(), blob: blobB, mode: 'model-only' });
    expect(error.id).toBe('FLASH_WORN');
    expect(error.message).toContain(`the flash at 0x${stuck.toString(16)} does not hold what was sent`);
    expect(error.message).toContain('model');
    expect(error.hint).toMatch(/cable is not the cause/);
    // Written twice, the second time only after the first difference was located.
    expect(rig.board.commands.filter((c) => c.name === 'FLASH_DEFL_BEGIN')).toHaveLength(2);
  });

  it('port busy and permission denied', async () => {
    const rig = createRig();
    expect(
      (await failure({ port: rig.port({ openError: 'busy' }), blob: blobA, mode: 'model-only' })).id,
    ).toBe('PORT_BUSY');
    expect(
      (await failure({ port: rig.port({ openError: 'denied' }), blob: blobA, mode: 'model-only' })).id,
    ).toBe('PORT_DENIED');
  });

  it(
    'no sync when the board does not enter its bootloader: hold BOOT, press EN',
    { timeout: 30_000 },
    async () => {
      const rig = createRig({ autoReset: false });
      const error = await failure({ port: rig.port(), blob: blobA, mode: 'model-only' });
      expect(error.id).toBe('NO_SYNC');
      expect(error.hint).toMatch(/Hold the BOOT button, press and release EN/);
    },
  );
});
