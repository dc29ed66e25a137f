import { MinnowError } from '../core/errors.ts';
import {
  decodeImuEnd,
  decodeSamples,
  encodeImu,
  type Frame,
  type ImuEnd,
  type ImuRequest,
  type SampleBatch,
} from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';

/** Silence longer than this ends a stream as BOARD_SILENT: at 1 Hz a frame comes every second. */
const IDLE_MS = 3000;

export interface ImuStream {
  /** The final `imu` reply: after the count asked for, or after stop(). Rejects with the board's error. */
  readonly done: Promise<ImuEnd>;
  /** Asks the board to end the stream (P-19) and waits for its final reply. */
  stop(): Promise<ImuEnd>;
}

/**
 * P-19 on the board: `onBatch` sees each `smp` frame's samples (sensor counts) as it arrives, in order; a
 * frame out of order ends the stream with E504, since a sample would be missing.
 */
export function streamImu(
  client: BoardClient,
  request: ImuRequest,
  onBatch: (batch: SampleBatch) => void,
): ImuStream {
  let received = 0;
  const onPartial = (frame: Frame) => {
    if (frame.kind !== 'smp') return;
    const batch = decodeSamples(frame.payload);
    if (batch.first !== received)
      throw new MinnowError('PROTO_PAYLOAD', {
        kind: 'smp',
        detail: `samples from ${batch.first} came after ${received}`,
      });
    received += batch.samples.length;
    onBatch(batch);
  };
  const done = client
    .request('imu', encodeImu(request), { timeoutMs: IDLE_MS, onPartial, stream: true })
    .then((reply) => decodeImuEnd(reply.final.payload));
  return {
    done,
    async stop() {
      await client.sendStop();
      return done;
    },
  };
}
