import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifestJson, type FirmwareManifest } from '../core/firmware/manifest.ts';

/** The firmware manifest shipped with the app, when present: it gives the real firmware size per chip. */
export function loadShippedManifest(): FirmwareManifest | undefined {
  const path = join(import.meta.dirname, '..', '..', 'public', 'firmware', 'manifest.json');
  return existsSync(path) ? parseManifestJson(readFileSync(path, 'utf8')) : undefined;
}
