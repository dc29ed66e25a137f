import shipped from 'virtual:minnow-firmware-manifest';
import { parseManifest, type FirmwareManifest } from '../../core/firmware/manifest.ts';

// The manifest ships with the app (public/firmware/); bundling it keeps the gauge's firmware sizes offline.
function load(raw: unknown): FirmwareManifest | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    return parseManifest(raw);
  } catch {
    // A broken manifest only loses the measured firmware sizes: the catalog's estimates apply.
    return undefined;
  }
}

export const SHIPPED_MANIFEST: FirmwareManifest | undefined = load(shipped);
