/** Little-endian payload fields (docs/PROTOCOL.md P-10): a bounds-checked reader. */
import { MinnowError } from '../errors.ts';

export class PayloadReader {
  private at = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly kind: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): number {
    if (this.at + n > this.bytes.length) {
      throw new MinnowError('PROTO_PAYLOAD', {
        kind: this.kind,
        detail: `it ends after ${this.bytes.length} bytes`,
      });
    }
    const at = this.at;
    this.at += n;
    return at;
  }

  u8(): number {
    return this.view.getUint8(this.need(1));
  }

  u16(): number {
    return this.view.getUint16(this.need(2), true);
  }

  u32(): number {
    return this.view.getUint32(this.need(4), true);
  }

  /** u64 as two u32, low first; exact up to 2^53. */
  u64(): number {
    const low = this.u32();
    return this.u32() * 2 ** 32 + low;
  }

  remaining(): number {
    return this.bytes.length - this.at;
  }

  bytesLeft(): Uint8Array {
    return this.bytes.subarray(this.need(this.bytes.length - this.at));
  }

  str(): string {
    const n = this.u8();
    const at = this.need(n);
    return String.fromCharCode(...this.bytes.subarray(at, at + n));
  }

  /** Refuses trailing bytes, so a layout mismatch is never read silently. */
  end(): void {
    if (this.at !== this.bytes.length) {
      throw new MinnowError('PROTO_PAYLOAD', {
        kind: this.kind,
        detail: `${this.bytes.length - this.at} bytes left over`,
      });
    }
  }
}
