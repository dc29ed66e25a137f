"""Per-chip facts, one table for ESP32-C3 and ESP32-C6.

Every number is cited: "FACTS §n" is /work/shared/FACTS-C3C6.md (kept with the project's design notes), and
paths are ESP-IDF sources (components/...). Nothing here is guessed; what FACTS §10 lists as unconfirmed is
marked so.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chip:
    name: str
    chip_id: int  # image header chip_id, FACTS §1.1 (esptool targets/<chip>.py IMAGE_CHIP_ID)
    sram: tuple  # (low, high) of internal SRAM as the data bus sees it, FACTS §2.1 (soc/<chip>/include/soc/soc.h)
    iram_alias: int  # added to a data-bus address to get its instruction-bus alias: FACTS §2.1 SOC_I_D_OFFSET
    safe_load: tuple  # (low, high) where the ROM may copy segments, FACTS §2.2 "Safe segment targets"
    rom_reserved: tuple  # ROM stack + .bss/.data, never loadable, FACTS §2.2
    rom_stack_top: int  # SOC_ROM_STACK_START, FACTS §2.1
    rom: tuple  # SOC_IROM_MASK range, FACTS §2.1
    rtc_ram: tuple  # RTC/LP RAM, FACTS §2.1
    cpu_mhz: int  # reset-default CPU clock, FACTS §6 (ROM's own setting unconfirmed: FACTS §10.4)
    rom_functions: dict  # name -> address, FACTS §4 and §5 tables (components/esp_rom/<chip>/ld/<chip>.rom.ld)
    uart0: int  # UART0 base, FACTS §4
    uart_status_mask: int  # RXFIFO_CNT / TXFIFO_CNT field mask, FACTS §4
    uart_clk_conf: int  # UART_CLK_CONF_REG offset, FACTS §4
    uart_date: int  # UART_DATE_REG offset, FACTS §4
    usj: int  # USB-Serial-JTAG base, FACTS §4
    rwdt: dict  # FACTS §3.1
    swd: dict  # FACTS §3.1
    timg0: int  # FACTS §3.1
    timg1: int  # FACTS §3.1
    mmu: dict  # FACTS §5.2
    sysclk: dict = field(default_factory=dict)  # FACTS §6
    # Where UART0's clock divider lives outside the UART (C6: in PCR), as (address, reset value), and the offset
    # of the UART's register-update latch (C6 only); None where the chip has neither.
    uart_sclk_conf: tuple = None
    uart_reg_update: int = None


C3 = Chip(
    name='esp32c3',
    chip_id=5,
    sram=(0x3FC80000, 0x3FCE0000),
    iram_alias=0x700000,
    safe_load=(0x3FC80000, 0x3FCDC710),
    rom_reserved=(0x3FCDC710, 0x3FCE0000),
    rom_stack_top=0x3FCDE710,
    rom=(0x40000000, 0x40060000),
    rtc_ram=(0x50000000, 0x50002000),
    cpu_mhz=20,  # XTAL 40 MHz / (SYSTEM_PRE_DIV_CNT 1 + 1), clk_tree_ll.h:505
    rom_functions={
        'rtc_get_reset_reason': 0x40000018, 'ets_printf': 0x40000040, 'ets_delay_us': 0x40000050,
        'uart_tx_one_char': 0x40000068, 'uart_rx_one_char': 0x40000070, 'uart_tx_flush': 0x40000080,
        'uart_tx_wait_idle': 0x40000084, 'software_reset': 0x40000090,
        'esp_rom_spiflash_read': 0x40000130, 'esp_rom_spiflash_attach': 0x40000164,
        'ROM_Boot_Cache_Init': 0x400004C8, 'Cache_Invalidate_Addr': 0x400004D4,
        'Cache_Invalidate_ICache_All': 0x400004D8, 'Cache_Disable_ICache': 0x4000051C,
        'Cache_Enable_ICache': 0x40000520, 'Cache_Suspend_ICache': 0x40000524,
        'Cache_Resume_ICache': 0x40000528, 'Cache_Dbus_MMU_Set': 0x40000564,
        'ets_get_cpu_frequency': 0x40000584, 'ets_update_cpu_frequency': 0x40000588,
    },
    uart0=0x60000000,
    uart_status_mask=0x3FF,
    uart_clk_conf=0x78,
    uart_date=0x7C,
    usj=0x60043000,
    # rtc_cntl_reg.h: CONFIG0 +0x90 (reset: CPU/SYS_RESET_LENGTH 1, FLASHBOOT_MOD_EN 1, PAUSE_IN_SLP 1,
    # CHIP_RESET_WIDTH 20), FEED +0xA4, WPROTECT +0xA8; key rwdt_ll.h:24.
    rwdt={'config0': 0x60008090, 'config0_reset': 0x00013214, 'config1': 0x60008094, 'feed': 0x600080A4,
          'wprotect': 0x600080A8, 'key': 0x50D83AA1, 'en': 31, 'flashboot': 12},
    # rtc_cntl_reg.h:1708-1758: SWD_CONF +0xAC (SIGNAL_WIDTH default 300 at [27:18]), SWD_WPROTECT +0xB0;
    # key rwdt_ll.h:26. (The header gives SWD_WKEY the key as its default; the model starts locked.)
    swd={'conf': 0x600080AC, 'conf_reset': 300 << 18, 'wprotect': 0x600080B0, 'key': 0x8F1D312A,
         'auto_feed': 31, 'disable': 30, 'feed': 29},
    timg0=0x6001F000,
    timg1=0x60020000,
    mmu={'kind': 'table', 'table': 0x600C5000, 'entries': 128, 'invalid': 1 << 8, 'page_mask': 0xFF,
         'page_shift': 16, 'bus_reg': 0x600C4004, 'bus_reset': 0x3,
         'windows': [(0x3C000000, 0x800000, 'dbus'), (0x42000000, 0x800000, 'ibus')]},
    # system_reg.h:790 SYSTEM_SYSCLK_CONF_REG: SOC_CLK_SEL [11:10]=0 (XTAL), PRE_DIV_CNT [9:0]=1.
    sysclk={0x600C0058: 0x00000001},
)

C6 = Chip(
    name='esp32c6',
    chip_id=13,
    sram=(0x40800000, 0x40880000),
    iram_alias=0,
    safe_load=(0x40800000, 0x4087C610),
    rom_reserved=(0x4087C610, 0x40880000),
    rom_stack_top=0x4087E610,
    rom=(0x40000000, 0x40050000),
    rtc_ram=(0x50000000, 0x50004000),
    cpu_mhz=40,  # PCR_SOC_CLK_SEL 0 = XTAL, CPU LS div 1 (pcr_reg.h:1599-1670)
    rom_functions={
        'rtc_get_reset_reason': 0x40000018, 'ets_printf': 0x40000028, 'ets_delay_us': 0x40000040,
        'ets_get_cpu_frequency': 0x40000044, 'ets_update_cpu_frequency': 0x40000048,
        'uart_tx_one_char': 0x40000058, 'uart_rx_one_char': 0x40000060, 'uart_tx_flush': 0x40000074,
        'uart_tx_wait_idle': 0x40000078, 'software_reset': 0x40000090,
        'esp_rom_spiflash_read': 0x40000150, 'esp_rom_spiflash_attach': 0x400001DC,
        'ROM_Boot_Cache_Init': 0x40000634, 'Cache_Invalidate_Addr': 0x40000648,
        'Cache_Invalidate_ICache_All': 0x4000064C, 'Cache_Disable_ICache': 0x40000690,
        'Cache_Enable_ICache': 0x40000694, 'Cache_Suspend_ICache': 0x40000698,
        'Cache_Resume_ICache': 0x4000069C, 'Cache_MSPI_MMU_Set': 0x400006B8,
        # cache.h:604: Cache_Dbus_MMU_Set is a macro that calls this first (esp32c6.rom.ld:353).
        'ets_efuse_cache_encryption_enabled': 0x40000830,
    },
    uart0=0x60000000,
    uart_status_mask=0xFF,
    uart_clk_conf=0x88,
    uart_date=0x8C,
    usj=0x6000F000,
    # lp_wdt_reg.h: CONFIG0 +0x0 (WDT_EN 31, FLASHBOOT_MOD_EN 12 default 1), CONFIG1 +0x4, FEED +0x14,
    # WPROTECT +0x18; key lpwdt_ll.h:25.
    rwdt={'config0': 0x600B1C00, 'config0_reset': 0x00013214, 'config1': 0x600B1C04, 'feed': 0x600B1C14,
          'wprotect': 0x600B1C18, 'key': 0x50D83AA1, 'en': 31, 'flashboot': 12},
    # lp_wdt_reg.h: SWD_CONFIG +0x1C (AUTO_FEED_EN 18, DISABLE 30, FEED 31), SWD_WPROTECT +0x20; lpwdt_ll.h:27.
    swd={'conf': 0x600B1C1C, 'conf_reset': 0, 'wprotect': 0x600B1C20, 'key': 0x50D83AA1,
         'auto_feed': 18, 'disable': 30, 'feed': 31},
    timg0=0x60008000,
    timg1=0x60009000,
    # spi_mem_reg.h:3002-3046 (SPI0 base 0x60002000): ITEM_CONTENT +0x37C, ITEM_INDEX +0x380,
    # MMU_POWER_CTRL +0x384 (PAGE_SIZE [4:3] default 0 = 64 KB, MEM_FORCE_PU bit 2 default 1).
    # extmem_reg.h: L1_CACHE_CTRL 0x600C8004, SHUT_DBUS bit1 / SHUT_IBUS bit0, both default 0.
    mmu={'kind': 'indexed', 'content': 0x6000237C, 'index': 0x60002380, 'power_ctrl': 0x60002384,
         'power_reset': 1 << 2, 'entries': 256, 'valid': 1 << 9, 'page_mask': 0x1FF,
         'bus_reg': 0x600C8004, 'bus_reset': 0x0, 'windows': [(0x42000000, 0x1000000, 'shared')]},
    # pcr_reg.h:1599 PCR_SYSCLK_CONF_REG: LS_DIV_NUM 0, HS_DIV_NUM 2, SOC_CLK_SEL 0, CLK_XTAL_FREQ 40;
    # pcr_reg.h:1667 PCR_CPU_FREQ_CONF_REG: all fields 0.
    sysclk={0x60096110: (40 << 24) | (2 << 8), 0x60096118: 0},
    # pcr_reg.h:36 PCR_UART0_SCLK_CONF_REG (PCR base + 0x4): SCLK_SEL [21:20] default 3 (XTAL), SCLK_EN bit 22
    # default 1, dividers 0. uart_reg.h:1554 UART_REG_UPDATE_REG +0x98: bit 0 set to latch, reads 0 once done.
    uart_sclk_conf=(0x60096004, (3 << 20) | (1 << 22)),
    uart_reg_update=0x98,
)

CHIPS = {c.name: c for c in (C3, C6)}
