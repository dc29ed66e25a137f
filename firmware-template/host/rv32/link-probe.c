/*
 * What the firmware links of the component: the calls firmware-template/main/app_main.c and
 * firmware-template/bare/main.c make, and nothing else. Linked with --gc-sections, its map says which of the
 * component's functions and tables ship (scripts/firmware-bench.sh sums them); it is never run.
 */
#include "mn_server.h"

static mn_server_t s_server;
static mn_model_t s_model;
static uint8_t s_arena[64];
static uint8_t s_buf[256];
static const uint8_t s_blob[16];

static void write_console(void *ctx, const char *text, size_t len) {
    (void)ctx;
    (void)text;
    (void)len;
}

static void board_info(void *ctx, mn_board_info_t *info) {
    (void)ctx;
    (void)info;
}

int main(void) {
    mn_status_t status = mn_model_open(s_blob, sizeof s_blob, &s_model);
    mn_model_info_t info;
    if (status == MN_OK) mn_model_describe(&s_model, &info);
    const mn_server_io_t io = {write_console, board_info, NULL};
    mn_server_init(&s_server, &io, status == MN_OK ? &s_model : NULL, status, s_arena, sizeof s_arena);
    mn_server_hello(&s_server);
    mn_server_feed(&s_server, s_buf, sizeof s_buf);
    return mn_server_poll(&s_server, 0);
}
