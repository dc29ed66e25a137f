/**
 * A fault on the wire between board and host, as a noisy cable or a USB bridge that drops data causes: one packet
 * the board sends for a command is lost ('drop') or arrives with a garbled byte ('corrupt'); or the command itself
 * reaches the board with a garbled byte ('corrupt-request'), which its checksum catches. A lost reply does not
 * stop the command: a lost reply to a write's begin leaves the region erasing while the host hears nothing.
 */
export interface ReplyFault {
  /** The command (OP) whose packets are hit. */
  readonly op: number;
  readonly action: 'drop' | 'corrupt' | 'corrupt-request';
  /** Which packet sent for the command: 0 its reply (default), 1 the first data packet after it (READ_FLASH). */
  readonly packet?: number;
  /** The byte to garble, counted in the packet before SLIP; default its middle (a request: its last byte). */
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
    const entry = this.hit(op, (a) => a !== 'corrupt-request');
    if (!entry) return send;
    let index = 0;
    return (packet) => {
      if (index++ !== (entry.packet ?? 0)) return send(packet);
      this.hits++;
      if (entry.action !== 'drop') send(garbled(packet, entry.byte ?? Math.floor(packet.length / 2)));
    };
  }

  /** The request as the board receives it: garbled in its payload when a 'corrupt-request' fault hits it. */
  request(packet: Uint8Array): Uint8Array {
    const entry = this.hit(packet[1] ?? -1, (a) => a === 'corrupt-request');
    if (!entry) return packet;
    this.hits++;
    return garbled(packet, entry.byte ?? packet.length - 1);
  }

  /** The fault that hits this `op` command, if any; every fault on the op counts it as seen. */
  private hit(op: number, kind: (action: ReplyFault['action']) => boolean): ReplyFault | undefined {
    let found: ReplyFault | undefined;
    for (const entry of this.active) {
      if (entry.fault.op !== op || !kind(entry.fault.action)) continue;
      const { skip = 0, times = 1 } = entry.fault;
      const n = entry.seen++;
      if (!found && n >= skip && n < skip + times) found = entry.fault;
    }
    return found;
  }
}

function garbled(packet: Uint8Array, at: number): Uint8Array {
  const bad = packet.slice();
  bad[at] = (bad[at] as number) ^ 0x55;
  return bad;
}
