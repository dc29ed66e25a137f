import { formatShape, INPUT_ID } from '../../core/model/types.ts';
import { formatBytes, formatCount } from '../../core/units.ts';
import type { Inspection } from '../budget/inspection.ts';
import { ProblemMessage } from '../common/ProblemMessage.tsx';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { LayerRow } from './LayerRow.tsx';
import { useRowWindow } from './useRowWindow.ts';

/** Per-layer figures; the step where the arena peaks is highlighted (and on the canvas). */
export function LayerTable({ inspection }: { inspection: Inspection }) {
  const selectedId = useEditor((s) => s.selectedId);
  const { select } = useActions();
  const spec = useModel();
  const layers = inspection.status === 'ok' ? inspection.report.layers : [];
  const { range, rowHeight, scroller, onScroll } = useRowWindow(
    layers.length,
    layers.findIndex((l) => l.id === selectedId),
  );
  if (inspection.status === 'empty')
    return <p className="empty">No layers yet: the table fills as you add them.</p>;
  if (inspection.status === 'error') return <ProblemMessage error={inspection.error} />;
  const { report } = inspection;
  return (
    <div className="table-scroll" ref={scroller} onScroll={onScroll}>
      <table className="data-table" aria-label="Layers" aria-rowcount={layers.length + 3}>
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
          <Spacer rows={range.from} rowHeight={rowHeight} />
          {layers.slice(range.from, range.to).map((l, i) => (
            <LayerRow
              key={l.id}
              layer={l}
              rowIndex={range.from + i + 3}
              selected={l.id === selectedId}
              onSelect={select}
            />
          ))}
          <Spacer rows={layers.length - range.to} rowHeight={rowHeight} />
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

/** Stands for `rows` rows of a long table that are out of view and not drawn. */
function Spacer({ rows, rowHeight }: { rows: number; rowHeight: number }) {
  if (rows <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true" style={{ height: rows * rowHeight }}>
      <td colSpan={8} />
    </tr>
  );
}
