import { testVectorOf } from '../../core/blob/reader.ts';
import { quantOf } from '../../core/blob/tensor-table.ts';
import type { Blob, TensorEntry } from '../../core/blob/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { quantizeTensor } from '../../core/quant/calibrate.ts';
import { flagString, type ParsedArgs } from '../args.ts';
import { readBinaryFile } from '../read.ts';

/** The ways `minnow run` takes its input; exactly one is given. */
export const INPUT_FLAGS = ['input', 'values'] as const;
export const INPUT_SWITCHES = ['test-input'] as const;

function usage(detail: string): MinnowError {
  return new MinnowError('CLI_USAGE', { detail });
}

/** Real values, comma or space separated, quantized with the blob's own input scale and zero point. */
function fromValues(text: string, tensor: TensorEntry): Int8Array {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  const size = tensor.shape.reduce((a, b) => a * b, 1);
  if (parts.length !== size) {
    throw usage(
      `--values gave ${parts.length} numbers; the model input [${tensor.shape.join(', ')}] takes ${size}.`,
    );
  }
  const values = Float32Array.from(parts, (p, i) => {
    const v = Number(p);
    if (!Number.isFinite(v)) throw usage(`--values: "${p}" (number ${i + 1}) is not a finite number.`);
    return v;
  });
  // int8 bytes, or little-endian int16 samples for an audio input (F-78).
  return quantizeTensor(values, quantOf(tensor));
}

/** The int8 input bytes of a run: a raw file, real values, or the test input the blob embeds. */
export function runInput(args: ParsedArgs, blob: Blob): Int8Array {
  const tensor = blob.tensors[blob.header.inputTensor] as TensorEntry;
  const file = flagString(args, 'input');
  const values = flagString(args, 'values');
  if (file !== undefined) {
    const bytes = readBinaryFile(file);
    return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  if (values !== undefined) return fromValues(values, tensor);
  const vector = testVectorOf(blob);
  if (!vector)
    throw usage('--test-input: this blob embeds no test vector; give --input or --values instead.');
  return vector.input;
}

/** How many of the input options were given: run needs exactly one (or --self-test alone). */
export function inputOptionCount(args: ParsedArgs): number {
  return [...INPUT_FLAGS, ...INPUT_SWITCHES].filter((name) => args.flags.has(name)).length;
}
