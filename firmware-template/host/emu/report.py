"""The run's report (--report FILE.json): what a test asserts on besides the console bytes."""


def _merge_reads(reads):
    """esp_rom_spiflash_read calls as contiguous ranges, in flash order."""
    spans = []
    for addr, length in sorted(reads):
        if spans and addr <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], addr + length)
        else:
            spans.append([addr, addr + length])
    return [{'addr': f'0x{a:06x}', 'bytes': b - a} for a, b in spans]


def build_report(m, image):
    return {
        'chip': m.chip.name,
        'console': m.console,
        'cpuMhz': m.cpu_mhz,
        'exit': {'reason': m.exit_reason, 'clean': m.clean},
        'image': {'entry': f'0x{image.entry:08x}', 'bytes': image.size, 'hashAppended': image.hash_appended,
                  'segments': [{'addr': f'0x{s.load_addr:08x}', 'bytes': len(s.data)} for s in image.segments]},
        'instructions': m.icount,
        'cycles': m.cycles(),
        'idleCycles': m.idle_cycles,
        'emulatedMs': round(m.cycles() / (m.cpu_mhz * 1000), 3),
        'firstTxInstructions': m.first_tx,
        'firstFrameInstructions': m.first_frame,
        'frames': m.frames,
        'cycleCounterReads': m.csr_reads,
        'watchdogs': {d.name: d.report() for d in m.watchdogs},
        'mmu': m.mmu.report(),
        'flashReads': _merge_reads(m.flash_reads),
        'romCalls': dict(sorted(m.rom.calls.items())),
        'otherConsole': {k: v.decode('latin-1') for k, v in m.other.items()},
        'uartRxLost': m.uart0.lost,
        'usbTxDropped': m.usj.dropped,
    }
