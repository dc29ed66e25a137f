#!/usr/bin/env bash
# Every CMakeLists.txt under firmware-template/ as ESP-IDF reads it, without ESP-IDF (CI cannot fetch it):
# - the project file (firmware-template/CMakeLists.txt) with `cmake -P` against a stub project.cmake, so it may
#   only include ESP-IDF's project.cmake and name the project;
# - each component (main/ and components/*/, the directories ESP-IDF scans) through cmake-idf-scan.cmake, the
#   model of ESP-IDF's script-mode requirements scan: any CMake error fails, and every named source and include
#   directory must exist.
# Not read by ESP-IDF, so skipped: host/ (a normal CMake project for the host builds) and bare/ (the bare-metal
# flavour, built by its own scripts). Any other CMakeLists.txt is an error: decide what it is first.
# `--self-test` first proves the check fails on what ESP-IDF refuses (CONFIGURE_DEPENDS, a missing source).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DRIVER="$ROOT/scripts/cmake-idf-scan.cmake"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

scan_component() { # <component dir>; prints cmake's output on failure
  if ! cmake -DCOMPONENT_DIR="$1" -P "$DRIVER" >"$WORK/out" 2>&1; then
    cat "$WORK/out" >&2
    return 1
  fi
  cat "$WORK/out"
}

scan_project() { # <project dir>
  mkdir -p "$WORK/idf/tools/cmake"
  cat >"$WORK/idf/tools/cmake/project.cmake" <<'EOF'
function(project name)
  message(STATUS "project ${name}")
endfunction()
EOF
  if ! IDF_PATH="$WORK/idf" cmake -P "$1/CMakeLists.txt" >"$WORK/out" 2>&1; then
    cat "$WORK/out" >&2
    return 1
  fi
  cat "$WORK/out"
}

expect_failure() { # <label> <CMakeLists.txt body>: the check must refuse it
  local dir="$WORK/neg/$1"
  mkdir -p "$dir/src" "$dir/include"
  touch "$dir/src/a.c"
  printf '%s\n' "$2" >"$dir/CMakeLists.txt"
  if scan_component "$dir" >/dev/null 2>&1; then
    echo "self-test: the scan accepted $1" >&2
    exit 1
  fi
  echo "self-test: refuses $1"
}

if [[ "${1:-}" == "--self-test" ]]; then
  expect_failure "file(GLOB CONFIGURE_DEPENDS)" \
    'file(GLOB S CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/src/*.c)
idf_component_register(SRCS ${S} INCLUDE_DIRS include)'
  expect_failure "a missing source" 'idf_component_register(SRCS src/a.c src/gone.c INCLUDE_DIRS include)'
  expect_failure "a missing include dir" 'idf_component_register(SRCS src/a.c PRIV_INCLUDE_DIRS inc)'
  expect_failure "a configure-only command" 'add_library(x STATIC src/a.c)
idf_component_register(SRCS src/a.c)'
  expect_failure "no registration" 'set(X 1)'
fi

FW="$ROOT/firmware-template"
while read -r list; do
  dir="$(dirname "$list")"
  rel="${dir#"$FW"}"
  case "$rel" in
    "") scan_project "$dir" ;;
    /main | /components/*) scan_component "$dir" ;;
    /host | /host/* | /bare | /bare/*) echo "-- skipped ${rel#/}/CMakeLists.txt (not read by ESP-IDF)" ;;
    *)
      echo "firmware-template$rel/CMakeLists.txt is neither the project, a component nor a host build" >&2
      exit 1
      ;;
  esac
done < <(find "$FW" -name CMakeLists.txt -not -path '*/build/*' | sort)
echo "ESP-IDF script-mode scan: all CMakeLists.txt pass"
