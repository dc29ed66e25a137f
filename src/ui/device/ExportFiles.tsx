import { useState } from 'react';
import { findBuild, type FirmwareManifest } from '../../core/firmware/manifest.ts';
import { firmwareChip } from '../../device/chip-names.ts';
import {
  blobFile,
  flashInstructions,
  headerFile,
  HEADER_FILE,
  MODEL_FILE,
  projectZip,
} from '../../device/downloads.ts';
import type { FirmwareImage } from '../../device/firmware-image.ts';
import { loadTemplate } from '../../device/template-files.ts';
import { saveFile } from './save-file.ts';

export interface ExportFilesProps {
  readonly blob?: Uint8Array;
  readonly chipId: string;
  readonly manifest?: FirmwareManifest;
  readonly firmwareBase: string;
}

/** Every export, in any browser: the blob, the C header, the ESP-IDF project, the firmware, the esptool line. */
export function ExportFiles({ blob, chipId, manifest, firmwareBase }: ExportFilesProps) {
  const [zipping, setZipping] = useState(false);
  const chip = firmwareChip(chipId);
  const build = manifest && findBuild(manifest, chip);
  // The command only needs names and offsets, not the bytes.
  const image: FirmwareImage | undefined = build && {
    chip,
    source: 'manifest',
    modelPartition: build.modelPartition,
    files: build.files.map((f) => ({
      role: f.role,
      name: f.path,
      offset: f.offset,
      data: new Uint8Array(0),
    })),
  };
  const { note, command } = flashInstructions(chip, image);
  const zip = async () => {
    if (!blob) return;
    setZipping(true);
    try {
      saveFile(projectZip(blob, await loadTemplate(), chip));
    } finally {
      setZipping(false);
    }
  };
  return (
    <div className="export-files" data-testid="export-files">
      <div className="device-row">
        <button type="button" disabled={!blob} onClick={() => blob && saveFile(blobFile(blob))}>
          Model blob ({MODEL_FILE})
        </button>
        <button type="button" disabled={!blob} onClick={() => blob && saveFile(headerFile(blob))}>
          {HEADER_FILE}
        </button>
        <button type="button" disabled={!blob || zipping} onClick={() => void zip()}>
          ESP-IDF project with the model (.zip)
        </button>
      </div>
      {build && (
        <p>
          Firmware for {chip}:{' '}
          {build.files.map((f) => (
            <a key={f.path} href={`${firmwareBase}${f.path}`} download={f.path.split('/').pop()}>
              {f.path.split('/').pop()}{' '}
            </a>
          ))}
        </p>
      )}
      <p className="muted">{note}</p>
      <pre className="command">{command}</pre>
      <button type="button" className="small" onClick={() => void navigator.clipboard?.writeText(command)}>
        Copy the command
      </button>
    </div>
  );
}
