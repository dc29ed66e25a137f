import { imuUnits, type BoardInfo, type ImuRequest } from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';
import { streamImu } from './imu-stream.ts';
import { liveTest, type LiveResult } from './live-test.ts';

/**
 * Classifies the board's own sensor over and over (S-17): stream one window of `steps` samples (P-19), run it
 * on the board and in the browser (S-16), report, repeat until `signal` aborts. The board reads or runs, one
 * at a time, so each window is fresh and the two never overlap.
 */
export async function liveLoop(
  client: BoardClient,
  blob: Uint8Array,
  request: ImuRequest,
  steps: number,
  onResult: (result: LiveResult) => void,
  signal: AbortSignal,
  info?: BoardInfo,
): Promise<void> {
  while (!signal.aborted) {
    const samples: number[][] = [];
    const window = { ...request, samples: steps };
    await streamImu(client, window, (batch) =>
      samples.push(...batch.samples.map((s) => imuUnits(s, request.accelRange, request.gyroRange))),
    ).done;
    if (signal.aborted) return;
    onResult(await liveTest(client, blob, samples, info));
  }
}
