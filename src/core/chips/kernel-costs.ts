import type { ElementKind, MacKind, PackedKind } from './types.ts';

/**
 * Where a cost figure comes from in the output of `npm run bench:firmware` (RV32IMC instructions under QEMU
 * icount, fast kernels): a kernel row's "N per MAC", or the instructions of char-LM token rows over the MACs
 * of one token (`minus` another row's, for the extra cost of a packing). kernel-costs.test.ts reads the same
 * rows from a sample of the bench's output and checks every figure below against them.
 */
export type BenchSource =
  | { readonly section: 'kernels, fast'; readonly row: string }
  | {
      readonly section: 'char-LM, fast';
      readonly row: string;
      readonly minus?: string;
      readonly macs: number;
    };

export interface KernelCost {
  /** RV32 instructions per unit of work (a MAC, an element, a step). */
  readonly instructions: number;
  readonly bench?: BenchSource;
  /** Why the figure is a guess, for the work no bench row measures yet. */
  readonly estimate?: string;
}

/** MACs of one char-LM token (examples/char-lm.json): the GRU step 3·(64·64 + 64·64), the Dense 64·256. */
export const CHAR_LM_TOKEN_MACS = 40_960;

const kernels = (row: string) => ({ section: 'kernels, fast', row }) as const;
const charLm = (row: string, minus?: string) =>
  ({ section: 'char-LM, fast', row, ...(minus ? { minus } : {}), macs: CHAR_LM_TOKEN_MACS }) as const;

/*
 * The one table of kernel costs. When the bench's figures change, paste its new output into
 * bench-firmware.sample.txt and change the figure on its line here (the test says which disagree).
 * Each kernel takes the slower of its bench rows, so the estimate errs on the slow side.
 */
export const MAC_COSTS: Readonly<Record<MacKind, KernelCost>> = {
  dense: { instructions: 4.02, bench: kernels('Dense 256->64') },
  conv2d: { instructions: 4.23, bench: kernels('Conv2D 32x32x8 3x3 -> 16') },
  depthwise: { instructions: 5.0, bench: kernels('DepthwiseConv2D 32x32x32 3x3 /2 -> 32') },
  // A Conv1D runs the Conv2D kernel on a one-row view; its short windows make it dearer per MAC.
  conv1d: { instructions: 4.65, bench: kernels('Conv1D 64x16 k3 -> 32') },
  gru: { instructions: 4.99, bench: kernels('GRU step 64->64') },
  spectrogram: {
    instructions: 18,
    estimate:
      'the audio front end section: 9.65 M instructions per 1 s clip at the default parameters over its 525 k multiplies (docs/MODEL.md M-9), square roots and bit reversal included',
  },
};

/** Extra instructions per MAC of a layer whose weights are packed, over its int8 kernel. */
export const PACKED_MAC_COSTS: Readonly<Record<PackedKind, KernelCost>> = {
  // The optimized kernels unpack in their inner loops: packed weights cost no more than int8 ones (the bench
  // has them a hair cheaper, less memory to read; a negative extra is written as 0).
  int4: { instructions: 0, bench: charLm('example-char-lm-int4', 'example-char-lm-int8') },
  ternary: { instructions: 0, bench: charLm('example-char-lm-ternary', 'example-char-lm-int8') },
};

export const ELEMENT_COSTS: Readonly<Record<ElementKind, KernelCost>> = {
  pool: { instructions: 4, estimate: 'load, compare or add, advance, loop per window element' },
  elementwise: {
    instructions: 10,
    estimate: 'load, operation, fixed-point requantization (multiply, shift, round), clamp, store',
  },
  embedding: {
    instructions: 3,
    estimate: 'one table row copied per token: load, store, advance per element',
  },
};

export const STEP_COST: KernelCost = {
  instructions: 400,
  estimate: 'read the step record, resolve tensor offsets, compute loop bounds',
};
