import { CHIPS, getChip } from '../chips/catalog.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { formatBytes } from '../units.ts';
import { largestModelPartition } from './flash.ts';
import { packingFixes } from './suggest-packing.ts';
import { fitting, largestFitting, patchSpec, rankCandidates, reducibleLayers } from './suggest-reduce.ts';
import type { Evaluate, Evaluation, LayerChange, Suggestion } from './suggest-types.ts';

export type { Evaluate, Evaluation, LayerChange, Suggestion } from './suggest-types.ts';

/** Layers tried one at a time: enough to cover the dominant ones without many evaluations. */
const MAX_LAYERS = 3;
const MAX_OTHER_CHIPS = 2;
/** Fractions tried when narrowing every layer together: 1/64 … 63/64. */
const SCALE_STEPS = 64;

function outcome(result: Evaluation, resource: 'ram' | 'flash'): string {
  if (resource === 'ram')
    return `RAM ${formatBytes(result.ram.needBytes)} of ${formatBytes(result.ram.availableBytes)}`;
  const { partitionBytes, parts } = result.flash;
  return partitionBytes === null
    ? `flash ${formatBytes(result.flash.needBytes)} of ${formatBytes(result.flash.availableBytes)}`
    : `model ${formatBytes(parts.model)} of the ${formatBytes(partitionBytes)} partition`;
}

function reduceOne(
  spec: ModelSpec,
  chipId: string,
  evaluate: Evaluate,
  resource: 'ram' | 'flash',
  peak?: readonly string[],
): Suggestion[] {
  return rankCandidates(spec, resource, peak)
    .slice(0, MAX_LAYERS)
    .flatMap(({ layerId, param, width }) => {
      const change = (to: number): LayerChange => ({ layerId, param, from: width, to });
      const found = largestFitting(1, width - 1, (to) =>
        fitting(evaluate, patchSpec(spec, [change(to)]), chipId),
      );
      if (!found) return [];
      const description = `Reduce ${layerId} ${param} from ${width} to ${found.n} → fits (${outcome(found.result, resource)})`;
      return [
        {
          kind: 'reduce' as const,
          ...change(found.n),
          description,
          patch: patchSpec(spec, [change(found.n)]),
          result: found.result,
        },
      ];
    });
}

function scaleAll(
  spec: ModelSpec,
  chipId: string,
  evaluate: Evaluate,
  resource: 'ram' | 'flash',
): Suggestion[] {
  const layers = reducibleLayers(analyzeModel(spec));
  if (layers.length < 2) return [];
  const changesAt = (step: number): LayerChange[] =>
    layers.map((l) => ({
      layerId: l.layerId,
      param: l.param,
      from: l.width,
      to: Math.max(1, Math.floor((l.width * step) / SCALE_STEPS)),
    }));
  const found = largestFitting(1, SCALE_STEPS - 1, (step) =>
    fitting(evaluate, patchSpec(spec, changesAt(step)), chipId),
  );
  if (!found) return [];
  const changes = changesAt(found.n);
  const list = changes.map((c) => `${c.layerId} ${c.from}→${c.to}`).join(', ');
  const factor = found.n / SCALE_STEPS;
  const description = `Narrow every hidden layer to ${Math.round(factor * 100)}% (${list}) → fits (${outcome(found.result, resource)})`;
  return [
    { kind: 'scale', factor, changes, description, patch: patchSpec(spec, changes), result: found.result },
  ];
}

function partitionFix(base: Evaluation, chipId: string): Suggestion[] {
  const { partitionBytes, parts, needBytes, availableBytes } = base.flash;
  const room = largestModelPartition(getChip(chipId));
  if (partitionBytes === null || room === null || parts.model <= partitionBytes || parts.model > room)
    return [];
  if (needBytes > availableBytes || !base.ram.fits) return [];
  const bytes = Math.ceil(parts.model / 0x1000) * 0x1000;
  const description = `With a firmware build of your own: enlarge the model partition in partitions.csv from ${formatBytes(partitionBytes)} to ${formatBytes(bytes)} (the flash has room for up to ${formatBytes(room)})`;
  return [{ kind: 'partition', bytes, description }];
}

/** The PSRAM board of the chip's family, when the verdict points to it. */
function variantFix(base: Evaluation): Suggestion[] {
  const variant = base.verdict === 'needs-psram' ? base.psramVariant : undefined;
  if (!variant) return [];
  const id = variant.chipId ? ` (chip "${variant.chipId}")` : '';
  return [{ kind: 'chip', ...variant, description: `Use ${variant.name}${id}: its PSRAM holds the arena` }];
}

/** Other firmware targets on which the model fits unchanged. */
function otherChips(
  spec: ModelSpec,
  chipId: string,
  evaluate: Evaluate,
  skip: string | undefined,
): Suggestion[] {
  return CHIPS.filter((c) => !c.exportOnly && c.id !== chipId && c.id !== skip)
    .filter((c) => fitting(evaluate, spec, c.id) !== undefined)
    .slice(0, MAX_OTHER_CHIPS)
    .map((c) => ({
      kind: 'chip',
      name: c.name,
      chipId: c.id,
      description: `Pick ${c.name} (chip "${c.id}"): the model fits as it is`,
    }));
}

/**
 * Concrete ways to make a model fit a chip, computed by re-evaluating changed specs: the PSRAM board, store
 * weights in fewer bits, narrow the layers that dominate the failing resource (the widest value that fits, by binary
 * search), narrow all layers together, pick a board that holds the model, or (with one's own firmware build)
 * enlarge the model partition. Empty when it already fits.
 */
export function suggestFixes(spec: ModelSpec, chipId: string, evaluate: Evaluate): Suggestion[] {
  const base = evaluate(spec, chipId);
  if (base.verdict === 'fits') return [];
  const resource = base.ram.fits ? 'flash' : 'ram';
  const reductions = reduceOne(spec, chipId, evaluate, resource, base.ram.peakLayerIds);
  // Fixes the app applies with one click come first; a larger partition needs a firmware build of one's own.
  return [
    ...variantFix(base),
    ...(resource === 'flash' ? packingFixes(spec, chipId, evaluate) : []),
    ...(reductions.length > 0 ? reductions : scaleAll(spec, chipId, evaluate, resource)),
    ...otherChips(spec, chipId, evaluate, base.psramVariant?.chipId),
    ...partitionFix(base, chipId),
  ];
}
