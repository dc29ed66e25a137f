import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../core/model/analyze.ts';
import type { ModelSpec } from '../core/model/types.ts';
import { deepModel } from '../../scripts/deep-model.ts';
import { canConnect, connect, connectableSources, disconnect } from './spec-connect.ts';
import { defaultParams, insertLayer, moveLayer, removeLayers } from './spec-edit.ts';

const spec = (layers: ModelSpec['layers'], shape = [8]): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 't',
  input: { shape },
  layers,
});

const chain = spec([
  { id: 'a', type: 'Dense', units: 8 },
  { id: 'b', type: 'Dense', units: 8 },
  { id: 'c', type: 'Dense', units: 4 },
]);

describe('model edits', () => {
  it('gives every layer type parameters that make a valid layer', () => {
    for (const [type, shape] of [
      ['Dense', [8]],
      ['Conv2D', [8, 8, 1]],
      ['Conv1D', [16, 2]],
      ['Reshape', [784]],
      ['Embedding', [10]],
      ['GRU', [10, 4]],
      ['Dropout', [8]],
    ] as const) {
      const { spec: s } = insertLayer(spec([], [...shape]), type, 0);
      expect(() => analyzeModel(s), type).not.toThrow();
    }
    expect(defaultParams('Flatten')).toEqual({});
  });

  it('rewires a layer that named a removed layer to what fed it', () => {
    const s = spec([
      { id: 'a', type: 'Dense', units: 8 },
      { id: 'b', type: 'Dense', units: 8 },
      { id: 'add', type: 'Add', inputs: ['a', 'b'] },
    ]);
    const out = removeLayers(s, ['b']);
    expect(out.layers.map((l) => l.id)).toEqual(['a', 'add']);
    expect(out.layers[1]?.inputs).toEqual(['a']);
    expect(removeLayers(s, ['nope'])).toBe(s);
  });

  it('reorders a chain, which changes who feeds whom', () => {
    const out = moveLayer(chain, 'c', 0);
    expect(out.layers.map((l) => l.id)).toEqual(['c', 'a', 'b']);
    expect(analyzeModel(out).layers.map((l) => l.outputShape)).toEqual([[4], [8], [8]]);
  });

  it('adds inputs to an Add layer, making a DAG, and replaces the input of a single-input layer', () => {
    const s = spec([...chain.layers, { id: 'add', type: 'Add' }]);
    const dag = connect(s, 'b', 'add');
    expect(dag.layers[3]?.inputs).toEqual(['c', 'b']);
    // c has 4 units, b 8: the Add must name the mismatch.
    expect(() => analyzeModel(dag)).toThrow(/different shapes/);
    const fixed = connect(dag, 'a', 'c');
    expect(fixed.layers[2]?.inputs).toEqual(['a']);
    const back = disconnect(fixed, 'a', 'c');
    expect(back.layers[2]).not.toHaveProperty('inputs');
  });

  it('refuses edges that would make a cycle, a self loop or a duplicate', () => {
    expect(canConnect(chain, 'c', 'a')).toBe(false);
    expect(canConnect(chain, 'b', 'b')).toBe(false);
    expect(canConnect(chain, 'a', 'b')).toBe(false);
    expect(canConnect(chain, 'input', 'c')).toBe(true);
    expect(connect(chain, 'c', 'a')).toBe(chain);
  });

  it('lists in one pass exactly the sources canConnect allows, for every layer of a model with branches', () => {
    const deep = deepModel(30);
    const ids = ['input', ...deep.layers.map((l) => l.id)];
    for (const target of [...ids, 'missing']) {
      const expected = ids.filter((id) => canConnect(deep, id, target));
      expect(connectableSources(deep, target), target).toEqual(expected);
    }
    expect(connectableSources(chain, 'b')).toEqual(['input', 'c'].filter((id) => canConnect(chain, id, 'b')));
    expect(connectableSources(chain, 'c')).toEqual(['input', 'a']);
  });
});
