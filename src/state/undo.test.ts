import { describe, expect, it } from 'vitest';
import { suggestFixes } from '../core/budget/suggest.ts';
import { evaluateSpec } from '../core/inspect/evaluate.ts';
import { currentModel, currentProject } from './store.ts';
import { testEditor } from './test-editor.ts';

const ids = (e: ReturnType<typeof testEditor>) => currentModel(e.store.getState()).layers.map((l) => l.id);

describe('undo and redo', () => {
  it('undoes and redoes each edit in order', () => {
    const e = testEditor();
    e.actions.insertLayer('Flatten');
    e.tick();
    e.actions.insertLayer('Dense');
    expect(ids(e)).toEqual(['flatten', 'dense']);
    e.actions.undo();
    expect(ids(e)).toEqual(['flatten']);
    e.actions.undo();
    expect(ids(e)).toEqual([]);
    e.actions.redo();
    e.actions.redo();
    expect(ids(e)).toEqual(['flatten', 'dense']);
  });

  it('makes typing into one field one undo step, and a pause or another field a new step', () => {
    const e = testEditor();
    const fc = e.actions.insertLayer('Dense');
    for (const units of [1, 10, 100]) {
      e.tick(200);
      e.actions.updateParams(fc, { units });
    }
    e.tick(5000);
    e.actions.updateParams(fc, { units: 50 });
    const units = () => currentModel(e.store.getState()).layers[0]?.units;
    expect(units()).toBe(50);
    e.actions.undo();
    expect(units()).toBe(100);
    e.actions.undo();
    expect(units()).toBe(10); // the default of a new Dense layer, from its example
  });

  it('does not record selection, tabs or opening a project as undo steps', () => {
    const e = testEditor();
    e.actions.insertLayer('Flatten');
    const steps = e.store.temporal.getState().pastStates.length;
    e.actions.select(null);
    e.actions.setTab('json');
    const second = e.actions.newProject('B');
    const first = e.store.getState().order[1] as string;
    e.actions.openProject(first);
    e.actions.openProject(second);
    expect(e.store.temporal.getState().pastStates.length).toBe(steps + 1);
  });

  it('brings a deleted project back with its model', () => {
    const e = testEditor();
    const first = e.store.getState().currentId;
    e.actions.insertLayer('Flatten');
    const other = e.actions.newProject('Other');
    e.actions.deleteProject(first);
    expect(e.store.getState().projects[first]).toBeUndefined();
    e.actions.undo();
    expect(e.store.getState().order).toEqual([other, first]);
    expect(e.store.getState().models[first]?.layers.map((l) => l.id)).toEqual(['flatten']);
  });

  it('stops a redo branch once a new edit is made', () => {
    const e = testEditor();
    e.actions.insertLayer('Flatten');
    e.actions.undo();
    e.actions.insertLayer('Dense');
    e.actions.redo();
    expect(ids(e)).toEqual(['dense']);
  });

  it('a fix applied with one click (a packing, then a chip) is undone step by step with Ctrl+Z', () => {
    const e = testEditor();
    e.actions.insertLayer('Flatten');
    e.tick();
    const fc = e.actions.insertLayer('Dense');
    e.tick();
    e.actions.updateParams(fc, { units: 4000 });
    e.tick(5000);
    const before = currentModel(e.store.getState());
    const chip = currentProject(e.store.getState()).chipId;
    const fix = suggestFixes(before, chip, (s, c) => evaluateSpec(s, c)).find((f) => f.kind === 'pack');
    if (fix?.kind !== 'pack') throw new Error('expected a packing fix');
    e.actions.replaceModel(fix.patch);
    e.tick(5000);
    e.actions.setChip('esp32s3');
    expect(currentModel(e.store.getState()).layers.find((l) => l.id === fc)).toHaveProperty('packing');
    e.actions.undo();
    expect(currentProject(e.store.getState()).chipId).toBe(chip);
    e.actions.undo();
    expect(currentModel(e.store.getState())).toEqual(before);
  });
});
