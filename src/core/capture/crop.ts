/**
 * Webcam frames to model pixels (docs/DATA.md D-8): the centre square of the frame, scaled to the model's
 * height and width by area averaging (each output pixel is the mean of the source area it covers), kept as
 * RGB bytes. Grey or colour is decided later, by the same function that reads image folders.
 */

export interface Square {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** The largest centred square of a width × height frame (an odd margin puts the extra pixel right/below). */
export function centreSquare(width: number, height: number): Square {
  const size = Math.min(width, height);
  return { x: Math.floor((width - size) / 2), y: Math.floor((height - size) / 2), size };
}

/** For each output cell along one axis: the source indices it overlaps and how much of each. */
function axisWeights(start: number, length: number, out: number): { index: number; weight: number }[][] {
  const step = length / out;
  return Array.from({ length: out }, (_, o) => {
    const from = o * step;
    const to = from + step;
    const cells: { index: number; weight: number }[] = [];
    for (let i = Math.floor(from); i < Math.ceil(to - 1e-9); i++) {
      const weight = Math.min(to, i + 1) - Math.max(from, i);
      if (weight > 1e-9) cells.push({ index: start + i, weight: weight / step });
    }
    return cells;
  });
}

/**
 * The `square` of an RGBA frame (`width` pixels a row) scaled to outW × outH, as RGB bytes (rounded to
 * the nearest integer). Alpha is dropped: a camera frame is opaque.
 */
export function cropScale(
  rgba: ArrayLike<number>,
  width: number,
  square: Square,
  outW: number,
  outH: number,
): Uint8Array {
  const xs = axisWeights(square.x, square.size, outW);
  const ys = axisWeights(square.y, square.size, outH);
  const out = new Uint8Array(outW * outH * 3);
  ys.forEach((rows, oy) => {
    xs.forEach((cols, ox) => {
      for (let k = 0; k < 3; k++) {
        let sum = 0;
        for (const r of rows) {
          for (const c of cols)
            sum += r.weight * c.weight * (rgba[(r.index * width + c.index) * 4 + k] as number);
        }
        out[(oy * outW + ox) * 3 + k] = Math.round(sum);
      }
    });
  });
  return out;
}

/** RGB bytes as opaque RGBA: what image decoders give and the image-folder reader takes. */
export function rgbToRgba(rgb: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let p = 0; p < rgb.length / 3; p++) {
    out.set(rgb.subarray(p * 3, p * 3 + 3), p * 4);
    out[p * 4 + 3] = 255;
  }
  return out;
}
