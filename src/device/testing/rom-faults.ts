/**
 * A fault on the wire between board and host: one packet the board sends for a command is lost or arrives with
 * a garbled byte, as a noisy cable or a USB bridge that drops data does. The command itself still runs, so a lost
 * reply to a write's begin leaves the region erasing while the host hears nothing.
 */
export interface ReplyFault {
  /** The command (OP) whose packets are hit. */
  readonly op: number;
  readonly action: 'drop' | 'corrupt';
  /** Which packet sent for the command: 0 its reply (default), 1 the first data packet after it (READ_FLASH). */
  readonly packet?: number;
  /** The byte to garble, counted in the packet before SLIP; default its middle. */
  readonly byte?: number;
  /** Commands to skip before the fault hits (default 0). */
  readonly skip?: number;
  /** How many commands it hits (default 1; Infinity: every one). */
  readonly times?: number;
}

type Send = (packet: Uint8Array) => void;

/** The faults injected into a board, kept across resets; each counts the commands it has seen and hit. */
export class ReplyFaults {
  private readonly active: { fault: ReplyFault; seen: number }[] = [];
  /** How many packets were dropped or garbled so far. */
  hits = 0;

  add(fault: ReplyFault): void {
    this.active.push({ fault, seen: 0 });
  }

  /** The send function for the packets of one `op` command: the plain one unless a fault hits this command. */
  during(op: number, send: Send): Send {
    const entry = this.active.find((a) => a.fault.op === op);
    if (!entry) return send;
    const { skip = 0, times = 1, packet: target = 0 } = entry.fault;
    const n = entry.seen++;
    if (n < skip || n >= skip + times) return send;
    let index = 0;
    return (packet) => {
      if (index++ !== target) return send(packet);
      this.hits++;
      if (entry.fault.action === 'drop') return;
      const bad = packet.slice();
      const at = entry.fault.byte ?? Math.floor(bad.length / 2);
      bad[at] = (bad[at] as number) ^ 0x55;
      send(bad);
    };
  }
}
