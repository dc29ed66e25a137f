import { useMemo, useState } from 'react';
import { readBlob } from '../../core/blob/reader.ts';
import { prepare, type Program } from '../../core/reference/interpreter.ts';
import { NumberField } from './NumberField.tsx';
import { TrainError } from './TrainError.tsx';
import { useWriting } from './useWriting.ts';

export const DEFAULT_PROMPT = 'The ';
export const MAX_LENGTH = 500;

function load(blob: Uint8Array | null): { program: Program | null; error: Error | null } {
  if (!blob) return { program: null, error: null };
  try {
    return { program: prepare(readBlob(blob)), error: null };
  } catch (error) {
    return { program: null, error: error as Error };
  }
}

const clampLength = (n: number) => Math.min(MAX_LENGTH, Math.max(1, Math.round(n)));

/**
 * Writes text on the page with the int8 model the board gets (a character model compiled with its GRU state
 * kept between runs): a prompt, then one character at a time, each drawn with a temperature (0 takes the
 * most likely one, as the board's generate does).
 */
export function WritePanel({ blob, reason }: { blob: Uint8Array | null; reason: string | null }) {
  const { program, error: blobError } = useMemo(() => load(blob), [blob]);
  const { writing, generate, stop } = useWriting(program);
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT);
  const [length, setLength] = useState(120);
  const [temperature, setTemperature] = useState(0.8);
  const [seed, setSeed] = useState(1);
  const error = blobError ?? writing.error;
  return (
    <section className="train-panel write-panel" aria-labelledby="write-title">
      <h3 id="write-title">Write</h3>
      {!blob && (
        <p className="muted" data-testid="write-reason">
          {reason ?? 'The model is not ready to write yet.'}
        </p>
      )}
      {error && <TrainError error={error} />}
      {program && (
        <>
          <label htmlFor="write-prompt">
            Prompt
            <textarea
              id="write-prompt"
              data-testid="write-prompt"
              rows={2}
              value={prompt}
              disabled={writing.running}
              onChange={(e) => setPrompt(e.target.value)}
            />
          </label>
          <div className="write-settings">
            <NumberField
              id="write-length"
              testId="write-length"
              label="Characters to write"
              value={length}
              step={1}
              min={1}
              max={MAX_LENGTH}
              disabled={writing.running}
              onChange={(n) => setLength(clampLength(n))}
            />
            <label htmlFor="write-temperature">
              Temperature {temperature.toFixed(2)}
              <input
                id="write-temperature"
                data-testid="write-temperature"
                type="range"
                min={0}
                max={2}
                step={0.05}
                value={temperature}
                disabled={writing.running}
                aria-describedby="write-temperature-note"
                onChange={(e) => setTemperature(e.target.valueAsNumber)}
              />
            </label>
            <NumberField
              id="write-seed"
              testId="write-seed"
              label="Seed"
              value={seed}
              step={1}
              min={0}
              disabled={writing.running}
              onChange={(n) => setSeed(Math.max(0, Math.round(n)))}
            />
          </div>
          <p id="write-temperature-note" className="muted">
            Temperature 0 always takes the most likely character, as the board does; higher values take less
            likely ones more often.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              data-testid="write-generate"
              disabled={writing.running || prompt === ''}
              onClick={() => generate({ prompt, length, temperature, seed })}
            >
              Generate
            </button>
            {writing.running && (
              <button type="button" data-testid="write-stop" onClick={stop}>
                Stop
              </button>
            )}
          </div>
          <p className="write-text">
            <span className="muted">{writing.prompt}</span>
            <span data-testid="write-output">{writing.text}</span>
          </p>
          {writing.rate !== null && (
            <p className="muted" data-testid="write-rate" data-value={writing.rate}>
              {writing.tokens} characters · {writing.rate.toFixed(0)} tokens/s on this page
            </p>
          )}
        </>
      )}
    </section>
  );
}
