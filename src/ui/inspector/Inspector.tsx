import { INPUT_ID } from '../../core/model/types.ts';
import type { Inspection } from '../budget/inspection.ts';
import { useEditor, useModel } from '../hooks/useEditor.ts';
import { InputForm } from './InputForm.tsx';
import { LayerForm } from './LayerForm.tsx';

/** Edits what is selected on the canvas: a layer's parameters, or the model input's shape. */
export function Inspector({ inspection }: { inspection: Inspection }) {
  const selectedId = useEditor((s) => s.selectedId);
  const spec = useModel();
  const index = spec.layers.findIndex((l) => l.id === selectedId);
  const layer = spec.layers[index];
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title" className="panel-title">
        {layer ? `Layer “${layer.id}”` : selectedId === INPUT_ID ? 'Model input' : 'Inspector'}
      </h2>
      {layer ? (
        <LayerForm layer={layer} index={index} inspection={inspection} />
      ) : selectedId === INPUT_ID ? (
        <InputForm />
      ) : (
        <p className="empty">
          Select a layer on the canvas (or in the Layers table) to edit its parameters. Select the input to
          set the shape of the data.
        </p>
      )}
    </section>
  );
}
