import { formatRate, type TokenRate } from './token-rates.ts';

/** The catalog's estimate of tokens per second on each chip, the project's chip first and marked. */
export function EstimatedRates({ rates, chipId }: { rates: readonly TokenRate[]; chipId: string }) {
  const ordered = [...rates].sort((a, b) => Number(b.chipId === chipId) - Number(a.chipId === chipId));
  return (
    <details className="write-estimates" open>
      <summary>Estimates from the chip catalog (one run per token, serial line not counted)</summary>
      <table>
        <thead>
          <tr>
            <th>Chip</th>
            <th>Tokens/s</th>
            <th>ms per token</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((r) => (
            <tr key={r.chipId} className={r.chipId === chipId ? 'project-chip' : ''}>
              <td>
                {r.chipName}
                {r.chipId === chipId && ' (this project)'}
                {r.exportOnly && <span className="muted"> · export only</span>}
              </td>
              <td>≈ {formatRate(r.tokensPerSecond)}</td>
              <td>
                ≈ {r.msPerToken.toFixed(3)}
                {r.isEstimate && <span className="muted"> (estimated costs)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
