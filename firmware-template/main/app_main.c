/* Minnow interpreter firmware: maps the model partition, then answers docs/PROTOCOL.md on the console. */
#include <string.h>

#include "console_io.h"
#include "esp_heap_caps.h"
#include "esp_log.h"
#include "esp_timer.h"
#include "esp_private/esp_clk.h"
#include "mn_server.h"
#include "model_slot.h"
#include "sdkconfig.h"

static model_slot_t s_slot;
static mn_server_t s_server;
/* Replies go back on the channel the request came from; the boot announcement goes everywhere. */
static console_channel_t s_reply_to = CONSOLE_ALL;

static void write_console(void *ctx, const char *text, size_t len) {
    (void)ctx;
    console_io_write(s_reply_to, text, len);
}

static void board_info(void *ctx, mn_board_info_t *info) {
    (void)ctx;
    info->chip = CONFIG_IDF_TARGET;
    /* PSRAM counts too (when present): the arena may be placed there (model_slot.c). */
    info->free_heap = (uint32_t)heap_caps_get_free_size(MALLOC_CAP_8BIT);
    info->largest_free_block = (uint32_t)heap_caps_get_largest_free_block(MALLOC_CAP_8BIT);
    info->partition_bytes = s_slot.partition_bytes;
    /* The clock the CPU runs at now, not the one Kconfig asked for. */
    info->cpu_mhz = (uint32_t)(esp_clk_cpu_freq() / 1000000);
    info->flavour = "esp-idf";
    info->console = console_io_name(s_reply_to == CONSOLE_ALL ? console_io_primary() : s_reply_to);
}

void app_main(void) {
    console_io_init();
    model_slot_load(&s_slot);
    /* From here on the console carries the protocol: no ESP-IDF log line may land inside a frame. The level
     * gates ESP_LOGx and, with log v1, the ESP_EARLY_LOGx the task watchdog prints from its interrupt
     * (components/log/include/esp_log_level.h: _ESP_LOG_EARLY_ENABLED reads esp_log_get_default_level()). */
    esp_log_level_set("*", ESP_LOG_NONE);
    const mn_server_io_t io = {write_console, board_info, NULL};
    mn_server_init(&s_server, &io, s_slot.model_valid ? &s_slot.model : NULL, s_slot.status, s_slot.arena,
                   s_slot.arena_len);
    mn_server_hello(&s_server);
    static uint8_t buf[256];
    for (;;) {
        console_channel_t from = CONSOLE_ALL;
        size_t n = console_io_read(buf, sizeof buf, &from);
        if (n > 0) {
            s_reply_to = from;
            mn_server_feed(&s_server, buf, n);
        }
        /* A sensor stream (P-19) takes its due samples between reads: each read waits at most one tick per
         * channel, so samples fall due at most about 2 ms late at CONFIG_FREERTOS_HZ=1000. */
        mn_server_poll(&s_server, (uint64_t)esp_timer_get_time());
    }
}
