import { isMinnowError } from '../../core/errors.ts';
import type { ImportedModel } from '../../core/import/index.ts';
import type { Notice } from '../types.ts';

/** At most this many import notes are listed; the rest are counted. */
const MAX_NOTES = 6;

/** What the user reads after an import: what came in, and what the import changed. */
export function importedNotice(imported: ImportedModel, label: string): Notice {
  const layers = imported.model.layers.length;
  const trained = Object.keys(imported.weights).length > 0 ? ' with its trained weights' : '';
  const text = `Imported “${imported.model.name}” (${layers} layers${trained}) from ${label}. It is ready to budget, quantize and flash.`;
  const notes = imported.notes.slice(0, MAX_NOTES);
  const more = imported.notes.length - notes.length;
  const listed = more > 0 ? [...notes, `… and ${more} more changes of the same kind.`] : notes;
  // Training replaces the weights the imported scales belong to: say so before the user trains.
  const kept =
    imported.quantization === undefined
      ? []
      : [
          "The model's own int8 quantization is kept: the Board tab compiles it as it is, until a training run replaces its weights.",
        ];
  const details = [...listed, ...kept];
  return { kind: 'info', text, ...(details.length > 0 ? { details } : {}) };
}

/** Why an import was refused, in the catalog's words; anything unexpected still reads as a sentence. */
export function refusedNotice(e: unknown, label: string): Notice {
  if (isMinnowError(e))
    return { kind: 'error', text: `Cannot import ${label}: E${e.code} ${e.message} ${e.hint}` };
  const detail = e instanceof Error ? e.message : String(e);
  return { kind: 'error', text: `Cannot import ${label}: ${detail}` };
}
