import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import { spec } from '../ops/test-spec.ts';
import { planModel } from './index.ts';
import type { BufferLife } from './live.ts';
import { lowered } from './test-models.ts';
import type { ExecGraph, StatePlacement } from './types.ts';
import { checkLifetimes, checkPlacement, verifyPlan } from './verify.ts';

const b = (bytes: number, firstStep: number, lastStep: number): BufferLife => ({
  bytes,
  firstStep,
  lastStep,
});

describe('checkPlacement', () => {
  it('accepts overlapping addresses for buffers never live together, and empty buffers anywhere', () => {
    expect(checkPlacement([b(32, 0, 1), b(32, 2, 3), b(0, 0, 3)], [0, 0, 16], 32)).toEqual([]);
  });

  it('finds two live buffers sharing a byte', () => {
    expect(checkPlacement([b(20, 0, 1), b(16, 1, 2)], [0, 16], 48)).toEqual([
      { kind: 'overlap', a: 0, b: 1 },
    ]);
    expect(checkPlacement([b(16, 0, 1), b(16, 1, 2)], [0, 16], 32)).toEqual([]);
  });

  it('finds misaligned, negative and out-of-arena offsets, and a wrong count', () => {
    expect(checkPlacement([b(16, 0, 0)], [8], 32)).toEqual([{ kind: 'misaligned', buffer: 0, offset: 8 }]);
    expect(checkPlacement([b(16, 0, 0)], [-16], 32)).toEqual([
      { kind: 'outside', buffer: 0, offset: -16, bytes: 16 },
    ]);
    expect(checkPlacement([b(17, 0, 0)], [16], 32)).toEqual([
      { kind: 'outside', buffer: 0, offset: 16, bytes: 17 },
    ]);
    expect(checkPlacement([b(16, 0, 0)], [], 32)).toEqual([{ kind: 'count', buffers: 1, offsets: 0 }]);
  });
});

describe('checkLifetimes', () => {
  const graph = () =>
    lowered(
      [6],
      [
        { id: 'a', type: 'Dense', units: 6 },
        { id: 'b', type: 'Dense', units: 6 },
        { id: 's', type: 'Activation', activation: 'tanh' },
      ],
    );

  it('accepts what lowering produces', () => {
    expect(checkLifetimes(graph())).toEqual([]);
  });

  it('finds a buffer that ends before a step reads it', () => {
    const g = graph();
    const broken: ExecGraph = {
      ...g,
      buffers: g.buffers.map((x) => (x.id === 1 ? { ...x, lastStep: 0 } : x)),
    };
    expect(checkLifetimes(broken)).toContainEqual({ kind: 'lifetime', step: 1, tensor: 1 });
  });

  it('finds a step writing into a buffer it reads without saying so, or saying so wrongly', () => {
    const g = graph();
    const undeclared: ExecGraph = { ...g, steps: g.steps.map((s) => ({ ...s, inPlaceOf: undefined })) };
    expect(checkLifetimes(undeclared)).toEqual([{ kind: 'aliased', step: 2 }]);
    const wrong: ExecGraph = {
      ...g,
      steps: g.steps.map((s) => (s.index === 1 ? { ...s, inPlaceOf: 0 } : s)),
    };
    expect(checkLifetimes(wrong)).toEqual([{ kind: 'aliased', step: 1 }]);
  });
});

describe('verifyPlan with kept states', () => {
  const gru = () =>
    planModel(
      analyzeModel(
        spec(
          [4, 3],
          { id: 'g', type: 'GRU', units: 8, returnSequences: true },
          { id: 'd', type: 'Dense', units: 2 },
        ),
      ),
    );

  it('accepts the plan of a GRU model', () => {
    expect(gru().states).toHaveLength(1);
    expect(verifyPlan(gru())).toEqual([]);
  });

  it('finds a state over a live buffer, past the arena, or missing', () => {
    const plan = gru();
    const state = plan.states[0] as StatePlacement;
    expect(verifyPlan({ ...plan, states: [{ ...state, offset: 0 }] })).toContainEqual(
      expect.objectContaining({ kind: 'overlap' }),
    );
    expect(verifyPlan({ ...plan, arenaBytes: state.offset })).toContainEqual(
      expect.objectContaining({ kind: 'outside', offset: state.offset }),
    );
    expect(verifyPlan({ ...plan, states: [] })).toEqual([{ kind: 'stateless', step: 0 }]);
  });
});
