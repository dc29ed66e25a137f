import { MinnowError, isMinnowError } from '../errors.ts';
import { decodeBase64, encodeBase64 } from '../protocol/base64.ts';
import { checkCapture, checkClasses } from './records.ts';
import type { Capture, CaptureSet } from './types.ts';

/**
 * The optional `captures` field of a project file (docs/PROJECT.md): the class lists and every recording,
 * pixels and samples in base64 (int16 little-endian for samples).
 */

function bytesOf(capture: Capture): Uint8Array {
  const data = capture.kind === 'image' ? capture.rgb : capture.samples;
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function encodeCaptures(set: CaptureSet): Record<string, unknown> {
  return {
    classes: set.classes,
    items: set.items.map((c) => {
      const { rgb: _rgb, samples: _samples, ...rest } = c as Capture & { rgb?: unknown; samples?: unknown };
      return { ...rest, data: encodeBase64(bytesOf(c)) };
    }),
  };
}

/** The typed array a file item's base64 `data` stands for, keyed as a stored record has it. */
function decodeData(raw: Record<string, unknown>, path: string): Record<string, unknown> {
  const bytes = typeof raw.data === 'string' ? decodeBase64(raw.data) : undefined;
  if (!bytes)
    throw new MinnowError('CAPTURE_RECORD', { path: `${path}.data`, detail: 'expected base64 text' });
  if (raw.kind !== 'sound') return { ...raw, rgb: bytes };
  if (bytes.length % 2 !== 0) {
    throw new MinnowError('CAPTURE_RECORD', {
      path: `${path}.data`,
      detail: 'an odd number of bytes for 16-bit samples',
    });
  }
  const samples = new Int16Array(bytes.length / 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  return { ...raw, samples };
}

/** Reads the field, or throws E601 at the place in the file that is wrong. */
export function decodeCaptures(raw: unknown): CaptureSet {
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new MinnowError('CAPTURE_RECORD', { path: 'captures', detail: 'expected an object' });
    }
    const { classes, items } = raw as Record<string, unknown>;
    if (!Array.isArray(items)) {
      throw new MinnowError('CAPTURE_RECORD', { path: 'captures.items', detail: 'expected a list' });
    }
    const decoded = items.map((item: unknown, i) => {
      const path = `captures.items.${i}`;
      const record =
        typeof item === 'object' && item !== null ? decodeData(item as Record<string, unknown>, path) : item;
      return checkCapture(record, path);
    });
    if (new Set(decoded.map((c) => c.id)).size !== decoded.length) {
      throw new MinnowError('CAPTURE_RECORD', {
        path: 'captures.items',
        detail: 'two recordings share an id',
      });
    }
    return { classes: checkClasses(classes, decoded, 'captures.classes'), items: decoded };
  } catch (e) {
    if (!isMinnowError(e) || e.id !== 'CAPTURE_RECORD') throw e;
    throw new MinnowError('PROJECT_SCHEMA', {
      path: String(e.details.path),
      detail: String(e.details.detail),
    });
  }
}
