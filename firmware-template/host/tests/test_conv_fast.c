/* The optimized Conv2D kernel (ops/conv-fast.c) against the naive one (F-54), byte for byte, on seeded random
 * small ops with int8, int4 and ternary weights: every padding, strides 1–3, windows wider than the input,
 * channel counts that make int4 windows whole words and not, narrow clamps, extreme weights, inputs and
 * multipliers, shifts of either sign. Packed bytes are random (see test_gru_fast.c). */
#include "blob_builder.h"
#include "fast_check.h"
#include "mn_fast.h"
#include "mn_test.h"
#include "tests.h"

#define CASES 2000

static bb_t s_b;

/* One random Conv2D blob in s_b; returns its length. */
static uint32_t random_op(void) {
    static const uint8_t k_types[3] = {1, 4, 5}; /* int8, int4, ternary (F-30) */
    static int8_t w[6 * 3 * 3 * 8];
    static int32_t bias[6], rq[6 * 2];
    const int32_t H = fc_draw(1, 6), W = fc_draw(1, 6), C = fc_draw(0, 1) ? fc_draw(1, 4) : 8, F = fc_draw(1, 6);
    const int32_t KH = fc_draw(1, 3), KW = fc_draw(1, 3), sh = fc_draw(1, 3), sw = fc_draw(1, 3);
    const int32_t pt = fc_draw(0, KH - 1), pl = fc_draw(0, KW - 1);
    const int32_t OH = (H - 1 + pt) / sh + 1, OW = (W - 1 + pl) / sw + 1;
    const uint8_t type = k_types[fc_draw(0, 2)];
    const uint32_t n = (uint32_t)(F * KH * KW * C), bytes = type == 1 ? n : type == 4 ? (n + 1) / 2 : (n + 4) / 5;
    for (uint32_t i = 0; i < bytes; i++) w[i] = fc_extreme_or(-128, 127, 10);
    for (int32_t f = 0; f < F; f++) {
        bias[f] = fc_draw(0, 3) ? fc_draw(-3000, 3000) : fc_draw(-1000000, 1000000);
        rq[2 * f] = fc_draw(0, 4) ? fc_draw(1 << 30, 0x7fffffff) : (fc_draw(0, 1) ? 0x7fffffff : fc_draw(0, 1 << 20));
        rq[2 * f + 1] = fc_draw(0, 4) ? fc_draw(-14, -1) : fc_draw(-31, 30);
    }
    int32_t lo = fc_draw(-128, 127), hi = fc_draw(-128, 127);
    if (fc_draw(0, 2)) lo = -128, hi = 127;
    if (lo > hi) {
        const int32_t s = lo;
        lo = hi, hi = s;
    }
    const uint16_t wd[4] = {(uint16_t)F, (uint16_t)KH, (uint16_t)KW, (uint16_t)C}, bd[4] = {(uint16_t)F, 0, 0, 0};
    const uint16_t rd[4] = {(uint16_t)F, 2, 0, 0};
    const uint32_t xb = (uint32_t)(H * W * C);
    bb_init(&s_b, "conv", xb + (uint32_t)(OH * OW * F));
    const uint16_t x = bb_act(&s_b, 3, (uint16_t)H, (uint16_t)W, (uint16_t)C, 0, (int8_t)fc_draw(-128, 127));
    const uint16_t y = bb_act(&s_b, 3, (uint16_t)OH, (uint16_t)OW, (uint16_t)F, xb, (int8_t)fc_draw(-128, 127));
    const uint16_t k = bb_const(&s_b, type, 4, wd, w, bytes);
    bb_const(&s_b, 2, 1, bd, bias, 4u * (uint32_t)F);
    bb_const(&s_b, 2, 2, rd, rq, 8u * (uint32_t)F);
    const uint8_t attr[6] = {(uint8_t)sh, (uint8_t)sw, (uint8_t)pt, (uint8_t)pl, 0, 0};
    bb_op(&s_b, 2, 1, x, y, k, (int8_t)lo, (int8_t)hi, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static void test_fast_equals_naive(void) {
    mn_test("[F-54] [F-30] the optimized Conv2D kernel writes the naive kernel's bytes for int8, int4 and ternary weights");
    fc_seed(1954);
    int opened = 0, same = 0;
    for (int n = 0; n < CASES; n++) {
        const int r = fc_same_bytes(s_b.out, random_op(), mn_conv2d_run, mn_conv2d_run_fast);
        opened += r >= 0;
        same += r == 1;
    }
    MN_CHECK(opened == CASES);
    MN_CHECK(same == opened);
}

void suite_conv_fast(void) { test_fast_equals_naive(); }
