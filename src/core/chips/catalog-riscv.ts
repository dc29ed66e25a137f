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

const RECALLED = 'datasheet figure, recalled (FACTS §A)';
const common = { exportOnly: false, measured: false } as const;

const c3Heap = sourced(337_332, HELLO_WORLD_HEAP);
export const esp32c3: Chip = {
  ...common,
  id: 'esp32c3',
  name: 'ESP32-C3',
  arch: 'rv32imc',
  clockMhz: estimated(160, MAX_CLOCK),
  sramBytes: estimated(400 * KB, `${RECALLED}; 16 KB of it serve as cache`),
  freeHeapBytes: c3Heap,
  arenaBytes: largestBlockFromHeap(c3Heap),
  flashBytes: sourced(4 * MB, 'FACTS §A: ESP32-C3FN4/FH4 have 4 MB in package (datasheet extract)'),
  ...espLayout(4 * MB, 0x0),
  cycles: cycleCosts('rv32imc'),
};

const c6Heap = sourced(473_816, HELLO_WORLD_HEAP);
export const esp32c6: Chip = {
  ...common,
  id: 'esp32c6',
  name: 'ESP32-C6',
  arch: 'rv32imac',
  clockMhz: estimated(160, MAX_CLOCK),
  sramBytes: sourced(512 * KB, 'third-party summary: 512 KB HP SRAM, plus 16 KB LP SRAM (FACTS §A)'),
  freeHeapBytes: c6Heap,
  arenaBytes: largestBlockFromHeap(c6Heap),
  flashBytes: sourced(4 * MB, 'FACTS §A: ESP32-C6FH4 has 4 MB in package'),
  ...espLayout(4 * MB, 0x0),
  cycles: cycleCosts('rv32imac'),
};

const h2Heap = sourced(268_256, HELLO_WORLD_HEAP);
export const esp32h2: Chip = {
  ...common,
  id: 'esp32h2',
  name: 'ESP32-H2',
  arch: 'rv32imac',
  clockMhz: estimated(96, MAX_CLOCK),
  sramBytes: estimated(320 * KB, `${RECALLED}; plus 4 KB LP memory`),
  freeHeapBytes: h2Heap,
  arenaBytes: largestBlockFromHeap(h2Heap),
  flashBytes: estimated(
    2 * MB,
    'in-package flash is 2 or 4 MB (H2FH2/H2FH4), recalled (FACTS §A); the smaller',
  ),
  ...espLayout(2 * MB, 0x0),
  cycles: cycleCosts('rv32imac'),
};

const p4Heap = sourced(
  600 * KB,
  'user hello_world logs, rev v1.3: ≈600–614 KB internal (FACTS §A); the lower end',
);
export const esp32p4: Chip = {
  ...common,
  id: 'esp32p4',
  name: 'ESP32-P4',
  arch: 'rv32imafc',
  clockMhz: estimated(360, `${MAX_CLOCK} (chip revision v1.x; later revisions reach 400 MHz)`),
  sramBytes: sourced(
    768 * KB,
    'P4 memory map page: 768 KB HP L2MEM, plus 32 KB LP SRAM and 8 KB TCM (FACTS §A)',
  ),
  freeHeapBytes: p4Heap,
  arenaBytes: largestBlockFromHeap(p4Heap),
  psram: {
    bytes: estimated(16 * MB, 'in-package PSRAM is 16 or 32 MB (FACTS §A); the smaller'),
    arenaBytes: psramBlockFromSize(16 * MB),
    arenaAllowed: true,
  },
  flashBytes: sourced(16 * MB, 'FACTS §A: no internal flash; boards carry 16 MB of external NOR flash'),
  ...espLayout(16 * MB, 0x2000),
  cycles: cycleCosts('rv32imafc'),
};
