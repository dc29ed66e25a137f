"""Boots tests/hello.S on both chips through the ROM load path and checks what the image did."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from esp_pack import CHIP_ID, build_hello, flash_with, have_gcc, pack  # noqa: E402

EMU = os.path.join(os.path.dirname(HERE), 'esp_emu.py')
PAGE = bytes((i * 7 + 3) & 0xFF for i in range(256))  # flash page 0x10000, read back through the window
CHIPS = ('esp32c3', 'esp32c6')


def boot(chip, stdin=b'', defines=(), load_at=None, args=(), keep_open=False):
    """Runs the emulator on hello.S; returns (exit status, stdout bytes, stderr text, report). With
    keep_open the host never closes the console, so only the image (or a watchdog) can end the run."""
    entry, code = build_hello(chip, *defines)
    image = pack(CHIP_ID[chip], entry, [(load_at or entry, code)])
    with tempfile.TemporaryDirectory() as tmp:
        flash, report = os.path.join(tmp, 'flash.bin'), os.path.join(tmp, 'report.json')
        with open(flash, 'wb') as f:
            f.write(flash_with(image, {0x10000: PAGE}))
        cmd = [sys.executable, EMU, '--chip', chip, '--flash', flash, '--report', report, '--timeout-s', '30']
        with subprocess.Popen(cmd + list(args), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) as child:
            child.stdin.write(stdin)
            child.stdin.flush()
            if not keep_open:
                child.stdin.close()
            out, err = child.stdout.read(), child.stderr.read()  # both end when the emulator exits
            status = child.wait(60)
        with open(report) as f:
            return status, out, err.decode(), json.load(f)


@unittest.skipUnless(have_gcc(), 'riscv64-unknown-elf-gcc is not installed (apt-get install gcc-riscv64-unknown-elf)')
class BootTest(unittest.TestCase):
    def test_hello_says_hi_and_echoes_bytes_of_the_mapped_flash_page(self):
        for chip in CHIPS:
            with self.subTest(chip=chip):
                status, out, _err, report = boot(chip, b'AB\x00')
                self.assertEqual(out, b'hi<-42 beef>' + bytes([PAGE[0x41], PAGE[0x42], PAGE[0]]))
                self.assertEqual(status, 0)
                self.assertEqual(report['exit'], {'reason': 'console input closed', 'clean': True})
                self.assertEqual(report['mmu']['mappings'][0]['flash'], '0x010000')
                self.assertEqual(report['mmu']['windowReads'], {'bytes': 3, 'flashPages': ['0x010000']})
                self.assertGreater(report['firstTxInstructions'], 0)
                self.assertEqual(report['cycleCounterReads'], 1)
                mmu_set = 'Cache_Dbus_MMU_Set' if chip == 'esp32c3' else 'Cache_MSPI_MMU_Set'
                self.assertEqual(report['romCalls'], {
                    'ets_printf': 1, 'esp_rom_spiflash_attach': 1, 'ROM_Boot_Cache_Init': 1, 'Cache_Suspend_ICache': 1,
                    mmu_set: 1, 'Cache_Invalidate_ICache_All': 1, 'Cache_Resume_ICache': 1})
                self.assertEqual(report['uartRxLost'], 0)

    def test_each_watchdog_is_disabled_by_its_key_then_its_config_write(self):
        keys = {'esp32c3': {'RWDT': '0x50d83aa1', 'SWD': '0x8f1d312a', 'MWDT0': '0x50d83aa1'},
                'esp32c6': {'RWDT': '0x50d83aa1', 'SWD': '0x50d83aa1', 'MWDT0': '0x50d83aa1'}}
        for chip in CHIPS:
            with self.subTest(chip=chip):
                dogs = boot(chip)[3]['watchdogs']
                for name, key in keys[chip].items():
                    self.assertFalse(dogs[name]['armed'], name)
                    self.assertEqual(dogs[name]['disabledBy']['key'], key, name)
                    events = [w['event'] for w in dogs[name]['writes']]
                    self.assertEqual(events, ['unlock', 'config', 'lock'], name)
                self.assertIn('auto-feed', dogs['SWD']['disabledBy']['how'])
                self.assertIsNone(dogs['MWDT1']['disabledBy'])  # never armed, never touched

    def test_watchdogs_left_armed_reset_the_chip(self):
        for chip in CHIPS:
            with self.subTest(chip=chip):
                status, out, _err, report = boot(chip, defines=['KEEP_WDT'], args=['--wdt-ms', '5'], keep_open=True)
                self.assertEqual(status, 1)
                self.assertTrue(out.startswith(b'hi'))
                self.assertRegex(report['exit']['reason'], r'^watchdog reset \(RWDT\)')

    def test_reading_the_window_without_a_mapping_stops_with_the_reason(self):
        for chip in CHIPS:
            with self.subTest(chip=chip):
                status, _out, _err, report = boot(chip, b'A', defines=['NO_MAP'])
                self.assertEqual(status, 1)
                self.assertIn('read through the flash window', report['exit']['reason'])
                self.assertIn('cache disabled', report['exit']['reason'])

    def test_a_shut_data_bus_stops_the_window_read_on_the_c3(self):
        # EXTMEM_ICACHE_SHUT_DBUS defaults to 1 on the C3 (extmem_reg.h); the C6's L1 bus bits default to 0.
        status, _out, _err, report = boot('esp32c3', b'A', defines=['KEEP_SHUT'])
        self.assertEqual(status, 1)
        self.assertIn('data bus shut (SHUT_DBUS)', report['exit']['reason'])
        self.assertEqual(boot('esp32c6', b'A', defines=['KEEP_SHUT'])[:2], (0, b'hi<-42 beef>' + bytes([PAGE[0x41]])))

    def test_usb_serial_jtag_echoes_with_wr_done(self):
        for chip in CHIPS:
            with self.subTest(chip=chip):
                status, out, _err, report = boot(chip, b'AB', defines=['USB'], args=['--console', 'usb'])
                self.assertEqual((status, out), (0, b'hi' + bytes([PAGE[0x41], PAGE[0x42]])))
                self.assertEqual(report['otherConsole'], {'uart0': '<-42 beef>'})

    def test_usb_bytes_never_flushed_never_reach_the_host(self):
        status, out, _err, report = boot('esp32c6', b'AB', defines=['USB', 'NO_WR_DONE'], args=['--console', 'usb'])
        self.assertEqual((status, out), (0, b''))
        self.assertEqual(report['usbTxDropped'], 0)  # 4 bytes fit the 64-byte endpoint: kept, never sent

    def test_an_unmodelled_rom_function_stops_the_run(self):
        status, _out, _err, report = boot('esp32c6', defines=['BAD_ROM'])
        self.assertEqual(status, 1)
        self.assertEqual(report['exit']['reason'], 'unmodelled ROM function at 0x40000400')

    def test_c3_code_loaded_on_the_data_bus_runs_from_its_instruction_alias(self):
        entry = build_hello('esp32c3')[0]
        status, out, _err, _report = boot('esp32c3', b'A', load_at=entry - 0x700000)
        self.assertEqual((status, out), (0, b'hi<-42 beef>' + bytes([PAGE[0x41]])))

    def test_the_other_console_output_goes_to_the_report(self):
        status, out, _err, report = boot('esp32c3', args=['--console', 'usb'])
        self.assertEqual((status, out), (0, b''))
        self.assertEqual(report['otherConsole'], {'uart0': 'hi<-42 beef>'})


if __name__ == '__main__':
    unittest.main()
