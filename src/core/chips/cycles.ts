import { estimated } from './figure.ts';
import { ELEMENT_COSTS, MAC_COSTS, PACKED_MAC_COSTS, STEP_COST, type KernelCost } from './kernel-costs.ts';
import type { CpuArch, CycleCosts } from './types.ts';

/*
 * How the cycle costs are derived (all of them are estimates until a board measures them):
 *
 * 1. Work per kernel, in RV32 instructions: the figures of kernel-costs.ts, measured by `npm run
 *    bench:firmware` on Minnow's own kernels under QEMU icount (per-output work and index arithmetic
 *    included), or reasoned where no bench row exists yet.
 * 2. Cycles per instruction on each core, anchored on published latencies of person detection (7.2 M MACs,
 *    mostly conv2d; esp-tflite-micro README, FACTS §A): ESP-NN's portable C kernels on the ESP32 and the
 *    ESP32-C3 are taken to spend ESP_NN_CONV2D_INSTRUCTIONS per conv2d MAC, which sets the factor. The
 *    anchor is fixed, so a faster Minnow kernel (a smaller bench figure) gives a smaller latency. The
 *    ESP32-S3's ESP-NN figure uses SIMD and is no guide; its factor scales the ESP32's by the ratio of the two
 *    chips' reference-kernel latencies (same portable code on both).
 */

const PERSON_DETECTION_MACS = 7.2e6;
/** RV32 instruction-equivalents per conv2d MAC assumed of ESP-NN's portable C kernels (not measured). */
const ESP_NN_CONV2D_INSTRUCTIONS = 5;

/** Published person-detection latency → cycles per MAC. */
function publishedCyclesPerMac(ms: number, mhz: number): number {
  return (ms * mhz * 1000) / PERSON_DETECTION_MACS;
}

const LX6 = publishedCyclesPerMac(380, 240) / ESP_NN_CONV2D_INSTRUCTIONS;

const CYCLES_PER_INSTRUCTION: Record<CpuArch, { factor: number; why: string }> = {
  'xtensa-lx6': { factor: LX6, why: 'ESP-NN portable C on ESP32: 380 ms at 240 MHz for 7.2 M MACs' },
  'xtensa-lx7': {
    factor: LX6 * (2300 / 4084),
    why: 'the ESP32 factor × ESP32-S3/ESP32 reference-kernel latency ratio (2300 ms / 4084 ms, both 240 MHz)',
  },
  rv32imc: {
    factor: publishedCyclesPerMac(426, 160) / ESP_NN_CONV2D_INSTRUCTIONS,
    why: 'ESP-NN portable C on ESP32-C3: 426 ms at 160 MHz for 7.2 M MACs',
  },
  rv32imac: {
    factor: publishedCyclesPerMac(426, 160) / ESP_NN_CONV2D_INSTRUCTIONS,
    why: 'as the ESP32-C3 (a similar in-order RV32 core); no published figure',
  },
  rv32imafc: {
    factor: publishedCyclesPerMac(426, 160) / ESP_NN_CONV2D_INSTRUCTIONS,
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

/** Where a figure of kernel-costs.ts comes from, in words. */
function provenance(work: KernelCost): string {
  const b = work.bench;
  if (!b) return work.estimate ?? '';
  if (b.section === 'kernels, fast') return `bench:firmware row "${b.row}"`;
  const rows = b.minus ? `"${b.row}" less "${b.minus}"` : `"${b.row}"`;
  return `bench:firmware char-LM rows ${rows} over ${b.macs} MACs a token`;
}

function cost(arch: CpuArch, work: KernelCost, unit: string) {
  const { factor, why } = CYCLES_PER_INSTRUCTION[arch];
  return estimated(
    round1(work.instructions * factor),
    `${work.instructions} RV32 instructions per ${unit} (${provenance(work)}) × ${round1(factor)} cycles each (${why})`,
  );
}

function costsFor<K extends string>(arch: CpuArch, table: Readonly<Record<K, KernelCost>>, unit: string) {
  const entries = (Object.keys(table) as K[]).map((kind) => [kind, cost(arch, table[kind], unit)] as const);
  return Object.fromEntries(entries) as Record<K, ReturnType<typeof cost>>;
}

/** The cycle costs of Minnow's interpreter on one core architecture. */
export function cycleCosts(arch: CpuArch): CycleCosts {
  return {
    perMac: costsFor(arch, MAC_COSTS, 'MAC'),
    perPackedMac: costsFor(arch, PACKED_MAC_COSTS, 'packed MAC'),
    perElement: costsFor(arch, ELEMENT_COSTS, 'element'),
    perStep: cost(arch, STEP_COST, 'step'),
  };
}
