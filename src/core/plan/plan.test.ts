import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spec } from '../ops/test-spec.ts';
import { randomModel } from '../testing/random-model.ts';
import { planned } from './test-models.ts';
import { alignUp, peakLiveBytes } from './live.ts';
import type { MemoryPlan } from './types.ts';

const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));

/** The aligned live peak and the aligned kept states: what placement must at least use. */
const peakLive = (plan: MemoryPlan) =>
  peakLiveBytes(plan.graph.buffers) + plan.states.reduce((sum, s) => sum + alignUp(s.bytes), 0);
const peakStepBytes = (plan: MemoryPlan) => Math.max(0, ...plan.steps.map((s) => s.liveBytes));
/** Buffers are placed as 16-byte multiples; the arena ends where the top buffer's own bytes end. */
const placedEnd = (plan: MemoryPlan) => alignUp(plan.arenaBytes);

describe('planModel', () => {
  it('plans mnist-mlp to the hand-computed arena', () => {
    const plan = planned(JSON.parse(readFileSync(new URL('mnist-mlp.json', examplesDir), 'utf8')));
    // Steps: fc1 (Dense+relu), out (Dense to 10 values), softmax in place. Flatten is a view of the input.
    // Step 0: input 784 B (49×16) + fc1 100 B → 112 = 896. Step 1: fc1 112 + logits 16 = 128. Step 2: 16.
    // Without in-place the softmax needs its own 16 B at step 2 (32): the peak stays 896. The arena ends
    // at the last byte of fc1's output, placed right after the input: 784 + 100.
    expect(plan.arenaBytes).toBe(784 + 100);
    expect(plan.lowerBoundBytes).toBe(784 + 112);
    expect(plan.steps).toEqual([
      { index: 0, layerIds: ['fc1'], liveBuffers: [0, 1], liveBytes: 884 },
      { index: 1, layerIds: ['out'], liveBuffers: [1, 2], liveBytes: 110 },
      { index: 2, layerIds: ['out'], liveBuffers: [2], liveBytes: 10 },
    ]);
    expect(plan.peakStep).toBe(0);
  });

  it('goes below the no-alias bound when the peak step runs in place', () => {
    const plan = planned(
      spec(
        [100],
        { id: 'squash', type: 'Activation', activation: 'sigmoid' },
        { id: 'fc', type: 'Dense', units: 10 },
      ),
    );
    // Without in-place, step 0 holds the input and the sigmoid output: 112 + 112.
    expect(plan.lowerBoundBytes).toBe(224);
    // In place, step 1 is the peak: 112 + 16 placed, the arena ending after the 10 logits: 112 + 10.
    expect(plan.arenaBytes).toBe(122);
    expect(plan.peakStep).toBe(1);
  });

  it('runs a residual Add in place, sharing the skip buffer', () => {
    const plan = planned(
      spec(
        [8, 8, 4],
        { id: 'skip', type: 'Conv2D', filters: 4, kernelSize: 3, padding: 'same' },
        { id: 'branch', type: 'Conv2D', filters: 4, kernelSize: 3, padding: 'same' },
        { id: 'sum', type: 'Add', inputs: ['skip', 'branch'] },
      ),
    );
    // Each tensor is 256 B and at most two are live at once, if the Add writes into the skip buffer;
    // a separate Add output would make three at step 2.
    expect(plan.graph.steps[2]?.inPlaceOf).toBe(0);
    expect(plan.arenaBytes).toBe(512);
    expect(plan.lowerBoundBytes).toBe(768);
  });

  it('[F-74] keeps each GRU state above the buffers, inside the arena it reports', () => {
    const plan = planned(JSON.parse(readFileSync(new URL('char-lm.json', examplesDir), 'utf8')));
    // Buffers: the embedding's 64 values, the GRU's 64, the 256 logits; at the Dense step the GRU output
    // (0..64) and the logits (64..320) are live. The state [2, 64] sits at the next 16-byte boundary.
    expect(plan.states).toEqual([{ step: 1, offset: 320, bytes: 128 }]);
    expect(plan.arenaBytes).toBe(448);
    expect(plan.lowerBoundBytes).toBe(320 + 128);
    // The state is live at every step, so every step shows it.
    expect(plan.steps.map((s) => s.liveBytes)).toEqual([1 + 64 + 128, 64 + 64 + 128, 64 + 256 + 128]);
  });

  it('reports -1 as the peak step of a model without steps', () => {
    const plan = planned(spec([4, 4], { id: 'flat', type: 'Flatten' }));
    expect(plan).toMatchObject({ arenaBytes: 16, lowerBoundBytes: 16, steps: [], peakStep: -1 });
  });

  it.each(examples)('fits %s within the lower bound', (file) => {
    const plan = planned(JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')));
    expect(plan.arenaBytes).toBeLessThanOrEqual(plan.lowerBoundBytes);
    expect(placedEnd(plan)).toBeGreaterThanOrEqual(peakLive(plan));
    expect(plan.steps[plan.peakStep]?.liveBytes).toBe(peakStepBytes(plan));
    expect(peakStepBytes(plan)).toBeLessThanOrEqual(plan.arenaBytes);
  });

  it('fits 1,000 random models within the lower bound, almost all exactly at their live peak', () => {
    let atPeak = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const plan = planned(randomModel(seed, { embedding: seed % 4 === 0, gru: seed % 3 === 0 }));
      expect(plan.arenaBytes, `seed ${seed}`).toBeLessThanOrEqual(plan.lowerBoundBytes);
      expect(placedEnd(plan), `seed ${seed}`).toBeGreaterThanOrEqual(peakLive(plan));
      if (placedEnd(plan) === peakLive(plan)) atPeak++;
    }
    expect(atPeak).toBeGreaterThanOrEqual(990);
  });

  it('plans a model of about 200 layers quickly', () => {
    const model = randomModel(42, { blocks: 100 });
    const start = performance.now();
    const plan = planned(model);
    expect(plan.graph.steps.length).toBeGreaterThan(100);
    // Generous: the figure is typically a few milliseconds, but test machines are shared.
    expect(performance.now() - start).toBeLessThan(500);
  });
});
