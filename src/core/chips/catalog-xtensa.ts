import { cycleCosts } from './cycles.ts';
import {
  HELLO_WORLD_HEAP,
  KB,
  MAX_CLOCK,
  MB,
  estimated,
  largestBlockFromHeap,
  psramBlockFromSize,
  sourced,
} from './figure.ts';
import { espLayout } from './layout.ts';
import type { Chip } from './types.ts';

const S3_DUMP = 'ESP32-S3 heap dump after boot, RomanLut/hx-esp32-cam-fpv#46';

const esp32Flash = 4 * MB;
export const esp32: Chip = {
  id: 'esp32',
  name: 'ESP32',
  arch: 'xtensa-lx6',
  exportOnly: false,
  measured: false,
  clockMhz: estimated(240, MAX_CLOCK),
  sramBytes: sourced(520 * KB, 'ESP-IDF memory-types doc: 320 KB DRAM + 200 KB IRAM (FACTS §A)'),
  freeHeapBytes: sourced(298_968, HELLO_WORLD_HEAP),
  arenaBytes: sourced(
    95 * KB,
    'tensorflow/tensorflow#37628: the largest arena that could be allocated on an ESP32 was about 95 KB; ' +
      'the DRAM heap is split into regions (FACTS §A)',
  ),
  psramVariant: {
    name: 'an ESP32-WROVER module (4 MB of PSRAM mapped)',
    arenaBytes: psramBlockFromSize(4 * MB),
  },
  flashBytes: sourced(esp32Flash, 'FACTS §A: modules carry 4, 8 or 16 MB; the smallest, ESP32-WROOM-32 4 MB'),
  ...espLayout(esp32Flash, 0x1000),
  cycles: cycleCosts('xtensa-lx6'),
};

const s2Flash = 4 * MB;
const s2Heap = sourced(253_900, HELLO_WORLD_HEAP);
export const esp32s2: Chip = {
  id: 'esp32s2',
  name: 'ESP32-S2',
  arch: 'xtensa-lx7',
  exportOnly: false,
  measured: false,
  clockMhz: estimated(240, MAX_CLOCK),
  sramBytes: estimated(320 * KB, 'datasheet figure, recalled (FACTS §A)'),
  freeHeapBytes: s2Heap,
  arenaBytes: largestBlockFromHeap(s2Heap),
  psramVariant: {
    name: 'an ESP32-S2 with 2 MB of PSRAM (WROVER module or ESP32-S2FN4R2)',
    arenaBytes: psramBlockFromSize(2 * MB),
  },
  flashBytes: sourced(s2Flash, 'FACTS §A: ESP32-S2FN4R2 has 4 MB in package; modules 4 MB and up'),
  ...espLayout(s2Flash, 0x1000),
  cycles: cycleCosts('xtensa-lx7'),
};

const S3_PSRAM_BLOCK = sourced(8_257_536, `largest free PSRAM block on an 8 MB board, ${S3_DUMP}`);
const s3Heap = sourced(390_684, HELLO_WORLD_HEAP);
const s3Common = {
  arch: 'xtensa-lx7',
  exportOnly: false,
  measured: false,
  clockMhz: estimated(240, MAX_CLOCK),
  sramBytes: estimated(512 * KB, 'datasheet figure, recalled (FACTS §A)'),
  freeHeapBytes: s3Heap,
  // The dump shows the main region beside three smaller ones; their sizes come off the free heap.
  arenaBytes: estimated(
    20 * 16 * KB,
    `free heap 390,684 B less the three small regions of the ${S3_DUMP} (32,767 + 22,308 + 7,912 B) = ` +
      '327,697 B, rounded down to 16 KB',
  ),
  cycles: cycleCosts('xtensa-lx7'),
} as const;

const s3Flash = 4 * MB;
export const esp32s3: Chip = {
  ...s3Common,
  id: 'esp32s3',
  name: 'ESP32-S3',
  psramVariant: {
    name: 'an ESP32-S3 with 8 MB of octal PSRAM (an R8 module such as N8R8)',
    chipId: 'esp32s3-r8',
    arenaBytes: S3_PSRAM_BLOCK,
  },
  flashBytes: sourced(s3Flash, 'FACTS §A: modules N4/N8/N16; the smallest, N4, 4 MB'),
  ...espLayout(s3Flash, 0x0),
};

const r8Flash = 8 * MB;
export const esp32s3r8: Chip = {
  ...s3Common,
  id: 'esp32s3-r8',
  name: 'ESP32-S3 with 8 MB octal PSRAM',
  psram: {
    bytes: sourced(8 * MB, 'FACTS §A: R8 modules carry 8 MB of octal PSRAM'),
    arenaBytes: S3_PSRAM_BLOCK,
    arenaAllowed: true,
  },
  flashBytes: sourced(r8Flash, 'FACTS §A: modules N4/N8/N16; the common N8R8, 8 MB'),
  ...espLayout(r8Flash, 0x0),
};
