import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProjectText, serializeProject } from '../state/project-file.ts';
import { runCli } from './test-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'minnow-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SINE = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'sine.json'), 'utf8');
const NOW = '2026-01-01T00:00:00.000Z';

function projectText(version?: number): string {
  const meta = { id: 'p', name: 'sine', chipId: 'esp32c3', createdAt: NOW, updatedAt: NOW };
  const file = JSON.parse(serializeProject({ ...meta, model: JSON.parse(SINE) as never })) as object;
  return JSON.stringify(version === undefined ? file : { ...file, version });
}

function save(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('files as people save them', () => {
  it('inspect reads a project file of the current version, as compile does', async () => {
    const file = save('p.minnow.json', projectText());
    const inspected = await runCli(['inspect', file, '--json']);
    expect(inspected.err).toBe('');
    expect(inspected.code).toBe(0);
    // 1-16-16-1: (1·16 + 16) + (16·16 + 16) + (16 + 1)
    expect(JSON.parse(inspected.out)).toMatchObject({ params: 32 + 272 + 17 });
    const compiled = await runCli(['compile', file, '--random-weights', '-o', join(dir, 'p.bin')]);
    expect(compiled.code).toBe(0);
  });

  it('E602 names the versions this Minnow reads', async () => {
    const { code, err } = await runCli(['inspect', save('v9.minnow.json', projectText(9))]);
    expect(code).toBe(2);
    expect(err).toMatch(/E602/);
    expect(err).toMatch(/version 9 is not supported \(this Minnow reads versions 1, 2, 3 and 4\)/);
  });

  it('a UTF-8 byte-order mark is read past, in a model, a project and an import', async () => {
    const model = save('bom.json', `\uFEFF${SINE}`);
    expect((await runCli(['inspect', model])).code).toBe(0);
    const project = save('bom.minnow.json', `\uFEFF${projectText()}`);
    expect((await runCli(['inspect', project])).code).toBe(0);
    expect(parseProjectText(`\uFEFF${projectText()}`, 'esp32', NOW).name).toBe('sine');
    expect(parseProjectText(`\uFEFF${SINE}`, 'esp32', NOW).model.layers.length).toBeGreaterThan(0);
  });
});
