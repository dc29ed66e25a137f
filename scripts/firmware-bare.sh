#!/usr/bin/env bash
# Builds the bare-metal Minnow images for ESP32-C3 and ESP32-C6 into public/firmware/ (docs/BARE-METAL.md).
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx scripts/firmware-bare.ts "$@"
