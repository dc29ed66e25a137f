import { getChip } from '../chips/catalog.ts';
import { APP_ALIGN, DATA_ALIGN } from '../chips/layout.ts';
import { PARTITION_TABLE_OFFSET } from '../blob/partition-table.ts';
import type { FileRole, FirmwareBuild } from './manifest-schema.ts';
import { flashSizeBytes } from './manifest-schema.ts';
import { formatHex } from '../units.ts';

/** Roles each flavour must have (M-8, M-9) and may have besides. */
const ROLES: Record<FirmwareBuild['flavour'], { required: FileRole[]; optional: FileRole[] }> = {
  'esp-idf': { required: ['bootloader', 'partition-table', 'app'], optional: ['otadata'] },
  'bare-metal': { required: ['image'], optional: ['partition-table'] },
};

interface Region {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

function firstOverlap(regions: readonly Region[]): [Region, Region] | undefined {
  const sorted = [...regions].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as Region;
    const next = sorted[i] as Region;
    if (prev.offset + prev.size > next.offset) return [prev, next];
  }
  return undefined;
}

function catalogBootloader(chipId: string): number | undefined {
  try {
    return getChip(chipId).bootloaderOffset?.value;
  } catch {
    return undefined; // a chip newer than this catalog: nothing to compare with
  }
}

/** M-8, M-9: the roles of the build's flavour, each once. */
function roleProblem(b: FirmwareBuild): string | undefined {
  const roles = b.files.map((f) => f.role);
  const twice = roles.find((r, i) => roles.indexOf(r) !== i);
  if (twice) return `two "${twice}" files`;
  const { required, optional } = ROLES[b.flavour];
  const missing = required.find((r) => !roles.includes(r));
  if (missing) return `no "${missing}" file`;
  const foreign = roles.find((r) => !required.includes(r) && !optional.includes(r));
  if (foreign) return `a ${b.flavour} build has no "${foreign}" file`;
  if (b.flavour === 'esp-idf' && b.idfVersion === undefined) return 'an esp-idf build needs its idfVersion';
  return undefined;
}

/** M-9, M-10, M-12: where the flavour's files sit, and appBytes. */
function placementProblem(b: FirmwareBuild): string | undefined {
  for (const f of b.files) {
    const align = f.role === 'app' ? APP_ALIGN : DATA_ALIGN;
    if (f.offset % align !== 0)
      return `the ${f.role} offset ${formatHex(f.offset)} is not a multiple of ${formatHex(align)}`;
  }
  const main = b.files.find((f) => f.role === (b.flavour === 'bare-metal' ? 'image' : 'app'));
  if (main && main.size !== b.appBytes)
    return `appBytes ${b.appBytes} differs from the ${main.role} file's size ${main.size}`;
  if (b.flavour === 'bare-metal') {
    const table = b.files.find((f) => f.role === 'partition-table');
    if (main && main.offset !== 0)
      return `the ROM loads a bare-metal image from 0x0, not ${formatHex(main.offset)}`;
    if (table && table.offset !== PARTITION_TABLE_OFFSET)
      return `the partition table belongs at 0x8000, not ${formatHex(table.offset)}`;
    if (table && main && main.size > PARTITION_TABLE_OFFSET)
      return `the image ends at ${formatHex(main.size)}, past the partition table at 0x8000`;
    return undefined;
  }
  const expected = catalogBootloader(b.chip);
  const bootloader = b.files.find((f) => f.role === 'bootloader');
  if (expected !== undefined && bootloader && bootloader.offset !== expected) {
    return `the ${b.chip} ROM loads the bootloader from ${formatHex(expected)}, not ${formatHex(bootloader.offset)}`;
  }
  return undefined;
}

/** M-11: the model partition aligned, everything inside the flash, nothing overlapping. */
function layoutProblem(b: FirmwareBuild): string | undefined {
  const { offset, size } = b.modelPartition;
  if (offset % DATA_ALIGN !== 0 || size % DATA_ALIGN !== 0) {
    return `the model partition (${formatHex(offset)}, ${formatHex(size)}) is not aligned to ${formatHex(DATA_ALIGN)}`;
  }
  const regions: Region[] = [
    ...b.files.map((f) => ({ name: `the ${f.role} file`, offset: f.offset, size: f.size })),
    { name: 'the model partition', offset, size },
  ];
  const flash = flashSizeBytes(b.flashSize);
  const outside = regions.find((r) => r.offset + r.size > flash);
  if (outside) return `${outside.name} ends past the ${b.flashSize} flash`;
  const overlap = firstOverlap(regions);
  if (overlap) return `${overlap[0].name} overlaps ${overlap[1].name}`;
  return undefined;
}

/** What the schema cannot say about one build; the first problem or undefined. */
export function buildProblem(b: FirmwareBuild): string | undefined {
  return roleProblem(b) ?? placementProblem(b) ?? layoutProblem(b);
}
