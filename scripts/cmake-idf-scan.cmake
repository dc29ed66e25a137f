# Runs one ESP-IDF component's CMakeLists.txt the way ESP-IDF's requirements scan does, without ESP-IDF:
#   cmake -DCOMPONENT_DIR=<dir> [-DIDF_TARGET=esp32c3] -P scripts/cmake-idf-scan.cmake
# ESP-IDF (tools/cmake/scripts/component_get_requirements.cmake, v5.5.1) first includes every component's
# CMakeLists.txt in CMake *script mode* (cmake -P), with CMAKE_BUILD_EARLY_EXPANSION set, the build properties
# as plain variables, utilities.cmake and version.cmake included, and idf_component_register defined as a
# macro that records the arguments and return()s out of the file. Script mode refuses what only a configure
# run allows (file(GLOB ... CONFIGURE_DEPENDS), add_library, project, ...): such a call is a CMake error here
# as it is there. After the scan the named sources, source dirs and include dirs must exist, as
# tools/cmake/component.cmake requires when it registers the component for real.
cmake_minimum_required(VERSION 3.16)
cmake_policy(SET CMP0057 NEW)

if(NOT COMPONENT_DIR OR NOT IS_DIRECTORY "${COMPONENT_DIR}")
  message(FATAL_ERROR "usage: cmake -DCOMPONENT_DIR=<component dir> -P cmake-idf-scan.cmake")
endif()
get_filename_component(COMPONENT_DIR "${COMPONENT_DIR}" ABSOLUTE)
if(NOT IDF_TARGET)
  set(IDF_TARGET esp32c3)
endif()

# Build properties the scan exposes as variables (a subset: the ones a component may read).
set(IDF_PATH "/nonexistent/esp-idf")
set(IDF_TARGET_ARCH riscv)
if(IDF_TARGET MATCHES "^esp32(s2|s3)?$")
  set(IDF_TARGET_ARCH xtensa)
endif()
set(IDF_VERSION_MAJOR 5)
set(IDF_VERSION_MINOR 5)
set(IDF_VERSION_PATCH 1)
set(CMAKE_BUILD_EARLY_EXPANSION 1)

# The functions the scan defines or includes (utilities.cmake), reduced to what they do during the scan.
function(idf_build_get_property var property)
  set(${var} ${${property}} PARENT_SCOPE)
endfunction()
function(idf_component_get_property var component property)
  set(${var} "" PARENT_SCOPE)
endfunction()
function(spaces2list variable_name)
  string(REPLACE " " ";" tmp "${${variable_name}}")
  set("${variable_name}" "${tmp}" PARENT_SCOPE)
endfunction()
macro(require_idf_targets)
endmacro()
macro(idf_component_register)
  set(options WHOLE_ARCHIVE)
  set(single_value KCONFIG KCONFIG_PROJBUILD)
  set(multi_value SRCS SRC_DIRS EXCLUDE_SRCS INCLUDE_DIRS PRIV_INCLUDE_DIRS LDFRAGMENTS REQUIRES PRIV_REQUIRES
                  REQUIRED_IDF_TARGETS EMBED_FILES EMBED_TXTFILES)
  cmake_parse_arguments(_ "${options}" "${single_value}" "${multi_value}" "${ARGN}")
  foreach(key SRCS SRC_DIRS INCLUDE_DIRS PRIV_INCLUDE_DIRS LDFRAGMENTS EMBED_FILES EMBED_TXTFILES REQUIRES
              PRIV_REQUIRES KCONFIG KCONFIG_PROJBUILD)
    set(__component_${key} "${__${key}}")
  endforeach()
  set(__component_registered 1)
  return()
endmacro()

# As in the scan: a function scope per component, so its variables do not leak, and the results copied out.
function(scan_component)
  set(COMPONENT_NAME ${COMPONENT_NAME_ARG})
  set(COMPONENT_PATH ${COMPONENT_DIR})
  include(${COMPONENT_DIR}/CMakeLists.txt)
  foreach(key SRCS SRC_DIRS INCLUDE_DIRS PRIV_INCLUDE_DIRS LDFRAGMENTS EMBED_FILES EMBED_TXTFILES REQUIRES
              PRIV_REQUIRES KCONFIG KCONFIG_PROJBUILD registered)
    set(__component_${key} "${__component_${key}}" PARENT_SCOPE)
  endforeach()
endfunction()

get_filename_component(COMPONENT_NAME_ARG "${COMPONENT_DIR}" NAME)
scan_component()

if(NOT __component_registered)
  message(FATAL_ERROR "${COMPONENT_DIR}/CMakeLists.txt never calls idf_component_register")
endif()

set(missing "")
macro(expect_paths kind test)
  foreach(path ${__component_${kind}})
    get_filename_component(abs "${path}" ABSOLUTE BASE_DIR "${COMPONENT_DIR}")
    if(NOT ${test} "${abs}")
      list(APPEND missing "${kind} ${path}")
    endif()
  endforeach()
endmacro()
expect_paths(SRCS EXISTS)
expect_paths(LDFRAGMENTS EXISTS)
expect_paths(EMBED_FILES EXISTS)
expect_paths(EMBED_TXTFILES EXISTS)
expect_paths(KCONFIG EXISTS)
expect_paths(KCONFIG_PROJBUILD EXISTS)
expect_paths(SRC_DIRS IS_DIRECTORY)
expect_paths(INCLUDE_DIRS IS_DIRECTORY)
expect_paths(PRIV_INCLUDE_DIRS IS_DIRECTORY)
if(missing)
  string(REPLACE ";" "\n  " missing "${missing}")
  message(FATAL_ERROR "${COMPONENT_DIR}/CMakeLists.txt names what does not exist:\n  ${missing}")
endif()
if(NOT __component_SRCS AND NOT __component_SRC_DIRS)
  message(FATAL_ERROR "${COMPONENT_DIR}/CMakeLists.txt registers no sources")
endif()

list(LENGTH __component_SRCS n_srcs)
message(STATUS "${COMPONENT_NAME_ARG}: ${n_srcs} sources; requires: ${__component_REQUIRES} "
               "${__component_PRIV_REQUIRES}")
