import { isEstimate } from '../chips/figure.ts';
import type { Chip, PsramVariant } from '../chips/types.ts';
import { formatBytes, formatMs } from '../units.ts';
import type { FlashBudget, RamBudget } from './types.ts';

const about = (estimate: boolean): string => (estimate ? 'about ' : '');

function reserveNote(ram: RamBudget): string {
  return ram.reservedBytes > 0
    ? `, after ${formatBytes(ram.reservedBytes)} for the firmware's own task and buffers`
    : '';
}

/** One line on RAM: the need, what it is made of, and what the chip offers. */
export function ramReason(ram: RamBudget, chip: Chip): string {
  const need = formatBytes(ram.needBytes);
  const avail = `${about(ram.availableIsEstimate)}${formatBytes(ram.availableBytes)}`;
  const detail = `arena ${formatBytes(ram.parts.arena)}, interpreter ${formatBytes(ram.parts.interpreter)}, I/O ${formatBytes(ram.parts.io)}`;
  if (ram.placement === 'psram') {
    const internal = formatBytes(chip.arenaBytes.value);
    return `RAM: ${need} (${detail}) is more than the internal block of ${internal}, so the arena goes to PSRAM (${avail} free there; slower than internal RAM).`;
  }
  if (!ram.fits) {
    return `The arena needs ${formatBytes(ram.parts.arena)} (${need} with interpreter state and I/O buffers) but the largest free block on ${chip.name} is ${avail}${reserveNote(ram)}.`;
  }
  return `RAM: ${need} needed (${detail}); the largest free block on ${chip.name} is ${avail}${reserveNote(ram)}.`;
}

/** The blob against its partition, then the whole image against the flash. */
export function flashReasons(flash: FlashBudget, chip: Chip, roomForPartition: number | null): string[] {
  const model = formatBytes(flash.parts.model);
  const firmware = `${about(flash.firmwareIsEstimate)}${formatBytes(flash.parts.firmware)}`;
  const lines: string[] = [];
  const part = flash.partitionBytes;
  if (part !== null && flash.parts.model > part) {
    const room =
      roomForPartition !== null && flash.parts.model <= roomForPartition
        ? ` The flash has room for a model partition of up to ${formatBytes(roomForPartition)}.`
        : '';
    lines.push(
      `The model blob needs ${model} but the model partition on ${chip.name} holds ${formatBytes(part)}.${room}`,
    );
  }
  if (flash.needBytes > flash.availableBytes) {
    lines.push(
      `Firmware (${firmware}) and model (${model}) need ${formatBytes(flash.needBytes)} but ${chip.name} has ${formatBytes(flash.availableBytes)} of flash.`,
    );
  }
  if (lines.length === 0) {
    const where =
      part !== null ? `of the ${formatBytes(part)} model partition` : `beside ${firmware} of program`;
    lines.push(
      `Flash: the model takes ${model} ${where}; ${formatBytes(flash.needBytes)} of ${formatBytes(flash.availableBytes)} in all.`,
    );
  }
  return lines;
}

export function weightsReason(weightsBytes: number): string {
  return `The weights (${formatBytes(weightsBytes)}) stay in flash and are read in place: they cost no RAM.`;
}

export function latencyReason(ms: number, isEstimate: boolean, chip: Chip): string {
  const label = isEstimate ? ' (an estimate until measured on a board)' : '';
  return `Latency: ${about(isEstimate)}${formatMs(ms)} per inference on ${chip.name}${label}.`;
}

export function exportOnlyReason(chip: Chip): string {
  return `There is no Minnow firmware for ${chip.name}: export the model as C and build it into your program.`;
}

export function variantReason(variant: PsramVariant): string {
  const id = variant.chipId ? ` (chip "${variant.chipId}")` : '';
  const room = `${about(isEstimate(variant.arenaBytes))}${formatBytes(variant.arenaBytes.value)}`;
  return `It would fit on ${variant.name}${id}: its PSRAM offers ${room} for the arena.`;
}
