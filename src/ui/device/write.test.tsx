import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import charLm from '../../../examples/char-lm.json';
import { CHIPS } from '../../core/chips/catalog.ts';
import { inspectModel } from '../../core/inspect/report.ts';
import { sequenceSpec } from '../../core/model/token-stream.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import type { GenerateOutcome } from '../../device/board-commands.ts';
import { estimateTokenRates, formatRate, measuredRates } from './token-rates.ts';
import { textTokens, tokensText } from '../../core/blob/utf8.ts';
import { WriteCard } from './WriteCard.tsx';

const lm = charLm as ModelSpec;
const rates = estimateTokenRates(lm);

const outcome: GenerateOutcome = {
  tokens: textTokens('lo wörld'),
  promptDropped: 0,
  cycles: 3_200_000,
  runs: 80,
  roundTripMs: 800,
  boardMsPerToken: 0.25,
  tokensPerSecond: 4000,
  wallTokensPerSecond: 11.25,
};

describe('token rates', () => {
  it('estimates every catalog chip with the latency `minnow inspect` gives the one-token model', () => {
    expect(rates.map((r) => r.chipId)).toEqual(CHIPS.map((c) => c.id));
    const c3 = rates.find((r) => r.chipId === 'esp32c3');
    expect(c3?.msPerToken).toBe(inspectModel(lm, { chip: 'esp32c3' }).chip?.latencyMs);
    expect((c3?.tokensPerSecond ?? 0) * (c3?.msPerToken ?? 0)).toBeCloseTo(1000, 9);
    // Per token, not per training window: 32 tokens at once cost about 32 runs.
    const window = estimateTokenRates(sequenceSpec(lm, 32)).find((r) => r.chipId === 'esp32c3');
    expect((window?.msPerToken ?? 0) / (c3?.msPerToken ?? 1)).toBeGreaterThan(20);
  });

  it('words the measured rates from the outcome: 0.25 ms a run, 9 tokens in 800 ms', () => {
    expect(formatRate(4000)).toBe('4,000');
    expect(formatRate(11.25)).toBe('11.3');
    const { board, wall } = measuredRates(outcome);
    expect(board).toBe('4,000 tokens/s on the board (0.250 ms per token, from its cycle count over 80 runs)');
    expect(wall).toBe('11.3 tokens/s end to end (9 tokens in 800 ms of wall clock, serial line included)');
    const { boardMsPerToken: _, tokensPerSecond: __, ...noClock } = outcome;
    expect(measuredRates(noClock).board).toMatch(/3200000 cycles over 80 runs, with no clock/);
  });
});

describe('WriteCard', () => {
  const render = (generation?: { tokens: readonly number[]; outcome?: GenerateOutcome }) =>
    renderToStaticMarkup(
      <WriteCard
        estimates={rates}
        chipId="esp32s3"
        busy={false}
        disabled={false}
        onGenerate={() => undefined}
        {...(generation ? { generation } : {})}
      />,
    );

  it('shows the prompt box, 64 tokens by default and Generate; no text before a run', () => {
    const html = render();
    expect(html).toContain('data-testid="board-write-prompt"');
    expect(html).toMatch(/data-testid="board-write-count"[^>]*value="64"/);
    expect(html).toContain('data-testid="board-write-generate"');
    expect(html).not.toContain('board-write-output');
    expect(html).not.toContain('board-write-rate');
  });

  it('the output holds the generated text only (UTF-8 bytes as tokens), then the rates', () => {
    expect(tokensText(outcome.tokens)).toBe('lo wörld');
    const html = render({ tokens: outcome.tokens, outcome });
    expect(html).toContain('<span data-testid="board-write-output">lo wörld</span>');
    expect(html).toMatch(/data-testid="board-write-rate"><p>4,000 tokens\/s on the board/);
    expect(html).toContain('11.3 tokens/s end to end');
  });

  it('lists the catalog estimates, the project chip first, labelled as estimates', () => {
    const html = render();
    expect(html).toContain('Estimates from the chip catalog');
    expect(html.indexOf('ESP32-S3 (this project)')).toBeLessThan(html.indexOf('ESP32-C3'));
    expect(html.match(/<tr/g)).toHaveLength(CHIPS.length + 1);
  });
});
