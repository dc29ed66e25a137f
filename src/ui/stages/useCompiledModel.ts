import { useMemo } from 'react';
import { useEditor, useModel } from '../hooks/useEditor.ts';
import {
  compileForBoard,
  isTokenStreamSpec,
  type Calibration,
  type CompiledModel,
} from './compiled-model.ts';

/**
 * The open project's model compiled for the board, once for every stage that shows it: the Train tab writes
 * text with the very blob the Board tab flashes. Null until a stage needs it (the Board tab is open, or the
 * Train tab with a token-stream model), so design edits alone compile nothing.
 */
export function useCompiledModel(
  calibration: Calibration,
  stale: boolean,
  opened: { readonly train: boolean; readonly board: boolean },
): CompiledModel | null {
  const spec = useModel();
  const saved = useEditor((s) => s.weights[s.currentId] ?? null);
  const weights = stale ? null : saved;
  const exact = useEditor((s) => s.projects[s.currentId]?.quantization);
  const tokenStream = useMemo(() => isTokenStreamSpec(spec), [spec]);
  const active = opened.board || (opened.train && tokenStream);
  return useMemo(
    () => (active ? compileForBoard(spec, weights, calibration.samples, calibration.saved, exact) : null),
    [active, spec, weights, calibration, exact],
  );
}
