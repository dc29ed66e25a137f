import { activationOp } from './activation.ts';
import { add } from './add.ts';
import { batchNormalization } from './batch-normalization.ts';
import { concatenate } from './concatenate.ts';
import { conv1d, conv2d } from './conv.ts';
import { dense } from './dense.ts';
import { depthwiseConv2d } from './depthwise-conv2d.ts';
import { dropout } from './dropout.ts';
import { embedding } from './embedding.ts';
import { flatten } from './flatten.ts';
import { globalAveragePooling2d } from './global-average-pooling2d.ts';
import { gru } from './gru.ts';
import { averagePooling2d, maxPooling1d, maxPooling2d } from './pooling.ts';
import { relu } from './relu.ts';
import { reshape } from './reshape.ts';
import { softmax } from './softmax.ts';
import { spectrogram } from './spectrogram.ts';
import type { OpDef } from './types.ts';

/** Every layer type Minnow understands, keyed by its tfjs/Keras class name; palette order. */
const ALL: readonly OpDef<never>[] = [
  dense,
  conv2d,
  depthwiseConv2d,
  conv1d,
  maxPooling2d,
  averagePooling2d,
  maxPooling1d,
  globalAveragePooling2d,
  flatten,
  reshape,
  dropout,
  batchNormalization,
  activationOp,
  relu,
  softmax,
  add,
  concatenate,
  embedding,
  gru,
  spectrogram,
] as unknown as OpDef<never>[];

export const OPS: ReadonlyMap<string, OpDef> = new Map(ALL.map((op) => [op.type, op as unknown as OpDef]));

export function getOp(type: string): OpDef | undefined {
  return OPS.get(type);
}

export function opTypes(): string[] {
  return [...OPS.keys()];
}
