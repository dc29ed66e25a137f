/*
 * Maps the model partition (flash 0x100000, 1 MB) into the data bus through the cache MMU, as ESP-IDF's
 * mmu_hal_init and set_cache_and_start_app do: the ROM does not initialise the cache for a RAM-only image
 * (ESP_ROM_RAM_APP_NEEDS_MMU_INIT). The interpreter then reads weights in place and RAM holds only the arena.
 * Mapping once at boot is enough: after a model write the host resets the board.
 */
#include "bare.h"
#include "chip.h"
#include "rom.h"

#define MODEL_PAGES (MODEL_FLASH_BYTES / MMU_PAGE_BYTES)

#if defined(BARE_ESP32C3)
static void mmu_write(uint32_t entry, uint32_t value) { REG(MMU_TABLE + entry * 4u) = value; }
static void mmu_page_size_64k(void) {} /* fixed at 64 KB on the C3 */
#else
static void mmu_write(uint32_t entry, uint32_t value) {
    REG(MMU_ITEM_INDEX) = entry;
    REG(MMU_ITEM_CONTENT) = value;
}
static void mmu_page_size_64k(void) { REG(MMU_POWER_CTRL) = REG(MMU_POWER_CTRL) & ~(3u << 3); }
#endif

const uint8_t *bare_map_model(void) {
    rom_spiflash_attach(0, false); /* default SPI pins, as ESP-IDF's C6 code passes; IDF never trusts ROM state */
    rom_boot_cache_init();
    mmu_page_size_64k();
    uint32_t autoload = rom_cache_suspend();
    for (uint32_t i = 0; i < MMU_ENTRIES; i++) mmu_write(i, MMU_INVALID);
    const uint32_t first_entry = (FLASH_DATA_WINDOW & 0x7FFFFFu) / MMU_PAGE_BYTES;
    for (uint32_t i = 0; i < MODEL_PAGES; i++) {
        mmu_write(first_entry + i, (MODEL_FLASH_OFFSET / MMU_PAGE_BYTES + i) | MMU_VALID);
    }
    REG(CACHE_BUS_CTRL) = REG(CACHE_BUS_CTRL) & ~3u; /* clear SHUT_IBUS and SHUT_DBUS */
    rom_cache_invalidate_all();
    rom_cache_resume(autoload);
    return (const uint8_t *)(uintptr_t)FLASH_DATA_WINDOW;
}
