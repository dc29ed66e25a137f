import { useState, type ChangeEvent } from 'react';
import { isMinnowError, type MinnowError } from '../../core/errors.ts';
import type { FirmwareImage } from '../../device/firmware-image.ts';
import { imageFromFlasherArgs } from '../../device/flasher-args.ts';
import { ErrorNote } from '../common/ErrorNote.tsx';

async function readPicked(list: FileList): Promise<FirmwareImage> {
  const files = [...list];
  const args = files.find((f) => f.name === 'flasher_args.json');
  const bins = new Map<string, Uint8Array>();
  for (const f of files.filter((f) => f.name.endsWith('.bin'))) {
    bins.set(f.webkitRelativePath || f.name, new Uint8Array(await f.arrayBuffer()));
  }
  return imageFromFlasherArgs(args ? await args.text() : '', bins);
}

/** "Use my own firmware build": the ESP-IDF build folder, or flasher_args.json and its .bin files. */
export function OwnBuildPicker({ onImage }: { onImage: (image: FirmwareImage | undefined) => void }) {
  const [error, setError] = useState<MinnowError>();
  const [picked, setPicked] = useState<string>();
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files;
    if (!list?.length) return;
    readPicked(list).then(
      (image) => {
        setError(undefined);
        setPicked(`${image.chip}: ${image.files.map((f) => f.name).join(', ')}`);
        onImage(image);
      },
      (err: unknown) => {
        if (!isMinnowError(err)) throw err;
        setError(err);
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
        or flasher_args.json and the .bin files{' '}
        <input type="file" multiple accept=".json,.bin" onChange={onPick} />
      </label>
      {picked && <p className="muted">Using {picked}</p>}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
