"""One ESP32-C3/C6 around Unicorn's RV32IMC core: memory map, peripherals, ROM, and the run loop.

Instructions are counted per translated block (a block hook adds the block's instruction count, decoded once
from its bytes), so no Python runs per instruction; the only per-instruction hook covers the ROM range.
"""
import ctypes
import sys
import time

from unicorn import (UC_ARCH_RISCV, UC_HOOK_BLOCK, UC_HOOK_CODE, UC_HOOK_INTR, UC_HOOK_MEM_PROT,
                     UC_HOOK_MEM_READ, UC_HOOK_MEM_UNMAPPED, UC_MEM_FETCH_PROT, UC_MEM_FETCH_UNMAPPED,
                     UC_MEM_WRITE_PROT, UC_MEM_WRITE_UNMAPPED, UC_MODE_RISCV32, UC_PROT_ALL, UC_PROT_EXEC,
                     UC_PROT_READ, Uc)
from unicorn import riscv_const as rv

from bus import PERIPHERALS, Bus
from console import Uart0, UsbSerialJtag
from host_input import HostInput
from mmu import CacheMmu
from rom import Rom
from sysregs import add_sysregs
from watchdogs import all_watchdogs

TRAPS = {0: 'misaligned fetch', 1: 'fetch access fault', 2: 'illegal instruction', 3: 'breakpoint',
         4: 'misaligned load', 5: 'load access fault', 6: 'misaligned store', 7: 'store access fault',
         11: 'ecall'}
IDLE_POLLS = 32  # empty console polls in a row before the emulator waits for the host


class Machine:
    def __init__(self, chip, flash, console='uart0', wdt_ms=1500, host=None, out=None):
        self.chip, self.flash, self.console = chip, flash, console
        self.cpu_mhz = chip.cpu_mhz
        self.rom_cpu_mhz = chip.cpu_mhz  # what ets_get_cpu_frequency answers
        self.wdt_period = wdt_ms * chip.cpu_mhz * 1000
        self.host = host or HostInput()
        self.out = out or sys.stdout.buffer
        self.uc = Uc(UC_ARCH_RISCV, UC_MODE_RISCV32)
        self.icount, self.delay_cycles, self.idle_cycles = 0, 0, 0
        self.next_check = self.wdt_period
        self.stopped, self.exit_reason, self.clean = False, None, False
        self.flash_attached, self.flash_reads = False, []
        self.first_tx = self.first_frame = None
        self.other = {}
        self.empty_polls = 0
        self.csr_reads = 0
        self.frames = []  # (kind, seq, instructions at its last byte) of each frame the image sent
        self._line = b''
        self.block_counts = {}
        self._map_memory()
        self.bus = Bus(self)
        quiet = HostInput()
        self.uart0 = Uart0(self, chip, self.host if console == 'uart0' else quiet)
        self.usj = UsbSerialJtag(self, chip, self.host if console == 'usb' else quiet)
        self.watchdogs = all_watchdogs(self, chip)
        self.mmu = CacheMmu(self, chip, flash)
        add_sysregs(self, chip)
        self.bus.map(self.uc)
        self.rom = Rom(self, chip)
        self._hook()

    # --- memory --------------------------------------------------------------------------------------
    def _map_memory(self):
        c, uc = self.chip, self.uc
        lo, hi = c.sram
        self._sram = ctypes.create_string_buffer(hi - lo)  # one buffer, seen on both buses (FACTS §2.1)
        uc.mem_map_ptr(lo, hi - lo, UC_PROT_ALL, self._sram)
        if c.iram_alias:
            uc.mem_map_ptr(lo + c.iram_alias, hi - lo, UC_PROT_ALL, self._sram)
        uc.mem_map(c.rom[0], c.rom[1] - c.rom[0], UC_PROT_READ | UC_PROT_EXEC)  # zeros: never runs, hooked
        uc.mem_map(c.rtc_ram[0], c.rtc_ram[1] - c.rtc_ram[0], UC_PROT_ALL)

    def read_cstr(self, addr, limit=512):
        out = bytearray()
        while len(out) < limit:
            b = self.uc.mem_read(addr + len(out), 1)[0]
            if b == 0:
                break
            out.append(b)
        return out.decode('latin-1')

    # --- hooks ---------------------------------------------------------------------------------------
    def _hook(self):
        uc = self.uc
        uc.hook_add(UC_HOOK_BLOCK, self._on_block)
        uc.hook_add(UC_HOOK_CODE, self.rom.on_code, begin=self.chip.rom[0], end=self.chip.rom[1] - 1)
        uc.hook_add(UC_HOOK_MEM_UNMAPPED, self._on_bad_access)
        uc.hook_add(UC_HOOK_MEM_PROT, self._on_bad_access)
        uc.hook_add(UC_HOOK_INTR, self._on_trap)
        for base, span, _ in self.chip.mmu['windows']:
            uc.hook_add(UC_HOOK_MEM_READ, lambda _uc, _a, addr, size, _v, _d: self.mmu.on_read(addr, size),
                        begin=base, end=base + span - 1)

    def _on_block(self, uc, addr, size, _data):
        key = (addr, size)
        n = self.block_counts.get(key)
        if n is None:
            code, n, i = uc.mem_read(addr, size), 0, 0
            while i < size:  # RV32C: low two bits 11 = 32-bit instruction, else 16-bit
                i += 4 if code[i] & 3 == 3 else 2
                n += 1
            self.block_counts[key] = n
        self.icount += n
        if self.cycles() >= self.next_check:
            self._check_watchdogs()

    def _check_watchdogs(self):
        now = self.cycles()
        for dog in self.watchdogs:
            if dog.armed and dog.expires <= now:
                self.stop(f'watchdog reset ({dog.name}): still armed after {now} cycles')
                return
        self.next_check = min([d.expires for d in self.watchdogs if d.armed] or [float('inf')])

    def _on_bad_access(self, uc, access, addr, size, value, _data):
        pc = uc.reg_read(rv.UC_RISCV_REG_PC)
        kind = ('fetch' if access in (UC_MEM_FETCH_UNMAPPED, UC_MEM_FETCH_PROT) else
                'write' if access in (UC_MEM_WRITE_UNMAPPED, UC_MEM_WRITE_PROT) else 'read')
        why = self.mmu.explain(addr)
        if why is None and PERIPHERALS[0] <= addr < PERIPHERALS[1]:
            why = f'unmodelled register {kind} at 0x{addr:08x} (no register of that peripheral is modelled)'
        self.stop(f'{why or f"{kind} of unmapped address 0x{addr:08x}"} (pc 0x{pc:08x})')
        return False

    def _on_trap(self, uc, cause, _data):
        pc = uc.reg_read(rv.UC_RISCV_REG_PC)  # Unicorn 2.0.1 leaves pc after the trapping instruction
        if cause == 2 and self._custom_csr(uc, pc - 4):
            return
        self.stop(f'CPU trap: cause {cause} ({TRAPS.get(cause, "other")}), pc 0x{pc:08x} (after the instruction)')

    def _custom_csr(self, uc, at):
        """`csrr rd, 0x7e2`: mpccr, the machine performance counter ESP-IDF reads as the cycle count on C3/C6
        (rv_utils_get_cycle_count, CSR_PCCR_MACHINE 0x7e2, components/riscv/include/riscv/rv_utils.h). IDF
        never writes its controls (0x7e0/0x7e1), so it counts cycles from reset: here, cycles(). Unicorn does
        not know the CSR and traps; the value is written to rd and execution goes on after the instruction."""
        word = int.from_bytes(uc.mem_read(at, 4), 'little')
        if word & 0xFFFFF07F != 0x7E202073:  # csrrs rd, 0x7e2, x0
            return False
        rd = (word >> 7) & 31
        if rd:
            uc.reg_write(rv.UC_RISCV_REG_X0 + rd, self.cycles() & 0xFFFFFFFF)
        self.csr_reads += 1
        return True

    # --- what the peripherals call -------------------------------------------------------------------
    def cycles(self):
        """Emulated time in CPU cycles: one per instruction, plus ets_delay_us and waits for the host."""
        return self.icount + self.delay_cycles + self.idle_cycles

    def stop(self, reason, clean=False):
        if not self.stopped:
            self.stopped, self.exit_reason, self.clean = True, reason, clean
        self.uc.emu_stop()

    def schedule_watchdog(self, expires):
        self.next_check = min(self.next_check, expires)

    def idle_poll(self, host):
        """The image found a console empty. After a few tries, wait for the host instead of spinning; a poll
        of the console the host is not on counts too, so a closed host ends the run either way."""
        if host is self.host and host.pending():
            self.empty_polls = 0
            return
        self.empty_polls += 1
        if self.empty_polls < IDLE_POLLS:
            return
        self.out.flush()
        started = time.monotonic()
        unread = self.uart0.fifo or self.usj.out_ep
        if not self.host.wait(0.02) and self.host.eof and not unread:
            self.stop('console input closed', clean=True)
        # The chip's clock runs while it waits for the host: the wait counts as cycles spent polling, so a
        # watchdog left armed fires during a long wait as it would on the board.
        self.idle_cycles += int((time.monotonic() - started) * self.cpu_mhz * 1_000_000)
        # Bytes that came during the wait start down the UART line now, not at the start of the wait.
        self.uart0.next_arrival = max(self.uart0.next_arrival, self.cycles())

    def console_tx(self, which, data):
        if which != self.console:
            self.other[which] = self.other.get(which, b'') + data
            return
        if self.first_tx is None:
            self.first_tx = self.icount
        self._find_frames(data)
        self.out.write(data)
        if b'\n' in data:
            self.out.flush()

    def _find_frames(self, data):
        """Notes each complete frame line (docs/PROTOCOL.md: `@MN<version> <seq> <kind> ...` up to CRLF)."""
        for byte in data:
            self._line = self._line + bytes([byte]) if len(self._line) < 64 else self._line
            if byte != 0x0A:
                continue
            at = self._line.find(b'@MN')
            fields = self._line[at:].split(b' ') if at >= 0 else []
            if len(fields) > 2 and len(self.frames) < 1000:
                seq = int(fields[1]) if fields[1].isdigit() else None
                self.frames.append({'kind': fields[2].decode('latin-1'), 'seq': seq, 'instructions': self.icount})
                if self.first_frame is None:
                    self.first_frame = self.icount
            self._line = b''

    # --- boot and run --------------------------------------------------------------------------------
    def load(self, image):
        """What the ROM does (FACTS §2): copy each segment, then jump to the entry on the ROM's stack."""
        for seg in image.segments:
            self.uc.mem_write(seg.load_addr, seg.data)
        uc, c = self.uc, self.chip
        junk = 0xA5A50000
        for reg in range(rv.UC_RISCV_REG_X1, rv.UC_RISCV_REG_X31 + 1):
            uc.reg_write(reg, junk + reg)  # whatever the ROM left: the image must not rely on any of it
        uc.reg_write(rv.UC_RISCV_REG_RA, c.rom[0] + 0x4000)  # returning from the entry lands in the ROM
        uc.reg_write(rv.UC_RISCV_REG_SP, c.rom_stack_top - 0x200)  # inside the ROM stack, FACTS §2.2
        uc.reg_write(rv.UC_RISCV_REG_MTVEC, c.rom[0] + 0x100 | 1)  # the ROM's vectors
        uc.reg_write(rv.UC_RISCV_REG_MSTATUS, 0x1888)  # MPP=M, MPIE, MIE set: mask it before relying on it
        uc.reg_write(rv.UC_RISCV_REG_PC, image.entry)

    def run(self, entry, timeout_s):
        try:
            self.uc.emu_start(entry, 0xFFFFFFFF, timeout=int(timeout_s * 1_000_000))
        except Exception as e:  # a fault Unicorn reports after a hook asked to stop keeps the hook's reason
            if not self.stopped:
                self.stop(f'emulation error: {e} at pc 0x{self.uc.reg_read(rv.UC_RISCV_REG_PC):08x}')
        if not self.stopped:
            self.stop(f'timeout after {timeout_s} s of wall-clock time')
        self.out.flush()
