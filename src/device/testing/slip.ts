/** SLIP framing of the ESP serial bootloader (FACTS §D.1): packets between 0xC0 bytes, 0xC0/0xDB escaped. */
const END = 0xc0;
const ESC = 0xdb;
const ESC_END = 0xdc;
const ESC_ESC = 0xdd;

export function slipEncode(packet: Uint8Array): Uint8Array {
  const out: number[] = [END];
  for (const b of packet) {
    if (b === END) out.push(ESC, ESC_END);
    else if (b === ESC) out.push(ESC, ESC_ESC);
    else out.push(b);
  }
  out.push(END);
  return Uint8Array.from(out);
}

/** Collects packets from a byte stream; bytes outside a packet (boot log noise) are dropped. */
export class SlipDecoder {
  private packet: number[] | undefined;
  private escaping = false;

  push(bytes: Uint8Array): Uint8Array[] {
    const packets: Uint8Array[] = [];
    for (const b of bytes) {
      if (this.packet === undefined) {
        if (b === END) this.packet = [];
      } else if (this.escaping) {
        this.escaping = false;
        this.packet.push(b === ESC_END ? END : b === ESC_ESC ? ESC : b);
      } else if (b === ESC) {
        this.escaping = true;
      } else if (b === END) {
        // Back-to-back END bytes delimit an empty packet: treat the second as the start of the next.
        if (this.packet.length > 0) {
          packets.push(Uint8Array.from(this.packet));
          this.packet = undefined;
        }
      } else {
        this.packet.push(b);
      }
    }
    return packets;
  }

  reset(): void {
    this.packet = undefined;
    this.escaping = false;
  }
}
