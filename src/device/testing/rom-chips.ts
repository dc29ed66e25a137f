/**
 * What the emulated ROM of each chip answers to chip detection (FACTS §C.3, §D.5): the GET_SECURITY_INFO chip
 * id (absent on the ESP32, which does not know the command), the magic register value, and the SPI1 registers
 * esptool-js drives to read the flash JEDEC id.
 */
export interface RomChip {
  readonly id: string;
  /** Undefined: the ROM answers GET_SECURITY_INFO as an unknown command. */
  readonly securityChipId?: number;
  readonly magic: number;
  readonly spiBase: number;
  readonly spiW0: number;
  /** Where the ROM looks for the second-stage bootloader. */
  readonly bootloaderOffset: number;
  /** UART_CLKDIV register and the value the ROM has there at 115200 baud with a 40 MHz crystal. */
  readonly uartClkdiv?: { readonly reg: number; readonly value: number };
  /** Boot banner lines, as printed by the ROM after a reset. */
  readonly romBanner: string;
}

export const MAGIC_REG = 0x40001000;
/** SPI_CMD bit that starts a user command; the emulated flash clears it at once. */
export const SPI_CMD_USR = 1 << 18;

const CHIPS: readonly RomChip[] = [
  {
    id: 'esp32',
    magic: 0x00f01d83,
    spiBase: 0x3ff42000,
    spiW0: 0x80,
    bootloaderOffset: 0x1000,
    uartClkdiv: { reg: 0x3ff40014, value: 347 },
    romBanner: 'ets Jun  8 2016 00:22:57',
  },
  {
    id: 'esp32s3',
    securityChipId: 9,
    magic: 0x9,
    spiBase: 0x60002000,
    spiW0: 0x58,
    bootloaderOffset: 0,
    romBanner: 'ESP-ROM:esp32s3-20210327',
  },
  {
    id: 'esp32c3',
    securityChipId: 5,
    magic: 0x1b31506f,
    spiBase: 0x60002000,
    spiW0: 0x58,
    bootloaderOffset: 0,
    romBanner: 'ESP-ROM:esp32c3-api1-20210207',
  },
  {
    id: 'esp32c6',
    securityChipId: 13,
    magic: 0x2ce0806f,
    spiBase: 0x60003000,
    spiW0: 0x58,
    bootloaderOffset: 0,
    romBanner: 'ESP-ROM:esp32c6-20220919',
  },
];

export const ROM_CHIP_IDS = CHIPS.map((c) => c.id);

export function romChip(id: string): RomChip {
  const chip = CHIPS.find((c) => c.id === id);
  if (!chip) throw new Error(`the emulator has no ROM for "${id}"; it knows ${ROM_CHIP_IDS.join(', ')}`);
  return chip;
}

/** JEDEC id in SPI W0 after RDID: manufacturer, type, capacity (0x16 = 4 MB … 0x18 = 16 MB). */
export function jedecId(flashBytes: number): number {
  return (Math.log2(flashBytes) << 16) | 0x4020;
}
