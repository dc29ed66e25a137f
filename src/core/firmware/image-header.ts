/**
 * The first 24 bytes of an ESP image (esp_image_header_t, FACTS-C3C6 §1.1): what the ROM and the second-stage
 * bootloader read before loading it. Used to check, before writing, that a binary is an image for the chip.
 */
export const IMAGE_MAGIC = 0xe9;
export const IMAGE_HEADER_BYTES = 24;
/** Byte offsets inside the header (esp_image_header_t). */
export const IMAGE_HEADER = {
  magic: 0,
  segmentCount: 1,
  spiMode: 2,
  spiSpeedSize: 3,
  entry: 4,
  wpPin: 8,
  spiPinDrv: 9,
  chipId: 12,
  minChipRev: 14,
  minChipRevFull: 15,
  maxChipRevFull: 17,
  reserved: 19,
  hashAppended: 23,
} as const;

/**
 * esp_chip_id_t (ESP-IDF components/bootloader_support/include/esp_app_format.h, v5.5.1), the same numbers as
 * esptool's IMAGE_CHIP_ID per target.
 */
export const IMAGE_CHIP_IDS: Readonly<Record<string, number>> = {
  esp32: 0x0000,
  esp32s2: 0x0002,
  esp32c3: 0x0005,
  esp32s3: 0x0009,
  esp32c2: 0x000c,
  esp32c6: 0x000d,
  esp32h2: 0x0010,
  esp32p4: 0x0012,
  esp32c61: 0x0014,
  esp32c5: 0x0017,
  esp32h21: 0x0019,
  esp32h4: 0x001c,
};

const SPI_MODES = ['qio', 'qout', 'dio', 'dout'] as const;
/** High nibble of byte 3 (esp_image_flash_size_t, FACTS-C3C6 §1.2). */
const FLASH_SIZES = ['1MB', '2MB', '4MB', '8MB', '16MB', '32MB', '64MB', '128MB'] as const;

export interface ImageHeader {
  readonly chipId: number;
  /** The ESP-IDF target id for chipId, undefined for an id this table does not know. */
  readonly chip: string | undefined;
  readonly flashMode: (typeof SPI_MODES)[number] | undefined;
  readonly flashSize: (typeof FLASH_SIZES)[number] | undefined;
  /** min_chip_rev_full / max_chip_rev_full: major*100+minor; 0xFFFF means no upper bound. */
  readonly minRevision: number;
  readonly maxRevision: number;
}

/** The header at `offset` of `data`, or a sentence saying why there is none. */
export function readImageHeader(data: Uint8Array, offset = 0): ImageHeader | string {
  if (data.length < offset + IMAGE_HEADER_BYTES)
    return `it has ${Math.max(0, data.length - offset)} bytes, fewer than an ESP image header's ${IMAGE_HEADER_BYTES}`;
  const at = (i: number) => data[offset + i] as number;
  const u16 = (i: number) => at(i) | (at(i + 1) << 8);
  const H = IMAGE_HEADER;
  if (at(H.magic) !== IMAGE_MAGIC)
    return `it does not start with the ESP image magic byte 0xE9 (it starts with 0x${at(H.magic).toString(16).padStart(2, '0')})`;
  const chipId = u16(H.chipId);
  const chip = Object.keys(IMAGE_CHIP_IDS).find((id) => IMAGE_CHIP_IDS[id] === chipId);
  return {
    chipId,
    chip,
    flashMode: SPI_MODES[at(H.spiMode)],
    flashSize: FLASH_SIZES[at(H.spiSpeedSize) >> 4],
    minRevision: u16(H.minChipRevFull),
    maxRevision: u16(H.maxChipRevFull),
  };
}

/** "ESP32-C3" for an image chip id, or "chip id 99" for one this table does not know. */
export function imageChipName(header: ImageHeader): string {
  return header.chip
    ? header.chip.toUpperCase().replace(/^ESP32(?=[A-Z])/, 'ESP32-')
    : `chip id ${header.chipId}`;
}
