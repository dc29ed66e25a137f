/**
 * The drawing pad's pixels, a square grid of `side` cells with values 0..1: painting with a soft round brush,
 * and centring as the MNIST digits are.
 */

/** The MNIST digit's side, where the brush radius was tuned. */
export const PAD_SIDE = 28;

/** A brush as wide, relative to the pad, as 1.2 cells on a 28-cell pad: a pen stroke on a digit. */
export const brushRadius = (side: number): number => (1.2 * side) / PAD_SIDE;

/** Adds ink around (x, y) in cell units, full inside `radius` and fading over one more cell. */
export function paint(grid: Float32Array, side: number, x: number, y: number, radius: number): void {
  const reach = Math.ceil(radius + 1);
  for (let r = Math.floor(y) - reach; r <= Math.floor(y) + reach; r++) {
    for (let c = Math.floor(x) - reach; c <= Math.floor(x) + reach; c++) {
      if (r < 0 || c < 0 || r >= side || c >= side) continue;
      const d = Math.hypot(c + 0.5 - x, r + 0.5 - y);
      const ink = Math.min(1, Math.max(0, radius + 1 - d));
      const at = r * side + c;
      grid[at] = Math.max(grid[at] as number, ink);
    }
  }
}

/** Paints a straight stroke from one point to another, in steps of a quarter cell. */
export function stroke(
  grid: Float32Array,
  side: number,
  from: readonly [number, number],
  to: readonly [number, number],
  radius: number,
): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) * 4));
  for (let s = 0; s <= steps; s++) {
    const x = from[0] + ((to[0] - from[0]) * s) / steps;
    paint(grid, side, x, from[1] + ((to[1] - from[1]) * s) / steps, radius);
  }
}

/**
 * Shifts the ink so its centre of mass sits at the middle of the pad, as the MNIST digits were prepared;
 * a digit drawn in a corner is then read like one drawn in the middle.
 */
export function centreByMass(grid: Float32Array, side: number): Float32Array {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  grid.forEach((v, i) => {
    mass += v;
    sx += v * (i % side);
    sy += v * Math.floor(i / side);
  });
  if (mass === 0) return grid.slice();
  const dx = Math.round((side - 1) / 2 - sx / mass);
  const dy = Math.round((side - 1) / 2 - sy / mass);
  const out = new Float32Array(grid.length);
  grid.forEach((v, i) => {
    const c = (i % side) + dx;
    const r = Math.floor(i / side) + dy;
    if (c >= 0 && r >= 0 && c < side && r < side) out[r * side + c] = v;
  });
  return out;
}
