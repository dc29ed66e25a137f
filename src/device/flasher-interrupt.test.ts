import { describe, expect, it } from 'vitest';
import type { FlashProgress } from './flash-progress.ts';
import { BoardClient } from './board-client.ts';
import { SerialChannel } from './serial-channel.ts';
import { compileExample } from './testing/example-blob.ts';
import { createRig, flashFailure as failure } from './testing/rig.ts';

const blobA = compileExample(1).blob;
const blobB = compileExample(2).blob;

/** Calls `act` once, when the first region starts writing. */
function onFirstWrite(act: () => void): (p: FlashProgress) => void {
  let done = false;
  return (p) => {
    if (!done && p.files.some((f) => f.state === 'writing')) {
      done = true;
      act();
    }
  };
}

describe('an interrupted flash says how the board is left', () => {
  it('unplugged during a model-only write: the board still boots and says it has no valid model', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    const error = await failure({
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      onProgress: onFirstWrite(() => rig.board.unplugAfter(40_000)),
    });
    expect(error.id).toBe('UNPLUGGED');
    expect(error.hint).toMatch(/bootloader and the firmware are intact: the board still boots/);
    rig.board.plugIn();
    expect(rig.board.state).toBe('firmware');
    const channel = await SerialChannel.open(rig.port());
    const info = await new BoardClient(channel).info();
    await channel.close();
    expect(info.model).toBe(undefined);
    expect(info.modelStatus).toBeGreaterThanOrEqual(300);
  });

  it('unplugged during a full write: says the firmware may be incomplete and to flash it again', async () => {
    const rig = createRig();
    const error = await failure({
      port: rig.port(),
      blob: blobA,
      mode: 'full',
      firmwareFor: rig.firmwareFor,
      onProgress: onFirstWrite(() => rig.board.unplugAfter(5_000)),
    });
    expect(error.id).toBe('UNPLUGGED');
    expect(error.hint).toMatch(/firmware may be incomplete.*Flash the full firmware again/);
  });

  it('cancel stops between blocks and leaves the board running its firmware', async () => {
    const rig = createRig();
    rig.preflash(blobA);
    const abort = new AbortController();
    const error = await failure({
      port: rig.port(),
      blob: blobB,
      mode: 'model-only',
      signal: abort.signal,
      onProgress: onFirstWrite(() => abort.abort()),
    });
    expect(error.id).toBe('FLASH_CANCELLED');
    expect(error.hint).toMatch(/still boots/);
    expect(rig.board.state).toBe('firmware');
  });
});
