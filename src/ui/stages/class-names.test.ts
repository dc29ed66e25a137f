import { describe, expect, it } from 'vitest';
import type { TrainingRecord } from '../../state/index.ts';
import { emptyRecord } from '../../state/training-record.ts';
import { trainedClassNames } from './useSavedTraining.ts';

function saved(dataset: TrainingRecord['dataset'], stale = false) {
  const record = { ...emptyRecord('fnv1a:0000000000000000', '2026-12-07T08:00:00Z'), dataset };
  return { record, stale };
}

const thumbs = {
  name: 'recordings',
  count: 20,
  sampleShape: [16, 16, 3],
  task: 'classes' as const,
  classNames: ['thumb up', 'thumb down'],
  classCounts: [10, 10],
};

describe('the class names the Board tab shows', () => {
  it('[PT-2] are the last run’s labels while its record belongs to the model', () => {
    expect(trainedClassNames(saved(thumbs))).toEqual(['thumb up', 'thumb down']);
  });

  it('[PT-2] are none for a stale record, a regression, no data set or no record: the card says "output N"', () => {
    expect(trainedClassNames(saved(thumbs, true))).toBeUndefined();
    expect(trainedClassNames(saved({ ...thumbs, task: 'values', classNames: [] }))).toBeUndefined();
    expect(trainedClassNames(saved(null))).toBeUndefined();
    expect(trainedClassNames(null)).toBeUndefined();
  });
});
