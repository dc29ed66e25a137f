import { useState } from 'react';
import { MinnowError } from '../../core/errors.ts';
import { findBuild, type FirmwareManifest } from '../../core/firmware/manifest.ts';
import { firmwareChip } from '../../device/chip-names.ts';
import { blobFile, flashInstructions, headerFile, projectZip } from '../../device/downloads.ts';
import type { FirmwareImage } from '../../device/firmware-image.ts';
import { loadTemplate } from '../../device/template-files.ts';
import { saveFile } from './save-file.ts';

const NO_WEBSERIAL = new MinnowError('NO_WEBSERIAL');

interface Props {
  readonly blob?: Uint8Array;
  readonly chipId: string;
  readonly manifest?: FirmwareManifest;
  readonly firmwareBase: string;
}

/** Where Web Serial is missing: the files to flash with esptool.py, and the command that does it. */
export function NoSerialDownloads({ blob, chipId, manifest, firmwareBase }: Props) {
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
    <div className="no-serial">
      <p>
        <strong>E{NO_WEBSERIAL.code}</strong> {NO_WEBSERIAL.message} {NO_WEBSERIAL.hint}
      </p>
      <div className="device-row">
        <button type="button" disabled={!blob} onClick={() => blob && saveFile(blobFile(blob))}>
          Model blob (model.bin)
        </button>
        <button type="button" disabled={!blob} onClick={() => blob && saveFile(headerFile(blob))}>
          model_data.h
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
