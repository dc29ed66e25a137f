import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../core/model/types.ts';
import { deepModel } from '../../../scripts/deep-model.ts';
import { keepEdges, keepMeasured } from './drop.ts';
import { flowToSpec, specToFlow, type FlowNode } from './flow.ts';
import { indexAtY, layoutModel, NODE_WIDTH } from './layout.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES).map(
  (f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as ModelSpec,
);
const byName = (name: string) => examples.find((e) => e.name === name) as ModelSpec;

describe('graph ↔ spec', () => {
  it('turns every example into a canvas and back into the same spec', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const spec of [...examples, deepModel(50)]) {
      const { nodes, edges } = specToFlow(spec);
      expect(nodes).toHaveLength(spec.layers.length + 1);
      expect(flowToSpec(spec, nodes, edges), spec.name).toEqual(spec);
    }
  });

  it('draws one edge per input, the implicit ones included, and only written ones removable', () => {
    const { edges } = specToFlow(byName('residual'));
    const add = edges.filter((e) => e.target === 'add1');
    expect(add.map((e) => e.source)).toEqual(['stem', 'a2']);
    expect(add.every((e) => e.deletable)).toBe(true);
    expect(edges.find((e) => e.target === 'a1')).toMatchObject({ source: 'stem', deletable: false });
    const total = byName('residual').layers.reduce((n, l) => n + (l.inputs?.length ?? 1), 0);
    expect(edges).toHaveLength(total);
  });

  it('marks the layer an error names, with its message and fix', () => {
    const problem = { layerId: 'fc1', code: 104, message: 'missing units', hint: 'Add "units"' };
    const { nodes } = specToFlow(byName('mnist-mlp'), { problem, selectedId: 'out' });
    expect(nodes.find((n) => n.id === 'fc1')?.data).toMatchObject({ problem });
    expect(nodes.find((n) => n.id === 'out')?.selected).toBe(true);
  });
});

describe('layout', () => {
  it('lays a chain out top to bottom in one column', () => {
    const pos = layoutModel(byName('mnist-mlp'));
    const ys = ['input', 'flat', 'fc1', 'out'].map((id) => pos.get(id)?.y ?? NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(['input', 'flat', 'fc1', 'out'].map((id) => pos.get(id)?.x)).size).toBe(1);
  });

  it('puts the branches of a DAG side by side, below what feeds them and above their join', () => {
    const spec = byName('residual');
    const pos = layoutModel(spec);
    const at = (id: string) => pos.get(id) ?? { x: NaN, y: NaN };
    const [stem, a1, add] = [at('stem'), at('a1'), at('add1')];
    expect(stem.y).toBeLessThan(a1.y);
    expect(a1.y).toBeLessThan(add.y);
    // The skip edge stem → add1 reserves a slot beside a1, so a1 is pushed off the skip edge's column.
    expect(Math.abs(a1.x - stem.x)).toBeGreaterThanOrEqual(NODE_WIDTH / 2);
  });

  it('finds where a dropped layer goes from the drop height', () => {
    const spec = byName('mnist-mlp');
    const pos = layoutModel(spec);
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(indexAtY(spec, pos, y('input'))).toBe(0);
    expect(indexAtY(spec, pos, y('fc1') + 5)).toBe(1);
    expect(indexAtY(spec, pos, y('out') + 500)).toBe(3);
    expect(indexAtY(spec, pos, y('input'), 'out')).toBe(0);
  });

  it('terminates on a cycle', () => {
    const spec: ModelSpec = {
      ...byName('mnist-mlp'),
      layers: [
        { id: 'a', type: 'Dense', units: 2, inputs: ['b'] },
        { id: 'b', type: 'Dense', units: 2, inputs: ['a'] },
      ],
    };
    expect(layoutModel(spec).size).toBe(3);
  });
});

describe('canvas updates', () => {
  it('keeps the objects of nodes and edges an edit did not change, and the size of those it did', () => {
    const spec = byName('lenet');
    const before = specToFlow(spec);
    const measured = before.nodes.map((n) => ({ ...n, measured: { width: 232, height: 80 } }) as FlowNode);
    const layers = spec.layers.map((l, i) => (i === 1 ? { ...l, filters: 12 } : l));
    const after = specToFlow({ ...spec, layers });
    const kept = keepMeasured(after.nodes, measured);
    const changed = spec.layers[1]?.id;
    for (const [i, node] of kept.entries()) {
      if (node.id === changed) {
        expect(node).not.toBe(measured[i]);
        expect(node.measured).toEqual({ width: 232, height: 80 });
      } else expect(node).toBe(measured[i]);
    }
    const edges = keepEdges(after.edges, before.edges);
    edges.forEach((e, i) => expect(e).toBe(before.edges[i]));
    // Nothing changed in the edges: the canvas gets the very array it has, and redoes no connection.
    expect(edges).toBe(before.edges);
    expect(keepMeasured(after.nodes, measured)).not.toBe(measured);
    expect(keepMeasured(before.nodes, measured)).toBe(measured);
  });
});
