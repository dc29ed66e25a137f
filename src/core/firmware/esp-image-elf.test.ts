import { describe, expect, it } from 'vitest';

import { isMinnowError } from '../errors.ts';
import { EM_RISCV, readElf32 } from './esp-image-elf.ts';

/** A minimal ELF32 written from the gABI tables: header, two PT_LOAD entries (one .bss-like), one PT_NOTE. */
function tinyElf(): Uint8Array {
  const bytes = new Uint8Array(52 + 3 * 32 + 8);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, EM_RISCV, true);
  v.setUint32(24, 0x40800000, true); // e_entry
  v.setUint32(28, 52, true); // e_phoff
  v.setUint16(42, 32, true); // e_phentsize
  v.setUint16(44, 3, true); // e_phnum
  const ph = (i: number, type: number, offset: number, vaddr: number, filesz: number) => {
    const at = 52 + i * 32;
    v.setUint32(at, type, true);
    v.setUint32(at + 4, offset, true);
    v.setUint32(at + 8, vaddr, true);
    v.setUint32(at + 16, filesz, true);
  };
  ph(0, 1, 148, 0x40800000, 8);
  ph(1, 1, 0, 0x40801000, 0); // memsz only: skipped
  ph(2, 4, 148, 0, 8); // PT_NOTE: skipped
  bytes.set([1, 2, 3, 4, 5, 6, 7, 8], 148);
  return bytes;
}

describe('ELF32 program-header reader', () => {
  it('returns the entry and the file bytes of each PT_LOAD with a file size', () => {
    const elf = readElf32(tinyElf());
    expect(elf.entry).toBe(0x40800000);
    expect(elf.machine).toBe(EM_RISCV);
    expect(elf.segments).toEqual([{ vaddr: 0x40800000, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }]);
  });

  it('refuses garbage with E553', () => {
    const good = tinyElf();
    const cases: Uint8Array[] = [
      good.subarray(0, 40),
      Uint8Array.from(good, (b, i) => (i === 1 ? 0x46 : b)),
      Uint8Array.from(good, (b, i) => (i === 4 ? 2 : b)), // ELFCLASS64
      good.subarray(0, 120), // program headers cut off
      good.subarray(0, 150), // segment data cut off
    ];
    for (const bytes of cases) {
      try {
        readElf32(bytes);
        expect.unreachable();
      } catch (e) {
        expect(isMinnowError(e) && e.code).toBe(553);
      }
    }
  });
});
