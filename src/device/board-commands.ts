import { MinnowError } from '../core/errors.ts';
import {
  decodeChunk,
  decodeRun,
  decodeSelfTest,
  encodeChunk,
  MAX_PAYLOAD,
  type BoardInfo,
  type Frame,
  type SelfTestResult,
} from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';

export interface RunOutcome {
  readonly output: Int8Array;
  readonly cycles: number;
  /** Highest arena byte the run touched, plus one (P-13). */
  readonly arenaUsed: number;
  readonly steps: number;
  /** Cycles of each op, from the `prof` frames. */
  readonly profile: readonly number[];
  /** Time on the board from its cycle count, when the unit and clock allow it. */
  readonly latencyMs?: number;
  readonly roundTripMs: number;
}

/** Milliseconds for a cycle count of `run` or `selftest`, from the board's cycle unit and clock (P-11). */
export function cyclesToMs(
  cycles: number,
  info: Pick<BoardInfo, 'cycleUnit' | 'cpuMhz'>,
): number | undefined {
  if (info.cycleUnit === 'ns') return cycles / 1e6;
  if (info.cycleUnit === 'cycles' && info.cpuMhz > 0) return cycles / (info.cpuMhz * 1000);
  return undefined;
}

function profileOf(partials: readonly Frame[]): number[] {
  const cycles: number[] = [];
  for (const frame of partials.filter((f) => f.kind === 'prof')) {
    const view = new DataView(frame.payload.buffer, frame.payload.byteOffset, frame.payload.byteLength);
    const first = view.getUint16(0, true);
    for (let at = 2; at + 4 <= frame.payload.length; at += 4)
      cycles[first + (at - 2) / 4] = view.getUint32(at, true);
  }
  return cycles;
}

/** P-12: writes an input too large for one frame in chunks; `run` then takes an empty payload. */
async function load(client: BoardClient, input: Uint8Array): Promise<void> {
  const chunk = MAX_PAYLOAD - 4;
  for (let at = 0; at < input.length; at += chunk) {
    await client.request('load', encodeChunk(at, input.subarray(at, at + chunk)));
  }
}

/** P-13: runs the model on one int8 input and returns the board's output, cycles and arena use. */
export async function runOnBoard(
  client: BoardClient,
  input: Int8Array,
  info?: BoardInfo,
): Promise<RunOutcome> {
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const direct = bytes.length <= MAX_PAYLOAD;
  if (!direct) await load(client, bytes);
  const reply = await client.request('run', direct ? bytes : new Uint8Array(0), { timeoutMs: 10_000 });
  const result = decodeRun(reply.final.payload);
  const output = new Int8Array(result.outputBytes);
  let covered = 0;
  for (const frame of reply.partials.filter((f) => f.kind === 'out')) {
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
  const latencyMs = info ? cyclesToMs(result.cycles, info) : undefined;
  return {
    output,
    cycles: result.cycles,
    arenaUsed: result.arenaUsed,
    steps: result.steps,
    profile: profileOf(reply.partials),
    roundTripMs: reply.roundTripMs,
    ...(latencyMs === undefined ? {} : { latencyMs }),
  };
}

/** P-14: the blob's embedded test vector, run on the board. */
export async function selfTestOnBoard(client: BoardClient): Promise<SelfTestResult> {
  return decodeSelfTest((await client.request('selftest', undefined, { timeoutMs: 10_000 })).final.payload);
}
