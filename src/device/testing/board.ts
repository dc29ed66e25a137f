import { bootFromFlash, type FirmwareBackend, type FirmwareFactory } from './flash-boot.ts';
import { FlashMemory } from './flash-memory.ts';
import { romChip, type RomChip } from './rom-chips.ts';
import { RomEmulator, type CommandRecord } from './rom-emulator.ts';
import { ReplyFaults } from './rom-faults.ts';
import { SlipDecoder, slipEncode } from './slip.ts';
import { WireLog } from './wire-log.ts';

export interface BoardOptions {
  /** ESP-IDF target name; default esp32c3. */
  readonly chip?: string;
  readonly flashBytes?: number;
  /** Register values the ROM reports instead of 0, e.g. the eFuse words of a later chip revision. */
  readonly registers?: Readonly<Record<number, number>>;
  /** What runs after a boot from flash; without it the app boots and stays silent. */
  readonly firmware?: FirmwareFactory;
  /** False: DTR/RTS do not reach EN/IO0 (no auto-reset circuit), so the ROM is never entered. */
  readonly autoReset?: boolean;
}

/** The host end of the wire: the fake serial port, locally or across the browser bridge. */
export interface HostLink {
  deliver(bytes: Uint8Array): void;
  lost(): void;
}

const FIRMWARE_BAUD = 115200;

/**
 * An ESP board on a USB-serial bridge: the classic auto-reset circuit (RTS pulls EN low, DTR pulls IO0 low,
 * each only while the other is released), the ROM bootloader and stub (RomEmulator) after a reset with IO0
 * low, and a firmware backend after a reset with IO0 high. It records every byte on the wire.
 */
export class EmulatedBoard {
  readonly chip: RomChip;
  readonly flash: FlashMemory;
  readonly commands: CommandRecord[] = [];
  readonly wire = new WireLog();
  /** Replies the wire loses or garbles (kept across resets). */
  readonly faults = new ReplyFaults();
  unplugged = false;
  private mode: 'reset' | 'rom' | 'firmware' | 'halted' = 'reset';
  private rom: RomEmulator | undefined;
  private firmware: FirmwareBackend | undefined;
  private readonly slip = new SlipDecoder();
  private uartBaud: number | undefined;
  private hostBaud = 0;
  private host: HostLink | undefined;
  private dtr = false;
  private rts = false;
  private unplugAt: number | undefined;
  private run: object | undefined;

  constructor(private readonly options: BoardOptions = {}) {
    this.chip = romChip(options.chip ?? 'esp32c3');
    this.flash = new FlashMemory(options.flashBytes);
    this.boot(false);
  }

  get state(): 'reset' | 'rom' | 'stub' | 'firmware' | 'halted' {
    return this.mode === 'rom' && this.rom?.isStub ? 'stub' : this.mode;
  }

  /** The port opens: the OS asserts DTR and RTS together, which the circuit ignores. */
  open(host: HostLink, baud: number): void {
    this.host = host;
    this.hostBaud = baud;
    this.signals({ dtr: true, rts: true });
  }

  close(): void {
    this.signals({ dtr: false, rts: false });
    this.host = undefined;
  }

  signals(change: { dtr?: boolean; rts?: boolean }): void {
    const wasInReset = this.rts && !this.dtr;
    this.dtr = change.dtr ?? this.dtr;
    this.rts = change.rts ?? this.rts;
    if (this.options.autoReset === false || this.unplugged) return;
    const inReset = this.rts && !this.dtr;
    if (inReset && !wasInReset) this.halt('reset');
    if (!inReset && wasInReset) this.boot(this.dtr && !this.rts);
  }

  write(bytes: Uint8Array): void {
    if (this.unplugged) return;
    let data = bytes;
    if (this.unplugAt !== undefined && this.wire.toBoard + data.length >= this.unplugAt) {
      data = data.subarray(0, Math.max(0, this.unplugAt - this.wire.toBoard));
    }
    this.wire.record('toBoard', this.hostBaud, data);
    if (this.mode === 'rom') this.uartBaud ??= this.hostBaud;
    if (this.hostBaud !== this.uartBaud) this.wire.garbled += data.length;
    else if (this.mode === 'rom') for (const packet of this.slip.push(data)) this.rom?.handle(packet);
    else if (this.mode === 'firmware') this.firmware?.write(data);
    if (data !== bytes) this.unplug();
  }

  /** Pulls the cable once `bytes` more bytes have reached the board. */
  unplugAfter(bytes: number): void {
    this.unplugAt = this.wire.toBoard + bytes;
  }

  unplug(): void {
    this.unplugged = true;
    this.unplugAt = undefined;
    this.halt('reset');
    const host = this.host;
    this.host = undefined;
    host?.lost();
  }

  /** Plugs the cable back in: the board powers up and boots from flash. */
  plugIn(): void {
    this.unplugged = false;
    this.dtr = this.rts = false;
    this.boot(false);
  }

  /** FLASH_DATA / FLASH_DEFL_DATA payload bytes (without their 16-byte headers) since `from`. */
  flashDataBytes(from = 0): number {
    return this.commands
      .slice(from)
      .filter((c) => c.name === 'FLASH_DEFL_DATA' || c.name === 'FLASH_DATA')
      .reduce((n, c) => n + c.dataBytes - 16, 0);
  }

  private emit(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (!this.host || this.unplugged) return;
    if (this.uartBaud !== undefined && this.hostBaud !== this.uartBaud) {
      this.wire.garbled += bytes.length;
      return;
    }
    this.wire.record('toHost', this.hostBaud, bytes);
    this.host.deliver(bytes);
  }

  private halt(mode: 'reset' | 'halted'): void {
    this.run = undefined;
    this.firmware?.stop();
    this.firmware = undefined;
    this.rom = undefined;
    this.mode = mode;
  }

  private boot(download: boolean): void {
    this.halt('reset');
    this.slip.reset();
    if (download) {
      this.uartBaud = undefined;
      this.mode = 'rom';
      this.rom = new RomEmulator(
        this.chip,
        this.flash,
        {
          send: (packet) => this.emit(slipEncode(packet)),
          changeBaud: (baud) => (this.uartBaud = baud),
          record: (entry) => this.commands.push(entry),
        },
        this.options.registers,
        this.faults,
      );
      this.emit(
        `${this.chip.romBanner}\r\nrst:0x1 (POWERON),boot:0x4 (DOWNLOAD(USB/UART0))\r\nwaiting for download\r\n`,
      );
      return;
    }
    this.uartBaud = FIRMWARE_BAUD;
    const result = bootFromFlash(this.flash, this.chip);
    this.emit(result.log);
    if (!result.ok) return void (this.mode = 'halted');
    this.mode = 'firmware';
    // Output of a backend that a later reset has stopped is dropped.
    const run = {};
    this.run = run;
    const output = (d: string | Uint8Array) => {
      if (this.run === run) this.emit(d);
    };
    const context = { chip: this.chip, flash: this.flash, partitions: result.partitions, output };
    this.firmware = this.options.firmware?.(result.model ? { ...context, model: result.model } : context);
  }
}
