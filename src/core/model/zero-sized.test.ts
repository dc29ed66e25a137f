import { describe, expect, it, vi } from 'vitest';
import type * as Registry from '../ops/registry.ts';
import type { OpDef } from '../ops/types.ts';
import { spec } from '../ops/test-spec.ts';
import { validateModel } from './analyze.ts';

// No registered op can produce an empty tensor from a valid input (windows that do not fit are refused
// earlier), so the analyzer's own guard is checked with a stand-in op that does.
vi.mock('../ops/registry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  const { z } = await import('zod');
  const empty: OpDef = {
    type: 'Crop',
    category: 'reshape',
    summary: 'Cuts rows off.',
    kind: 'view',
    schema: z.object({ rows: z.number() }).strict(),
    examples: {},
    arity: { min: 1, max: 1 },
    outputShape: (p, [input = []]) => [(input[0] ?? 0) - (p.rows as number), ...input.slice(1)],
    weights: () => [],
    macs: () => 0,
  };
  return { ...real, getOp: (type: string) => (type === 'Crop' ? empty : real.getOp(type)) };
});

describe('ZERO_SIZED', () => {
  it.each([4, 5])('refuses a layer whose output has an empty axis (cutting %i rows of 4)', (rows) => {
    const result = validateModel(spec([4, 3], { id: 'crop', type: 'Crop', rows }));
    expect(result.ok ? 'ok' : result.error.toJSON()).toMatchObject({
      code: 114,
      id: 'ZERO_SIZED',
      layer: 'crop',
    });
  });

  it('accepts the same layer when something is left', () => {
    const result = validateModel(spec([4, 3], { id: 'crop', type: 'Crop', rows: 1 }));
    expect(result.ok && result.model.layers[0]?.outputShape).toEqual([3, 3]);
  });
});
