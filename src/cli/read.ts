import { readFileSync } from 'node:fs';
import { MinnowError } from '../core/errors.ts';

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
    return JSON.parse(text);
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
