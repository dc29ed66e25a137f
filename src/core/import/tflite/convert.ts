import { MinnowError } from '../../errors.ts';
import { INPUT_ID, type LayerSpec, type Shape } from '../../model/types.ts';
import type { ExactLayer } from '../../quant/exact.ts';
import type { QuantParams } from '../../quant/types.ts';
import type { TfModel, TfOperator, TfQuant, TfTensor } from './read.ts';
import { TENSOR_TYPE } from './schema.ts';
import { typeName } from './values.ts';

/** The Minnow value a TFLite activation tensor became: a layer id (or "input") and its shape without batch. */
export interface Ref {
  readonly id: string;
  readonly shape: Shape;
  readonly tensor: number;
}

/** A PAD whose output is waiting for the convolution that may take it as "same" padding. */
export interface PendingPad {
  readonly op: TfOperator;
  readonly source: Ref;
  /** [before, after] per axis of the TFLite tensor (batch first). */
  readonly pads: readonly (readonly [number, number])[];
}

/** The state of one import: the layers made so far and what each TFLite tensor became. */
export class Conversion {
  readonly layers: LayerSpec[] = [];
  readonly weights: Record<string, Record<string, Float32Array>> = {};
  readonly notes: string[] = [];
  readonly refs = new Map<number, Ref>();
  readonly pads = new Map<number, PendingPad>();
  readonly tensors: Record<string, QuantParams> = {};
  readonly exact: Record<string, ExactLayer> = {};
  /** The int8 model input's quantization (its own, or that of the QUANTIZE after it). */
  input: QuantParams | undefined;
  private readonly counts = new Map<string, number>();

  constructor(
    readonly m: TfModel,
    /** An int8 model: quantization is kept exactly. */
    readonly int8: boolean,
  ) {}

  get file(): string {
    return this.m.file.file;
  }

  tensor(op: TfOperator, i: number): TfTensor {
    const t = this.m.tensors[op.inputs[i] ?? -1];
    if (!t) throw this.unsupported(op, `input ${i} is missing`, 'Export the model again.');
    return t;
  }

  output(op: TfOperator): TfTensor {
    if (op.outputs.length !== 1)
      throw this.unsupported(op, `it has ${op.outputs.length} outputs`, 'Minnow maps ops with one output.');
    return this.m.tensors[op.outputs[0] ?? -1] as TfTensor;
  }

  /** The Minnow value read by input `i` of `op`; a tensor no earlier op wrote means a cycle or damage. */
  ref(op: TfOperator, i: number): Ref {
    const index = op.inputs[i] ?? -1;
    const pad = this.pads.get(index);
    if (pad) {
      throw this.unsupported(
        pad.op,
        `its output feeds ${op.name} (operator ${op.index}), not a convolution it could be folded into`,
        'Minnow pads only inside Conv2D and DepthwiseConv2D ("same" padding); remove the PAD or make the convolution pad itself.',
      );
    }
    const ref = this.refs.get(index);
    if (ref) return ref;
    const t = this.tensor(op, i);
    if (t.data) {
      throw this.unsupported(
        op,
        `input ${i} ("${t.name}") is a constant`,
        'Minnow layers take constants only as weights; compute the value in the model input or fold it into a weight.',
      );
    }
    throw this.m.file.damaged(
      `operator ${op.index}`,
      `it reads tensor ${index} before any operator writes it`,
    );
  }

  /** The TFLite activation shape without its batch axis, which must be 1. */
  shapeOf(t: TfTensor): Shape {
    const [batch, ...rest] = t.shape;
    if (batch !== 1 || rest.some((d) => d < 1)) {
      throw new MinnowError('TFLITE_UNSUPPORTED_MODEL', {
        file: this.file,
        detail: `tensor ${t.index} ("${t.name}") has shape [${t.shape.join(', ')}]; Minnow runs a batch of one`,
        fix: 'Convert the model with a fixed batch size of 1 and fixed spatial sizes.',
      });
    }
    return rest;
  }

  /** An activation's int8 quantization (a single scale and zero point), for an int8 model. */
  quantOf(op: TfOperator, t: TfTensor): QuantParams {
    const q: TfQuant | undefined = t.quant;
    if (t.type !== TENSOR_TYPE.INT8 || !q || q.scale.length !== 1) {
      throw this.unsupported(
        op,
        `tensor "${t.name}" is ${typeName(t.type)}${q ? ` with ${q.scale.length} scales` : ' without quantization'}`,
        'Convert with full int8 quantization (a representative dataset, int8 activations).',
      );
    }
    return { scale: q.scale[0] as number, zeroPoint: q.zeroPoint[0] ?? 0 };
  }

  /**
   * Adds a layer reading `inputs` whose output is the op's output tensor, or, given `internal` (its shape),
   * a layer of Minnow's own with no TFLite tensor (a Flatten before a FULLY_CONNECTED, a view).
   */
  add(
    op: TfOperator,
    layer: { readonly type: string; readonly [param: string]: unknown },
    inputs: readonly Ref[],
    internal?: Shape,
  ): Ref {
    // tfjs's naming: DepthwiseConv2D → depthwise_conv2d_1, MaxPooling2D → max_pooling2d_1.
    const base = layer.type.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    const id = `${base}_${n}`;
    const previous = this.layers.at(-1)?.id ?? INPUT_ID;
    const sequential = inputs.length === 1 && inputs[0]?.id === previous;
    this.layers.push({
      id,
      ...layer,
      ...(sequential ? {} : { inputs: inputs.map((r) => r.id) }),
    } as LayerSpec);
    if (internal) return { id, shape: internal, tensor: -1 };
    const t = this.output(op);
    if (this.int8) this.tensors[id] = this.quantOf(op, t);
    const ref = { id, shape: this.shapeOf(t), tensor: t.index };
    this.refs.set(t.index, ref);
    return ref;
  }

  /** Makes TFLite tensor `index` stand for an existing Minnow value (an op dropped or folded). */
  alias(index: number, ref: Ref): void {
    this.refs.set(index, ref);
  }

  unsupported(op: TfOperator, detail: string, instead: string): MinnowError {
    const out = this.m.tensors[op.outputs[0] ?? -1];
    return new MinnowError('TFLITE_UNSUPPORTED_OP', {
      file: this.file,
      index: op.index,
      op: op.name,
      tensor: out?.name ?? '?',
      detail,
      instead,
    });
  }
}
