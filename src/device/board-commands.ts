import { MinnowError } from '../core/errors.ts';
import { decodeGenerate, decodeToken, encodeGenerate, MAX_PROMPT } from '../core/protocol/generate.ts';
import {
  decodeRun,
  decodeSelfTest,
  MAX_PAYLOAD,
  type BoardInfo,
  type Frame,
  type SelfTestResult,
} from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';
import { loadInput, outputOf, profileOf } from './run-frames.ts';

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

/** P-13: runs the model on one int8 input and returns the board's output, cycles and arena use. */
export async function runOnBoard(
  client: BoardClient,
  input: Int8Array,
  info?: BoardInfo,
): Promise<RunOutcome> {
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const direct = bytes.length <= MAX_PAYLOAD;
  if (!direct) await loadInput(client, bytes);
  const reply = await client.request('run', direct ? bytes : new Uint8Array(0), { timeoutMs: 10_000 });
  const result = decodeRun(reply.final.payload);
  const latencyMs = info ? cyclesToMs(result.cycles, info) : undefined;
  return {
    output: outputOf(reply.partials, result.outputBytes),
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

export interface GenerateOutcome {
  /** The generated token ids, in order. */
  readonly tokens: readonly number[];
  /** Prompt tokens left out: a prompt longer than MAX_PROMPT goes with its last MAX_PROMPT tokens only. */
  readonly promptDropped: number;
  /** All runs together (prompt and generated tokens), in the board's cycle unit. */
  readonly cycles: number;
  readonly runs: number;
  readonly roundTripMs: number;
  /** Time on the board for one run (one token in, the scores of the next out), when the unit allows it. */
  readonly boardMsPerToken?: number;
  readonly tokensPerSecond?: number;
  /** Generated tokens per second of wall clock: the prompt, the serial line and the host included. */
  readonly wallTokensPerSecond: number;
}

/** The wait for `generate` grows with its runs: a slow chip streams tokens for as long as it is asked to. */
export const generateTimeoutMs = (runs: number): number => 10_000 + 50 * runs;

function checkGenerate(prompt: readonly number[], count: number): void {
  const bad = prompt.find((t) => !Number.isInteger(t) || t < 0 || t > 255);
  const detail =
    !Number.isInteger(count) || count < 0 || count > 0xffff
      ? `${count} tokens: one request asks for 0 to 65535`
      : prompt.length === 0
        ? 'without a prompt: the model needs at least one token to start from'
        : bad !== undefined
          ? `from the prompt token ${bad}: token ids are 0 to 255`
          : undefined;
  if (detail) throw new MinnowError('GENERATE_REQUEST', { detail });
}

/**
 * P-16: greedy generation on the board. Each token reaches `onToken` as its `tok` frame arrives; the board's
 * cycle count gives the time per run, the round trip the rate a person sees.
 */
export async function generateOnBoard(
  client: BoardClient,
  prompt: readonly number[],
  count: number,
  onToken?: (token: number, index: number) => void,
  info?: Pick<BoardInfo, 'cycleUnit' | 'cpuMhz'>,
): Promise<GenerateOutcome> {
  checkGenerate(prompt, count);
  const kept = prompt.slice(-MAX_PROMPT);
  const tokens: number[] = [];
  const onPartial = (frame: Frame) => {
    if (frame.kind !== 'tok') return;
    const { index, token } = decodeToken(frame.payload);
    if (index !== tokens.length)
      throw new MinnowError('PROTO_PAYLOAD', {
        kind: 'tok',
        detail: `token ${index} came after ${tokens.length}`,
      });
    tokens.push(token);
    onToken?.(token, index);
  };
  const reply = await client.request('generate', encodeGenerate(count, kept), {
    timeoutMs: generateTimeoutMs(kept.length + count),
    onPartial,
  });
  const result = decodeGenerate(reply.final.payload);
  if (result.tokens !== count || tokens.length !== count) {
    throw new MinnowError('PROTO_PAYLOAD', {
      kind: 'generate',
      detail: `${tokens.length} tokens arrived and the board counted ${result.tokens}, of ${count} asked for`,
    });
  }
  const totalMs = info && result.runs > 0 ? cyclesToMs(result.cycles, info) : undefined;
  const boardMsPerToken = totalMs === undefined ? undefined : totalMs / result.runs;
  return {
    tokens,
    promptDropped: prompt.length - kept.length,
    cycles: result.cycles,
    runs: result.runs,
    roundTripMs: reply.roundTripMs,
    wallTokensPerSecond: reply.roundTripMs > 0 ? (count * 1000) / reply.roundTripMs : 0,
    ...(boardMsPerToken === undefined ? {} : { boardMsPerToken }),
    ...(boardMsPerToken ? { tokensPerSecond: 1000 / boardMsPerToken } : {}),
  };
}
