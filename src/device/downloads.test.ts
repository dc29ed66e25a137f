import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobFile, flashInstructions, headerFile, projectZip } from './downloads.ts';
import { esptoolCommand } from './esptool-command.ts';
import { loadTemplate } from './template-files.ts';
import { zipStore } from './zip.ts';
import { compileExample } from './testing/example-blob.ts';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Lists and extracts an archive with Info-ZIP's unzip, an implementation independent of ours. */
function unzip(archive: Uint8Array, path?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'minnow-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), archive);
    return execFileSync('unzip', path ? ['-p', join(dir, 'a.zip'), path] : ['-tq', join(dir, 'a.zip')], {
      encoding: 'latin1',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const blob = compileExample(5).blob;

describe.skipIf(!hasUnzip)('zipStore (checked with unzip)', () => {
  it('writes an archive whose CRCs and contents unzip verifies, binary and UTF-8 names included', () => {
    const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131) & 0xff);
    const archive = zipStore([
      { path: 'a/b.txt', data: 'hello\n' },
      { path: 'bin/x.bin', data: binary },
      { path: 'é.txt', data: '' },
    ]);
    expect(unzip(archive)).toMatch(/No errors detected/);
    expect(unzip(archive, 'a/b.txt')).toBe('hello\n');
    expect(Buffer.from(unzip(archive, 'bin/x.bin'), 'latin1')).toEqual(Buffer.from(binary));
  });

  it('the ESP-IDF project zip carries the template, the blob, the header and a CMake line that flashes it', async () => {
    const template = await loadTemplate();
    expect(template.map((f) => f.path)).toEqual(
      expect.arrayContaining(['CMakeLists.txt', 'partitions.csv', 'main/app_main.c']),
    );
    expect(template.some((f) => f.path.startsWith('host/'))).toBe(false);
    const file = projectZip(blob, template, 'esp32c3');
    const archive = file.data as Uint8Array;
    expect(file.name).toBe('minnow-mnist-mlp.zip');
    expect(unzip(archive)).toMatch(/No errors detected/);
    expect(Buffer.from(unzip(archive, 'minnow-mnist-mlp/model/model.bin'), 'latin1')).toEqual(
      Buffer.from(blob),
    );
    expect(unzip(archive, 'minnow-mnist-mlp/main/CMakeLists.txt')).toMatch(
      /esptool_py_flash_to_partition\(flash "model" "\$\{CMAKE_SOURCE_DIR\}\/model\/model.bin"\)/,
    );
    expect(unzip(archive, 'minnow-mnist-mlp/MINNOW.md')).toContain('idf.py set-target esp32c3');
  });
});

describe('downloads without Web Serial', () => {
  it('offers the blob, model_data.h and the esptool.py line that flashes them', () => {
    expect(blobFile(blob).data).toBe(blob);
    expect(headerFile(blob).data).toMatch(/#define MINNOW_MODEL_DATA_H/);
    expect(flashInstructions('esp32c3', undefined).command).toBe(
      'esptool.py --chip esp32c3 -p PORT -b 460800 --before default_reset --after hard_reset write_flash --flash_mode keep --flash_freq keep --flash_size keep 0x100000 model.bin',
    );
    expect(
      esptoolCommand('esp32s3-r8', [
        { address: 0x10000, name: 'my app.bin' },
        { address: 0, name: 'boot.bin' },
      ]),
    ).toMatch(/--chip esp32s3 .* 0x0 boot.bin 0x10000 "my app.bin"$/);
  });
});
