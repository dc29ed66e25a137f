#!/usr/bin/env bash
# Cross-builds the interpreter for RV32IMC (the ISA of ESP32-C3/C6/H2) with Debian's bare-metal GCC and
# picolibc: the kernel benchmark and the parity runner, each with the optimized and the naive kernels.
# The component's objects stay in <out>/obj-<variant>/ for .text measurements, and link-<variant>.map is the
# map of link-probe.c (the firmware's calls into the component, --gc-sections): what the firmware links.
# Usage: build.sh <out-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
component="$here/../../components/minnow"
out="${1:?usage: build.sh <out-dir>}"
mkdir -p "$out"
CC=riscv64-unknown-elf-gcc
# RAM and flash relocated onto QEMU virt's DRAM (picolibc's defaults sit on virt's UART).
LAYOUT=(-Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x400000
        -Wl,--defsym=__ram=0x80400000 -Wl,--defsym=__ram_size=0x3C00000)
CFLAGS=(-march=rv32imc -mabi=ilp32 -O2 -std=c99 -Wall -Wextra -Werror -ffunction-sections -fdata-sections
        --specs=picolibc.specs -I"$component/include" -I"$component/src" -I"$here/../tests")
LDFLAGS=(--crt0=semihost --oslib=semihost -Wl,--gc-sections "${LAYOUT[@]}")
for variant in fast naive; do
  defs=()
  [ "$variant" = naive ] && defs=(-DMN_NAIVE_KERNELS)
  obj="$out/obj-$variant"
  rm -rf "$obj"
  mkdir -p "$obj"
  for src in "$component"/src/*.c "$component"/src/ops/*.c "$component/port/mn_port_rv32.c" \
             "$component/port/mn_port_no_i2c.c"; do
    "$CC" "${CFLAGS[@]}" "${defs[@]}" -c "$src" -o "$obj/$(basename "${src%.c}").o"
  done
  "$CC" "${CFLAGS[@]}" -DBB_MAX_DATA=196608 "$obj"/*.o "$here/../tests/blob_builder.c" "$here/bench.c" \
    "${LDFLAGS[@]}" -o "$out/bench-$variant.elf"
  "$CC" "${CFLAGS[@]}" "$obj"/*.o "$here/../tests/mn_test.c" "$here/../tools/parity.c" \
    "${LDFLAGS[@]}" -o "$out/parity-$variant.elf"
  "$CC" "${CFLAGS[@]}" "$obj"/*.o "$here/link-probe.c" "${LDFLAGS[@]}" -Wl,-Map="$out/link-$variant.map" \
    -o "$out/link-$variant.elf"
done
