import { MinnowError } from '../../errors.ts';
import { FlatFile, type FlatTable } from './flat.ts';
import { OP_NAMES } from './op-names.ts';
import {
  BUFFER,
  FILE_IDENTIFIER,
  MODEL,
  OPERATOR,
  OPERATOR_CODE,
  QUANTIZATION,
  SUBGRAPH,
  TENSOR,
} from './schema.ts';

/** Affine quantization of a tensor: real = scale[c] · (q − zeroPoint[c]) along `dimension`. */
export interface TfQuant {
  readonly scale: readonly number[];
  readonly zeroPoint: readonly number[];
  readonly dimension: number;
}

export interface TfTensor {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly shape: readonly number[];
  /** The constant bytes of a weight tensor (a view of the file); undefined for activations. */
  readonly data: Uint8Array | undefined;
  readonly quant: TfQuant | undefined;
}

export interface TfOperator {
  readonly index: number;
  readonly code: number;
  /** The operator's schema name (BuiltinOperator), or the custom op's own name. */
  readonly name: string;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly optionsType: number;
  readonly options: FlatTable | undefined;
}

export interface TfModel {
  readonly file: FlatFile;
  readonly tensors: readonly TfTensor[];
  readonly operators: readonly TfOperator[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

function readQuant(t: FlatTable | undefined, where: string): TfQuant | undefined {
  if (!t) return undefined;
  const scale = t.floats(QUANTIZATION.scale, `${where} scales`);
  if (scale.length === 0) return undefined;
  const zeroPoint = t.longs(QUANTIZATION.zeroPoint, `${where} zero points`);
  return { scale, zeroPoint, dimension: t.int32(QUANTIZATION.quantizedDimension) };
}

function readBuffers(model: FlatTable): (Uint8Array | undefined)[] {
  return model.tables(MODEL.buffers, 'buffer').map((b, i) => {
    if (b.uint64(BUFFER.offset) > 1) {
      throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
        file: b.f.file,
        detail: `buffer ${i} is stored outside the FlatBuffer (a model larger than 2 GB)`,
        fix: 'Minnow reads models whose weights are inside the file; a microcontroller model always is.',
      });
    }
    const data = b.bytes(BUFFER.data, `buffer ${i}`);
    return data && data.length > 0 ? data : undefined;
  });
}

function readTensor(t: FlatTable, index: number, buffers: readonly (Uint8Array | undefined)[]): TfTensor {
  const where = `tensor ${index}`;
  const buffer = t.uint32(TENSOR.buffer);
  if (buffer >= buffers.length && buffer !== 0)
    throw t.f.damaged(where, `it names buffer ${buffer} of ${buffers.length}`);
  if (t.table(TENSOR.sparsity, `${where} sparsity`)) {
    throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
      file: t.f.file,
      detail: `tensor ${index} is stored sparse`,
      fix: 'Convert the model without sparsity (Minnow stores every weight densely in flash).',
    });
  }
  return {
    index,
    name: t.string(TENSOR.name, `${where} name`) || `tensor ${index}`,
    type: t.uint8(TENSOR.type),
    shape: t.ints(TENSOR.shape, `${where} shape`),
    data: buffers[buffer],
    quant: readQuant(t.table(TENSOR.quantization, `${where} quantization`), where),
  };
}

function readOpcodes(model: FlatTable): { code: number; name: string }[] {
  return model.tables(MODEL.operatorCodes, 'operator code').map((c, i) => {
    // Codes below 127 were first stored in the byte field; newer files repeat them in builtin_code.
    const code = Math.max(c.uint8(OPERATOR_CODE.deprecatedBuiltinCode), c.int32(OPERATOR_CODE.builtinCode));
    const custom = c.string(OPERATOR_CODE.customCode, `operator code ${i} name`);
    return { code, name: custom ? `CUSTOM "${custom}"` : (OP_NAMES[code] ?? `operator code ${code}`) };
  });
}

function checkIndices(f: FlatFile, list: readonly number[], count: number, where: string): void {
  // −1 marks an optional input left out (a FULLY_CONNECTED without bias).
  for (const i of list) if (i < -1 || i >= count) throw f.damaged(where, `it names tensor ${i} of ${count}`);
}

/** Reads the model's one subgraph: tensors with their constant data and quantization, operators in order. */
export function readTflite(name: string, bytes: Uint8Array): TfModel {
  const file = new FlatFile(name, bytes);
  if (bytes.length < 8 || file.identifier() !== FILE_IDENTIFIER) {
    throw new MinnowError('TFLITE_NOT_MODEL', {
      file: name,
      detail:
        bytes.length < 8 ? `it holds ${bytes.length} bytes` : `its identifier is not "${FILE_IDENTIFIER}"`,
    });
  }
  const model = file.root('the model table');
  const subgraphs = model.tables(MODEL.subgraphs, 'subgraph');
  const graph = subgraphs[0];
  if (!graph) throw file.damaged('the model table', 'it holds no subgraph');
  if (subgraphs.length > 1) {
    throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
      file: name,
      detail: `it holds ${subgraphs.length} subgraphs (control flow or several signatures)`,
      fix: 'Export one plain feed-forward function; Minnow runs one graph without WHILE or IF.',
    });
  }
  const buffers = readBuffers(model);
  const tensors = graph.tables(SUBGRAPH.tensors, 'tensor').map((t, i) => readTensor(t, i, buffers));
  const opcodes = readOpcodes(model);
  const operators = graph.tables(SUBGRAPH.operators, 'operator').map((o, index): TfOperator => {
    const where = `operator ${index}`;
    const opcode = opcodes[o.uint32(OPERATOR.opcodeIndex)];
    if (!opcode) throw file.damaged(where, `it names an operator code past the ${opcodes.length} listed`);
    const inputs = o.ints(OPERATOR.inputs, `${where} inputs`);
    const outputs = o.ints(OPERATOR.outputs, `${where} outputs`);
    checkIndices(file, [...inputs, ...outputs], tensors.length, where);
    return {
      index,
      ...opcode,
      inputs,
      outputs,
      optionsType: o.uint8(OPERATOR.optionsType),
      options: o.table(OPERATOR.options, `${where} options`),
    };
  });
  const inputs = graph.ints(SUBGRAPH.inputs, 'the subgraph inputs');
  const outputs = graph.ints(SUBGRAPH.outputs, 'the subgraph outputs');
  checkIndices(file, [...inputs, ...outputs], tensors.length, 'the subgraph');
  return { file, tensors, operators, inputs, outputs };
}
