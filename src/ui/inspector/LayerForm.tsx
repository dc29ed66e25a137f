import type { LayerSpec } from '../../core/model/types.ts';
import { getOp } from '../../core/ops/registry.ts';
import type { Inspection } from '../budget/inspection.ts';
import { ProblemMessage } from '../common/ProblemMessage.tsx';
import { useActions, useModel } from '../hooks/useEditor.ts';
import { IdField } from './IdField.tsx';
import { InputsEditor } from './InputsEditor.tsx';
import { LayerFigures } from './LayerFigures.tsx';
import { splitPackingField } from './packing-choices.ts';
import { PackingField } from './PackingField.tsx';
import { paramFields } from './param-fields.ts';
import { ParamField } from './ParamField.tsx';

export function LayerForm({
  layer,
  index,
  inspection,
}: {
  layer: LayerSpec;
  index: number;
  inspection: Inspection;
}) {
  const spec = useModel();
  const { updateParams, moveLayer, removeLayers } = useActions();
  const op = getOp(layer.type);
  const problem =
    inspection.status === 'error' && inspection.error.layerId === layer.id ? inspection.error : undefined;
  const badParam = problem && typeof problem.details.param === 'string' ? problem.details.param : undefined;
  const report =
    inspection.status === 'ok' ? inspection.report.layers.find((l) => l.id === layer.id) : undefined;
  const { packing, others } = splitPackingField(op ? paramFields(op) : []);
  const errorFor = (name: string) => (badParam === name && problem ? { error: problem.hint } : {});
  return (
    <div className="form">
      <p className="op-summary">
        <strong>{layer.type}</strong> {op?.summary}
      </p>
      {problem && <ProblemMessage error={problem} showLayer={false} />}
      <IdField layerId={layer.id} />
      {others.map((f) => (
        <ParamField
          key={f.name}
          layerId={layer.id}
          field={f}
          value={layer[f.name]}
          {...errorFor(f.name)}
          onChange={(value) => updateParams(layer.id, { [f.name]: value })}
        />
      ))}
      {packing && (
        <PackingField
          layerId={layer.id}
          field={packing}
          value={layer[packing.name]}
          report={report}
          {...errorFor(packing.name)}
          onChange={(value) => updateParams(layer.id, { [packing.name]: value })}
        />
      )}
      <InputsEditor spec={spec} index={index} />
      {report && <LayerFigures report={report} />}
      <div className="row-actions">
        <button type="button" onClick={() => moveLayer(layer.id, index - 1)} disabled={index === 0}>
          Move up
        </button>
        <button
          type="button"
          onClick={() => moveLayer(layer.id, index + 1)}
          disabled={index === spec.layers.length - 1}
        >
          Move down
        </button>
        <button type="button" className="danger" onClick={() => removeLayers([layer.id])}>
          Delete layer
        </button>
      </div>
    </div>
  );
}
