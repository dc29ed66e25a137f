#!/usr/bin/env bash
# Builds the bare-metal Minnow ELF for one chip with Debian's riscv64-unknown-elf GCC and picolibc.
# The interpreter is compiled with the RV32 bench's flags (host/rv32/build.sh), so its objects are the same
# machine code as the bench's (scripts/firmware-bare-bench.ts checks it); paths are stripped, inputs sorted
# and no build id or timestamp is written, so the bytes depend only on the sources and the toolchain.
# Usage: build.sh <esp32c3|esp32c6> <out-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
component="$here/../components/minnow"
chip="${1:?usage: build.sh <chip> <out-dir>}"
out="${2:?usage: build.sh <chip> <out-dir>}"
case "$chip" in
  esp32c3) define=BARE_ESP32C3 ;;
  esp32c6) define=BARE_ESP32C6 ;;
  *) echo "build.sh: unknown chip $chip (esp32c3 or esp32c6)" >&2; exit 2 ;;
esac
CC=riscv64-unknown-elf-gcc
CFLAGS=(-march=rv32imc -mabi=ilp32 -O2 -std=c99 -Wall -Wextra -Werror -ffunction-sections -fdata-sections
        --specs=picolibc.specs -ffile-prefix-map="$root"=. -fno-ident
        -I"$component/include" -I"$component/src" -D"$define")
LDFLAGS=(-nostartfiles -T "$chip.ld" -L "$here" -Wl,--gc-sections -Wl,--build-id=none
         -Wl,--no-warn-rwx-segments -Wl,--defsym=vfprintf=__i_vfprintf -Wl,-Map="$out/$chip.map")
obj="$out/obj-$chip"
rm -rf "$obj"
mkdir -p "$obj"
# No I2C driver on bare metal yet: the sensor bus answers SENSOR_UNAVAILABLE (docs/BARE-METAL.md).
mapfile -t sources < <(LC_ALL=C ls "$component"/src/*.c "$component"/src/ops/*.c "$component"/port/mn_port_no_i2c.c \
  "$here"/*.c "$here"/*.S | LC_ALL=C sort)
objects=()
for src in "${sources[@]}"; do
  name="$(basename "$src")"
  o="$obj/${name%.*}.o"
  "$CC" "${CFLAGS[@]}" -c "$src" -o "$o"
  objects+=("$o")
done
"$CC" "${CFLAGS[@]}" "${objects[@]}" "${LDFLAGS[@]}" -o "$out/minnow-bare-$chip.elf"
