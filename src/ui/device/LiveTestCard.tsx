import type { LiveResult } from '../../device/live-test.ts';
import { LiveResultTable } from './LiveResultTable.tsx';

/**
 * The live test (S-16): the latest sensor window on the flashed board beside the browser's int8 reference,
 * with the time the board took.
 */
export function LiveTestCard(props: {
  result?: LiveResult;
  classNames?: readonly string[];
  /** Samples so far and the window the model needs. */
  available: number;
  steps: number;
  disabled: boolean;
  onRun: () => void;
  /** Classifying the board's own sensor window after window (S-17), when its firmware can stream. */
  loop?: { readonly running: boolean; readonly onToggle: () => void };
  /** Windows classified since the page opened. */
  count?: number;
}) {
  const { result, classNames, available, steps, disabled, onRun, loop, count = 0 } = props;
  return (
    <section className="device-card live-test" aria-label="Live test">
      <h3>Live test on the board</h3>
      <div className="device-row">
        <button type="button" disabled={disabled || loop?.running || available < steps} onClick={onRun}>
          Classify the latest {steps} samples
        </button>
        {loop && (
          <button type="button" disabled={disabled && !loop.running} onClick={loop.onToggle}>
            {loop.running ? 'Stop classifying' : 'Keep classifying the MPU-6050'}
          </button>
        )}
        {count > 0 && <span data-testid="live-count">{count} windows classified</span>}
        {available < steps && (
          <span className="muted">
            {available} of {steps} samples so far
          </span>
        )}
      </div>
      {result && <LiveResultTable result={result} classNames={classNames} />}
    </section>
  );
}
