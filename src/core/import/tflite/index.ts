import { MinnowError } from '../../errors.ts';
import { analyzeModel } from '../../model/analyze.ts';
import { INPUT_ID, type ModelSpec } from '../../model/types.ts';
import type { ExactQuant } from '../../quant/exact.ts';
import type { ImportFile, ImportedModel } from '../types.ts';
import { conv2d, depthwiseConv2d, fullyConnected } from './compute.ts';
import { Conversion } from './convert.ts';
import { activation, add, concatenation, softmax } from './elementwise.ts';
import { readTflite, type TfModel, type TfOperator } from './read.ts';
import { OP, TENSOR_TYPE } from './schema.ts';
import { edgeConversion, mean, pad, pool, reshape } from './shape-ops.ts';
import { checkShapes } from './check.ts';
import { unsupportedOp } from './unsupported.ts';

const MAPPERS: Readonly<Record<number, (c: Conversion, op: TfOperator) => void>> = {
  [OP.FULLY_CONNECTED]: fullyConnected,
  [OP.CONV_2D]: conv2d,
  [OP.DEPTHWISE_CONV_2D]: depthwiseConv2d,
  [OP.MAX_POOL_2D]: pool,
  [OP.AVERAGE_POOL_2D]: pool,
  [OP.RESHAPE]: reshape,
  [OP.SOFTMAX]: softmax,
  [OP.ADD]: add,
  [OP.CONCATENATION]: concatenation,
  [OP.LOGISTIC]: activation,
  [OP.TANH]: activation,
  [OP.RELU]: activation,
  [OP.RELU6]: activation,
  [OP.MEAN]: mean,
  [OP.PAD]: pad,
  [OP.QUANTIZE]: edgeConversion,
  [OP.DEQUANTIZE]: edgeConversion,
};

/** Where an int8 model's integer results differ from TFLite Micro's (docs/IMPORT.md). */
const INEXACT: Readonly<Record<number, string>> = {
  [OP.SOFTMAX]:
    "SOFTMAX uses Minnow's table-driven softmax (F-62), not TFLite Micro's; outputs may differ by a step",
  [OP.LOGISTIC]:
    "LOGISTIC uses Minnow's lookup table (F-63), rounded from the real function; TFLite Micro's fixed-point one may differ by a step",
  [OP.TANH]:
    "TANH uses Minnow's lookup table (F-63), rounded from the real function; TFLite Micro's fixed-point one may differ by a step",
  [OP.RELU]:
    "a standalone RELU uses Minnow's lookup table (F-63); TFLite Micro's requantization may differ by a step",
  [OP.RELU6]:
    "a standalone RELU6 uses Minnow's lookup table (F-63); TFLite Micro's requantization may differ by a step",
  [OP.MEAN]:
    "MEAN is averaged in integers (F-59); TFLite Micro's rounds through float and may differ by a step",
};

const WEIGHTED: readonly number[] = [OP.FULLY_CONNECTED, OP.CONV_2D, OP.DEPTHWISE_CONV_2D];

/** I-7, I-8: the first weighted operator's weights say float or int8 (without one, the input does). */
function isInt8(m: TfModel): boolean {
  const weighted = m.operators.find((op) => WEIGHTED.includes(op.code));
  const w = weighted && m.tensors[weighted.inputs[1] ?? -1];
  if (w) return w.type === TENSOR_TYPE.INT8;
  const input = m.tensors[m.inputs[0] ?? -1];
  return input?.type === TENSOR_TYPE.INT8 || m.operators.some((op) => op.code === OP.QUANTIZE);
}

function ends(c: Conversion, m: TfModel): void {
  if (m.inputs.length !== 1 || m.outputs.length !== 1) {
    throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
      file: c.file,
      detail: `it has ${m.inputs.length} inputs and ${m.outputs.length} outputs`,
      fix: 'Minnow runs models with one input and one output; concatenate inputs into one tensor.',
    });
  }
}

/** Reads a TensorFlow Lite FlatBuffer into a Minnow model (docs/IMPORT.md). */
export function importTflite(file: ImportFile): ImportedModel<ExactQuant> {
  const m = readTflite(file.name, file.bytes);
  const c = new Conversion(m, isInt8(m));
  ends(c, m);
  const input = m.tensors[m.inputs[0] ?? -1];
  if (!input) throw m.file.damaged('the subgraph', 'it names no input tensor');
  c.alias(input.index, { id: INPUT_ID, shape: c.shapeOf(input), tensor: input.index });
  if (c.int8 && input.type === TENSOR_TYPE.INT8) c.input = c.quantOf(m.operators[0] as TfOperator, input);
  const inexact = new Set<string>();
  for (const op of m.operators) {
    const map = MAPPERS[op.code];
    if (!map) throw unsupportedOp(c, op);
    map(c, op);
    const why = INEXACT[op.code];
    if (c.int8 && why) inexact.add(why);
  }
  const output = c.refs.get(m.outputs[0] ?? -1);
  if (!output || output.id === INPUT_ID || output.id !== c.layers.at(-1)?.id) {
    throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
      file: c.file,
      detail: 'its output is not written by the last operator Minnow maps',
      fix: 'Export a model whose output is its last layer.',
    });
  }
  const name =
    file.name
      .replace(/^.*[\\/]/, '')
      .replace(/\.tflite$/i, '')
      .slice(0, 64) || 'imported';
  const model: ModelSpec = {
    format: 'minnow-model',
    version: 1,
    name,
    input: { shape: [...c.shapeOf(input)] },
    layers: c.layers,
  };
  checkShapes(c, analyzeModel(model));
  const notes = [...c.notes, ...[...inexact].map((w) => `Not bit-exact with TFLite Micro: ${w}.`)];
  if (c.int8 && !c.input) {
    throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
      file: c.file,
      detail: 'its input is float and no QUANTIZE makes it int8',
      fix: 'Convert with full int8 quantization (int8 activations from the input on).',
    });
  }
  const quantization =
    c.int8 && c.input ? { input: c.input, tensors: c.tensors, layers: c.exact } : undefined;
  return {
    model,
    weights: c.weights,
    ...(quantization ? { quantization } : {}),
    notes,
    source: { format: 'tflite', file: file.name },
  };
}
