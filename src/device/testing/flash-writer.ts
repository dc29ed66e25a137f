import { constants, inflateSync } from 'node:zlib';
import type { FlashMemory } from './flash-memory.ts';

/**
 * One FLASH_BEGIN or FLASH_DEFL_BEGIN session of the stub: blocks arrive in sequence and land in flash as they
 * are decoded. Compressed blocks are a zlib stream, inflated by node:zlib (independent of the sender's pako).
 */
export class FlashWriter {
  private nextSeq = 0;
  private written = 0;
  private compressed: Uint8Array[] = [];

  constructor(
    private readonly flash: FlashMemory,
    readonly offset: number,
    /** Uncompressed bytes the host announced. */
    readonly size: number,
    readonly blocks: number,
    readonly compress: boolean,
  ) {
    flash.beginSession();
  }

  get bytesWritten(): number {
    return this.written;
  }

  /** Returns an error text, or undefined when the block was accepted. */
  block(seq: number, data: Uint8Array): string | undefined {
    if (seq !== this.nextSeq) return `block ${seq} arrived, ${this.nextSeq} was expected`;
    this.nextSeq++;
    if (!this.compress) return this.store(data.subarray(0, Math.max(0, this.size - this.written)));
    this.compressed.push(data);
    let out: Uint8Array;
    try {
      out = inflateSync(concat(this.compressed), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch (e) {
      return `the compressed data is corrupt (${(e as Error).message})`;
    }
    return this.store(out.subarray(this.written));
  }

  private store(data: Uint8Array): string | undefined {
    if (this.written + data.length > this.size) return 'more data than announced';
    if (!this.flash.contains(this.offset + this.written, data.length)) return 'write past the end of flash';
    this.flash.write(this.offset + this.written, data);
    this.written += data.length;
    return undefined;
  }

  /** Checks the session ended complete; returns an error text otherwise. */
  finish(): string | undefined {
    if (this.compress) {
      try {
        inflateSync(concat(this.compressed));
      } catch (e) {
        return `the compressed stream is incomplete (${(e as Error).message})`;
      }
    }
    return this.written === this.size ? undefined : `${this.written} of ${this.size} bytes were written`;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
