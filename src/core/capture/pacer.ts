/**
 * Webcam frames at a chosen rate (docs/DATA.md D-8): the camera delivers 30 frames a second or so; while
 * Record is held, a frame is kept when its period has passed. A late frame is kept and the schedule goes
 * on from the one it should have been, so a slow camera never makes a burst.
 */
export class FramePacer {
  private next = -Infinity;
  private readonly period: number;

  /** `rate` frames per second, from 0.5 to 30. */
  constructor(rate: number) {
    this.period = 1000 / Math.min(30, Math.max(0.5, rate));
  }

  /** Whether the frame at `now` (ms) is kept. */
  take(now: number): boolean {
    if (now < this.next) return false;
    this.next = now - this.next > this.period ? now + this.period : this.next + this.period;
    return true;
  }
}
