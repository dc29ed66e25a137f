import { MinnowError } from '../../core/errors.ts';
import { IssueLog } from './types.ts';

/** A file picked with a folder: its path below the picked folder (webkitRelativePath) and MIME type. */
export interface FolderEntry {
  readonly path: string;
  readonly type?: string;
}

export interface ImagePlan {
  readonly classes: readonly string[];
  /** Images to decode: index into the entries and class index. */
  readonly items: readonly { readonly entry: number; readonly label: number }[];
  readonly log: IssueLog;
}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp', 'avif']);

export function isImage(entry: FolderEntry): boolean {
  if (entry.type?.startsWith('image/')) return true;
  const name = entry.path.split('/').pop() ?? '';
  const ext = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  return !name.startsWith('.') && IMAGE_EXTENSIONS.has(ext);
}

function segmentsOf(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

/**
 * One folder per class: the class of an image is the sub-folder right below the picked folder. When every
 * path starts with the same folder (the picked one, as browsers report it), that folder is dropped first.
 * Non-images and files outside a class folder are skipped and reported.
 */
export function planImageFolder(entries: readonly FolderEntry[]): ImagePlan {
  const log = new IssueLog();
  if (entries.length === 0) throw new MinnowError('DATA_EMPTY', { source: 'image folder' });
  const paths = entries.map((e) => segmentsOf(e.path));
  const root = paths[0]?.[0];
  const shared = root !== undefined && paths.every((p) => p.length > 1 && p[0] === root);
  const byClass = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const parts = shared ? (paths[i] as string[]).slice(1) : (paths[i] as string[]);
    if (!isImage(entry))
      log.add({ file: entry.path, message: 'not an image (by its name and type); skipped' });
    else if (parts.length < 2) log.add({ file: entry.path, message: 'not inside a class folder; skipped' });
    else byClass.set(parts[0] as string, [...(byClass.get(parts[0] as string) ?? []), i]);
  });
  const classes = [...byClass.keys()].sort((a, b) => a.localeCompare(b));
  if (classes.length < 2) throw new MinnowError('IMAGES_NO_CLASSES', { classes: classes.length });
  const items = classes.flatMap((name, label) =>
    (byClass.get(name) ?? []).map((entry) => ({ entry, label })),
  );
  log.note(`${items.length} images in ${classes.length} classes: ${classes.join(', ')}.`);
  return { classes, items, log };
}

/**
 * Decoded RGBA pixels (already resized to the model's height and width) as model input: [h, w, 1] by
 * luminance, [h, w, 3] as RGB, in [0, 1]. Alpha is ignored.
 */
export function rgbaToInput(rgba: ArrayLike<number>, shape: readonly number[]): Float32Array {
  const [h = 0, w = 0, c = 1] = shape;
  if (rgba.length !== h * w * 4) throw new RangeError(`expected ${h * w * 4} RGBA bytes, got ${rgba.length}`);
  const out = new Float32Array(h * w * c);
  for (let p = 0; p < h * w; p++) {
    const [r, g, b] = [rgba[4 * p] as number, rgba[4 * p + 1] as number, rgba[4 * p + 2] as number];
    if (c === 1) out[p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else for (let k = 0; k < c; k++) out[p * c + k] = ([r, g, b][k % 3] as number) / 255;
  }
  return out;
}

/** The model input shapes an image folder can feed: [h, w, 1] or [h, w, 3]. */
export function imageShapeOk(shape: readonly number[]): boolean {
  return shape.length === 3 && (shape[2] === 1 || shape[2] === 3);
}
