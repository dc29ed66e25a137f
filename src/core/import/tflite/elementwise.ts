import type { Conversion, Ref } from './convert.ts';
import { fusedActivation } from './activation.ts';
import type { TfOperator } from './read.ts';
import { ADD_OPTIONS, CONCATENATION_OPTIONS, OP, SOFTMAX_OPTIONS } from './schema.ts';

/** In an int8 model, an op whose kernel keeps its input's quantization needs TFLite to have done the same. */
export function sameQuant(c: Conversion, op: TfOperator, why: string): void {
  if (!c.int8) return;
  const qx = c.quantOf(op, c.tensor(op, 0));
  const qy = c.quantOf(op, c.output(op));
  if (qx.scale !== qy.scale || qx.zeroPoint !== qy.zeroPoint) {
    throw c.unsupported(
      op,
      `its output is quantized (scale ${qy.scale}, zero point ${qy.zeroPoint}) unlike its input (scale ${qx.scale}, zero point ${qx.zeroPoint})`,
      `Minnow's ${why} keeps its input's quantization; convert so that both match (the TFLite converter does for pooling and reshapes).`,
    );
  }
}

/**
 * F-62, F-63: Minnow's softmax and sigmoid write scale 1/256, zero point −128, its tanh 1/128 and 0, as
 * TFLite's converter quantizes them; a model that chose otherwise cannot be kept exactly.
 */
function fixedOutput(c: Conversion, op: TfOperator, scale: number, zeroPoint: number): void {
  if (!c.int8) return;
  const q = c.quantOf(op, c.output(op));
  if (q.scale !== scale || q.zeroPoint !== zeroPoint) {
    throw c.unsupported(
      op,
      `its output is quantized with scale ${q.scale} and zero point ${q.zeroPoint}`,
      `Minnow's ${op.name} writes scale ${scale} and zero point ${zeroPoint}, as the TFLite converter does by default; convert with those.`,
    );
  }
}

export function softmax(c: Conversion, op: TfOperator): void {
  fixedOutput(c, op, 1 / 256, -128);
  const beta = op.options?.float32(SOFTMAX_OPTIONS.beta, 1) ?? 1;
  if (beta !== 1)
    throw c.unsupported(op, `its beta is ${beta}`, "Minnow's Softmax has beta 1; scale the logits instead.");
  c.add(op, { type: 'Softmax' }, [c.ref(op, 0)]);
}

/** LOGISTIC, TANH, RELU and RELU6 as standalone layers. */
export function activation(c: Conversion, op: TfOperator): void {
  const x = c.ref(op, 0);
  if (op.code === OP.RELU) c.add(op, { type: 'ReLU' }, [x]);
  else if (op.code === OP.RELU6) c.add(op, { type: 'ReLU', maxValue: 6 }, [x]);
  else {
    const sigmoid = op.code === OP.LOGISTIC;
    fixedOutput(c, op, sigmoid ? 1 / 256 : 1 / 128, sigmoid ? -128 : 0);
    c.add(op, { type: 'Activation', activation: sigmoid ? 'sigmoid' : 'tanh' }, [x]);
  }
}

export function add(c: Conversion, op: TfOperator): void {
  const inputs = [c.ref(op, 0), c.ref(op, 1)];
  if (inputs[0]?.shape.join() !== inputs[1]?.shape.join())
    throw c.unsupported(op, 'it broadcasts one input over the other', 'Minnow adds tensors of equal shape.');
  const act = fusedActivation(c, op, op.options?.uint8(ADD_OPTIONS.activation) ?? 0);
  if (act !== 'linear')
    throw c.unsupported(
      op,
      `it fuses ${act.toUpperCase()}`,
      "Minnow's Add has no fused activation; convert without it.",
    );
  c.add(op, { type: 'Add' }, inputs);
}

export function concatenation(c: Conversion, op: TfOperator): void {
  const inputs: Ref[] = op.inputs.map((_, i) => c.ref(op, i));
  const rank = c.output(op).shape.length;
  const raw = op.options?.int32(CONCATENATION_OPTIONS.axis) ?? 0;
  const axis = raw < 0 ? raw + rank : raw;
  if (axis < 1 || axis >= rank)
    throw c.unsupported(op, `it joins along axis ${raw}`, 'Join along a non-batch axis.');
  const act = fusedActivation(c, op, op.options?.uint8(CONCATENATION_OPTIONS.activation) ?? 0);
  if (act !== 'linear')
    throw c.unsupported(op, `it fuses ${act.toUpperCase()}`, "Minnow's Concatenate has no fused activation.");
  // Counted from the end, the axis means the same in both (each counts the batch axis when positive).
  c.add(op, { type: 'Concatenate', axis: axis - rank }, inputs);
}
