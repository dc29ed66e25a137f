import { useEffect, useState } from 'react';
import { parseManifest, type FirmwareManifest } from '../../core/firmware/manifest.ts';
import { SHIPPED_MANIFEST } from '../budget/manifest.ts';

/** The firmware list served beside the app (it may be newer than the bundled one); the bundled one offline. */
export function useFirmwareManifest(base: string): FirmwareManifest | undefined {
  const [manifest, setManifest] = useState(SHIPPED_MANIFEST);
  useEffect(() => {
    let live = true;
    fetch(`${base}manifest.json`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((raw: unknown) => live && setManifest(parseManifest(raw)))
      .catch(() => {
        // Offline or a broken file: the bundled manifest stays.
      });
    return () => {
      live = false;
    };
  }, [base]);
  return manifest;
}
