import { useEffect, useMemo, useReducer, useRef, type RefObject } from 'react';
import type { ModelSpec } from '../../core/model/types.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { TrainSettings } from '../../train/session/settings.ts';
import { startTrainingWorker, type TrainingClient } from '../../train/worker/client.ts';
import type { DataSource, Prediction, SampleView, TrainResult } from '../../train/worker/protocol.ts';
import type { SavedRun, TrainingRecord } from '../../state/index.ts';
import type { QuantReport } from '../../train/quantize/evaluate.ts';
import { runOf, showsSavedReport, showsSavedRun } from './saved-run.ts';
import { INITIAL_VIEW, reduce, type TrainingView } from './training-state.ts';

export interface TrainingActions {
  loadData(source: DataSource): void;
  setSettings(settings: TrainSettings): void;
  train(resume: boolean): void;
  pause(): void;
  resume(): void;
  stop(): void;
  quantize(): void;
  predict(input: Float32Array): Promise<Prediction>;
  sample(index: number): Promise<SampleView>;
}

export interface SessionOptions {
  readonly model: ModelSpec;
  readonly weights?: FloatWeights | null;
  readonly onWeights?: (weights: FloatWeights, result: TrainResult) => void;
  /** The project's record of its last run, shown when the worker starts; `stale` when the model changed since. */
  readonly saved?: { readonly record: TrainingRecord; readonly stale: boolean } | null;
  /** Called when a run ends and when a quantization finishes, to save them with the project (PT-5). */
  readonly onRun?: (run: SavedRun) => void;
  readonly onReport?: (report: QuantReport) => void;
  /** Makes the worker client; a real module worker by default. */
  readonly createClient?: () => TrainingClient;
}

/** Hands a run's end and a new int8 report to the project, once each; never what was restored from it. */
function useSaveResults(
  view: TrainingView,
  latest: RefObject<{ view: TrainingView; options: SessionOptions }>,
) {
  useEffect(() => {
    const { view, options } = latest.current;
    if (view.result && !showsSavedRun(view)) options.onRun?.(runOf(view));
  }, [view.result, latest]);
  useEffect(() => {
    const { view, options } = latest.current;
    if (view.report && !showsSavedReport(view)) options.onReport?.(view.report);
  }, [view.report, latest]);
}

/**
 * Runs a training worker for the model: a fresh worker whenever the model changes (which also ends any
 * run of the old model), loaded with the saved weights and the last data source, its events turned into
 * the view.
 */
export function useTrainingSession(options: SessionOptions): {
  view: TrainingView;
  actions: TrainingActions;
} {
  const { model, weights, onWeights, saved, createClient = startTrainingWorker } = options;
  const [view, dispatch] = useReducer(reduce, INITIAL_VIEW);
  const client = useRef<TrainingClient | null>(null);
  const source = useRef<DataSource | null>(null);
  const modelName = useRef<string | null>(null);
  const latest = useRef({ view, onWeights, weights, saved, options });
  useEffect(() => {
    latest.current = { view, onWeights, weights, saved, options };
  });
  useSaveResults(view, latest);
  const modelKey = JSON.stringify(model);

  const actions = useMemo<TrainingActions>(() => {
    /** Runs a call on the current worker; results of a worker replaced meanwhile are dropped. */
    const run = <T>(work: (c: TrainingClient) => Promise<T>, done: (value: T) => void) => {
      const c = client.current;
      if (!c) return;
      work(c).then(
        (value) => client.current === c && done(value),
        (error: Error) => client.current === c && dispatch({ type: 'failed', error }),
      );
    };
    return {
      loadData(next) {
        source.current = next;
        dispatch({ type: 'loading-data' });
        run(
          (c) => c.call('loadData', { source: next }),
          (summary) => dispatch({ type: 'data', summary }),
        );
      },
      setSettings: (settings) => dispatch({ type: 'settings', settings }),
      train(resume) {
        dispatch({ type: 'train-start', resume });
        const settings = latest.current.view.settings ?? undefined;
        run(
          (c) => c.call('train', { resume, ...(settings ? { settings } : {}) }),
          (result) => {
            const { end, epochsDone, samplesPerSecond } = result;
            dispatch({ type: 'trained', end, epochsDone, samplesPerSecond });
            latest.current.onWeights?.(result.weights, result);
          },
        );
      },
      pause: () =>
        run(
          (c) => c.call('pause', {}),
          () => {},
        ),
      resume: () =>
        run(
          (c) => c.call('resume', {}),
          () => {},
        ),
      stop: () =>
        run(
          (c) => c.call('stop', {}),
          () => {},
        ),
      quantize() {
        dispatch({ type: 'quant-start' });
        run(
          (c) => c.call('quantize', {}),
          (report) => dispatch({ type: 'quantized', report }),
        );
      },
      predict: (input) =>
        client.current?.call('predict', { input }) ?? Promise.reject(new Error('no worker')),
      sample: (index) => client.current?.call('sample', { index }) ?? Promise.reject(new Error('no worker')),
    };
  }, []);

  useEffect(() => {
    const c = createClient();
    client.current = c;
    const stop = c.onEvent((event) => dispatch({ type: 'event', event }));
    const name = (JSON.parse(modelKey) as ModelSpec).name;
    dispatch({ type: 'init', keepSettings: name === modelName.current });
    modelName.current = name;
    const last = latest.current.saved;
    if (last) dispatch({ type: 'restore', record: last.record, stale: last.stale });
    const saved = latest.current.weights ?? undefined;
    c.call('init', { model: JSON.parse(modelKey) as ModelSpec, ...(saved ? { weights: saved } : {}) }).then(
      (info) => {
        if (client.current !== c) return;
        dispatch({ type: 'ready', info });
        if (source.current) actions.loadData(source.current);
      },
      (error: Error) => client.current === c && dispatch({ type: 'failed', error }),
    );
    return () => {
      client.current = null;
      stop();
      c.dispose();
    };
  }, [modelKey, createClient, actions]);

  return { view, actions };
}
