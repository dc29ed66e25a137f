import { getChip } from '../../core/chips/catalog.ts';
import type { BoardInfo } from '../../core/protocol/index.ts';
import { chipLabel } from '../../device/chip-names.ts';
import { statusName } from '../../device/confirm.ts';
import { consoleName } from '../../device/port-advice.ts';
import { formatBytes } from './save-file.ts';

/** The catalog's clock for the board's chip, to stand beside the measured one. */
function catalogClock(chip: string): string {
  try {
    const figure = getChip(chip).clockMhz;
    return `catalog ${figure.value} MHz`;
  } catch {
    return 'not in the catalog';
  }
}

/**
 * What the firmware reports: chip, version and flavour, the console it answers on, its clock beside the
 * catalog's, heap and largest free block (the gauge uses these), the model.
 */
export function InfoCard({ info, onRefresh }: { info: BoardInfo; onRefresh: () => void }) {
  const m = info.model;
  return (
    <section className="device-card info-card" aria-label="Board info">
      <div className="device-row">
        <h3>{info.chip === 'host' ? 'Virtual board' : chipLabel(info.chip)}</h3>
        <button type="button" className="small" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      <dl className="device-facts">
        <dt>Firmware</dt>
        <dd>
          v{info.firmwareVersion} (protocol {info.protocolVersion}, blob versions {info.blobVersions.min}–
          {info.blobVersions.max}){info.flavour ? `, ${info.flavour}` : ''}
        </dd>
        <dt>Console</dt>
        <dd>{consoleName(info.console)}</dd>
        <dt>Clock</dt>
        <dd>
          {info.cpuMhz} MHz ({catalogClock(info.chip)})
        </dd>
        <dt>Free heap</dt>
        <dd>{formatBytes(info.freeHeap)}</dd>
        <dt>Largest free block</dt>
        <dd>{formatBytes(info.largestFreeBlock)}</dd>
        <dt>Model partition</dt>
        <dd>{formatBytes(info.partitionBytes)}</dd>
        <dt>Model</dt>
        <dd>
          {m
            ? `${m.name || '(unnamed)'} (CRC ${m.crc.toString(16).padStart(8, '0')}): ${formatBytes(m.blobBytes)}, arena ${formatBytes(m.arenaBytes)}, ${m.steps} ops`
            : 'none'}
          {info.modelStatus !== 0 && (
            <span className="bad"> — not ready: {statusName(info.modelStatus)}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
