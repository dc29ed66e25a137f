import { MinnowError } from '../errors.ts';

/** Sound models hear 16 kHz audio (docs/DATA.md D-9); microphones deliver 44.1 or 48 kHz. */
export const SOUND_RATE = 16_000;

/** Zero crossings of the sinc on each side, at the lower of the two rates: longer is sharper and slower. */
const ZEROS = 16;
/** The pass band ends this far below the lower rate's Nyquist frequency, leaving room for the filter's slope. */
const CUTOFF = 0.9;

function checkRate(from: number, to: number): void {
  const ok = (r: number) => Number.isInteger(r) && r >= 1 && r <= 384_000;
  if (!ok(from) || !ok(to)) throw new MinnowError('CAPTURE_RATE', { from, to });
}

/** Cutoff in cycles per input sample, and half the filter's length in input samples. */
function filter(from: number, to: number): { fc: number; half: number } {
  const fc = (CUTOFF * Math.min(from, to)) / 2 / from;
  return { fc, half: ZEROS / (2 * fc) };
}

/** Input samples the filter reads past an output sample's time: a clip waits for them to be whole. */
export function lookAhead(from: number, to: number): number {
  return from === to ? 0 : Math.ceil(filter(from, to).half);
}

function blackman(u: number): number {
  return 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
}

/**
 * Band-limited resampling by a Blackman-windowed sinc whose cutoff is 0.9 × the lower Nyquist frequency,
 * so that tones above the new Nyquist are removed instead of folding back as aliases. Output sample m sits
 * at input time m·from/to; samples beyond the ends count as silence. Returns `count` samples (by default as
 * many as the input lasts).
 */
export function resample(
  input: Float32Array,
  from: number,
  to: number,
  count = Math.floor((input.length * to) / from),
): Float32Array {
  checkRate(from, to);
  if (from === to) return input.slice(0, count);
  const { fc, half } = filter(from, to);
  const out = new Float32Array(count);
  for (let m = 0; m < count; m++) {
    const t = (m * from) / to;
    let sum = 0;
    for (let k = Math.max(0, Math.ceil(t - half)); k <= Math.min(input.length - 1, t + half); k++) {
      const u = t - k;
      const sinc = u === 0 ? 1 : Math.sin(2 * Math.PI * fc * u) / (2 * Math.PI * fc * u);
      sum += (input[k] as number) * 2 * fc * sinc * blackman(u / half);
    }
    out[m] = sum;
  }
  return out;
}
