/* Fuzz target: mn_model_open on any bytes, then mn_invoke on whatever opens. The CRC is resealed on a copy
 * (unless the input asks otherwise) so mutations reach the table and op checks behind it. */
#include <stdlib.h>
#include <string.h>

#include "minnow.h"
#include "mn_crc32.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_BLOB (1u << 20)
#define MAX_ARENA (1u << 13)

static void reseal(uint8_t *b, size_t size) {
    uint32_t total = (uint32_t)b[8] | (uint32_t)b[9] << 8 | (uint32_t)b[10] << 16 | (uint32_t)b[11] << 24;
    if (total < 16 || total > size) return;
    uint32_t crc = mn_crc32(mn_crc32(0, b, 12), b + 16, total - 16);
    for (int i = 0; i < 4; i++) b[12 + i] = (uint8_t)(crc >> (8 * i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_BLOB) return 0;
    uint8_t *blob = malloc(size > 0 ? size : 1);
    if (blob == NULL) return 0;
    if (size > 0) memcpy(blob, data, size);
    if (size >= 64 && blob[63] != 0x5A) reseal(blob, size);
    mn_model_t m;
    if (mn_model_open(blob, size, &m) == MN_OK) {
        mn_model_info_t info;
        mn_model_describe(&m, &info);
        if (info.arena_bytes <= MAX_ARENA) {
            uint8_t *arena = malloc(info.arena_bytes);
            int8_t *out = malloc(info.output_bytes);
            if (arena != NULL && out != NULL) {
                memset(arena, 0x11, info.arena_bytes);
                mn_stats_t st = {0, 0, NULL, 0};
                mn_invoke(&m, arena, info.arena_bytes, NULL, out, &st);
                mn_selftest_t r;
                mn_selftest(&m, arena, info.arena_bytes, &r, NULL);
            }
            free(arena);
            free(out);
        }
    }
    free(blob);
    return 0;
}
