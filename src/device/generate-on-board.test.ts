import { describe, expect, it } from 'vitest';
import { readBlob } from '../core/blob/reader.ts';
import type { MinnowError } from '../core/errors.ts';
import { MAX_PROMPT } from '../core/protocol/generate.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import { generateGreedy } from '../core/reference/generate.ts';
import { prepare } from '../core/reference/interpreter.ts';
import type { BoardClient, RequestOptions } from './board-client.ts';
import { generateOnBoard, generateTimeoutMs } from './board-commands.ts';
import { compileExample, compileTokenExample } from './testing/example-blob.ts';
import { boardClients } from './testing/client-rig.ts';
import { scriptedFirmware, type ScriptedCommand } from './testing/scripted-firmware.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';

const binary = findVirtualBoard();
const clientFor = boardClients();

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('it succeeded'),
    (e: unknown) => e as MinnowError,
  );

/** The TS reference interpreter's greedy tokens for the same blob: what the board must stream. */
function reference(blob: Uint8Array, prompt: readonly number[], count: number): number[] {
  const program = prepare(readBlob(blob));
  return generateGreedy(program, new Uint8Array(program.blob.header.arenaSize), prompt, count);
}

const textTokens = (text: string) => Array.from(new TextEncoder().encode(text));

describe.skipIf(!binary)(
  `generate on the virtual board process${binary ? '' : ` — skipped: ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    const lm = compileTokenExample(5);

    it('[P-16] streams, token by token, the tokens generateGreedy computes on the same blob', async () => {
      const client = await clientFor(virtualBoardFirmware(), lm.blob);
      const info = await client.info();
      const prompt = textTokens('Hello, board');
      const streamed: [number, number][] = [];
      const result = await generateOnBoard(client, prompt, 48, (t, i) => streamed.push([t, i]), info);
      const expected = reference(lm.blob, prompt, 48);
      expect(new Set(expected).size).toBeGreaterThan(1);
      expect(result.tokens).toEqual(expected);
      expect(streamed).toEqual(expected.map((t, i) => [t, i]));
      expect(result).toMatchObject({ promptDropped: 0, runs: prompt.length + 48 - 1 });
      // The host board counts nanoseconds (P-11): the time per run is the total over the runs.
      expect(info.cycleUnit).toBe('ns');
      expect(result.boardMsPerToken).toBeCloseTo(result.cycles / 1e6 / result.runs, 9);
      expect(result.tokensPerSecond).toBeCloseTo(1000 / (result.boardMsPerToken as number), 6);
      expect(result.wallTokensPerSecond).toBeCloseTo((48 * 1000) / result.roundTripMs, 6);
    });

    it('a prompt longer than MAX_PROMPT goes as its last MAX_PROMPT tokens, and says so', async () => {
      const client = await clientFor(virtualBoardFirmware(), lm.blob);
      const prompt = Array.from({ length: MAX_PROMPT + 300 }, (_, i) => (i * 7 + 32) % 256);
      const result = await generateOnBoard(client, prompt, 5);
      expect(result.promptDropped).toBe(300);
      expect(result.runs).toBe(MAX_PROMPT + 4);
      expect(result.tokens).toEqual(reference(lm.blob, prompt.slice(300), 5));
      expect(result.boardMsPerToken).toBe(undefined);
    });

    it('[P-16] each request starts a new sequence: the same prompt writes the same text again', async () => {
      const client = await clientFor(virtualBoardFirmware(), lm.blob);
      const first = await generateOnBoard(client, textTokens('abc'), 20);
      const second = await generateOnBoard(client, textTokens('abc'), 20);
      expect(second.tokens).toEqual(first.tokens);
      expect(await generateOnBoard(client, textTokens('abc'), 0)).toMatchObject({ tokens: [], runs: 3 });
    });

    it('a model that does not read one token is refused by the board with E402', async () => {
      const client = await clientFor(virtualBoardFirmware(), compileExample(2).blob);
      const error = await failure(generateOnBoard(client, [65], 4));
      expect(error.id).toBe('BOARD_ERROR');
      expect(error.message).toMatch(/"generate" with error E402: INPUT_SIZE/);
    });
  },
);

/** A scripted `generate` that streams `tokens` with the given indices, then reports `counted` tokens. */
function scriptedGenerate(stream: readonly [number, number][], counted: number, cycles = 0): ScriptedCommand {
  return (payload, reply) => {
    const runs = payload.length - 2 + Math.max(0, counted - 1);
    for (const [index, token] of stream) reply('tok', Uint8Array.of(index & 0xff, index >> 8, token));
    const final = new DataView(new ArrayBuffer(16));
    final.setUint32(0, counted, true);
    final.setUint32(4, cycles, true);
    final.setUint32(12, runs, true);
    reply('generate', new Uint8Array(final.buffer));
  };
}

describe('generateOnBoard against scripted replies', () => {
  const at160: Partial<BoardInfo> = { cpuMhz: 160, cycleUnit: 'cycles' };

  it('per-run time comes from the cycle count and the clock: 1.6 M cycles over 4 runs at 160 MHz', async () => {
    const generate = scriptedGenerate(
      [
        [0, 104],
        [1, 105],
        [2, 33],
      ],
      3,
      1_600_000,
    );
    const client = await clientFor(scriptedFirmware(at160, { generate }));
    const info = await client.info();
    const result = await generateOnBoard(client, [72, 105], 3, undefined, info);
    expect(result).toMatchObject({ tokens: [104, 105, 33], runs: 4, cycles: 1_600_000, promptDropped: 0 });
    expect(result.boardMsPerToken).toBeCloseTo(2.5, 9); // 10 ms over 4 runs
    expect(result.tokensPerSecond).toBeCloseTo(400, 6);
  });

  it('tokens out of order, or fewer than the board counted, are a protocol error', async () => {
    const shuffled = scriptedGenerate(
      [
        [1, 10],
        [0, 11],
      ],
      2,
    );
    let client = await clientFor(scriptedFirmware({}, { generate: shuffled }));
    expect((await failure(generateOnBoard(client, [1], 2))).message).toMatch(/token 1 came after 0/);
    const short = scriptedGenerate([[0, 10]], 2);
    client = await clientFor(scriptedFirmware({}, { generate: short }));
    expect((await failure(generateOnBoard(client, [1], 2))).message).toMatch(
      /1 tokens arrived and the board counted 2, of 2 asked for/,
    );
  });

  it('a firmware without `generate` answers E503, and the error says so', async () => {
    const client = await clientFor(scriptedFirmware());
    const error = await failure(generateOnBoard(client, [1], 2));
    expect(error.message).toMatch(/"generate" with error E503/);
  });
});

describe('generateOnBoard request checks', () => {
  let asked: RequestOptions | undefined;
  const recorder = {
    request: (_kind: string, _payload: Uint8Array, options: RequestOptions) => {
      asked = options;
      return Promise.reject(new Error('recorded'));
    },
  } as unknown as BoardClient;

  it.each([[-1], [65_536], [2.5], [Number.NaN]])('refuses %s tokens with E540 before sending', async (n) => {
    asked = undefined;
    const error = await failure(generateOnBoard(recorder, [1], n));
    expect(error.code).toBe(540);
    expect(error.message).toBe(`The board cannot generate ${n} tokens: one request asks for 0 to 65535.`);
    expect(asked).toBe(undefined);
  });

  it('refuses an empty prompt and ids outside 0–255 with E540', async () => {
    expect((await failure(generateOnBoard(recorder, [], 4))).message).toMatch(/without a prompt/);
    expect((await failure(generateOnBoard(recorder, [65, 256], 4))).message).toMatch(/prompt token 256/);
    expect(asked).toBe(undefined);
  });

  it('waits longer for longer generations', async () => {
    await failure(generateOnBoard(recorder, [1, 2], 10));
    expect(asked?.timeoutMs).toBe(generateTimeoutMs(12));
    await failure(generateOnBoard(recorder, [1, 2], 60_000));
    // A slow board at 20 tokens a second still finishes 60,000 tokens inside the wait.
    expect(asked?.timeoutMs).toBeGreaterThan(60_000 * 50);
  });
});
