import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { inspectModel } from '../../core/inspect/report.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { OPS } from '../../core/ops/registry.ts';
import { packingChoices, splitPackingField } from './packing-choices.ts';
import { PackingField } from './PackingField.tsx';
import { paramFields } from './param-fields.ts';

const fieldsOf = (type: string) => {
  const op = OPS.get(type);
  if (!op) throw new Error(type);
  return splitPackingField(paramFields(op));
};

const mnist = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'mnist-mlp.json'), 'utf8'),
) as ModelSpec;
const fc1 = inspectModel(mnist).layers.find((l) => l.id === 'fc1');

describe('[M-11] the packing control', () => {
  it('appears for the layer types whose schema takes `packing`, and only once', () => {
    for (const type of ['Dense', 'Conv1D', 'Conv2D', 'DepthwiseConv2D', 'GRU', 'Embedding']) {
      const { packing, others } = fieldsOf(type);
      expect(packing, type).toMatchObject({ kind: 'enum', defaultValue: 'int8' });
      expect(packing?.options).toEqual(['int8', 'int4', 'ternary']);
      expect(others.map((f) => f.name)).not.toContain('packing');
    }
    for (const type of ['Flatten', 'BatchNormalization', 'MaxPooling2D', 'Dropout']) {
      expect(fieldsOf(type).packing, type).toBeUndefined();
    }
    // Every other field stays in the generic form.
    const dense = fieldsOf('Dense');
    expect(dense.others.map((f) => f.name)).toEqual(['units', 'activation', 'useBias']);
  });

  it('prices each choice with the layer’s weights: 78,400 kernel bytes at int8, /2, /5, plus 400 of biases', () => {
    const choices = packingChoices(['int8', 'int4', 'ternary'], fc1);
    // KB of 1024 bytes: 78,800 → 77; 39,600 → 39 saving 39,200 → 38; 16,080 → 16 saving 62,720 → 61.
    expect(choices.map((c) => c.label)).toEqual([
      'int8 · 77 KB',
      'int4 · 39 KB (saves 38 KB)',
      'ternary · 16 KB (saves 61 KB)',
    ]);
    expect(choices[1]?.explanation).toMatch(/half the flash/i);
    expect(choices[2]?.explanation).toMatch(/fifth.*quantization awareness/i);
  });

  it('still offers every choice, unpriced, while the model has a problem', () => {
    const choices = packingChoices(['int8', 'int4', 'ternary'], undefined);
    expect(choices.map((c) => c.label)).toEqual(['int8', 'int4', 'ternary']);
    expect(choices.every((c) => c.explanation.length > 10)).toBe(true);
  });

  it('renders a labelled radio group with the layer’s packing checked (int8 when not written)', () => {
    const { packing } = fieldsOf('Dense');
    if (!packing) throw new Error('Dense takes a packing');
    const render = (value: unknown, error?: string) =>
      renderToStaticMarkup(
        <PackingField
          layerId="fc1"
          field={packing}
          value={value}
          report={fc1}
          {...(error ? { error } : {})}
          onChange={() => undefined}
        />,
      );
    const radios = (html: string) => html.match(/<input[^>]*type="radio"[^>]*>/g) ?? [];
    const checked = (html: string) =>
      radios(html)
        .filter((r) => r.includes('checked=""'))
        .map((r) => /value="(\w+)"/.exec(r)?.[1]);
    const html = render(undefined);
    expect(html).toContain('<legend>Weights stored as</legend>');
    expect(radios(html).filter((r) => r.includes('name="packing-fc1"'))).toHaveLength(3);
    expect(checked(html)).toEqual(['int8']);
    expect(checked(render('ternary'))).toEqual(['ternary']);
    expect(html).toContain('aria-describedby="packing-fc1-int4-note"');
    expect(render('int2', 'Use int8, int4 or ternary.')).toContain('Use int8, int4 or ternary.');
  });
});
