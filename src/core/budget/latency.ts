import { isEstimate } from '../chips/figure.ts';
import { ELEMENT_KINDS, MAC_KINDS, PACKED_KINDS, type Chip, type Figure } from '../chips/types.ts';
import type { BudgetInput } from './types.ts';

/**
 * Σ MACs × cycles per MAC of their kernel kind + Σ packed MACs × extra cycles of their packing + Σ elements ×
 * cycles per element + steps × dispatch cost, over the clock. An estimate while any figure it uses is one.
 */
export function estimateLatency(input: BudgetInput, chip: Chip): { ms: number; isEstimate: boolean } {
  const { perMac, perElement, perStep, perPackedMac } = chip.cycles;
  const used: Figure[] = [chip.clockMhz, perStep];
  let cycles = input.stepCount * perStep.value;
  for (const kind of MAC_KINDS) {
    const n = input.macsByKind[kind] ?? 0;
    cycles += n * perMac[kind].value;
    if (n > 0) used.push(perMac[kind]);
  }
  for (const kind of PACKED_KINDS) {
    const n = input.packedMacs?.[kind] ?? 0;
    cycles += n * perPackedMac[kind].value;
    if (n > 0) used.push(perPackedMac[kind]);
  }
  for (const kind of ELEMENT_KINDS) {
    const n = input.elementsByKind[kind] ?? 0;
    cycles += n * perElement[kind].value;
    if (n > 0) used.push(perElement[kind]);
  }
  return { ms: cycles / (chip.clockMhz.value * 1000), isEstimate: used.some(isEstimate) };
}
