"""Cache, MMU and the flash windows (FACTS §5.2).

Flash does not change while the chip runs, so a mapped window page is simply a copy of its flash page, made
when the mapping changes. A window page is readable only while: its MMU entry is valid, the bus is open
(SHUT_DBUS / SHUT_IBUS clear), and the cache is enabled and not suspended. Otherwise it is unmapped and an
access stops the emulation with the reason. At reset the cache is off and every entry invalid: "ROM doesn't
init cache MMU when it's a RAM APP" (ESP_ROM_RAM_APP_NEEDS_MMU_INIT, esp_rom_caps.h).
"""
from unicorn import UC_PROT_EXEC, UC_PROT_READ


class CacheMmu:
    def __init__(self, machine, chip, flash):
        self.m, self.chip, self.flash = machine, chip, flash
        self.cfg = chip.mmu
        self.entries = [None] * self.cfg['entries']  # flash page number, or None = invalid
        self.bus = self.cfg['bus_reset']  # SHUT_IBUS bit0 / SHUT_DBUS bit1
        self.power = self.cfg.get('power_reset', 0)
        self.enabled = False
        self.suspended = False
        self.autoload = 0  # Cache_Suspend_ICache returns it, Cache_Resume_ICache takes it back
        self.mapped = {}  # vaddr -> (flash page, perms) currently in Unicorn
        self.mappings = []  # report: what the image mapped, and how
        self.reads = {'bytes': 0, 'flashPages': set()}
        self._add_registers(machine.bus)

    # --- registers ---------------------------------------------------------------------------------
    def _add_registers(self, bus):
        cfg = self.cfg
        bus.reg(cfg['bus_reg'], 'cache bus control', lambda: self.bus, self._write_bus)
        if cfg['kind'] == 'table':
            # C3: DR_REG_MMU_TABLE + id*4 = flash page, SOC_MMU_INVALID BIT(8) (FACTS §5.2, soc/mmu.h)
            for i in range(cfg['entries']):
                bus.reg(cfg['table'] + 4 * i, f'MMU entry {i}', lambda i=i: self._entry_value(i),
                        lambda v, i=i: self.write_entry(i, v, 'register'))
        else:
            # C6: SPI_MEM_MMU_ITEM_INDEX selects, ITEM_CONTENT reads/writes, BIT(9) valid (FACTS §5.2)
            self.index = bus.store(cfg['index'], 'SPI_MEM_MMU_ITEM_INDEX_REG')
            bus.reg(cfg['content'], 'SPI_MEM_MMU_ITEM_CONTENT_REG', lambda: self._entry_value(self._index()),
                    lambda v: self.write_entry(self._index(), v, 'register'))
            bus.reg(cfg['power_ctrl'], 'SPI_MEM_MMU_POWER_CTRL_REG', lambda: self.power, self._write_power)

    def _index(self):
        return self.index[0]

    def _entry_value(self, i):
        page = self.entries[i] if i < len(self.entries) else None
        if self.cfg['kind'] == 'table':
            return self.cfg['invalid'] if page is None else page
        return 0 if page is None else page | self.cfg['valid']

    def page_size(self):
        if self.cfg['kind'] == 'table':
            return 0x10000  # C3: fixed 64 KB (mmu_ll_get_page_size)
        return 0x10000 >> ((self.power >> 3) & 3)  # C6: SPI_MEM_MMU_PAGE_SIZE [4:3], 0 = 64 KB

    def write_entry(self, i, value, via):
        if i >= len(self.entries):
            self.m.stop(f'MMU entry {i} written ({via}): the chip has {len(self.entries)} entries')
            return
        if self.cfg['kind'] == 'table':
            page = None if value & self.cfg['invalid'] else value & self.cfg['page_mask']
        else:
            page = value & self.cfg['page_mask'] if value & self.cfg['valid'] else None
        self.entries[i] = page
        if page is not None:
            self.mappings.append({'entry': i, 'vaddr': f'0x{self._vaddr(i):08x}',
                                  'flash': f'0x{page * self.page_size():06x}', 'via': via})
        self.sync()

    def _write_bus(self, value):
        self.bus = value
        self.sync()

    def _write_power(self, value):
        self.power = value
        self.sync()

    def _vaddr(self, i):
        return self.cfg['windows'][0][0] + i * self.page_size()

    # --- ROM helpers ---------------------------------------------------------------------------------
    def boot_cache_init(self):
        """ROM_Boot_Cache_Init: resets the MMU (all invalid) and enables the cache (rom/cache.h:270)."""
        self.entries = [None] * len(self.entries)
        self.enabled, self.suspended = True, False
        self.sync()

    def set_cache(self, enabled=None, suspended=None):
        if enabled is not None:
            self.enabled = enabled
        if suspended is not None:
            self.suspended = suspended
        self.sync()

    def rom_map(self, vaddr, paddr, psize_kb, num, fixed, via):
        """Cache_Dbus_MMU_Set / Cache_MSPI_MMU_Set: 0 ok, 2 misaligned, 3 psize error, 4 out of range."""
        size = self.page_size()
        if psize_kb * 1024 != size:
            return 3
        if vaddr % size or paddr % size:
            return 2
        base, span, _ = self.cfg['windows'][0]
        if self.cfg['kind'] == 'table':
            win = [w for w in self.cfg['windows'] if w[0] <= vaddr < w[0] + w[1]]
            if not win:
                return 4
            base, span, _ = win[0]
        if not (base <= vaddr and vaddr + num * size <= base + span):
            return 4
        first = (vaddr - base) // size
        for k in range(num):
            page = paddr // size + (0 if fixed else k)
            raw = page if self.cfg['kind'] == 'table' else page | self.cfg['valid']
            self.write_entry(first + k, raw, via)
        return 0

    # --- the windows in Unicorn ---------------------------------------------------------------------
    def _wanted(self):
        want = {}
        if not self.enabled or self.suspended:
            return want
        size = self.page_size()
        for base, span, kind in self.cfg['windows']:
            perms = 0
            if kind in ('dbus', 'shared') and not self.bus & 2:
                perms |= UC_PROT_READ
            if kind in ('ibus', 'shared') and not self.bus & 1:
                perms |= UC_PROT_EXEC | UC_PROT_READ * (kind == 'ibus')
            if not perms:
                continue
            for i, page in enumerate(self.entries):
                if page is not None and i * size < span:
                    want[base + i * size] = (page, perms, size)
        return want

    def sync(self):
        uc = self.m.uc
        want = self._wanted()
        for vaddr in [v for v in self.mapped if self.mapped[v] != want.get(v)]:
            uc.mem_unmap(vaddr, self.mapped.pop(vaddr)[2])
        for vaddr, (page, perms, size) in want.items():
            if vaddr in self.mapped:
                continue
            uc.mem_map(vaddr, size, perms)
            start = (page * size) % len(self.flash)  # flash addresses wrap at the flash size
            uc.mem_write(vaddr, bytes(self.flash[start:start + size]))
            self.mapped[vaddr] = (page, perms, size)
        # No translation-cache flush here: Unicorn 2.0.1 crashes on ctl_flush_tb inside a hook. Code run from
        # the instruction window must therefore be mapped before it first runs (the images here run from SRAM).

    def on_read(self, addr, size):
        page = self.mapped.get(addr - addr % self.page_size())
        if page:
            self.reads['bytes'] += size
            self.reads['flashPages'].add(page[0] * self.page_size())

    def explain(self, addr):
        """Why an access to the window at `addr` failed, or None when `addr` is not in a window."""
        for base, span, kind in self.cfg['windows']:
            if base <= addr < base + span:
                i = (addr - base) // self.page_size()
                if not self.enabled:
                    return f'read through the flash window at 0x{addr:08x} with the cache disabled'
                if self.suspended:
                    return f'read through the flash window at 0x{addr:08x} while the cache is suspended'
                if kind != 'ibus' and self.bus & 2:
                    return f'read through the flash window at 0x{addr:08x} with the data bus shut (SHUT_DBUS)'
                if kind == 'ibus' and self.bus & 1:
                    return f'fetch from the flash window at 0x{addr:08x} with the instruction bus shut (SHUT_IBUS)'
                if i >= len(self.entries) or self.entries[i] is None:
                    return f'read through unmapped MMU page {i} at 0x{addr:08x}'
                return f'access to the flash window at 0x{addr:08x} not allowed on this bus'
        return None

    def report(self):
        return {'mappings': self.mappings, 'windowReads': {
            'bytes': self.reads['bytes'], 'flashPages': [f'0x{p:06x}' for p in sorted(self.reads['flashPages'])]},
            'cacheEnabled': self.enabled, 'pageSize': self.page_size()}
