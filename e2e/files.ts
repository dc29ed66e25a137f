import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A 24-bit BMP of `side`x`side` pixels of one grey level: an image format every browser decodes. */
export function greyBmp(side: number, level: number): Buffer {
  const row = Math.ceil((side * 3) / 4) * 4;
  const size = 54 + row * side;
  const b = Buffer.alloc(size);
  b.write('BM', 0, 'ascii');
  b.writeUInt32LE(size, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(side, 18);
  b.writeInt32LE(side, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(row * side, 34);
  for (let y = 0; y < side; y++) for (let x = 0; x < side * 3; x++) b[54 + y * row + x] = level;
  return b;
}

/** Writes `files` (relative path → content) under a new temporary folder named `name`; returns its path. */
export function writeFolder(name: string, files: Record<string, string | Buffer>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'minnow-e2e-')), name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A bare model file for the import button: the app opens it as a new project. */
export function modelFile(name: string, shape: number[], layers: object[]) {
  const text = JSON.stringify({ format: 'minnow-model', version: 1, name, input: { shape }, layers });
  return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** A tiny camera model: 16×16 RGB frames, two classes. */
export const THUMBS_MODEL = modelFile(
  'thumbs',
  [16, 16, 3],
  [
    { id: 'flat', type: 'Flatten' },
    { id: 'out', type: 'Dense', units: 2, activation: 'softmax' },
  ],
);
