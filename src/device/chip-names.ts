/** esptool-js names chips "ESP32-C3"; the catalog and the manifest use ESP-IDF target ids ("esp32c3"). */
export function chipIdFromName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** "esp32c3" → "ESP32-C3", for messages. */
export function chipLabel(id: string): string {
  const [base = id, variant] = id.split('-', 2);
  const label = base.toUpperCase().replace(/^ESP32(?=[A-Z])/, 'ESP32-');
  return variant ? `${label} (${variant.toUpperCase()})` : label;
}

/**
 * Whether a detected chip is the selected one. Catalog variants such as "esp32s3-r8" (an S3 module with PSRAM)
 * are the same silicon as their base id.
 */
export function sameChip(selected: string, detected: string): boolean {
  return selected === detected || selected.startsWith(`${detected}-`);
}

/** The firmware build id for a catalog chip: variants run the base chip's firmware. */
export function firmwareChip(selected: string): string {
  return selected.split('-', 1)[0] ?? selected;
}
