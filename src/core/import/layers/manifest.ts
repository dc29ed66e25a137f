import { MinnowError } from '../../errors.ts';
import type { ImportFile } from '../types.ts';
import { decodeValues, STORED_BYTES, type Storage } from './dtype.ts';
import { checkedShape } from './shape.ts';

/** One weight as the manifest names it, with its real values. */
export interface ManifestWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A shard path from the manifest is matched by its file name: a browser hands over names, not folders. */
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

function bad(file: string, detail: string): MinnowError {
  return new MinnowError('IMPORT_MODEL_JSON', { file, detail });
}

function storageOf(entry: Record<string, unknown>, name: string): Storage {
  const q = entry.quantization;
  const dtype = isObject(q) ? q.dtype : entry.dtype;
  if (typeof dtype !== 'string' || STORED_BYTES[dtype] === undefined) {
    throw new MinnowError('IMPORT_WEIGHT_DTYPE', { weight: name, dtype: String(dtype) });
  }
  if (isObject(q) && entry.dtype !== 'float32') {
    throw new MinnowError('IMPORT_WEIGHT_DTYPE', { weight: name, dtype: `${String(entry.dtype)} quantized` });
  }
  const scale = isObject(q) && typeof q.scale === 'number' ? q.scale : 1;
  const min = isObject(q) && typeof q.min === 'number' ? q.min : 0;
  return { dtype: dtype as Storage['dtype'], scale, min };
}

/** Joins a group's shards in manifest order (tfjs splits one byte stream into shards of 4 MB). */
function groupBytes(paths: readonly string[], files: readonly ImportFile[], file: string): Uint8Array {
  const shards = paths.map((path) => {
    const found = files.find((f) => f.name === path || f.name === baseName(path));
    if (!found) {
      throw new MinnowError('IMPORT_SHARD_MISSING', {
        file,
        shard: path,
        shards: paths.map(baseName).join(', '),
      });
    }
    return found.bytes;
  });
  const out = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of shards) {
    out.set(s, at);
    at += s.length;
  }
  return out;
}

/** Reads every weight of a tfjs weightsManifest from the shard files, dequantized to float32. */
export function readManifest(
  manifest: unknown,
  files: readonly ImportFile[],
  file: string,
): ManifestWeight[] {
  if (!Array.isArray(manifest)) throw bad(file, '"weightsManifest" is not a list of weight groups.');
  const weights: ManifestWeight[] = [];
  manifest.forEach((group: unknown, g) => {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw bad(file, `weightsManifest[${g}] needs "paths" and "weights" lists.`);
    }
    const paths = group.paths.filter((p): p is string => typeof p === 'string');
    const bytes = groupBytes(paths, files, file);
    let at = 0;
    group.weights.forEach((entry: unknown, w) => {
      if (!isObject(entry) || typeof entry.name !== 'string') {
        throw bad(file, `weightsManifest[${g}].weights[${w}] has no name.`);
      }
      const name = entry.name.replace(/:0$/, '');
      const shape = checkedShape(entry.shape, `Weight "${name}"`, Number.MAX_SAFE_INTEGER, true);
      const storage = storageOf(entry, name);
      const count = shape.reduce((a, b) => a * b, 1);
      const size = count * (STORED_BYTES[storage.dtype] ?? 4);
      if (at + size > bytes.length) {
        throw new MinnowError('IMPORT_SHARD_SIZE', {
          shards: paths.join(', '),
          bytes: bytes.length,
          needed: `at least ${at + size} (up to the end of "${name}")`,
        });
      }
      weights.push({ name, shape, values: decodeValues(bytes.subarray(at, at + size), count, storage) });
      at += size;
    });
  });
  return weights;
}
