import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { savedModel, SHARD } from '../core/import/layers/test-save.ts';
import { int8MlpFloatIo } from '../core/import/tflite/test-int8.ts';
import { currentProject } from './store.ts';
import { importedNotice } from './actions/import-notice.ts';
import { testEditor } from './test-editor.ts';

async function tinyFiles() {
  const model = tf.sequential({
    name: 'tiny_tfjs',
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 2, kernelSize: 3, name: 'conv' }),
      tf.layers.zeroPadding2d({ padding: 1, name: 'pad' }),
      tf.layers.conv2d({ filters: 2, kernelSize: 3, name: 'conv2' }),
      tf.layers.flatten({ name: 'flat' }),
      tf.layers.dense({ units: 2, name: 'out' }),
    ],
  });
  return { model, files: await savedModel(model) };
}

describe('importing a tfjs model into the editor', () => {
  it('opens it as a new project with its trained weights and lists what the import changed', async () => {
    const { store, actions } = testEditor();
    const { model, files } = await tinyFiles();
    const before = store.getState().order.length;
    expect(actions.importModel(files, 'model.json and 1 more file')).toBe(true);
    const state = store.getState();
    expect(state.order.length).toBe(before + 1);
    expect(currentProject(state).name).toBe('tiny_tfjs');
    expect(state.models[state.currentId]?.layers.map((l) => l.id)).toEqual(['conv', 'conv2', 'flat', 'out']);
    const conv = model.getLayer('conv').getWeights()[0]?.dataSync();
    expect(state.weights[state.currentId]?.conv?.kernel).toEqual(conv);
    expect(state.notice?.kind).toBe('info');
    expect(state.notice?.text).toMatch(
      /Imported “tiny_tfjs” \(4 layers with its trained weights\) from model\.json/,
    );
    expect(state.notice?.details).toEqual([
      expect.stringMatching(/ZeroPadding2D "pad" was folded into "conv2"/),
    ]);
  });

  it('refuses a model without its shard with the coded reason and changes nothing', async () => {
    const { store, actions } = testEditor();
    const { files } = await tinyFiles();
    const before = store.getState().order;
    expect(actions.importModel(files.slice(0, 1), 'model.json')).toBe(false);
    expect(store.getState().order).toEqual(before);
    expect(store.getState().notice).toEqual({
      kind: 'error',
      text: expect.stringMatching(new RegExp(`^Cannot import model\\.json: E673 .*"${SHARD}"`)),
    });
  });
});

describe('the notice after an import', () => {
  const imported = {
    model: { format: 'minnow-model', version: 1, name: 'kws', input: { shape: [4] }, layers: [] },
    weights: {},
    source: { format: 'tflite', file: 'kws.tflite' },
  } as const;

  it('lists at most six notes and counts the rest', () => {
    const notes = Array.from({ length: 9 }, (_, i) => `note ${i}`);
    const notice = importedNotice({ ...imported, notes }, 'kws.tflite');
    expect(notice.details).toEqual([...notes.slice(0, 6), '… and 3 more changes of the same kind.']);
  });

  it("keeps an int8 .tflite's own quantization with the project and says so", () => {
    const { store, actions } = testEditor();
    const { bytes } = int8MlpFloatIo();
    expect(actions.importModel([{ name: 'mlp.tflite', bytes }], 'mlp.tflite')).toBe(true);
    const state = store.getState();
    const meta = currentProject(state);
    expect(meta.source).toEqual({ format: 'tflite', file: 'mlp.tflite' });
    expect(Object.keys(meta.quantization?.layers ?? {}).length).toBeGreaterThan(0);
    expect(state.notice?.details).toContainEqual(expect.stringMatching(/int8 quantization is kept/));
    expect(importedNotice({ ...imported, notes: [] }, 'kws.tflite').details).toBeUndefined();
  });
});
