import { MinnowError } from '../core/errors.ts';
import { decodeChunk, encodeChunk, MAX_PAYLOAD, type Frame } from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';

/** P-13 `prof` partials: the cycles of each op, by step index. */
export function profileOf(partials: readonly Frame[]): number[] {
  const cycles: number[] = [];
  for (const frame of partials.filter((f) => f.kind === 'prof')) {
    const view = new DataView(frame.payload.buffer, frame.payload.byteOffset, frame.payload.byteLength);
    const first = view.getUint16(0, true);
    for (let at = 2; at + 4 <= frame.payload.length; at += 4)
      cycles[first + (at - 2) / 4] = view.getUint32(at, true);
  }
  return cycles;
}

/** P-13 `out` partials joined into the output, which they must cover exactly. */
export function outputOf(partials: readonly Frame[], outputBytes: number): Int8Array {
  const output = new Int8Array(outputBytes);
  let covered = 0;
  for (const frame of partials.filter((f) => f.kind === 'out')) {
    const { offset, bytes: part } = decodeChunk(frame.payload, 'out');
    if (offset + part.length > output.length) {
      throw new MinnowError('PROTO_PAYLOAD', {
        kind: 'out',
        detail: `bytes ${offset}+${part.length} beyond the output`,
      });
    }
    output.set(new Int8Array(part.buffer, part.byteOffset, part.length), offset);
    covered += part.length;
  }
  if (covered !== output.length) {
    throw new MinnowError('PROTO_PAYLOAD', {
      kind: 'out',
      detail: `${covered} of ${output.length} output bytes arrived`,
    });
  }
  return output;
}

/** P-12: writes an input too large for one frame in chunks; `run` then takes an empty payload. */
export async function loadInput(client: BoardClient, input: Uint8Array): Promise<void> {
  const chunk = MAX_PAYLOAD - 4;
  for (let at = 0; at < input.length; at += chunk) {
    await client.request('load', encodeChunk(at, input.subarray(at, at + chunk)));
  }
}
