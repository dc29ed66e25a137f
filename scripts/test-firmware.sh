#!/usr/bin/env bash
# The firmware's test suite: its CMakeLists.txt as ESP-IDF's script-mode scan reads them, host unit tests
# (ASan + UBSan), TS↔C parity on the golden cases (optimized and
# naive kernels), the virtual board driven by the TypeScript protocol codec, a bounded fuzz run of the blob
# reader and the protocol parser, and, when Debian's RV32 toolchain and QEMU are installed, the parity cases
# run as RV32IMC code under QEMU.
set -euo pipefail
source "$(dirname "$0")/firmware-lib.sh"
cd "$ROOT"
BUILD="$HOST/build"
GOLDEN="$BUILD/golden"
FUZZ_SECONDS="${FUZZ_SECONDS:-10}"

echo "== ESP-IDF script-mode scan of the firmware's CMakeLists.txt"
bash scripts/cmake-idf-scan.sh --self-test

echo "== host build"
host_build "$BUILD" -DMN_SANITIZE=ON
echo "== unit tests"
"$BUILD/mn_tests"

echo "== golden cases (TypeScript reference)"
rm -rf "$GOLDEN"
npx tsx scripts/firmware-golden.ts "$GOLDEN" --random "${PARITY_RANDOM:-200}" 2>"$BUILD/golden-skipped.txt"
echo "(models the compiler refused: $(grep -c '^skip' "$BUILD/golden-skipped.txt" || true), see $BUILD/golden-skipped.txt)"
echo "== parity, optimized kernels"
"$BUILD/mn_parity" "$GOLDEN"
echo "== parity, naive kernels"
"$BUILD/mn_parity_naive" "$GOLDEN"

echo "== virtual board: info, run and selftest over the protocol for every example"
while read -r name; do
  npx tsx scripts/firmware-board-check.ts "$BUILD/mn_board" "$GOLDEN" "$name"
done <"$GOLDEN/examples.txt"

echo "== virtual board: generate streams the tokens of the core/reference greedy loop"
npx tsx scripts/firmware-generate-check.ts "$BUILD/mn_board" "$BUILD"

echo "== fuzz (${FUZZ_SECONDS}s per target)"
bash scripts/firmware-fuzz.sh "$FUZZ_SECONDS" "$GOLDEN"

echo "== RV32IMC under QEMU"
if have_rv32; then
  bash "$HOST/rv32/build.sh" "$BUILD/rv32" >&2
  "$HOST/rv32/qemu.sh" "$BUILD/rv32/parity-fast.elf" "$GOLDEN" examples.txt -v
  "$HOST/rv32/qemu.sh" "$BUILD/rv32/parity-naive.elf" "$GOLDEN" examples.txt
  "$HOST/rv32/qemu.sh" "$BUILD/rv32/parity-fast.elf" "$GOLDEN"
else
  echo "skipped: riscv64-unknown-elf-gcc or qemu-system-riscv32 is not installed"
  echo "(apt-get install gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc)"
fi
echo "== bare-metal images: rebuilt from source, byte for byte the committed ones"
bash scripts/firmware-bare-check.sh

echo "== bare-metal images booted through the ESP32-C3/C6 ROM load path (Unicorn)"
if /usr/bin/python3 -c 'import unicorn' 2>/dev/null; then
  /usr/bin/python3 -m unittest discover "$HOST/emu/tests"
  npx tsx scripts/firmware-emu-check.ts
else
  echo "skipped: Python's unicorn module is not installed (apt-get install python3-unicorn)"
fi
echo "firmware tests: all passed"
