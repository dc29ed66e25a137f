import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBlob } from '../../core/blob/reader.ts';
import { int8Cnn, CNN_Q } from '../../core/import/tflite/test-int8.ts';
import { floatCnn } from '../../core/import/tflite/test-models.ts';
import { prepare, run } from '../../core/reference/interpreter.ts';
import { parseProject } from '../../state/project-file.ts';
import { runCli } from '../test-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'minnow-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
writeFileSync(at('cnn8.tflite'), int8Cnn().bytes);
writeFileSync(at('cnnf.tflite'), floatCnn().bytes);

describe('minnow import', () => {
  it('[PQ-1] writes a version 4 project with the source and the exact int8 quantization', async () => {
    const r = await runCli(['import', at('cnn8.tflite'), '-o', at('cnn8.minnow.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('int8 (quantization kept exactly)');
    const raw = JSON.parse(readFileSync(at('cnn8.minnow.json'), 'utf8'));
    expect(raw.version).toBe(4);
    expect(raw.source).toEqual({ format: 'tflite', file: 'cnn8.tflite' });
    // PQ-2: int8 layers are stored once, as integers; no float copy in `weights`.
    expect(Object.keys(raw.weights.layers)).toEqual([]);
    const project = parseProject(raw);
    expect(project.quantization?.input).toEqual({ scale: CNN_Q.x.scale, zeroPoint: CNN_Q.x.zp });
    expect(Array.from(project.quantization?.layers.conv2d_1?.weights ?? [])).toEqual(
      Array.from(int8Cnn().conv.w),
    );
    expect(project.weights?.conv2d_1?.kernel).toHaveLength(4 * 3 * 3 * 2);
  });

  it('[PQ-3] inspect prints the same per-layer table for the project as for its bare model', async () => {
    const project = JSON.parse(readFileSync(at('cnn8.minnow.json'), 'utf8'));
    writeFileSync(at('bare.json'), JSON.stringify(project.model));
    const a = await runCli(['inspect', at('cnn8.minnow.json'), '--chip', 'esp32c3']);
    const b = await runCli(['inspect', at('bare.json'), '--chip', 'esp32c3']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('depthwise_conv2d_1');
  });

  it('[PQ-4] compile keeps the imported quantization; run --values quantizes with it and prints int8 and reals', async () => {
    const c = await runCli(['compile', at('cnn8.minnow.json'), '-o', at('cnn8.bin')]);
    expect(c.code).toBe(0);
    const blob = readBlob(new Uint8Array(readFileSync(at('cnn8.bin'))));
    const input = blob.tensors[blob.header.inputTensor];
    expect(input).toMatchObject({ scale: CNN_Q.x.scale, zeroPoint: CNN_Q.x.zp });
    const reals = Array.from({ length: 72 }, (_, i) => ((i % 9) - 4) / 10);
    const r = await runCli(['run', at('cnn8.bin'), '--values', reals.join(','), '--json']);
    const json = JSON.parse(r.out);
    const x = Int8Array.from(reals, (v) =>
      Math.max(-128, Math.min(127, Math.round(v / CNN_Q.x.scale) + CNN_Q.x.zp)),
    );
    const y = run(prepare(blob), x, new Uint8Array(blob.header.arenaSize));
    expect(json.input).toEqual(Array.from(x));
    expect(json.values).toEqual(Array.from(y));
    expect(json.real).toEqual(Array.from(y, (q) => CNN_Q.fc2.scale * (q - CNN_Q.fc2.zp)));
  });

  it('[PQ-5] compiling an imported float model needs --calibrate rows and says so (E684)', async () => {
    expect((await runCli(['import', at('cnnf.tflite'), '-o', at('cnnf.minnow.json')])).code).toBe(0);
    const without = await runCli(['compile', at('cnnf.minnow.json'), '-o', at('f.bin')]);
    expect(without.code).toBe(2);
    expect(without.err).toContain('E684');
    expect(without.err).toContain('--calibrate data.csv (one input per row, 128 numbers each)');
    writeFileSync(at('bad.csv'), '1,2,3\n');
    const bad = await runCli([
      'compile',
      at('cnnf.minnow.json'),
      '--calibrate',
      at('bad.csv'),
      '-o',
      at('f.bin'),
    ]);
    expect(bad.err).toContain('E686');
    expect(bad.err).toContain('row 1');
    const rows = Array.from({ length: 8 }, (_, r) =>
      Array.from({ length: 128 }, (_, i) => Math.sin(r + i)).join(','),
    );
    writeFileSync(at('cal.csv'), `# one input per row\n${rows.join('\n')}\n`);
    const ok = await runCli([
      'compile',
      at('cnnf.minnow.json'),
      '--calibrate',
      at('cal.csv'),
      '-o',
      at('f.bin'),
    ]);
    expect(ok.code).toBe(0);
  });

  it('[I-29] a file that is not a model exits 2 with a coded error naming the file', async () => {
    writeFileSync(at('junk.tflite'), 'not a flatbuffer at all');
    const r = await runCli(['import', at('junk.tflite'), '-o', at('junk.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E680');
    expect(r.err).toContain('junk.tflite');
  });
});
