import type { Chip } from '../../core/chips/types.ts';
import { MinnowError } from '../../core/errors.ts';
import type { FirmwareManifest } from '../../core/firmware/manifest.ts';
import { inspectModel, type InspectReport } from '../../core/inspect/report.ts';
import type { ModelSpec } from '../../core/model/types.ts';

export type ChipReport = InspectReport & Required<Pick<InspectReport, 'chip' | 'verdict' | 'reasons'>>;

export type Inspection =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly report: ChipReport }
  | { readonly status: 'error'; readonly error: MinnowError };

/** Every figure the gauge, the layer table and the canvas show, for one model on one chip (id, or measured). */
export function inspectSpec(spec: ModelSpec, chip: string | Chip, manifest?: FirmwareManifest): Inspection {
  if (spec.layers.length === 0) return { status: 'empty' };
  try {
    const report = inspectModel(spec, { chip, ...(manifest ? { manifest } : {}) });
    return { status: 'ok', report: report as ChipReport };
  } catch (e) {
    if (e instanceof MinnowError) return { status: 'error', error: e };
    throw e;
  }
}
