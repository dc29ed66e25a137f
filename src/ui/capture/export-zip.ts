import { rgbToRgba } from '../../core/capture/crop.ts';
import type { CaptureSet, ImageCapture } from '../../core/capture/types.ts';
import { zipStore } from '../../device/zip.ts';
import { saveFile } from '../device/save-file.ts';

/** A frame as a lossless PNG of its stored pixels (opaque, so no alpha rounding changes a colour). */
async function png(c: ImageCapture): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(c.width, c.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.putImageData(
    new ImageData(rgbToRgba(c.rgb) as Uint8ClampedArray<ArrayBuffer>, c.width, c.height),
    0,
    0,
  );
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

/**
 * The webcam frames as an image folder in a zip (docs/DATA.md D-10): `<root>/<class>/<id>.png`, which the
 * image-folder upload reads back to the same numbers once unpacked.
 */
export async function downloadImageZip(set: CaptureSet, root: string): Promise<number> {
  const frames = set.items.filter((c): c is ImageCapture => c.kind === 'image');
  const entries = [];
  for (const c of frames) entries.push({ path: `${root}/${c.label}/${c.id}.png`, data: await png(c) });
  saveFile({ name: `${root}.zip`, mime: 'application/zip', data: zipStore(entries) });
  return frames.length;
}
