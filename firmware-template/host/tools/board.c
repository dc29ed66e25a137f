/*
 * The virtual board: the real protocol loop (mn_server) over stdin/stdout, with a file standing in for
 * the 1 MiB "model" flash partition. Like a real board it prints boot log lines on the same channel, so
 * clients are exercised against interleaved text (P-5).
 *
 *   mn_board <model.bin> [--chip NAME] [--heap BYTES] [--largest BYTES]
 *
 * Its sensor bus holds the simulated MPU-6050 of host/sim/mpu6050_sim.c, so `imu` streams (P-19) run here.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mn_server.h"

#define PARTITION_BYTES 0x100000u

typedef struct {
    const char *chip;
    uint32_t heap, largest;
} board_t;

static void write_stdout(void *ctx, const char *text, size_t len) {
    (void)ctx;
    fwrite(text, 1, len, stdout);
    fflush(stdout);
}

static void board_info(void *ctx, mn_board_info_t *info) {
    const board_t *b = (const board_t *)ctx;
    info->chip = b->chip;
    info->free_heap = b->heap;
    info->largest_free_block = b->largest;
    info->partition_bytes = PARTITION_BYTES;
    info->cpu_mhz = 0;
    info->flavour = "host";
    info->console = "stdio";
}

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Fills the partition like flash: the file's bytes, then erased 0xFF. */
static uint8_t *load_partition(const char *path) {
    uint8_t *part = malloc(PARTITION_BYTES);
    if (part == NULL) return NULL;
    memset(part, 0xFF, PARTITION_BYTES);
    FILE *f = fopen(path, "rb");
    if (f != NULL) {
        size_t n = fread(part, 1, PARTITION_BYTES, f);
        fclose(f);
        fprintf(stdout, "I (12) board: %s: %zu bytes in the model partition\r\n", path, n);
    } else {
        fprintf(stdout, "W (12) board: %s: cannot read, the model partition is erased\r\n", path);
    }
    return part;
}

int main(int argc, char **argv) {
    board_t b = {"host", 327680u, 262144u};
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--chip") == 0 && i + 1 < argc) {
            b.chip = argv[++i];
        } else if (strcmp(argv[i], "--heap") == 0 && i + 1 < argc) {
            b.heap = (uint32_t)strtoul(argv[++i], NULL, 0);
        } else if (strcmp(argv[i], "--largest") == 0 && i + 1 < argc) {
            b.largest = (uint32_t)strtoul(argv[++i], NULL, 0);
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: %s <model.bin> [--chip NAME] [--heap BYTES] [--largest BYTES]\n", argv[0]);
        return 2;
    }
    fprintf(stdout, "ESP-ROM:virtual\r\nI (10) cpu_start: Minnow virtual board\r\n");
    uint8_t *partition = load_partition(path);
    if (partition == NULL) return 1;
    static mn_model_t model;
    static mn_server_t server;
    mn_status_t status = MN_E_NO_MODEL;
    int erased = 1;
    for (int i = 0; i < 16; i++) erased = erased && partition[i] == 0xFF;
    if (!erased) status = mn_model_open(partition, PARTITION_BYTES, &model);
    uint8_t *arena = NULL;
    size_t arena_len = 0;
    if (status == MN_OK) {
        mn_model_info_t info;
        mn_model_describe(&model, &info);
        arena_len = info.arena_bytes;
        arena = arena_len <= b.largest ? malloc(arena_len) : NULL;
        if (arena == NULL) status = MN_E_NO_ARENA;
        fprintf(stdout, "I (20) model: \"%.*s\" needs a %u-byte arena%s\r\n", (int)info.name_len, info.name,
                (unsigned)info.arena_bytes, arena == NULL ? ", which does not fit" : "");
    } else {
        fprintf(stdout, "E (20) model: no valid blob: E%d %s\r\n", (int)status, mn_status_name(status));
    }
    const mn_server_io_t io = {write_stdout, board_info, &b};
    mn_server_init(&server, &io, status == MN_OK || status == MN_E_NO_ARENA ? &model : NULL, status, arena,
                   arena_len);
    mn_server_hello(&server);
    uint8_t buf[512];
    for (;;) {
        /* While a stream runs, wake every millisecond to take its due samples; otherwise wait for input. */
        struct pollfd in = {STDIN_FILENO, POLLIN, 0};
        int ready = poll(&in, 1, mn_server_poll(&server, now_us()) ? 1 : -1);
        if (ready < 0) break;
        if (ready == 0) continue;
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) break;
        mn_server_feed(&server, buf, (size_t)n);
    }
    free(arena);
    free(partition);
    return 0;
}
