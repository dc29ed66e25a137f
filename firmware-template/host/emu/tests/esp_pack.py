"""Test support: packs raw segments into an ESP image (FACTS §1), and builds tests/hello.S for a chip.

Written from the format facts alone, apart from the project's image writer, so the emulator's reader is checked
against a second implementation.
"""
import hashlib
import os
import shutil
import struct
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GCC = 'riscv64-unknown-elf-gcc'
LINK_AT = {'esp32c3': 0x40380400, 'esp32c6': 0x40800400}  # SRAM, instruction bus (FACTS §2.1)
CHIP_ID = {'esp32c3': 5, 'esp32c6': 13}


def pack(chip_id, entry, segments, hash_appended=True):
    """segments: [(load_addr, bytes)]; returns the image bytes (header, segments, checksum, digest)."""
    out = bytearray(struct.pack('<BBBBI', 0xE9, len(segments), 2, 0x10, entry))  # DIO, 2 MB, 40 MHz
    out += struct.pack('<B3BHBHH4BB', 0xEE, 0, 0, 0, chip_id, 0, 0, 0xFFFF, 0, 0, 0, 0, int(hash_appended))
    checksum = 0xEF
    for addr, data in segments:
        data = bytes(data) + b'\0' * (-len(data) % 4)
        out += struct.pack('<II', addr, len(data)) + data
        for b in data:
            checksum ^= b
    out += b'\0' * (15 - len(out) % 16) + bytes([checksum])
    if hash_appended:
        out += hashlib.sha256(out).digest()
    return bytes(out)


def have_gcc():
    return shutil.which(GCC) is not None


def build_hello(chip, *defines):
    """Assembles tests/hello.S for `chip` with extra -D defines; returns (entry, code bytes)."""
    with tempfile.TemporaryDirectory() as tmp:
        elf, raw = os.path.join(tmp, 'hello.elf'), os.path.join(tmp, 'hello.bin')
        flags = ['-DCHIP_C3' if chip == 'esp32c3' else '-DCHIP_C6'] + [f'-D{d}' for d in defines]
        subprocess.run([GCC, '-march=rv32imc_zicsr', '-mabi=ilp32', '-nostdlib', '-static',
                        f'-Wl,-Ttext=0x{LINK_AT[chip]:x}', *flags, '-o', elf, os.path.join(HERE, 'hello.S')],
                       check=True)
        subprocess.run(['riscv64-unknown-elf-objcopy', '-O', 'binary', '-j', '.text', elf, raw], check=True)
        with open(raw, 'rb') as f:
            return LINK_AT[chip], f.read()


def flash_with(image, pages=None):
    """A flash file's bytes: the image at 0x0 and {offset: bytes} elsewhere, erased (0xFF) in between."""
    pages = pages or {}
    end = max([len(image)] + [off + len(data) for off, data in pages.items()])
    flash = bytearray(b'\xff' * end)
    flash[:len(image)] = image
    for off, data in pages.items():
        flash[off:off + len(data)] = data
    return bytes(flash)
