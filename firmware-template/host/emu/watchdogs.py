"""RWDT, SWD, MWDT0 (TIMG0) and MWDT1 (TIMG1) as armed at SPI boot (FACTS §3).

Every register of a watchdog ignores writes until its WPROTECT register holds the key (the write protection the
IDF HAL lifts before each change, wdt_hal / rwdt_ll.h / mwdt_ll.h); writing anything else locks it again.
RWDT and MWDT0 start armed (FLASHBOOT_MOD_EN = 1 at reset), SWD starts armed (FACTS §3), MWDT1 starts off.

Timeout rule: an armed watchdog resets the chip `period` cycles after reset or after its last feed, with
period = wdt_ms (default 1500, FACTS §3.1: 200000 RC_SLOW ticks = 1.5 s) x the CPU clock in MHz x 1000, counting
one cycle per instruction executed plus the cycles ets_delay_us spends. The stage-0 hold the ROM leaves is
unconfirmed (FACTS §10.8), so only "disabled" is a safe state, never "fast enough".
"""


class Watchdog:
    def __init__(self, machine, name, wprotect, key, armed):
        self.m, self.name, self.key = machine, name, key
        self.unlocked = False
        self.armed = armed
        self.expires = machine.wdt_period if armed else None
        self.events = []  # what the image wrote, in order, for the report
        self.disabled_by = None
        machine.bus.reg(wprotect, f'{name} WPROTECT', lambda: self.key if self.unlocked else 0, self._protect)

    def _protect(self, value):
        self.unlocked = value == self.key
        self._log('unlock' if self.unlocked else 'lock', value)

    def _log(self, event, value, addr=None):
        entry = {'event': event, 'value': f'0x{value:08x}', 'instructions': self.m.icount}
        if addr is not None:
            entry['addr'] = f'0x{addr:08x}'
        self.events.append(entry)

    def guarded(self, addr, what, apply):
        """A write function that changes state only while unlocked."""
        def write(value):
            if not self.unlocked:
                self._log(f'{what} ignored: write-protected', value, addr)
                return
            self._log(what, value, addr)
            apply(value)
        return write

    def set_armed(self, armed, how):
        if self.armed and not armed:
            unlocks = [e for e in self.events if e['event'] == 'unlock']
            self.disabled_by = {'how': how, 'key': unlocks[-1]['value'], 'instructions': self.m.icount}
        if armed and not self.armed:
            self.disabled_by = None
        self.armed = armed
        self.expires = self.m.cycles() + self.m.wdt_period if armed else None
        if armed:
            self.m.schedule_watchdog(self.expires)

    def feed(self, _value):
        if self.armed:
            self.expires = self.m.cycles() + self.m.wdt_period

    def report(self):
        return {'armed': self.armed, 'disabledBy': self.disabled_by, 'writes': self.events}


def rwdt(machine, chip):
    r = chip.rwdt
    dog = Watchdog(machine, 'RWDT', r['wprotect'], r['key'], armed=True)
    on = (1 << r['en']) | (1 << r['flashboot'])  # WDT_EN / WDT_FLASHBOOT_MOD_EN, FACTS §3.1
    config = [r['config0_reset']]

    def apply(value):
        config[0] = value
        dog.set_armed(bool(value & on), f'CONFIG0 = 0x{value:08x} (WDT_EN and FLASHBOOT_MOD_EN clear)')
    machine.bus.reg(r['config0'], 'RWDT CONFIG0', lambda: config[0], dog.guarded(r['config0'], 'config', apply))
    hold = [200000]  # stage-0 hold default, FACTS §3.1
    machine.bus.reg(r['config1'], 'RWDT CONFIG1', lambda: hold[0],
                    dog.guarded(r['config1'], 'hold', lambda v: hold.__setitem__(0, v)))
    machine.bus.reg(r['feed'], 'RWDT FEED', None, dog.guarded(r['feed'], 'feed', dog.feed))
    return dog


def swd(machine, chip):
    s = chip.swd
    dog = Watchdog(machine, 'SWD', s['wprotect'], s['key'], armed=True)
    conf = [s['conf_reset']]
    off = (1 << s['auto_feed']) | (1 << s['disable'])  # SWD_AUTO_FEED_EN / SWD_DISABLE, FACTS §3.1

    def apply(value):
        if value & (1 << s['feed']):
            dog.feed(value)
        conf[0] = value & ~(1 << s['feed'])  # SWD_FEED is write-only
        how = 'auto-feed' if value & (1 << s['auto_feed']) else 'SWD_DISABLE'
        dog.set_armed(not value & off, f'SWD_CONF = 0x{value:08x} ({how})')
    machine.bus.reg(s['conf'], 'SWD CONF', lambda: conf[0], dog.guarded(s['conf'], 'config', apply))
    return dog


def mwdt(machine, base, name, armed):
    """TIMG WDT: WDTCONFIG0 +0x48, CONFIG1..5 +0x4C..+0x5C, FEED +0x60, WPROTECT +0x64 (timer_group_reg.h)."""
    dog = Watchdog(machine, name, base + 0x64, 0x50D83AA1, armed)  # key: mwdt_ll.h:243, FACTS §3.1
    on = (1 << 31) | (1 << 14)  # TIMG_WDT_EN / TIMG_WDT_FLASHBOOT_MOD_EN
    config = [(1 << 14) if armed else 0]

    def apply(value):
        config[0] = value & ~(1 << 22)
        # "Config registers are updated asynchronously" (mwdt_ll.h:190): a change takes effect only with
        # TIMG_WDT_CONF_UPDATE_EN (bit 22) set.
        if value & (1 << 22):
            dog.set_armed(bool(value & on), f'WDTCONFIG0 = 0x{value:08x} (EN, FLASHBOOT clear; CONF_UPDATE_EN)')
    machine.bus.reg(base + 0x48, f'{name} WDTCONFIG0', lambda: config[0], dog.guarded(base + 0x48, 'config', apply))
    for i in range(1, 6):
        cell = [0]
        machine.bus.reg(base + 0x48 + 4 * i, f'{name} WDTCONFIG{i}', lambda c=cell: c[0],
                        dog.guarded(base + 0x48 + 4 * i, 'config', lambda v, c=cell: c.__setitem__(0, v)))
    machine.bus.reg(base + 0x60, f'{name} WDTFEED', None, dog.guarded(base + 0x60, 'feed', dog.feed))
    return dog


def all_watchdogs(machine, chip):
    return [rwdt(machine, chip), swd(machine, chip), mwdt(machine, chip.timg0, 'MWDT0', True),
            mwdt(machine, chip.timg1, 'MWDT1', False)]
