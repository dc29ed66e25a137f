import { getChip } from '../chips/catalog.ts';
import { MinnowError } from '../errors.ts';
import { MAX_CHIP_REVISION, type FirmwareBuild, type FirmwareManifest } from './manifest-schema.ts';

export interface RevisionRange {
  readonly min: number;
  readonly max: number;
}

const ANY: RevisionRange = { min: 0, max: MAX_CHIP_REVISION };

/** A build's chipRevision; an absent one serves every revision (M-6). */
export function revisionRange(build: Pick<FirmwareBuild, 'chipRevision'>): RevisionRange {
  return build.chipRevision ?? ANY;
}

/** 301 → "v3.1" (ESP-IDF writes revisions as major*100+minor, as in min_chip_rev_full). */
export function revisionName(revision: number): string {
  return `v${Math.floor(revision / 100)}.${revision % 100}`;
}

export function revisionLabel(range: RevisionRange): string {
  if (range.min === 0 && range.max === MAX_CHIP_REVISION) return 'any revision';
  if (range.max === MAX_CHIP_REVISION) return `${revisionName(range.min)} and later`;
  return `${revisionName(range.min)} to ${revisionName(range.max)}`;
}

/**
 * The revision in esptool-js's chip description. esptool-js 0.7 writes "(revision v3.1)" for the S2, S3, C3,
 * H2 and P4, but "(revision 3)" for the ESP32 (its major version only) and for the ESP32-C6 (its minor version
 * only, eFuse BLOCK1 bits 114–116): those two need their eFuses read to be exact (src/device/esp-link.ts).
 * Returns major and, when the text has one, minor; undefined when there is no revision to read.
 */
export function parseDescribedRevision(description: string): { major: number; minor?: number } | undefined {
  const match = /\(revision v?(\d{1,3})(?:\.(\d{1,2}))?\)/i.exec(description);
  if (!match) return undefined;
  const major = Number(match[1]);
  return match[2] === undefined ? { major } : { major, minor: Number(match[2]) };
}

/** "ESP32-C3" from the catalog; the id itself for a chip the catalog does not know. */
function chipName(chip: string): string {
  try {
    return getChip(chip).name;
  } catch {
    return chip;
  }
}

/**
 * The build of `chip` that serves `revision` (M-7 makes it unique). With no build for the chip, undefined; with
 * builds, none of which serves the revision, NO_BUILD_FOR_REVISION. An unknown revision takes the build that
 * serves every revision, or the only one.
 */
export function pickBuild(
  manifest: FirmwareManifest,
  chip: string,
  revision: number | undefined,
): FirmwareBuild | undefined {
  const builds = manifest.builds.filter((b) => b.chip === chip);
  if (builds.length === 0) return undefined;
  const found =
    revision === undefined
      ? (builds.find((b) => b.chipRevision === undefined) ?? (builds.length === 1 ? builds[0] : undefined))
      : builds.find((b) => revision >= revisionRange(b).min && revision <= revisionRange(b).max);
  if (found) return found;
  throw new MinnowError('NO_BUILD_FOR_REVISION', {
    chip: chipName(chip),
    revision: revision === undefined ? 'unknown' : revisionName(revision),
    ranges: builds.map((b) => revisionLabel(revisionRange(b))).join(', '),
  });
}
