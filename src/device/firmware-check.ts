import { MinnowError } from '../core/errors.ts';
import type { FirmwareManifest, Flavour } from '../core/firmware/manifest.ts';
import { findBuild } from '../core/firmware/manifest.ts';
import type { BoardInfo } from '../core/protocol/index.ts';

/** What a firmware should report in its `info`. */
export interface ExpectedFirmware {
  readonly version?: string;
  readonly flavour?: Flavour;
}

const describe = (version: string | undefined, flavour: string | undefined) =>
  [version ? `firmware v${version}` : 'the firmware', flavour ? `(${flavour})` : '']
    .filter(Boolean)
    .join(' ');

/**
 * FIRMWARE_DIFFERS when the board's `info` names another firmware version or flavour than expected; undefined
 * when it matches or there is nothing to compare: a firmware older than P-11's flavour reports none, and the
 * "host" flavour (the virtual board of firmware-template/host) runs the same C sources in place of either.
 */
export function firmwareDifference(
  info: Pick<BoardInfo, 'firmwareVersion' | 'flavour'>,
  expected: ExpectedFirmware,
): MinnowError | undefined {
  const versionDiffers = expected.version !== undefined && info.firmwareVersion !== expected.version;
  const flavourDiffers =
    expected.flavour !== undefined &&
    !['', 'host'].includes(info.flavour) &&
    info.flavour !== expected.flavour;
  if (!versionDiffers && !flavourDiffers) return undefined;
  return new MinnowError('FIRMWARE_DIFFERS', {
    actual: describe(info.firmwareVersion, info.flavour || undefined),
    expected: describe(expected.version, expected.flavour),
  });
}

/** What the manifest promises for a board that reports `info` (its chip's build), or undefined without one. */
export function manifestPromise(manifest: FirmwareManifest, chip: string): ExpectedFirmware | undefined {
  const build = findBuild(manifest, chip);
  if (!build) return undefined;
  const flavours = new Set(manifest.builds.filter((b) => b.chip === chip).map((b) => b.flavour));
  return {
    version: manifest.firmwareVersion,
    ...(flavours.size === 1 ? { flavour: build.flavour } : {}),
  };
}
