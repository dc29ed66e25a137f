import type { LayerSpec, ModelSpec, WeightPacking } from '../model/types.ts';

export interface LanguageModelOptions {
  readonly vocab?: number;
  readonly dim?: number;
  readonly units?: number;
  /** Tokens per run: 1 for a token-stream model, more for the window it trains on. */
  readonly steps?: number;
  readonly packing?: Partial<Record<'embed' | 'gru' | 'logits', WeightPacking>>;
}

/** A small language model of the char-lm template's shape (Embedding, GRU, linear Dense) for tests. */
export function languageModelSpec(options: LanguageModelOptions = {}): ModelSpec {
  const { vocab = 32, dim = 8, units = 12, steps = 1, packing = {} } = options;
  const packed = (id: keyof typeof packing): Partial<LayerSpec> =>
    packing[id] ? { packing: packing[id] } : {};
  return {
    format: 'minnow-model',
    version: 1,
    name: 'lm',
    input: { shape: [steps] },
    layers: [
      { id: 'embed', type: 'Embedding', inputDim: vocab, outputDim: dim, ...packed('embed') },
      { id: 'gru', type: 'GRU', units, ...packed('gru') },
      { id: 'logits', type: 'Dense', units: vocab, ...packed('logits') },
    ],
  };
}
