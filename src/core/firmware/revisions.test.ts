import { describe, expect, it } from 'vitest';
import { parseDescribedRevision, revisionLabel, revisionName } from './revisions.ts';

describe('chip revisions', () => {
  // The descriptions esptool-js 0.7 builds in targets/*.js getChipDescription().
  it.each([
    ['ESP32-P4 (revision v3.1)', { major: 3, minor: 1 }],
    ['ESP32-C3 (QFN32) (revision v0.4)', { major: 0, minor: 4 }],
    ['ESP32-S3 (QFN56) (revision v0.2)', { major: 0, minor: 2 }],
    ['ESP32-H2 (revision v1.2)', { major: 1, minor: 2 }],
    ['ESP32-D0WD-V3 (revision 3)', { major: 3 }],
    ['ESP32-C6 (revision 0)', { major: 0 }],
  ])('[M-16] reads %s', (text, expected) => {
    expect(parseDescribedRevision(text)).toEqual(expected);
  });

  it.each([
    '',
    'ESP32-C3',
    'ESP32-C3 (revision)',
    'ESP32-C3 (revision vX.Y)',
    'ESP32-C3 (revision v1.)',
    'ESP32-C3 (revision v1234.0)',
    'revision v1.2',
    '\u0000\uffff(revision v',
  ])('[M-16] finds no revision in the garbage %j', (text) => {
    expect(parseDescribedRevision(text)).toBeUndefined();
  });

  it('names revisions and ranges as ESP-IDF does (major*100+minor)', () => {
    expect(revisionName(301)).toBe('v3.1');
    expect(revisionName(0)).toBe('v0.0');
    expect(revisionLabel({ min: 0, max: 299 })).toBe('v0.0 to v2.99');
    expect(revisionLabel({ min: 300, max: 65535 })).toBe('v3.0 and later');
    expect(revisionLabel({ min: 0, max: 65535 })).toBe('any revision');
  });
});
