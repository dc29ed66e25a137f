/**
 * The ESP-IDF project of the firmware (firmware-template/, without the host build), bundled as text and
 * loaded only when a project download is asked for.
 */
const files = import.meta.glob(
  [
    '/firmware-template/*',
    '/firmware-template/main/**',
    '/firmware-template/components/**',
    '!/firmware-template/**/build*/**',
  ],
  { query: '?raw', import: 'default' },
) as Record<string, () => Promise<string>>;

export interface TemplateFile {
  /** Path inside firmware-template/. */
  readonly path: string;
  readonly text: string;
}

export async function loadTemplate(): Promise<TemplateFile[]> {
  const entries = await Promise.all(
    Object.entries(files).map(async ([key, load]) => ({
      path: key.replace(/^\/firmware-template\//, ''),
      text: await load(),
    })),
  );
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}
