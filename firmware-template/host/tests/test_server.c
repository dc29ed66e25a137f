/* The board side of docs/PROTOCOL.md: requests in, reply frames out (P-7 … P-15). */
#include <stdio.h>
#include <string.h>

#include "blob_builder.h"
#include "mn_server.h"
#include "mn_test.h"
#include "tests.h"

#define MAX_REPLIES 16

static mn_frame_t s_replies[MAX_REPLIES];
static int s_count;
static mn_server_t s_server;
static mn_model_t s_model;
static uint8_t s_arena[5] MN_ARENA_ALIGNED;
static bb_t s_b;

static void capture(void *ctx, const char *text, size_t len) {
    (void)ctx;
    /* Every frame the board writes must itself be a valid frame ending in CR LF. */
    MN_CHECK(len > 2 && text[len - 2] == '\r' && text[len - 1] == '\n');
    if (s_count < MAX_REPLIES && mn_frame_decode(text, len - 2, &s_replies[s_count]) == MN_OK) s_count++;
}

static void board(void *ctx, mn_board_info_t *info) {
    (void)ctx;
    info->chip = "esp32c3";
    info->free_heap = 300000;
    info->largest_free_block = 200000;
    info->partition_bytes = 0x100000;
    info->cpu_mhz = 160;
    info->flavour = "bare-metal";
    info->console = "usb-serial-jtag";
}

static void start(const mn_model_t *model, mn_status_t status, uint8_t *arena) {
    const mn_server_io_t io = {capture, board, NULL};
    mn_server_init(&s_server, &io, model, status, arena, arena != NULL ? sizeof s_arena : 0);
    s_count = 0;
}

/* Sends one request framed with the given version; returns the number of replies. */
static int request(uint16_t version, uint16_t seq, const char *kind, const void *payload, size_t len) {
    char text[MN_FRAME_MAX_TEXT];
    size_t n = mn_frame_encode(version, seq, kind, payload, len, text, sizeof text);
    s_count = 0;
    mn_server_feed(&s_server, (const uint8_t *)text, n);
    return s_count;
}

static uint32_t u32_at(const mn_frame_t *f, size_t at) {
    return (uint32_t)f->payload[at] | (uint32_t)f->payload[at + 1] << 8 | (uint32_t)f->payload[at + 2] << 16 |
           (uint32_t)f->payload[at + 3] << 24;
}

static uint16_t err_code(const mn_frame_t *f) { return (uint16_t)(f->payload[0] | f->payload[1] << 8); }

static void load_dense(void) {
    static const int8_t w[6] = {1, 2, 3, -4, 5, -6}, tin[3] = {10, -5, 3}, tout[2] = {49, -67};
    static const int32_t bias[2] = {100, -50}, rq[4] = {1 << 30, 0, 1 << 30, 0};
    static const uint16_t wd[4] = {2, 3, 0, 0}, bd[4] = {2, 0, 0, 0}, rd[4] = {2, 2, 0, 0};
    bb_init(&s_b, "dense", 5);
    uint16_t x = bb_act(&s_b, 1, 3, 0, 0, 0, 1), y = bb_act(&s_b, 1, 2, 0, 0, 3, -3);
    uint16_t k = bb_const(&s_b, 1, 2, wd, w, sizeof w);
    bb_const(&s_b, 2, 1, bd, bias, sizeof bias);
    bb_const(&s_b, 2, 2, rd, rq, sizeof rq);
    bb_op(&s_b, 1, 1, x, y, k, -128, 127, NULL);
    uint32_t len = bb_finish(&s_b, x, y, tin, tout);
    MN_CHECK(mn_model_open(s_b.out, len, &s_model) == MN_OK);
}

static void test_info(void) {
    mn_test("[P-9] [P-11] hello and info carry the board facts and the model");
    start(&s_model, MN_OK, s_arena);
    mn_server_hello(&s_server);
    MN_CHECK(s_count == 1 && strcmp(s_replies[0].kind, "hello") == 0 && s_replies[0].seq == 0);
    MN_CHECK(request(1, 42, "info", NULL, 0) == 1 && strcmp(s_replies[0].kind, "info") == 0);
    const mn_frame_t *f = &s_replies[0];
    MN_CHECK(f->seq == 42 && f->payload[0] == 1 && f->payload[2] == MN_VERSION_MAJOR);
    MN_CHECK(u32_at(f, 10) == 300000 && u32_at(f, 14) == 200000 && u32_at(f, 18) == 0x100000 && u32_at(f, 22) == 160);
    MN_CHECK(f->payload[26] == 0 && f->payload[27] == 0 && f->payload[28] == 1); /* status 0, present */
    MN_CHECK(u32_at(f, 39) == 5 && u32_at(f, 43) == 3 && u32_at(f, 47) == 2 && u32_at(f, 51) == 1);
    MN_CHECK(f->payload[55] == 1 && f->payload[56] == 7 && memcmp(f->payload + 57, "esp32c3", 7) == 0);
    static const char tail[] = "\x0a" "bare-metal" "\x0f" "usb-serial-jtag"; /* flavour, console: the last fields */
    MN_CHECK(f->len > sizeof tail && memcmp(f->payload + f->len - (sizeof tail - 1), tail, sizeof tail - 1) == 0);
}

static void test_run(void) {
    const int8_t in[3] = {10, -5, 3};
    mn_test("[P-13] run answers out, prof, then the final run frame with the request's seq");
    start(&s_model, MN_OK, s_arena);
    MN_CHECK(request(1, 9, "run", in, sizeof in) == 3);
    MN_CHECK(strcmp(s_replies[0].kind, "out") == 0 && s_replies[0].len == 6 && u32_at(&s_replies[0], 0) == 0);
    MN_CHECK((int8_t)s_replies[0].payload[4] == 49 && (int8_t)s_replies[0].payload[5] == -67);
    MN_CHECK(strcmp(s_replies[1].kind, "prof") == 0 && s_replies[1].len == 6);
    MN_CHECK(strcmp(s_replies[2].kind, "run") == 0 && s_replies[2].len == 20 && u32_at(&s_replies[2], 12) == 5);
    for (int i = 0; i < 3; i++) MN_CHECK(s_replies[i].seq == 9);

    mn_test("[P-12] load writes the input in place; run with no payload uses it");
    const uint8_t part[6] = {1, 0, 0, 0, 0xFB, 3};
    MN_CHECK(request(1, 10, "load", "\0\0\0\0\x0a", 5) == 1 && strcmp(s_replies[0].kind, "load") == 0);
    MN_CHECK(request(1, 11, "load", part, sizeof part) == 1 && strcmp(s_replies[0].kind, "load") == 0);
    MN_CHECK(request(1, 12, "run", NULL, 0) == 3 && (int8_t)s_replies[0].payload[4] == 49);

    mn_test("[P-12] bytes outside the input are refused with E507");
    const uint8_t far[6] = {2, 0, 0, 0, 1, 2};
    MN_CHECK(request(1, 13, "load", far, sizeof far) == 1 && err_code(&s_replies[0]) == MN_E_INPUT_RANGE);
    MN_CHECK(request(1, 14, "load", far, 3) == 1 && err_code(&s_replies[0]) == MN_E_PROTO_PAYLOAD);

    mn_test("[P-13] an input of the wrong size is refused with E402");
    MN_CHECK(request(1, 15, "run", in, 2) == 1 && err_code(&s_replies[0]) == MN_E_INPUT_SIZE);
}

static void test_selftest_and_errors(void) {
    mn_test("[P-14] selftest runs the embedded vector and reports a pass");
    start(&s_model, MN_OK, s_arena);
    MN_CHECK(request(1, 3, "selftest", NULL, 0) == 2 && strcmp(s_replies[1].kind, "selftest") == 0);
    MN_CHECK(s_replies[1].payload[0] == 1 && u32_at(&s_replies[1], 5) == 0xFFFFFFFFu);

    mn_test("[P-8] unknown commands get E503 and wrong payloads E504");
    MN_CHECK(request(1, 4, "blink", NULL, 0) == 1 && err_code(&s_replies[0]) == MN_E_PROTO_COMMAND);
    MN_CHECK(request(1, 4, "generate", NULL, 0) == 1 && err_code(&s_replies[0]) == MN_E_PROTO_PAYLOAD);
    MN_CHECK(request(1, 5, "info", "x", 1) == 1 && err_code(&s_replies[0]) == MN_E_PROTO_PAYLOAD);

    mn_test("[P-7] a frame of another version gets E502 in version 1");
    MN_CHECK(request(2, 6, "info", NULL, 0) == 1 && err_code(&s_replies[0]) == MN_E_PROTO_VERSION);
    MN_CHECK(s_replies[0].version == 1 && s_replies[0].seq == 6);

    mn_test("[P-15] without a model or an arena, run-like requests get E505 / E506 with a readable message");
    start(NULL, MN_E_BLOB_CRC, NULL);
    MN_CHECK(request(1, 7, "run", NULL, 0) == 1 && err_code(&s_replies[0]) == MN_E_NO_MODEL);
    MN_CHECK(memcmp(s_replies[0].payload + 2, "NO_MODEL: ", 10) == 0);
    MN_CHECK(request(1, 8, "info", NULL, 0) == 1 && s_replies[0].payload[26] == (MN_E_BLOB_CRC & 0xFF));
    start(&s_model, MN_E_NO_ARENA, NULL);
    MN_CHECK(request(1, 9, "selftest", NULL, 0) == 1 && err_code(&s_replies[0]) == MN_E_NO_ARENA);

    mn_test("[P-6] invalid frames get no reply at all");
    const char *bad = "@MN1 7 info 0 - c4460ef7\r\n@MN1 7 run 2 aGk c67eee04\r\n";
    s_count = 0;
    mn_server_feed(&s_server, (const uint8_t *)bad, strlen(bad));
    MN_CHECK(s_count == 0);
}

void suite_server(void) {
    load_dense();
    test_info();
    test_run();
    test_selftest_and_errors();
}
