#!/usr/bin/env bash
# Compiles the ESP-IDF firmware (main/, components/minnow and its ESP-IDF port) against a real ESP-IDF tree's
# headers for each chip, without ESP-IDF's toolchains (they cannot be fetched here):
#   bash scripts/idf-compile-check.sh <esp-idf-dir> [target...]          (default: all seven targets)
#   MN_SDKCONFIG_EXTRA="sdkconfig.p4-rev-ge3" bash scripts/idf-compile-check.sh <esp-idf-dir> esp32p4
# Per target: sdkconfig.h from the tree's Kconfig defaults plus firmware-template/sdkconfig.defaults and
# sdkconfig.defaults.<target> (scripts/idf-sdkconfig.py, Debian's python3-kconfiglib), then every source
# through the compiler with ESP-IDF's C dialect and warnings made errors: -std=gnu17 -Wall -Wextra -Werror.
# - RISC-V chips: Debian's riscv64-unknown-elf-gcc with the -march/-mabi of ESP-IDF's toolchain-<target>.cmake
#   (P4: without ESP-IDF's vendor extension xesppie, unknown to upstream gcc; it only adds instructions).
# - Xtensa chips: the host gcc, -fsyntax-only, as a 32-bit little-endian target (-m32) without the host's own
#   macros (-U: __i386__, __linux__, __unix__, __PIC__ ... the ones x86 gcc predefines and a bare-metal ELF
#   gcc does not) and with the macros Espressif's xtensa-esp-elf-gcc predefines that headers test:
#   __XTENSA__, __xtensa__, __XTENSA_EL__ (little-endian), __XTENSA_WINDOWED_ABI__ (ESP-IDF's ABI). int32_t is
#   `long` there as on RISC-V (ESP-IDF docs/en/migration-guides/release-5.x/5.0/gcc.rst), so the 32-bit type
#   macros are those of the RISC-V gcc: a PRIu32 mismatch fails here as it would on the chip.
# - C library: ESP-IDF links its own newlib 4.x; the check uses Debian's newlib 3.3 headers (libnewlib-dev),
#   after ESP-IDF's newlib/platform_include overrides, as ESP-IDF orders them.
# Definitions ESP-IDF adds to every source (tools/cmake/build.cmake): ESP_PLATFORM, IDF_VER, _GNU_SOURCE,
# _GLIBCXX_*; per component: the private include dirs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
IDF="${1:?usage: idf-compile-check.sh <esp-idf-dir> [target...]}"
IDF="$(cd "$IDF" && pwd)"
shift
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(esp32 esp32s2 esp32s3 esp32c3 esp32c6 esp32h2 esp32p4)
FW="$ROOT/firmware-template"
OUT="${MN_IDF_CHECK_DIR:-/tmp/minnow-idf-check}"
NEWLIB=/usr/include/newlib
[[ -d "$NEWLIB" ]] || { echo "needs Debian's newlib headers: apt-get install libnewlib-dev" >&2; exit 2; }

idf_version() { # as tools/cmake/version.cmake sets it
  sed -n 's/^set(IDF_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\))/\2/p' "$IDF/tools/cmake/version.cmake" | paste -sd.
}

arch_of() { case "$1" in esp32 | esp32s2 | esp32s3) echo xtensa ;; *) echo riscv ;; esac; }

compiler_flags() { # <target>: the compiler and its target flags, one per line
  case "$1" in
    esp32 | esp32s2 | esp32s3)
      echo gcc
      printf '%s\n' -fsyntax-only -m32 -D__XTENSA__ -D__xtensa__ -D__XTENSA_EL__ -D__XTENSA_WINDOWED_ABI__
      local host_only=(__i386 __i386__ i386 __i686 __i686__ __pentiumpro __pentiumpro__ __code_model_32__
        __linux __linux__ linux __gnu_linux__ __unix __unix__ unix __PIC__ __pic__ __PIE__ __pie__ __SEG_FS
        __SEG_GS __LAHF_SAHF__ __SIZEOF_FLOAT80__ __SIZEOF_FLOAT128__ __GCC_ASM_FLAG_OUTPUTS__)
      printf -- '-U%s\n' "${host_only[@]}"
      printf -- '-U%s\n-D%s=long int\n' __INT32_TYPE__ __INT32_TYPE__ __INT_LEAST32_TYPE__ __INT_LEAST32_TYPE__
      printf -- '-U%s\n-D%s=long unsigned int\n' __UINT32_TYPE__ __UINT32_TYPE__ __UINT_LEAST32_TYPE__ \
        __UINT_LEAST32_TYPE__ ;;
    esp32c3) printf '%s\n' riscv64-unknown-elf-gcc -march=rv32imc_zicsr_zifencei -mabi=ilp32 -c ;;
    esp32p4) printf '%s\n' riscv64-unknown-elf-gcc -march=rv32imafc_zicsr_zifencei -mabi=ilp32f -c ;;
    *) printf '%s\n' riscv64-unknown-elf-gcc -march=rv32imac_zicsr_zifencei -mabi=ilp32 -c ;;
  esac
}

# ESP-IDF's public include dirs of the components main/ and minnow reach, then the compiler's and the C
# library's, in the order ESP-IDF's toolchain searches them. -isystem, not -I: warnings inside ESP-IDF's own
# headers are ESP-IDF's (its build adds -Wno-unused-parameter, which some of its inline functions need); the
# firmware's own sources and headers stay under -Wall -Wextra -Werror.
include_dirs() { # <target> <arch>
  local t="$1" a="$2" c="$IDF/components"
  local dirs=(
    "$c/newlib/platform_include"
    "$c/freertos/config/include" "$c/freertos/config/include/freertos" "$c/freertos/config/$a/include"
    "$c/freertos/FreeRTOS-Kernel/include" "$c/freertos/FreeRTOS-Kernel/portable/$a/include/freertos"
    "$c/freertos/FreeRTOS-Kernel/portable/$a/include"
    "$c/freertos/esp_additions/include"
    "$c/esp_hw_support/include" "$c/esp_hw_support/include/soc" "$c/esp_hw_support/include/soc/$t"
    "$c/esp_hw_support/dma/include" "$c/esp_hw_support/ldo/include" "$c/esp_hw_support/debug_probe/include"
    "$c/esp_hw_support/mspi_timing_tuning/include" "$c/esp_hw_support/power_supply/include"
    "$c/esp_hw_support/port/$t/include" "$c/esp_hw_support/port/$t/private_include"
    "$c/heap/include"
    "$c/log/include"
    "$c/soc/include" "$c/soc/$t/include" "$c/soc/$t/register" "$(p4_registers "$c" "$t")"
    "$c/hal/platform_port/include" "$c/hal/$t/include" "$c/hal/include"
    "$c/esp_rom/include" "$c/esp_rom/$t/include" "$c/esp_rom/$t/include/$t" "$c/esp_rom/$t"
    "$c/esp_common/include"
    "$c/esp_system/include"
    "$c/$a/include" "$c/$a/$t/include" "$c/$a/deprecated_include" "$c/$a/dsp/include"
    "$c/esp_timer/include"
    "$c/esp_pm/include"
    "$c/esp_ringbuf/include"
    "$c/esp_partition/include"
    "$c/spi_flash/include"
    "$c/esp_driver_gpio/include"
    "$c/esp_driver_uart/include"
    "$c/esp_driver_i2c/include"
    "$c/esp_driver_usb_serial_jtag/include"
    "$c/esp_psram/include"
    "$c/esp_mm/include"
  )
  local d
  for d in "${dirs[@]}"; do [[ -d "$d" ]] && echo "-isystem$d"; done
  echo "-isystem$GCC_INCLUDE"
  echo "-isystem$GCC_INCLUDE-fixed"
  # The C library after ESP-IDF's overrides, as in ESP-IDF's toolchain; the shim in between bridges the one
  # difference the check meets between newlib 3.3 and ESP-IDF's newlib 4.x (see newlib_shim).
  echo "-isystem$OUT/newlib-shim"
  echo "-isystem$NEWLIB"
}

p4_registers() { # <components> <target>: from v5.5.2 the P4's register headers depend on its revision
  [[ "$2" == esp32p4 ]] || return 0 # (components/soc/CMakeLists.txt)
  local hw=hw_ver3
  grep -q '^#define CONFIG_ESP32P4_SELECTS_REV_LESS_V3 1' "$OUT/esp32p4/sdkconfig.h" && hw=hw_ver1
  echo "$1/soc/esp32p4/register/$hw"
}

newlib_shim() {
  # newlib 3.3 declares `struct _reent *const _global_impure_ptr`; newlib 4.x, and ESP-IDF's
  # newlib/platform_include/sys/reent.h after it, drop the const. Debian's declaration is renamed away so
  # ESP-IDF's stands alone, as with its own newlib.
  mkdir -p "$OUT/newlib-shim/sys"
  cat >"$OUT/newlib-shim/sys/reent.h" <<'EOF'
#define _global_impure_ptr _global_impure_ptr_newlib_3_3
#include_next <sys/reent.h>
#undef _global_impure_ptr
EOF
}

check_target() { # <target>
  local t="$1" a
  a="$(arch_of "$t")"
  local dir="$OUT/$t"
  mkdir -p "$dir"
  local defaults=("$FW/sdkconfig.defaults")
  local extra
  for extra in ${MN_SDKCONFIG_EXTRA:-}; do defaults+=("$FW/$extra"); done
  rm -f "$dir/sdkconfig.h"
  /usr/bin/python3 "$ROOT/scripts/idf-sdkconfig.py" "$IDF" "$t" "$dir/sdkconfig.h" "${defaults[@]}" || return 1
  local cc_and_flags=()
  mapfile -t cc_and_flags < <(compiler_flags "$t")
  local cc="${cc_and_flags[0]}"
  GCC_INCLUDE="$("$cc" "${cc_and_flags[@]:1}" -print-file-name=include)"
  local common=(
    "${cc_and_flags[@]:1}" -std=gnu17 -Wall -Wextra -Werror -O2 -nostdinc
    -DESP_PLATFORM=1 "-DIDF_VER=\"v$(idf_version)\"" -D_GNU_SOURCE -D_GLIBCXX_USE_POSIX_SEMAPHORE
    -D_GLIBCXX_HAVE_POSIX_SEMAPHORE -I"$dir"
  )
  local incs=()
  mapfile -t incs < <(include_dirs "$t" "$a")
  local comp="$FW/components/minnow" src failed=0
  local sources=("$comp"/src/*.c "$comp"/src/ops/*.c "$comp/port/mn_port_esp.c" "$comp/port/mn_port_esp_i2c.c"
                 "$FW"/main/*.c)
  for src in "${sources[@]}"; do
    local priv=(-I"$comp/include" -I"$comp/src")
    [[ "$src" == "$FW"/main/* ]] && priv=(-I"$FW/main" -I"$comp/include")
    if ! "$cc" "${common[@]}" "${priv[@]}" "${incs[@]}" "$src" -o "$dir/$(basename "$src").o" \
      2>"$dir/errors.txt"; then
      echo "$t: ${src#"$ROOT"/} does not compile:" >&2
      head -40 "$dir/errors.txt" >&2
      failed=1
    fi
  done
  [[ $failed == 0 ]] && echo "$t: ${#sources[@]} sources compile ($cc, $a)"
  return $failed
}

newlib_shim
status=0
for t in "${TARGETS[@]}"; do check_target "$t" || status=1; done
exit $status
