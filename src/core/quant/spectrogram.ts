import { roundHalfAway } from './calibrate.ts';
import { spectrogramInt, type SpectrogramTables } from '../reference/spectrogram-math.ts';

/** A Spectrogram layer's parameters (docs/MODEL.md M-12), defaults modelled on TFLM's micro_speech. */
export interface SpectrogramParams {
  readonly sampleRate: number;
  readonly frameLength: number;
  readonly frameStep: number;
  readonly fftLength: number;
  readonly melBins: number;
  readonly lowHz: number;
  readonly highHz: number;
}

/** The int16 sample a real value in [−1, 1) stands for (F-78). */
export function audioSample(v: number): number {
  return Math.min(32767, Math.max(-32768, roundHalfAway(v * 32768)));
}

export const SPECTROGRAM_DEFAULTS: SpectrogramParams = {
  sampleRate: 16000,
  frameLength: 480,
  frameStep: 320,
  fftLength: 512,
  melBins: 40,
  lowHz: 125,
  highHz: 7500,
};

/** F-77: the output's fixed quantization: log2 energy − 24 in steps of 1/8. */
export const SPECTROGRAM_QUANT = { scale: 1 / 8, zeroPoint: 0 } as const;
/** F-78: the int16 audio input: sample q is q / 32768. */
export const AUDIO_QUANT = { scale: 1 / 32768, zeroPoint: 0, bits: 16 } as const;
/** The real range of the features: −16 … 15.875 (int8 −128 … 127 at scale 1/8). */
export const FEATURE_MIN = -16;
export const FEATURE_MAX = 127 / 8;

export function frameCount(samples: number, p: Pick<SpectrogramParams, 'frameLength' | 'frameStep'>): number {
  return 1 + Math.floor((samples - p.frameLength) / p.frameStep);
}

const melOf = (hz: number) => 1127 * Math.log(1 + hz / 700);

/** F-77: the periodic Hann window in Q15 (values 0 … 32768). */
export function hannWindow(length: number): Uint16Array {
  return Uint16Array.from({ length }, (_, i) =>
    roundHalfAway(32768 * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length))),
  );
}

/** F-77: twiddles e^(−2πij/n) as pairs (c, s) at 32767 scale, so c² + s² ≤ 2^30 whatever the rounding. */
export function twiddleTable(n: number): Int16Array {
  const t = new Int16Array(n);
  for (let j = 0; j < n / 2; j++) {
    t[2 * j] = roundHalfAway(32767 * Math.cos((2 * Math.PI * j) / n));
    t[2 * j + 1] = roundHalfAway(-32767 * Math.sin((2 * Math.PI * j) / n));
  }
  return t;
}

/** F-77: triangular HTK-mel filters over FFT bins 1 … n/2, as (start, count) ranges and Q15 weights. */
export function melTables(p: SpectrogramParams): { ranges: Uint16Array; weights: Uint16Array } {
  const bins = p.fftLength / 2 + 1;
  const lo = melOf(p.lowHz);
  const step = (melOf(p.highHz) - lo) / (p.melBins + 1);
  const ranges = new Uint16Array(2 * p.melBins);
  const weights: number[] = [];
  for (let m = 0; m < p.melBins; m++) {
    const [l, c, h] = [m, m + 1, m + 2].map((e) => lo + e * step) as [number, number, number];
    const w = Array.from({ length: bins }, (_, q) => {
      if (q === 0) return 0;
      const mel = melOf((q * p.sampleRate) / p.fftLength);
      return roundHalfAway(32768 * Math.max(0, Math.min((mel - l) / (c - l), (h - mel) / (h - c))));
    });
    const first = w.findIndex((v) => v > 0);
    const last = w.length - 1 - [...w].reverse().findIndex((v) => v > 0);
    if (first < 0) continue; // count 0: a filter narrower than one bin
    ranges[2 * m] = first;
    ranges[2 * m + 1] = last - first + 1;
    weights.push(...w.slice(first, last + 1));
  }
  return { ranges, weights: Uint16Array.from(weights) };
}

/** Every table the blob holds for one layer, built once per parameter set. */
export function spectrogramTables(p: SpectrogramParams): SpectrogramTables {
  const { ranges, weights } = melTables(p);
  return {
    window: hannWindow(p.frameLength),
    twiddles: twiddleTable(p.fftLength),
    melRanges: ranges,
    melWeights: weights,
    frameStep: p.frameStep,
  };
}

const cache = new Map<string, SpectrogramTables>();

/** The tables of a parameter set, built once. */
export function tablesFor(p: SpectrogramParams): SpectrogramTables {
  const key = JSON.stringify([
    p.sampleRate,
    p.frameLength,
    p.frameStep,
    p.fftLength,
    p.melBins,
    p.lowHz,
    p.highHz,
  ]);
  let t = cache.get(key);
  if (!t) cache.set(key, (t = spectrogramTables(p)));
  return t;
}

/** F-77: flash bytes of a layer's four 16-bit tables (window, twiddles, mel ranges, mel weights). */
export function tableBytes(p: SpectrogramParams): number {
  const t = tablesFor(p);
  return 2 * (t.window.length + t.twiddles.length + t.melRanges.length + t.melWeights.length);
}

/**
 * The features a model trains on and calibrates with: the integer kernel's own output (F-76) as real values,
 * so training, the browser's reference run and the board see the same numbers exactly.
 */
export function audioFeatures(x: ArrayLike<number>, p: SpectrogramParams): Float32Array {
  const samples = Int16Array.from({ length: x.length }, (_, i) => audioSample(x[i] as number));
  return Float32Array.from(
    spectrogramInt(samples, tablesFor(p), -128, 127),
    (q) => q * SPECTROGRAM_QUANT.scale,
  );
}
