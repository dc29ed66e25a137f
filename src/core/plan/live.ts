/** Arena alignment: every buffer starts on, and is sized to, a multiple of this (int8 SIMD loads, DMA). */
export const ARENA_ALIGN = 16;

export function alignUp(bytes: number): number {
  return Math.ceil(bytes / ARENA_ALIGN) * ARENA_ALIGN;
}

/** The steps a buffer is live in, both ends included. */
export interface Lifetime {
  readonly firstStep: number;
  readonly lastStep: number;
}

export interface BufferLife extends Lifetime {
  readonly bytes: number;
}

/**
 * Bytes live at each step 0..(last step of any buffer), by a sweep over lifetime ends. Sizes are aligned by
 * default (what placement needs); the step report passes the identity to show what the tensors hold.
 */
export function liveBytesPerStep(
  buffers: readonly BufferLife[],
  sizeOf: (bytes: number) => number = alignUp,
): number[] {
  const end = buffers.reduce((m, b) => Math.max(m, b.lastStep + 1), 0);
  const delta = new Array<number>(end + 1).fill(0);
  for (const b of buffers) {
    const size = sizeOf(b.bytes);
    delta[b.firstStep] = (delta[b.firstStep] ?? 0) + size;
    delta[b.lastStep + 1] = (delta[b.lastStep + 1] ?? 0) - size;
  }
  const live: number[] = [];
  let sum = 0;
  for (let s = 0; s < end; s++) {
    sum += delta[s] ?? 0;
    live.push(sum);
  }
  return live;
}

/** No placement of these buffers can use less than the most bytes live at one step. */
export function peakLiveBytes(buffers: readonly BufferLife[]): number {
  return liveBytesPerStep(buffers).reduce((m, x) => Math.max(m, x), 0);
}

/** Whether two buffers are live at a common step. */
export function livesOverlap(a: Lifetime, b: Lifetime): boolean {
  return a.firstStep <= b.lastStep && b.firstStep <= a.lastStep;
}
