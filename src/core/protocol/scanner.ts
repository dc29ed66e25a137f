/**
 * Finds frames in a console byte stream (docs/PROTOCOL.md P-5, P-6): log text around frames, frames cut short
 * by a reset, and corrupted frames are skipped without error. Same state machine as mn_frame_rx_push.
 */
import { isMinnowError } from '../errors.ts';
import { decodeFrame, MARKER, MAX_FRAME_TEXT, type Frame } from './frame.ts';

const FRAME_CHAR = /^[A-Za-z0-9+/=\- ]$/;

export class FrameScanner {
  private text = '';
  private matched = 0;
  private spaces = 0;
  private hex = 0;
  /** Frames that failed their checks so far (for diagnostics). */
  dropped = 0;

  /** Feeds console bytes (or text); returns the valid frames they completed, in order. */
  push(chunk: Uint8Array | string): Frame[] {
    const frames: Frame[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = typeof chunk === 'string' ? (chunk[i] as string) : String.fromCharCode(chunk[i] as number);
      const done = this.step(ch);
      if (done !== undefined) frames.push(...this.decode(done));
    }
    return frames;
  }

  private decode(text: string): Frame[] {
    try {
      return [decodeFrame(text)];
    } catch (e) {
      if (!isMinnowError(e)) throw e;
      this.dropped++;
      return [];
    }
  }

  private reset(): void {
    this.text = '';
    this.spaces = 0;
    this.hex = 0;
  }

  private search(ch: string): void {
    this.matched = ch === MARKER[this.matched] ? this.matched + 1 : ch === MARKER[0] ? 1 : 0;
    if (this.matched === MARKER.length) {
      this.reset();
      this.text = MARKER;
      this.matched = 0;
    }
  }

  /** Returns a complete candidate's text when ch ends one. */
  private step(ch: string): string | undefined {
    if (this.text === '') {
      this.search(ch);
      return undefined;
    }
    if (!FRAME_CHAR.test(ch) || this.text.length >= MAX_FRAME_TEXT || (ch === ' ' && this.spaces === 5)) {
      this.reset();
      this.search(ch);
      return undefined;
    }
    this.text += ch;
    if (ch === ' ') this.spaces++;
    else if (this.spaces === 5) this.hex++;
    if (this.hex < 8) return undefined;
    const done = this.text;
    this.reset();
    return done;
  }
}
