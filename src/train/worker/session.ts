import { MinnowError } from '../../core/errors.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { shapeSize } from '../../core/model/types.ts';
import { chooseBackend } from '../backend.ts';
import { loadSource, type DataLoaders } from '../datasets/load.ts';
import { subset } from '../datasets/split.ts';
import { labelText, summarize } from '../datasets/summary.ts';
import { sampleOf } from '../datasets/types.ts';
import { calibrationInputs, evaluatedCount } from '../quantize/board-inputs.ts';
import { evaluateInt8 } from '../quantize/evaluate.ts';
import { metricKey } from '../session/compile.ts';
import { TrainingData } from '../session/data-state.ts';
import { lossKind } from '../session/output.ts';
import { defaultSettings, parseSettings } from '../session/settings.ts';
import { Trainer } from '../session/trainer.ts';
import { ModelState } from './model-state.ts';
import type { ArgsOf, CallName, ResultOf, TrainerState, WorkerEvent } from './protocol.ts';

type Handlers = { [K in CallName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

/**
 * What the training worker does, apart from the message plumbing: holds the model, the data set and the
 * running trainer, and answers each call. Runs in Node too (tests), with injected data loaders.
 */
export class TrainingSession implements Handlers {
  private current: ModelState | undefined;
  private data: TrainingData | undefined;
  private trainer: Trainer | undefined;
  private state: TrainerState = 'idle';

  constructor(
    private readonly emit: (event: WorkerEvent) => void,
    private readonly loaders: DataLoaders,
  ) {}

  private setState(state: TrainerState): void {
    this.state = state;
    this.emit({ type: 'state', state });
  }

  /** The model, once the session is idle: everything but pause, resume and stop waits for that. */
  private idleModel(): ModelState {
    if (this.state !== 'idle') throw new MinnowError('TRAIN_BUSY', { state: this.state });
    if (!this.current) throw new Error('the training session has no model: call init first');
    return this.current;
  }

  private loaded(): TrainingData {
    if (!this.data) throw new MinnowError('TRAIN_NO_DATA');
    return this.data;
  }

  async init({ model, weights, backend }: ArgsOf<'init'>): Promise<ResultOf<'init'>> {
    if (this.state !== 'idle') throw new MinnowError('TRAIN_BUSY', { state: this.state });
    const analyzed = analyzeModel(model);
    const chosen = await chooseBackend(analyzed, backend);
    this.current?.dispose();
    this.data?.dispose();
    this.data = undefined;
    const state = (this.current = new ModelState(analyzed));
    const weightsProblem = state.tryLoad(weights);
    const defaults = defaultSettings(analyzed);
    state.quantAware = defaults.quantAware;
    return { backend: chosen, params: analyzed.paramCount, defaults, trained: state.trained, weightsProblem };
  }

  async loadData({ source }: ArgsOf<'loadData'>): Promise<ResultOf<'loadData'>> {
    const model = this.idleModel();
    const loaded = await loadSource(source, model.analyzed, this.loaders);
    const data = new TrainingData(loaded.dataset, loaded.report);
    model.useWindow(shapeSize(loaded.dataset.sampleShape));
    this.data?.dispose();
    this.data = data;
    return summarize(loaded.dataset, loaded.report);
  }

  async train({ settings: raw, resume }: ArgsOf<'train'>): Promise<ResultOf<'train'>> {
    const model = this.idleModel();
    const data = this.loaded();
    const settings = parseSettings(raw, defaultSettings(model.analyzed));
    if (!resume) model.reset();
    const kind = lossKind(model.analyzed, data.dataset.target.kind);
    model.compile(kind, settings);
    const outputs = shapeSize(model.analyzed.layers.at(-1)?.outputShape ?? []);
    const tensors = data.tensorsFor(settings.validationSplit, settings.seed, outputs);
    const trainer = new Trainer(model.built.model, tensors, settings, metricKey(kind), {
      batch: (metrics, progress) => this.emit({ type: 'batch', metrics, progress }),
      epoch: (metrics) => this.emit({ type: 'epoch', metrics }),
    });
    const from = model.epochsDone;
    // Continuing past the planned epochs trains that many more.
    const to = resume && from >= settings.epochs ? from + settings.epochs : settings.epochs;
    model.quantAware = settings.quantAware;
    const restore = model.computeAsTrained();
    this.trainer = trainer;
    this.setState('training');
    try {
      const result = await trainer.run(from, to);
      if (result.end === 'diverged') {
        model.setTrained(false);
        const at = result.divergedAt;
        throw new MinnowError('TRAIN_DIVERGED', { loss: String(at?.loss), epoch: at?.epoch ?? from + 1 });
      }
      model.epochsDone = result.epochsDone;
      model.setTrained(true);
      const { end, epochsDone, samplesPerSecond } = result;
      return { end, epochsDone, samplesPerSecond, weights: model.weights() };
    } finally {
      restore();
      this.trainer = undefined;
      this.setState('idle');
    }
  }

  async pause(): Promise<null> {
    if (this.trainer && this.state === 'training') {
      this.trainer.pause();
      this.setState('paused');
    }
    return null;
  }

  async resume(): Promise<null> {
    if (this.trainer && this.state === 'paused') {
      this.trainer.resume();
      this.setState('training');
    }
    return null;
  }

  async stop(): Promise<null> {
    this.trainer?.stop();
    return null;
  }

  async setWeights({ weights }: ArgsOf<'setWeights'>): Promise<null> {
    this.idleModel().load(weights);
    return null;
  }

  async quantize({ calibration = 200, evaluate = 2000 }: ArgsOf<'quantize'>): Promise<ResultOf<'quantize'>> {
    const model = this.idleModel();
    if (!model.trained) throw new MinnowError('NO_TRAINED_WEIGHTS', { action: 'quantize' });
    const split = this.loaded().current();
    const { validation } = split;
    this.setState('quantizing');
    try {
      const count = evaluatedCount(model.analyzed, validation, evaluate);
      const shown = Int32Array.from({ length: count }, (_, i) => i);
      const { report, int8 } = model.asTrained(() =>
        evaluateInt8({
          built: model.built,
          board: model.analyzed,
          weights: model.weights(),
          kind: lossKind(model.analyzed, validation.target.kind),
          calibration: calibrationInputs(model.analyzed, split, calibration),
          validation: shown.length < validation.count ? subset(validation, shown) : validation,
          progress: (done, total) => this.emit({ type: 'quantProgress', done, total }),
        }),
      );
      model.int8 = int8;
      return report;
    } finally {
      this.setState('idle');
    }
  }

  async predict({ input }: ArgsOf<'predict'>): Promise<ResultOf<'predict'>> {
    return this.idleModel().predict(input);
  }

  async sample({ index }: ArgsOf<'sample'>): Promise<ResultOf<'sample'>> {
    const model = this.idleModel();
    const { validation } = this.loaded().current();
    if (!Number.isInteger(index) || index < 0 || index >= validation.count) {
      throw new MinnowError('SAMPLE_INDEX', { index, count: validation.count });
    }
    const input = sampleOf(validation, index).slice();
    return {
      index,
      count: validation.count,
      input,
      label: labelText(validation, index),
      ...model.predict(input),
    };
  }
}
