import type { AnalyzedLayer, Shape } from '../model/types.ts';

/** A clamp applied to a step's output as it is written. */
export type FusedActivation = 'linear' | 'relu' | 'relu6';

/** The elementwise function of an 'Activation' step. */
export type ActivationFunc = 'relu' | 'relu6' | 'sigmoid' | 'tanh';

export interface ExecTensor {
  /** Index in ExecGraph.tensors. */
  readonly id: number;
  /** The layer whose value the tensor holds (the last layer merged into its step), or "input". */
  readonly name: string;
  readonly shape: Shape;
  /** int8 activations: the product of the shape. */
  readonly bytes: number;
  /** Index in ExecGraph.buffers; views and in-place outputs share their source's buffer. */
  readonly buffer: number;
}

/** A region of the arena, live from the step that writes it to the last step that reads it. */
export interface ExecBuffer {
  readonly id: number;
  readonly bytes: number;
  readonly firstStep: number;
  readonly lastStep: number;
}

export interface ExecStep {
  readonly index: number;
  /** The op the kernel implements: a layer type such as 'Dense', 'Conv2D', 'Add', 'Softmax', 'Activation'. */
  readonly op: string;
  /** Every source layer merged into this step, main layer first. */
  readonly layerIds: readonly string[];
  /** The main layer (its params, weights). */
  readonly layer: AnalyzedLayer;
  /** A BatchNormalization folded into this Dense/Conv step. */
  readonly foldedBatchNorm?: AnalyzedLayer;
  /** Clamp fused into the step's output. */
  readonly activation: FusedActivation;
  /** ReLU{maxValue} other than 6: the output is clamped to [0, reluMax] (activation is then 'relu'). */
  readonly reluMax?: number;
  /** For 'Activation' steps: the elementwise function. */
  readonly func?: ActivationFunc;
  /** Tensor ids, in the order of the main layer's inputs. */
  readonly inputs: readonly number[];
  /** Tensor id. */
  readonly output: number;
  /** Index into `inputs` whose buffer the output reuses. */
  readonly inPlaceOf?: number;
  /** A tensor the step alone uses as working memory (a Spectrogram's FFT buffer, F-76): live at this step only. */
  readonly scratch?: number;
}

export interface ExecGraph {
  readonly tensors: readonly ExecTensor[];
  readonly buffers: readonly ExecBuffer[];
  readonly steps: readonly ExecStep[];
  readonly inputTensor: number;
  readonly outputTensor: number;
}

/** Live memory at one step, for the UI's per-layer memory view. */
export interface StepReport {
  readonly index: number;
  readonly layerIds: readonly string[];
  /** Buffer ids live at this step (written, read, or kept for a later step). */
  readonly liveBuffers: readonly number[];
  /** Their summed sizes (unaligned), plus every kept state, which is live at every step. */
  readonly liveBytes: number;
}

/** Bytes a step keeps in the arena for good (a GRU's state), above every planned buffer. */
export interface StatePlacement {
  readonly step: number;
  readonly offset: number;
  readonly bytes: number;
}

export interface MemoryPlan {
  readonly graph: ExecGraph;
  /** Arena offset of each buffer, by buffer id. */
  readonly offsets: readonly number[];
  /** Kept states, in step order, placed after the buffers. */
  readonly states: readonly StatePlacement[];
  /** The arena the blob asks for: the buffers, then the states. */
  readonly arenaBytes: number;
  /**
   * The peak of live bytes if no step ran in place, plus the (aligned) states: what any planner without
   * aliasing needs at least.
   */
  readonly lowerBoundBytes: number;
  readonly steps: readonly StepReport[];
  /** The step with the most live bytes (the first such step); -1 when the model has no steps. */
  readonly peakStep: number;
}
