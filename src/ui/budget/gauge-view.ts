import type { Verdict } from '../../core/budget/types.ts';
import { describePackingSaving } from '../../core/inspect/packing-saving.ts';
import { formatBytes, formatCount, formatMs } from '../../core/units.ts';
import type { ChipReport } from './inspection.ts';

export type Tone = 'ok' | 'warn' | 'bad';

export interface Segment {
  readonly key: string;
  readonly label: string;
  readonly bytes: number;
  readonly text: string;
}

export interface BarView {
  readonly label: string;
  readonly needBytes: number;
  readonly availableBytes: number;
  readonly fits: boolean;
  /** Need over available, for the bar's fill (may exceed 1). */
  readonly ratio: number;
  readonly segments: readonly Segment[];
  /** "2.3 KB of 81 KB". */
  readonly text: string;
  readonly note?: string;
}

export interface GaugeView {
  readonly chipId: string;
  readonly chipName: string;
  readonly verdict: { readonly code: Verdict; readonly label: string; readonly tone: Tone };
  /** When it does not fit: the failing figure against its limit, and where the fixes are. */
  readonly headline?: string;
  readonly ram: BarView;
  /** The flash outside the model partition (firmware), or the whole flash on an export-only target. */
  readonly flash: BarView;
  /** The model blob against the model partition it is judged against; absent on export-only targets. */
  readonly model?: BarView;
  /** What the layers' weight packings save in flash, when any layer is packed. */
  readonly packing?: { readonly savedBytes: number; readonly text: string };
  readonly latency: { readonly ms: number; readonly text: string; readonly isEstimate: boolean };
  readonly totals: readonly { readonly label: string; readonly value: number; readonly text: string }[];
  readonly reasons: readonly string[];
}

export const VERDICT_LABELS: Readonly<Record<Verdict, { label: string; tone: Tone }>> = {
  fits: { label: 'Fits', tone: 'ok' },
  'needs-psram': { label: 'Needs PSRAM', tone: 'warn' },
  'too-big-ram': { label: 'Too big for RAM', tone: 'bad' },
  'too-big-flash': { label: 'Too big for flash', tone: 'bad' },
};

const segment = (key: string, label: string, bytes: number): Segment => ({
  key,
  label,
  bytes,
  text: formatBytes(bytes),
});

function bar(label: string, need: number, available: number, fits: boolean, segments: Segment[]) {
  const ratio = available > 0 ? need / available : Infinity;
  return {
    label,
    needBytes: need,
    availableBytes: available,
    fits,
    ratio,
    segments,
    text: `${formatBytes(need)} of ${formatBytes(available)}`,
  };
}

/**
 * Flash as the verdict judges it: the blob against the model partition, which every model update rewrites,
 * and the firmware against the rest of the chip's flash. An export-only target links the model into the
 * program: one bar against the whole flash.
 */
function flashBars(report: ChipReport): Pick<GaugeView, 'flash' | 'model'> {
  const { flash } = report.chip;
  const estimated = flash.firmwareIsEstimate ? ', firmware size estimated' : '';
  if (flash.partitionBytes === null) {
    const whole = bar('Flash', flash.needBytes, flash.availableBytes, flash.fits, [
      segment('firmware', 'Firmware', flash.parts.firmware),
      segment('model', 'Model', flash.parts.model),
    ]);
    return { flash: { ...whole, note: `model linked into the program${estimated}` } };
  }
  const rest = flash.availableBytes - flash.partitionBytes;
  const model = bar(
    'Model',
    flash.parts.model,
    flash.partitionBytes,
    flash.parts.model <= flash.partitionBytes,
    [segment('model', 'Model blob', flash.parts.model)],
  );
  const firmware = bar('Firmware', flash.parts.firmware, rest, flash.parts.firmware <= rest, [
    segment('firmware', 'Firmware', flash.parts.firmware),
  ]);
  return {
    model: { ...model, note: 'the model partition, rewritten by every model update' },
    flash: {
      ...firmware,
      note: `the chip's ${formatBytes(flash.availableBytes)} of flash less the model partition${estimated}`,
    },
  };
}

const FIXES: Readonly<Record<Exclude<Verdict, 'fits'>, string>> = {
  'too-big-flash': 'Fixes below; or store weights as int4 or ternary (Inspector → Weights stored as).',
  'too-big-ram': 'Fixes below; or shrink the largest layer outputs with fewer filters, pooling or strides.',
  'needs-psram': 'Pick the PSRAM board named below, or shrink the largest layer outputs.',
};

/** The first failure, with its figures, and where to look for the fix. */
function headline(report: ChipReport): string {
  const fix = report.verdict === 'fits' ? '' : FIXES[report.verdict];
  return `${report.reasons[0] ?? ''} ${fix}`.trim();
}

/** What the budget gauge shows, computed from the same report as `minnow inspect --json`. */
export function gaugeView(report: ChipReport): GaugeView {
  const { chip, memory } = report;
  const { ram } = chip;
  const saving = describePackingSaving(memory);
  return {
    chipId: chip.id,
    chipName: chip.name,
    verdict: { code: report.verdict, ...VERDICT_LABELS[report.verdict] },
    ...(report.verdict === 'fits' ? {} : { headline: headline(report) }),
    ram: {
      ...bar('RAM', ram.needBytes, ram.availableBytes, ram.fits, [
        segment('arena', 'Arena', ram.parts.arena),
        segment('interpreter', 'Interpreter', ram.parts.interpreter),
        segment('io', 'I/O', ram.parts.io),
      ]),
      note: `${ram.placement === 'psram' ? 'arena in PSRAM' : 'internal RAM'}${ram.availableIsEstimate ? ', available figure estimated' : ''}`,
    },
    ...flashBars(report),
    ...(saving ? { packing: { savedBytes: memory.packingSavedBytes, text: saving } } : {}),
    latency: { ms: chip.latencyMs, text: formatMs(chip.latencyMs), isEstimate: chip.latencyIsEstimate },
    totals: [
      { label: 'Parameters', value: report.params, text: formatCount(report.params) },
      { label: 'MACs', value: report.macs, text: formatCount(report.macs) },
      { label: 'Arena', value: memory.arenaBytes, text: formatBytes(memory.arenaBytes) },
      { label: 'Weights (flash)', value: memory.weightsBytes, text: formatBytes(memory.weightsBytes) },
      {
        label: 'Blob',
        value: memory.blobBytes,
        text: `${memory.blobIsEstimate ? '≈ ' : ''}${formatBytes(memory.blobBytes)}`,
      },
    ],
    reasons: report.reasons,
  };
}
