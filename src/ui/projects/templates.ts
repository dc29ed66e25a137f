import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';

export interface Template {
  readonly file: string;
  readonly spec: ModelSpec;
  readonly description: string;
  readonly params: number;
  readonly layers: number;
}

// The example models ship in the bundle, so the gallery works offline.
const files = import.meta.glob<ModelSpec>('../../../examples/*.json', { eager: true, import: 'default' });

/** The gallery order: the simplest first. */
const ORDER = [
  'mnist-mlp',
  'sine',
  'lenet',
  'imu-gestures',
  'keyword-spotting',
  'image-cnn',
  'residual',
  'inception-mini',
  'mobilenet-ds',
];

export function loadTemplates(): Template[] {
  const rank = (t: Template) => (ORDER.indexOf(t.spec.name) + ORDER.length + 1) % (ORDER.length + 1);
  return Object.entries(files)
    .map(([path, spec]) => {
      const model = analyzeModel(spec);
      return {
        file: path.split('/').pop() ?? path,
        spec,
        description: spec.description ?? '',
        params: model.paramCount,
        layers: spec.layers.length,
      };
    })
    .sort((a, b) => rank(a) - rank(b));
}
