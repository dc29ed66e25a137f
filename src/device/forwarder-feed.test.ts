import { describe, expect, it } from 'vitest';
import { imuWindows } from '../train/datasets/imu.ts';
import { ForwarderFeed, type ByteSource } from './forwarder-feed.ts';
import { boardClients } from './testing/client-rig.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';

/** A console whose bytes and loss the test drives. */
function fakeConsole() {
  const data = new Set<(b: Uint8Array) => void>();
  const lost = new Set<() => void>();
  const source: ByteSource = {
    onData: (l) => (data.add(l), () => data.delete(l)),
    onLost: (l) => (lost.add(l), () => lost.delete(l)),
  };
  return {
    source,
    print: (text: string) => data.forEach((l) => l(new TextEncoder().encode(text))),
    unplug: () => lost.forEach((l) => l()),
    listeners: () => data.size + lost.size,
  };
}

const line = (i: number) => `${i},${i + 1},${i + 2},${-i},0.5,1e-3\r\n`;

describe('the data forwarder feed', () => {
  it('[S-7] records printed lines as labelled recordings at the measured rate, with ax…gz by default', () => {
    let now = 0;
    const feed = new ForwarderFeed(() => now);
    const board = fakeConsole();
    feed.startLines(board.source);
    board.print('partial,line\r\n' + line(0) + line(1) + line(2) + 'Guru Meditation Error\r\n');
    expect(feed.getState()).toMatchObject({ running: 'lines', samples: 1, bad: 1 });
    expect(feed.getState().channels).toEqual(['ax', 'ay', 'az', 'gx', 'gy', 'gz']);
    feed.record('circle');
    for (let i = 0; i < 100; i++) {
      now += 20;
      board.print(line(i));
    }
    feed.stopRecording();
    const [rec] = feed.getState().recordings;
    expect(rec?.label).toBe('circle');
    expect(rec?.samples).toHaveLength(100);
    expect(rec?.rateHz).toBeCloseTo(50, 6);
    expect(feed.getState().rateHz).toBeCloseTo(50, 6);
    const loaded = imuWindows(feed.csv(), 'forwarded.csv', { steps: 32 });
    expect(loaded.dataset.count).toBe(5); // starts 0, 16, 32, 48, 64
  });

  it('[S-8] an unplugged board ends the feed, keeps the recording and says so plainly', () => {
    const feed = new ForwarderFeed(() => 0);
    const board = fakeConsole();
    feed.startLines(board.source);
    board.print('x\n' + line(0) + line(0) + line(0));
    feed.record('shake');
    board.print(line(1) + line(2));
    board.unplug();
    const state = feed.getState();
    expect(state.running).toBeUndefined();
    expect(state.recordings[0]?.samples).toHaveLength(2);
    expect(state.notice?.code).toBe(555);
    expect(state.notice?.message).toMatch(/the 2 samples of "shake" recorded so far are kept/);
    expect(board.listeners()).toBe(0);
  });

  it('[S-5] channel names a person types are checked before they are taken', () => {
    const feed = new ForwarderFeed();
    expect(() => feed.setChannels(['ax', 'label'])).toThrow(/kept for the time or label column/);
    feed.setChannels(['x', 'y']);
    expect(feed.getState().channels).toEqual(['x', 'y']);
  });

  it('[S-5] once the board has fixed its channel count, names must match it (E558), so no column is dropped', () => {
    const feed = new ForwarderFeed(() => 0);
    const board = fakeConsole();
    feed.startLines(board.source);
    board.print('x\n1,2\n3,4\n5,6\n');
    expect(() => feed.setChannels(['a', 'b', 'c'])).toThrow(/sends 2 values a line, but 3 channel names/);
    feed.setChannels(['left', 'right']);
    board.print('7,8\n');
    expect(feed.getState().channels).toEqual(['left', 'right']);
  });
});

const binary = findVirtualBoard();
const clientFor = boardClients();

describe.skipIf(!binary)(
  `the feed from the virtual board${binary ? '' : ` — ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    it('[S-9] the Minnow imu stream feeds recordings in g and °/s at the rate set', async () => {
      const client = await clientFor(virtualBoardFirmware());
      const feed = new ForwarderFeed();
      feed.record('sim');
      const request = { rateHz: 100, samples: 0, address: 0x68, accelRange: 0, gyroRange: 0 };
      feed.startImu(client, { ...request, sdaGpio: 8, sclGpio: 9 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await feed.stopSource();
      const rec = feed.getState().recordings[0];
      expect(rec?.rateHz).toBe(100);
      expect(rec?.samples.length).toBeGreaterThan(10);
      // Sample 1 of the simulated motion: tri = 1 → ax = −1920 counts = −0.1171875 g at ±2 g, gx = −15·131 counts
      // = −15 °/s at ±250 °/s.
      expect(rec?.samples[1]).toEqual([-1920 / 16384, 1984 / 16384, 16352 / 16384, -15, 5, 10 / 131]);
      expect(feed.getState().running).toBeUndefined();
    });
  },
);
