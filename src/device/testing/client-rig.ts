import { afterEach } from 'vitest';
import { BoardClient } from '../board-client.ts';
import { SerialChannel } from '../serial-channel.ts';
import type { FirmwareFactory } from './flash-boot.ts';
import { createRig } from './rig.ts';

/**
 * Board clients over emulated boards running `firmware` (with `blob` already in their model partition);
 * every channel opened is closed after each test.
 */
export function boardClients(): (firmware: FirmwareFactory, blob?: Uint8Array) => Promise<BoardClient> {
  const open: SerialChannel[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  return async (firmware, blob) => {
    const rig = createRig({ firmware });
    rig.preflash(blob);
    const channel = await SerialChannel.open(rig.port());
    open.push(channel);
    return new BoardClient(channel, 1500);
  };
}
