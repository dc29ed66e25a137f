import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBlob } from '../../core/blob/reader.ts';
import type { TensorEntry } from '../../core/blob/types.ts';
import { runCli } from '../test-io.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const dir = mkdtempSync(join(tmpdir(), 'minnow-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const int8File = (name: string) => Int8Array.from(readFileSync(at(name)), (b) => (b << 24) >> 24);

async function compile(model: string, blob: string): Promise<void> {
  const argv = ['compile', model, '--random-weights', '--seed', '3', '--test-vector', '-o', blob];
  const { code, err } = await runCli(argv);
  expect(err).toBe('');
  expect(code).toBe(0);
}

describe('minnow run: where its input comes from', () => {
  it('--test-input runs the vector the blob embeds and --save-input writes it as in.bin for --input', async () => {
    await compile(join(EXAMPLES, 'sine.json'), at('sine.bin'));
    const first = await runCli([
      'run',
      at('sine.bin'),
      '--test-input',
      '--save-input',
      at('in.bin'),
      '-o',
      at('a.out'),
    ]);
    expect(first.code).toBe(0);
    const again = await runCli(['run', at('sine.bin'), '--input', at('in.bin'), '-o', at('b.out')]);
    expect(again.code).toBe(0);
    expect([...readFileSync(at('b.out'))]).toEqual([...readFileSync(at('a.out'))]);
    // The self-test compares the same run with the embedded expected output.
    expect((await runCli(['run', at('sine.bin'), '--self-test'])).code).toBe(0);
  });

  it('--values quantizes real numbers with the blob input scale and zero point', async () => {
    const blob = readBlob(readFileSync(at('sine.bin')));
    const input = blob.tensors[blob.header.inputTensor] as TensorEntry;
    const { code } = await runCli(['run', at('sine.bin'), '--values', '0.75', '--save-input', at('v.bin')]);
    expect(code).toBe(0);
    const expected = Math.max(-128, Math.min(127, Math.round(0.75 / input.scale) + input.zeroPoint));
    expect(int8File('v.bin')[0]).toBe(expected);
  });

  it('[F-78] --values gives an audio model its samples as little-endian int16 (value × 32768)', async () => {
    await compile(join(EXAMPLES, 'keyword-spotting.json'), at('kws.bin'));
    const values = Array.from({ length: 16000 }, (_, i) => (i === 0 ? 0.5 : i === 1 ? -1 : 0)).join(',');
    const { code } = await runCli(['run', at('kws.bin'), '--values', values, '--save-input', at('kws.in')]);
    expect(code).toBe(0);
    const bytes = readFileSync(at('kws.in'));
    expect(bytes.length).toBe(32000);
    expect([bytes.readInt16LE(0), bytes.readInt16LE(2), bytes.readInt16LE(4)]).toEqual([16384, -32768, 0]);
  });

  it('refuses a wrong count, a non-number and two inputs at once with E901 naming the fix', async () => {
    const cases: [string[], RegExp][] = [
      [['--values', '0.5,0.2'], /gave 2 numbers; the model input \[1\] takes 1/],
      [['--values', 'NaN'], /"NaN" \(number 1\) is not a finite number/],
      [['--values', '1', '--test-input'], /one of --input, --values, --test-input/],
      [[], /one of --input, --values, --test-input/],
    ];
    for (const [extra, message] of cases) {
      const { code, err } = await runCli(['run', at('sine.bin'), ...extra]);
      expect(code, extra.join(' ')).toBe(2);
      expect(err).toMatch(/E901/);
      expect(err).toMatch(message);
    }
  });

  it('prints an output of 200,000 bytes as JSON, with the index of its largest value', async () => {
    const model = { format: 'minnow-model', version: 1, name: 'wide', input: { shape: [500, 400, 1] } };
    writeFileSync(at('wide.json'), JSON.stringify({ ...model, layers: [{ id: 'act', type: 'ReLU' }] }));
    await compile(at('wide.json'), at('wide.bin'));
    writeFileSync(
      at('wide.in'),
      Int8Array.from({ length: 200_000 }, (_, i) => (i === 123_457 ? 127 : i % 100)),
    );
    const { code, out } = await runCli([
      'run',
      at('wide.bin'),
      '--input',
      at('wide.in'),
      '--json',
      '-o',
      at('w.out'),
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { values: number[]; top: number };
    const written = int8File('w.out');
    expect(report.values.length).toBe(200_000);
    expect(report.values).toEqual([...written]);
    let top = 0;
    for (let i = 1; i < written.length; i++) if ((written[i] as number) > (written[top] as number)) top = i;
    expect(report.top).toBe(top);
  });
});
