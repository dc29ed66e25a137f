/** Human units for figures shown to people; KB means 1024 bytes, as in every MCU datasheet. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

// One formatter for every call: toLocaleString builds a new one each time, which a 200-row table feels.
const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** A flash address or offset as esptool and the docs write it: "0x100000". */
export function formatHex(n: number): string {
  return `0x${n.toString(16)}`;
}
