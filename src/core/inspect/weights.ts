import { byteSize } from '../blob/format.ts';
import { shapeSize, type WeightPacking } from '../model/types.ts';
import { PACKING_TYPE } from '../quant/packing.ts';
import { tableBytes, type SpectrogramParams } from '../quant/spectrogram.ts';
import type { ExecStep } from '../plan/types.ts';

/** Output channels of a step: the last axis of its main layer's output. */
function channels(step: ExecStep): number {
  const shape = step.layer.outputShape;
  return shape[shape.length - 1] ?? 0;
}

/** The packing a step's layer asks for (M-11), or undefined for layer types that take none. */
export function stepPacking(step: ExecStep): WeightPacking | undefined {
  return step.layer.params.packing as WeightPacking | undefined;
}

/**
 * Bytes of constants a step keeps in flash, before blob framing: kernels as `packing` stores them (F-30; the
 * layer's own packing by default) and int32 biases. A folded BatchNormalization adds a bias when the layer
 * had none; a standalone one costs a multiplier and a bias per channel. A Spectrogram keeps its tables (F-77).
 */
export function stepWeightBytes(
  step: ExecStep,
  packing: WeightPacking = stepPacking(step) ?? 'int8',
): number {
  // A Softmax or Activation step split off a Dense/Conv reuses that layer's record but owns no weights.
  if (step.op !== step.layer.type) return 0;
  if (step.op === 'BatchNormalization') return 8 * channels(step);
  if (step.op === 'Spectrogram') return tableBytes(step.layer.params as unknown as SpectrogramParams);
  let bytes = 0;
  let hasBias = false;
  for (const w of step.layer.weights) {
    const isBias = w.name === 'bias';
    hasBias ||= isBias;
    // Each packed tensor is stored whole, so only its last byte may be partly filled.
    bytes += isBias ? 4 * shapeSize(w.shape) : byteSize(PACKING_TYPE[packing], shapeSize(w.shape));
  }
  if (step.foldedBatchNorm && !hasBias) bytes += 4 * channels(step);
  return bytes;
}
