"""The register and ROM models on their own, driven as the image's stores and calls would drive them."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from chips import C3, C6  # noqa: E402
from machine import Machine  # noqa: E402

FLASH = bytes(i // 0x1000 & 0xFF for i in range(0x200000))  # each 4 KB of flash holds its own index


def write(m, addr, value):
    m.bus.regs[addr][2](value)


def read(m, addr):
    return m.bus.regs[addr][1]()


class WatchdogTest(unittest.TestCase):
    def test_a_config_write_without_the_key_is_ignored(self):
        m = Machine(C3, FLASH)
        rwdt = m.watchdogs[0]
        write(m, 0x60008090, 0)
        self.assertTrue(rwdt.armed)
        self.assertEqual(rwdt.events[-1]['event'], 'config ignored: write-protected')

    def test_the_wrong_key_leaves_it_locked(self):
        m = Machine(C3, FLASH)
        swd = m.watchdogs[1]
        write(m, 0x600080B0, 0x50D83AA1)  # the RWDT key, not the C3 SWD's 0x8F1D312A
        write(m, 0x600080AC, 1 << 31)
        self.assertTrue(swd.armed)

    def test_the_c6_swd_auto_feed_is_bit_18(self):
        m = Machine(C6, FLASH)
        swd = m.watchdogs[1]
        write(m, 0x600B1C20, 0x50D83AA1)
        write(m, 0x600B1C1C, 1 << 31)  # SWD_FEED on the C6: a feed, not a disable
        self.assertTrue(swd.armed)
        write(m, 0x600B1C1C, 1 << 18)
        self.assertFalse(swd.armed)

    def test_mwdt_config_takes_effect_only_with_conf_update_en(self):
        m = Machine(C6, FLASH)
        mwdt0 = m.watchdogs[2]
        write(m, 0x60008064, 0x50D83AA1)
        write(m, 0x60008048, 0)
        self.assertTrue(mwdt0.armed)
        write(m, 0x60008048, 1 << 22)
        self.assertFalse(mwdt0.armed)
        self.assertEqual(mwdt0.disabled_by['key'], '0x50d83aa1')


class MmuTest(unittest.TestCase):
    def window(self, m, addr, n=4):
        return bytes(m.uc.mem_read(addr, n))

    def test_c3_rom_map_codes_and_the_shut_bus(self):
        m = Machine(C3, FLASH)
        m.mmu.boot_cache_init()
        self.assertEqual(m.mmu.rom_map(0x3C000000, 0x10000, 32, 1, 0, 't'), 3)  # C3 pages are 64 KB
        self.assertEqual(m.mmu.rom_map(0x3C000100, 0x10000, 64, 1, 0, 't'), 2)
        self.assertEqual(m.mmu.rom_map(0x3C7F0000, 0x10000, 64, 2, 0, 't'), 4)
        self.assertEqual(m.mmu.rom_map(0x3C010000, 0x30000, 64, 2, 0, 't'), 0)
        self.assertIn('SHUT_DBUS', m.mmu.explain(0x3C010000))
        write(m, 0x600C4004, 0)
        self.assertEqual(self.window(m, 0x3C010000), b'\x30' * 4)
        self.assertEqual(self.window(m, 0x3C02F000), b'\x4F' * 4)
        self.assertEqual(read(m, 0x600C5000 + 4 * 1), 0x3)  # entry 1 = flash page 3
        self.assertEqual(read(m, 0x600C5000), 0x100)  # entry 0 invalid

    def test_c6_entries_through_index_and_content_with_the_page_size_field(self):
        m = Machine(C6, FLASH)
        m.mmu.boot_cache_init()
        write(m, 0x60002384, read(m, 0x60002384) | 1 << 3)  # SPI_MEM_MMU_PAGE_SIZE = 1: 32 KB
        write(m, 0x60002380, 5)
        write(m, 0x6000237C, 0x21 | 1 << 9)  # flash 0x21 * 32 KB = 0x108000
        self.assertEqual(read(m, 0x6000237C), 0x221)
        self.assertEqual(self.window(m, 0x42000000 + 5 * 0x8000), b'\x08' * 4)
        m.mmu.set_cache(suspended=True)
        self.assertIn('suspended', m.mmu.explain(0x42028000))


class UartClockTest(unittest.TestCase):
    def test_c6_uart0_clock_divider_in_pcr_and_the_update_latch(self):
        m = Machine(C6, FLASH)
        # pcr_reg.h: SCLK_SEL [21:20] = 3 (XTAL) and SCLK_EN bit 22 at reset; the image clears DIV_NUM [19:12].
        self.assertEqual(read(m, 0x60096004), 0x00700000)
        write(m, 0x60096004, read(m, 0x60096004) & ~(0xFF << 12))
        self.assertEqual(read(m, 0x60096004), 0x00700000)
        write(m, 0x60000098, 1)  # UART_REG_UPDATE: set to latch, polled until 0
        self.assertEqual(read(m, 0x60000098), 0)

    def test_the_c3_has_neither_register(self):
        m = Machine(C3, FLASH)
        self.assertNotIn(0x60096004, m.bus.regs)
        self.assertNotIn(0x60000098, m.bus.regs)


if __name__ == '__main__':
    unittest.main()
