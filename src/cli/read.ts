import { readFileSync } from 'node:fs';
import { MinnowError } from '../core/errors.ts';
import { parseProject } from '../state/project-file.ts';
import { parseJsonText } from '../core/json-text.ts';

/** Reads a JSON file, naming the file in every error so a teacher's batch script shows which one failed. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new MinnowError('FILE_READ', {
      file: path,
      detail: (e as NodeJS.ErrnoException).code ?? String(e),
    });
  }
  try {
    return parseJsonText(text);
  } catch (e) {
    throw new MinnowError('MODEL_NOT_JSON', { detail: `${path}: ${(e as Error).message}` });
  }
}

export function readBinaryFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new MinnowError('FILE_READ', {
      file: path,
      detail: (e as NodeJS.ErrnoException).code ?? String(e),
    });
  }
}

/** A model file, or the model inside a project file (checked as a project, whatever its version). */
export function readModelFile(path: string): unknown {
  const raw = readJsonFile(path);
  const isProject =
    typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === 'minnow-project';
  return isProject ? parseProject(raw).model : raw;
}
