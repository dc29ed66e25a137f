import { useState } from 'react';
import { textTokens, tokensText } from '../../core/blob/utf8.ts';
import { MAX_PROMPT } from '../../core/protocol/generate.ts';
import type { Generation } from '../../device/session-state.ts';
import { EstimatedRates } from './EstimatedRates.tsx';
import { measuredRates, type TokenRate } from './token-rates.ts';

export const DEFAULT_TOKENS = 64;

interface Props {
  readonly generation?: Generation;
  readonly busy: boolean;
  readonly disabled: boolean;
  readonly estimates: readonly TokenRate[];
  readonly chipId: string;
  readonly onGenerate: (prompt: readonly number[], count: number) => void;
}

/**
 * Greedy text generation on the board (P-16) for a token-stream model: the text grows as the `tok` frames
 * arrive; then the board's own speed, the speed a person sees, and the catalog's estimates per chip.
 */
export function WriteCard({ generation, busy, disabled, estimates, chipId, onGenerate }: Props) {
  const [prompt, setPrompt] = useState('Once upon a time');
  const [count, setCount] = useState(DEFAULT_TOKENS);
  const [sent, setSent] = useState('');
  const promptTokens = textTokens(prompt);
  const outcome = generation?.outcome;
  const rates = outcome ? measuredRates(outcome) : undefined;
  return (
    <section className="device-card write-board" aria-label="Write on the board">
      <h3>Write on the board</h3>
      <label className="write-prompt">
        Prompt
        <textarea
          data-testid="board-write-prompt"
          rows={2}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        />
      </label>
      {promptTokens.length > MAX_PROMPT && (
        <p className="muted">
          The prompt has {promptTokens.length} bytes; the board takes the last {MAX_PROMPT} of them.
        </p>
      )}
      <div className="device-row">
        <label>
          Tokens{' '}
          <input
            data-testid="board-write-count"
            type="number"
            min={0}
            max={0xffff}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          data-testid="board-write-generate"
          disabled={disabled || promptTokens.length === 0}
          onClick={() => {
            setSent(prompt);
            onGenerate(promptTokens, count);
          }}
        >
          Generate
        </button>
        {busy && <span className="muted">Writing… {generation?.tokens.length ?? 0} tokens</span>}
      </div>
      {generation && (
        <pre className="write-text">
          <span className="write-sent">{sent}</span>
          <span data-testid="board-write-output">{tokensText(generation.tokens)}</span>
        </pre>
      )}
      {outcome && rates && (
        <div className="write-rates" data-testid="board-write-rate">
          <p>{rates.board}</p>
          <p>{rates.wall}</p>
          {outcome.promptDropped > 0 && (
            <p className="muted">
              The prompt went without its first {outcome.promptDropped} tokens ({MAX_PROMPT} at most).
            </p>
          )}
        </div>
      )}
      <EstimatedRates rates={estimates} chipId={chipId} />
    </section>
  );
}
