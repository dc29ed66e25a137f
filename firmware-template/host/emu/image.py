"""Reads and checks the ESP image at flash 0x0 the way the mask ROM loads it (FACTS §1-§2).

An independent reader of the format: it shares no code with the project's image writer, so a mistake in one
shows up as a refusal in the other. The ROM's own checks are partly unconfirmed (FACTS §10.1); this reader
applies every check the IDF bootloader and esptool make, which is at least as strict.
"""
import hashlib
import struct
from dataclasses import dataclass

MAGIC = 0xE9  # ESP_IMAGE_HEADER_MAGIC, FACTS §1.1
MAX_SEGMENTS = 16  # ESP_IMAGE_MAX_SEGMENTS, FACTS §1.1
CHECKSUM_SEED = 0xEF  # ESP_CHECKSUM_MAGIC, FACTS §1.3
HEADER_BYTES = 24  # esp_image_header_t, FACTS §1.1


class ImageError(Exception):
    """The ROM would not start this image; the message names the field, its place and the fix."""


@dataclass(frozen=True)
class Segment:
    load_addr: int
    data: bytes
    file_offset: int


@dataclass(frozen=True)
class Image:
    entry: int
    chip_id: int
    segments: tuple
    size: int  # bytes from 0x0 up to the checksum (and digest, if any)
    hash_appended: bool


def _fail(what, fix):
    raise ImageError(f'{what}: {fix}')


def parse_image(flash, chip):
    """Parses and checks the image at flash offset 0 for `chip` (chips.Chip); raises ImageError."""
    if len(flash) < HEADER_BYTES:
        _fail('image header at 0x0 is cut short', 'write the whole image at flash 0x0')
    magic, count, _mode, _speed_size, entry = struct.unpack_from('<BBBBI', flash, 0)
    chip_id, = struct.unpack_from('<H', flash, 12)
    hash_appended = flash[23]
    if magic != MAGIC:
        _fail(f'invalid header: magic 0x{magic:02x} at 0x0, not 0xe9', 'flash an ESP image at offset 0x0')
    if count == 0 or count > MAX_SEGMENTS:
        _fail(f'segment count {count} at 0x1 is outside 1..16', 'write at most 16 segments')
    if chip_id != chip.chip_id:
        _fail(f'chip_id {chip_id} at 0xc is not {chip.chip_id} ({chip.name})', f'build the image for {chip.name}')
    if hash_appended not in (0, 1):
        _fail(f'hash_appended {hash_appended} at 0x17 is neither 0 nor 1', 'write 1 with a SHA-256, else 0')
    segments, pos, checksum = [], HEADER_BYTES, CHECKSUM_SEED
    for index in range(count):
        if pos + 8 > len(flash):
            _fail(f'segment {index} header at 0x{pos:x} is past the end of flash', 'write the whole image')
        addr, length = struct.unpack_from('<II', flash, pos)
        where = f'segment {index} (header at 0x{pos:x}, load 0x{addr:08x}, {length} bytes)'
        if length % 4:
            _fail(f'{where}: length is not a multiple of 4', 'pad every segment to 4 bytes')
        if pos + 8 + length > len(flash):
            _fail(f'{where}: data runs past the end of flash', 'write the whole image')
        _check_place(where, addr, length, chip)
        data = bytes(flash[pos + 8:pos + 8 + length])
        for b in data:
            checksum ^= b
        segments.append(Segment(addr, data, pos + 8))
        pos += 8 + length
    _check_overlaps(segments, chip)
    _check_entry(entry, segments, chip)
    end = (pos + 1 + 15) & ~15  # the checksum is the last byte of a 16-byte block, FACTS §1.3
    if end > len(flash):
        _fail('checksum byte is past the end of flash', 'write the whole image')
    if flash[end - 1] != checksum:
        _fail(f'checksum 0x{flash[end - 1]:02x} at 0x{end - 1:x} is not 0x{checksum:02x}',
              'recompute the XOR of all segment data seeded with 0xEF')
    if hash_appended:
        digest = hashlib.sha256(bytes(flash[:end])).digest()
        if bytes(flash[end:end + 32]) != digest:
            _fail(f'SHA-256 at 0x{end:x} does not match bytes 0x0..0x{end - 1:x}',
                  'append the digest of the image up to its checksum, or set hash_appended to 0')
        end += 32
    return Image(entry, chip_id, tuple(segments), end, bool(hash_appended))


def _check_place(where, addr, length, chip):
    lo, hi = chip.safe_load
    alias = chip.iram_alias
    inside = lo <= addr and addr + length <= hi
    inside_alias = alias and lo + alias <= addr and addr + length <= hi + alias
    if inside or inside_alias:
        return
    r_lo, r_hi = chip.rom_reserved
    for base in {0, alias}:
        if addr < r_hi + base and addr + length > r_lo + base:
            _fail(f'{where}: overlaps the ROM stack/.bss 0x{r_lo + base:08x}-0x{r_hi + base:08x}',
                  'the ROM is still running while it copies: link below that area')
    _fail(f'{where}: outside the safe load region 0x{lo:08x}-0x{hi:08x}',
          'load every segment into internal SRAM below the ROM stack (FACTS §2.2)')


def data_address(addr, chip):
    """The data-bus address of an SRAM address given on either bus (C3 I/D alias, FACTS §2.1)."""
    if chip.iram_alias and addr >= chip.sram[0] + chip.iram_alias:
        return addr - chip.iram_alias
    return addr


def _check_entry(entry, segments, chip):
    code_lo = chip.safe_load[0] + chip.iram_alias
    code_hi = chip.safe_load[1] + chip.iram_alias
    if not code_lo <= entry < code_hi:
        _fail(f'entry 0x{entry:08x} at 0x4 is not on the instruction bus 0x{code_lo:08x}-0x{code_hi:08x}',
              'link the entry point into IRAM')
    target = data_address(entry, chip)
    if not any(data_address(s.load_addr, chip) <= target < data_address(s.load_addr, chip) + len(s.data)
               for s in segments):
        _fail(f'entry 0x{entry:08x} at 0x4 is in no loaded segment', 'point the header at the loaded code')


def _check_overlaps(segments, chip):
    spans = sorted((data_address(s.load_addr, chip), data_address(s.load_addr, chip) + len(s.data))
                   for s in segments)
    for (a0, a1), (b0, _b1) in zip(spans, spans[1:]):
        if b0 < a1:
            _fail(f'segments at 0x{a0:08x} and 0x{b0:08x} overlap', 'give every segment its own addresses')
