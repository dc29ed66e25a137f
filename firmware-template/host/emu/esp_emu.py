#!/usr/bin/env python3
"""Boots a bare-metal Minnow image the way the ESP32-C3/C6 mask ROM does, on Unicorn's RV32IMC core.

  /usr/bin/python3 firmware-template/host/emu/esp_emu.py --chip esp32c3|esp32c6 --flash FLASH.bin
      [--console uart0|usb] [--timeout-s N] [--wdt-ms MS] [--report FILE.json]

FLASH.bin is the flash from 0x0 (a shorter file reads as erased 0xFF up to 2 MB). stdin feeds the chosen
console, its output goes to stdout; everything else is in the report. Exit status: 0 when the host closed the
console (stdin ended) or the image asked for a software reset, 2 when the ROM would refuse the image, 1 for any
other stop (watchdog reset, trap, unmodelled ROM function or register, timeout).
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from chips import CHIPS  # noqa: E402
from host_input import HostInput  # noqa: E402
from image import ImageError, parse_image  # noqa: E402
from machine import Machine  # noqa: E402
from report import build_report  # noqa: E402

FLASH_BYTES = 2 * 1024 * 1024  # the project's flash layout fits a 2 MB flash (COMMON contracts)


def read_flash(path):
    with open(path, 'rb') as f:
        data = bytearray(f.read())
    if len(data) > FLASH_BYTES:
        raise SystemExit(f'esp_emu: {path} is {len(data)} bytes, more than the 2 MB flash')
    return data + b'\xff' * (FLASH_BYTES - len(data))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--chip', required=True, choices=sorted(CHIPS))
    p.add_argument('--flash', required=True)
    p.add_argument('--console', choices=['uart0', 'usb'], default='uart0')
    p.add_argument('--timeout-s', type=float, default=60)
    p.add_argument('--wdt-ms', type=int, default=1500, help='watchdog timeout in emulated ms (default 1500)')
    p.add_argument('--report')
    args = p.parse_args(argv)
    chip = CHIPS[args.chip]
    flash = read_flash(args.flash)
    try:
        image = parse_image(flash, chip)
    except ImageError as e:
        print(f'esp_emu: the ROM would not boot this image: {e}', file=sys.stderr)
        if args.report:
            with open(args.report, 'w') as f:
                json.dump({'chip': chip.name, 'exit': {'reason': f'image refused: {e}', 'clean': False}}, f,
                          indent=2)
        return 2
    machine = Machine(chip, flash, args.console, args.wdt_ms, HostInput(sys.stdin.fileno()))
    machine.load(image)
    machine.run(image.entry, args.timeout_s)
    report = build_report(machine, image)
    if args.report:
        with open(args.report, 'w') as f:
            json.dump(report, f, indent=2)
    print(f'esp_emu: {machine.exit_reason} after {machine.icount} instructions', file=sys.stderr)
    return 0 if machine.clean else 1


if __name__ == '__main__':
    sys.exit(main())
