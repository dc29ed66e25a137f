import { describe, expect, it } from 'vitest';
import { MinnowError } from '../core/errors.ts';
import { parseProjectText, serializeProject } from './project-file.ts';
import { TINY_MODEL, tinyRecord } from './test-training.ts';
import { decodeTraining, encodeTraining } from './training-file.ts';
import type { Project } from './types.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const project: Project = {
  id: 'p1',
  name: 'Tiny',
  chipId: 'esp32',
  createdAt: NOW,
  updatedAt: NOW,
  model: TINY_MODEL,
  training: tinyRecord(),
};
const file = JSON.parse(serializeProject(project)) as Record<string, unknown>;
const stored = file.training as Record<string, unknown>;

function failure(training: unknown, version = 3): string {
  try {
    parseProjectText(JSON.stringify({ ...file, version, training }), 'esp32', NOW);
  } catch (e) {
    if (!(e instanceof MinnowError)) throw e;
    return `E${e.code} ${e.message}`;
  }
  return 'accepted';
}
const patched = (patch: Record<string, unknown>) => ({ ...stored, ...patch });
const calibration = stored.calibration as Record<string, unknown>;
const report = stored.report as Record<string, unknown>;

describe('the training record in a project file', () => {
  it('[PT-1] round-trips through a version 4 file: curves, result, data set, int8 report and samples', () => {
    expect(file.version).toBe(4);
    const read = parseProjectText(JSON.stringify(file), 'esp32', NOW);
    expect(read.training).toEqual(tinyRecord());
  });

  it('[PT-3] stores the calibration samples as one Float32 base64 run with their shape, count and labels', () => {
    expect(calibration.shape).toEqual([2, 2, 1]);
    expect(calibration.count).toBe(2);
    expect(calibration.labels).toEqual([1, null]);
    // 0.5 is 0x3f000000 and -2 is 0xc0000000, little-endian: 8 values of 4 bytes.
    const bytes = Uint8Array.from(atob(calibration.values as string), (c) => c.charCodeAt(0));
    expect(bytes.length).toBe(32);
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0x3f]);
    expect([...bytes.subarray(28, 32)]).toEqual([0, 0, 0, 0xc0]);
  });

  it('[PT-4] writes a NaN loss (a diverged run) as null and reads it back as NaN', () => {
    const diverged = { ...tinyRecord(), batches: [{ step: 0, loss: NaN, metric: null }] };
    const encoded = encodeTraining(diverged);
    expect(encoded.batches).toEqual([[0, null, null]]);
    expect(decodeTraining(JSON.parse(JSON.stringify(encoded))).batches[0]?.loss).toBeNaN();
  });

  it('[PT-1] refuses a training record in a version 2 file', () => {
    expect(failure(stored, 2)).toBe(
      'E601 The project file is malformed at training: a training record needs a version 3 file',
    );
    expect(
      parseProjectText(JSON.stringify({ ...file, version: 2, training: undefined }), 'esp32', NOW).training,
    ).toBeUndefined();
  });

  it('[PT-4] refuses garbage with E601 naming the path', () => {
    const cases: [unknown, RegExp][] = [
      ['text', /at training: /],
      [patched({ format: 'minnow-weights' }), /at training\.format/],
      [patched({ version: 2 }), /at training\.version/],
      [patched({ model: 'abc' }), /at training\.model: expected a model fingerprint/],
      [patched({ savedAt: 'yesterday' }), /at training\.savedAt/],
      [patched({ epochs: 'many' }), /at training\.epochs/],
      [patched({ batches: [[0, '1', null]] }), /at training\.batches\.0\.1/],
      [patched({ batches: Array.from({ length: 2001 }, (_, i) => [i, 1, 1]) }), /at training\.batches: /],
      [patched({ batchesPerEpoch: 0 }), /at training\.batchesPerEpoch/],
      [
        patched({ result: { end: 'exploded', epochsDone: 1, samplesPerSecond: 1 } }),
        /at training\.result\.end/,
      ],
      [patched({ extra: 1 }), /at training: .*extra/],
      [
        patched({ report: { ...report, confusion: [[1, 2, 3]] } }),
        /at training\.report\.confusion: expected 2×2/,
      ],
      [patched({ report: { ...report, agreement: 2 } }), /at training\.report\.agreement/],
      [patched({ report: { ...report, float: '0.9' } }), /at training\.report\.float/],
      [
        patched({ report: { ...report, layers: [{ layerId: 'out' }] } }),
        /at training\.report\.layers\.0\.type/,
      ],
      [
        patched({ calibration: { ...calibration, values: 'not base64!' } }),
        /at training\.calibration\.values: expected base64/,
      ],
      [patched({ calibration: { ...calibration, values: btoa('abc') } }), /multiple of 4/],
      [
        patched({ calibration: { ...calibration, count: 3 } }),
        /calibration\.values: expected 3 samples of 4 values, found 8/,
      ],
      [
        patched({ calibration: { ...calibration, shape: [3] } }),
        /calibration\.values: expected 2 samples of 3 values/,
      ],
      [patched({ calibration: { ...calibration, labels: [1] } }), /calibration\.labels: expected one label/],
      [patched({ calibration: { ...calibration, count: 65 } }), /calibration\.count/],
      [
        patched({ calibration: { ...calibration, shape: [512, 512, 1], count: 2 } }),
        /at training\.calibration: 2 samples of 262144 values exceed 262144 values/,
      ],
      [
        patched({
          calibration: {
            ...calibration,
            values: btoa(String.fromCharCode(0, 0, 0xc0, 0x7f)),
            count: 1,
            shape: [1],
            labels: [null],
          },
        }),
        /a value is NaN or infinite/,
      ],
      [
        patched({ dataset: { ...(stored.dataset as object), classCounts: [1] } }),
        /dataset\.classCounts: expected one count per class/,
      ],
    ];
    for (const [training, message] of cases) expect(failure(training)).toMatch(message);
  });

  it('[PT-4] refuses NaN and infinity in a record read from storage (which, unlike JSON, can hold them)', () => {
    const epoch = { epoch: 0, loss: NaN, metric: null, valLoss: null, valMetric: null };
    expect(() => decodeTraining({ ...stored, epochs: [epoch] })).toThrow(
      /malformed at training\.epochs\.0\.loss/,
    );
    const result = { end: 'finished', epochsDone: 1, samplesPerSecond: Infinity };
    expect(() => decodeTraining({ ...stored, result })).toThrow(/at training\.result\.samplesPerSecond/);
  });

  it('[PT-4] refuses a "__proto__" key instead of dropping or obeying it', () => {
    const text = JSON.stringify({ ...file, training: stored }).replace(
      '"format":"minnow-training"',
      '"__proto__":{"polluted":true},"format":"minnow-training"',
    );
    expect(() => parseProjectText(text, 'esp32', NOW)).toThrow(/malformed at training: /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('[PT-4] leaves out a record that would not read back, so the project itself stays readable', () => {
    const broken = { ...tinyRecord(), model: 'not a fingerprint' };
    const text = serializeProject({ ...project, training: broken });
    expect(JSON.parse(text)).not.toHaveProperty('training');
    expect(parseProjectText(text, 'esp32', NOW).model).toEqual(TINY_MODEL);
  });
});
