import { describe, expect, it } from 'vitest';
import type { FlashProgress } from './flash-progress.ts';
import { flashBoard } from './flasher.ts';
import { compileExample } from './testing/example-blob.ts';
import { OP } from './testing/rom-packets.ts';
import { createRig, flashFailure as failure } from './testing/rig.ts';

const blobA = compileExample(1).blob;
const blobB = compileExample(2).blob;

/** GET_SECURITY_INFO's reply: 8-byte header, then flags (4), crypt count (1), key purposes (7), chip id. */
const CHIP_ID_BYTE = 8 + 12;
/** The first byte of an entry's offset field in the second partition table entry (32 bytes an entry). */
const TABLE_ENTRY_1_OFFSET = 32 + 4;

describe('a lost or garbled reply is named as such, and where it happened', () => {
  it('a lost reply to the model write’s begin: "writing model", partly erased, the firmware intact', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    rig.board.faults.add({ op: OP.FLASH_DEFL_BEGIN, action: 'drop' });
    const states: string[] = [];
    let beginsWhenWriting: number | undefined;
    const onProgress = (p: FlashProgress) => {
      const state = p.files.find((f) => f.role === 'model')?.state;
      if (!state || states.at(-1) === state) return;
      states.push(state);
      if (state === 'writing')
        beginsWhenWriting = rig.board.commands.filter((c) => c.name === 'FLASH_DEFL_BEGIN').length;
    };
    const error = await failure({ port: rig.port(), blob: blobB, mode: 'model-only', onProgress });
    expect(error.id).toBe('WRITE_FAILED');
    expect(error.message).toMatch(
      /^Writing model at 0x100000 did not complete \(.+\); that region may be partly erased\.$/,
    );
    expect(error.hint).toMatch(/bootloader and the firmware are intact: the board still boots/);
    expect(error.hint).toMatch(/Flash again: a one-off transfer error does not come back/);
    // "writing" from the moment the write is requested, before the begin command reaches the board.
    expect(beginsWhenWriting).toBe(0);
    expect(states.slice(-2)).toEqual(['writing', 'failed']);
    expect(rig.board.state).toBe('firmware');
  });

  it('blocks garbled on their way to the board (bad checksum): retry first, the cable only if it repeats', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    // One garbled block: esptool-js sends it again and the write goes through.
    rig.board.faults.add({ op: OP.FLASH_DEFL_DATA, action: 'corrupt-request' });
    await flashBoard({ port: rig.port(), blob: blobB, mode: 'model-only', confirm: false });
    expect(rig.board.commands.filter((c) => c.error === 'bad checksum')).toHaveLength(1);
    expect(rig.board.flash.read(0x100000, blobB.length)).toEqual(blobB);
    // Every block garbled: esptool-js gives up after its own attempts at the first one.
    rig.board.faults.add({ op: OP.FLASH_DEFL_DATA, action: 'corrupt-request', times: Infinity });
    const error = await failure({ port: rig.port(), blob: blobA, mode: 'model-only' });
    expect(error.id).toBe('WRITE_FAILED');
    expect(error.message).toMatch(
      /^Writing model at 0x100000 did not complete \(.*failed with status 1,193\)/,
    );
    expect(error.hint).toMatch(
      /still boots.*Flash again: a one-off transfer error does not come back\. Only if it repeats, use a shorter/,
    );
  });

  it('one garbled reply while identifying the chip: identified again from the reset, and the flash goes on', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    rig.board.faults.add({ op: OP.GET_SECURITY_INFO, action: 'corrupt', byte: CHIP_ID_BYTE });
    const lines: string[] = [];
    const report = await flashBoard({
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      confirm: false,
      log: (l) => lines.push(l),
    });
    expect(rig.board.faults.hits).toBe(1);
    expect(report.chip).toBe('esp32c3');
    expect(lines.join('\n')).toMatch(
      /Identifying the chip failed \(Unexpected chip ID value 80.*trying again/,
    );
    expect(rig.board.flash.read(0x100000, blobB.length)).toEqual(blobB);
  });

  it(
    'identification lost every time: gives up with a transfer error and leaves the board in its firmware',
    { timeout: 30_000 },
    async () => {
      const rig = createRig();
      rig.preflash(blobA);
      // Every register read (the chip's description, from its eFuses) goes unanswered.
      rig.board.faults.add({ op: OP.READ_REG, action: 'drop', times: Infinity });
      const error = await failure({ port: rig.port(), blob: blobB, mode: 'model-only' });
      expect(error.id).toBe('TRANSFER_FAILED');
      expect(error.message).toMatch(/while connecting to the bootloader: Serial data stream stopped/);
      expect(error.hint).toBe(
        'Nothing was written: the board is unchanged. Try again: a one-off transfer error does not come back. Only if it repeats, use a shorter or better USB cable, or a lower baud rate.',
      );
      expect(rig.board.commands.filter((c) => c.name === 'SYNC').length).toBeGreaterThanOrEqual(3);
      expect(rig.board.state).toBe('firmware');
    },
  );

  it('the same unknown chip id three times is a chip esptool-js does not know, not a transfer error', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    rig.board.faults.add({
      op: OP.GET_SECURITY_INFO,
      action: 'corrupt',
      byte: CHIP_ID_BYTE,
      times: Infinity,
    });
    const error = await failure({ port: rig.port(), blob: blobB, mode: 'model-only' });
    expect(error.id).toBe('FLASH_FAILED');
    expect(error.message).toMatch(/the same chip identification 3 times.*Unexpected chip ID value 80/);
    expect(rig.board.faults.hits).toBe(3);
    expect(rig.board.state).toBe('firmware');
  });

  it('a partition table garbled on its way back is read again, not blamed on the build', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    rig.board.faults.add({ op: OP.READ_FLASH, action: 'corrupt', packet: 1, byte: TABLE_ENTRY_1_OFFSET });
    await flashBoard({ port: rig.port(), blob: blobB, mode: 'model-only', confirm: false });
    expect(rig.board.faults.hits).toBe(1);
    expect(rig.board.flash.read(0x100000, blobB.length)).toEqual(blobB);
  });

  it('a partition table that never reads back intact is a transfer error: retry, not the build', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    const fault = {
      op: OP.READ_FLASH,
      action: 'corrupt',
      packet: 1,
      byte: TABLE_ENTRY_1_OFFSET,
      times: Infinity,
    } as const;
    rig.board.faults.add(fault);
    const error = await failure({ port: rig.port(), blob: blobB, mode: 'model-only' });
    expect(error.id).toBe('TRANSFER_FAILED');
    expect(error.message).toMatch(/reading 3072 bytes at 0x8000/);
    expect(error.hint).toMatch(/^Nothing was written.*Try again/);
    expect(error.hint).not.toMatch(/build/);
  });

  it('a garbled MD5 reply after a good write: the flash is found to hold the model, no cable advice', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    let armed = false;
    const onProgress = (p: FlashProgress) => {
      if (armed || !p.files.some((f) => f.state === 'writing')) return;
      armed = true;
      // The next MD5 is the check after the write (stub reply: 8-byte header, then the digest).
      rig.board.faults.add({ op: OP.SPI_FLASH_MD5, action: 'corrupt', byte: 8 });
    };
    const report = await flashBoard({
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      confirm: false,
      onProgress,
    });
    expect(rig.board.faults.hits).toBe(1);
    expect(report.written.map((r) => r.name)).toEqual(['model']);
    expect(rig.board.commands.filter((c) => c.name === 'FLASH_DEFL_BEGIN')).toHaveLength(1);
  });
});
