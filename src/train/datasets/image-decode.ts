import { formatShape } from '../../core/model/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { imageShapeOk, planImageFolder, rgbaToInput } from './images.ts';
import type { LoadedData } from './types.ts';

export interface FolderFile {
  readonly path: string;
  readonly file: Blob;
}

/** Decodes one image straight to the model's height and width (the browser resamples it). */
async function pixels(file: Blob, h: number, w: number): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(file, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, w, h).data;
}

/** An uploaded folder of class sub-folders as a data set of [h, w, c] images (browser only). */
export async function loadImageFolder(
  files: readonly FolderFile[],
  shape: readonly number[],
): Promise<LoadedData> {
  if (!imageShapeOk(shape)) {
    throw new MinnowError('DATA_SHAPE', {
      data: '[height, width, 1 or 3]',
      size: 'image',
      model: formatShape(shape),
      fix: 'Image folders need a model input of [height, width, 1] (grey) or [height, width, 3] (colour).',
    });
  }
  const plan = planImageFolder(files.map((f) => ({ path: f.path, type: f.file.type })));
  const [h = 0, w = 0] = shape;
  const size = h * w * (shape[2] ?? 1);
  const decoded: { x: Float32Array; label: number }[] = [];
  for (const item of plan.items) {
    const f = files[item.entry] as FolderFile;
    try {
      decoded.push({ x: rgbaToInput(await pixels(f.file, h, w), shape), label: item.label });
    } catch {
      plan.log.add({ file: f.path, message: 'cannot be decoded as an image; skipped' });
    }
  }
  const used = new Set(decoded.map((d) => d.label));
  if (used.size < 2) throw new MinnowError('IMAGES_NO_CLASSES', { classes: used.size });
  const x = new Float32Array(decoded.length * size);
  decoded.forEach((d, i) => x.set(d.x, i * size));
  const labels = Int32Array.from(decoded, (d) => d.label);
  return {
    dataset: {
      name: 'images',
      sampleShape: [...shape],
      count: decoded.length,
      x,
      target: { kind: 'classes', names: plan.classes, labels },
    },
    report: plan.log.report(),
  };
}
