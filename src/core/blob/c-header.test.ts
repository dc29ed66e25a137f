import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cHeader } from './c-header.ts';
import { readBlob } from './reader.ts';
import { sampleBlob } from './test-blob.ts';

const dir = mkdtempSync(join(tmpdir(), 'minnow-header-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GCC = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic'];

const USER = `#include <stdio.h>
#include <stdint.h>
#include "model_data.h"
int main(void) {
  uint32_t sum = 0;
  for (uint32_t i = 0; i < g_model_len; i++) sum += g_model[i];
  printf("%u %u %u %u %d %s\\n", (unsigned)g_model_len, (unsigned)sum, (unsigned)((uintptr_t)g_model % 16u),
         (unsigned)MN_MODEL_INPUT_SIZE, MN_MODEL_OUTPUT_ZERO_POINT, MN_MODEL_NAME);
  return MN_MODEL_ARENA_SIZE > 0 && MN_MODEL_INPUT_RANK == 3 && MN_MODEL_INPUT_DIM2 == 2 && MN_MODEL_OUTPUT_SCALE > 0.0f ? 0 : 1;
}
`;

describe('C header [F-80]', () => {
  const blob = readBlob(sampleBlob());

  it('compiles with gcc -Wall -Wextra -Werror, also where it is included and unused', () => {
    writeFileSync(join(dir, 'model_data.h'), cHeader(blob));
    writeFileSync(join(dir, 'user.c'), USER);
    writeFileSync(
      join(dir, 'unused.c'),
      '#include "model_data.h"\nint unused(void);\nint unused(void) { return 0; }\n',
    );
    execFileSync('gcc', [...GCC, '-c', join(dir, 'unused.c'), '-o', join(dir, 'unused.o')]);
    execFileSync('gcc', [...GCC, join(dir, 'user.c'), '-o', join(dir, 'user')]);
    const [len, sum, misalign, inputSize, outZero, name] = execFileSync(join(dir, 'user'), {
      encoding: 'utf8',
    })
      .trim()
      .split(' ');
    expect(Number(len)).toBe(blob.bytes.length);
    expect(Number(sum)).toBe(blob.bytes.reduce((a, b) => a + b, 0));
    expect(misalign).toBe('0');
    expect(Number(inputSize)).toBe(6 * 6 * 2);
    expect(Number(outZero)).toBe(-128);
    expect(name).toBe('sample');
  });

  it('escapes any model name into a valid C string', () => {
    const header = cHeader({ ...blob, header: { ...blob.header, name: 'a"b\\c??/é' } });
    expect(header).toContain('#define MN_MODEL_NAME "a\\042b\\134c\\077\\077/\\303\\251"');
    writeFileSync(join(dir, 'odd.h'), header);
    writeFileSync(
      join(dir, 'odd.c'),
      '#include "odd.h"\nconst char *name(void);\nconst char *name(void) { return MN_MODEL_NAME; }\n',
    );
    execFileSync('gcc', [...GCC, '-c', join(dir, 'odd.c'), '-o', join(dir, 'odd.o')]);
  });
});
