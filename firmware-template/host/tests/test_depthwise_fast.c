/* The optimized DepthwiseConv2D kernel (ops/depthwise-conv2d-fast.c) against the naive one (F-55), byte for
 * byte, on seeded random small ops that reach its edges: inputs narrower and shorter than the window, every
 * padding, stride_h 1–3, depth multipliers, outputs shorter than the full window count, non-negative and
 * very negative shifts, biases past and around the bound of its one-multiply requantization (these take its
 * exact path), extreme weights, inputs and multipliers, and narrow clamps, with stride_w 1, 2 (both
 * optimized) and 3. Other windows and stride_w 3 run the naive kernel, so they are drawn too. */
#include <string.h>

#include "blob_builder.h"
#include "fast_check.h"
#include "minnow.h"
#include "mn_fast.h"
#include "mn_ops.h"
#include "mn_test.h"
#include "tests.h"

#define CASES 3000

static bb_t s_b;

/* Mostly small; the rest up to ±1e6, past the fast kernel's bound 2^29 − 9·128·255 on |bias| (F-43 allows
 * up to INT32_MAX − 32,640·K) and around it. */
static int32_t draw_bias(void) {
    switch (fc_draw(0, 7)) {
    case 0: return fc_draw(-1000000, 1000000);
    case 1: return fc_draw(-2146000000, 2146000000);
    case 2: return (fc_draw(0, 1) ? 1 : -1) * fc_draw(536000000, 537200000);
    default: return fc_draw(-3000, 3000);
    }
}

/* One random DepthwiseConv2D blob in s_b; returns its length. */
static uint32_t random_op(void) {
    static int8_t w[4 * 4 * 12];
    static int32_t bias[12], rq[24];
    const int32_t H = fc_draw(1, 7), W = fc_draw(1, 7), C = fc_draw(1, 4), M = fc_draw(1, 3), CO = C * M;
    const int32_t KH = fc_draw(0, 5) ? 3 : fc_draw(1, 4), KW = fc_draw(0, 5) ? 3 : fc_draw(1, 4);
    const int32_t sh = fc_draw(1, 3), sw = fc_draw(0, 2) ? 1 : fc_draw(2, 3), pt = fc_draw(0, KH - 1), pl = fc_draw(0, KW - 1);
    const int32_t oh_max = (H - 1 + pt) / sh + 1, ow_max = (W - 1 + pl) / sw + 1;
    const int32_t OH = fc_draw(0, 2) ? oh_max : fc_draw(1, oh_max), OW = fc_draw(0, 2) ? ow_max : fc_draw(1, ow_max);
    int32_t lo = fc_draw(-128, 127), hi = fc_draw(-128, 127);
    if (fc_draw(0, 2)) lo = -128, hi = 127;
    if (lo > hi) {
        const int32_t t = lo;
        lo = hi, hi = t;
    }
    for (int32_t i = 0; i < KH * KW * CO; i++) w[i] = fc_extreme_or(-128, 127, 10);
    for (int32_t o = 0; o < CO; o++) {
        bias[o] = draw_bias();
        rq[2 * o] = fc_draw(0, 4) ? fc_draw(1 << 30, 0x7fffffff) : (fc_draw(0, 1) ? 0x7fffffff : fc_draw(0, 1 << 20));
        rq[2 * o + 1] = fc_draw(0, 4) ? fc_draw(-14, -1) : fc_draw(-31, 4);
    }
    const uint16_t wd[4] = {(uint16_t)KH, (uint16_t)KW, (uint16_t)CO, 0}, bd[4] = {(uint16_t)CO, 0, 0, 0};
    const uint16_t rd[4] = {(uint16_t)CO, 2, 0, 0};
    const uint32_t in_bytes = (uint32_t)(H * W * C);
    bb_init(&s_b, "depthwise", in_bytes + (uint32_t)(OH * OW * CO));
    const uint16_t x = bb_act(&s_b, 3, (uint16_t)H, (uint16_t)W, (uint16_t)C, 0, (int8_t)fc_draw(-128, 127));
    const uint16_t y = bb_act(&s_b, 3, (uint16_t)OH, (uint16_t)OW, (uint16_t)CO, in_bytes, (int8_t)fc_draw(-128, 127));
    const uint16_t k = bb_const(&s_b, 1, 3, wd, w, (uint32_t)(KH * KW * CO));
    bb_const(&s_b, 2, 1, bd, bias, 4u * (uint32_t)CO);
    bb_const(&s_b, 2, 2, rd, rq, 8u * (uint32_t)CO);
    const uint8_t attr[6] = {(uint8_t)sh, (uint8_t)sw, (uint8_t)pt, (uint8_t)pl, (uint8_t)M, 0};
    bb_op(&s_b, 3, 1, x, y, k, (int8_t)lo, (int8_t)hi, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static void test_fast_equals_naive(void) {
    mn_test("[F-55] the optimized DepthwiseConv2D kernel writes the naive kernel's bytes");
    fc_seed(777);
    MN_CHECK(fc_cases_differing(s_b.out, CASES, random_op, mn_depthwise_conv2d_run, mn_depthwise_conv2d_run_fast) ==
             0);
}

void suite_depthwise_fast(void) { test_fast_equals_naive(); }
