import { useState, type ChangeEvent } from 'react';
import type { DataSource } from '../../train/worker/protocol.ts';
import { ImuDataHelp } from './ImuDataHelp.tsx';

async function fileSource(
  event: ChangeEvent<HTMLInputElement>,
  kind: 'csv' | 'imu-csv',
): Promise<DataSource | null> {
  const file = event.target.files?.[0];
  event.target.value = '';
  return file ? { kind, name: file.name, text: await file.text() } : null;
}

function folderSource(event: ChangeEvent<HTMLInputElement>): DataSource | null {
  const files = [...(event.target.files ?? [])].map((file) => ({
    path: file.webkitRelativePath || file.name,
    file,
  }));
  event.target.value = '';
  return { kind: 'images', files };
}

type BuiltIn = Extract<DataSource, { kind: 'mnist' | 'sine' | 'gestures' }>['kind'];

/** The built-in sets offered to a model whose input they fit. */
function builtIns(values: number, sequence: boolean): { kind: BuiltIn; name: string }[] {
  return [
    ...(values === 784 ? [{ kind: 'mnist' as const, name: 'MNIST digits' }] : []),
    ...(values === 1 ? [{ kind: 'sine' as const, name: 'Sine wave' }] : []),
    ...(sequence ? [{ kind: 'gestures' as const, name: 'Synthetic gestures (demo data)' }] : []),
  ];
}

/** Built-in data sets and uploads (CSV, IMU recordings, a folder of images) for models reading values. */
export function ValueSources({
  disabled,
  load,
  inputShape,
}: {
  disabled: boolean;
  load: (source: DataSource | null) => void;
  inputShape: readonly number[];
}) {
  const [label, setLabel] = useState('');
  const sequence = inputShape.length === 2;
  const values = inputShape.reduce((a, b) => a * b, 1);
  return (
    <>
      <div className="button-row">
        {builtIns(values, sequence).map(({ kind, name }) => (
          <button
            key={kind}
            type="button"
            disabled={disabled}
            data-testid={`load-${kind}`}
            onClick={() => load({ kind })}
          >
            {name}
          </button>
        ))}
      </div>
      <div className="upload-row">
        <label>
          CSV file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            disabled={disabled}
            onChange={(e) =>
              void fileSource(e, 'csv').then((s) =>
                load(s && s.kind === 'csv' && label ? { ...s, label } : s),
              )
            }
          />
        </label>
        <label>
          Label column
          <input
            type="text"
            value={label}
            placeholder="auto"
            size={8}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        {sequence && (
          <label>
            IMU recording (CSV)
            <input
              type="file"
              accept=".csv,.txt,text/csv"
              disabled={disabled}
              onChange={(e) => void fileSource(e, 'imu-csv').then(load)}
            />
          </label>
        )}
        <label>
          Image folder (one sub-folder per class)
          <input
            type="file"
            disabled={disabled}
            multiple
            {...{ webkitdirectory: '' }}
            onChange={(e) => load(folderSource(e))}
          />
        </label>
      </div>
      {sequence && <ImuDataHelp steps={inputShape[0] ?? 0} />}
    </>
  );
}
