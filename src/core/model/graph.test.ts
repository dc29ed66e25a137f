import { describe, expect, it } from 'vitest';
import { errorOf, spec } from '../ops/test-spec.ts';
import { buildGraph } from './graph.ts';
import type { LayerSpec } from './types.ts';

const dense = (id: string, inputs?: string[]): LayerSpec => ({
  id,
  type: 'Dense',
  units: 2,
  ...(inputs ? { inputs } : {}),
});

describe('buildGraph', () => {
  it('[M-5] feeds each layer from the one before it, and the first from the model input', () => {
    const graph = buildGraph([dense('a'), dense('b'), dense('c')]);
    expect(['a', 'b', 'c'].map((id) => graph.nodes.get(id)?.inputs)).toEqual([['input'], ['a'], ['b']]);
    expect(graph.order).toEqual(['a', 'b', 'c']);
    expect(graph.outputId).toBe('c');
  });

  it('orders a file written out of order so every layer comes after its inputs', () => {
    const graph = buildGraph([dense('late', ['early']), dense('early', ['input']), dense('out', ['late'])]);
    expect(graph.order).toEqual(['early', 'late', 'out']);
  });

  it('keeps file order among independent branches', () => {
    const graph = buildGraph([
      dense('x', ['input']),
      dense('y', ['input']),
      dense('z', ['input']),
      { id: 'sum', type: 'Add', inputs: ['z', 'x', 'y'] },
    ]);
    expect(graph.order).toEqual(['x', 'y', 'z', 'sum']);
  });

  it('lets a layer read the same input twice', () => {
    const graph = buildGraph([dense('a'), { id: 'sum', type: 'Add', inputs: ['a', 'a'] }]);
    expect(graph.order).toEqual(['a', 'sum']);
  });
});

describe('graph errors name the layer', () => {
  it('[M-4] DUPLICATE_ID', () => {
    const model = spec([4], { id: 'fc', type: 'Dense', units: 2 }, { id: 'fc', type: 'Dense', units: 2 });
    expect(errorOf(model)).toMatchObject({ id: 'DUPLICATE_ID', code: 106, layerId: 'fc' });
  });

  it('[M-4] INPUT_ID_RESERVED for a layer named "input"', () => {
    expect(errorOf(spec([4], { id: 'input', type: 'Dense', units: 2 }))).toMatchObject({
      id: 'INPUT_ID_RESERVED',
      layerId: 'input',
    });
  });

  it('[M-6] DANGLING_INPUT for an input that does not exist', () => {
    const error = errorOf(spec([4], { id: 'fc', type: 'Dense', units: 2, inputs: ['fc0'] }));
    expect(error).toMatchObject({
      id: 'DANGLING_INPUT',
      code: 107,
      layerId: 'fc',
      details: { input: 'fc0' },
    });
  });

  it('[M-6] CYCLE names a layer of the loop and the loop itself', () => {
    const model = spec(
      [4],
      { id: 'a', type: 'Dense', units: 4, inputs: ['c'] },
      { id: 'b', type: 'Dense', units: 4, inputs: ['a'] },
      { id: 'c', type: 'Dense', units: 4, inputs: ['b'] },
    );
    const error = errorOf(model);
    expect(error).toMatchObject({ id: 'CYCLE', code: 108 });
    // The loop is written in the direction data flows, starting and ending at the named layer.
    const loop = String(error.details.cycle).split(' → ');
    expect(loop).toHaveLength(4);
    expect([loop[0], loop[3]]).toEqual([error.layerId, error.layerId]);
    const inputOf: Record<string, string> = { a: 'c', b: 'a', c: 'b' };
    for (let i = 1; i < loop.length; i++) expect(inputOf[loop[i] ?? '']).toBe(loop[i - 1]);
  });

  it('[M-6] CYCLE for a layer that feeds itself', () => {
    const error = errorOf(spec([4], { id: 'loop', type: 'Dense', units: 4, inputs: ['loop'] }));
    expect(error).toMatchObject({ id: 'CYCLE', layerId: 'loop', details: { cycle: 'loop → loop' } });
  });

  it('[M-6] UNCONNECTED for a branch that does not reach the output', () => {
    const model = spec(
      [4],
      { id: 'side', type: 'Dense', units: 3 },
      { id: 'out', type: 'Dense', units: 2, inputs: ['input'] },
    );
    expect(errorOf(model)).toMatchObject({
      id: 'UNCONNECTED',
      code: 109,
      layerId: 'side',
      details: { output: 'out' },
    });
  });
});
