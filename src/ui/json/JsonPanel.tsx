import { useEffect, useState } from 'react';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { checkModelText, layerLine, modelText, sameModel, type TextCheck } from './json-sync.ts';
import { monaco } from './monaco.ts';
import { useMonacoEditor } from './useMonacoEditor.ts';

const OWNER = 'minnow';

function status(check: TextCheck | null): { tone: string; text: string } {
  if (!check || check.kind === 'ok') return { tone: 'ok', text: 'In sync with the canvas.' };
  if (check.kind === 'not-json')
    return { tone: 'bad', text: `Not valid JSON (${check.message}). The canvas keeps the last valid model.` };
  return {
    tone: 'bad',
    text: `E${check.error.code} ${check.error.message} Fix: ${check.error.hint} The canvas keeps the last valid model.`,
  };
}

/** The model as JSON, two-way with the canvas: valid edits apply at once, invalid ones never reach it. */
export default function JsonPanel() {
  const spec = useModel();
  const theme = useEditor((s) => s.theme);
  const { replaceModel } = useActions();
  const { host, editor } = useMonacoEditor(modelText(spec), theme);
  const [check, setCheck] = useState<TextCheck | null>(null);

  // Canvas → text: rewrite the text when the model changed elsewhere (keeps Monaco's own undo stack).
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || sameModel(model.getValue(), spec)) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: modelText(spec) }], () => null);
  }, [editor, spec]);

  // Text → canvas: apply valid models; mark the layer an invalid one names.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const sub = editor.onDidChangeModelContent(() => {
      const text = model.getValue();
      const result = checkModelText(text);
      setCheck(result);
      const markers: monaco.editor.IMarkerData[] = [];
      if (result.kind === 'invalid') {
        const line = layerLine(text, result.error.layerId);
        markers.push({
          severity: monaco.MarkerSeverity.Error,
          message: `E${result.error.code} ${result.error.message}\nFix: ${result.error.hint}`,
          startLineNumber: line,
          endLineNumber: line,
          startColumn: 1,
          endColumn: model.getLineMaxColumn(line),
        });
      }
      monaco.editor.setModelMarkers(model, OWNER, markers);
      if (result.kind === 'ok' && !sameModel(text, spec)) replaceModel(result.spec, 'json');
    });
    return () => sub.dispose();
  }, [editor, spec, replaceModel]);

  const { tone, text } = status(check);
  return (
    <div className="json-panel">
      <div ref={host} className="json-editor" data-testid="json-editor" />
      <p className={`json-status ${tone}`} role="status" data-testid="json-status">
        {text}
      </p>
    </div>
  );
}
