/*
 * In SPI flash boot the ROM arms the RTC watchdog and TIMG0's watchdog (flashboot mode) and leaves the super
 * watchdog armed. Nothing here feeds a watchdog later, so all three are stopped before anything slow. The
 * key sequences are those of ESP-IDF's bootloader and esptool (FACTS-C3C6 §3.3).
 */
#include "bare.h"
#include "chip.h"

void bare_watchdogs_off(void) {
    REG(RWDT_WPROTECT) = WDT_KEY;
    REG(RWDT_CONFIG0) = 0; /* WDT_EN = 0, FLASHBOOT_MOD_EN = 0 */
    REG(RWDT_WPROTECT) = 0;

    REG(SWD_WPROTECT) = SWD_KEY;
    REG(SWD_CONF) = REG(SWD_CONF) | SWD_AUTO_FEED; /* the super watchdog cannot be stopped, only auto-fed */
    REG(SWD_WPROTECT) = 0;

    REG(MWDT0_WPROTECT) = WDT_KEY;
    REG(MWDT0_CONFIG0) = MWDT_CONF_UPDATE; /* EN = 0, FLASHBOOT_MOD_EN = 0, latch the new configuration */
    REG(MWDT0_WPROTECT) = 0;
}
