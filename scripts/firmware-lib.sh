# Shared by the firmware scripts: paths and a quiet CMake build of the host tools.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST="$ROOT/firmware-template/host"
JOBS="$(nproc 2>/dev/null || echo 2)"

# host_build <build-dir> [cmake options...]: configures once, then builds (output to stderr).
host_build() {
  local dir="$1"
  shift
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$HOST" -B "$dir" "${generator[@]}" "$@" >&2
  fi
  cmake --build "$dir" -j "$JOBS" >&2
}

have_rv32() { command -v riscv64-unknown-elf-gcc >/dev/null && command -v qemu-system-riscv32 >/dev/null; }

have_libfuzzer() {
  command -v clang >/dev/null || return 1
  echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' |
    clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null
}
