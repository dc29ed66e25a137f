import { estimateBudget } from '../budget/estimate.ts';
import type { Budget, BudgetInput, Verdict } from '../budget/types.ts';
import { getChip } from '../chips/catalog.ts';
import type { Chip } from '../chips/types.ts';
import { findBuild } from '../firmware/manifest.ts';
import type { FirmwareManifest } from '../firmware/manifest.ts';
import { analyzeModel } from '../model/analyze.ts';
import { WEIGHT_PACKINGS, type AnalyzedModel, type Shape, type WeightPacking } from '../model/types.ts';
import { planModel } from '../plan/index.ts';
import type { ExecStep, MemoryPlan } from '../plan/types.ts';
import { exactBlobBytes } from './blob-size.ts';
import { packingSavedBytes } from './packing-saving.ts';
import { budgetInput } from './measure.ts';
import { stepPacking, stepWeightBytes } from './weights.ts';

export interface LayerReport {
  readonly id: string;
  readonly type: string;
  readonly outputShape: Shape;
  readonly params: number;
  readonly macs: number;
  /** Flash bytes of this layer's constants as packed (0 for layers merged into another's step). */
  readonly weightBytes: number;
  /** How the blob stores this layer's weights (M-11), for layer types that take a packing. */
  readonly packing?: WeightPacking;
  /** What weightBytes would be at each packing, for layer types that take one. */
  readonly weightBytesByPacking?: Readonly<Record<WeightPacking, number>>;
  /** Arena bytes live while the step computing this layer runs (0 for views and folded layers). */
  readonly liveBytes: number;
  /** The arena peaks at this layer's step. */
  readonly peak: boolean;
}

/** DESIGN §3.2: the `minnow inspect --json` contract, also what the budget gauge shows. */
export interface InspectReport {
  readonly name: string;
  readonly params: number;
  readonly macs: number;
  readonly layers: readonly LayerReport[];
  readonly memory: {
    readonly arenaBytes: number;
    readonly lowerBoundBytes: number;
    readonly weightsBytes: number;
    readonly blobBytes: number;
    /** True when no int8 kernel exists yet for some step, so the blob size is a framing estimate. */
    readonly blobIsEstimate: boolean;
    /** The blob of the same model with every layer's weights int8. */
    readonly int8BlobBytes: number;
    /** Flash the layers' weight packings save: int8BlobBytes − blobBytes (0 when every layer is int8). */
    readonly packingSavedBytes: number;
  };
  readonly chip?: {
    readonly id: string;
    readonly name: string;
    readonly ram: Budget['ram'];
    readonly flash: Budget['flash'];
    readonly latencyMs: number;
    readonly latencyIsEstimate: boolean;
  };
  readonly verdict?: Verdict;
  readonly reasons?: readonly string[];
}

export interface InspectOptions {
  readonly chip?: string | Chip;
  readonly manifest?: FirmwareManifest;
  /** The exact blob size when the caller has compiled the model; else the budget's framing estimate. */
  readonly blobBytes?: number;
}

function layerReports(model: AnalyzedModel, plan: MemoryPlan): LayerReport[] {
  // A layer may span two steps (Dense + its Softmax); its figures are those of the step that computes it.
  const byLayer = new Map<string, ExecStep>();
  for (const s of plan.graph.steps) for (const id of s.layerIds) if (!byLayer.has(id)) byLayer.set(id, s);
  return model.layers.map((layer) => {
    const step = byLayer.get(layer.id);
    const main = step?.layerIds[0] === layer.id;
    const packing = step && main ? stepPacking(step) : undefined;
    return {
      id: layer.id,
      type: layer.type,
      outputShape: layer.outputShape,
      params: layer.paramCount,
      macs: layer.macs,
      weightBytes: step && main ? stepWeightBytes(step) : 0,
      ...(step && packing
        ? {
            packing,
            weightBytesByPacking: Object.fromEntries(
              WEIGHT_PACKINGS.map((p) => [p, stepWeightBytes(step, p)]),
            ) as Record<WeightPacking, number>,
          }
        : {}),
      liveBytes: step && main ? (plan.steps[step.index]?.liveBytes ?? 0) : 0,
      peak: step !== undefined && main && step.index === plan.peakStep,
    };
  });
}

/** Budget of a measured model on one chip; the figures are measured once and reused for every chip. */
export function budgetFor(input: BudgetInput, chipOrId: string | Chip, manifest?: FirmwareManifest): Budget {
  const chip = typeof chipOrId === 'string' ? getChip(chipOrId) : chipOrId;
  return estimateBudget(input, chip, manifest ? findBuild(manifest, chip.id) : undefined);
}

/** Analyze → plan → budget: every figure of the gauge and of `minnow inspect`, from one function. */
export function inspectModel(raw: unknown, options: InspectOptions = {}): InspectReport {
  const model = analyzeModel(raw);
  const plan = planModel(model);
  const exact = options.blobBytes === undefined ? exactBlobBytes(model, plan) : undefined;
  const blobBytes = options.blobBytes ?? exact;
  const input = budgetInput(plan, blobBytes);
  // A caller's blob may hold a test vector: the saving compares blobs laid out alike.
  const saved = packingSavedBytes(model, plan, exact);
  const base = {
    name: model.name,
    params: model.paramCount,
    macs: model.macs,
    layers: layerReports(model, plan),
    memory: {
      arenaBytes: plan.arenaBytes,
      lowerBoundBytes: plan.lowerBoundBytes,
      weightsBytes: input.weightsBytes,
      blobBytes: input.blobBytes,
      blobIsEstimate: blobBytes === undefined,
      int8BlobBytes: input.blobBytes + saved,
      packingSavedBytes: saved,
    },
  };
  if (options.chip === undefined) return base;
  const budget = budgetFor(input, options.chip, options.manifest);
  return {
    ...base,
    chip: {
      id: budget.chipId,
      name: budget.chipName,
      ram: budget.ram,
      flash: budget.flash,
      latencyMs: budget.latencyMs,
      latencyIsEstimate: budget.latencyIsEstimate,
    },
    verdict: budget.verdict,
    reasons: budget.reasons,
  };
}
