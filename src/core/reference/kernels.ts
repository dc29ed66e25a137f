import { activation } from './activation.ts';
import { add } from './add.ts';
import { batchNormalization } from './batch-normalization.ts';
import { concatenate } from './concatenate.ts';
import { conv1d, conv2d } from './conv.ts';
import { dense } from './dense.ts';
import { depthwiseConv2d } from './depthwise-conv2d.ts';
import { embedding } from './embedding.ts';
import { gruKernel } from './gru.ts';
import { globalAveragePooling2d } from './global-average-pooling2d.ts';
import type { Kernel } from './kernel.ts';
import { averagePooling2d, maxPooling1d, maxPooling2d } from './pooling.ts';
import { softmax } from './softmax.ts';
import { spectrogram } from './spectrogram.ts';

/** Every opcode version 1 runs (FORMAT §5). */
export const KERNELS: ReadonlyMap<number, Kernel> = new Map(
  [
    dense,
    conv2d,
    depthwiseConv2d,
    conv1d,
    maxPooling2d,
    averagePooling2d,
    maxPooling1d,
    globalAveragePooling2d,
    add,
    concatenate,
    softmax,
    activation,
    batchNormalization,
    embedding,
    gruKernel,
    spectrogram,
  ].map((k) => [k.opcode, k]),
);
