import { useDeferredValue, useMemo } from 'react';
import { suggestFixes, type Suggestion } from '../../core/budget/suggest.ts';
import { evaluateSpec } from '../../core/inspect/evaluate.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { inspectSpec, type Inspection } from '../budget/inspection.ts';
import { SHIPPED_MANIFEST } from '../budget/manifest.ts';
import { useModel, useProject } from './useEditor.ts';

/** Marks compute time per edit in the browser's performance timeline (read by the UI benchmark). */
function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

/** The open model inspected on the open project's chip, recomputed on every edit. */
export function useInspection(): Inspection {
  const spec = useModel();
  const { chipId } = useProject();
  return useMemo(
    () => timed('minnow:inspect', () => inspectSpec(spec, chipId, SHIPPED_MANIFEST)),
    [spec, chipId],
  );
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
