import { describe, expect, it } from 'vitest';
import { getOp, OPS, opTypes } from './registry.ts';
import { outcome, spec } from './test-spec.ts';

/** The layer types of DESIGN §3.1. */
const DESIGN_TYPES = [
  'Dense',
  'Conv2D',
  'DepthwiseConv2D',
  'Conv1D',
  'MaxPooling2D',
  'AveragePooling2D',
  'MaxPooling1D',
  'GlobalAveragePooling2D',
  'Flatten',
  'Reshape',
  'Dropout',
  'BatchNormalization',
  'Activation',
  'ReLU',
  'Softmax',
  'Add',
  'Concatenate',
  'Embedding',
  'GRU',
  // Minnow's own (no tfjs class): the audio front end of docs/FORMAT.md F-76, trained through a custom layer.
  'Spectrogram',
];

/** Example parameters as an object, parsed from the `"name": value` snippets the hints show. */
function exampleParams(type: string): Record<string, unknown> {
  const op = getOp(type);
  return JSON.parse(`{${Object.values(op?.examples ?? {}).join(', ')}}`) as Record<string, unknown>;
}

describe('the op registry', () => {
  it('holds exactly the DESIGN §3.1 layer types, under their own names', () => {
    expect(opTypes().sort()).toEqual([...DESIGN_TYPES].sort());
    for (const [type, op] of OPS) expect(op.type).toBe(type);
  });

  it.each(DESIGN_TYPES)('%s has a one-sentence summary', (type) => {
    const summary = getOp(type)?.summary ?? '';
    expect(summary).toMatch(/^[A-Z][^.\n]*\.$/);
  });

  it.each(DESIGN_TYPES)('%s: its examples are valid JSON values that satisfy the schema', (type) => {
    const op = getOp(type);
    expect(op?.schema.safeParse(exampleParams(type)).success).toBe(true);
  });

  it.each(DESIGN_TYPES)('%s: every example names a required parameter', (type) => {
    const params = exampleParams(type);
    for (const name of Object.keys(params)) {
      const { [name]: _removed, ...rest } = params;
      const input = type === 'Embedding' ? [5] : type === 'GRU' ? [5, 2] : [4, 4, 2];
      const result = outcome(spec(input, { type, ...rest }));
      expect(result, `${type} without ${name}`).toEqual({ id: 'MISSING_PARAM', layer: 'l0' });
    }
  });

  it.each(DESIGN_TYPES)('[M-4] %s refuses a parameter it does not know', (type) => {
    const input = type === 'Embedding' ? [5] : [4, 4, 2];
    expect(outcome(spec(input, { type, ...exampleParams(type), dataFormat: 'channelsLast' }))).toEqual({
      id: 'INVALID_PARAM',
      layer: 'l0',
    });
  });

  it('takes one input per layer, except the merge layers which take two or more', () => {
    for (const op of OPS.values()) {
      const merge = op.type === 'Add' || op.type === 'Concatenate';
      expect(op.arity.min, op.type).toBe(merge ? 2 : 1);
      expect(op.arity.max > 1, op.type).toBe(merge);
    }
  });
});
