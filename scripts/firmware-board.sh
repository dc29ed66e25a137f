#!/usr/bin/env bash
# The virtual board: builds the host interpreter (once) and serves docs/PROTOCOL.md on stdin/stdout with
# the given file as its "model" flash partition.   npm run board -- model.bin [--chip esp32c3] [--largest N]
set -euo pipefail
source "$(dirname "$0")/firmware-lib.sh"
host_build "$HOST/build-board" -DMN_SANITIZE=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 ||
  host_build "$HOST/build-board" -DMN_SANITIZE=OFF -DCMAKE_BUILD_TYPE=Release
exec "$HOST/build-board/mn_board" "$@"
