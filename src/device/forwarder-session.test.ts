import { describe, expect, it } from 'vitest';
import { ForwarderFeed } from './forwarder-feed.ts';
import { DeviceSession } from './session.ts';
import type { FirmwareFactory } from './testing/flash-boot.ts';
import { createRig, fakeSerial } from './testing/rig.ts';

/** Any sketch: a boot line, then three numbers a line every 5 ms, the way Serial.println loops print them. */
const printingSketch: FirmwareFactory = ({ output }) => {
  let i = 0;
  output(new TextEncoder().encode('sketch booting...\r\n'));
  const timer = setInterval(() => output(new TextEncoder().encode(`${i++},${2 * i},-1.5\r\n`)), 5);
  return { write: () => undefined, stop: () => clearInterval(timer) };
};

describe('the forwarder on the Board tab session', () => {
  it('[S-8] records a sketch through the open console; unplugging keeps the recording and says so', async () => {
    const rig = createRig({ firmware: printingSketch });
    rig.preflash();
    const session = new DeviceSession(fakeSerial(() => rig.port()));
    await session.choosePort();
    const feed = new ForwarderFeed();
    feed.startLines(session.bytes);
    feed.record('tap');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = feed.getState().recording?.samples ?? 0;
    expect(before).toBeGreaterThan(5);
    rig.board.unplug();
    await expect.poll(() => feed.getState().running).toBeUndefined();
    const state = feed.getState();
    expect(state.notice?.code).toBe(555);
    const kept = state.recordings[0]?.samples ?? [];
    expect(kept.length).toBeGreaterThanOrEqual(before);
    expect(state.notice?.message).toContain(`the ${kept.length} samples of "tap" recorded so far are kept`);
    // Each kept sample is a whole line of the sketch: i, 2·(i+1), −1.5.
    for (const [a, b, c] of kept) expect([b, c]).toEqual([2 * ((a as number) + 1), -1.5]);
    expect(state.channels).toEqual(['c1', 'c2', 'c3']);
  });
});
