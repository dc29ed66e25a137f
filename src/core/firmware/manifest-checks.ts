import { getChip } from '../chips/catalog.ts';
import { APP_ALIGN, DATA_ALIGN } from '../chips/layout.ts';
import type { FileRole, FirmwareBuild, FirmwareManifest } from './manifest-schema.ts';
import { flashSizeBytes } from './manifest-schema.ts';

const REQUIRED: readonly FileRole[] = ['bootloader', 'partition-table', 'app'];
const hex = (n: number): string => `0x${n.toString(16)}`;

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

/** What the schema cannot say about one build: roles, alignment, overlaps, sizes. First problem or undefined. */
function buildProblem(b: FirmwareBuild): string | undefined {
  const roles = b.files.map((f) => f.role);
  const twice = roles.find((r, i) => roles.indexOf(r) !== i);
  if (twice) return `two "${twice}" files`;
  const missing = REQUIRED.find((r) => !roles.includes(r));
  if (missing) return `no "${missing}" file`;
  for (const f of b.files) {
    const align = f.role === 'app' ? APP_ALIGN : DATA_ALIGN;
    if (f.offset % align !== 0)
      return `the ${f.role} offset ${hex(f.offset)} is not a multiple of ${hex(align)}`;
  }
  const app = b.files.find((f) => f.role === 'app');
  if (app && app.size !== b.appBytes)
    return `appBytes ${b.appBytes} differs from the app file's size ${app.size}`;
  const { offset, size } = b.modelPartition;
  if (offset % DATA_ALIGN !== 0 || size % DATA_ALIGN !== 0) {
    return `the model partition (${hex(offset)}, ${hex(size)}) is not aligned to ${hex(DATA_ALIGN)}`;
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
  const expected = catalogBootloader(b.chip);
  const bootloader = b.files.find((f) => f.role === 'bootloader');
  if (expected !== undefined && bootloader && bootloader.offset !== expected) {
    return `the ${b.chip} ROM loads the bootloader from ${hex(expected)}, not ${hex(bootloader.offset)}`;
  }
  return undefined;
}

/** Cross-field rules of a schema-valid manifest; returns the first problem with its location. */
export function manifestProblem(m: FirmwareManifest): string | undefined {
  if (new Set(m.blobVersions).size !== m.blobVersions.length)
    return 'blobVersions: a version is listed twice';
  const chips = m.builds.map((b) => b.chip);
  const dup = chips.find((c, i) => chips.indexOf(c) !== i);
  if (dup) return `builds: two builds for chip "${dup}"`;
  for (const [i, b] of m.builds.entries()) {
    const problem = buildProblem(b);
    if (problem) return `builds.${i} (${b.chip}): ${problem}`;
  }
  return undefined;
}
