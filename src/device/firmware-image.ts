import {
  pickBuild,
  type FileRole,
  type FirmwareBuild,
  type FirmwareManifest,
  type Flavour,
} from '../core/firmware/manifest.ts';
import { MinnowError } from '../core/errors.ts';
import { checkEspImage } from '../core/firmware/esp-image-reader.ts';
import { checkModelPartition } from './table-check.ts';

/** One binary to write: a manifest file, or a file of the user's own ESP-IDF build. */
export interface FirmwareFile {
  readonly role: FileRole | 'other';
  /** File name for progress lines and the esptool.py command. */
  readonly name: string;
  readonly offset: number;
  readonly data: Uint8Array;
}

/** Everything a full install writes besides the model, and where the model goes. */
export interface FirmwareImage {
  readonly chip: string;
  readonly source: 'manifest' | 'user';
  readonly files: readonly FirmwareFile[];
  readonly modelPartition: { readonly offset: number; readonly size: number };
  /** Firmware version of a manifest build; undefined for a user build. */
  readonly version?: string;
  /** Blob format versions the firmware reads, when the manifest says. */
  readonly blobVersions?: readonly number[];
  readonly flashSize?: string;
  /** How the firmware was built (docs/MANIFEST.md M-5); undefined for a user build, which is ESP-IDF's. */
  readonly flavour?: Flavour;
}

/** The firmware for the detected chip and its revision (major*100+minor, undefined when unknown). */
export type FirmwareFor = (chip: string, revision: number | undefined) => Promise<FirmwareImage | undefined>;

/** Reads one file of public/firmware/ (fetch in the page, fs in Node). */
export type FetchFile = (path: string) => Promise<Uint8Array>;

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches a manifest build's binaries and checks each one's size and SHA-256, and the manifest's model partition
 * against the build's own partition table, before anything is flashed.
 */
export async function loadManifestImage(
  manifest: FirmwareManifest,
  build: FirmwareBuild,
  fetchFile: FetchFile,
): Promise<FirmwareImage> {
  const files = await Promise.all(
    build.files.map(async (file) => {
      const fail = (detail: string) => new MinnowError('FIRMWARE_FILE_INVALID', { file: file.path, detail });
      let data: Uint8Array;
      try {
        data = await fetchFile(file.path);
      } catch (e) {
        throw fail(`it could not be fetched (${(e as Error).message})`);
      }
      if (data.length !== file.size)
        throw fail(`it has ${data.length} bytes, the manifest says ${file.size}`);
      if ((await sha256Hex(data)) !== file.sha256) throw fail('its SHA-256 differs from the manifest');
      // A bare-metal image is what the ROM itself loads: it must pass the ROM's checks (FACTS-C3C6 §1).
      if (file.role === 'image') checkEspImage(data, build.chip);
      return { role: file.role, name: file.path, offset: file.offset, data };
    }),
  );
  checkModelPartition(build.chip, files, build.modelPartition);
  return {
    chip: build.chip,
    source: 'manifest',
    files,
    modelPartition: build.modelPartition,
    version: manifest.firmwareVersion,
    blobVersions: manifest.blobVersions,
    flashSize: build.flashSize,
    flavour: build.flavour,
  };
}

/** Firmware from the manifest: the build for the chip and its revision (M-16), fetched and checked. */
export function manifestFirmware(manifest: FirmwareManifest, fetchFile: FetchFile): FirmwareFor {
  return async (chip, revision) => {
    const build = pickBuild(manifest, chip, revision);
    return build && loadManifestImage(manifest, build, fetchFile);
  };
}

/** fetch() relative to the page, for public/firmware/ as the app serves it. */
export function fetchFromBase(base: string): FetchFile {
  return async (path) => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
