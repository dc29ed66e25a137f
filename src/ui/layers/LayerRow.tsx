import { memo } from 'react';
import type { LayerReport } from '../../core/inspect/report.ts';
import { formatShape } from '../../core/model/types.ts';
import { formatBytes, formatCount } from '../../core/units.ts';

interface RowProps {
  readonly layer: LayerReport;
  /** The row's place in the whole table (1-based, header included), for assistive technology. */
  readonly rowIndex: number;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
}

function Row({ layer: l, rowIndex, selected, onSelect }: RowProps) {
  return (
    <tr
      data-row
      aria-rowindex={rowIndex}
      className={[l.peak && 'peak', selected && 'selected'].filter(Boolean).join(' ')}
      onClick={() => onSelect(l.id)}
    >
      <th scope="row">
        <button type="button" className="link" onClick={() => onSelect(l.id)}>
          {l.id}
        </button>
        {l.peak && <span className="tag warn">peak</span>}
      </th>
      <td>{l.type}</td>
      <td>{formatShape(l.outputShape)}</td>
      <td className="num">{formatCount(l.params)}</td>
      <td className="num">{formatCount(l.macs)}</td>
      <td data-testid={`packing-${l.id}`}>{l.packing ?? '–'}</td>
      <td className="num">{l.weightBytes > 0 ? formatBytes(l.weightBytes) : '–'}</td>
      <td className="num">{l.liveBytes > 0 ? formatBytes(l.liveBytes) : '–'}</td>
    </tr>
  );
}

/** Every figure a row shows, so that a new report with the same figures keeps the row as drawn. */
function sameRow(a: RowProps, b: RowProps): boolean {
  const x = a.layer;
  const y = b.layer;
  return (
    a.selected === b.selected &&
    a.rowIndex === b.rowIndex &&
    a.onSelect === b.onSelect &&
    (x === y ||
      (x.id === y.id &&
        x.type === y.type &&
        formatShape(x.outputShape) === formatShape(y.outputShape) &&
        x.params === y.params &&
        x.macs === y.macs &&
        x.packing === y.packing &&
        x.weightBytes === y.weightBytes &&
        x.liveBytes === y.liveBytes &&
        x.peak === y.peak))
  );
}

/** One layer of the layer table; an edit redraws only the rows whose figures it changed. */
export const LayerRow = memo(Row, sameRow);
