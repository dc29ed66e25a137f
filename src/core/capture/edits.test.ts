import { describe, expect, it } from 'vitest';
import { addClass, addItems, pushAdd, removeItems, undoStep, type Step } from './edits.ts';
import { EMPTY_SET, type Capture, type CaptureSet } from './types.ts';

const frame = (id: string, second: number): Capture => ({
  id,
  kind: 'image',
  label: 'class 1',
  at: `2026-01-01T00:00:0${second}Z`,
  width: 1,
  height: 1,
  rgb: Uint8Array.of(second, 0, 0),
});
const ids = (set: CaptureSet) => set.items.map((c) => c.id);

describe('[D-8] deleting and undoing recordings', () => {
  it('undoes one hold of Record as one step, however many frames it kept', () => {
    let set = EMPTY_SET;
    let stack: Step[] = [];
    for (const [id, batch] of [
      ['a', 'h1'],
      ['b', 'h2'],
      ['c', 'h2'],
      ['d', 'h2'],
    ] as const) {
      set = addItems(set, [frame(id, ids(set).length)]).set;
      stack = pushAdd(stack, [id], batch);
    }
    expect(stack).toHaveLength(2);
    const undone = undoStep(set, stack.at(-1) as Step);
    expect(ids(undone.set)).toEqual(['a']);
    expect(undone.change).toEqual({ remove: ['b', 'c', 'd'] });
  });

  it('puts deleted recordings back in recording order, and writes them back to storage', () => {
    const set = { ...EMPTY_SET, items: [frame('a', 1), frame('b', 2), frame('c', 3)] };
    const removed = removeItems(set, ['b', 'a', 'nothing']);
    expect(removed && ids(removed.set)).toEqual(['c']);
    expect(removed?.change).toEqual({ remove: ['a', 'b'] });
    const back = undoStep(removed!.set, removed!.step);
    expect(ids(back.set)).toEqual(['a', 'b', 'c']);
    expect(back.change.put?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(removeItems(set, ['nothing'])).toBeNull();
  });

  it('adds a class, refuses a bad or duplicate name, and undoes the addition', () => {
    const added = addClass(EMPTY_SET, 'image', 'thumbs up');
    if (typeof added === 'string') throw new Error(added);
    expect(added.set.classes.image).toEqual(['class 1', 'class 2', 'thumbs up']);
    expect(addClass(added.set, 'image', 'thumbs up')).toBe('that class exists');
    expect(addClass(added.set, 'sound', 'a/b')).toMatch(/cannot hold/);
    expect(undoStep(added.set, added.step).set.classes).toEqual(EMPTY_SET.classes);
  });
});
