import type { LayerReport } from '../../core/inspect/report.ts';
import { formatShape } from '../../core/model/types.ts';
import { formatBytes, formatCount } from '../../core/units.ts';

export function LayerFigures({ report }: { report: LayerReport }) {
  const rows: [string, string][] = [
    ['Output shape', formatShape(report.outputShape)],
    ['Parameters', formatCount(report.params)],
    ['MACs', formatCount(report.macs)],
    ['Weights (flash)', formatBytes(report.weightBytes)],
    ['Live RAM at this step', formatBytes(report.liveBytes)],
  ];
  return (
    <dl className="figures compact">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
