import { analyzeModel } from '../model/analyze.ts';
import { shapeSize, type ModelSpec, type WeightPacking } from '../model/types.ts';
import { PACKABLE_OPS } from '../quant/packing.ts';
import { formatBytes } from '../units.ts';
import { fitting } from './suggest-reduce.ts';
import type { Evaluate, Suggestion } from './suggest-types.ts';

/** Fewer bits first: int4 changes the model less than ternary does. */
const PACKINGS: readonly { readonly packing: 'int4' | 'ternary'; readonly bits: string }[] = [
  { packing: 'int4', bits: '4 bits a weight' },
  { packing: 'ternary', bits: 'one of three values a weight, 1.6 bits' },
];

/** Layers whose weights can be packed more tightly than they are, heaviest first. */
function packableLayers(spec: ModelSpec, packing: WeightPacking): string[] {
  const order: readonly WeightPacking[] = ['int8', 'int4', 'ternary'];
  const rank = (p: unknown) => order.indexOf((p as WeightPacking | undefined) ?? 'int8');
  return analyzeModel(spec)
    .layers.filter((l) => PACKABLE_OPS.has(l.type) && rank(l.params.packing) < rank(packing))
    .map((l) => ({ id: l.id, weights: l.weights.reduce((n, w) => n + shapeSize(w.shape), 0) }))
    .filter((l) => l.weights > 0)
    .sort((a, b) => b.weights - a.weights)
    .map((l) => l.id);
}

function packed(spec: ModelSpec, ids: readonly string[], packing: WeightPacking): ModelSpec {
  return { ...spec, layers: spec.layers.map((l) => (ids.includes(l.id) ? { ...l, packing } : l)) };
}

/**
 * Flash fixes that keep every layer as it is and store weights in fewer bits (F-75): the heaviest layer alone,
 * then every packable layer, int4 before ternary. Each is budgeted again; the first that fits is offered.
 */
export function packingFixes(spec: ModelSpec, chipId: string, evaluate: Evaluate): Suggestion[] {
  for (const { packing, bits } of PACKINGS) {
    const layers = packableLayers(spec, packing);
    const tries = layers.length > 1 ? [layers.slice(0, 1), layers] : [layers];
    for (const ids of tries) {
      if (ids.length === 0) continue;
      const patch = packed(spec, ids, packing);
      const result = fitting(evaluate, patch, chipId);
      if (!result) continue;
      const which = ids.length === 1 ? `${ids[0]}'s weights` : `the weights of ${ids.join(', ')}`;
      const { parts, partitionBytes } = result.flash;
      const room = partitionBytes === null ? '' : ` of the ${formatBytes(partitionBytes)} partition`;
      const description = `Store ${which} as ${packing} (${bits}) → fits (model ${formatBytes(parts.model)}${room}); train again, quantization-aware`;
      return [{ kind: 'pack', packing, layerIds: ids, description, patch, result }];
    }
  }
  return [];
}
