import type { LiveResult, Prediction } from '../../device/live-test.ts';

function named(p: Prediction, classNames?: readonly string[]): string {
  const score = p.scores[p.best] ?? 0;
  return `${classNames?.[p.best] ?? `output ${p.best}`} (${score.toFixed(3)})`;
}

/** Three significant digits under 10 ms (a fast board's run is a fraction of one), else two decimals. */
function milliseconds(ms: number): string {
  return ms > 0 && ms < 10 ? ms.toPrecision(3) : ms.toFixed(2);
}

/**
 * One live input's answers (S-16): the board's prediction beside the browser's int8 reference, the time the
 * board took and the round trip, and whether every output byte is equal.
 */
export function LiveResultTable({
  result,
  classNames,
  float,
}: {
  result: LiveResult;
  classNames?: readonly string[] | undefined;
  /** The float model on the same input, when the page has it: what quantizing changed, if anything. */
  float?: Prediction | undefined;
}) {
  const ms = result.board.latencyMs;
  return (
    <table className="live-result">
      <tbody>
        <tr>
          <th>Board</th>
          <td data-testid="live-board">{named(result.board, classNames)}</td>
          <td>
            {ms !== undefined ? `${milliseconds(ms)} ms on the board` : `${result.board.cycles} cycles`},
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
        {float && (
          <tr>
            <th>Browser (float model)</th>
            <td data-testid="live-float">{named(float, classNames)}</td>
            <td>{float.best === result.browser.best ? 'same class as int8' : 'another class than int8'}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
