import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBlob } from '../../core/blob/reader.ts';
import { prepare, run } from '../../core/reference/interpreter.ts';
import { runCompile } from './compile.ts';
import { runRun } from './run.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const dir = mkdtempSync(join(tmpdir(), 'minnow-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const io = {
    out: '',
    err: '',
    stdout: { write: (s: string) => (io.out += s) },
    stderr: { write: (s: string) => (io.err += s) },
  };
  return io;
}

function errorId(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { id?: string }).id;
  }
}

describe('minnow compile and minnow run', () => {
  const blobFile = join(dir, 'm.bin');

  it('compiles the 784-100-10 MLP with random weights into at most 81,200 bytes, the same bytes for the same seed', () => {
    const io = capture();
    const argv = [
      join(EXAMPLES, 'mnist-mlp.json'),
      '--random-weights',
      '--seed',
      '1',
      '-o',
      blobFile,
      '--header',
      join(dir, 'model_data.h'),
    ];
    expect(runCompile(argv, io)).toBe(0);
    const bytes = readFileSync(blobFile);
    // int8 weights 79,400 B + int32 biases 440 B + the overhead budget.
    expect(bytes.length).toBeLessThanOrEqual(81_200);
    expect(io.out).toContain(`${bytes.length} bytes`);
    expect(readFileSync(join(dir, 'model_data.h'), 'utf8')).toContain(
      `#define MN_MODEL_SIZE ${bytes.length}u`,
    );
    runCompile([...argv.slice(0, 5), join(dir, 'again.bin')], capture());
    expect(readFileSync(join(dir, 'again.bin')).equals(bytes)).toBe(true);
    runCompile(
      [argv[0] as string, '--random-weights', '--seed', '2', '-o', join(dir, 'other.bin')],
      capture(),
    );
    expect(readFileSync(join(dir, 'other.bin')).equals(bytes)).toBe(false);
  });

  it('runs the blob on raw int8 input and writes the raw int8 output the reference computes', () => {
    const input = Int8Array.from({ length: 784 }, (_, i) => (i % 97) - 40);
    writeFileSync(join(dir, 'x.bin'), new Uint8Array(input.buffer));
    const io = capture();
    expect(runRun([blobFile, '--input', join(dir, 'x.bin'), '-o', join(dir, 'y.bin')], io)).toBe(0);
    const program = prepare(readBlob(readFileSync(blobFile)));
    const expected = run(program, input, new Uint8Array(program.blob.header.arenaSize));
    expect([...new Int8Array(readFileSync(join(dir, 'y.bin')))]).toEqual([...expected]);
    expect(io.out).toContain('output [10] int8:');
    const json = capture();
    runRun([blobFile, '--input', join(dir, 'x.bin'), '--json'], json);
    expect(JSON.parse(json.out).values).toEqual([...expected]);
  });

  it('checks a blob against its embedded test vector', () => {
    const file = join(dir, 'tv.bin');
    runCompile([join(EXAMPLES, 'lenet.json'), '--random-weights', '--test-vector', '-o', file], capture());
    const io = capture();
    expect(runRun([file, '--self-test'], io)).toBe(0);
    expect(io.out).toContain('reproduces');
    expect(errorId(() => runRun([blobFile, '--self-test'], capture()))).toBe('NO_TEST_VECTOR');
  });

  it('refuses bad usage and bad files with coded errors', () => {
    const mlp = join(EXAMPLES, 'mnist-mlp.json');
    expect(errorId(() => runCompile([mlp, '-o', join(dir, 'n.bin')], capture()))).toBe('CLI_USAGE');
    expect(errorId(() => runCompile([mlp, '--random-weights'], capture()))).toBe('CLI_USAGE');
    expect(
      errorId(() =>
        runCompile([mlp, '--random-weights', '--seed', 'x', '-o', join(dir, 'n.bin')], capture()),
      ),
    ).toBe('CLI_USAGE');
    expect(
      errorId(() => runCompile([mlp, '--random-weights', '-o', join(dir, 'missing', 'n.bin')], capture())),
    ).toBe('FILE_WRITE');
    expect(errorId(() => runRun([blobFile], capture()))).toBe('CLI_USAGE');
    expect(errorId(() => runRun([mlp, '--input', blobFile], capture()))).toBe('BLOB_MAGIC');
    expect(errorId(() => runRun([blobFile, '--input', mlp], capture()))).toBe('INPUT_SIZE');
    expect(errorId(() => runRun([join(dir, 'nope.bin'), '--self-test'], capture()))).toBe('FILE_READ');
  });
});
