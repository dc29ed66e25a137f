/** Bytes on one side of the wire, with the host's baud rate at the time (for wire-time estimates). */
export interface WireChunk {
  readonly dir: 'toBoard' | 'toHost';
  readonly baud: number;
  readonly bytes: Uint8Array;
}

/** Every byte the emulated board received or sent, in order, and the totals. */
export class WireLog {
  toBoard = 0;
  toHost = 0;
  /** Bytes lost because host and board disagreed on the baud rate. */
  garbled = 0;
  readonly trace: WireChunk[] = [];

  record(dir: WireChunk['dir'], baud: number, bytes: Uint8Array): void {
    this[dir] += bytes.length;
    this.trace.push({ dir, baud, bytes: bytes.slice() });
  }

  /** Seconds the chunks from `from` on take on a real UART: 10 bits a byte (8N1). */
  seconds(from = 0): number {
    return this.trace.slice(from).reduce((s, t) => s + (t.bytes.length * 10) / (t.baud || 115200), 0);
  }
}
