import { createHash } from 'node:crypto';

const SECTOR = 0x1000;

/**
 * The emulated SPI flash: erased bytes are 0xFF, and a write first erases each 4 KB sector it touches (once
 * per write session), as the flasher stub does. An interrupted write therefore leaves the sectors after the
 * last one written with their old content, like a real board.
 */
export class FlashMemory {
  readonly bytes: Uint8Array;
  private erased = new Set<number>();
  /** A fault: the byte at this address keeps bit 0 at zero, as a worn flash cell does. */
  stuckBit: number | undefined;

  constructor(size = 4 * 1024 * 1024) {
    this.bytes = new Uint8Array(size).fill(0xff);
  }

  get size(): number {
    return this.bytes.length;
  }

  /** Starts a write session: sectors may be erased again. */
  beginSession(): void {
    this.erased.clear();
  }

  contains(offset: number, length: number): boolean {
    return offset >= 0 && length >= 0 && offset + length <= this.bytes.length;
  }

  write(offset: number, data: Uint8Array): void {
    if (!this.contains(offset, data.length))
      throw new RangeError(`write past the end of flash at 0x${offset.toString(16)}`);
    for (let s = Math.floor(offset / SECTOR); s * SECTOR < offset + data.length; s++) {
      if (!this.erased.has(s)) {
        this.bytes.fill(0xff, s * SECTOR, (s + 1) * SECTOR);
        this.erased.add(s);
      }
    }
    this.bytes.set(data, offset);
    const stuck = this.stuckBit;
    if (stuck !== undefined && stuck >= offset && stuck < offset + data.length)
      this.bytes[stuck] = (this.bytes[stuck] as number) & 0xfe;
  }

  erase(offset: number, length: number): void {
    this.bytes.fill(0xff, offset, offset + length);
  }

  read(offset: number, length: number): Uint8Array {
    return this.bytes.slice(offset, offset + length);
  }

  /** MD5 by node:crypto, independent of the app's own MD5. */
  md5(offset: number, length: number): Uint8Array {
    return new Uint8Array(
      createHash('md5')
        .update(this.bytes.subarray(offset, offset + length))
        .digest(),
    );
  }
}
