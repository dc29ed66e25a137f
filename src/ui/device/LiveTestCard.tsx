import type { LiveResult, Prediction } from '../../device/live-test.ts';

function named(p: Prediction, classNames?: readonly string[]): string {
  const score = p.scores[p.best] ?? 0;
  return `${classNames?.[p.best] ?? `output ${p.best}`} (${score.toFixed(3)})`;
}

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
}) {
  const { result, classNames, available, steps, disabled, onRun } = props;
  const ms = result?.board.latencyMs;
  return (
    <section className="device-card live-test" aria-label="Live test">
      <h3>Live test on the board</h3>
      <div className="device-row">
        <button type="button" disabled={disabled || available < steps} onClick={onRun}>
          Classify the latest {steps} samples
        </button>
        {available < steps && (
          <span className="muted">
            {available} of {steps} samples so far
          </span>
        )}
      </div>
      {result && (
        <table className="live-result">
          <tbody>
            <tr>
              <th>Board</th>
              <td data-testid="live-board">{named(result.board, classNames)}</td>
              <td>
                {ms !== undefined ? `${ms.toFixed(2)} ms on the board` : `${result.board.cycles} cycles`},
                round trip {result.board.roundTripMs.toFixed(0)} ms
              </td>
            </tr>
            <tr>
              <th>Browser (int8 reference)</th>
              <td data-testid="live-browser">{named(result.browser, classNames)}</td>
              <td data-testid="live-identical">
                {result.identical ? 'identical output bytes' : 'the outputs differ: report this model'}
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
