import { useMemo } from 'react';
import { formatBytes, formatMs } from '../../core/units.ts';
import { ProblemMessage } from '../common/ProblemMessage.tsx';
import { useActions, useModel, useProject } from '../hooks/useEditor.ts';
import { compareChips } from './compare.ts';
import { VERDICT_LABELS } from './gauge-view.ts';
import type { Inspection } from './inspection.ts';
import { SHIPPED_MANIFEST } from './manifest.ts';

/** The model on every chip at once; picking a row makes it the project's chip. */
export function CompareTable({ inspection }: { inspection: Inspection }) {
  const spec = useModel();
  const { chipId } = useProject();
  const { setChip } = useActions();
  const rows = useMemo(
    () => (inspection.status === 'ok' ? compareChips(spec, SHIPPED_MANIFEST) : []),
    [spec, inspection],
  );
  if (inspection.status === 'empty') return <p className="empty">Add layers to compare the chips.</p>;
  if (inspection.status === 'error') return <ProblemMessage error={inspection.error} />;
  return (
    <div className="table-scroll">
      <table className="data-table compare" aria-label="All chips">
        <thead>
          <tr>
            <th scope="col">Chip</th>
            <th scope="col" className="num">
              RAM
            </th>
            <th scope="col" className="num">
              Flash
            </th>
            <th scope="col" className="num">
              Latency
            </th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const verdict = VERDICT_LABELS[r.verdict];
            return (
              <tr key={r.chipId} className={r.chipId === chipId ? 'selected' : ''}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => setChip(r.chipId)}
                    aria-pressed={r.chipId === chipId}
                  >
                    {r.chipName}
                  </button>
                  {r.exportOnly && <span className="tag">export</span>}
                </th>
                <td className="num">
                  {formatBytes(r.ramNeed)} / {formatBytes(r.ramAvailable)}
                </td>
                <td className="num">
                  {formatBytes(r.flashNeed)} / {formatBytes(r.flashAvailable)}
                </td>
                <td className="num">
                  {formatMs(r.latencyMs)}
                  {r.latencyIsEstimate ? ' *' : ''}
                </td>
                <td>
                  <span className={`tag ${verdict.tone}`}>{verdict.label}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note">Need / available on each chip. * estimated until measured on a board.</p>
    </div>
  );
}
