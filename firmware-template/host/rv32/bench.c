/*
 * Instructions per MAC of the Dense, Conv2D, DepthwiseConv2D, Conv1D and GRU kernels at realistic sizes, on RV32IMC
 * under QEMU with -icount shift=0 (mn_port_cycles reads instret). Weights and inputs are pseudo-random;
 * the blobs are built with the test blob builder. Prints one line per case.
 */
#include <stdio.h>
#include <string.h>

#include "blob_builder.h"
#include "minnow.h"

static uint32_t s_seed = 12345;

static void fill(int8_t *p, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        s_seed = s_seed * 1103515245u + 12345u;
        p[i] = (int8_t)(s_seed >> 16);
    }
}

static bb_t s_b;
static int8_t s_w[128 * 1024];
static int32_t s_bias[512], s_rq[1024];
static uint8_t s_arena[96 * 1024];
static int8_t s_in[64 * 1024], s_out[64 * 1024];
static uint32_t s_steps[4];

static void channel_constants(uint32_t channels) {
    for (uint32_t c = 0; c < channels; c++) {
        s_bias[c] = (int32_t)(c * 37u % 2000u) - 1000;
        s_rq[2 * c] = 1518500250 - (int32_t)c * 1000;
        s_rq[2 * c + 1] = -9;
    }
}

static void measure(const char *label, uint32_t len, uint64_t macs) {
    mn_model_t m;
    mn_status_t s = mn_model_open(s_b.out, len, &m);
    mn_model_info_t info;
    if (s == MN_OK) mn_model_describe(&m, &info);
    if (s != MN_OK || info.arena_bytes > sizeof s_arena) {
        printf("%s: cannot open (E%d)\n", label, (int)s);
        return;
    }
    fill(s_in, info.input_bytes);
    mn_stats_t st = {0, 0, s_steps, 4};
    mn_invoke(&m, s_arena, sizeof s_arena, s_in, s_out, &st);
    uint32_t sum = 0;
    for (uint32_t i = 0; i < info.output_bytes; i++) sum = sum * 31u + (uint8_t)s_out[i];
    printf("%-34s %9lu MACs %10lu instructions %6.2f per MAC (output hash %08lx)\n", label, (unsigned long)macs,
           (unsigned long)s_steps[0], (double)s_steps[0] / (double)macs, (unsigned long)sum);
}

static void dense(uint16_t in, uint16_t units) {
    const uint16_t wd[4] = {units, in, 0, 0}, bd[4] = {units, 0, 0, 0}, rd[4] = {units, 2, 0, 0};
    fill(s_w, (uint32_t)in * units);
    channel_constants(units);
    bb_init(&s_b, "dense", (uint32_t)in + units);
    uint16_t x = bb_act(&s_b, 1, in, 0, 0, 0, -3), y = bb_act(&s_b, 1, units, 0, 0, in, 5);
    uint16_t k = bb_const(&s_b, 1, 2, wd, s_w, (uint32_t)in * units);
    bb_const(&s_b, 2, 1, bd, s_bias, 4u * units);
    bb_const(&s_b, 2, 2, rd, s_rq, 8u * units);
    bb_op(&s_b, 1, 1, x, y, k, -128, 127, NULL);
    char label[64];
    snprintf(label, sizeof label, "Dense %u->%u", in, units);
    measure(label, bb_finish(&s_b, x, y, NULL, NULL), (uint64_t)in * units);
}

/* A 3x3 "same" convolution (opcode 2) or depthwise convolution (opcode 3) with stride 1, or 2 in both axes. */
static void conv_strided(uint8_t opcode, uint16_t side, uint16_t c, uint16_t f, uint8_t stride) {
    const uint16_t out_side = (uint16_t)((side + stride - 1) / stride);
    const uint16_t out_c = opcode == 2 ? f : c;
    const uint16_t wd2[4] = {f, 3, 3, c}, wd3[4] = {3, 3, c, 0};
    const uint16_t bd[4] = {out_c, 0, 0, 0}, rd[4] = {out_c, 2, 0, 0};
    const uint32_t weights = opcode == 2 ? 9u * c * f : 9u * c, in_bytes = (uint32_t)side * side * c;
    fill(s_w, weights);
    channel_constants(out_c);
    bb_init(&s_b, "conv", in_bytes + (uint32_t)out_side * out_side * out_c);
    uint16_t x = bb_act(&s_b, 3, side, side, c, 0, -7);
    uint16_t y = bb_act(&s_b, 3, out_side, out_side, out_c, in_bytes, 2);
    uint16_t k = bb_const(&s_b, 1, opcode == 2 ? 4 : 3, opcode == 2 ? wd2 : wd3, s_w, weights);
    bb_const(&s_b, 2, 1, bd, s_bias, 4u * out_c);
    bb_const(&s_b, 2, 2, rd, s_rq, 8u * out_c);
    const uint8_t attr[6] = {stride, stride, stride == 1, stride == 1, (uint8_t)(opcode == 3 ? 1 : 0), 0};
    bb_op(&s_b, opcode, 1, x, y, k, -128, 127, attr);
    char label[64];
    snprintf(label, sizeof label, "%s %ux%ux%u 3x3%s -> %u", opcode == 2 ? "Conv2D" : "DepthwiseConv2D", side, side, c,
             stride == 2 ? " /2" : "", out_c);
    measure(label, bb_finish(&s_b, x, y, NULL, NULL),
            (uint64_t)out_side * out_side * out_c * 9u * (opcode == 2 ? c : 1u));
}

static void conv(uint8_t opcode, uint16_t side, uint16_t c, uint16_t f) { conv_strided(opcode, side, c, f, 1); }

/* A Conv1D (opcode 4), stride 1, kernel k with "same" padding, as the second layer of examples/imu-conv1d.json:
 * it runs the Conv2D kernel on a one-row view. */
static void conv1d(uint16_t len, uint16_t c, uint16_t f, uint8_t k) {
    const uint16_t wd[4] = {f, k, c, 0}, bd[4] = {f, 0, 0, 0}, rd[4] = {f, 2, 0, 0};
    const uint32_t weights = (uint32_t)f * k * c, in_bytes = (uint32_t)len * c;
    fill(s_w, weights);
    channel_constants(f);
    bb_init(&s_b, "conv1d", in_bytes + (uint32_t)len * f);
    uint16_t x = bb_act(&s_b, 2, len, c, 0, 0, -7);
    uint16_t y = bb_act(&s_b, 2, len, f, 0, in_bytes, 2);
    uint16_t kw = bb_const(&s_b, 1, 3, wd, s_w, weights);
    bb_const(&s_b, 2, 1, bd, s_bias, 4u * f);
    bb_const(&s_b, 2, 2, rd, s_rq, 8u * f);
    const uint8_t attr[6] = {1, (uint8_t)(k / 2), 0, 0, 0, 0};
    bb_op(&s_b, 4, 1, x, y, kw, -128, 127, attr);
    char label[64];
    snprintf(label, sizeof label, "Conv1D %ux%u k%u -> %u", len, c, k, f);
    measure(label, bb_finish(&s_b, x, y, NULL, NULL), (uint64_t)len * f * k * c);
}

/* One step of a GRU (opcode 15) from a cleared state, as the char-LM runs it per token: 3U·(I + U) MACs. */
static void gru(uint16_t in, uint16_t units) {
    const uint16_t rows = (uint16_t)(3u * units);
    const uint16_t wd[4] = {rows, in, 0, 0}, ud[4] = {rows, units, 0, 0}, bd[4] = {rows, 0, 0, 0};
    const uint16_t rd[4] = {rows, 4, 0, 0};
    const uint32_t nw = (uint32_t)rows * in, nu = (uint32_t)rows * units;
    fill(s_w, nw + nu);
    channel_constants(2u * rows); /* R [3U, 4] holds 2·3U (multiplier, shift) pairs */
    bb_init(&s_b, "gru", (uint32_t)in + 3u * units);
    uint16_t x = bb_act(&s_b, 2, 1, in, 0, 0, -3);
    bb_act(&s_b, 2, 2, units, 0, in, 0);
    uint16_t y = bb_act(&s_b, 2, 1, units, 0, (uint32_t)in + 2u * units, 0);
    uint16_t k = bb_const(&s_b, 1, 2, wd, s_w, nw);
    bb_const(&s_b, 1, 2, ud, s_w + nw, nu);
    bb_const(&s_b, 2, 1, bd, s_bias, 4u * rows);
    bb_const(&s_b, 2, 2, rd, s_rq, 16u * rows);
    bb_op(&s_b, 15, 2, x, y, k, -128, 127, NULL);
    char label[64];
    snprintf(label, sizeof label, "GRU step %u->%u", in, units);
    measure(label, bb_finish(&s_b, x, y, NULL, NULL), (uint64_t)rows * (in + units));
}

int main(void) {
    dense(784, 100);
    dense(256, 64);
    conv(2, 16, 16, 32);
    conv(2, 32, 8, 16);
    conv(3, 32, 32, 0);
    conv(3, 16, 64, 0);
    conv_strided(3, 32, 32, 0, 2);
    conv1d(64, 16, 32, 3);
    gru(64, 64);
    return 0;
}
