import { describe, expect, it } from 'vitest';
import type { MinnowError } from '../core/errors.ts';
import type { ImuRequest } from '../core/protocol/index.ts';
import { streamImu } from './imu-stream.ts';
import { boardClients } from './testing/client-rig.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';

const binary = findVirtualBoard();
const clientFor = boardClients();

/** The simulated MPU-6050's motion as firmware-template/host/sim/mpu6050_sim.c documents it. */
function simulated(k: number): number[] {
  const p = k % 64;
  const tri = p <= 32 ? p : 64 - p;
  return [128 * tri - 2048, 2048 - 64 * tri, 16384 - 32 * tri, 131 * (tri - 16), 655, k % 2 ? 10 : -10];
}

const request = (change: Partial<ImuRequest> = {}): ImuRequest => ({
  rateHz: 50,
  samples: 25,
  address: 0x68,
  accelRange: 0,
  gyroRange: 0,
  sdaGpio: 8,
  sclGpio: 9,
  ...change,
});

describe.skipIf(!binary)(
  `imu on the virtual board process${binary ? '' : ` — skipped: ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    it('[P-19] streams the simulated sensor sample by sample at the set rate, then the final imu', async () => {
      const client = await clientFor(virtualBoardFirmware());
      const samples: number[][] = [];
      const stamps: [number, number][] = [];
      const started = performance.now();
      const end = await streamImu(client, request(), (b) => {
        stamps.push([b.first, b.micros]);
        samples.push(...b.samples.map((s) => [...s]));
      }).done;
      const wallMs = performance.now() - started;
      expect(samples).toEqual(Array.from({ length: 25 }, (_, k) => simulated(k)));
      expect(end.samples).toBe(25);
      // 50 Hz: sample k is due 20 ms · k after the first read and never read early. With no late sample
      // (a loaded machine may stall the process), each is read within its period.
      const slack = end.late === 0 ? 20_000 : Infinity;
      expect(end.elapsedUs).toBeGreaterThanOrEqual(24 * 20_000);
      expect(end.elapsedUs).toBeLessThan(24 * 20_000 + slack);
      expect(wallMs).toBeGreaterThan(400);
      const [, t0] = stamps[0] as [number, number];
      for (const [first, micros] of stamps) {
        expect(micros - t0).toBeGreaterThanOrEqual(first * 20_000);
        expect(micros - t0).toBeLessThan(first * 20_000 + slack);
      }
    });

    it('[P-19] stop ends an endless stream with every sample taken delivered', async () => {
      const client = await clientFor(virtualBoardFirmware());
      let count = 0;
      const stream = streamImu(client, request({ rateHz: 200, samples: 0 }), (b) => {
        count += b.samples.length;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const end = await stream.stop();
      expect(end.samples).toBe(count);
      expect(count).toBeGreaterThan(0);
      // The board serves requests again.
      expect((await client.info()).chip).toBeTruthy();
    });

    it('[P-19] any other request ends the stream first, then runs', async () => {
      const client = await clientFor(virtualBoardFirmware());
      let count = 0;
      const stream = streamImu(client, request({ rateHz: 100, samples: 0 }), (b) => {
        count += b.samples.length;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const info = await client.info();
      expect(info.chip).toBeTruthy();
      expect((await stream.done).samples).toBe(count);
    });

    it('[P-19] no sensor at the address is E407 from the board, with the fix in its hint', async () => {
      const client = await clientFor(virtualBoardFirmware());
      const e = await streamImu(client, request({ address: 0x69 }), () => undefined).done.then(
        () => expect.unreachable('it streamed'),
        (err: unknown) => err as MinnowError,
      );
      expect(e.id).toBe('BOARD_ERROR');
      expect(e.details.code).toBe(407);
      expect(e.hint).toMatch(/0x68 with AD0 low/);
    });
  },
);
