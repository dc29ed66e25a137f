/** A sample of shape [h, w, 1|3] (values in [0, 1]) as RGBA pixels for a canvas; null for other shapes. */
export function sampleToRgba(x: Float32Array, shape: readonly number[]): Uint8ClampedArray | null {
  const [h = 0, w = 0, c = 0] = shape;
  if (shape.length !== 3 || (c !== 1 && c !== 3) || x.length !== h * w * c) return null;
  const lo = x.reduce((a, b) => Math.min(a, b), 0);
  const hi = x.reduce((a, b) => Math.max(a, b), 1);
  const byte = (v: number) => Math.round((255 * (v - lo)) / (hi - lo));
  const out = new Uint8ClampedArray(h * w * 4);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < 3; k++) out[4 * p + k] = byte(x[p * c + (c === 1 ? 0 : k)] as number);
    out[4 * p + 3] = 255;
  }
  return out;
}

/** The channels of a [steps, channels] (or flat) sample as one series of values per channel. */
export function sampleSeries(x: Float32Array, shape: readonly number[]): number[][] {
  const channels = shape.length === 2 ? (shape[1] ?? 1) : 1;
  const steps = x.length / channels;
  return Array.from({ length: channels }, (_, c) =>
    Array.from({ length: steps }, (_, s) => x[s * channels + c] as number),
  );
}
