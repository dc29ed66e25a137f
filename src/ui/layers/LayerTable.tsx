import { formatShape, INPUT_ID } from '../../core/model/types.ts';
import { formatBytes, formatCount } from '../../core/units.ts';
import type { Inspection } from '../budget/inspection.ts';
import { ProblemMessage } from '../common/ProblemMessage.tsx';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { LayerRow } from './LayerRow.tsx';

/** Per-layer figures; the step where the arena peaks is highlighted (and on the canvas). */
export function LayerTable({ inspection }: { inspection: Inspection }) {
  const selectedId = useEditor((s) => s.selectedId);
  const { select } = useActions();
  const spec = useModel();
  if (inspection.status === 'empty')
    return <p className="empty">No layers yet: the table fills as you add them.</p>;
  if (inspection.status === 'error') return <ProblemMessage error={inspection.error} />;
  const { report } = inspection;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Layers">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">
              Params
            </th>
            <th scope="col" className="num">
              MACs
            </th>
            <th scope="col">Packing</th>
            <th scope="col" className="num">
              Weights (flash)
            </th>
            <th scope="col" className="num">
              Live RAM
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className={selectedId === INPUT_ID ? 'selected' : ''} onClick={() => select(INPUT_ID)}>
            <th scope="row">
              <button type="button" className="link" onClick={() => select(INPUT_ID)}>
                input
              </button>
            </th>
            <td>Input</td>
            <td>{formatShape(spec.input.shape)}</td>
            <td className="num">–</td>
            <td className="num">–</td>
            <td>–</td>
            <td className="num">–</td>
            <td className="num">–</td>
          </tr>
          {report.layers.map((l) => (
            <LayerRow key={l.id} layer={l} selected={l.id === selectedId} onSelect={select} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num">{formatCount(report.params)}</td>
            <td className="num">{formatCount(report.macs)}</td>
            <td />
            <td className="num">{formatBytes(report.memory.weightsBytes)}</td>
            <td className="num">arena {formatBytes(report.memory.arenaBytes)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
