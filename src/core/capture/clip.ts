import { lookAhead, resample, SOUND_RATE } from './resample.ts';

/**
 * Microphone clips (docs/DATA.md D-9): audio arrives in blocks at the device's rate; a clip is the first
 * `seconds` of it, resampled to 16 kHz and stored as 16-bit samples. The model reads sample / 32768.
 */

/** A real sample in [−1, 1] as int16, rounded and clipped (+1 itself becomes 32767). */
export function toInt16(samples: Float32Array): Int16Array {
  return Int16Array.from(samples, (v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768))));
}

/** int16 samples as the model reads them: in [−1, 1). */
export function int16ToInput(samples: Int16Array): Float32Array {
  return Float32Array.from(samples, (v) => v / 32768);
}

/** How many 16 kHz samples a sound model of input [N] reads, or 0 when its input is not [N] with N ≥ 0.1 s. */
export function clipLength(shape: readonly number[]): number {
  const [n = 0] = shape;
  return shape.length === 1 && Number.isInteger(n) && n >= SOUND_RATE / 10 ? n : 0;
}

/** Collects blocks of audio at `rate` until a clip of `length` samples at 16 kHz can be made. */
export class ClipCollector {
  private readonly blocks: Float32Array[] = [];
  private held = 0;
  /** Input samples needed: the clip's span plus the resampler's look-ahead, so the last samples are whole. */
  readonly needed: number;

  constructor(
    readonly rate: number,
    readonly length: number,
  ) {
    this.needed = Math.ceil((length * rate) / SOUND_RATE) + lookAhead(rate, SOUND_RATE);
  }

  /** Adds a block; true once the clip is complete. */
  push(block: Float32Array): boolean {
    if (this.held < this.needed) {
      this.blocks.push(block.slice());
      this.held += block.length;
    }
    return this.done;
  }

  get done(): boolean {
    return this.held >= this.needed;
  }

  /** How far the clip is, 0 to 1. */
  get progress(): number {
    return Math.min(1, this.held / this.needed);
  }

  /** The clip as int16 at 16 kHz (the audio so far, padded with silence if it is not done). */
  clip(): Int16Array {
    const all = new Float32Array(Math.max(this.held, 1));
    this.blocks.reduce((at, b) => (all.set(b, at), at + b.length), 0);
    return toInt16(resample(all, this.rate, SOUND_RATE, this.length));
  }
}

/**
 * The last second (or clip length) of live audio at the device's rate, for a live test: each snapshot is
 * made into a clip exactly as a recorded one is (resampled, rounded to int16).
 */
export class LiveWindow {
  private readonly buffer: Float32Array;
  private filled = 0;

  constructor(
    readonly rate: number,
    readonly length: number,
  ) {
    this.buffer = new Float32Array(new ClipCollector(rate, length).needed);
  }

  push(block: Float32Array): void {
    const n = this.buffer.length;
    if (block.length >= n) this.buffer.set(block.subarray(block.length - n));
    else {
      this.buffer.copyWithin(0, block.length);
      this.buffer.set(block, n - block.length);
    }
    this.filled = Math.min(n, this.filled + block.length);
  }

  /** True once a whole window has been heard. */
  get full(): boolean {
    return this.filled === this.buffer.length;
  }

  clip(): Int16Array {
    return toInt16(resample(this.buffer, this.rate, SOUND_RATE, this.length));
  }
}
