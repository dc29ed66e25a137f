import { MinnowError } from '../errors.ts';
import { closest } from '../model/closest.ts';
import { esp32c3, esp32c6, esp32h2, esp32p4 } from './catalog-riscv.ts';
import { nrf52840, rp2040, stm32f746 } from './catalog-export.ts';
import { esp32, esp32s2, esp32s3, esp32s3r8 } from './catalog-xtensa.ts';
import type { Chip } from './types.ts';

/** Every target, Minnow firmware targets first, in the order the chip picker shows them. */
export const CHIPS: readonly Chip[] = [
  esp32,
  esp32s2,
  esp32s3,
  esp32s3r8,
  esp32c3,
  esp32c6,
  esp32h2,
  esp32p4,
  nrf52840,
  rp2040,
  stm32f746,
];

const BY_ID: ReadonlyMap<string, Chip> = new Map(CHIPS.map((c) => [c.id, c]));

export function chipIds(): string[] {
  return CHIPS.map((c) => c.id);
}

/** The catalog entry for an id, or a coded error listing the known ids. */
export function getChip(id: string): Chip {
  const chip = BY_ID.get(id);
  if (chip) return chip;
  const guess = closest(id, chipIds());
  throw new MinnowError('UNKNOWN_CHIP', {
    chip: id,
    suggestion: guess ? `Did you mean "${guess}"? ` : '',
    known: chipIds().join(', '),
  });
}
