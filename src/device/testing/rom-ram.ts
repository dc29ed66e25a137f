import { fail, ok, type Outcome } from './rom-flash.ts';
import { checksum, ROM_ERROR, type Request } from './rom-packets.ts';

/** MEM_BEGIN / MEM_DATA / MEM_END: a download to RAM (the stub's upload), checked block by block. */
export class RomRam {
  private blocksLeft = 0;
  private seq = 0;

  begin(w: readonly number[]): Outcome {
    const [size = 0, blocks = 0, , address = 0] = w;
    this.blocksLeft = blocks;
    this.seq = 0;
    return ok({ address, size });
  }

  data(req: Request): Outcome {
    const [length = 0, seq = 0] = req.words(2);
    const data = req.data.subarray(16);
    if (data.length !== length || checksum(data) !== req.checksum)
      return fail(ROM_ERROR.CHECKSUM, 'bad RAM block');
    if (seq !== this.seq || this.blocksLeft === 0)
      return fail(ROM_ERROR.INVALID_MESSAGE, `RAM block ${seq} out of order`);
    this.seq++;
    this.blocksLeft--;
    return ok();
  }

  /** MEM_END: `run` is called after the reply when the host asked to jump to the entry point. */
  end(w: readonly number[], run: () => void): Outcome {
    if (this.blocksLeft !== 0) return fail(ROM_ERROR.INVALID_MESSAGE, 'missing RAM blocks');
    return w[0] === 0 ? ok({ after: run }) : ok();
  }
}
