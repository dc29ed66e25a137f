/**
 * The sample rate as received (docs/SENSORS.md S-4): samples per second over the last WINDOW_MS of arrival
 * times. Serial drivers deliver samples in bursts, so single gaps say little; a count over seconds does.
 */
export const WINDOW_MS = 2000;

export class RateMeter {
  private times: number[] = [];

  /** `count` samples arrived at `nowMs` (one chunk of the port may carry several). */
  add(nowMs: number, count = 1): void {
    for (let i = 0; i < count; i++) this.times.push(nowMs);
    const from = nowMs - WINDOW_MS;
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] as number) < from) drop++;
    if (drop > 0) this.times = this.times.slice(drop);
  }

  /** Samples per second, or undefined until samples span at least a quarter of the window. */
  hz(): number | undefined {
    const first = this.times[0];
    const last = this.times[this.times.length - 1];
    if (first === undefined || last === undefined || last - first < WINDOW_MS / 4) return undefined;
    // The samples that arrived after the first arrival, over the time since: a burst counts whole or not at all.
    const after = this.times.length - this.times.filter((t) => t === first).length;
    return (after * 1000) / (last - first);
  }
}
