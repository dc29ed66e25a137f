import { CustomReset, ESPLoader, Transport } from 'esptool-js';
import { MinnowError } from '../core/errors.ts';
import { chipIdFromName } from './chip-names.ts';
import { describeChip } from './chip-revision.ts';
import { md5Hex, type Region } from './flash-plan.ts';
import type { SerialPortLike } from './serial-types.ts';
import { isTransferError } from './transfer-errors.ts';

/** Transport whose read loop stays quiet unless tracing is on (0.7.0 logs "Serial port done" regardless). */
class QuietTransport extends Transport {
  override trace(message: string): void {
    if (this.tracing) super.trace(message);
  }
}

/** EN low with IO0 high, then EN released: the board boots its firmware. esptool-js's own hard reset only
 * releases RTS, which does not reset a board whose RTS is already released. */
const RUN_FIRMWARE = 'D0|R1|W100|R0';
const ROM_BAUD = 115200;
const DEFAULT_BAUD = 921600;
/** Connects (reset, sync, chip detection, description) tried in all when a reply is lost or garbled. */
const IDENTIFY_ATTEMPTS = 3;

/** What the ROM tells before the stub is uploaded. */
export interface RomAnswer {
  readonly chip: string;
  readonly description: string;
  /** major*100+minor, undefined when the chip did not say (secure download mode, an unknown format). */
  readonly revision: number | undefined;
}

export interface LinkOptions {
  readonly port: SerialPortLike;
  /** Baud rate once the stub runs; the ROM is always reached at 115200. */
  readonly baudrate?: number;
  readonly log?: (line: string) => void;
  /** Checks on the ROM's first answer, before the stub is uploaded; a throw ends the connection there. */
  readonly beforeStub?: (rom: RomAnswer) => Promise<void> | void;
}

/** A board in its bootloader, with the flasher stub running (esptool-js 0.7.0's normal path, FACTS §C). */
export interface EspLink {
  /** ESP-IDF target id, e.g. "esp32c3". */
  readonly chip: string;
  /** esptool-js's description, e.g. "ESP32-C3 (QFN32) (revision v0.0)". */
  readonly description: string;
  readonly revision: number | undefined;
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

/**
 * Reset into the ROM, sync and identify the chip. One lost or garbled reply (a timeout, a chip id no chip has)
 * is a transfer error: the whole identification is tried again, from the reset. esptool-js already repeats the
 * sync itself, so a board that never syncs is not tried again.
 */
async function identify(loader: ESPLoader, options: LinkOptions): Promise<RomAnswer> {
  const seen = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    try {
      await loader.detectChip('default_reset');
      const chip = chipIdFromName(loader.chip.CHIP_NAME);
      return loader.secureDownloadMode
        ? { chip, description: loader.chip.CHIP_NAME, revision: undefined }
        : await describeChip(loader, chip);
    } catch (e) {
      if (!isTransferError(e)) throw e;
      const message = (e as Error).message;
      seen.add(message);
      if (attempt < IDENTIFY_ATTEMPTS) {
        options.log?.(`Identifying the chip failed (${message}); trying again.`);
        await loader.transport.disconnect().catch(() => undefined);
        continue;
      }
      // The same unknown chip id every time is an answer, not noise: a chip esptool-js does not know.
      if (seen.size === 1 && /Unexpected (chip ID|CHIP magic)/i.test(message)) {
        throw new MinnowError('FLASH_FAILED', {
          detail: `the board gave the same chip identification ${IDENTIFY_ATTEMPTS} times, which no chip this Minnow knows has (${message.split('.')[0]})`,
        });
      }
      throw e;
    }
  }
}

/**
 * esptool-js 0.7's ESPLoader.main() in its steps, with `beforeStub` between the ROM's answer and the stub
 * upload, so that a wrong chip or a build that cannot fit is refused before anything is sent to the board.
 */
async function connect(loader: ESPLoader, options: LinkOptions): Promise<RomAnswer> {
  const rom = await identify(loader, options);
  options.log?.(`Chip is ${rom.description}`);
  await options.beforeStub?.(rom);
  if (!loader.secureDownloadMode) await loader.chip.postConnect?.(loader);
  await loader.runStub();
  if ((options.baudrate ?? DEFAULT_BAUD) !== ROM_BAUD) await loader.changeBaud();
  return rom;
}

export async function openBootloader(options: LinkOptions): Promise<EspLink> {
  const line = (s: string) => options.log?.(s);
  const terminal = { clean: () => undefined, writeLine: line, write: line };
  const transport = new QuietTransport(options.port as ConstructorParameters<typeof Transport>[0], false);
  const loader = new ESPLoader({
    transport,
    baudrate: options.baudrate ?? DEFAULT_BAUD,
    romBaudrate: ROM_BAUD,
    terminal,
  });
  let rom: RomAnswer;
  try {
    rom = await connect(loader, options);
  } catch (e) {
    // Refused, or given up: restart the board into whatever firmware it has rather than leave it in the ROM.
    await new CustomReset(transport, RUN_FIRMWARE).reset().catch(() => undefined);
    await transport.disconnect().catch(() => undefined);
    throw e;
  }
  return {
    ...rom,
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
