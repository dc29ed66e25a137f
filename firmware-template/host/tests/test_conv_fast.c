/* The optimized Conv2D kernel (ops/conv-fast.c) against the naive one (F-54), byte for byte, on seeded random
 * small ops with int8, int4 and ternary weights: every padding, strides 1–3, windows wider than the input,
 * channel counts that make int4 windows whole words and not, packed windows longer than the 256 bytes
 * gathered at a time with more filters than one block of partial sums, narrow clamps, extreme weights,
 * inputs and multipliers, shifts of either sign; and Conv1D (F-56), which runs as that kernel's one-row view,
 * against the naive Conv1D kernel. Packed bytes are random (see test_gru_fast.c). */
#include "blob_builder.h"
#include "fast_check.h"
#include "mn_fast.h"
#include "mn_test.h"
#include "tests.h"

#define CASES 2000

static bb_t s_b;
static int8_t s_w[70 * 500];
static int32_t s_bias[70], s_rq[70 * 2];

/* Random weights (`bytes` of them), biases and requantization of F filters, and a clamp in *lo, *hi. */
static void random_filters(int32_t F, uint32_t bytes, int32_t *lo, int32_t *hi) {
    for (uint32_t i = 0; i < bytes; i++) s_w[i] = fc_extreme_or(-128, 127, 10);
    for (int32_t f = 0; f < F; f++) {
        s_bias[f] = fc_draw(0, 3) ? fc_draw(-3000, 3000) : fc_draw(-1000000, 1000000);
        s_rq[2 * f] = fc_draw(0, 4) ? fc_draw(1 << 30, 0x7fffffff) : (fc_draw(0, 1) ? 0x7fffffff : fc_draw(0, 1 << 20));
        s_rq[2 * f + 1] = fc_draw(0, 4) ? fc_draw(-14, -1) : fc_draw(-31, 30);
    }
    *lo = fc_draw(-128, 127), *hi = fc_draw(-128, 127);
    if (fc_draw(0, 2)) *lo = -128, *hi = 127;
    if (*lo > *hi) {
        const int32_t t = *lo;
        *lo = *hi, *hi = t;
    }
}

/* The op's constants after its weights of type `type`, shape wd and `bytes` bytes; returns the weights' id. */
static uint16_t filter_consts(uint8_t type, uint32_t rank, const uint16_t wd[4], uint32_t bytes, int32_t F) {
    const uint16_t bd[4] = {(uint16_t)F, 0, 0, 0}, rd[4] = {(uint16_t)F, 2, 0, 0};
    const uint16_t k = bb_const(&s_b, type, rank, wd, s_w, bytes);
    bb_const(&s_b, 2, 1, bd, s_bias, 4u * (uint32_t)F);
    bb_const(&s_b, 2, 2, rd, s_rq, 8u * (uint32_t)F);
    return k;
}

static uint32_t packed_bytes(uint8_t type, uint32_t n) { return type == 1 ? n : type == 4 ? (n + 1) / 2 : (n + 4) / 5; }

/* One random Conv2D blob in s_b; returns its length. One op in eight has a window of more than 256 bytes,
 * half of those more than 64 filters. */
static uint32_t random_op(void) {
    static const uint8_t k_types[3] = {1, 4, 5}; /* int8, int4, ternary (F-30) */
    const int big = fc_draw(0, 7) == 0;
    const int32_t H = fc_draw(1, 6), W = fc_draw(1, 6);
    const int32_t C = big ? fc_draw(43, 55) : fc_draw(0, 1) ? fc_draw(1, 4) : 8;
    const int32_t F = big && fc_draw(0, 1) ? fc_draw(60, 70) : fc_draw(1, 6);
    const int32_t KH = big ? fc_draw(2, 3) : fc_draw(1, 3), KW = big ? 3 : fc_draw(1, 3);
    const int32_t sh = fc_draw(1, 3), sw = fc_draw(1, 3), pt = fc_draw(0, KH - 1), pl = fc_draw(0, KW - 1);
    const int32_t OH = (H - 1 + pt) / sh + 1, OW = (W - 1 + pl) / sw + 1;
    const uint8_t type = k_types[fc_draw(0, 2)];
    const uint32_t bytes = packed_bytes(type, (uint32_t)(F * KH * KW * C));
    int32_t lo, hi;
    random_filters(F, bytes, &lo, &hi);
    const uint16_t wd[4] = {(uint16_t)F, (uint16_t)KH, (uint16_t)KW, (uint16_t)C};
    const uint32_t xb = (uint32_t)(H * W * C);
    bb_init(&s_b, "conv", xb + (uint32_t)(OH * OW * F));
    const uint16_t x = bb_act(&s_b, 3, (uint16_t)H, (uint16_t)W, (uint16_t)C, 0, (int8_t)fc_draw(-128, 127));
    const uint16_t y = bb_act(&s_b, 3, (uint16_t)OH, (uint16_t)OW, (uint16_t)F, xb, (int8_t)fc_draw(-128, 127));
    const uint16_t k = filter_consts(type, 4, wd, bytes, F);
    const uint8_t attr[6] = {(uint8_t)sh, (uint8_t)sw, (uint8_t)pt, (uint8_t)pl, 0, 0};
    bb_op(&s_b, 2, 1, x, y, k, (int8_t)lo, (int8_t)hi, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

/* One random Conv1D blob in s_b (F-56): kernels 1–5, every pad_left below the kernel, strides 1–3, outputs
 * that stop before the input's end or run past it; one op in eight with a window of more than 256 bytes. */
static uint32_t random_conv1d(void) {
    static const uint8_t k_types[3] = {1, 4, 5};
    const int big = fc_draw(0, 7) == 0;
    const int32_t L = fc_draw(1, 12), K = big ? fc_draw(3, 5) : fc_draw(1, 5);
    const int32_t C = big ? fc_draw(86, 100) : fc_draw(0, 1) ? fc_draw(1, 4) : 8;
    const int32_t F = big && fc_draw(0, 1) ? fc_draw(60, 70) : fc_draw(1, 6);
    const int32_t stride = fc_draw(1, 3), pad = fc_draw(0, K - 1), OL = fc_draw(1, (L - 1 + pad) / stride + 1);
    const uint8_t type = k_types[fc_draw(0, 2)];
    const uint32_t bytes = packed_bytes(type, (uint32_t)(F * K * C));
    int32_t lo, hi;
    random_filters(F, bytes, &lo, &hi);
    const uint16_t wd[4] = {(uint16_t)F, (uint16_t)K, (uint16_t)C, 0};
    const uint32_t xb = (uint32_t)(L * C);
    bb_init(&s_b, "conv1d", xb + (uint32_t)(OL * F));
    const uint16_t x = bb_act(&s_b, 2, (uint16_t)L, (uint16_t)C, 0, 0, (int8_t)fc_draw(-128, 127));
    const uint16_t y = bb_act(&s_b, 2, (uint16_t)OL, (uint16_t)F, 0, xb, (int8_t)fc_draw(-128, 127));
    const uint16_t k = filter_consts(type, 3, wd, bytes, F);
    const uint8_t attr[6] = {(uint8_t)stride, (uint8_t)pad, 0, 0, 0, 0};
    bb_op(&s_b, 4, 1, x, y, k, (int8_t)lo, (int8_t)hi, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static void test_fast_equals_naive(void) {
    mn_test("[F-54] [F-30] the optimized Conv2D kernel writes the naive kernel's bytes for int8, int4 and ternary weights");
    fc_seed(1954);
    MN_CHECK(fc_cases_differing(s_b.out, CASES, random_op, mn_conv2d_run, mn_conv2d_run_fast) == 0);
}

static void test_conv1d_fast_equals_naive(void) {
    mn_test("[F-56] [F-30] Conv1D through the optimized Conv2D kernel writes the naive Conv1D kernel's bytes");
    fc_seed(1956);
    MN_CHECK(fc_cases_differing(s_b.out, CASES, random_conv1d, mn_conv1d_run, mn_conv1d_run_fast) == 0);
}

void suite_conv_fast(void) {
    test_fast_equals_naive();
    test_conv1d_fast_equals_naive();
}
