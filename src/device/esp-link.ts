import { CustomReset, ESPLoader, Transport } from 'esptool-js';
import { chipIdFromName } from './chip-names.ts';
import { md5Hex, type Region } from './flash-plan.ts';
import type { SerialPortLike } from './serial-types.ts';

/** Transport whose read loop stays quiet unless tracing is on (0.7.0 logs "Serial port done" regardless). */
class QuietTransport extends Transport {
  override trace(message: string): void {
    if (this.tracing) super.trace(message);
  }
}

/** EN low with IO0 high, then EN released: the board boots its firmware. esptool-js's own hard reset only
 * releases RTS, which does not reset a board whose RTS is already released. */
const RUN_FIRMWARE = 'D0|R1|W100|R0';

export interface LinkOptions {
  readonly port: SerialPortLike;
  /** Baud rate once the stub runs; the ROM is always reached at 115200. */
  readonly baudrate?: number;
  readonly log?: (line: string) => void;
}

/** A board in its bootloader, with the flasher stub running (esptool-js 0.7.0's normal path, FACTS §C). */
export interface EspLink {
  /** ESP-IDF target id, e.g. "esp32c3". */
  readonly chip: string;
  /** esptool-js's description, e.g. "ESP32-C3 (QFN32) (revision v0.0)". */
  readonly description: string;
  flashBytes(): Promise<number | undefined>;
  md5(address: number, size: number): Promise<string>;
  read(address: number, size: number): Promise<Uint8Array>;
  /** Writes compressed and verifies each region's MD5; `progress` may throw to stop between blocks. */
  write(
    regions: readonly Region[],
    progress: (index: number, sent: number, total: number) => void,
  ): Promise<void>;
  runFirmware(): Promise<void>;
  close(): Promise<void>;
}

export async function openBootloader(options: LinkOptions): Promise<EspLink> {
  const line = (s: string) => options.log?.(s);
  const terminal = { clean: () => undefined, writeLine: line, write: line };
  const transport = new QuietTransport(options.port as ConstructorParameters<typeof Transport>[0], false);
  const loader = new ESPLoader({
    transport,
    baudrate: options.baudrate ?? 921600,
    romBaudrate: 115200,
    terminal,
  });
  let description: string;
  try {
    description = await loader.main('default_reset');
  } catch (e) {
    await transport.disconnect().catch(() => undefined);
    throw e;
  }
  return {
    chip: chipIdFromName(loader.chip.CHIP_NAME),
    description,
    async flashBytes() {
      const size = await loader.detectFlashSize();
      return size ? Number.parseInt(size, 10) * (size.endsWith('KB') ? 1024 : 1024 * 1024) : undefined;
    },
    md5: (address, size) => loader.flashMd5sum(address, size),
    read: (address, size) => loader.readFlash(address, size),
    write: (regions, progress) =>
      loader.writeFlash({
        fileArray: regions.map((r) => ({ data: r.data, address: r.address })),
        flashMode: 'keep',
        flashFreq: 'keep',
        flashSize: 'keep',
        eraseAll: false,
        compress: true,
        reportProgress: progress,
        calculateMD5Hash: md5Hex,
      }),
    runFirmware: () => new CustomReset(transport, RUN_FIRMWARE).reset(),
    close: () => transport.disconnect(),
  };
}
