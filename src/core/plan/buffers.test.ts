import { describe, expect, it } from 'vitest';
import { checkLifetimes } from './verify.ts';
import { bufferOf, lowered, steps } from './test-models.ts';

describe('buffer lifetimes', () => {
  it('keeps the input live from step 0 and the output until the last step', () => {
    // The input is first read at step 1 (after a branch), the output written at the last step.
    const g = lowered(
      [8],
      [
        { id: 'a', type: 'Dense', units: 8, inputs: ['input'] },
        { id: 'b', type: 'Dense', units: 8, inputs: ['input'] },
        { id: 'sum', type: 'Add', inputs: ['a', 'b'] },
      ],
    );
    const input = g.buffers[bufferOf(g, 'input')];
    expect(input).toMatchObject({ firstStep: 0, lastStep: 1 });
    expect(g.buffers[bufferOf(g, 'sum')]?.lastStep).toBe(2);
    expect(checkLifetimes(g)).toEqual([]);
  });

  it('covers a single buffer when the model is only views', () => {
    const g = lowered([4, 4], [{ id: 'flat', type: 'Flatten' }]);
    expect(g.steps).toEqual([]);
    expect(g.buffers).toEqual([{ id: 0, bytes: 16, firstStep: 0, lastStep: 0 }]);
    expect(g.outputTensor).not.toBe(g.inputTensor);
    expect(checkLifetimes(g)).toEqual([]);
  });

  it('extends a buffer to the last read through any of its views', () => {
    const g = lowered(
      [4, 4],
      [
        { id: 'flat', type: 'Flatten' },
        { id: 'a', type: 'Dense', units: 16 },
        { id: 'b', type: 'Dense', units: 16 },
        { id: 'sum', type: 'Add', inputs: ['flat', 'b'] },
      ],
    );
    expect(g.buffers[bufferOf(g, 'input')]).toMatchObject({ firstStep: 0, lastStep: 2 });
  });
});

describe('in-place steps', () => {
  it('runs an elementwise step in place when its input dies there', () => {
    const g = lowered(
      [6],
      [
        { id: 'fc', type: 'Dense', units: 5 },
        { id: 's', type: 'Activation', activation: 'tanh' },
      ],
    );
    expect(bufferOf(g, 's')).toBe(bufferOf(g, 'fc'));
    expect(g.buffers).toHaveLength(2);
    expect(g.buffers[bufferOf(g, 's')]).toMatchObject({ firstStep: 0, lastStep: 1 });
  });

  it('writes a new buffer when the input is read later', () => {
    const g = lowered(
      [6],
      [
        { id: 'fc', type: 'Dense', units: 6 },
        { id: 's', type: 'Activation', activation: 'sigmoid' },
        { id: 'sum', type: 'Add', inputs: ['fc', 's'] },
      ],
    );
    const s = steps(g);
    expect(s[1]?.inPlaceOf).toBeUndefined();
    expect(bufferOf(g, 's')).not.toBe(bufferOf(g, 'fc'));
    // Both Add inputs die at the Add: it reuses the first.
    expect(s[2]?.inPlaceOf).toBe(0);
    expect(bufferOf(g, 'sum')).toBe(bufferOf(g, 'fc'));
  });

  it('runs Add in place into whichever input dies there', () => {
    const g = lowered(
      [6],
      [
        { id: 'skip', type: 'Dense', units: 6 },
        { id: 'branch', type: 'Dense', units: 6 },
        { id: 'sum', type: 'Add', inputs: ['skip', 'branch'] },
        { id: 'again', type: 'Add', inputs: ['skip', 'sum'] },
      ],
    );
    const s = steps(g);
    // At "sum" the skip is still needed by "again", so the branch's buffer is reused.
    expect(s[2]).toMatchObject({ op: 'Add', inPlaceOf: 1 });
    expect(bufferOf(g, 'sum')).toBe(bufferOf(g, 'branch'));
    expect(s[3]).toMatchObject({ op: 'Add', inPlaceOf: 0 });
    expect(checkLifetimes(g)).toEqual([]);
  });

  it('never runs a kernel that reads a window (Dense, Conv, pooling) in place', () => {
    const g = lowered(
      [6, 6, 2],
      [
        { id: 'p', type: 'MaxPooling2D', poolSize: 1 },
        { id: 'd', type: 'Dense', units: 2 },
      ],
    );
    expect(g.steps.every((s) => s.inPlaceOf === undefined)).toBe(true);
    expect(new Set(g.tensors.map((t) => t.buffer)).size).toBe(3);
  });

  it('with inPlace off, gives every step its own buffer and keeps the same steps', () => {
    const layers = [
      { id: 'fc', type: 'Dense', units: 5 },
      { id: 's', type: 'Softmax' },
    ];
    const on = lowered([6], layers);
    const off = lowered([6], layers, { inPlace: false });
    expect(off.steps.map((s) => s.layerIds)).toEqual(on.steps.map((s) => s.layerIds));
    expect(off.steps.some((s) => s.inPlaceOf !== undefined)).toBe(false);
    expect(off.buffers).toHaveLength(3);
    expect(checkLifetimes(off)).toEqual([]);
  });
});
