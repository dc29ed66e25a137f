/**
 * The Spectrogram in floating point (F-77): the features training sees, from the same window and mel tables
 * as the integer kernel but with an exact FFT, square root and log. The int8 kernel's output is this value
 * within one step of 1/8 (spectrogram-float.test.ts).
 */
import type { SpectrogramTables } from '../reference/spectrogram-math.ts';
import { audioSample, FEATURE_MAX, FEATURE_MIN } from './spectrogram.ts';

/** An exact-twiddle radix-2 FFT in place (n a power of two). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len *= 2) {
    const angle = (-2 * Math.PI) / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < len / 2; k++) {
        const c = Math.cos(angle * k);
        const s = Math.sin(angle * k);
        const a = start + k;
        const b = a + len / 2;
        const tr = c * (re[b] as number) - s * (im[b] as number);
        const ti = c * (im[b] as number) + s * (re[b] as number);
        re[b] = (re[a] as number) - tr;
        im[b] = (im[a] as number) - ti;
        re[a] = (re[a] as number) + tr;
        im[a] = (im[a] as number) + ti;
      }
    }
  }
}

/** log2(E) − 24 clamped to the int8 range of the output (−16 for silence). */
function feature(energy: number): number {
  if (!(energy > 0)) return FEATURE_MIN;
  return Math.min(FEATURE_MAX, Math.max(FEATURE_MIN, Math.log2(energy) - 24));
}

/** Features [frames, melBins] of real audio samples in [−1, 1), row-major. */
export function floatSpectrogram(x: ArrayLike<number>, t: SpectrogramTables): Float32Array {
  const n = t.twiddles.length;
  const frameLength = t.window.length;
  const mels = t.melRanges.length / 2;
  const frames = 1 + Math.floor((x.length - frameLength) / t.frameStep);
  const out = new Float32Array(frames * mels);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let f = 0; f < frames; f++) {
    re.fill(0);
    im.fill(0);
    for (let i = 0; i < frameLength; i++)
      re[i] = (audioSample(x[f * t.frameStep + i] as number) * (t.window[i] as number)) / 32768;
    fft(re, im);
    let o = 0;
    for (let m = 0; m < mels; m++) {
      const start = t.melRanges[2 * m] as number;
      const count = t.melRanges[2 * m + 1] as number;
      let energy = 0;
      for (let j = 0; j < count; j++)
        energy +=
          Math.hypot(re[start + j] as number, im[start + j] as number) * (t.melWeights[o + j] as number);
      o += count;
      out[f * mels + m] = feature(energy);
    }
  }
  return out;
}
