import { argMax } from '../core/arrays.ts';
import { readBlob } from '../core/blob/reader.ts';
import type { TensorEntry } from '../core/blob/types.ts';
import { MinnowError } from '../core/errors.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import { prepare, run } from '../core/reference/interpreter.ts';
import type { BoardClient } from './board-client.ts';
import { runOnBoard } from './board-commands.ts';
import { inputTensor, quantizeInput } from './validate.ts';

export interface Prediction {
  /** The output dequantized: one score per class. */
  readonly scores: readonly number[];
  readonly best: number;
}

export interface LiveResult {
  /** The browser's int8 reference interpreter (core/reference) on the same quantized window. */
  readonly browser: Prediction;
  readonly board: Prediction & {
    readonly latencyMs?: number;
    readonly cycles: number;
    readonly roundTripMs: number;
  };
  /** Every output byte equal: the board ran exactly what the browser did. */
  readonly identical: boolean;
}

/**
 * The window a model reads from live samples (S-16): its input's element count over the channels gives the
 * steps; the latest `steps` samples, row by row, as the training data lays them out ([steps, channels]).
 */
export function liveWindow(input: TensorEntry, samples: readonly (readonly number[])[]): Float32Array {
  const size = input.shape.reduce((a, b) => a * b, 1);
  const channels = samples[0]?.length ?? 0;
  const steps = channels > 0 ? size / channels : 0;
  if (channels === 0 || !Number.isInteger(steps) || samples.length < steps) {
    throw new MinnowError('LIVE_INPUT', {
      detail:
        channels > 0 && !Number.isInteger(steps)
          ? `the model input [${input.shape.join(', ')}] is not a whole number of ${channels}-channel samples`
          : `it has ${samples.length} samples; the model input [${input.shape.join(', ')}] needs ${steps || size}`,
    });
  }
  return Float32Array.from(samples.slice(-steps).flat());
}

function predict(output: TensorEntry, bytes: Int8Array): Prediction {
  const scores = Array.from(bytes, (v) => output.scale * (v - output.zeroPoint));
  return { scores, best: argMax(scores) };
}

/**
 * Runs one live input on the board and in the browser, side by side (S-16): `values` are the model's real
 * input (a sensor window, a camera frame, a microphone clip), quantized as the board expects them (int8, or
 * int16 samples for a Spectrogram's audio, F-78).
 */
export async function liveRun(
  client: BoardClient,
  blobBytes: Uint8Array,
  values: Float32Array,
  info?: BoardInfo,
): Promise<LiveResult> {
  const blob = readBlob(blobBytes);
  const output = blob.tensors[blob.header.outputTensor] as TensorEntry;
  const size = inputTensor(blob).shape.reduce((a, b) => a * b, 1);
  if (values.length !== size) {
    throw new MinnowError('LIVE_VALUES', {
      detail: `it has ${values.length} values; the model input [${inputTensor(blob).shape.join(', ')}] needs ${size}`,
    });
  }
  const input = quantizeInput(blob, values);
  const program = prepare(blob);
  const reference = run(program, input, new Uint8Array(blob.header.arenaSize));
  const board = await runOnBoard(client, input, info);
  const identical =
    board.output.length === reference.length && board.output.every((v, i) => v === reference[i]);
  return {
    browser: predict(output, reference),
    board: {
      ...predict(output, board.output),
      cycles: board.cycles,
      roundTripMs: board.roundTripMs,
      ...(board.latencyMs === undefined ? {} : { latencyMs: board.latencyMs }),
    },
    identical,
  };
}

/** Runs the latest sensor window on the board and in the browser, side by side (S-16). */
export async function liveTest(
  client: BoardClient,
  blobBytes: Uint8Array,
  samples: readonly (readonly number[])[],
  info?: BoardInfo,
): Promise<LiveResult> {
  const input = inputTensor(readBlob(blobBytes));
  return liveRun(client, blobBytes, liveWindow(input, samples), info);
}
