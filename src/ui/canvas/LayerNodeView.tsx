import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatShape } from '../../core/model/types.ts';
import { formatBytes, formatCount } from '../../core/units.ts';
import type { LayerNode } from './flow.ts';
import { layerSummary } from './summary.ts';

function LayerNodeComponent({ data, selected }: NodeProps<LayerNode>) {
  const { layer, report, problem } = data;
  const summary = layerSummary(layer);
  const classes = [
    'node',
    'layer-node',
    selected && 'selected',
    report?.peak && 'peak',
    problem && 'has-error',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-${layer.id}`}>
      <Handle type="target" position={Position.Top} />
      <div className="node-head">
        <span className="node-id">{layer.id}</span>
        <span className="node-type">{layer.type}</span>
      </div>
      {summary && <div className="node-params">{summary}</div>}
      {report && (
        <div className="node-figs">
          <span title="Output shape">→ {formatShape(report.outputShape)}</span>
          <span title="Parameters">{formatCount(report.params)} params</span>
          {report.weightBytes > 0 && <span title="Weights in flash">{formatBytes(report.weightBytes)}</span>}
        </div>
      )}
      {report?.peak && (
        <span className="peak-badge" title="The arena is fullest while this layer runs">
          RAM peak · {formatBytes(report.liveBytes)}
        </span>
      )}
      {problem && (
        <div className="node-error" role="alert">
          <p>
            <strong>E{problem.code}</strong> {problem.message}
          </p>
          <p>
            <strong>Fix:</strong> {problem.hint}
          </p>
        </div>
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

/** Redrawn only when its own data or selection changes: an edit elsewhere leaves the other nodes alone. */
export const LayerNodeView = memo(LayerNodeComponent);
