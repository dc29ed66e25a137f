import { INPUT_ID, shapeSize, type AnalyzedLayer, type AnalyzedModel, type Shape } from '../model/types.ts';
import { assignBuffers, type DraftStep, type DraftTensor } from './buffers.ts';
import { BN_FOLD_TARGETS, normalisesChannels, roleOf, type Post } from './lower-rules.ts';
import type { ExecGraph } from './types.ts';

export interface LowerOptions {
  /**
   * Let elementwise steps and Add write over an input that dies there (default true). Off, every step gets
   * its own output buffer: the figure a planner without aliasing is measured against.
   */
  readonly inPlace?: boolean;
}

/** The graph being built: tensors with the step that wrote them, and steps still open to fusion. */
class Draft {
  readonly tensors: DraftTensor[] = [];
  readonly steps: DraftStep[] = [];
  /** The tensor holding each layer's value (and the model input's). */
  readonly valueOf = new Map<string, number>();
  /** The step that wrote each tensor directly (not through a view). */
  readonly producer = new Map<number, DraftStep>();
  private buffers = 0;

  /** `bytesPerInput`: 2 for int16 audio read by a Spectrogram (F-78), else 1. */
  constructor(inputShape: Shape, bytesPerInput: number) {
    this.valueOf.set(INPUT_ID, this.tensor(INPUT_ID, inputShape, undefined, bytesPerInput));
  }

  tensor(name: string, shape: Shape, buffer?: number, bytesPerValue = 1): number {
    const id = this.tensors.length;
    this.tensors.push({
      name,
      shape,
      bytes: bytesPerValue * shapeSize(shape),
      buffer: buffer ?? this.buffers++,
    });
    return id;
  }

  step(op: string, layer: AnalyzedLayer, inputs: number[], outputName: string): DraftStep {
    const output = this.tensor(outputName, layer.outputShape);
    const step: DraftStep = { op, layerIds: [layer.id], layer, activation: 'linear', inputs, output };
    this.steps.push(step);
    this.producer.set(output, step);
    return step;
  }

  input(layer: AnalyzedLayer, i = 0): number {
    return this.valueOf.get(layer.inputs[i] ?? '') as number;
  }

  /** The layer's value now lives in `tensor`, which takes its name. */
  rename(tensor: number, layer: AnalyzedLayer): void {
    const t = this.tensors[tensor] as DraftTensor;
    this.tensors[tensor] = { ...t, name: layer.id };
    this.valueOf.set(layer.id, tensor);
  }
}

/** F-78: the model input is int16 audio when a Spectrogram reads it. */
export function readsAudio(model: AnalyzedModel): boolean {
  return model.layers.some((l) => l.type === 'Spectrogram' && l.inputs.includes(INPUT_ID));
}

/** F-76: a Spectrogram's FFT buffer, n int32 real and n imaginary parts. */
export function spectrogramScratch(layer: AnalyzedLayer): number {
  return 8 * Number(layer.params.fftLength);
}

function consumerCounts(model: AnalyzedModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const layer of model.layers) {
    for (const input of layer.inputs) counts.set(input, (counts.get(input) ?? 0) + 1);
  }
  return counts;
}

/** The step a layer reading only `layer.inputs[0]` may merge into: sole consumer of a direct step output. */
function fusionTarget(
  draft: Draft,
  layer: AnalyzedLayer,
  consumers: Map<string, number>,
): DraftStep | undefined {
  if (consumers.get(layer.inputs[0] ?? '') !== 1) return undefined;
  return draft.producer.get(draft.input(layer));
}

/** Applies `post` to `input` on behalf of `layer`: as a clamp on `target` when it can, else as a new step. */
function applyPost(draft: Draft, layer: AnalyzedLayer, post: Post, input: number, target?: DraftStep): void {
  if (post.kind === 'clamp' && target && target.activation === 'linear' && target.reluMax === undefined) {
    target.activation = post.activation;
    if (post.reluMax !== undefined) target.reluMax = post.reluMax;
    target.layerIds.push(layer.id);
    draft.rename(target.output, layer);
    return;
  }
  const op = post.kind === 'softmax' ? 'Softmax' : 'Activation';
  const step = draft.step(op, layer, [input], layer.id);
  if (post.kind === 'func') step.func = post.func;
  if (post.kind === 'clamp') {
    step.func = post.activation === 'relu6' ? 'relu6' : 'relu';
    if (post.reluMax !== undefined) {
      step.activation = 'relu';
      step.reluMax = post.reluMax;
    }
  }
  draft.valueOf.set(layer.id, step.output);
}

function lowerLayer(draft: Draft, layer: AnalyzedLayer, consumers: Map<string, number>): void {
  const role = roleOf(layer);
  if (role.kind === 'view') {
    const source = draft.tensors[draft.input(layer)] as DraftTensor;
    draft.valueOf.set(layer.id, draft.tensor(layer.id, layer.outputShape, source.buffer));
    return;
  }
  if (role.kind === 'elementwise') {
    applyPost(draft, layer, role.post, draft.input(layer), fusionTarget(draft, layer, consumers));
    return;
  }
  if (role.kind === 'batchnorm') {
    const target = fusionTarget(draft, layer, consumers);
    const foldable =
      target !== undefined &&
      BN_FOLD_TARGETS.has(target.op) &&
      target.foldedBatchNorm === undefined &&
      target.activation === 'linear' &&
      normalisesChannels(layer);
    if (foldable) {
      target.foldedBatchNorm = layer;
      target.layerIds.push(layer.id);
      draft.rename(target.output, layer);
      return;
    }
  }
  const post =
    role.kind === 'compute' ? role.post : { kind: 'clamp' as const, activation: 'linear' as const };
  const inputs = layer.inputs.map((_, i) => draft.input(layer, i));
  const separate = post.kind !== 'clamp';
  const step = draft.step(layer.type, layer, inputs, separate ? `${layer.id}:pre` : layer.id);
  if (layer.type === 'Spectrogram')
    step.scratch = draft.tensor(`${layer.id}:scratch`, [spectrogramScratch(layer)]);
  draft.valueOf.set(layer.id, step.output);
  if (separate) applyPost(draft, layer, post, step.output);
  else step.activation = post.activation;
}

/** Turns validated layers into the steps the interpreter runs, with views, folds and fusions applied. */
export function lowerModel(model: AnalyzedModel, options: LowerOptions = {}): ExecGraph {
  const draft = new Draft(model.inputShape, readsAudio(model) ? 2 : 1);
  const consumers = consumerCounts(model);
  for (const layer of model.layers) lowerLayer(draft, layer, consumers);
  const inputTensor = draft.valueOf.get(INPUT_ID) as number;
  const outputTensor = draft.valueOf.get(model.outputId) as number;
  return assignBuffers(draft.tensors, draft.steps, inputTensor, outputTensor, options.inPlace ?? true);
}
