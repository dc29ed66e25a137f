import type { ModelSpec } from '../../core/model/types.ts';
import type { GenerateOutcome } from '../../device/board-commands.ts';
import { compareChips } from '../budget/compare.ts';

/** The catalog's idea of how fast a chip writes: one run of the one-token model per token. */
export interface TokenRate {
  readonly chipId: string;
  readonly chipName: string;
  readonly msPerToken: number;
  readonly tokensPerSecond: number;
  /** Some cycle cost behind it is itself an estimate (not measured). */
  readonly isEstimate: boolean;
  /** A target the Minnow firmware does not run on: the model is exported for it. */
  readonly exportOnly: boolean;
}

/**
 * Tokens per second on every catalog chip, from the budget's latency estimate of the model as the board runs
 * it (one token in per run). The serial line is not counted: it is what the board computes, nothing more.
 */
export function estimateTokenRates(spec: ModelSpec): TokenRate[] {
  return compareChips(spec).map((row) => ({
    chipId: row.chipId,
    chipName: row.chipName,
    msPerToken: row.latencyMs,
    tokensPerSecond: 1000 / row.latencyMs,
    isEstimate: row.latencyIsEstimate,
    exportOnly: row.exportOnly,
  }));
}

/** A rate for people: whole numbers from 100 up, three significant digits below. */
export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toPrecision(3);
}

/** The measured lines under the generated text: the board's own time, then the wall clock. */
export function measuredRates(outcome: GenerateOutcome): { board: string; wall: string } {
  const board =
    outcome.tokensPerSecond !== undefined && outcome.boardMsPerToken !== undefined
      ? `${formatRate(outcome.tokensPerSecond)} tokens/s on the board (${outcome.boardMsPerToken.toFixed(3)} ms per token, from its cycle count over ${outcome.runs} runs)`
      : `the board counts ${outcome.cycles} cycles over ${outcome.runs} runs, with no clock to turn them into time`;
  const wall = `${formatRate(outcome.wallTokensPerSecond)} tokens/s end to end (${outcome.tokens.length} tokens in ${Math.round(outcome.roundTripMs)} ms of wall clock, serial line included)`;
  return { board, wall };
}
