import { rgbToRgba } from '../../core/capture/crop.ts';
import { clipLength, int16ToInput } from '../../core/capture/clip.ts';
import { SOUND_RATE } from '../../core/capture/resample.ts';
import type { Capture, CaptureKind, CaptureSet } from '../../core/capture/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { formatShape } from '../../core/model/types.ts';
import { imageShapeOk, rgbaToInput } from './images.ts';
import { IssueLog, type LoadedData } from './types.ts';

/** Which kind of recording a model of this input shape learns from, or null (docs/DATA.md D-10). */
export function captureKindFor(shape: readonly number[]): CaptureKind | null {
  if (imageShapeOk(shape)) return 'image';
  return clipLength(shape) > 0 ? 'sound' : null;
}

/** A recording as model input, or null when it was made for another input size. */
function inputOf(c: Capture, shape: readonly number[]): Float32Array | null {
  if (c.kind === 'image') {
    if (c.height !== shape[0] || c.width !== shape[1]) return null;
    // The image-folder reader's own pixel function: captures and folders give the model the same numbers.
    return rgbaToInput(rgbToRgba(c.rgb), shape);
  }
  return c.rate === SOUND_RATE && c.samples.length === shape[0] ? int16ToInput(c.samples) : null;
}

function sizeText(c: Capture): string {
  return c.kind === 'image' ? `${c.width}×${c.height}` : `${c.samples.length} samples at ${c.rate} Hz`;
}

/**
 * The project's recordings of the kind the model reads as a labelled data set: classes with recordings,
 * sorted by name as an image folder's are (so an exported folder trains the same outputs). Recordings made
 * for another input size are skipped and reported.
 */
export function captureDataset(set: CaptureSet, shape: readonly number[]): LoadedData {
  const kind = captureKindFor(shape);
  if (!kind) {
    throw new MinnowError('CAPTURE_SHAPE', {
      expected: '[height, width, 1 or 3] (webcam) or [samples] of at least 0.1 s at 16 kHz (microphone)',
      model: formatShape(shape),
      fix: 'Start from an image or sound template, or set the model input to such a shape.',
    });
  }
  const log = new IssueLog();
  const usable: { x: Float32Array; label: string }[] = [];
  for (const c of set.items.filter((item) => item.kind === kind)) {
    const x = inputOf(c, shape);
    if (x) usable.push({ x, label: c.label });
    else
      log.add({
        file: `${c.label}/${c.id}`,
        message: `recorded as ${sizeText(c)}, not for this model; skipped`,
      });
  }
  const classes = [...new Set(usable.map((u) => u.label))].sort((a, b) => a.localeCompare(b));
  if (classes.length < 2) {
    throw new MinnowError('CAPTURE_TOO_FEW', { classes: classes.length, shape: formatShape(shape) });
  }
  const size = usable[0]?.x.length ?? 0;
  const x = new Float32Array(usable.length * size);
  usable.forEach((u, i) => x.set(u.x, i * size));
  const labels = Int32Array.from(usable, (u) => classes.indexOf(u.label));
  log.note(`${usable.length} recordings in ${classes.length} classes: ${classes.join(', ')}.`);
  return {
    dataset: {
      name: kind === 'image' ? 'webcam captures' : 'microphone clips',
      sampleShape: [...shape],
      count: usable.length,
      x,
      target: { kind: 'classes', names: classes, labels },
    },
    report: log.report(),
  };
}
