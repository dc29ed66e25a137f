import type { Suggestion } from '../../core/budget/suggest-types.ts';
import { describePackingSaving } from '../../core/inspect/packing-saving.ts';
import type { InspectReport } from '../../core/inspect/report.ts';
import { formatShape } from '../../core/model/types.ts';
import { formatBytes, formatCount, formatMs } from '../../core/units.ts';
import { renderTable } from '../table.ts';

function layerTable(report: InspectReport): string {
  const rows = report.layers.map((l) => [
    l.peak ? `${l.id} *` : l.id,
    l.type,
    formatShape(l.outputShape),
    formatCount(l.params),
    formatCount(l.macs),
    l.packing ?? '-',
    l.weightBytes ? formatBytes(l.weightBytes) : '-',
    l.liveBytes ? formatBytes(l.liveBytes) : '-',
  ]);
  return renderTable(['layer', 'type', 'output', 'params', 'MACs', 'packing', 'flash', 'live RAM'], rows);
}

function chipSection(report: InspectReport): string[] {
  const chip = report.chip;
  if (!chip) return [];
  const est = (flag: boolean) => (flag ? ' (estimate)' : '');
  return [
    '',
    `On ${chip.name} (${chip.id}):`,
    `  RAM    ${formatBytes(chip.ram.needBytes)} of ${formatBytes(chip.ram.availableBytes)}${est(chip.ram.availableIsEstimate)}` +
      ` — arena ${formatBytes(chip.ram.parts.arena)}, interpreter ${formatBytes(chip.ram.parts.interpreter)}, I/O ${formatBytes(chip.ram.parts.io)}`,
    `  flash  ${formatBytes(chip.flash.needBytes)} of ${formatBytes(chip.flash.availableBytes)}` +
      ` — firmware ${formatBytes(chip.flash.parts.firmware)}${est(chip.flash.firmwareIsEstimate)}, model ${formatBytes(chip.flash.parts.model)}` +
      (chip.flash.partitionBytes === null ? '' : ` (partition ${formatBytes(chip.flash.partitionBytes)})`),
    `  time   ${formatMs(chip.latencyMs)} per inference${est(chip.latencyIsEstimate)}`,
    `  verdict: ${report.verdict}`,
    ...(report.reasons ?? []).map((r) => `  - ${r}`),
  ];
}

/** The human-readable form of `minnow inspect`. */
export function renderInspect(report: InspectReport, suggestions: readonly Suggestion[]): string {
  const m = report.memory;
  const saving = describePackingSaving(m);
  const lines = [
    `${report.name}: ${formatCount(report.params)} params, ${formatCount(report.macs)} MACs`,
    '',
    layerTable(report).trimEnd(),
    '* the step where the arena peaks',
    '',
    `arena ${formatBytes(m.arenaBytes)} (lower bound without in-place reuse ${formatBytes(m.lowerBoundBytes)}); ` +
      `weights ${formatBytes(m.weightsBytes)} in flash; blob ${formatBytes(m.blobBytes)}`,
    ...(saving ? [`${saving}: the blob with int8 weights would take ${formatBytes(m.int8BlobBytes)}.`] : []),
    ...chipSection(report),
    ...(suggestions.length > 0
      ? ['', 'To make it fit:', ...suggestions.map((s) => `  - ${s.description}`)]
      : []),
  ];
  return lines.join('\n') + '\n';
}
