/* P-19: the `imu` sensor stream. The request starts it; mn_server_poll takes samples as they fall due and
 * sends them in `smp` frames; the sample count, a `stop` or any other request ends it with the final reply. */
#include <string.h>

#include "mn_le.h"
#include "mn_mpu6050.h"
#include "mn_reply.h"

#define REQUEST_BYTES 11u
/* About 20 frames a second whatever the rate: few frame heads at high rates, little delay at low ones. */
#define FRAMES_PER_SECOND 20u

static void flush(mn_server_t *s) {
    mn_stream_t *st = &s->stream;
    if (st->pending == 0) return;
    mn_le_t w;
    mn_le_init(&w, s->reply, sizeof s->reply);
    mn_le_u32(&w, st->taken - st->pending);
    mn_le_u32(&w, st->pending_us);
    mn_le_u8(&w, st->pending);
    for (uint32_t i = 0; i < st->pending; i++) {
        for (int c = 0; c < 6; c++) mn_le_u16(&w, (uint16_t)st->samples[i][c]);
    }
    mn_reply_send(s, st->seq, "smp", s->reply, w.len);
    st->pending = 0;
}

void mn_stream_end(mn_server_t *s) {
    mn_stream_t *st = &s->stream;
    flush(s);
    uint64_t elapsed = st->taken > 1 ? st->last_us - st->first_us : 0u;
    uint8_t fin[12];
    mn_le_t w;
    mn_le_init(&w, fin, sizeof fin);
    mn_le_u32(&w, st->taken);
    mn_le_u32(&w, st->late);
    mn_le_u32(&w, elapsed > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)elapsed);
    st->active = 0;
    mn_reply_send(s, st->seq, "imu", fin, w.len);
}

/* The request's problem, or NULL when it asks for something this board can try. */
static const char *check(const mn_mpu6050_config_t *c) {
    if (c->rate_hz < 1u || c->rate_hz > 1000u) return "the rate must be 1 to 1000 samples per second";
    if (c->address != MN_MPU_ADDRESS_LOW && c->address != MN_MPU_ADDRESS_HIGH)
        return "an MPU-6050 answers at 0x68 or 0x69";
    if (c->accel_range > 3u || c->gyro_range > 3u) return "the ranges are 0 to 3 (AFS_SEL, FS_SEL)";
    if (c->sda_gpio > 63u || c->scl_gpio > 63u || c->sda_gpio == c->scl_gpio)
        return "SDA and SCL must be two different GPIOs, 0 to 63";
    return NULL;
}

void mn_stream_start(mn_server_t *s) {
    const uint8_t *p = s->request.payload;
    if (s->request.len != REQUEST_BYTES) {
        mn_reply_err(s, s->request.seq, MN_E_PROTO_PAYLOAD,
                     "imu takes u16 rate, u32 samples, then address, accel range, gyro range, SDA, SCL (11 bytes)");
        return;
    }
    const mn_mpu6050_config_t c = {p[6], p[7], p[8], p[9], p[10], mn_le_get_u16(p)};
    const char *problem = check(&c);
    if (problem != NULL) {
        mn_reply_err(s, s->request.seq, MN_E_PROTO_PAYLOAD, problem);
        return;
    }
    const char *why = "";
    mn_status_t status = mn_mpu6050_start(&c, &why);
    if (status != MN_OK) {
        mn_reply_err(s, s->request.seq, status, why);
        return;
    }
    mn_stream_t *st = &s->stream;
    memset(st, 0, sizeof *st);
    st->active = 1;
    st->seq = s->request.seq;
    st->address = c.address;
    st->period_us = 1000000u / c.rate_hz;
    st->max = mn_le_get_u32(p + 2);
    st->batch = c.rate_hz / FRAMES_PER_SECOND;
    st->batch = st->batch < 1u ? 1u : st->batch > MN_SERVER_MAX_BATCH ? MN_SERVER_MAX_BATCH : st->batch;
}

int mn_server_poll(mn_server_t *s, uint64_t now_us) {
    mn_stream_t *st = &s->stream;
    if (!st->active) return 0;
    if (!st->started) {
        st->started = 1;
        st->due_us = now_us;
        st->first_us = now_us;
    }
    if (now_us < st->due_us) return 1;
    int16_t sample[6];
    if (mn_mpu6050_read(st->address, sample) != MN_OK) {
        flush(s);
        st->active = 0;
        mn_reply_err(s, st->seq, MN_E_SENSOR_IO, "a sample read failed; the samples before it were sent");
        return 0;
    }
    /* A sample read a whole period late restarts the schedule from now instead of bunching catch-up reads. */
    if (now_us - st->due_us >= st->period_us) {
        st->late++;
        st->due_us = now_us;
    }
    st->due_us += st->period_us;
    if (st->pending == 0) st->pending_us = (uint32_t)now_us;
    memcpy(st->samples[st->pending++], sample, sizeof sample);
    st->last_us = now_us;
    st->taken++;
    if (st->pending == st->batch) flush(s);
    if (st->max != 0 && st->taken >= st->max) {
        mn_stream_end(s);
        return 0;
    }
    return 1;
}
