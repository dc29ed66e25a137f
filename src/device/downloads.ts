import { cHeader } from '../core/blob/c-header.ts';
import { readBlob } from '../core/blob/reader.ts';
import { MODEL_OFFSET, MODEL_SIZE } from '../core/chips/layout.ts';
import { commandNote, esptoolCommand } from './esptool-command.ts';
import type { FirmwareImage } from './firmware-image.ts';
import type { ModelPartition } from './flash-plan.ts';
import type { TemplateFile } from './template-files.ts';
import { zipStore, type ZipEntry } from './zip.ts';

export interface DownloadFile {
  readonly name: string;
  readonly mime: string;
  readonly data: Uint8Array | string;
}

/** Where the Minnow firmware template puts the model partition (firmware-template/partitions.csv). */
export const TEMPLATE_MODEL_PARTITION: ModelPartition = { offset: MODEL_OFFSET, size: MODEL_SIZE };

/** The names every export, command, template and doc uses for the blob and its C header. */
export const MODEL_FILE = 'model.bin';
export const HEADER_FILE = 'model_data.h';

export function blobFile(blob: Uint8Array): DownloadFile {
  return { name: MODEL_FILE, mime: 'application/octet-stream', data: blob };
}

/** model_data.h (FORMAT F-80), for code that keeps the blob in a C array rather than a partition. */
export function headerFile(blob: Uint8Array): DownloadFile {
  return { name: HEADER_FILE, mime: 'text/x-c', data: cHeader(readBlob(blob)) };
}

const FLASH_MODEL = `
# Added by Minnow: "idf.py flash" also writes the model blob into the "model" partition.
esptool_py_flash_to_partition(flash "model" "\${CMAKE_SOURCE_DIR}/model/${MODEL_FILE}")
`;

/**
 * The firmware's ESP-IDF project with this model baked in: model/model.bin is flashed into the model partition
 * by "idf.py flash" (FACTS §B.3), and model/model_data.h comes along for projects of one's own.
 */
export function projectZip(blob: Uint8Array, template: readonly TemplateFile[], chip: string): DownloadFile {
  const name = readBlob(blob).header.name || 'model';
  const root = `minnow-${name.replace(/[^\w-]+/g, '-')}`;
  const files: ZipEntry[] = template.map((f) => ({
    path: `${root}/${f.path}`,
    data: f.path === 'main/CMakeLists.txt' ? `${f.text.trimEnd()}\n${FLASH_MODEL}` : f.text,
  }));
  const readme = [
    `# ${name} on the Minnow firmware`,
    '',
    'Build and flash with ESP-IDF v5.3 or newer:',
    '',
    '```',
    `idf.py set-target ${chip.split('-', 1)[0]}`,
    'idf.py build flash monitor',
    '```',
    '',
    `To replace only the model later: ${esptoolCommand(chip, [{ address: TEMPLATE_MODEL_PARTITION.offset, name: `model/${MODEL_FILE}` }])}`,
    '',
  ].join('\n');
  files.push(
    { path: `${root}/model/${MODEL_FILE}`, data: blob },
    { path: `${root}/model/model_data.h`, data: headerFile(blob).data },
    { path: `${root}/MINNOW.md`, data: readme },
  );
  return { name: `${root}.zip`, mime: 'application/zip', data: zipStore(files) };
}

export interface FlashInstructions {
  readonly note: string;
  readonly command: string;
}

/** The esptool.py line for the downloads: the firmware files as named in the manifest, then model.bin. */
export function flashInstructions(
  chip: string,
  image: FirmwareImage | undefined,
  partition = TEMPLATE_MODEL_PARTITION,
): FlashInstructions {
  const model = { address: image?.modelPartition.offset ?? partition.offset, name: MODEL_FILE };
  const files = [
    ...(image?.files ?? []).map((f) => ({ address: f.offset, name: f.name.split('/').pop() ?? f.name })),
    model,
  ];
  return { note: commandNote(chip, !image), command: esptoolCommand(chip, files) };
}
