"""Peripheral registers on Unicorn memory hooks.

Each modelled register is added by address with a read and a write function. Every 4 KB page that holds one is
mapped as MMIO; an access to any other word of such a page, or to a peripheral page with nothing modelled,
stops the emulation and names the address, so an image never runs on a register the model does not know.
"""
PAGE = 0x1000
PERIPHERALS = (0x60000000, 0x60100000)  # peripheral address space of both chips (soc/<chip>/.../reg_base.h)


class Bus:
    def __init__(self, machine):
        self.machine = machine
        self.regs = {}  # address -> (name, read(), write(value))

    def reg(self, addr, name, read=None, write=None):
        """A register: `read()` returns its value, `write(value)` takes a word. None = not readable/writable."""
        if addr in self.regs:
            raise ValueError(f'register 0x{addr:08x} modelled twice')
        self.regs[addr] = (name, read, write)

    def store(self, addr, name, reset=0, on_write=None):
        """A plain read/write register with its reset value; returns a one-item list holding the value."""
        cell = [reset]

        def write(value):
            cell[0] = value
            if on_write:
                on_write(value)

        self.reg(addr, name, lambda: cell[0], write)
        return cell

    def map(self, uc):
        for page in sorted({a & ~(PAGE - 1) for a in self.regs}):
            uc.mmio_map(page, PAGE, self._read, page, self._write, page)

    def _read(self, uc, offset, size, page):
        addr = page + offset
        entry = self.regs.get(addr & ~3)
        if entry is None or entry[1] is None:
            self.machine.stop(f'unmodelled register read at 0x{addr:08x}')
            return 0
        return (entry[1]() >> (8 * (addr & 3))) & ((1 << (8 * size)) - 1)

    def _write(self, uc, offset, size, value, page):
        addr = page + offset
        entry = self.regs.get(addr & ~3)
        if entry is None or entry[2] is None:
            self.machine.stop(f'unmodelled register write of 0x{value:x} at 0x{addr:08x}')
            return
        if size != 4 or addr & 3:
            self.machine.stop(f'{size}-byte write at 0x{addr:08x} ({entry[0]}): registers are written as words')
            return
        entry[2](value & 0xFFFFFFFF)
