import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QuantReport } from '../../train/quantize/evaluate.ts';
import { parseCsv } from '../../train/datasets/csv.ts';
import { summarize } from '../../train/datasets/summary.ts';
import { DataSummary } from './DataSummary.tsx';
import { QuantizePanel } from './QuantizePanel.tsx';
import { INITIAL_VIEW, type TrainingView } from './training-state.ts';
import type { TrainingActions } from './useTrainingSession.ts';

const actions = {} as TrainingActions;
const report: QuantReport = {
  task: 'classes',
  samples: 4,
  calibrationSamples: 10,
  float: 0.75,
  int8: 0.5,
  agreement: 0.75,
  classNames: ['a', 'b'],
  confusion: [
    [1, 1],
    [1, 1],
  ],
  floatConfusion: [
    [2, 0],
    [1, 1],
  ],
  layers: [
    { layerId: 'fc1', type: 'Dense', error: 0.01, added: 0.01 },
    { layerId: 'out', type: 'Dense', error: 0.3, added: 0.29 },
  ],
  worstLayer: 'out',
  blobBytes: 1234,
  arenaBytes: 64,
};

describe('the int8 panel', () => {
  it('shows float and int8 side by side, the difference in points, the confusion matrix and the worst layer', () => {
    const view: TrainingView = { ...INITIAL_VIEW, ready: true, busy: null, trained: true, report };
    const html = renderToStaticMarkup(<QuantizePanel view={view} actions={actions} />);
    expect(html).toContain('data-value="0.75"');
    expect(html).toContain('data-value="0.5"');
    expect(html).toContain('-25.0 points');
    expect(html).toMatch(/most is added by <strong>out<\/strong>/);
    expect(html.match(/<tr/g)?.length).toBe(3 + 3);
  });

  it('cannot quantize before the model is trained and data is loaded', () => {
    const html = renderToStaticMarkup(
      <QuantizePanel view={{ ...INITIAL_VIEW, ready: true, busy: null }} actions={actions} />,
    );
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="quantize"/);
  });
});

describe('the data summary', () => {
  it('lists the skipped rows with their lines and the class balance', () => {
    const { dataset, report: dataReport } = parseCsv('x,label\n1,a\nfoo,b\n2,b\n', 'small.csv');
    const html = renderToStaticMarkup(<DataSummary summary={summarize(dataset, dataReport)} />);
    expect(html).toContain('1 skipped');
    expect(html).toContain('Line 3: column &quot;x&quot; holds &quot;foo&quot;, not a number');
    expect(html).toContain('1 (50 %)');
  });
});
