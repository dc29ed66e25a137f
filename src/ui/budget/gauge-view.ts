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
  readonly ram: BarView;
  readonly flash: BarView;
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

/** What the budget gauge shows, computed from the same report as `minnow inspect --json`. */
export function gaugeView(report: ChipReport): GaugeView {
  const { chip, memory } = report;
  const { ram, flash } = chip;
  const saving = describePackingSaving(memory);
  const partition =
    flash.partitionBytes === null
      ? 'linked into the program'
      : `partition ${formatBytes(flash.partitionBytes)}`;
  return {
    chipId: chip.id,
    chipName: chip.name,
    verdict: { code: report.verdict, ...VERDICT_LABELS[report.verdict] },
    ram: {
      ...bar('RAM', ram.needBytes, ram.availableBytes, ram.fits, [
        segment('arena', 'Arena', ram.parts.arena),
        segment('interpreter', 'Interpreter', ram.parts.interpreter),
        segment('io', 'I/O', ram.parts.io),
      ]),
      note: `${ram.placement === 'psram' ? 'arena in PSRAM' : 'internal RAM'}${ram.availableIsEstimate ? ', available figure estimated' : ''}`,
    },
    flash: {
      ...bar('Flash', flash.needBytes, flash.availableBytes, flash.fits, [
        segment('firmware', 'Firmware', flash.parts.firmware),
        segment('model', 'Model', flash.parts.model),
      ]),
      note: `model ${partition}${flash.firmwareIsEstimate ? ', firmware size estimated' : ''}`,
    },
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
