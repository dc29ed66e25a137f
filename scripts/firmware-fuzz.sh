#!/usr/bin/env bash
# Fuzzes mn_model_open (+ mn_invoke) and the protocol server under ASan + UBSan, with libFuzzer when clang
# has it, else with the seeded mutation loop. Prints the executions reached; fails on any crash.
#   bash scripts/firmware-fuzz.sh [seconds-per-target, default 300] [golden-dir with seed blobs]
#   (FUZZ_TARGETS="model" or "protocol" runs one target only)
set -euo pipefail
source "$(dirname "$0")/firmware-lib.sh"
SECONDS_EACH="${1:-300}"
GOLDEN="${2:-}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/model" "$WORK/protocol"

if have_libfuzzer; then
  BUILD="$HOST/build-fuzz"
  CC=clang host_build "$BUILD" -DMN_SANITIZE=ON -DMN_LIBFUZZER=ON
  mode=libfuzzer
else
  BUILD="$HOST/build"
  host_build "$BUILD" -DMN_SANITIZE=ON
  mode=mutation
fi
"$BUILD/mn_seeds" "$WORK"
mv "$WORK/dense.bin" "$WORK/model/" && mv "$WORK/frames.txt" "$WORK/protocol/"
if [ -n "$GOLDEN" ] && [ -d "$GOLDEN" ]; then
  mapfile -t blobs < <(find "$GOLDEN" -name '*.bin' -size -4k | sort)
  for blob in "${blobs[@]:0:40}"; do cp "$blob" "$WORK/model/"; done
fi

for target in ${FUZZ_TARGETS:-model protocol}; do
  if [ "$mode" = libfuzzer ]; then
    "$BUILD/mn_fuzz_$target" -max_total_time="$SECONDS_EACH" -print_final_stats=1 -close_fd_mask=1 \
      "$WORK/$target" >"$WORK/$target.log" 2>&1 || { tail -40 "$WORK/$target.log"; exit 1; }
    runs="$(grep -o 'number_of_executed_units: [0-9]*' "$WORK/$target.log" | grep -o '[0-9]*$')"
    echo "fuzz $target (libFuzzer): $runs executions, 0 crashes"
  else
    "$BUILD/mn_fuzz_$target" -seconds "$SECONDS_EACH" -seed 1 "$WORK/$target"/* | sed "s/^fuzz:/fuzz $target (mutation loop):/"
  fi
done
