/*
 * Parity runner: for every golden case the TypeScript reference wrote (<dir>/<name>.bin/.in/.out, names
 * listed in <dir>/cases.txt) the C interpreter must open the blob, produce the same output bytes, and touch
 * the planned arena. The arena is allocated at its exact size, so ASan reports any byte past it; the
 * high-water mark is measured by running over two different canary fills (a byte the run writes cannot
 * equal both), and it must equal the planned size exactly: the plan ends the arena at the last byte of
 * its highest buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "minnow.h"
#include "mn_port.h"
#include "mn_test.h"

static uint8_t *load(const char *dir, const char *name, const char *ext, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s%s", dir, name, ext);
    return mn_test_read_file(path, len);
}

/* The highest arena byte (plus one) that differs from the canary after a run. */
static uint32_t high_water(const uint8_t *arena, uint32_t len, uint8_t canary) {
    for (uint32_t i = len; i > 0; i--) {
        if (arena[i - 1] != canary) return i;
    }
    return 0;
}

static int run_case(const char *dir, const char *name, int verbose) {
    size_t blob_len = 0, in_len = 0, out_len = 0;
    uint8_t *blob = load(dir, name, ".bin", &blob_len);
    uint8_t *in = load(dir, name, ".in", &in_len);
    uint8_t *want = load(dir, name, ".out", &out_len);
    int ok = blob != NULL && in != NULL && want != NULL;
    mn_model_t m;
    mn_status_t s = ok ? mn_model_open(blob, blob_len, &m) : MN_E_BLOB_TRUNCATED;
    ok = ok && s == MN_OK;
    mn_model_info_t info;
    if (ok) mn_model_describe(&m, &info);
    ok = ok && info.input_bytes == in_len && info.output_bytes == out_len;
    uint8_t *arena = ok ? malloc(info.arena_bytes) : NULL;
    int8_t *got = ok ? malloc(out_len) : NULL;
    uint32_t measured = 0, reported = 0;
    uint64_t cycles = 0;
    int same = ok && arena != NULL && got != NULL;
    static const uint8_t canaries[2] = {0xA5, 0x5A};
    for (int k = 0; same && k < 2; k++) {
        memset(arena, canaries[k], info.arena_bytes);
        mn_stats_t st = {0, 0, NULL, 0};
        same = mn_invoke(&m, arena, info.arena_bytes, (const int8_t *)in, got, &st) == MN_OK &&
               memcmp(got, want, out_len) == 0;
        uint32_t hw = high_water(arena, info.arena_bytes, canaries[k]);
        if (hw > measured) measured = hw;
        reported = st.arena_used;
        cycles = st.cycles;
    }
    int arena_ok = same && measured == reported && measured == info.arena_bytes;
    if (verbose || !arena_ok) {
        printf("%s %s: open %d, output %s, arena planned %u measured %u reported %u, %llu %s\n",
               arena_ok ? "ok  " : "FAIL", name, (int)s, same ? "identical" : "DIFFERS",
               ok ? (unsigned)info.arena_bytes : 0u, (unsigned)measured, (unsigned)reported,
               (unsigned long long)cycles, mn_port_cycle_unit());
    }
    free(blob);
    free(in);
    free(want);
    free(arena);
    free(got);
    return arena_ok;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s <golden-dir> [list-file] [-v]\n", argv[0]);
        return 2;
    }
    const char *list_name = "cases.txt";
    int verbose = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else {
            list_name = argv[i];
        }
    }
    char list[1024];
    snprintf(list, sizeof list, "%s/%s", argv[1], list_name);
    FILE *f = fopen(list, "r");
    if (f == NULL) {
        fprintf(stderr, "cannot read %s: generate the goldens first\n", list);
        return 2;
    }
    char name[256];
    int passed = 0, failed = 0;
    while (fscanf(f, "%255s", name) == 1) {
        if (run_case(argv[1], name, verbose)) {
            passed++;
        } else {
            failed++;
        }
    }
    fclose(f);
    printf("parity (output bytes identical, arena high-water = planned arena): %d passed, %d failed\n", passed,
           failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
