#!/usr/bin/env bash
# RV32IMC figures of the interpreter under QEMU (-icount shift=0: instructions, not ESP32-C3 cycles):
# instructions per MAC of Dense, Conv2D and DepthwiseConv2D, naive and optimized kernels; whole-model
# instructions for examples/*.json and per generated token of the char-LM (scripts/char-lm.ts, ternary
# everywhere; the example's int8, int4 and ternary tables beside it); .text of the interpreter.
#     npm run bench:firmware
set -euo pipefail
source "$(dirname "$0")/firmware-lib.sh"
cd "$ROOT"
if ! have_rv32; then
  echo "needs Debian's RV32 toolchain and QEMU:" >&2
  echo "  apt-get install gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc" >&2
  exit 1
fi
OUT="$HOST/build-rv32"
bash "$HOST/rv32/build.sh" "$OUT"
QEMU="$HOST/rv32/qemu.sh"

for variant in naive fast; do
  echo "== kernels, $variant"
  "$QEMU" "$OUT/bench-$variant.elf"
done

echo "== whole models (examples/*.json, seeded random weights)"
npx tsx scripts/firmware-golden.ts "$OUT/golden" --random 0 >/dev/null
for variant in naive fast; do
  echo "-- $variant"
  "$QEMU" "$OUT/parity-$variant.elf" "$OUT/golden" examples.txt -v | grep -E '^(ok|FAIL)' |
    awk '{ printf "%-24s %12s instructions\n", $2, $(NF-1) }'
done

echo "== audio front end: the Spectrogram alone on one 1 s clip (16 kHz, default parameters)"
printf '%s\n' audio-features >"$OUT/golden/audio.txt"
for variant in naive fast; do
  n=$("$QEMU" "$OUT/parity-$variant.elf" "$OUT/golden" audio.txt -v | awk '/^ok/ { print $(NF-1) }')
  echo "-- $variant: $n instructions per clip"
done
# The optimized kernel is the one the firmware runs: its count beside each chip's clock.
npx tsx scripts/bench-audio.ts "$n"

echo "== char-LM, instructions per generated token (one run of one token; int8 table, as the example, int4, ternary)"
printf '%s\n' char-lm example-char-lm example-char-lm-int4 example-char-lm-ternary >"$OUT/golden/char-lm.txt"
for variant in naive fast; do
  echo "-- $variant"
  "$QEMU" "$OUT/parity-$variant.elf" "$OUT/golden" char-lm.txt -v | grep -E '^(ok|FAIL)' |
    awk '{ printf "%-24s %12s instructions\n", $2, $(NF-1) }'
done

echo "== .text (RV32IMC, -O2; every kernel, naive and optimized, as compiled into the component)"
obj="$OUT/obj-fast"
protocol=("$obj"/mn_frame.o "$obj"/mn_server.o "$obj"/mn_base64.o "$obj"/mn_le.o)
interpreter=()
for o in "$obj"/*.o; do
  case " ${protocol[*]} " in *" $o "*) ;; *) interpreter+=("$o") ;; esac
done
text() { riscv64-unknown-elf-size -t "$@" | tail -1 | awk '{ print $1 }'; }
echo "interpreter (reader, interpreter, all kernels): $(text "${interpreter[@]}") bytes"
echo "protocol (frames, server): $(text "${protocol[@]}") bytes"
riscv64-unknown-elf-size "${interpreter[@]}" | awk 'NR > 1 { n = split($6, p, "/"); printf "  %-32s %6d\n", p[n], $1 }'
