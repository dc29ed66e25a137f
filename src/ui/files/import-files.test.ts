import { describe, expect, it } from 'vitest';
import { filesLabel, isForeignModel } from './import-files.ts';

const file = (name: string) => new File(['x'], name);

describe('what the Import button opens', () => {
  it('takes a .tflite, shards, or a model.json with a tfjs topology as a foreign model', () => {
    expect(isForeignModel([file('kws.tflite')], undefined)).toBe(true);
    expect(isForeignModel([file('model.json'), file('group1-shard1of1.bin')], undefined)).toBe(true);
    expect(isForeignModel([file('model.json')], '{"modelTopology": {}, "weightsManifest": []}')).toBe(true);
    expect(isForeignModel([file('mlp.minnow.json')], '{"format": "minnow-project", "version": 3}')).toBe(
      false,
    );
    expect(isForeignModel([file('mlp.json')], '{"format": "minnow-model", "layers": []}')).toBe(false);
  });

  it('names the files in a notice by the model file', () => {
    expect(filesLabel([file('metadata.json'), file('weights.bin'), file('model.json')])).toBe(
      'model.json and 2 more files',
    );
    expect(filesLabel([file('kws.tflite')])).toBe('kws.tflite');
  });
});
