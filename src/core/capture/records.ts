import { MinnowError } from '../errors.ts';
import type { Capture, CaptureSet } from './types.ts';

/**
 * Checks of stored captures (docs/DATA.md D-11): IndexedDB records and the project file's `captures`
 * hold data the page wrote, but a damaged or hand-edited one must be refused with the place named, not
 * trusted.
 */

export const MAX_SIDE = 512;
/** Ten seconds at 16 kHz: far longer than a keyword model listens. */
export const MAX_SAMPLES = 160_000;
const MAX_NAME = 64;

function bad(path: string, detail: string): MinnowError {
  return new MinnowError('CAPTURE_RECORD', { path, detail });
}

/** Why a class name cannot be a class (it becomes a folder name in an export), or null when it can. */
export function classNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'a class needs a name';
  if (name !== name.trim()) return 'a class name must not start or end with a space';
  if (name.length > MAX_NAME) return `a class name has at most ${MAX_NAME} characters`;
  const control = [...name].some((ch) => ch.charCodeAt(0) < 32);
  if (control || /[/\\:*?"<>|]/.test(name)) {
    return 'a class name cannot hold / \\ : * ? " < > | or control characters';
  }
  if (name === '.' || name === '..') return 'a class name cannot be . or ..';
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function whole(raw: Record<string, unknown>, key: string, max: number, path: string): number {
  const v = raw[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
    throw bad(`${path}.${key}`, `expected a whole number from 1 to ${max}`);
  }
  return v;
}

function text(raw: Record<string, unknown>, key: string, path: string): string {
  const v = raw[key];
  if (typeof v !== 'string' || v === '' || v.length > 200)
    throw bad(`${path}.${key}`, 'expected a short text');
  return v;
}

/** A capture read back from storage, checked field by field; `path` names it in the error. */
export function checkCapture(raw: unknown, path: string): Capture {
  if (!isObject(raw)) throw bad(path, 'expected an object');
  const base = { id: text(raw, 'id', path), label: text(raw, 'label', path), at: text(raw, 'at', path) };
  const nameProblem = classNameProblem(base.label);
  if (nameProblem) throw bad(`${path}.label`, nameProblem);
  if (raw.kind === 'image') {
    const width = whole(raw, 'width', MAX_SIDE, path);
    const height = whole(raw, 'height', MAX_SIDE, path);
    const rgb = raw.rgb;
    if (!(rgb instanceof Uint8Array) || rgb.length !== width * height * 3) {
      throw bad(`${path}.rgb`, `expected ${width * height * 3} bytes (${width}×${height} RGB pixels)`);
    }
    return { ...base, kind: 'image', width, height, rgb };
  }
  if (raw.kind === 'sound') {
    const rate = whole(raw, 'rate', 384_000, path);
    const samples = raw.samples;
    if (!(samples instanceof Int16Array) || samples.length < 1 || samples.length > MAX_SAMPLES) {
      throw bad(`${path}.samples`, `expected 1 to ${MAX_SAMPLES} 16-bit samples`);
    }
    return { ...base, kind: 'sound', rate, samples };
  }
  throw bad(`${path}.kind`, 'expected "image" or "sound"');
}

function classList(raw: unknown, path: string): string[] {
  if (!Array.isArray(raw) || raw.length > 100) throw bad(path, 'expected a list of at most 100 class names');
  raw.forEach((name, i) => {
    const problem = classNameProblem(name);
    if (problem) throw bad(`${path}.${i}`, problem);
  });
  if (new Set(raw).size !== raw.length) throw bad(path, 'a class is listed twice');
  return raw as string[];
}

/** The class lists of a stored set; a recording whose class is not listed is added to its list. */
export function checkClasses(raw: unknown, items: readonly Capture[], path: string): CaptureSet['classes'] {
  if (!isObject(raw)) throw bad(path, 'expected { image: [...], sound: [...] }');
  const image = classList(raw.image, `${path}.image`);
  const sound = classList(raw.sound, `${path}.sound`);
  for (const c of items) {
    const list = c.kind === 'image' ? image : sound;
    if (!list.includes(c.label)) list.push(c.label);
  }
  return { image, sound };
}
