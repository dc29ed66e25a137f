import { analyzeModel } from '../../core/model/analyze.ts';
import { isTokenStream, sequenceSpec } from '../../core/model/token-stream.ts';
import { formatShape, INPUT_ID, type AnalyzedModel } from '../../core/model/types.ts';

/**
 * The model tfjs trains: the model itself, or for a token-stream model (one token per run, GRU state kept
 * between runs) the same layers over a window of `steps` tokens. Its weights have the same shapes, so they
 * load unchanged into the one-token model the board runs.
 */
export function trainingModel(model: AnalyzedModel, steps: number): AnalyzedModel {
  return isTokenStream(model) ? analyzeModel(sequenceSpec(model.spec, steps)) : model;
}

/** What keeps a model from being a token stream, in words for an error; null when it is one. */
export function notTokenStream(model: AnalyzedModel): string | null {
  if (isTokenStream(model)) return null;
  const [first] = model.layers;
  if (model.inputShape.length !== 1 || model.inputShape[0] !== 1)
    return `takes an input of shape ${formatShape(model.inputShape)}`;
  if (first?.type !== 'Embedding' || first.inputs.length !== 1 || first.inputs[0] !== INPUT_ID)
    return 'does not read its input with an Embedding first';
  const sequences = model.layers.find((l) => l.type === 'GRU' && l.params.returnSequences === true);
  if (sequences) return `has a GRU ("${sequences.id}") that returns sequences`;
  return 'has no GRU';
}
