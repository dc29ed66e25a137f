import { MinnowError } from '../errors.ts';
import type { ExecStep } from '../plan/types.ts';
import type { ExactLayer } from './exact.ts';
import { INT32_MAX, quantizeMultiplier } from './fixed-point.ts';
import type { ChannelParams } from './float-weights.ts';
import type { QuantizedChannels } from './weights.ts';

function stale(step: ExecStep, detail: string): MinnowError {
  return new MinnowError('IMPORT_QUANT_STALE', { layer: step.layer.id, detail });
}

/**
 * The constants of a channel op from an imported int8 model, kept as the model gave them: its int8 weights,
 * int32 bias and the multipliers its own runtime derives (F-52 encodes them as TFLite Micro's
 * QuantizeMultiplier does). `own` says whether the step writes the layer's own output; when a later layer
 * was merged into the step (its output quantization differs), the multiplier is sx·sw[c]/sy of the step.
 */
export function exactChannels(
  e: ExactLayer,
  p: ChannelParams,
  step: ExecStep,
  scales: { sx: number; sy: number; own: boolean },
  reduce: number,
): QuantizedChannels {
  if (step.foldedBatchNorm) throw stale(step, 'a BatchNormalization was folded into it');
  if (
    e.weights.length !== p.weights.length ||
    e.bias.length !== p.channels ||
    e.multipliers.length !== p.channels
  ) {
    throw stale(
      step,
      `it holds ${e.weights.length} weights for ${p.channels} channels, the layer needs ${p.weights.length}`,
    );
  }
  const bound = INT32_MAX - 32640 * reduce;
  const requant = new Int32Array(2 * p.channels);
  e.multipliers.forEach((real, c) => {
    const sw = e.scales[c] ?? 1;
    const { multiplier, shift } = quantizeMultiplier(
      scales.own ? real : (scales.sx * sw) / scales.sy,
      step.layer.id,
    );
    requant[2 * c] = multiplier;
    requant[2 * c + 1] = shift;
  });
  return {
    weights: e.weights,
    bias: e.bias.map((b) => Math.min(bound, Math.max(-bound, b))),
    requant,
    scales: Float64Array.from(e.scales),
  };
}
