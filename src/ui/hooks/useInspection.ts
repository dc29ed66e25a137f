import { useDeferredValue, useMemo } from 'react';
import { suggestFixes, type Suggestion } from '../../core/budget/suggest.ts';
import { getChip } from '../../core/chips/catalog.ts';
import { measuredChip } from '../../core/chips/measured.ts';
import type { BoardMemory, Chip } from '../../core/chips/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { evaluateSpec } from '../../core/inspect/evaluate.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { inspectSpec, type Inspection } from '../budget/inspection.ts';
import { SHIPPED_MANIFEST } from '../budget/manifest.ts';
import { useEditor, useModel, useProject } from './useEditor.ts';

/** Marks compute time per edit in the browser's performance timeline (read by the UI benchmark). */
function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

/** The catalog chip with the connected board's measured heap, when a board running Minnow reported it. */
export function budgetChip(chipId: string, board: BoardMemory | null): string | Chip {
  if (!board) return chipId;
  try {
    return measuredChip(getChip(chipId), board);
  } catch (e) {
    // Figures the board got wrong (or an unknown chip) leave the catalog's, which are always there.
    if (e instanceof MinnowError) return chipId;
    throw e;
  }
}

/**
 * Models with more layers than this are inspected behind the edit: analysis and planning grow with the layer
 * count (a 200-layer model takes about 2 ms in Chromium, a 1,000-layer one can pass a frame), so the keystroke
 * is drawn first and the figures follow, the gauge saying it is updating meanwhile.
 */
export const DEFERRED_FROM_LAYERS = 300;

/**
 * The open model inspected on the open project's chip (measured on the board when one is connected), and
 * whether the figures are still those of the model before the last edit.
 */
export function useInspection(): { inspection: Inspection; updating: boolean } {
  const current = useModel();
  const heavy = current.layers.length > DEFERRED_FROM_LAYERS;
  // A light model passes a constant, so its edits cause no second, deferred render.
  const deferred = useDeferredValue(heavy ? current : null);
  const spec = heavy && deferred ? deferred : current;
  const { chipId } = useProject();
  const board = useEditor((s) => s.board);
  const inspection = useMemo(
    () => timed('minnow:inspect', () => inspectSpec(spec, budgetChip(chipId, board), SHIPPED_MANIFEST)),
    [spec, chipId, board],
  );
  return { inspection, updating: spec !== current };
}

/** Fixes for a model that does not fit; computed after the gauge is drawn, as the search takes longer. */
export function useSuggestions(inspection: Inspection): readonly Suggestion[] {
  const spec = useDeferredValue(useModel());
  const { chipId } = useProject();
  const fits = inspection.status !== 'ok' || inspection.report.verdict === 'fits';
  return useMemo(() => {
    if (fits) return [];
    return timed('minnow:suggest', () => fixesFor(spec, chipId));
  }, [fits, spec, chipId]);
}

function fixesFor(spec: ModelSpec, chipId: string): Suggestion[] {
  try {
    return suggestFixes(spec, chipId, (s, c) => evaluateSpec(s, c, SHIPPED_MANIFEST));
  } catch {
    // A spec the deferred render sees may already be stale and invalid; the next render has the real one.
    return [];
  }
}
