import type { FlashMemory } from './flash-memory.ts';
import type { RomChip } from './rom-chips.ts';
import {
  OP,
  OP_NAMES,
  parseRequest,
  response,
  ROM_ERROR,
  ROM_SYNC_VALUE,
  STUB_ERROR,
  SYNC_PAYLOAD,
  u32le,
} from './rom-packets.ts';
import type { CommandRecord, Request } from './rom-packets.ts';
import { fail, ok, RomFlash, type Outcome } from './rom-flash.ts';
import type { ReplyFaults } from './rom-faults.ts';
import { RomRam } from './rom-ram.ts';
import { Registers } from './rom-registers.ts';

export type { CommandRecord } from './rom-packets.ts';

export interface RomHost {
  send(packet: Uint8Array): void;
  changeBaud(baud: number): void;
  record(entry: CommandRecord): void;
}

/** The ROM bootloader, and the flasher stub once it has been uploaded and started (FACTS §D.3, §D.4). */
export class RomEmulator {
  private stub = false;
  private readonly ram = new RomRam();
  private readonly registers: Registers;
  private readonly flashOps: RomFlash;
  /** Where the packets of the command being handled go: through an injected fault, if one hits it. */
  private out: (packet: Uint8Array) => void;

  constructor(
    private readonly chip: RomChip,
    private readonly flash: FlashMemory,
    private readonly host: RomHost,
    presets: Readonly<Record<number, number>> = {},
    private readonly faults?: ReplyFaults,
  ) {
    this.out = (packet) => host.send(packet);
    this.registers = new Registers(chip, flash.size, presets);
    this.flashOps = new RomFlash(
      flash,
      () => this.stub,
      (packet) => this.out(packet),
    );
  }

  get isStub(): boolean {
    return this.stub;
  }

  handle(packet: Uint8Array): void {
    const req = parseRequest(this.faults?.request(packet) ?? packet);
    if (!req) return;
    const plain = (p: Uint8Array) => this.host.send(p);
    this.out = this.faults?.during(req.op, plain) ?? plain;
    try {
      this.reply(req);
    } finally {
      this.out = plain;
    }
  }

  private reply(req: Request): void {
    if (req.op === OP.SYNC) return this.sync(req);
    const outcome = this.dispatch(req);
    const name = OP_NAMES.get(req.op) ?? `0x${req.op.toString(16)}`;
    this.host.record({
      op: req.op,
      name,
      stub: this.stub,
      dataBytes: req.data.length,
      ...(outcome.address === undefined ? {} : { address: outcome.address }),
      ...(outcome.size === undefined ? {} : { size: outcome.size }),
      ...(outcome.error ? { error: outcome.error.text } : {}),
    });
    // The ROM answers an unknown command under another op; esptool-js reads that as "unsupported".
    const op = outcome.error?.code === ROM_ERROR.INVALID_MESSAGE && !this.stub ? 0 : req.op;
    this.out(
      response(op, outcome.value ?? 0, outcome.data ?? new Uint8Array(0), this.status(outcome.error?.code)),
    );
    outcome.after?.();
  }

  /** Status bytes: the ROM sends four (status, error, 0, 0), the stub two. */
  private status(error?: number): Uint8Array {
    const bytes = error === undefined ? [0, 0] : [1, error];
    return Uint8Array.from(this.stub ? bytes : [...bytes, 0, 0]);
  }

  private sync(req: Request): void {
    if (req.data.length !== SYNC_PAYLOAD.length || !req.data.every((b, i) => b === SYNC_PAYLOAD[i])) return;
    this.host.record({ op: OP.SYNC, name: 'SYNC', stub: this.stub, dataBytes: req.data.length });
    const replies = this.stub ? 1 : 8;
    const reply = response(OP.SYNC, this.stub ? 0 : ROM_SYNC_VALUE, new Uint8Array(0), this.status());
    for (let i = 0; i < replies; i++) this.out(reply);
  }

  private unsupported(): Outcome {
    return this.stub
      ? fail(STUB_ERROR.UNSUPPORTED, 'unsupported')
      : fail(ROM_ERROR.INVALID_MESSAGE, 'unsupported');
  }

  private dispatch(req: Request): Outcome {
    const w = req.words(8);
    switch (req.op) {
      case OP.GET_SECURITY_INFO:
        if (this.chip.securityChipId === undefined) return this.unsupported();
        return ok({
          data: Uint8Array.from([...u32le(0), 0, 0, 0, 0, 0, 0, 0, 0, ...u32le(this.chip.securityChipId, 0)]),
        });
      case OP.READ_REG:
        return ok({ value: this.registers.read(w[0] ?? 0) });
      case OP.WRITE_REG:
        for (let i = 0; i + 3 < w.length; i += 4)
          this.registers.write(w[i] ?? 0, w[i + 1] ?? 0, w[i + 2] ?? 0);
        return ok();
      case OP.MEM_BEGIN:
        return this.ram.begin(w);
      case OP.MEM_DATA:
        return this.ram.data(req);
      case OP.MEM_END:
        return this.ram.end(w, () => this.stub || this.startStub());
      case OP.SPI_ATTACH:
        if (!this.stub && req.data.length !== 8)
          return fail(ROM_ERROR.INVALID_MESSAGE, 'the ROM expects 8 bytes');
        this.flashOps.attached = true;
        return ok();
      case OP.CHANGE_BAUDRATE:
        return w[0]
          ? ok({ after: () => this.host.changeBaud(w[0] as number) })
          : fail(ROM_ERROR.INVALID_MESSAGE, 'no baud rate');
      case OP.FLASH_BEGIN:
      case OP.FLASH_DEFL_BEGIN:
        return this.flashOps.begin(req.op === OP.FLASH_DEFL_BEGIN, w);
      case OP.FLASH_DATA:
      case OP.FLASH_DEFL_DATA:
        return this.flashOps.data(req);
      case OP.FLASH_END:
      case OP.FLASH_DEFL_END:
        return this.flashOps.end();
      case OP.SPI_FLASH_MD5:
        return this.flashOps.md5(w[0] ?? 0, w[1] ?? 0);
      case OP.ERASE_FLASH:
      case OP.ERASE_REGION:
      case OP.READ_FLASH:
        return this.stub ? this.stubOnly(req.op, w) : this.unsupported();
      default:
        return this.unsupported();
    }
  }

  private stubOnly(op: number, w: readonly number[]): Outcome {
    const [address = 0, size = 0, packet = 0x1000] = w;
    if (op === OP.READ_FLASH) return this.flashOps.read(address, size, packet);
    return op === OP.ERASE_FLASH
      ? this.flashOps.erase(0, this.flash.size)
      : this.flashOps.erase(address, size);
  }

  private startStub(): void {
    setTimeout(() => {
      this.stub = true;
      this.host.send(new TextEncoder().encode('OHAI'));
    }, 5);
  }
}
