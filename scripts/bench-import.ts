/** `npm run bench`: import time and peak memory of generated .tflite files (300 KB and 3 MB, float and int8). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { int8MlpOfSize } from '../src/core/import/tflite/test-int8.ts';
import { floatMlpOfSize } from '../src/core/import/tflite/test-models.ts';

interface Figures {
  fileBytes: number;
  importMs: number;
  projectMs: number;
  projectBytes: number;
  peakRssMb: number;
  peakGrowthMb: number;
}

export function formatImportBench(): string {
  const dir = mkdtempSync(join(tmpdir(), 'minnow-bench-import-'));
  const lines: string[] = [];
  try {
    for (const [label, make] of [
      ['float 300 KB', () => floatMlpOfSize(300_000).bytes],
      ['float 3 MB', () => floatMlpOfSize(3_000_000).bytes],
      ['int8 300 KB', () => int8MlpOfSize(300_000).bytes],
      ['int8 3 MB', () => int8MlpOfSize(3_000_000).bytes],
    ] as const) {
      const file = join(dir, `${label.replace(/ /g, '-')}.tflite`);
      writeFileSync(file, make());
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'bench-import-child.ts'), file],
        {
          encoding: 'utf8',
        },
      );
      if (child.status !== 0) throw new Error(child.stderr);
      const f = JSON.parse(child.stdout) as Figures;
      lines.push(
        `${label.padEnd(13)} file ${(f.fileBytes / 1024).toFixed(0).padStart(5)} KB  import ${f.importMs.toFixed(0).padStart(4)} ms  project file ${(f.projectBytes / 2 ** 20).toFixed(2)} MB in ${f.projectMs.toFixed(0)} ms  peak RSS ${f.peakRssMb.toFixed(0)} MB (+${f.peakGrowthMb.toFixed(0)} MB over the process before the import)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
