import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorId } from '../errors.ts';

// The C interpreter's status codes (firmware-template/components/minnow/include/mn_status.h) must be the
// catalog's 3xx/4xx/5xx codes under the same names, or the app would explain a board's error wrongly.
const header = readFileSync('firmware-template/components/minnow/include/mn_status.h', 'utf8');
const cCodes = [...header.matchAll(/MN_E_([A-Z0-9_]+) = (\d+),/g)].map(
  (m) => [m[1] as string, Number(m[2])] as const,
);

describe('status codes shared with the firmware', () => {
  it('[P-15] every C status names a catalog entry with the same code', () => {
    expect(cCodes.length).toBeGreaterThan(30);
    for (const [name, code] of cCodes) expect(ERRORS[name as ErrorId]?.code, name).toBe(code);
  });

  it('every catalog code in the 3xx and 4xx ranges exists in C', () => {
    const shared = Object.entries(ERRORS).filter(([, d]) => d.code >= 300 && d.code < 500);
    const inC = new Set(cCodes.map(([name]) => name));
    for (const [name] of shared) expect(inC.has(name), name).toBe(true);
  });
});
