/* Fuzz target: the protocol server fed any bytes, with a small model loaded. Every frame it writes must
 * itself decode (the board never emits a malformed frame). */
#include <stdlib.h>
#include <string.h>

#include "blob_builder.h"
#include "mn_server.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static mn_model_t s_model;
static mn_server_t s_server;
static uint8_t s_arena[8] MN_ARENA_ALIGNED;
static mn_frame_t s_frame;

static void check_written(void *ctx, const char *text, size_t len) {
    (void)ctx;
    if (len < 2 || mn_frame_decode(text, len - 2, &s_frame) != MN_OK) abort();
}

static void board(void *ctx, mn_board_info_t *info) {
    (void)ctx;
    memset(info, 0, sizeof *info);
    info->chip = "fuzz";
}

static void setup(void) {
    static bb_t b;
    static const int8_t w[6] = {1, 2, 3, -4, 5, -6};
    static const int32_t bias[2] = {100, -50}, rq[4] = {1 << 30, 0, 1 << 30, 0};
    static const int8_t tin[3] = {1, 2, 3}, tout[2] = {0, 0};
    static const uint16_t wd[4] = {2, 3, 0, 0}, bd[4] = {2, 0, 0, 0}, rd[4] = {2, 2, 0, 0};
    bb_init(&b, "fuzz", 5);
    uint16_t x = bb_act(&b, 1, 3, 0, 0, 0, 1), y = bb_act(&b, 1, 2, 0, 0, 3, -3);
    uint16_t k = bb_const(&b, 1, 2, wd, w, sizeof w);
    bb_const(&b, 2, 1, bd, bias, sizeof bias);
    bb_const(&b, 2, 2, rd, rq, sizeof rq);
    bb_op(&b, 1, 1, x, y, k, -128, 127, NULL);
    uint32_t len = bb_finish(&b, x, y, tin, tout);
    if (mn_model_open(b.out, len, &s_model) != MN_OK) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        setup();
        ready = 1;
    }
    const mn_server_io_t io = {check_written, board, NULL};
    /* The first byte picks a board state: a ready model, no arena, or no model at all. */
    const uint8_t mode = size > 0 ? data[0] % 3u : 0u;
    mn_server_init(&s_server, &io, mode == 2 ? NULL : &s_model, mode == 0 ? MN_OK : MN_E_NO_ARENA,
                   mode == 0 ? s_arena : NULL, mode == 0 ? sizeof s_arena : 0);
    mn_server_feed(&s_server, data, size);
    return 0;
}
