import { describe, expect, it } from 'vitest';
import imuSpec from '../../examples/imu-conv1d.json';
import { readBlob } from '../core/blob/reader.ts';
import type { TensorEntry } from '../core/blob/types.ts';
import type { MinnowError } from '../core/errors.ts';
import { ForwarderFeed } from './forwarder-feed.ts';
import { liveLoop } from './live-loop.ts';
import { liveTest, liveWindow, type LiveResult } from './live-test.ts';
import { compileExample } from './testing/example-blob.ts';
import { boardClients } from './testing/client-rig.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';

const imu = compileExample(3, imuSpec);
const input = (blob: Uint8Array) => {
  const b = readBlob(blob);
  return b.tensors[b.header.inputTensor] as TensorEntry;
};

describe('the live window', () => {
  it('[S-16] is the latest samples, row by row, as many as the model input holds', () => {
    const tensor = { ...input(imu.blob), shape: [3, 2] };
    const samples = [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ];
    expect(Array.from(liveWindow(tensor, samples))).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('[S-16] too few samples, or samples that do not divide the input, are E557', () => {
    const tensor = { ...input(imu.blob), shape: [128, 6] };
    const fail = (samples: number[][]) => {
      try {
        liveWindow(tensor, samples);
      } catch (e) {
        return e as MinnowError;
      }
      return expect.unreachable('accepted');
    };
    expect(fail([[1, 2, 3, 4, 5, 6]]).message).toMatch(/has 1 samples; the model input \[128, 6\] needs 128/);
    expect(fail([[1, 2, 3, 4, 5]]).code).toBe(557);
    expect(fail([]).code).toBe(557);
  });
});

const binary = findVirtualBoard();
const clientFor = boardClients();

describe.skipIf(!binary)(
  `live test on the virtual board${binary ? '' : ` — ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    it('[S-16] the board predicts the live sensor window exactly as the browser does, with its latency', async () => {
      const client = await clientFor(virtualBoardFirmware(), imu.blob);
      const info = await client.info();
      const feed = new ForwarderFeed();
      // 128 samples of the simulated sensor at 1 kHz, through the same stream the Board tab records from.
      feed.startImu(client, {
        rateHz: 1000,
        samples: 140,
        address: 0x68,
        accelRange: 0,
        gyroRange: 0,
        sdaGpio: 8,
        sclGpio: 9,
      });
      await new Promise<void>((resolve) => feed.subscribe(() => !feed.getState().running && resolve()));
      const window = feed.recent(128);
      expect(window).toHaveLength(128);
      const result = await liveTest(client, imu.blob, window, info);
      expect(result.identical).toBe(true);
      expect(result.board.best).toBe(result.browser.best);
      expect(result.board.scores).toEqual(result.browser.scores);
      expect(result.browser.scores).toHaveLength(5);
      // The virtual board counts nanoseconds: its latency is its cycle count in ms.
      expect(result.board.latencyMs).toBeCloseTo(result.board.cycles / 1e6, 9);
    });
  },
);

describe.skipIf(!binary)(
  `the live loop on the virtual board${binary ? '' : ` — ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    it('[S-17] classifies one fresh sensor window after another until stopped, board and browser alike', async () => {
      const client = await clientFor(virtualBoardFirmware(), imu.blob);
      const results: LiveResult[] = [];
      const stop = new AbortController();
      const request = { rateHz: 1000, samples: 0, address: 0x68, accelRange: 0, gyroRange: 0 };
      await liveLoop(
        client,
        imu.blob,
        { ...request, sdaGpio: 8, sclGpio: 9 },
        128,
        (r) => {
          results.push(r);
          if (results.length === 3) stop.abort();
        },
        stop.signal,
      );
      expect(results).toHaveLength(3);
      for (const r of results) expect(r.identical).toBe(true);
      // Each window starts the simulated motion again (S-15: the count restarts when the sensor is configured),
      // so every window is the same 128 samples and every answer the same.
      expect(new Set(results.map((r) => r.board.scores.join()))).toHaveProperty('size', 1);
    });
  },
);
