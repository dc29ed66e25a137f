import type { ImportFile } from '../../core/import/index.ts';

/** Keys only a tfjs / Keras model.json has (a Minnow project or model file never does). */
const FOREIGN_MODEL = /"(modelTopology|weightsManifest|model_config)"/;

/** Whether the files are a model from another framework rather than a Minnow project or model file. */
export function isForeignModel(files: readonly File[], firstText: string | undefined): boolean {
  if (files.some((f) => /\.(tflite|bin)$/i.test(f.name))) return true;
  return firstText !== undefined && FOREIGN_MODEL.test(firstText);
}

export async function importFilesOf(files: readonly File[]): Promise<ImportFile[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** How the files are named in a notice: "model.json and 2 more files". */
export function filesLabel(files: readonly File[]): string {
  const main =
    files.find((f) => /(\.tflite|^model\.json)$/i.test(f.name)) ??
    files.find((f) => /\.json$/i.test(f.name)) ??
    files[0];
  const rest = files.length - 1;
  return rest > 0
    ? `${main?.name ?? 'the files'} and ${rest} more file${rest === 1 ? '' : 's'}`
    : (main?.name ?? '');
}
