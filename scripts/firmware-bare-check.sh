#!/usr/bin/env bash
# CI: rebuilds both bare-metal images and fails if the committed bytes or manifest entries differ.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v riscv64-unknown-elf-gcc >/dev/null; then
  echo "firmware-bare-check needs Debian's gcc-riscv64-unknown-elf and picolibc-riscv64-unknown-elf" >&2
  exit 1
fi
exec npx tsx scripts/firmware-bare.ts --check
