import { useMemo, useState } from 'react';
import { readBlob } from '../../core/blob/reader.ts';
import type { TensorEntry } from '../../core/blob/types.ts';
import type { RunOutcome } from '../../device/board-commands.ts';
import { quantizeInput } from '../../device/validate.ts';
import { DrawingPad } from '../common/DrawingPad.tsx';
import { formatBytes } from './save-file.ts';
import { argMax } from '../../core/arrays.ts';

export interface Sample {
  readonly values: Float32Array;
  readonly label?: number;
}

interface Props {
  readonly blob: Uint8Array;
  readonly samples: readonly Sample[];
  readonly classNames?: readonly string[];
  readonly lastRun?: RunOutcome;
  readonly disabled: boolean;
  readonly onRun: (input: Int8Array) => void;
}

/** Runs one input on the board (a data set sample, or a drawing for image models) and shows what came back. */
export function RunSample({ blob, samples, classNames, lastRun, disabled, onRun }: Props) {
  const parsed = useMemo(() => readBlob(blob), [blob]);
  const input = parsed.tensors[parsed.header.inputTensor] as TensorEntry;
  const output = parsed.tensors[parsed.header.outputTensor] as TensorEntry;
  const [h, w, c] = input.shape;
  const drawable = input.shape.length === 3 && c === 1 && h === w && h !== undefined;
  const [index, setIndex] = useState(0);
  const [drawing, setDrawing] = useState<Float32Array>();
  const values = lastRun ? Array.from(lastRun.output, (v) => output.scale * (v - output.zeroPoint)) : [];
  const best = argMax(values);
  return (
    <section className="device-card run-sample" aria-label="Run a sample">
      <h3>Run a sample on the board</h3>
      <div className="device-row">
        {samples.length > 0 && (
          <>
            <label>
              Sample{' '}
              <input
                type="number"
                min={0}
                max={samples.length - 1}
                value={index}
                onChange={(e) => {
                  setIndex(Number(e.target.value));
                  setDrawing(undefined);
                }}
              />
            </label>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onRun(quantizeInput(parsed, (samples[index] as Sample).values))}
            >
              Run sample {index}
              {samples[index]?.label !== undefined &&
                ` (label ${classNames?.[samples[index].label] ?? samples[index].label})`}
            </button>
          </>
        )}
        {drawable && drawing && (
          <button type="button" disabled={disabled} onClick={() => onRun(quantizeInput(parsed, drawing))}>
            Run the drawing
          </button>
        )}
      </div>
      {drawable && (
        // A new pad for each chosen sample, showing it to draw over.
        <DrawingPad
          key={index}
          side={h}
          initial={samples[index]?.values}
          label="Draw an input here"
          onDraw={setDrawing}
        />
      )}
      {lastRun && (
        <div className="run-result">
          <p>
            Board says <strong>{classNames?.[best] ?? `output ${best}`}</strong>.{' '}
            {lastRun.latencyMs !== undefined
              ? `${lastRun.latencyMs.toFixed(2)} ms on the board`
              : `${lastRun.cycles} cycles`}
            , round trip {lastRun.roundTripMs.toFixed(0)} ms, arena used {formatBytes(lastRun.arenaUsed)}.
          </p>
          <ol className="run-output" start={0}>
            {values.map((v, i) => (
              <li key={i} className={i === best ? 'best' : ''}>
                <span>{classNames?.[i] ?? i}</span>{' '}
                <meter min={0} max={1} value={Math.max(0, Math.min(1, v))} /> {v.toFixed(3)}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
