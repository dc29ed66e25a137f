import type { DownloadFile } from '../../device/downloads.ts';

/** Hands a generated file to the browser's downloads. */
export function saveFile(file: DownloadFile): void {
  const part = typeof file.data === 'string' ? file.data : (file.data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}
