import { describe, expect, it } from 'vitest';
import { FramePacer } from './pacer.ts';

/** The times (ms) of the frames kept from a camera ticking every `tick` ms for `ms` ms. */
function kept(rate: number, tick: number, ms: number): number[] {
  const pacer = new FramePacer(rate);
  const times: number[] = [];
  for (let t = 0; t < ms; t += tick) if (pacer.take(t)) times.push(t);
  return times;
}

describe('[D-8] frames are kept at the chosen rate while Record is held', () => {
  it('keeps 5 of a 30 fps camera’s frames a second at 5 per second, the first at once', () => {
    const times = kept(5, 1000 / 30, 1000);
    expect(times.length).toBe(5);
    expect(times[0]).toBe(0);
  });

  it('keeps every frame of a 10 fps camera at 30 per second, and never bursts after a stall', () => {
    expect(kept(30, 100, 1000).length).toBe(10);
    const pacer = new FramePacer(2);
    expect([pacer.take(0), pacer.take(3000), pacer.take(3010), pacer.take(3500)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('clamps rates to 0.5–30 per second', () => {
    expect(kept(1000, 1, 1000).length).toBe(30);
    expect(kept(0, 10, 4000).length).toBe(2);
  });
});
