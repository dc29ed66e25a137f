"""The ROM load path refuses what the ROM (or the IDF bootloader's stricter checks) would refuse (FACTS §1-§2)."""
import os
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from chips import C3, C6  # noqa: E402
from esp_pack import flash_with, pack  # noqa: E402
from image import ImageError, parse_image  # noqa: E402

EMU = os.path.join(os.path.dirname(HERE), 'esp_emu.py')
CODE = bytes(range(64))


def good(chip=C3, addr=None, **kw):
    addr = addr or chip.safe_load[0] + chip.iram_alias + 0x400
    return bytearray(flash_with(pack(chip.chip_id, addr, [(addr, CODE)], **kw)))


class LoaderTest(unittest.TestCase):
    def refused(self, flash, chip, words):
        with self.assertRaises(ImageError) as ctx:
            parse_image(flash, chip)
        for word in words:
            self.assertIn(word, str(ctx.exception))

    def test_a_good_image_parses_with_its_segment_and_entry(self):
        for chip in (C3, C6):
            img = parse_image(good(chip), chip)
            self.assertEqual(img.entry, chip.safe_load[0] + chip.iram_alias + 0x400)
            self.assertEqual([s.data for s in img.segments], [CODE])
            self.assertTrue(img.hash_appended)
            # header 24 + segment header 8 + 64 bytes, padded to 16 with the checksum last, then 32 digest
            self.assertEqual(img.size, 112 + 32)

    def test_bad_magic(self):
        flash = good()
        flash[0] = 0xE8
        self.refused(flash, C3, ['magic 0xe8', '0x0'])

    def test_bad_checksum(self):
        flash = good(hash_appended=False)
        flash[32] ^= 1  # first data byte: the checksum no longer matches
        self.refused(flash, C3, ['checksum', '0x6f'])

    def test_flipped_digest(self):
        flash = good()
        flash[112] ^= 0x80
        self.refused(flash, C3, ['SHA-256', '0x70'])

    def test_segment_in_the_rom_stack(self):
        for chip in (C3, C6):
            addr = chip.rom_reserved[0] + 0x100
            flash = bytearray(flash_with(pack(chip.chip_id, addr, [(addr, CODE)])))
            self.refused(flash, chip, ['ROM stack'])

    def test_segment_outside_sram(self):
        flash = bytearray(flash_with(pack(C6.chip_id, 0x42000020, [(0x42000020, CODE)])))
        self.refused(flash, C6, ['outside the safe load region'])

    def test_wrong_chip_id(self):
        self.refused(good(C6), C3, ['chip_id 13', 'esp32c3'])
        self.refused(good(C3), C6, ['chip_id 5', 'esp32c6'])

    def test_length_not_a_multiple_of_4(self):
        flash = good(hash_appended=False)
        struct.pack_into('<I', flash, 28, 63)
        self.refused(flash, C3, ['multiple of 4'])

    def test_too_many_segments(self):
        flash = good()
        flash[1] = 17
        self.refused(flash, C3, ['segment count 17'])

    def test_entry_on_the_data_bus_of_the_c3(self):
        data_addr = C3.safe_load[0] + 0x400
        flash = bytearray(flash_with(pack(C3.chip_id, data_addr, [(data_addr, CODE)])))
        self.refused(flash, C3, ['not on the instruction bus'])

    def test_overlap_through_the_c3_alias(self):
        i_addr = C3.safe_load[0] + C3.iram_alias + 0x400
        segs = [(i_addr, CODE), (C3.safe_load[0] + 0x420, CODE)]
        flash = bytearray(flash_with(pack(C3.chip_id, i_addr, segs)))
        self.refused(flash, C3, ['overlap'])

    def test_erased_flash_and_garbage(self):
        self.refused(bytearray(b'\xff' * 4096), C3, ['magic 0xff'])
        self.refused(bytearray(b'\xe9\x01' + os.urandom(64)), C6, [])

    def test_the_command_line_refuses_with_status_2_and_a_message(self):
        flash = good()
        flash[0] = 0
        with tempfile.NamedTemporaryFile(suffix='.bin') as f:
            f.write(flash)
            f.flush()
            run = subprocess.run([sys.executable, EMU, '--chip', 'esp32c3', '--flash', f.name],
                                 capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
        self.assertEqual(run.returncode, 2)
        self.assertIn('the ROM would not boot this image: invalid header: magic 0x00', run.stderr)


if __name__ == '__main__':
    unittest.main()
