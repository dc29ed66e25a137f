import { jedecId, MAGIC_REG, SPI_CMD_USR, type RomChip } from './rom-chips.ts';

const SPI_USR2 = 0x20;
const RDID = 0x9f;

/**
 * The registers esptool-js reads and writes: the magic register for chip detection, eFuses (all zero: revision
 * v0.0, MAC 00:00:…), UART_CLKDIV for the crystal check, and SPI1's user-command registers, on which an RDID
 * command leaves the flash JEDEC id in W0 (FACTS §D.5 step 6).
 */
export class Registers {
  private values: Map<number, number>;

  constructor(
    private readonly chip: RomChip,
    private readonly flashBytes: number,
    presets: Readonly<Record<number, number>> = {},
  ) {
    this.values = new Map(Object.entries(presets).map(([addr, value]) => [Number(addr), value]));
  }

  read(addr: number): number {
    if (addr === MAGIC_REG) return this.chip.magic;
    if (this.chip.uartClkdiv && addr === this.chip.uartClkdiv.reg) return this.chip.uartClkdiv.value;
    return this.values.get(addr) ?? 0;
  }

  /** WRITE_REG: value under mask; a user command on SPI1 runs at once. */
  write(addr: number, value: number, mask: number): void {
    const merged = ((this.read(addr) & ~mask) | (value & mask)) >>> 0;
    this.values.set(addr, merged);
    const { spiBase, spiW0 } = this.chip;
    if (addr === spiBase && merged & SPI_CMD_USR) {
      const command = this.read(spiBase + SPI_USR2) & 0xff;
      if (command === RDID) this.values.set(spiBase + spiW0, jedecId(this.flashBytes));
      this.values.set(spiBase, (merged & ~SPI_CMD_USR) >>> 0);
    }
  }
}
