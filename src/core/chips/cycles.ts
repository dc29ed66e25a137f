import { estimated } from './figure.ts';
import type { CpuArch, CycleCosts, ElementKind, MacKind } from './types.ts';

/*
 * How the cycle costs are derived (all of them are estimates until a board measures them):
 *
 * 1. Work per kernel, in RV32 instruction-equivalents. The interpreter aims at a 4-instruction int8 MAC inner
 *    loop on RV32 (a plain C loop measured 7.03 instructions/MAC under QEMU icount, FACTS §E); per-output work
 *    (requantization, bias, clamp) and index arithmetic come on top, amortized over the MACs of one output.
 * 2. Cycles per instruction-equivalent on each core, anchored on published latencies of person detection
 *    (7.2 M MACs, mostly conv2d; esp-tflite-micro README, FACTS §A). Minnow's kernels are portable C without
 *    SIMD, so they are assumed no faster than ESP-NN's portable C kernels on the ESP32 and the ESP32-C3:
 *    a conv2d MAC costs what ESP-NN's did, which sets the factor. The ESP32-S3's ESP-NN figure uses SIMD and
 *    is no guide; its factor scales the ESP32's by the ratio of the two chips' reference-kernel latencies
 *    (same portable code on both).
 */

const PERSON_DETECTION_MACS = 7.2e6;

/** Published person-detection latency → cycles per MAC. */
function publishedCyclesPerMac(ms: number, mhz: number): number {
  return (ms * mhz * 1000) / PERSON_DETECTION_MACS;
}

const PER_MAC: Record<MacKind, { n: number; why: string }> = {
  dense: {
    n: 5,
    why: '4-instruction inner loop + 1 for weights read once per inference through the flash cache',
  },
  conv2d: { n: 5, why: '4-instruction inner loop + window index arithmetic' },
  conv1d: { n: 5, why: '4-instruction inner loop + window index arithmetic' },
  depthwise: { n: 7, why: 'short kh·kw loops: per-output work is amortized over ~9 MACs only' },
  gru: { n: 6, why: 'two matrix-vector products per step + gate arithmetic amortized over the units' },
  spectrogram: {
    n: 18,
    why: 'measured under QEMU: 9.65 M instructions per 1 s clip at the default parameters over its 525 k multiplies (docs/MODEL.md M-9), the square roots and bit reversal included',
  },
};

const PER_ELEMENT: Record<ElementKind, { n: number; why: string }> = {
  pool: { n: 4, why: 'load, compare or add, advance, loop per window element' },
  elementwise: {
    n: 10,
    why: 'load, operation, fixed-point requantization (multiply, shift, round), clamp, store',
  },
};

const PER_STEP = { n: 400, why: 'read the step record, resolve tensor offsets, compute loop bounds' };

const CONV2D = PER_MAC.conv2d.n;
const LX6 = publishedCyclesPerMac(380, 240) / CONV2D;

const CYCLES_PER_INSTRUCTION: Record<CpuArch, { factor: number; why: string }> = {
  'xtensa-lx6': { factor: LX6, why: 'ESP-NN portable C on ESP32: 380 ms at 240 MHz for 7.2 M MACs' },
  'xtensa-lx7': {
    factor: LX6 * (2300 / 4084),
    why: 'the ESP32 factor × ESP32-S3/ESP32 reference-kernel latency ratio (2300 ms / 4084 ms, both 240 MHz)',
  },
  rv32imc: {
    factor: publishedCyclesPerMac(426, 160) / CONV2D,
    why: 'ESP-NN portable C on ESP32-C3: 426 ms at 160 MHz for 7.2 M MACs',
  },
  rv32imac: {
    factor: publishedCyclesPerMac(426, 160) / CONV2D,
    why: 'as the ESP32-C3 (a similar in-order RV32 core); no published figure',
  },
  rv32imafc: {
    factor: publishedCyclesPerMac(426, 160) / CONV2D,
    why: 'as the ESP32-C3, conservatively; no published figure for this faster core',
  },
  'cortex-m4f': { factor: 1.5, why: 'single-cycle multiply-accumulate, 2-cycle loads; no published figure' },
  'cortex-m0+': {
    factor: 2.5,
    why: 'Thumb-1 code with few registers and flash behind an XIP cache; no figure',
  },
  'cortex-m7': { factor: 1.0, why: 'dual-issue core with caches; no published figure' },
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

function cost(arch: CpuArch, work: { n: number; why: string }, unit: string) {
  const { factor, why } = CYCLES_PER_INSTRUCTION[arch];
  return estimated(
    round1(work.n * factor),
    `${work.n} RV32 instruction-equivalents per ${unit} (${work.why}) × ${round1(factor)} cycles each (${why})`,
  );
}

function costsFor<K extends string>(
  arch: CpuArch,
  table: Record<K, { n: number; why: string }>,
  unit: string,
) {
  const entries = (Object.keys(table) as K[]).map((kind) => [kind, cost(arch, table[kind], unit)] as const);
  return Object.fromEntries(entries) as Record<K, ReturnType<typeof cost>>;
}

/** The cycle costs of Minnow's interpreter on one core architecture. */
export function cycleCosts(arch: CpuArch): CycleCosts {
  return {
    perMac: costsFor(arch, PER_MAC, 'MAC'),
    perElement: costsFor(arch, PER_ELEMENT, 'element'),
    perStep: cost(arch, PER_STEP, 'step'),
  };
}
