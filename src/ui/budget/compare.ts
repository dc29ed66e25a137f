import type { Verdict } from '../../core/budget/types.ts';
import { CHIPS } from '../../core/chips/catalog.ts';
import type { FirmwareManifest } from '../../core/firmware/manifest.ts';
import { budgetInput } from '../../core/inspect/measure.ts';
import { exactBlobBytes } from '../../core/inspect/blob-size.ts';
import { budgetFor } from '../../core/inspect/report.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { planModel } from '../../core/plan/index.ts';

export interface CompareRow {
  readonly chipId: string;
  readonly chipName: string;
  readonly exportOnly: boolean;
  readonly ramNeed: number;
  readonly ramAvailable: number;
  readonly flashNeed: number;
  readonly flashAvailable: number;
  readonly latencyMs: number;
  readonly latencyIsEstimate: boolean;
  readonly verdict: Verdict;
}

/** The model's budget on every chip of the catalog: planned once, budgeted per chip. Throws on a bad model. */
export function compareChips(spec: ModelSpec, manifest?: FirmwareManifest): CompareRow[] {
  const model = analyzeModel(spec);
  const plan = planModel(model);
  // The blob is laid out once, as `minnow inspect` does, so its exact size is the flash figure on every chip.
  const input = budgetInput(plan, exactBlobBytes(model, plan));
  return CHIPS.map((chip) => {
    const b = budgetFor(input, chip, manifest);
    return {
      chipId: chip.id,
      chipName: chip.name,
      exportOnly: chip.exportOnly,
      ramNeed: b.ram.needBytes,
      ramAvailable: b.ram.availableBytes,
      flashNeed: b.flash.needBytes,
      flashAvailable: b.flash.availableBytes,
      latencyMs: b.latencyMs,
      latencyIsEstimate: b.latencyIsEstimate,
      verdict: b.verdict,
    };
  });
}
