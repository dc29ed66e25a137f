import { shapeSize } from '../model/types.ts';
import type { ExecStep } from '../plan/types.ts';

/** Output channels of a step: the last axis of its main layer's output. */
function channels(step: ExecStep): number {
  const shape = step.layer.outputShape;
  return shape[shape.length - 1] ?? 0;
}

/**
 * Bytes of constants a step keeps in flash, before blob framing: int8 kernels and int32 biases. A folded
 * BatchNormalization adds a bias when the layer had none; a standalone one costs a multiplier and a bias per
 * channel.
 */
export function stepWeightBytes(step: ExecStep): number {
  // A Softmax or Activation step split off a Dense/Conv reuses that layer's record but owns no weights.
  if (step.op !== step.layer.type) return 0;
  if (step.op === 'BatchNormalization') return 8 * channels(step);
  let bytes = 0;
  let hasBias = false;
  for (const w of step.layer.weights) {
    const isBias = w.name === 'bias';
    hasBias ||= isBias;
    bytes += shapeSize(w.shape) * (isBias ? 4 : 1);
  }
  if (step.foldedBatchNorm && !hasBias) bytes += 4 * channels(step);
  return bytes;
}
