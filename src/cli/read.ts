import { readFileSync } from 'node:fs';
import { MinnowError } from '../core/errors.ts';
import { parseProject, type ProjectFile } from '../state/project-file.ts';
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

export type ModelOrProject = Pick<ProjectFile, 'weights' | 'source' | 'quantization'> & { model: unknown };

function isProject(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === 'minnow-project';
}

/** A model file, or the model inside a project file (checked as a project, whatever its version). */
export function readModelFile(path: string): unknown {
  return readModelOrProject(path).model;
}

/**
 * A model file as a project without weights, or a project file with whatever it holds: weights, an
 * imported model's source and its exact int8 quantization.
 */
export function readModelOrProject(path: string): ModelOrProject {
  const raw = readJsonFile(path);
  return isProject(raw) ? parseProject(raw) : { model: raw };
}
