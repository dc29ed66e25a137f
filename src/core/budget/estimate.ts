import type { Chip } from '../chips/types.ts';
import type { FirmwareBuild } from '../firmware/manifest.ts';
import { flashBudget, largestModelPartition } from './flash.ts';
import { checkBudgetInput } from './input.ts';
import { estimateLatency } from './latency.ts';
import { ramBudget } from './ram.ts';
import {
  exportOnlyReason,
  flashReasons,
  latencyReason,
  ramReason,
  variantReason,
  weightsReason,
} from './reasons.ts';
import type { Budget, BudgetInput, RamBudget, Verdict } from './types.ts';

/** The chip's PSRAM variant, if the model's RAM need would fit it. */
function holdingVariant(ram: RamBudget, chip: Chip): Chip['psramVariant'] {
  const variant = chip.psramVariant;
  return !ram.fits && variant && ram.needBytes <= variant.arenaBytes.value ? variant : undefined;
}

function verdictOf(ramFits: boolean, flashFits: boolean, variant: Chip['psramVariant']): Verdict {
  if (!ramFits && !variant) return 'too-big-ram';
  if (!flashFits) return 'too-big-flash';
  return ramFits ? 'fits' : 'needs-psram';
}

/** RAM, flash and latency of a planned model on a chip, with a verdict and the reasons for it. */
export function estimateBudget(input: BudgetInput, chip: Chip, firmware?: FirmwareBuild): Budget {
  checkBudgetInput(input);
  const ram = ramBudget(input, chip);
  const flash = flashBudget(input, chip, firmware);
  const latency = estimateLatency(input, chip);
  const variant = holdingVariant(ram, chip);
  const verdict = verdictOf(ram.fits, flash.fits, variant);
  const ramLine = ramReason(ram, chip);
  const flashLines = flashReasons(flash, chip, largestModelPartition(chip, firmware));
  const failures = [...(ram.fits ? [] : [ramLine]), ...(flash.fits ? [] : flashLines)];
  const variantLine = variant ? [variantReason(variant)] : [];
  const reasons = [
    ...failures,
    ...variantLine,
    ...(ram.fits ? [ramLine] : []),
    ...(flash.fits ? flashLines : []),
    weightsReason(input.weightsBytes),
    latencyReason(latency.ms, latency.isEstimate, chip),
    ...(chip.exportOnly ? [exportOnlyReason(chip)] : []),
  ];
  return {
    chipId: chip.id,
    chipName: chip.name,
    ram,
    flash,
    latencyMs: latency.ms,
    latencyIsEstimate: latency.isEstimate,
    verdict,
    ...(variant
      ? { psramVariant: { name: variant.name, ...(variant.chipId ? { chipId: variant.chipId } : {}) } }
      : {}),
    reasons,
  };
}
