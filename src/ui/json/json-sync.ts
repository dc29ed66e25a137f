import type { MinnowError } from '../../core/errors.ts';
import { validateModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';

export type TextCheck =
  | { readonly kind: 'ok'; readonly spec: ModelSpec }
  | { readonly kind: 'not-json'; readonly message: string }
  | { readonly kind: 'invalid'; readonly error: MinnowError };

/** How the JSON panel shows a model: the same layout as the example files. */
export function modelText(spec: ModelSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}

/**
 * Reads the panel's text. Only a valid model replaces the canvas: invalid JSON or an invalid model is
 * reported in the panel while the canvas keeps the last good state.
 */
export function checkModelText(text: string): TextCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { kind: 'not-json', message: (e as Error).message };
  }
  const result = validateModel(raw);
  return result.ok ? { kind: 'ok', spec: result.model.spec } : { kind: 'invalid', error: result.error };
}

/** Whether the text already says what the spec says (so the panel need not be rewritten). */
export function sameModel(text: string, spec: ModelSpec): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(spec);
  } catch {
    return false;
  }
}

/** The 1-based line on which a layer's id is written, or 1 when it cannot be found. */
export function layerLine(text: string, layerId: string | undefined): number {
  if (layerId === undefined) return 1;
  const needle = new RegExp(`"id"\\s*:\\s*${JSON.stringify(layerId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => needle.test(l));
  return i < 0 ? 1 : i + 1;
}
