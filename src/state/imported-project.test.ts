import { describe, expect, it } from 'vitest';
import { importTflite } from '../core/import/tflite/index.ts';
import { int8MlpFloatIo } from '../core/import/tflite/test-int8.ts';
import type { ExactQuant } from '../core/quant/exact.ts';
import { serializeProject, toProjectFile } from './project-file.ts';
import { currentProject } from './store.ts';
import { testEditor } from './test-editor.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const imported = importTflite({ name: 'mlp8.tflite', bytes: int8MlpFloatIo().bytes });
const text = serializeProject({
  id: 'x',
  name: 'mlp8',
  chipId: 'esp32',
  model: imported.model,
  weights: imported.weights,
  source: imported.source,
  quantization: imported.quantization as ExactQuant,
  createdAt: NOW,
  updatedAt: NOW,
});

describe('an imported project in the editor', () => {
  it('[PQ-1] keeps its source and int8 quantization through import, duplication and saving', () => {
    const { store, actions } = testEditor();
    expect(actions.importText(text, 'mlp8.minnow.json')).toBe(true);
    const meta = currentProject(store.getState());
    expect(meta.source).toEqual({ format: 'tflite', file: 'mlp8.tflite' });
    expect(meta.quantization).toEqual(imported.quantization);
    const copy = actions.duplicateProject(store.getState().currentId) as string;
    const state = store.getState();
    // What autosave writes (persistence/workspace.ts): the meta spread with the model and weights.
    const file = toProjectFile({
      ...(state.projects[copy] as typeof meta),
      model: state.models[copy] as never,
    });
    expect(file.quantization).toBeDefined();
    expect(file.source).toEqual(meta.source);
  });

  it('[PQ-1] a training run replaces the weights the quantization belongs to, so it is dropped', () => {
    const { store, actions } = testEditor();
    actions.importText(text, 'mlp8.minnow.json');
    const id = store.getState().currentId;
    actions.setWeights(id, imported.weights);
    expect(store.getState().projects[id]?.quantization).toBeUndefined();
    expect(store.getState().projects[id]?.source).toEqual({ format: 'tflite', file: 'mlp8.tflite' });
  });
});

describe('saving a project after every edit', () => {
  it('encodes its weights once, and again only for new weights or a new quantization', () => {
    const project = {
      id: 'x',
      name: 'mlp8',
      chipId: 'esp32',
      model: imported.model,
      weights: imported.weights,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const first = toProjectFile(project).weights;
    // An edit: a new model and name, the same weights.
    const edited = { ...project, name: 'renamed', model: { ...imported.model, name: 'renamed' } };
    expect(toProjectFile(edited).weights).toBe(first);
    const retrained = { ...project, weights: { ...imported.weights } };
    const again = toProjectFile(retrained).weights;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // The exact quantization's layers are left out of the weights: a new one gives a new encoding.
    const exact = toProjectFile({ ...project, quantization: imported.quantization as ExactQuant }).weights;
    expect(exact).not.toEqual(first);
  });
});
