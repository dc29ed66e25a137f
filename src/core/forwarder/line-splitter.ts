/**
 * Cuts a serial byte stream into lines (docs/SENSORS.md S-1). A line ends at LF; a CR before it is dropped,
 * so CRLF and LF sketches read the same. A line longer than MAX_LINE characters is no sample: it is cut off,
 * reported once as `overlong` when its end arrives, and never held whole in memory.
 */

/** Longer than any row of numbers a sketch prints (16 channels of `-123456.789,`), short enough to bound memory. */
export const MAX_LINE = 256;

export type SplitLine = { readonly text: string } | { readonly overlong: number };

export class LineSplitter {
  private text = '';
  private dropped = 0;

  /** Feeds bytes; returns the lines they complete, in order. Bytes are read one character each (Latin-1). */
  push(chunk: Uint8Array): SplitLine[] {
    const lines: SplitLine[] = [];
    for (const byte of chunk) {
      if (byte === 0x0a) {
        lines.push(this.dropped > 0 ? { overlong: this.dropped + this.text.length } : { text: this.text });
        this.text = '';
        this.dropped = 0;
      } else if (this.dropped > 0) {
        this.dropped++;
      } else if (this.text.length >= MAX_LINE) {
        this.dropped = this.text.length + 1;
        this.text = '';
      } else {
        this.text += String.fromCharCode(byte);
      }
    }
    return lines;
  }
}
