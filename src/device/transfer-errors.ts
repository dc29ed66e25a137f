/**
 * What esptool-js 0.7 throws when bytes on the wire were lost or garbled rather than refused by the board: a
 * read that timed out, a SLIP frame that does not parse, a reply that never matched, a chip id or magic value
 * no chip has, a block whose checksum the board rejected (status 0xC1 from the stub, 0x07 from the ROM, which
 * esptool-js prints as "failed with status 1,193" and "1,7"). Retrying cures these; the board is not at fault.
 */
const TRANSFER =
  /Serial data stream stopped|No serial data received|Invalid head of packet|Invalid SLIP escape|invalid response|timed? ?out|Unexpected chip ID|Unexpected CHIP magic|checksum|Failed to read memory|failed with status 1,(193|7)\b/i;

export function isTransferError(e: unknown): boolean {
  return e instanceof Error && !(e.name === 'MinnowError') && TRANSFER.test(e.message);
}

/** The advice for a transfer error: retry first, the cable only if it repeats. */
export const RETRY_ADVICE =
  'Flash again: a one-off transfer error does not come back. Only if it repeats, use a shorter or better USB cable, or a lower baud rate.';
