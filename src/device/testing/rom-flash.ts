import type { FlashMemory } from './flash-memory.ts';
import { FlashWriter } from './flash-writer.ts';
import { checksum, ROM_ERROR, STUB_ERROR, type Request } from './rom-packets.ts';

/** What a command handler answers: reply fields, or an error status; `after` runs once the reply is sent. */
export interface Outcome {
  readonly value?: number;
  readonly data?: Uint8Array;
  readonly error?: { code: number; text: string };
  readonly after?: () => void;
  readonly address?: number;
  readonly size?: number;
}

export const ok = (extra: Omit<Outcome, 'error'> = {}): Outcome => extra;
export const fail = (code: number, text: string): Outcome => ({ error: { code, text } });

/**
 * The flash commands of the ROM and the stub (FACTS §D.3): plain and compressed writes, MD5, and the stub's
 * READ_FLASH and erases. Error codes differ between the two loaders; `stub()` tells which one is running.
 */
export class RomFlash {
  attached = false;
  private writer: FlashWriter | undefined;

  constructor(
    private readonly flash: FlashMemory,
    private readonly stub: () => boolean,
    private readonly send: (packet: Uint8Array) => void,
  ) {}

  private failure(text: string, rom: number = ROM_ERROR.FLASH_WRITE): Outcome {
    return fail(this.stub() ? STUB_ERROR.FAILED : rom, text);
  }

  begin(compress: boolean, w: readonly number[]): Outcome {
    const [size = 0, blocks = 0, , offset = 0] = w;
    if (!this.stub() && !this.attached) return fail(ROM_ERROR.FLASH_WRITE, 'SPI_ATTACH was not sent');
    if (!this.flash.contains(offset, size)) return this.failure('past the end of flash');
    this.writer = new FlashWriter(this.flash, offset, size, blocks, compress);
    return ok({ address: offset, size });
  }

  data(req: Request): Outcome {
    const [length = 0, seq = 0] = req.words(2);
    const data = req.data.subarray(16);
    if (data.length !== length || checksum(data) !== req.checksum) {
      return fail(this.stub() ? STUB_ERROR.CHECKSUM : ROM_ERROR.CHECKSUM, 'bad checksum');
    }
    if (!this.writer) return this.failure('no write in progress');
    const problem = this.writer.block(seq, data);
    return problem ? this.failure(problem, ROM_ERROR.DEFLATE) : ok();
  }

  end(): Outcome {
    const problem = this.writer?.finish();
    this.writer = undefined;
    return problem ? this.failure(problem) : ok();
  }

  md5(address: number, size: number): Outcome {
    if (!this.flash.contains(address, size)) return this.failure('past the end of flash');
    const digest = this.flash.md5(address, size);
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    return ok({ data: this.stub() ? digest : new TextEncoder().encode(hex), address, size });
  }

  /** Stub only: after the reply, the data in packets of `packet` bytes, then their MD5. */
  read(address: number, size: number, packet: number): Outcome {
    if (!this.flash.contains(address, size) || packet === 0) return this.failure('bad read');
    const after = () => {
      for (let at = 0; at < size; at += packet)
        this.send(this.flash.read(address + at, Math.min(packet, size - at)));
      this.send(this.flash.md5(address, size));
    };
    return ok({ address, size, after });
  }

  erase(address: number, size: number): Outcome {
    if (!this.flash.contains(address, size)) return this.failure('past the end of flash');
    this.flash.erase(address, size);
    return ok({ address, size });
  }
}
