"""System and clock registers an image reads to learn its CPU clock (FACTS §6).

Read-only in the model: the CPU stays on the clock it had at reset. A write would mean the image changes the
clock (BBPLL, dividers), which the model does not follow, so it stops and says so rather than run at a wrong
speed (FACTS §6: "staying on XTAL is the simple option").
"""


def add_sysregs(machine, chip):
    for addr, value in chip.sysclk.items():
        def refuse(v, addr=addr):
            machine.stop(f'write of 0x{v:08x} to clock register 0x{addr:08x}: clock changes are not modelled '
                         '(FACTS §6: stay on XTAL)')
        machine.bus.reg(addr, f'clock register 0x{addr:08x}', lambda value=value: value, refuse)
