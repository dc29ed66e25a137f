/*
 * Minnow on bare metal: the same interpreter and protocol server as the ESP-IDF firmware
 * (firmware-template/main/app_main.c), over this folder's platform layer. The arena comes from the RAM
 * between the end of .bss and the stack (bare.ld), so a model may use all of it.
 */
#include "bare.h"
#include "chip.h"
#include "mn_server.h"

extern uint8_t __pool_start[], __pool_end[];

static mn_server_t s_server;
static mn_model_t s_model;
/* Replies go back on the channel the request came from. */
static bare_channel_t s_reply_to = BARE_UART;

static uint32_t pool_bytes(void) { return (uint32_t)(__pool_end - __pool_start); }

static int erased(const uint8_t *blob) {
    for (size_t i = 0; i < 16; i++) {
        if (blob[i] != 0xFF) return 0;
    }
    return 1;
}

static mn_status_t open_model(const uint8_t *blob, size_t *arena_len) {
    if (erased(blob)) return MN_E_NO_MODEL;
    mn_status_t status = mn_model_open(blob, MODEL_FLASH_BYTES, &s_model);
    if (status != MN_OK) return status;
    mn_model_info_t info;
    mn_model_describe(&s_model, &info);
    *arena_len = info.arena_bytes > 0 ? info.arena_bytes : 1u;
    return *arena_len <= pool_bytes() ? MN_OK : MN_E_NO_ARENA;
}

static void write_console(void *ctx, const char *text, size_t len) {
    (void)ctx;
    bare_console_write(s_reply_to, text, len);
}

static void board_info(void *ctx, mn_board_info_t *info) {
    (void)ctx;
    info->chip = CHIP_NAME;
    info->free_heap = pool_bytes();
    info->largest_free_block = pool_bytes();
    info->partition_bytes = MODEL_FLASH_BYTES;
    info->cpu_mhz = bare_cpu_mhz();
    info->flavour = "bare-metal";
    info->console = s_reply_to == BARE_USB ? "usb-serial-jtag" : "uart0";
}

void bare_main(void) {
    bare_watchdogs_off();
    bare_console_init();
    const uint8_t *blob = bare_map_model();
    size_t arena_len = 0;
    mn_status_t status = open_model(blob, &arena_len);
    const mn_server_io_t io = {write_console, board_info, NULL};
    mn_server_init(&s_server, &io, status == MN_OK || status == MN_E_NO_ARENA ? &s_model : NULL, status,
                   status == MN_OK ? __pool_start : NULL, status == MN_OK ? arena_len : 0);
    /* One hello per channel, each naming the console it is written on. */
    s_reply_to = BARE_UART;
    mn_server_hello(&s_server);
    s_reply_to = BARE_USB;
    mn_server_hello(&s_server);
    static uint8_t buf[256];
    for (;;) {
        bare_channel_t from = BARE_BOTH;
        size_t n = bare_console_read(buf, sizeof buf, &from);
        if (n == 0) continue;
        s_reply_to = from;
        mn_server_feed(&s_server, buf, n);
    }
}
