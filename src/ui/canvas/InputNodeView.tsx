import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatShape } from '../../core/model/types.ts';
import type { InputNode } from './flow.ts';

function InputNodeComponent({ data, selected }: NodeProps<InputNode>) {
  return (
    <div
      className={`node input-node${selected ? ' selected' : ''}`}
      data-testid="node-input"
      aria-label={`Model input ${formatShape(data.shape)}`}
    >
      <div className="node-head">
        <span className="node-id">input</span>
        <span className="node-type">Input</span>
      </div>
      <div className="node-figs">
        <span>{formatShape(data.shape)}</span>
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

export const InputNodeView = memo(InputNodeComponent);
