#!/usr/bin/env bash
# Installs everything the tests need on a Debian machine: system packages, then the npm dependencies.
# `npm test` runs it first (pretest); it does nothing when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# gcc/cmake: firmware host tests; chromium: e2e tests; the RV32 cross compiler, picolibc and QEMU: the
# firmware's RV32IMC parity test and instruction counts; clang: libFuzzer for the firmware fuzz targets.
APT_PACKAGES=(gcc g++ cmake make clang fonts-dejavu-core libclang-rt-14-dev chromium gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf
  picolibc-riscv64-unknown-elf qemu-system-misc)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci insists that every optional platform package of the lock file (rollup's, for one) is listed there;
# npm's registry mirror may lack the ones for other platforms, so npm install with the same lock is the fallback.
# npm leaves node_modules/.package-lock.json newer than the lock file after an install: then nothing is to do.
if [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "npm packages are up to date"
elif ! npm ci --no-audit --no-fund; then
  echo "npm ci refused the lock file; installing from it with npm install instead"
  npm install --no-audit --no-fund
fi
