#!/usr/bin/python3
"""Generates an ESP-IDF sdkconfig.h for one target without idf.py, for scripts/idf-compile-check.sh.

    /usr/bin/python3 scripts/idf-sdkconfig.py <esp-idf-dir> <target> <out/sdkconfig.h> <defaults>...

What ESP-IDF does (tools/cmake/kconfig.cmake, v5.5.1) and what this does instead:
- ESP-IDF runs its own kconfgen (the esp-idf-kconfig package, not in Debian) on the root Kconfig, with
  COMPONENT_KCONFIGS_SOURCE_FILE / COMPONENT_KCONFIGS_PROJBUILD_SOURCE_FILE naming every built component's
  Kconfig and Kconfig.projbuild (the bootloader's components included). This uses Debian's python3-kconfiglib,
  the library kconfgen grew from, on the same files: every components/*/Kconfig(.projbuild) and
  components/bootloader/subproject/components/*/Kconfig(.projbuild). A component not built for the target
  only adds symbols its Kconfig guards with SOC_* capabilities, so listing them all changes no value we read.
- The environment kconfgen gets: IDF_TARGET, IDF_TOOLCHAIN=gcc, IDF_ENV_FPGA empty, IDF_INIT_VERSION and
  IDF_MINIMAL_BUILD=n.
- For each defaults file F, ESP-IDF loads F and then F.<target> when it exists; later files override earlier
  ones. Same here.
- The header kconfgen writes defines CONFIG_<NAME> for every enabled bool (1), int, hex and string; this writes
  the same through kconfiglib's write_autoconf. Not written: kconfgen's compatibility aliases for renamed
  options (sdkconfig.rename); the firmware uses only current names.
Fails when a defaults file names an option the tree does not know or sets a value it refuses (kconfiglib's
warnings), or when an option does not end with the value the files give it (an unmet dependency), so a
misspelt or ineffective option cannot pass silently.
"""
import glob
import os
import re
import sys

import kconfiglib

# esp-idf-kconfig accepts help text on a menu (ESP-IDF's Kconfig files use it); kconfiglib only on symbols and
# choices, and trips over the unset attribute. Help text is documentation: it sets no value.
_parse_help = kconfiglib.Kconfig._parse_help


def _parse_help_anywhere(self, node):
    if not hasattr(node, "help"):
        node.help = None
    _parse_help(self, node)


kconfiglib.Kconfig._parse_help = _parse_help_anywhere


def source_list(idf, pattern):
    paths = sorted(glob.glob(os.path.join(idf, "components", "*", pattern)))
    bootloader = os.path.join(idf, "components", "bootloader", "subproject", "components")
    paths += sorted(glob.glob(os.path.join(bootloader, "*", pattern)))
    return "".join('source "%s"\n' % p for p in paths)


def idf_version(idf):
    """As tools/cmake/version.cmake sets it."""
    text = open(os.path.join(idf, "tools", "cmake", "version.cmake")).read()
    return ".".join(re.search(r"set\(IDF_VERSION_%s (\d+)\)" % part, text).group(1) for part in ("MAJOR", "MINOR", "PATCH"))


def requested(paths):
    """The value each option was last given in the defaults files, as kconfiglib's str_value spells it."""
    wanted = {}
    for path in paths:
        for line in open(path):
            line = line.strip()
            unset = re.match(r"# CONFIG_(\w+) is not set$", line)
            if unset:
                wanted[unset.group(1)] = "n"
            elif line.startswith("CONFIG_") and "=" in line:
                name, value = line[len("CONFIG_"):].split("=", 1)
                wanted[name] = value[1:-1] if value.startswith('"') else value
    return wanted


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: idf-sdkconfig.py <esp-idf-dir> <target> <out/sdkconfig.h> <defaults>...")
    idf, target = os.path.abspath(sys.argv[1]), sys.argv[2]
    out, defaults = os.path.abspath(sys.argv[3]), [os.path.abspath(p) for p in sys.argv[4:]]
    work = os.path.dirname(os.path.abspath(out))
    os.makedirs(work, exist_ok=True)
    for name, pattern in (("kconfigs.in", "Kconfig"), ("kconfigs_projbuild.in", "Kconfig.projbuild")):
        with open(os.path.join(work, name), "w") as f:
            f.write(source_list(idf, pattern))
    os.environ.update(
        IDF_PATH=idf,
        IDF_TARGET=target,
        IDF_TOOLCHAIN="gcc",
        IDF_ENV_FPGA="",
        IDF_INIT_VERSION=idf_version(idf),
        IDF_MINIMAL_BUILD="n",
        COMPONENT_KCONFIGS_SOURCE_FILE=os.path.join(work, "kconfigs.in"),
        COMPONENT_KCONFIGS_PROJBUILD_SOURCE_FILE=os.path.join(work, "kconfigs_projbuild.in"),
    )
    os.chdir(idf)
    kconf = kconfiglib.Kconfig(os.path.join(idf, "Kconfig"), warn_to_stderr=False)
    kconf.warn_assign_undef = True
    kconf.warn_assign_override = False  # a later defaults file overrides an earlier one, as in ESP-IDF
    loaded = []
    for path in defaults:
        for candidate in (path, "%s.%s" % (path, target)):
            if os.path.exists(candidate):
                before = len(kconf.warnings)
                kconf.load_config(candidate, replace=False)
                loaded.append(candidate)
                problems = kconf.warnings[before:]
                if problems:
                    sys.exit("%s:\n  %s" % (candidate, "\n  ".join(problems)))
    for name, wanted in requested(loaded).items():
        sym = kconf.syms.get(name)
        if sym is None or sym.str_value != wanted:
            got = "unknown" if sym is None else repr(sym.str_value)
            sys.exit("%s: %s=%s does not hold in this tree (it is %s): an unmet dependency or a refused value"
                     % (target, name, wanted, got))
    kconf.write_autoconf(out)
    print("%s: %s from %s" % (target, out, ", ".join(os.path.basename(p) for p in loaded)))


if __name__ == "__main__":
    main()
