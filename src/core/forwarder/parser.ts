import { LineSplitter } from './line-splitter.ts';
import { parseSampleLine } from './sample-line.ts';

/** Consecutive lines with the same number of values that fix the channel count (S-3). */
export const LOCK_LINES = 3;

export interface ParserStats {
  /** Samples emitted. */
  readonly samples: number;
  /** Lines that were no sample: text, noise, too long, or another channel count once it is fixed. */
  readonly bad: number;
  /** The last bad line's reason, for the status line. */
  readonly lastBad?: string;
  /** Channels per sample, once LOCK_LINES lines agreed. */
  readonly channels?: number;
}

/**
 * The data forwarder's reader: bytes in, samples out (docs/SENSORS.md S-1 … S-3). The first line is dropped
 * (the port opened in the middle of it); the channel count is fixed by LOCK_LINES agreeing lines, or given.
 * Nothing a board prints can make it throw.
 */
export class ForwarderParser {
  private readonly splitter = new LineSplitter();
  private first = true;
  private streak = { count: 0, length: 0 };
  private stats: { samples: number; bad: number; lastBad?: string; channels?: number };

  constructor(channels?: number) {
    this.stats = { samples: 0, bad: 0, ...(channels ? { channels } : {}) };
  }

  get state(): ParserStats {
    return { ...this.stats };
  }

  push(chunk: Uint8Array): number[][] {
    const out: number[][] = [];
    for (const line of this.splitter.push(chunk)) {
      if (this.first) {
        this.first = false;
        continue;
      }
      if ('overlong' in line) {
        this.badLine(`a line of ${line.overlong} characters`);
        continue;
      }
      const parsed = parseSampleLine(line.text);
      if ('blank' in parsed) continue;
      if ('bad' in parsed) this.badLine(parsed.bad);
      else if (this.accepts(parsed.values.length)) {
        this.stats.samples++;
        out.push([...parsed.values]);
      }
    }
    return out;
  }

  private accepts(length: number): boolean {
    const { channels } = this.stats;
    if (channels !== undefined) {
      if (length === channels) return true;
      this.badLine(`${length} values where ${channels} were expected`);
      return false;
    }
    this.streak = { count: this.streak.length === length ? this.streak.count + 1 : 1, length };
    if (this.streak.count < LOCK_LINES) return false;
    this.stats.channels = length;
    return true;
  }

  private badLine(reason: string): void {
    this.stats.bad++;
    this.stats.lastBad = reason;
  }
}
