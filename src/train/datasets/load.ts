import { MinnowError } from '../../core/errors.ts';
import { formatShape, shapeSize, type AnalyzedModel } from '../../core/model/types.ts';
import { notTokenStream, trainingModel } from '../build/token-stream.ts';
import type { DataSource } from '../worker/protocol.ts';
import { captureDataset } from './captures.ts';
import { conformDataset } from './conform.ts';
import { parseCsv } from './csv.ts';
import { gestureDataset } from './gestures.ts';
import type { FolderFile } from './image-decode.ts';
import { imuWindows } from './imu.ts';
import { sineDataset } from './sine.ts';
import { textWindows } from './text.ts';
import type { Dataset, LoadedData } from './types.ts';

/** The parts that need a browser (fetching the bundled digits, decoding images), injected so Node can test. */
export interface DataLoaders {
  mnist(sampleShape: readonly number[]): Promise<Dataset>;
  images(files: readonly FolderFile[], sampleShape: readonly number[]): Promise<LoadedData>;
}

const CLEAN = { issues: [], issueCount: 0, notes: [] };

/** [steps, channels] of a sequence model, or a coded error saying the model needs one. */
function sequenceShape(model: AnalyzedModel, source: string): [number, number] {
  const [steps = 0, channels = 0] = model.inputShape;
  if (model.inputShape.length === 2) return [steps, channels];
  throw new MinnowError('DATA_SHAPE', {
    data: '[steps, channels]',
    size: 'a window',
    model: formatShape(model.inputShape),
    fix: `${source} gives time windows; give the model an input of [steps, channels], such as [128, 6].`,
  });
}

async function load(source: DataSource, model: AnalyzedModel, loaders: DataLoaders): Promise<LoadedData> {
  switch (source.kind) {
    case 'mnist': {
      const shape = shapeSize(model.inputShape) === 784 ? model.inputShape : [28, 28, 1];
      return { dataset: await loaders.mnist(shape), report: CLEAN };
    }
    case 'sine':
      return { dataset: sineDataset(source), report: CLEAN };
    case 'gestures': {
      const [steps, channels] = sequenceShape(model, 'The gesture generator');
      return { dataset: gestureDataset({ ...source, steps, channels }), report: CLEAN };
    }
    case 'csv':
      return parseCsv(source.text, source.name, source);
    case 'imu-csv': {
      const [steps] = sequenceShape(model, 'An IMU recording');
      return imuWindows(source.text, source.name, {
        steps,
        ...(source.stride ? { stride: source.stride } : {}),
      });
    }
    case 'images':
      return loaders.images(source.files, model.inputShape);
    case 'captures':
      return captureDataset(source.set, model.inputShape);
    case 'text': {
      const detail = notTokenStream(model);
      if (detail) throw new MinnowError('TEXT_NEEDS_TOKEN_MODEL', { model: model.name, detail });
      return textWindows(source.text, source.name, source);
    }
  }
}

/**
 * Loads a data source and checks it against the model (shapes, classes vs outputs). A token-stream model is
 * checked as the window model it trains as, over as many tokens as a sample holds.
 */
export async function loadSource(
  source: DataSource,
  model: AnalyzedModel,
  loaders: DataLoaders,
): Promise<LoadedData> {
  const loaded = await load(source, model, loaders);
  if (loaded.dataset.count === 0) throw new MinnowError('DATA_EMPTY', { source: loaded.dataset.name });
  const trained = trainingModel(model, shapeSize(loaded.dataset.sampleShape));
  return { dataset: conformDataset(loaded.dataset, trained), report: loaded.report };
}
