import { readBlob } from '../core/blob/reader.ts';
import type { Blob, TensorEntry } from '../core/blob/types.ts';
import { quantOf } from '../core/blob/tensor-table.ts';
import { quantizeTensor } from '../core/quant/calibrate.ts';
import { prepare, run } from '../core/reference/interpreter.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';
import { runOnBoard } from './board-commands.ts';

export interface ValidationSample {
  /** The model input as int8 (quantized with the blob's input scale and zero point). */
  readonly input: Int8Array;
  /** The true class, when the data set has one. */
  readonly label?: number;
}

export interface Mismatch {
  readonly sample: number;
  readonly byte: number;
  readonly board: number;
  readonly reference: number;
}

export interface ValidationReport {
  readonly samples: number;
  /** Samples whose every output byte equals the reference interpreter's. */
  readonly identical: number;
  /** identical / samples, in percent: anything under 100 is a bug in the firmware or the app. */
  readonly agreementPercent: number;
  readonly byteMismatches: number;
  readonly firstMismatch?: Mismatch;
  /** Labelled samples the board classified correctly, and their share in percent. */
  readonly correct: number;
  readonly labelled: number;
  readonly accuracyPercent?: number;
  readonly meanLatencyMs?: number;
}

export interface ValidateOptions {
  readonly info?: BoardInfo;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

function argmax(values: Int8Array): number {
  return values.reduce((best, v, i) => (v > (values[best] as number) ? i : best), 0);
}

/** The blob's input tensor, for quantizing float samples exactly as the board expects them. */
export function inputTensor(blob: Blob): TensorEntry {
  return blob.tensors[blob.header.inputTensor] as TensorEntry;
}

/** A float sample as the model's int8 input. */
export function quantizeInput(blob: Blob, values: Float32Array): Int8Array {
  const t = inputTensor(blob);
  return quantizeTensor(values, quantOf(t));
}

/**
 * Streams samples to the board and compares every output byte with core/reference on the same blob: the
 * browser's simulator and the board must agree to the byte. Accuracy is the board's argmax against the labels.
 */
export async function validateOnDevice(
  client: BoardClient,
  blobBytes: Uint8Array,
  samples: readonly ValidationSample[],
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const program = prepare(readBlob(blobBytes));
  const arena = new Uint8Array(program.blob.header.arenaSize);
  let identical = 0;
  let byteMismatches = 0;
  let firstMismatch: Mismatch | undefined;
  let correct = 0;
  let labelled = 0;
  let latency = 0;
  let timed = 0;
  for (const [index, sample] of samples.entries()) {
    options.signal?.throwIfAborted();
    const board = await runOnBoard(client, sample.input, options.info);
    const reference = run(program, sample.input, arena);
    let differs = board.output.length !== reference.length ? 1 : 0;
    reference.forEach((v, byte) => {
      if (board.output[byte] === v) return;
      differs++;
      firstMismatch ??= { sample: index, byte, board: board.output[byte] ?? NaN, reference: v };
    });
    byteMismatches += differs;
    if (differs === 0) identical++;
    if (sample.label !== undefined) {
      labelled++;
      if (argmax(board.output) === sample.label) correct++;
    }
    if (board.latencyMs !== undefined) {
      latency += board.latencyMs;
      timed++;
    }
    options.onProgress?.(index + 1, samples.length);
  }
  return {
    samples: samples.length,
    identical,
    agreementPercent: samples.length ? (100 * identical) / samples.length : 100,
    byteMismatches,
    ...(firstMismatch ? { firstMismatch } : {}),
    correct,
    labelled,
    ...(labelled ? { accuracyPercent: (100 * correct) / labelled } : {}),
    ...(timed ? { meanLatencyMs: latency / timed } : {}),
  };
}
