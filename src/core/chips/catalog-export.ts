import { cycleCosts } from './cycles.ts';
import { KB, MB, estimated, sourced } from './figure.ts';
import type { Chip, Figure } from './types.ts';

// Export-only targets run the exported C inside the user's own program, so part of the RAM is theirs.
const HOST_PROGRAM_RESERVE = 64 * KB;
const CLOCK = 'datasheet maximum CPU clock, recalled, not re-checked';

/** Free RAM and arena room when the arena is a static array in the user's program. */
function hostRam(sram: Figure): Pick<Chip, 'freeHeapBytes' | 'arenaBytes'> {
  const value = sram.value - HOST_PROGRAM_RESERVE;
  return {
    freeHeapBytes: estimated(
      value,
      'RAM less ~64 KB for the host program: runtime, stacks, serial/USB buffers',
    ),
    arenaBytes: estimated(
      value,
      'the exported arena is one static array, so all RAM left to it is contiguous',
    ),
  };
}

const common = { exportOnly: true, measured: false } as const;

const nrfRam = sourced(256 * KB, 'nRF52840: 256 KB RAM (FACTS §A)');
export const nrf52840: Chip = {
  ...common,
  id: 'nrf52840',
  name: 'nRF52840',
  arch: 'cortex-m4f',
  clockMhz: estimated(64, CLOCK),
  sramBytes: nrfRam,
  ...hostRam(nrfRam),
  flashBytes: sourced(1 * MB, 'nRF52840: 1 MB internal flash (FACTS §A)'),
  cycles: cycleCosts('cortex-m4f'),
};

const rpRam = sourced(264 * KB, 'RP2040: 264 KB SRAM (FACTS §A)');
export const rp2040: Chip = {
  ...common,
  id: 'rp2040',
  name: 'RP2040',
  arch: 'cortex-m0+',
  clockMhz: estimated(133, CLOCK),
  sramBytes: rpRam,
  ...hostRam(rpRam),
  flashBytes: sourced(2 * MB, 'RP2040: no flash on chip; the Raspberry Pi Pico carries 2 MB QSPI (FACTS §A)'),
  cycles: cycleCosts('cortex-m0+'),
};

const stmRam = sourced(320 * KB, 'RM0385: 64 KB DTCM + 240 KB SRAM1 + 16 KB SRAM2 (FACTS §A)');
export const stm32f746: Chip = {
  ...common,
  id: 'stm32f746',
  name: 'STM32F746',
  arch: 'cortex-m7',
  clockMhz: estimated(216, CLOCK),
  sramBytes: stmRam,
  ...hostRam(stmRam),
  flashBytes: sourced(1 * MB, 'STM32F746: up to 1 MB internal flash (FACTS §A); the 1 MB part'),
  cycles: cycleCosts('cortex-m7'),
};
