import { formatShape, INPUT_ID, type AnalyzedModel } from '../../model/types.ts';
import type { Conversion } from './convert.ts';

/** Every layer's shape, as Minnow infers it, must be the shape TFLite recorded for the tensor it stands for. */
export function checkShapes(c: Conversion, model: AnalyzedModel): void {
  const inferred = new Map(model.layers.map((l) => [l.id, l.outputShape]));
  for (const [index, ref] of c.refs) {
    if (ref.id === INPUT_ID) continue;
    const shape = inferred.get(ref.id);
    if (shape && formatShape(shape) !== formatShape(ref.shape)) {
      throw c.m.file.damaged(
        `tensor ${index} ("${c.m.tensors[index]?.name ?? '?'}")`,
        `its shape ${formatShape(ref.shape)} is not the ${formatShape(shape)} its operator computes`,
      );
    }
  }
}
