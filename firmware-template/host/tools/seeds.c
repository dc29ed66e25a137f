/* Writes fuzzing seeds: a small valid blob and a stream of valid requests mixed with log text. */
#include <stdio.h>
#include <string.h>

#include "blob_builder.h"
#include "mn_frame.h"

static int write_file(const char *dir, const char *name, const void *data, size_t len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL) return 0;
    size_t n = fwrite(data, 1, len, f);
    fclose(f);
    return n == len;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <dir>\n", argv[0]);
        return 2;
    }
    static bb_t b;
    static const int8_t w[6] = {1, 2, 3, -4, 5, -6};
    static const int32_t bias[2] = {100, -50}, rq[4] = {1 << 30, 0, 1 << 30, -1};
    static const int8_t tin[3] = {10, -5, 3}, tout[2] = {49, -35};
    static const uint16_t wd[4] = {2, 3, 0, 0}, bd[4] = {2, 0, 0, 0}, rd[4] = {2, 2, 0, 0};
    bb_init(&b, "seed", 5);
    uint16_t x = bb_act(&b, 1, 3, 0, 0, 0, 1), y = bb_act(&b, 1, 2, 0, 0, 3, -3);
    uint16_t k = bb_const(&b, 1, 2, wd, w, sizeof w);
    bb_const(&b, 2, 1, bd, bias, sizeof bias);
    bb_const(&b, 2, 2, rd, rq, sizeof rq);
    bb_op(&b, 1, 1, x, y, k, -128, 127, NULL);
    uint32_t len = bb_finish(&b, x, y, tin, tout);
    static char stream[8192];
    size_t at = 0;
    const uint8_t load[7] = {0, 0, 0, 0, 10, 0xFB, 3};
    const char *log = "I (312) cpu_start: log text\r\n";
    at += (size_t)snprintf(stream + at, sizeof stream - at, "%s", log);
    at += mn_frame_encode(1, 1, "info", NULL, 0, stream + at, sizeof stream - at);
    at += mn_frame_encode(1, 2, "load", load, sizeof load, stream + at, sizeof stream - at);
    at += mn_frame_encode(1, 3, "run", NULL, 0, stream + at, sizeof stream - at);
    at += (size_t)snprintf(stream + at, sizeof stream - at, "%s", log);
    at += mn_frame_encode(1, 4, "run", (const uint8_t *)tin, sizeof tin, stream + at, sizeof stream - at);
    at += mn_frame_encode(1, 5, "selftest", NULL, 0, stream + at, sizeof stream - at);
    at += mn_frame_encode(2, 6, "info", NULL, 0, stream + at, sizeof stream - at);
    at += mn_frame_encode(1, 7, "nope", NULL, 0, stream + at, sizeof stream - at);
    int ok = write_file(argv[1], "dense.bin", b.out, len) && write_file(argv[1], "frames.txt", stream, at);
    return ok ? 0 : 1;
}
