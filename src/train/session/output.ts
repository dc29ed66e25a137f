import type { AnalyzedModel } from '../../core/model/types.ts';

/** Layers that pass values through unchanged at inference: the activation before them is the output's. */
const PASS_THROUGH = new Set(['Dropout', 'Flatten', 'Reshape']);

/** The function applied last to the model output: softmax, sigmoid, linear, relu… */
export function outputActivation(model: AnalyzedModel): string {
  const byId = new Map(model.layers.map((l) => [l.id, l]));
  let layer = byId.get(model.outputId);
  while (layer && PASS_THROUGH.has(layer.type)) layer = byId.get(layer.inputs[0] ?? '');
  if (!layer) return 'linear';
  if (layer.type === 'Softmax') return 'softmax';
  if (layer.type === 'ReLU') return 'relu';
  const own = layer.params.activation;
  return typeof own === 'string' ? own : 'linear';
}

/**
 * The loss that fits the output: cross-entropy on probabilities (softmax), on logits (a linear output
 * read as class scores), binary cross-entropy (one sigmoid unit, two classes), or mean squared error.
 */
export type LossKind = 'categorical' | 'logits' | 'binary' | 'mse';

export function lossKind(model: AnalyzedModel, target: 'classes' | 'values'): LossKind {
  if (target === 'values') return 'mse';
  const activation = outputActivation(model);
  if (activation === 'softmax') return 'categorical';
  if (activation === 'sigmoid') return 'binary';
  return 'logits';
}
