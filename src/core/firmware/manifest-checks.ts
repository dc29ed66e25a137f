import { buildProblem } from './build-checks.ts';
import { revisionLabel, revisionRange } from './revisions.ts';
import type { FirmwareBuild, FirmwareManifest } from './manifest-schema.ts';

/** M-7: two builds of one chip whose revision ranges share a revision (an absent range covers all). */
function overlappingBuilds(builds: readonly FirmwareBuild[]): string | undefined {
  for (const [i, a] of builds.entries()) {
    for (const b of builds.slice(i + 1)) {
      if (a.chip !== b.chip) continue;
      const [ra, rb] = [revisionRange(a), revisionRange(b)];
      if (ra.min <= rb.max && rb.min <= ra.max) {
        return `builds: two builds for chip "${a.chip}" serve the same revisions (${revisionLabel(ra)} and ${revisionLabel(rb)})`;
      }
    }
  }
  return undefined;
}

/** Cross-field rules of a schema-valid manifest; returns the first problem with its location. */
export function manifestProblem(m: FirmwareManifest): string | undefined {
  if (new Set(m.blobVersions).size !== m.blobVersions.length)
    return 'blobVersions: a version is listed twice';
  const overlap = overlappingBuilds(m.builds);
  if (overlap) return overlap;
  for (const [i, b] of m.builds.entries()) {
    const problem = buildProblem(b);
    if (problem) return `builds.${i} (${b.chip}): ${problem}`;
  }
  return undefined;
}
