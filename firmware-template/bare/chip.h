/*
 * Registers and mask-ROM entry points the bare-metal image touches, per chip (docs/BARE-METAL.md lists
 * each with its source in ESP-IDF). Exactly one of BARE_ESP32C3 / BARE_ESP32C6 is defined by the build.
 */
#ifndef BARE_CHIP_H
#define BARE_CHIP_H

#include <stdbool.h>
#include <stdint.h>

#define REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#if defined(BARE_ESP32C3)
#define CHIP_NAME "esp32c3"
/* Watchdogs: RTC_CNTL block 0x60008000, TIMG0 0x6001F000 (soc/esp32c3/register/soc/ headers). */
#define RWDT_CONFIG0 0x60008090u
#define RWDT_WPROTECT 0x600080A8u
#define SWD_CONF 0x600080ACu
#define SWD_WPROTECT 0x600080B0u
#define SWD_KEY 0x8F1D312Au
#define SWD_AUTO_FEED (1u << 31)
#define MWDT0_CONFIG0 0x6001F048u
#define MWDT0_WPROTECT 0x6001F064u
/* Console: UART0 STATUS fifo counts are 10 bits wide on the C3. */
#define UART0_BASE 0x60000000u
#define UART_CNT_MASK 0x3FFu
#define USJ_BASE 0x60043000u
/* The UART clock pre-divider (UART_SCLK_DIV_NUM [19:12]) lives in UART_CLK_CONF on the C3. */
#define UART_SCLK_CONF 0x60000078u
/* Cache MMU: 128 entries of 64 KB written directly; the data window starts at 0x3C000000. */
#define MMU_TABLE 0x600C5000u
#define MMU_ENTRIES 128u
#define MMU_INVALID (1u << 8)
#define MMU_VALID 0u
#define CACHE_BUS_CTRL 0x600C4004u /* EXTMEM_ICACHE_CTRL1_REG: bit0 SHUT_IBUS, bit1 SHUT_DBUS */
#define FLASH_DATA_WINDOW 0x3C000000u
/* ROM functions (components/esp_rom/esp32c3/ld/esp32c3.rom.ld). */
#define ROM_SPIFLASH_ATTACH 0x40000164u
#define ROM_BOOT_CACHE_INIT 0x400004C8u
#define ROM_CACHE_SUSPEND 0x40000524u
#define ROM_CACHE_RESUME 0x40000528u
#define ROM_CACHE_INVALIDATE_ALL 0x400004D8u
#define ROM_GET_CPU_FREQUENCY 0x40000584u
#elif defined(BARE_ESP32C6)
#define CHIP_NAME "esp32c6"
/* Watchdogs: LP_WDT block 0x600B1C00, TIMG0 0x60008000. */
#define RWDT_CONFIG0 0x600B1C00u
#define RWDT_WPROTECT 0x600B1C18u
#define SWD_CONF 0x600B1C1Cu
#define SWD_WPROTECT 0x600B1C20u
#define SWD_KEY 0x50D83AA1u
#define SWD_AUTO_FEED (1u << 18)
#define MWDT0_CONFIG0 0x60008048u
#define MWDT0_WPROTECT 0x60008064u
#define UART0_BASE 0x60000000u
#define UART_CNT_MASK 0xFFu
#define USJ_BASE 0x6000F000u
/* On the C6 the pre-divider is PCR_UART0_SCLK_DIV_NUM [19:12], and UART settings take effect on REG_UPDATE. */
#define UART_SCLK_CONF 0x60096004u
#define UART_REG_UPDATE 0x60000098u
/* Cache MMU: 256 entries written through an index/content register pair; page size set to 64 KB. */
#define MMU_ITEM_CONTENT 0x6000237Cu
#define MMU_ITEM_INDEX 0x60002380u
#define MMU_POWER_CTRL 0x60002384u /* SPI_MEM_MMU_PAGE_SIZE bits[4:3], 0 = 64 KB */
#define MMU_ENTRIES 256u
#define MMU_INVALID 0u
#define MMU_VALID (1u << 9)
#define CACHE_BUS_CTRL 0x600C8004u /* EXTMEM_L1_CACHE_CTRL_REG: bit0 SHUT_IBUS, bit1 SHUT_DBUS */
#define FLASH_DATA_WINDOW 0x42000000u
#define ROM_SPIFLASH_ATTACH 0x400001DCu
#define ROM_BOOT_CACHE_INIT 0x40000634u
#define ROM_CACHE_SUSPEND 0x40000698u
#define ROM_CACHE_RESUME 0x4000069Cu
#define ROM_CACHE_INVALIDATE_ALL 0x4000064Cu
#define ROM_GET_CPU_FREQUENCY 0x40000044u
#else
#error "define BARE_ESP32C3 or BARE_ESP32C6"
#endif

/* The same on both chips. */
#define WDT_KEY 0x50D83AA1u
#define MWDT_CONF_UPDATE (1u << 22)
#define UART_FIFO (UART0_BASE + 0x0u)
#define UART_STATUS (UART0_BASE + 0x1Cu)
#define UART_CLKDIV (UART0_BASE + 0x14u) /* CLKDIV [11:0], CLKDIV_FRAG [23:20] */
#define UART_SCLK_DIV_NUM_MASK (0xFFu << 12)
#define XTAL_HZ 40000000u                /* SOC_XTAL_SUPPORT_40M: the only crystal of both chips */
#define CONSOLE_BAUD 115200u
#define USJ_EP1 (USJ_BASE + 0x0u)
#define USJ_EP1_CONF (USJ_BASE + 0x4u)
#define USJ_WR_DONE (1u << 0)
#define USJ_IN_FREE (1u << 1)
#define USJ_OUT_AVAIL (1u << 2)
#define MMU_PAGE_BYTES 0x10000u

/* The model partition: the same flash layout as the ESP-IDF build (docs/MANIFEST.md). */
#define MODEL_FLASH_OFFSET 0x100000u
#define MODEL_FLASH_BYTES 0x100000u

#endif
