#!/usr/bin/env bash
# RV32IMC figures of the interpreter under QEMU (-icount shift=0: instructions, not ESP32-C3 cycles):
# instructions per MAC of Dense, Conv2D, DepthwiseConv2D, Conv1D and a GRU step, naive and optimized kernels;
# whole-model instructions for examples/*.json and per generated token of the char-LM (scripts/char-lm.ts, ternary
# everywhere; the example, and the example with every layer int8, int4 and ternary); .text of the
# interpreter and the protocol, per file and per op: as compiled (every object) and as the firmware links them.
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

echo "== char-LM, instructions per generated token (one run of one token): ternary everywhere, the example as written"
echo "   (int8 table, ternary GRU and Dense), then every layer int8, int4 and ternary with the ratio to int8"
printf '%s\n' char-lm example-char-lm example-char-lm-int8 example-char-lm-int4 example-char-lm-ternary \
  >"$OUT/golden/char-lm.txt"
for variant in naive fast; do
  echo "-- $variant"
  "$QEMU" "$OUT/parity-$variant.elf" "$OUT/golden" char-lm.txt -v | grep -E '^(ok|FAIL)' |
    awk '{ name[NR] = $2; n[NR] = $(NF-1); if ($2 == "example-char-lm-int8:") int8 = $(NF-1) }
      END {
        for (i = 1; i <= NR; i++) {
          printf "%-28s %12s instructions", name[i], n[i]
          if (name[i] ~ /-(int8|int4|ternary):$/) printf "  %.3fx int8", n[i] / int8
          printf "\n"
        }
      }'
done

echo "== .text (RV32IMC, -O2; the sum of the component's objects: every kernel, naive and optimized, as compiled)"
obj="$OUT/obj-fast"
protocol=("$obj"/mn_frame.o "$obj"/mn_server.o "$obj"/mn_base64.o "$obj"/mn_le.o)
interpreter=()
for o in "$obj"/*.o; do
  case " ${protocol[*]} " in *" $o "*) ;; *) interpreter+=("$o") ;; esac
done
text() { riscv64-unknown-elf-size -t "$@" | tail -1 | awk '{ print $1 }'; }
i="$(text "${interpreter[@]}")"
p="$(text "${protocol[@]}")"
echo "interpreter (reader, interpreter, all kernels), object sum: $i bytes"
echo "protocol (frames, server), object sum: $p bytes"
echo "together, object sum: $((i + p)) bytes"
# One line per op or part (ops/<op>.c with its optimized ops/<op>-fast.c, each other file alone).
riscv64-unknown-elf-size "${interpreter[@]}" "${protocol[@]}" |
  awk 'NR > 1 { n = split($6, p, "/"); f = p[n]; part = f; sub(/(-fast)?\.o$/, "", part)
                if (!(part in size)) order[++parts] = part
                size[part] += $1; files[part] = files[part] " " f " " $1 }
       END { for (j = 1; j <= parts; j++) printf "  %-26s %6d  (%s )\n", order[j], size[order[j]], files[order[j]] }'

echo "== .text as linked (RV32IMC, -O2, --gc-sections; the optimized kernels, the firmware's calls: host/rv32/link-probe.c)"
# The map's input sections of code and constant tables (.text*, .rodata*, .srodata*) that came from the
# component's objects; the C library and the port file are not counted. One line per part as above.
awk -v obj="$obj/" -v proto=" mn_frame.o mn_server.o mn_base64.o mn_le.o " '
  function hex(h,   v, i) { v = 0; h = tolower(substr(h, 3))
    for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
    return v }
  function count(size, file,   n, p, f, part) {
    if (sec !~ /^\.(text|rodata|srodata)/ || index(file, obj) != 1) return
    n = split(file, p, "/"); f = p[n]
    if (f ~ /^mn_port_/) return
    part = f; sub(/(-fast)?\.o$/, "", part)
    if (!(part in size_of)) order[++parts] = part
    size_of[part] += hex(size); of_file[f] += hex(size)
    if (!(f in seen)) { seen[f] = 1; files[part] = files[part] " " f }
    if (index(proto, " " f " ")) p_total += hex(size); else i_total += hex(size) }
  /^Linker script and memory map/ { on = 1; next }
  !on { next }
  /^ \.[^ ]/ { sec = $1; if (NF >= 4) { count($3, $4); sec = "" }; next }
  sec != "" && /^ +0x[0-9a-f]+ +0x[0-9a-f]+ / { count($2, $3); sec = ""; next }
  { sec = "" }
  END {
    printf "interpreter (reader, interpreter, shipped kernels) as linked: %d bytes\n", i_total
    printf "protocol (frames, server) as linked: %d bytes\n", p_total
    printf "interpreter + protocol as linked (shipped kernels): %d bytes\n", i_total + p_total
    for (j = 1; j <= parts; j++) {
      part = order[j]; n = split(substr(files[part], 2), fs, " "); list = ""
      for (k = 1; k <= n; k++) list = list " " fs[k] " " of_file[fs[k]]
      printf "  %-26s %6d  (%s )\n", part, size_of[part], list
    }
  }' "$OUT/link-fast.map"
