import { MinnowError } from '../errors.ts';
import { declaredVersion, firstIssue } from '../versioned.ts';
import { manifestProblem } from './manifest-checks.ts';
import { manifestSchema, type FirmwareBuild, type FirmwareManifest } from './manifest-schema.ts';
import { parseJsonText } from '../json-text.ts';

export type {
  ChipRevisionRange,
  FileRole,
  FirmwareBuild,
  FirmwareFile,
  FirmwareManifest,
  Flavour,
} from './manifest-schema.ts';
export { FILE_ROLES, FLASH_SIZES, FLAVOURS, flashSizeBytes } from './manifest-schema.ts';
export {
  parseDescribedRevision,
  pickBuild,
  revisionLabel,
  revisionName,
  revisionRange,
  type RevisionRange,
} from './revisions.ts';

/** Checks a parsed public/firmware/manifest.json (docs/MANIFEST.md) and returns it typed, or a coded error. */
export function parseManifest(raw: unknown): FirmwareManifest {
  const version = declaredVersion(raw);
  if (version !== undefined && version !== 1) throw new MinnowError('MANIFEST_VERSION', { version });
  const result = manifestSchema.safeParse(raw);
  if (!result.success) {
    const { path, message } = firstIssue(result.error);
    throw new MinnowError('MANIFEST_INVALID', { detail: `${path}: ${message}` });
  }
  const problem = manifestProblem(result.data);
  if (problem) throw new MinnowError('MANIFEST_INVALID', { detail: problem });
  return result.data;
}

/** Parses the manifest's JSON text. */
export function parseManifestJson(text: string): FirmwareManifest {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (e) {
    throw new MinnowError('MANIFEST_INVALID', { detail: `not JSON (${(e as Error).message})` });
  }
  return parseManifest(raw);
}

/** A build for a chip, if the firmware pipeline produced one (the first; pickBuild chooses by revision). */
export function findBuild(manifest: FirmwareManifest, chipId: string): FirmwareBuild | undefined {
  return manifest.builds.find((b) => b.chip === chipId);
}
