/* Mask-ROM functions, called through their fixed addresses (chip.h) so no ROM linker script is needed. */
#ifndef BARE_ROM_H
#define BARE_ROM_H

#include <stdbool.h>
#include <stdint.h>

#include "chip.h"

#define ROM_FN(addr, type) ((type)(uintptr_t)(addr))

/* esp_rom_spiflash_attach(ishspi, legacy): "SPI Flash init, clock divisor is 4, use 1 line Slow read mode". */
#define rom_spiflash_attach ROM_FN(ROM_SPIFLASH_ATTACH, void (*)(uint32_t, bool))
#define rom_boot_cache_init ROM_FN(ROM_BOOT_CACHE_INIT, void (*)(void))
/* Returns the autoload setting to give back to rom_cache_resume. */
#define rom_cache_suspend ROM_FN(ROM_CACHE_SUSPEND, uint32_t (*)(void))
#define rom_cache_resume ROM_FN(ROM_CACHE_RESUME, void (*)(uint32_t))
#define rom_cache_invalidate_all ROM_FN(ROM_CACHE_INVALIDATE_ALL, void (*)(void))
/* ets_get_cpu_frequency: the CPU clock in MHz as the ROM set it. */
#define rom_get_cpu_frequency ROM_FN(ROM_GET_CPU_FREQUENCY, uint32_t (*)(void))

#endif
