import { INPUT_ID, type AnalyzedModel, type ModelSpec } from './types.ts';

/**
 * A token-stream model reads one token id per run (input shape [1]) through an Embedding, and remembers what
 * came before in GRU state kept between runs: a language model that writes one token at a time. It trains
 * on windows of many tokens (the same weights, see sequenceSpec) and runs on the board one token at a time.
 */
export function isTokenStream(model: AnalyzedModel): boolean {
  const [first] = model.layers;
  return (
    model.inputShape.length === 1 &&
    model.inputShape[0] === 1 &&
    first?.type === 'Embedding' &&
    first.inputs.length === 1 &&
    first.inputs[0] === INPUT_ID &&
    model.layers.some((l) => l.type === 'GRU') &&
    model.layers.every((l) => l.type !== 'GRU' || l.params.returnSequences !== true)
  );
}

/**
 * The same model reading `steps` tokens at once, as it trains: Embedding, GRU and Dense weights do not depend
 * on the sequence length, so weights trained on it load into the one-token model unchanged.
 */
export function sequenceSpec(spec: ModelSpec, steps: number): ModelSpec {
  return { ...spec, input: { shape: [steps] } };
}
