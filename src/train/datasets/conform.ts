import { MinnowError } from '../../core/errors.ts';
import { formatShape, shapeSize, type AnalyzedModel } from '../../core/model/types.ts';
import { outputActivation } from '../session/output.ts';
import type { Dataset } from './types.ts';

/**
 * Checks that `dataset` fits the model and gives it the model's input shape when only the layout differs
 * (784 CSV columns for a [28, 28, 1] input). Refuses with a coded error naming the fix otherwise.
 */
export function conformDataset(dataset: Dataset, model: AnalyzedModel): Dataset {
  const size = shapeSize(dataset.sampleShape);
  const wanted = shapeSize(model.inputShape);
  if (size !== wanted) {
    throw new MinnowError('DATA_SHAPE', {
      data: formatShape(dataset.sampleShape),
      size,
      model: `${formatShape(model.inputShape)} (${wanted} values)`,
      fix: `Set the model input to ${formatShape(dataset.sampleShape)}, or pick data with ${wanted} values per sample.`,
    });
  }
  const output = model.layers.find((l) => l.id === model.outputId);
  const outputs = shapeSize(output?.outputShape ?? []);
  const layer = model.outputId;
  const t = dataset.target;
  if (t.kind === 'classes') {
    const classes = t.names.length;
    const binary = classes === 2 && outputs === 1 && outputActivation(model) === 'sigmoid';
    if (outputs !== classes && !binary) {
      throw new MinnowError('DATA_LABELS', {
        targets: `${classes} classes (${t.names.slice(0, 5).join(', ')}${classes > 5 ? ', …' : ''})`,
        layer,
        outputs,
        fix: `Set "units" of "${layer}" to ${classes}${classes === 2 ? ', or to 1 with a sigmoid activation' : ''}.`,
      });
    }
  } else if (outputs !== t.size) {
    throw new MinnowError('DATA_LABELS', {
      targets: `${t.size} target value(s) per sample`,
      layer,
      outputs,
      fix: `Set "units" of "${layer}" to ${t.size}, with a linear activation.`,
    });
  }
  const same = formatShape(dataset.sampleShape) === formatShape(model.inputShape);
  return same ? dataset : { ...dataset, sampleShape: [...model.inputShape] };
}
