import { useState, type ChangeEvent } from 'react';
import { isMinnowError, type MinnowError } from '../../core/errors.ts';
import { chipLabel } from '../../device/chip-names.ts';
import type { FirmwareImage } from '../../device/firmware-image.ts';
import { imageFromPicked } from '../../device/own-build.ts';
import { ErrorNote } from '../common/ErrorNote.tsx';

async function readPicked(list: FileList): Promise<FirmwareImage> {
  const files = [...list].filter((f) => f.name === 'flasher_args.json' || f.name.endsWith('.bin'));
  return imageFromPicked(
    await Promise.all(
      files.map(async (f) => ({
        path: f.webkitRelativePath || f.name,
        data: new Uint8Array(await f.arrayBuffer()),
      })),
    ),
  );
}

/**
 * "Use my own firmware build": the ESP-IDF build folder, flasher_args.json and its .bin files, or one merged
 * .bin (`esptool.py merge_bin`). Each is checked on pick; the chip and the board's flash are checked again
 * when flashing, before anything is written.
 */
export function OwnBuildPicker({ onImage }: { onImage: (image: FirmwareImage | undefined) => void }) {
  const [error, setError] = useState<MinnowError>();
  const [picked, setPicked] = useState<string>();
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files;
    if (!list?.length) return;
    readPicked(list).then(
      (image) => {
        setError(undefined);
        const size = image.flashSize ? `, built for ${image.flashSize} of flash` : '';
        setPicked(`${chipLabel(image.chip)}${size}: ${image.files.map((f) => f.name).join(', ')}`);
        onImage(image);
      },
      (err: unknown) => {
        if (!isMinnowError(err)) throw err;
        setError(err);
        setPicked(undefined);
        onImage(undefined);
      },
    );
  };
  const folder = { webkitdirectory: '' } as Record<string, string>;
  return (
    <div className="own-build">
      <label>
        ESP-IDF build folder <input type="file" {...folder} onChange={onPick} />
      </label>
      <label>
        or flasher_args.json and the .bin files, or one merged .bin{' '}
        <input type="file" multiple accept=".json,.bin" onChange={onPick} />
      </label>
      {picked && <p className="muted">Using {picked}</p>}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
