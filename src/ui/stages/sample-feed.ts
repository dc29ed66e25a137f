import { startTrainingWorker, type TrainingClient } from '../../train/worker/client.ts';
import type { SampleView } from '../../train/worker/protocol.ts';
import type { Sample } from '../device/RunSample.tsx';

/** How many samples of the training data calibrate the int8 model and feed the board's checks. */
export const FEED_SAMPLES = 32;

export interface SampleFeed {
  /** Makes the training workspace's worker client, and remembers it to read samples from. */
  readonly createClient: () => TrainingClient;
  /** The first `max` validation samples of the data the workspace trains on; none when it has no data. */
  read(max: number): Promise<Sample[]>;
}

/** A digit label ("7") is its class index; other labels name classes the board's output does not. */
function toSample(view: SampleView): Sample {
  const label = Number(view.label);
  return { values: view.input, ...(view.label !== '' && Number.isInteger(label) ? { label } : {}) };
}

/** Reads samples through the same worker the training workspace drives, so they are the data it trained on. */
export function createSampleFeed(start: () => TrainingClient = startTrainingWorker): SampleFeed {
  let client: TrainingClient | null = null;
  return {
    createClient: () => (client = start()),
    async read(max) {
      const c = client;
      if (!c) return [];
      try {
        const first = await c.call('sample', { index: 0 });
        const views = [first];
        for (let i = 1; i < Math.min(max, first.count); i++) views.push(await c.call('sample', { index: i }));
        return views.map(toSample);
      } catch {
        // No data loaded, or the worker was replaced meanwhile: the board stage falls back to synthetic inputs.
        return [];
      }
    },
  };
}
