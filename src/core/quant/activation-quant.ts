import type { ExecStep } from '../plan/types.ts';
import { quantFromRange } from './calibrate.ts';
import type { FloatModel } from './float-run.ts';
import type { QuantParams, Range } from './types.ts';
import { embeddingQuant, TOKEN_QUANT } from './embedding.ts';
import { AUDIO_QUANT, SPECTROGRAM_QUANT } from './spectrogram.ts';
import { rootOf } from './views.ts';

/** F-62, F-63: outputs whose quantization is fixed by the function's range. */
export const PROBABILITY: QuantParams = { scale: 1 / 256, zeroPoint: -128 };
const TANH: QuantParams = { scale: 1 / 128, zeroPoint: 0 };
/** F-72: outputs that keep their input's quantization, so that the kernels compare or average raw int8. */
const SAME_AS_INPUT = new Set(['MaxPooling2D', 'AveragePooling2D', 'MaxPooling1D', 'GlobalAveragePooling2D']);

function fixedQuant(m: FloatModel, step: ExecStep): QuantParams | undefined {
  const table = m.tables.get(step.index);
  if (table) return embeddingQuant(table.values);
  // F-74: the GRU output is its state, a convex mix of tanh values in (−1, 1).
  if (step.op === 'GRU') return TANH;
  if (step.op === 'Spectrogram') return SPECTROGRAM_QUANT;
  if (step.op === 'Softmax' || (step.op === 'Activation' && step.func === 'sigmoid')) return PROBABILITY;
  if (step.op === 'Activation' && step.func === 'tanh') return TANH;
  return undefined;
}

/** Quantization of every tensor, in id order so that inputs and view sources are settled first. */
export function assignQuant(m: FloatModel, ranges: readonly Range[]): QuantParams[] {
  const writer = new Map(m.graph.steps.map((s) => [s.output, s]));
  const tokens = new Set(m.graph.steps.filter((s) => s.op === 'Embedding').map((s) => s.inputs[0]));
  const audio = new Set(m.graph.steps.filter((s) => s.op === 'Spectrogram').map((s) => s.inputs[0]));
  const quant: QuantParams[] = [];
  for (const t of m.graph.tensors) {
    const step = writer.get(t.id);
    const root = rootOf(m.views, t.id);
    if (root !== t.id) quant[t.id] = quant[root] as QuantParams;
    else if (tokens.has(t.id)) quant[t.id] = TOKEN_QUANT;
    else if (audio.has(t.id)) quant[t.id] = AUDIO_QUANT;
    else if (step && SAME_AS_INPUT.has(step.op)) quant[t.id] = quant[step.inputs[0] ?? 0] as QuantParams;
    else quant[t.id] = (step && fixedQuant(m, step)) ?? quantFromRange(ranges[t.id] as Range);
  }
  return quant;
}
