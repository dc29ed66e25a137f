import { MinnowError } from '../errors.ts';

/**
 * The little of ELF32 an ESP image needs: the entry point and the bytes of each PT_LOAD program header
 * (System V gABI, "Program Header"). Segments with no file bytes (.bss) are skipped: the image zeroes .bss.
 */
export interface ElfSegment {
  readonly vaddr: number;
  readonly data: Uint8Array;
}

export interface Elf32 {
  readonly entry: number;
  readonly machine: number;
  readonly segments: readonly ElfSegment[];
}

const PT_LOAD = 1;
const EM_RISCV = 243;
export { EM_RISCV };

function fail(detail: string): MinnowError {
  return new MinnowError('ELF_INVALID', { detail });
}

export function readElf32(bytes: Uint8Array): Elf32 {
  if (bytes.length < 52) throw fail(`it has ${bytes.length} bytes, fewer than an ELF32 header's 52`);
  const magic = [0x7f, 0x45, 0x4c, 0x46];
  if (magic.some((b, i) => bytes[i] !== b)) throw fail('it does not start with 0x7F "ELF"');
  if (bytes[4] !== 1 || bytes[5] !== 1)
    throw fail('it is not a 32-bit little-endian ELF (EI_CLASS, EI_DATA)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const machine = view.getUint16(18, true);
  const entry = view.getUint32(24, true);
  const phoff = view.getUint32(28, true);
  const phentsize = view.getUint16(42, true);
  const phnum = view.getUint16(44, true);
  if (phentsize < 32) throw fail(`program headers of ${phentsize} bytes are shorter than ELF32's 32`);
  if (phoff + phnum * phentsize > bytes.length)
    throw fail('the program header table runs past the end of the file');
  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (view.getUint32(at, true) !== PT_LOAD) continue;
    const offset = view.getUint32(at + 4, true);
    const vaddr = view.getUint32(at + 8, true);
    const filesz = view.getUint32(at + 16, true);
    if (filesz === 0) continue;
    if (offset + filesz > bytes.length) throw fail(`program header ${i} runs past the end of the file`);
    segments.push({ vaddr, data: bytes.slice(offset, offset + filesz) });
  }
  if (segments.length === 0) throw fail('it has no loadable bytes (no PT_LOAD with a file size)');
  return { entry, machine, segments };
}
