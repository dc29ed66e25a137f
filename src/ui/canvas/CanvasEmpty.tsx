import { useActions } from '../hooks/useEditor.ts';

/** What a first-time user sees on an empty canvas: how to start. */
export function CanvasEmpty() {
  const { openDialog } = useActions();
  return (
    <div className="canvas-empty">
      <h2>Start your network</h2>
      <p>
        Drag a layer from the palette onto the canvas, below the input — or focus a layer in the palette and
        press Enter. For an image, start with <strong>Flatten</strong> then <strong>Dense</strong>.
      </p>
      <p>
        Already have a trained model? Drop its <code>.tflite</code>, or its <code>model.json</code> with the{' '}
        <code>.bin</code> weight files (tfjs, Keras, Teachable Machine), here or use <strong>Import</strong>.
      </p>
      <button type="button" className="primary" onClick={() => openDialog('templates')}>
        Start from a template
      </button>
    </div>
  );
}
