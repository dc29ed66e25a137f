import { describe, expect, it } from 'vitest';
import { readBlob } from '../core/blob/reader.ts';
import { generateGreedy } from '../core/reference/generate.ts';
import { prepare } from '../core/reference/interpreter.ts';
import { DeviceSession } from './session.ts';
import { quantizeInput } from './validate.ts';
import { compileExample, compileTokenExample } from './testing/example-blob.ts';
import { createRig, fakeSerial } from './testing/rig.ts';
import { scriptedFirmware, silentFirmware } from './testing/scripted-firmware.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';

const a = compileExample(6);
const b = compileExample(7);

describe('DeviceSession', () => {
  it('suggests a full flash when no Minnow firmware answers, and model-only once it does', async () => {
    const rig = createRig({ firmware: silentFirmware });
    rig.preflash();
    const session = new DeviceSession(fakeSerial(() => rig.port()));
    await session.choosePort();
    expect(session.getState()).toMatchObject({
      status: 'ready',
      suggestedMode: 'full',
      port: { bridge: 'Silicon Labs CP210x' },
    });
    expect(session.getState().log).toMatch(/No Minnow firmware answered/);
    await session.disconnect();
  });

  it('a cancelled port picker is a plain coded error', async () => {
    const session = new DeviceSession(fakeSerial(() => undefined));
    await session.choosePort();
    expect(session.getState()).toMatchObject({ status: 'idle', error: { id: 'NO_PORT_CHOSEN' } });
  });

  it('refuses a model-only flash when the firmware cannot read the blob version', async () => {
    const rig = createRig({
      firmware: scriptedFirmware({ firmwareVersion: '0.0.9', blobVersions: { min: 0, max: 0 } }),
    });
    rig.preflash(a.blob);
    const session = new DeviceSession(fakeSerial(() => rig.port()));
    await session.choosePort();
    expect(session.getState().suggestedMode).toBe('model-only');
    const mark = rig.board.commands.length;
    await session.flash(b.blob, { mode: 'model-only' });
    expect(session.getState().error?.message).toBe(
      'The firmware on the board (v0.0.9) reads model blob versions 0 to 0; this model is version 1.',
    );
    expect(rig.board.commands.length).toBe(mark);
    await session.disconnect();
  });

  it('a model-only flash refused for damaged firmware turns the proposed mode to a full flash', async () => {
    const rig = createRig();
    rig.preflash(a.blob);
    const session = new DeviceSession(fakeSerial(() => rig.port()));
    await session.choosePort();
    expect(session.getState().suggestedMode).toBe('model-only');
    // The app region's last sector lost (an interrupted write): the firmware still answers from its start.
    rig.board.flash.erase(0x10000 + 0x30000, 0x1000);
    await session.flash(b.blob, { mode: 'model-only', firmwareFor: rig.firmwareFor, confirm: false });
    expect(session.getState()).toMatchObject({
      status: 'ready',
      suggestedMode: 'full',
      error: { id: 'FIRMWARE_INCOMPLETE' },
    });
    await session.disconnect();
  });

  it.skipIf(!findVirtualBoard())(
    `flashes the model, then runs a sample and validates on the board${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
    async () => {
      const rig = createRig({ firmware: virtualBoardFirmware() });
      rig.preflash(a.blob);
      const session = new DeviceSession(fakeSerial(() => rig.port()));
      await session.choosePort();
      expect(session.getState().info?.model?.name).toBe('mnist-mlp');
      await session.flash(b.blob, { mode: session.getState().suggestedMode });
      const state = session.getState();
      expect(state.error).toBe(undefined);
      expect(state.lastFlash?.written.map((r) => r.role)).toEqual(['model']);
      expect(state.info?.model?.crc).toBe(readBlob(b.blob).header.crc);
      const blob = readBlob(b.blob);
      await session.runSample(quantizeInput(blob, b.samples[0] as Float32Array));
      expect(session.getState().lastRun?.output).toHaveLength(10);
      await session.validate(
        b.blob,
        b.samples.map((s) => ({ input: quantizeInput(blob, s) })),
      );
      expect(session.getState().validation?.report?.agreementPercent).toBe(100);
      await session.disconnect();
    },
  );

  it.skipIf(!findVirtualBoard())(
    `generates on the board, the tokens appearing in its state one by one${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
    async () => {
      const lm = compileTokenExample(3);
      const rig = createRig({ firmware: virtualBoardFirmware() });
      rig.preflash(lm.blob);
      const session = new DeviceSession(fakeSerial(() => rig.port()));
      await session.choosePort();
      const seen: number[] = [];
      const stop = session.subscribe(() => {
        const g = session.getState().generation;
        if (g && !g.outcome && g.tokens.length !== (seen.at(-1) ?? 0)) seen.push(g.tokens.length);
      });
      await session.generate([72, 105], 12);
      stop();
      const program = prepare(readBlob(lm.blob));
      const expected = generateGreedy(program, new Uint8Array(program.blob.header.arenaSize), [72, 105], 12);
      const state = session.getState();
      expect(state.error).toBe(undefined);
      expect(state.status).toBe('ready');
      expect(state.generation?.outcome?.tokens).toEqual(expected);
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      await session.generate([], 4);
      expect(session.getState().error?.id).toBe('GENERATE_REQUEST');
      await session.disconnect();
    },
  );
});
