import { describe, expect, it } from 'vitest';
import { TINY_MODEL, tinyRecord } from '../../state/test-training.ts';
import { calibrationText, chooseCalibration } from './calibration-source.ts';
import { compileForBoard, type CompiledModel } from './compiled-model.ts';

const ok = (c: CompiledModel) => {
  if (c.status !== 'ok') throw new Error(`not compiled: ${c.status}`);
  return c;
};
const record = tinyRecord();

describe('what the board calibrates on after a reload', () => {
  it('[PT-6] calibrates on the saved samples, never on synthetic inputs, when the record fits the model', () => {
    const calibration = chooseCalibration([], { record, stale: false });
    expect(calibration).toEqual({ samples: record.calibration, saved: true });
    const compiled = ok(compileForBoard(TINY_MODEL, null, calibration.samples, calibration.saved));
    expect(compiled).toMatchObject({ calibratedOn: 2, calibrationSaved: true });
    expect(calibrationText(compiled)).toBe('calibrated on 2 training samples saved with the project');
    // The saved samples change the activation ranges, so the blob is not the synthetic one.
    expect(compiled.blob).not.toEqual(ok(compileForBoard(TINY_MODEL, null, [])).blob);
  });

  it('[PT-2] never calibrates on a stale record: the model changed since the run', () => {
    const calibration = chooseCalibration([], { record, stale: true });
    expect(calibration).toEqual({ samples: [], saved: false });
    const compiled = ok(compileForBoard(TINY_MODEL, null, calibration.samples, calibration.saved));
    expect(calibrationText(compiled)).toMatch(/^calibrated on synthetic inputs/);
  });

  it("prefers this session's samples, which come from the data just trained on", () => {
    const live = [{ values: Float32Array.of(1, 1, 1, 1) }];
    expect(chooseCalibration(live, { record, stale: false })).toEqual({ samples: live, saved: false });
    expect(calibrationText(ok(compileForBoard(TINY_MODEL, null, live)))).toBe(
      'calibrated on 1 training samples',
    );
  });
});
