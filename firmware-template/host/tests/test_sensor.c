/* The `imu` sensor stream (docs/PROTOCOL.md P-19) over the host's simulated MPU-6050 (host/sim), with the
 * clock given by the test so every sample's time is known. */
#include <string.h>

#include "mn_mpu6050.h"
#include "mn_server.h"
#include "mn_test.h"
#include "tests.h"

#define MAX_REPLIES 8

static mn_frame_t s_replies[MAX_REPLIES];
static int s_count;
static mn_server_t s_server;

static void capture(void *ctx, const char *text, size_t len) {
    (void)ctx;
    if (s_count < MAX_REPLIES && mn_frame_decode(text, len - 2, &s_replies[s_count]) == MN_OK) s_count++;
}

static int request(uint16_t seq, const char *kind, const uint8_t *payload, size_t len) {
    char text[MN_FRAME_MAX_TEXT];
    size_t n = mn_frame_encode(1, seq, kind, payload, len, text, sizeof text);
    s_count = 0;
    mn_server_feed(&s_server, (const uint8_t *)text, n);
    return s_count;
}

/* The 11-byte request: u16 rate, u32 samples, address, accel range, gyro range, SDA, SCL. */
static size_t imu_request(uint8_t *p, uint16_t rate, uint32_t samples, uint8_t address) {
    const uint8_t bytes[11] = {(uint8_t)rate, (uint8_t)(rate >> 8), (uint8_t)samples, (uint8_t)(samples >> 8),
                               (uint8_t)(samples >> 16), (uint8_t)(samples >> 24), address, 0, 0, 8, 9};
    memcpy(p, bytes, sizeof bytes);
    return sizeof bytes;
}

static uint32_t u32_at(const mn_frame_t *f, size_t at) {
    return (uint32_t)f->payload[at] | (uint32_t)f->payload[at + 1] << 8 | (uint32_t)f->payload[at + 2] << 16 |
           (uint32_t)f->payload[at + 3] << 24;
}

static int16_t i16_at(const mn_frame_t *f, size_t at) {
    return (int16_t)(uint16_t)(f->payload[at] | f->payload[at + 1] << 8);
}

static uint16_t err_code(const mn_frame_t *f) { return (uint16_t)(f->payload[0] | f->payload[1] << 8); }

/* The motion host/sim/mpu6050_sim.c documents, written out again from its comment. */
static void expected(uint32_t k, int16_t out[6]) {
    int p = (int)(k % 64u), tri = p <= 32 ? p : 64 - p;
    out[0] = (int16_t)(128 * tri - 2048);
    out[1] = (int16_t)(2048 - 64 * tri);
    out[2] = (int16_t)(16384 - 32 * tri);
    out[3] = (int16_t)(131 * (tri - 16));
    out[4] = 655;
    out[5] = (k & 1u) ? 10 : -10;
}

static int frame_matches(const mn_frame_t *f, uint32_t first, uint32_t count, uint32_t micros) {
    if (strcmp(f->kind, "smp") != 0 || f->len != 9u + 12u * count) return 0;
    if (u32_at(f, 0) != first || u32_at(f, 4) != micros || f->payload[8] != count) return 0;
    for (uint32_t i = 0; i < count; i++) {
        int16_t want[6];
        expected(first + i, want);
        for (int c = 0; c < 6; c++) {
            if (i16_at(f, 9 + 12 * i + 2 * c) != want[c]) return 0;
        }
    }
    return 1;
}

static void start(void) {
    const mn_server_io_t io = {capture, NULL, NULL};
    mn_server_init(&s_server, &io, NULL, MN_E_NO_MODEL, NULL, 0);
}

static void test_stream_values(void) {
    uint8_t p[11];
    mn_test("[P-19] imu streams the sensor's samples at the set rate in smp frames, then the final imu");
    start();
    MN_CHECK(request(21, "imu", p, imu_request(p, 100, 10, 0x68)) == 0); /* no reply until samples are due */
    s_count = 0;
    /* 100 Hz: one sample every 10 000 us from the first poll; polls in between take nothing. */
    for (uint64_t t = 1000000; t <= 1090000; t += 5000) mn_server_poll(&s_server, t);
    MN_CHECK(s_count == 3);
    MN_CHECK(s_replies[0].seq == 21 && frame_matches(&s_replies[0], 0, 5, 1000000));
    MN_CHECK(s_replies[1].seq == 21 && frame_matches(&s_replies[1], 5, 5, 1050000));
    MN_CHECK(strcmp(s_replies[2].kind, "imu") == 0 && s_replies[2].seq == 21 && s_replies[2].len == 12);
    MN_CHECK(u32_at(&s_replies[2], 0) == 10 && u32_at(&s_replies[2], 4) == 0 && u32_at(&s_replies[2], 8) == 90000);
    MN_CHECK(mn_server_poll(&s_server, 2000000) == 0);

    mn_test("[P-19] a sample read a whole period late is counted and restarts the schedule");
    MN_CHECK(request(22, "imu", p, imu_request(p, 100, 3, 0x68)) == 0);
    mn_server_poll(&s_server, 0);
    mn_server_poll(&s_server, 35000); /* due at 10 000: late; the next is due at 45 000 */
    mn_server_poll(&s_server, 44000);
    MN_CHECK(s_count == 0);
    mn_server_poll(&s_server, 45000);
    MN_CHECK(s_count == 2 && strcmp(s_replies[1].kind, "imu") == 0 && u32_at(&s_replies[1], 4) == 1);
}

static void test_stop(void) {
    uint8_t p[11];
    mn_test("[P-19] stop ends the stream: the samples taken, the final imu with its seq, then stop");
    start();
    request(30, "imu", p, imu_request(p, 50, 0, 0x68));
    s_count = 0;
    mn_server_poll(&s_server, 0);
    MN_CHECK(s_count == 0); /* 50 Hz: two samples per frame */
    mn_server_poll(&s_server, 20000);
    MN_CHECK(s_count == 1 && frame_matches(&s_replies[0], 0, 2, 0));
    mn_server_poll(&s_server, 40000); /* a third sample waits for its frame */
    MN_CHECK(request(31, "stop", NULL, 0) == 3);
    MN_CHECK(s_replies[0].seq == 30 && frame_matches(&s_replies[0], 2, 1, 40000));
    MN_CHECK(s_replies[1].seq == 30 && strcmp(s_replies[1].kind, "imu") == 0 && u32_at(&s_replies[1], 0) == 3);
    MN_CHECK(s_replies[2].seq == 31 && strcmp(s_replies[2].kind, "stop") == 0 && s_replies[2].len == 0);
    MN_CHECK(mn_server_poll(&s_server, 60000) == 0);

    mn_test("[P-19] stop with no stream answers stop; any other request also ends a stream first");
    MN_CHECK(request(32, "stop", NULL, 0) == 1 && strcmp(s_replies[0].kind, "stop") == 0);
    request(33, "imu", p, imu_request(p, 50, 0, 0x68));
    mn_server_poll(&s_server, 0);
    MN_CHECK(request(34, "info", NULL, 0) == 3 && s_replies[1].seq == 33 && strcmp(s_replies[1].kind, "imu") == 0);
    MN_CHECK(strcmp(s_replies[2].kind, "info") == 0 && s_replies[2].seq == 34);
}

static void test_refusals(void) {
    uint8_t p[11];
    start();
    mn_test("[P-19] no device at the address gets E407 SENSOR_MISSING, and no stream starts");
    MN_CHECK(request(40, "imu", p, imu_request(p, 100, 0, 0x69)) == 1 && err_code(&s_replies[0]) == 407);
    MN_CHECK(memcmp(s_replies[0].payload + 2, "SENSOR_MISSING: ", 16) == 0);
    MN_CHECK(mn_server_poll(&s_server, 0) == 0);

    mn_test("[P-19] a wrong size, rate, address, range or pin pair gets E504");
    MN_CHECK(request(41, "imu", p, 10) == 1 && err_code(&s_replies[0]) == MN_E_PROTO_PAYLOAD);
    MN_CHECK(request(42, "imu", p, imu_request(p, 0, 0, 0x68)) == 1 && err_code(&s_replies[0]) == 504);
    MN_CHECK(request(43, "imu", p, imu_request(p, 1001, 0, 0x68)) == 1 && err_code(&s_replies[0]) == 504);
    MN_CHECK(request(44, "imu", p, imu_request(p, 100, 0, 0x50)) == 1 && err_code(&s_replies[0]) == 504);
    imu_request(p, 100, 0, 0x68);
    p[7] = 4;
    MN_CHECK(request(45, "imu", p, 11) == 1 && err_code(&s_replies[0]) == 504);
    imu_request(p, 100, 0, 0x68);
    p[10] = p[9];
    MN_CHECK(request(46, "imu", p, 11) == 1 && err_code(&s_replies[0]) == 504);
    MN_CHECK(request(47, "stop", p, 1) == 1 && err_code(&s_replies[0]) == 504);
}

static void test_divider(void) {
    mn_test("[S-12] SMPLRT_DIV divides the 1 kHz gyro output rate to the rate asked for or just above");
    /* Sample Rate = 1 kHz / (1 + SMPLRT_DIV) with the DLPF on (register map, register 25). */
    MN_CHECK(mn_mpu6050_divider(1000) == 0 && mn_mpu6050_divider(600) == 0);
    MN_CHECK(mn_mpu6050_divider(100) == 9 && mn_mpu6050_divider(50) == 19 && mn_mpu6050_divider(30) == 32);
    MN_CHECK(mn_mpu6050_divider(3) == 255 && mn_mpu6050_divider(1) == 255);
}

void suite_sensor(void) {
    test_stream_values();
    test_stop();
    test_refusals();
    test_divider();
}
