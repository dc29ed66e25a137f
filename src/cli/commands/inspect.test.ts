import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-io.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const dir = mkdtempSync(join(tmpdir(), 'minnow-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** mnist-mlp with its hidden layer stored as `packing`. */
function mnistWith(packing: string): string {
  const spec = JSON.parse(readFileSync(join(EXAMPLES, 'mnist-mlp.json'), 'utf8')) as {
    layers: { id: string }[];
  };
  const file = join(dir, `mnist-${packing}.json`);
  const layers = spec.layers.map((l) => (l.id === 'fc1' ? { ...l, packing } : l));
  writeFileSync(file, JSON.stringify({ ...spec, layers }));
  return file;
}

describe('[M-11] minnow inspect shows each layer’s packing and what it saves', () => {
  it('reports the packing per layer and the saving against int8 in --json', async () => {
    const int8 = JSON.parse((await runCli(['inspect', join(EXAMPLES, 'mnist-mlp.json'), '--json'])).out);
    const { code, out } = await runCli(['inspect', mnistWith('int4'), '--chip', 'esp32', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.layers.map((l: { packing?: string }) => l.packing)).toEqual([undefined, 'int4', 'int8']);
    // 78,400 weights in 39,200 bytes of nibbles, and 400 bytes of biases.
    expect(r.layers[1].weightBytes).toBe(39_200 + 400);
    expect(r.layers[1].weightBytesByPacking).toEqual({ int8: 78_800, int4: 39_600, ternary: 16_080 });
    expect(r.memory.packingSavedBytes).toBe(39_200);
    expect(r.memory.int8BlobBytes).toBe(int8.memory.blobBytes);
    expect(r.memory.blobBytes).toBe(int8.memory.blobBytes - 39_200);
    expect(int8.memory.packingSavedBytes).toBe(0);
  });

  it('prints a packing column and the saving line in text', async () => {
    const { code, out } = await runCli(['inspect', mnistWith('ternary'), '--chip', 'esp32']);
    expect(code).toBe(0);
    expect(out).toMatch(/^layer\s+type\s+output\s+params\s+MACs\s+packing\s+flash/m);
    expect(out).toMatch(/^fc1 \*?\s+Dense\s+\[100\]\s+78,500\s+78,400\s+ternary\s+16 KB/m);
    expect(out).toMatch(/^flat\s+Flatten\s+\[784\]\s+0\s+0\s+-\s+-/m);
    // 62,720 B saved (61 KB of 1024 B) of an int8 blob of 81,096 B: 77 %.
    expect(out).toContain(
      'Weight packing saves 61 KB of flash (77 %): the blob with int8 weights would take 79 KB.',
    );
    const plain = await runCli(['inspect', join(EXAMPLES, 'mnist-mlp.json')]);
    expect(plain.out).not.toContain('Weight packing');
  });

  it('refuses an unknown packing with the layer named and exit 2', async () => {
    const { code, err } = await runCli(['inspect', mnistWith('int2')]);
    expect(code).toBe(2);
    expect(err).toContain('fc1');
    expect(err).toMatch(/packing/);
  });
});
