#!/usr/bin/env bash
# Runs an RV32 ELF under QEMU virt with semihosting; -icount shift=0 makes instret count instructions.
# Usage: qemu.sh <elf> [args...]   (the ELF's exit status is returned)
# QEMU writes the program's semihosted console to stderr; it is moved to stdout so callers can pipe it.
set -euo pipefail
elf="$1"
shift
args=()
for a in "$@"; do args+=(",arg=$a"); done
joined="$(printf '%s' "${args[@]}")"
exec qemu-system-riscv32 -machine virt -cpu rv32 -m 128M -nographic -bios none -kernel "$elf" \
  -semihosting-config "enable=on,target=native${joined}" -monitor none -serial none -icount shift=0 2>&1
