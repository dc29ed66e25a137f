/**
 * Test support: TensorFlow Lite Micro's reference kernels restated in a few lines each (after
 * tensorflow/lite/kernels/internal/reference/integer_ops/{conv,depthwise_conv,fully_connected,pooling}.h and
 * common.cc), written on TFLite's own layouts and independent of Minnow's compiler, quantizer and
 * interpreter. The same loops run in float (offset 0, no requantization) to check float imports.
 */

/** QuantizeMultiplier (quantization_util.cc): frexp, round half away, 2^31 folded back. */
export function quantizeMultiplier(real: number): [number, number] {
  if (real === 0) return [0, 0];
  let shift = Math.floor(Math.log2(real)) + 1;
  // Math.log2 may be off by one next to a power of two: bring q into [0.5, 1).
  if (real / 2 ** shift >= 1) shift++;
  if (real / 2 ** shift < 0.5) shift--;
  let fixed = Math.round((real / 2 ** shift) * 2 ** 31); // q > 0: Math.round is half away from zero
  if (fixed === 2 ** 31) {
    fixed /= 2;
    shift++;
  }
  if (shift < -31) return [0, 0];
  return [fixed, shift];
}

/** MultiplyByQuantizedMultiplier, double rounding (gemmlowp SRDHM then RoundingDivideByPOT), in BigInt. */
export function mbqm(x: number, m: number, shift: number): number {
  const left = BigInt(Math.max(shift, 0));
  const right = BigInt(Math.max(-shift, 0));
  const a = BigInt(x) << left;
  const b = BigInt(m);
  if (a === -(2n ** 31n) && b === -(2n ** 31n)) return 2 ** 31 - 1;
  const ab = a * b;
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  const high = (ab + nudge) / (1n << 31n); // BigInt division truncates toward zero, as C's
  const mask = (1n << right) - 1n;
  const remainder = high & mask;
  const threshold = (mask >> 1n) + (high < 0n ? 1n : 0n);
  return Number((high >> right) + (remainder > threshold ? 1n : 0n));
}

export interface Image {
  readonly data: ArrayLike<number>;
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

function padOf(size: number, k: number, stride: number, same: boolean): { out: number; pad: number } {
  const out = same ? Math.ceil(size / stride) : Math.floor((size - k) / stride) + 1;
  return { out, pad: same ? Math.floor(Math.max((out - 1) * stride + k - size, 0) / 2) : 0 };
}

/**
 * Conv2D (depthwise = false: filter [O, kh, kw, C]) or DepthwiseConv2D (filter [1, kh, kw, C·M]) with
 * acc = Σ (x + offset)·w + bias, then `finish(acc, channel)`.
 */
export function convolve(
  x: Image,
  filter: ArrayLike<number>,
  shape: readonly number[],
  bias: ArrayLike<number>,
  opts: { stride: number; same: boolean; depthwise: boolean; offset: number },
  finish: (acc: number, channel: number) => number,
): Image {
  const [d0 = 0, kh = 0, kw = 0, d3 = 0] = shape;
  const outC = opts.depthwise ? d3 : d0;
  const rows = padOf(x.h, kh, opts.stride, opts.same);
  const cols = padOf(x.w, kw, opts.stride, opts.same);
  const data: number[] = [];
  for (let oy = 0; oy < rows.out; oy++)
    for (let ox = 0; ox < cols.out; ox++)
      for (let o = 0; o < outC; o++) {
        let acc = bias[o] ?? 0;
        for (let ky = 0; ky < kh; ky++)
          for (let kx = 0; kx < kw; kx++) {
            const iy = oy * opts.stride - rows.pad + ky;
            const ix = ox * opts.stride - cols.pad + kx;
            if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) continue;
            const at = (iy * x.w + ix) * x.c;
            if (opts.depthwise) {
              const ic = Math.floor(o / (outC / x.c));
              acc +=
                ((x.data[at + ic] as number) + opts.offset) * (filter[(ky * kw + kx) * outC + o] as number);
            } else
              for (let ic = 0; ic < x.c; ic++)
                acc +=
                  ((x.data[at + ic] as number) + opts.offset) *
                  (filter[((o * kh + ky) * kw + kx) * d3 + ic] as number);
          }
        data.push(finish(acc, o));
      }
  return { data, h: rows.out, w: cols.out, c: outC };
}

/** FullyConnected: filter [U, I]. */
export function fullyConnected(
  x: ArrayLike<number>,
  filter: ArrayLike<number>,
  units: number,
  bias: ArrayLike<number>,
  offset: number,
  finish: (acc: number, unit: number) => number,
): number[] {
  const n = x.length;
  return Array.from({ length: units }, (_, u) => {
    let acc = bias[u] ?? 0;
    for (let i = 0; i < n; i++) acc += ((x[i] as number) + offset) * (filter[u * n + i] as number);
    return finish(acc, u);
  });
}

/** MaxPool / AveragePool over in-bounds positions; int8 averages round half away (pooling.h). */
export function pool(
  x: Image,
  size: number,
  stride: number,
  same: boolean,
  kind: 'max' | 'avg',
  int: boolean,
): Image {
  const rows = padOf(x.h, size, stride, same);
  const cols = padOf(x.w, size, stride, same);
  const data: number[] = [];
  for (let oy = 0; oy < rows.out; oy++)
    for (let ox = 0; ox < cols.out; ox++)
      for (let ch = 0; ch < x.c; ch++) {
        let acc = kind === 'max' ? -Infinity : 0;
        let n = 0;
        for (let ky = 0; ky < size; ky++)
          for (let kx = 0; kx < size; kx++) {
            const iy = oy * stride - rows.pad + ky;
            const ix = ox * stride - cols.pad + kx;
            if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) continue;
            const v = x.data[(iy * x.w + ix) * x.c + ch] as number;
            acc = kind === 'max' ? Math.max(acc, v) : acc + v;
            n++;
          }
        const half = Math.floor(n / 2);
        data.push(
          kind === 'max'
            ? acc
            : !int
              ? acc / n
              : acc > 0
                ? Math.trunc((acc + half) / n)
                : Math.trunc((acc - half) / n),
        );
      }
  return { data, h: rows.out, w: cols.out, c: x.c };
}

/** The int8 output stage: clamp(zp + MBQM(acc, m, shift), lo, hi). */
export function requantize(acc: number, real: number, zp: number, lo = -128, hi = 127): number {
  const [m, shift] = quantizeMultiplier(real);
  return Math.min(hi, Math.max(lo, zp + mbqm(acc, m, shift)));
}
