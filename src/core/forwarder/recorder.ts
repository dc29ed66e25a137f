import { MinnowError } from '../errors.ts';
import type { Recording } from './recording-csv.ts';

interface Current {
  readonly label: string;
  readonly samples: number[][];
  /** Arrival of the first chunk and its size, and of the last chunk: the recording's own rate (S-4). */
  firstMs?: number;
  firstCount: number;
  lastMs: number;
}

/**
 * Labelled recordings from a stream of samples (S-6 … S-8): one recording at a time, kept whole when it
 * stops or when the source is lost, plus the most recent samples for the live window.
 */
export class Recorder {
  private current: Current | undefined;
  private kept: Recording[] = [];
  private recentSamples: number[][] = [];

  /** `keep`: how many of the latest samples stay for the live window. */
  constructor(private readonly keep = 4096) {}

  get recordings(): readonly Recording[] {
    return this.kept;
  }

  get recording(): { readonly label: string; readonly samples: number } | undefined {
    return this.current && { label: this.current.label, samples: this.current.samples.length };
  }

  /** The latest `count` samples, oldest first (fewer when fewer came). */
  recent(count: number): number[][] {
    return this.recentSamples.slice(-count);
  }

  add(samples: readonly number[][], nowMs: number): void {
    if (samples.length === 0) return;
    this.recentSamples.push(...samples);
    if (this.recentSamples.length > this.keep * 2) this.recentSamples = this.recentSamples.slice(-this.keep);
    const c = this.current;
    if (!c) return;
    if (c.firstMs === undefined) {
      c.firstMs = nowMs;
      c.firstCount = samples.length;
    }
    c.lastMs = nowMs;
    c.samples.push(...samples);
  }

  start(label: string): void {
    this.stop();
    this.current = { label: label.trim() || 'unlabelled', samples: [], firstCount: 0, lastMs: 0 };
  }

  /**
   * Ends the recording and keeps it (an empty one is dropped). `rateHz` is the source's own figure (the board's
   * set rate); without one the rate is measured from the arrival times.
   */
  stop(rateHz?: number): Recording | undefined {
    const c = this.current;
    this.current = undefined;
    if (!c || c.samples.length === 0) return undefined;
    const span = c.firstMs === undefined ? 0 : c.lastMs - c.firstMs;
    const measured = span > 0 ? ((c.samples.length - c.firstCount) * 1000) / span : 0;
    const recording = { label: c.label, samples: c.samples, rateHz: rateHz ?? measured };
    this.kept = [...this.kept, recording];
    return recording;
  }

  /** The source went away (S-8): what was recorded is kept, and the coded notice says so. */
  lost(rateHz?: number): MinnowError {
    const c = this.current;
    const kept = this.stop(rateHz);
    return new MinnowError('FORWARDER_PORT_LOST', {
      kept: c
        ? `the ${kept?.samples.length ?? 0} samples of "${c.label}" recorded so far are kept`
        : 'nothing was being recorded',
    });
  }

  remove(index: number): void {
    this.kept = this.kept.filter((_, i) => i !== index);
  }
}
