"""The mask ROM functions an image may call, answered in Python at their ROM addresses.

Addresses: FACTS §4 and §5 tables (components/esp_rom/<chip>/ld/<chip>.rom.ld). Each function reads its
arguments from a0..a6, does what the ROM header documents (esp_rom/include/..., rom/cache.h), sets a0 and
returns through ra. A call to any other ROM address stops the emulation: a gap in the model is never silent.
"""
import re

from unicorn.riscv_const import UC_RISCV_REG_A0, UC_RISCV_REG_PC, UC_RISCV_REG_RA

FLASH_OK, FLASH_ERR = 0, 1  # ESP_ROM_SPIFLASH_RESULT_OK / _ERR (esp_rom_spiflash.h)
ETS_OK, ETS_FAILED = 0, 1  # ETS_STATUS (rom/ets_sys.h)
RESET_POWERON = 1  # RESET_REASON POWERON_RESET (rom/rtc.h)


def _printf(m, a):
    """ets_printf: formats %d %i %u %x %X %c %s %p %% (with width/zero flags) from a1..a7 to UART0."""
    fmt = m.read_cstr(a[0])
    args = iter(a[1:])

    def one(match):
        flags, conv = match.group(1), match.group(2)
        if conv == '%':
            return '%'
        v = next(args, 0)
        if conv == 's':
            return m.read_cstr(v)
        if conv == 'c':
            return chr(v & 0xFF)
        if conv in 'di':
            v = v - (1 << 32) if v & 0x80000000 else v
        spec = {'d': 'd', 'i': 'd', 'u': 'd', 'x': 'x', 'X': 'X', 'p': 'x'}[conv]
        return f'{{:{flags}{spec}}}'.format(v)
    text = re.sub(r'%([0-9]*)l?([diuxXcsp%])', one, fmt)
    m.console_tx('uart0', text.encode('latin-1', 'replace'))
    return len(text)


def _spiflash_read(m, a):
    src, dest, length = a[0], a[1], a[2]
    if not m.flash_attached:
        m.stop('esp_rom_spiflash_read before esp_rom_spiflash_attach (FACTS §5.1: attach first)')
        return FLASH_ERR
    if src % 4 or length % 4 or dest % 4 or length < 0 or src + length > len(m.flash):
        return FLASH_ERR  # addr and len must be 4-byte aligned and inside the flash (esp_rom_spiflash.h)
    m.uc.mem_write(dest, bytes(m.flash[src:src + length]))
    m.flash_reads.append((src, length))
    return FLASH_OK


def _attach(m, a):
    m.flash_attached = True
    return 0


def _rx_one(m, a):
    byte = m.uart0.rom_rx()
    if byte is None:
        return ETS_FAILED
    m.uc.mem_write(a[0], bytes([byte]))
    return ETS_OK


def _delay(m, a):
    m.delay_cycles += a[0] * m.cpu_mhz
    return 0


def _update_freq(m, a):
    m.rom_cpu_mhz = a[0]
    return 0


def _reset(m, a):
    m.stop('software_reset', clean=True)
    return 0


def _mmu_set_c3(m, a):
    return m.mmu.rom_map(a[1], a[2], a[3], a[4], a[5], 'Cache_Dbus_MMU_Set')


def _mmu_set_c6(m, a):
    return m.mmu.rom_map(a[2], a[3], a[4], a[5], a[6], 'Cache_MSPI_MMU_Set')


def _suspend(m, a):
    was = m.mmu.autoload
    m.mmu.set_cache(suspended=True)
    return was


def _resume(m, a):
    m.mmu.autoload = a[0]
    m.mmu.set_cache(suspended=False)
    return 0


def _enable(m, a):
    m.mmu.autoload = a[0]
    m.mmu.set_cache(enabled=True)
    return 0


def _disable(m, a):
    m.mmu.set_cache(enabled=False)
    return m.mmu.autoload


FUNCTIONS = {
    'ets_printf': _printf,
    'uart_tx_one_char': lambda m, a: m.console_tx('uart0', bytes([a[0] & 0xFF])) or ETS_OK,
    'uart_rx_one_char': _rx_one,
    'uart_tx_flush': lambda m, a: 0,  # the model's transmitter drains at once
    'uart_tx_wait_idle': lambda m, a: 0,
    'ets_delay_us': _delay,
    'ets_get_cpu_frequency': lambda m, a: m.rom_cpu_mhz,
    'ets_update_cpu_frequency': _update_freq,
    'rtc_get_reset_reason': lambda m, a: RESET_POWERON,
    'software_reset': _reset,
    'esp_rom_spiflash_attach': _attach,
    'esp_rom_spiflash_read': _spiflash_read,
    'ROM_Boot_Cache_Init': lambda m, a: m.mmu.boot_cache_init() or 0,
    'Cache_Suspend_ICache': _suspend,
    'Cache_Resume_ICache': _resume,
    'Cache_Enable_ICache': _enable,
    'Cache_Disable_ICache': _disable,
    'Cache_Invalidate_ICache_All': lambda m, a: 0,  # flash never changes under the model: nothing stale
    'Cache_Invalidate_Addr': lambda m, a: 0,
    'Cache_Dbus_MMU_Set': _mmu_set_c3,
    'Cache_MSPI_MMU_Set': _mmu_set_c6,
    'ets_efuse_cache_encryption_enabled': lambda m, a: 0,  # no flash encryption on an emulated chip
}


class Rom:
    def __init__(self, machine, chip):
        self.m = machine
        self.by_addr = {addr: name for name, addr in chip.rom_functions.items()}
        self.calls = {}

    def on_code(self, uc, addr, _size, _data):
        name = self.by_addr.get(addr)
        if name is None:
            self.m.stop(f'unmodelled ROM function at 0x{addr:08x}')
            return
        self.calls[name] = self.calls.get(name, 0) + 1
        args = [uc.reg_read(UC_RISCV_REG_A0 + i) for i in range(8)]
        result = FUNCTIONS[name](self.m, args)
        if self.m.stopped:
            return
        uc.reg_write(UC_RISCV_REG_A0, (result or 0) & 0xFFFFFFFF)
        uc.reg_write(UC_RISCV_REG_PC, uc.reg_read(UC_RISCV_REG_RA))
