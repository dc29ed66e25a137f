import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { tinyRecord } from '../../state/test-training.ts';
import { QuantizePanel } from './QuantizePanel.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';
import { runOf, showsSavedReport, showsSavedRun } from './saved-run.ts';
import { INITIAL_VIEW, reduce } from './training-state.ts';
import type { TrainingActions } from './useTrainingSession.ts';

const actions = {} as TrainingActions;
const record = tinyRecord();
const ready = { ...INITIAL_VIEW, ready: true, busy: null, trained: true };
const restored = (stale: boolean) => reduce(ready, { type: 'restore', record, stale });

describe('the last run, restored from the project', () => {
  it('[PT-6] shows its accuracy, curves and int8 report with the date of the run, without training', () => {
    const view = restored(false);
    const training = renderToStaticMarkup(<TrainingPanel view={view} actions={actions} />);
    expect(training).toContain('The curves from the last run on');
    expect(training).toContain('on Dots (40 samples)');
    expect(training).toContain('data-value="0.875"'); // the last epoch's validation accuracy
    expect(training).toContain('87.5 %');
    expect(training).toContain('· finished');
    expect(training).toMatch(/<svg/); // the charts
    expect(training).not.toContain('last-run-stale');
    const quant = renderToStaticMarkup(<QuantizePanel view={view} actions={actions} />);
    expect(quant).toContain('The int8 report from the last run on');
    expect(quant).toContain('data-testid="int8-score" data-value="0.75"');
    expect(quant).toContain('-12.5 points');
    expect(quant).toMatch(/most is added by <strong>out<\/strong>/);
  });

  it('[PT-2] greys a record of another version of the model and asks to train again', () => {
    const view = restored(true);
    for (const html of [
      renderToStaticMarkup(<TrainingPanel view={view} actions={actions} />),
      renderToStaticMarkup(<QuantizePanel view={view} actions={actions} />),
    ]) {
      expect(html).toContain('class="last-run stale"');
      expect(html).toContain('The model changed since this run: train again.');
    }
  });

  it('[PT-5] is replaced by a new run, and a new report is not taken for the saved one', () => {
    const view = restored(false);
    expect(showsSavedRun(view) && showsSavedReport(view)).toBe(true);
    // Loading the data again keeps the last run's report; its own report would be outdated.
    expect(showsSavedReport(reduce(view, { type: 'data', summary: {} as never }))).toBe(true);
    const started = reduce(view, { type: 'train-start', resume: true });
    expect(started).toMatchObject({ restored: null, batches: [], epochs: [], report: null });
    const html = renderToStaticMarkup(<TrainingPanel view={started} actions={actions} />);
    expect(html).not.toContain('last run');
    const quantized = reduce(view, { type: 'quantized', report: { ...record.report!, int8: 0.5 } });
    expect(showsSavedReport(quantized)).toBe(false);
    expect(renderToStaticMarkup(<QuantizePanel view={quantized} actions={actions} />)).not.toContain(
      'last run',
    );
  });

  it('[PT-5] hands a finished run over with the batches per epoch and the data it used', () => {
    const summary = {
      ...record.dataset!,
      previews: [],
      points: [],
      report: { issues: [], issueCount: 0, notes: [] },
    };
    const view = [
      { type: 'data', summary } as const,
      {
        type: 'event',
        event: {
          type: 'batch',
          metrics: { epoch: 0, batch: 1, batchesPerEpoch: 4, loss: 0.5, metric: 0.75 },
          progress: { fraction: 0.5, etaMs: 10, samplesPerSecond: 99 },
        },
      } as const,
      { type: 'trained', end: 'stopped', epochsDone: 1, samplesPerSecond: 99 } as const,
    ].reduce(reduce, ready);
    expect(runOf(view)).toEqual({
      dataset: record.dataset,
      epochs: [],
      batches: [{ step: 1, loss: 0.5, metric: 0.75 }],
      batchesPerEpoch: 4,
      result: { end: 'stopped', epochsDone: 1, samplesPerSecond: 99 },
    });
  });
});
