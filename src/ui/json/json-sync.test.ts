import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../core/model/types.ts';
import { checkModelText, layerLine, modelText, sameModel } from './json-sync.ts';

const spec: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'm',
  input: { shape: [4] },
  layers: [
    { id: 'a', type: 'Dense', units: 3 },
    { id: 'b.c', type: 'Dense', units: 2 },
  ],
};

describe('JSON panel text', () => {
  it('accepts a valid model and gives its spec', () => {
    const check = checkModelText(modelText(spec));
    expect(check).toEqual({ kind: 'ok', spec });
  });

  it('reports broken JSON and invalid models without a spec to apply', () => {
    expect(checkModelText('{"format": ').kind).toBe('not-json');
    const bad = modelText({ ...spec, layers: [{ id: 'a', type: 'Dense' }] });
    const check = checkModelText(bad);
    expect(check.kind).toBe('invalid');
    if (check.kind === 'invalid') {
      expect(check.error.code).toBe(104);
      expect(layerLine(bad, check.error.layerId)).toBe(
        bad.split('\n').findIndex((l) => l.includes('"a"')) + 1,
      );
    }
  });

  it('finds a layer line even when its id has regex characters, and compares texts by meaning', () => {
    const text = modelText(spec);
    expect(text.split('\n')[layerLine(text, 'b.c') - 1]).toContain('"b.c"');
    expect(layerLine(text, 'bxc')).toBe(1);
    expect(sameModel(JSON.stringify(spec), spec)).toBe(true);
    expect(sameModel('{', spec)).toBe(false);
  });
});
