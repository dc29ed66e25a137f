import type { WeightPacking } from '../../core/model/types.ts';

/**
 * One line on what quantization-aware training does for this model, naming its packed layers by packing:
 * "gru, logits are ternary: train with their rounding so accuracy holds".
 */
export function quantAwareNote(packings: Readonly<Record<string, WeightPacking>>): string {
  const byPacking = new Map<WeightPacking, string[]>();
  for (const [layer, packing] of Object.entries(packings)) {
    if (packing !== 'int8') byPacking.set(packing, [...(byPacking.get(packing) ?? []), layer]);
  }
  if (byPacking.size === 0) {
    return 'All weights are int8: training with their rounding helps little here (most for int4 and ternary layers).';
  }
  const groups = [...byPacking].map(
    ([packing, layers]) => `${layers.join(', ')} ${layers.length > 1 ? 'are' : 'is'} ${packing}`,
  );
  return `${groups.join('; ')}: train with their rounding so accuracy holds.`;
}
