/* Frame codec and stream scanner (docs/PROTOCOL.md P-2 … P-6). Expected texts were computed with an
 * independent CRC-32 (Python's zlib.crc32) and base64 (RFC 4648 examples). */
#include <stdio.h>
#include <string.h>

#include "mn_frame.h"
#include "mn_test.h"
#include "tests.h"

static mn_frame_t s_frame;

/* Pushes text through a fresh scanner; returns how many frames decoded, the last one in s_frame. */
static int scan(const char *text, size_t n) {
    static mn_frame_rx_t rx;
    mn_frame_rx_init(&rx);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (mn_frame_rx_push(&rx, (uint8_t)text[i]) && mn_frame_decode(rx.text, rx.len, &s_frame) == MN_OK) {
            found++;
        }
    }
    return found;
}

static int decodes(const char *text) { return mn_frame_decode(text, strlen(text), &s_frame) == MN_OK; }

static void test_encoding(void) {
    char out[MN_FRAME_MAX_TEXT];
    mn_test("[P-2] an empty payload is written as '-' and the crc covers the text before it");
    size_t n = mn_frame_encode(1, 7, "info", NULL, 0, out, sizeof out);
    MN_CHECK(n == strlen("@MN1 7 info 0 - c4460ef6\r\n"));
    MN_CHECK(memcmp(out, "@MN1 7 info 0 - c4460ef6\r\n", n) == 0);

    mn_test("[P-3] payloads are base64 with padding");
    n = mn_frame_encode(1, 65535, "run", (const uint8_t *)"hi", 2, out, sizeof out);
    MN_CHECK(n == strlen("@MN1 65535 run 2 aGk= c67eee04\r\n"));
    MN_CHECK(memcmp(out, "@MN1 65535 run 2 aGk= c67eee04\r\n", n) == 0);

    mn_test("[P-2] kinds are 1-12 lowercase letters; payloads at most 1024 bytes");
    MN_CHECK(mn_frame_encode(1, 0, "Info", NULL, 0, out, sizeof out) == 0);
    MN_CHECK(mn_frame_encode(1, 0, "", NULL, 0, out, sizeof out) == 0);
    MN_CHECK(mn_frame_encode(1, 0, "abcdefghijklm", NULL, 0, out, sizeof out) == 0);
    static uint8_t big[MN_FRAME_MAX_PAYLOAD + 1];
    MN_CHECK(mn_frame_encode(1, 0, "run", big, sizeof big, out, sizeof out) == 0);
    MN_CHECK(mn_frame_encode(1, 0, "run", big, MN_FRAME_MAX_PAYLOAD, out, sizeof out) > 0);
    MN_CHECK(mn_frame_encode(1, 0, "run", big, 10, out, 20) == 0);
}

static void test_round_trip(void) {
    mn_test("[P-2] every payload length 0..1024 survives encode and decode");
    static char out[MN_FRAME_MAX_TEXT];
    static uint8_t data[MN_FRAME_MAX_PAYLOAD];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof data; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (uint8_t)(x >> 16);
    }
    int bad = 0;
    for (size_t len = 0; len <= MN_FRAME_MAX_PAYLOAD; len++) {
        size_t n = mn_frame_encode(1, (uint16_t)len, "load", data, len, out, sizeof out);
        if (n < 2 || mn_frame_decode(out, n - 2, &s_frame) != MN_OK || s_frame.len != len ||
            s_frame.seq != len || strcmp(s_frame.kind, "load") != 0 || memcmp(s_frame.payload, data, len) != 0) {
            bad++;
        }
    }
    MN_CHECK(bad == 0);
}

static void test_strict_decode(void) {
    mn_test("[P-4] a frame whose crc does not match is rejected");
    MN_CHECK(decodes("@MN1 7 info 0 - c4460ef6"));
    MN_CHECK(decodes("@MN1 7 info 0 - C4460EF6"));
    MN_CHECK(!decodes("@MN1 7 info 0 - c4460ef7"));
    MN_CHECK(!decodes("@MN1 8 info 0 - c4460ef6"));
    MN_CHECK(!decodes("@MN1 7 info 0 - c4460ef"));

    mn_test("[P-3] the payload must be canonical base64 of exactly len bytes");
    char text[64];
    const char *bodies[] = {"aGk", "aGl=", "aGk=aGk=", "a*k=", "aG==", "===="};
    const char *lens[] = {"2", "2", "2", "2", "2", "0"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char head[48];
        snprintf(head, sizeof head, "@MN1 1 run %s %s ", lens[i], bodies[i]);
        snprintf(text, sizeof text, "%s%08x", head, (unsigned)mn_test_crc(head));
        MN_CHECK(!decodes(text));
    }
    snprintf(text, sizeof text, "@MN1 1 run 3 aGk= %08x", (unsigned)mn_test_crc("@MN1 1 run 3 aGk= "));
    MN_CHECK(!decodes(text));
    snprintf(text, sizeof text, "@MN1 1 run 0 aGk= %08x", (unsigned)mn_test_crc("@MN1 1 run 0 aGk= "));
    MN_CHECK(!decodes(text));

    mn_test("[P-2] numbers are 1-5 decimal digits of at most 65535");
    snprintf(text, sizeof text, "@MN1 65536 info 0 - %08x", (unsigned)mn_test_crc("@MN1 65536 info 0 - "));
    MN_CHECK(!decodes(text));
    snprintf(text, sizeof text, "@MN1 1 info 1025 - %08x", (unsigned)mn_test_crc("@MN1 1 info 1025 - "));
    MN_CHECK(!decodes(text));
    snprintf(text, sizeof text, "@MN2 9 info 0 - %08x", (unsigned)mn_test_crc("@MN2 9 info 0 - "));
    MN_CHECK(decodes(text) && s_frame.version == 2 && s_frame.seq == 9);
}

static void test_stream(void) {
    mn_test("[P-5] a frame after log text on the same line is found");
    const char *a = "I (312) cpu_start: Starting scheduler.@MN1 7 info 0 - c4460ef6\r\n";
    MN_CHECK(scan(a, strlen(a)) == 1 && s_frame.seq == 7);

    mn_test("[P-5] text right after the crc, without a line end, does not spoil the frame");
    const char *b = "@MN1 7 info 0 - c4460ef6abcdefW (400) x: y\n";
    MN_CHECK(scan(b, strlen(b)) == 1);

    mn_test("[P-5] a frame cut short by a reset does not swallow the next one");
    static const char c[] = "@MN1 65535 run 2 aG\x00\xff"
                            "ets Jun  8 2016 00:22:57\r\n@@MN1 7 info 0 - c4460ef6";
    MN_CHECK(scan(c, sizeof c - 1) == 1 && s_frame.seq == 7);
    const char *d = "@MN1 65535 run 2 aGk@MN1 7 info 0 - c4460ef6";
    MN_CHECK(scan(d, strlen(d)) == 1 && s_frame.seq == 7);

    mn_test("[P-5] two frames back to back are both found");
    const char *e = "@MN1 7 info 0 - c4460ef6@MN1 65535 run 2 aGk= c67eee04";
    MN_CHECK(scan(e, strlen(e)) == 2 && s_frame.seq == 65535 && s_frame.len == 2);

    mn_test("[P-5] an over-long candidate is dropped and scanning resumes");
    static char f[MN_FRAME_MAX_TEXT * 2];
    memset(f, 'A', sizeof f);
    memcpy(f, "@MN1 1 run 9 ", 13);
    memcpy(f + sizeof f - 25, "@MN1 7 info 0 - c4460ef6", 24);
    MN_CHECK(scan(f, sizeof f - 1) == 1);
}

void suite_frame(void) {
    test_encoding();
    test_round_trip();
    test_strict_decode();
    test_stream();
}
