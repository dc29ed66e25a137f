#!/usr/bin/env bash
# Installs everything the tests need on a Debian machine: system packages, then the npm dependencies.
# `npm test` runs it first (pretest); it does nothing when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# gcc/cmake: firmware host tests; chromium: e2e tests; the RV32 cross compiler, picolibc and QEMU: the
# firmware's RV32IMC parity test and instruction counts; clang: libFuzzer for the firmware fuzz targets;
# python3-unicorn: the CPU core of the ESP32-C3/C6 emulator that boots the bare-metal image.
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
APT_PACKAGES=(gcc g++ cmake make clang fonts-dejavu-core libclang-rt-14-dev chromium gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf
  picolibc-riscv64-unknown-elf qemu-system-misc python3-unicorn)

# Another apt-get (an unattended upgrade, a second set-up) may hold dpkg's or the package lists' lock: wait for
# it rather than fail. apt's own lock timeout covers dpkg's lock; the loop also covers the lists' lock.
apt_wait() {
  local deadline=$((SECONDS + 900))
  local log
  log="$(mktemp)"
  until $SUDO apt-get -o DPkg::Lock::Timeout=60 "$@" 2>"$log"; do
    if ! grep -qi 'lock' "$log" || ((SECONDS > deadline)); then
      cat "$log" >&2
      rm -f "$log"
      return 1
    fi
    echo "apt-get is busy elsewhere (a lock is held); waiting…"
    sleep 10
  done
  rm -f "$log"
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  echo "Installing Debian packages: ${missing[*]}"
  apt_wait update -qq
  apt_wait install -y -qq --no-install-recommends "${missing[@]}"
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
