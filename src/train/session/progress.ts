/** Where a training run stands and how long it will likely take, from the samples trained so far. */
export interface Progress {
  /** 0 to 1 over the epochs of this run. */
  readonly fraction: number;
  /** Estimated milliseconds left; null until one batch has run. */
  readonly etaMs: number | null;
  readonly samplesPerSecond: number;
}

/**
 * `done` of `total` samples (epochs × training samples) after `activeMs` of training, pauses excluded. The
 * estimate assumes the rate so far holds, which it does for a fixed model and batch size.
 */
export function progressOf(done: number, total: number, activeMs: number): Progress {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  if (done <= 0 || activeMs <= 0) return { fraction, etaMs: null, samplesPerSecond: 0 };
  const rate = done / activeMs;
  return { fraction, etaMs: Math.max(0, (total - done) / rate), samplesPerSecond: rate * 1000 };
}

/** "1 h 02 min", "3 min 05 s", "12 s": a duration for a progress bar. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
