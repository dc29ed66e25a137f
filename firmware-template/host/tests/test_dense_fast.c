/* The optimized Dense kernel (ops/dense-fast.c, ops/weight-rows-fast.c) against the naive one (F-53), byte
 * for byte, on seeded random small ops with int8, int4 and ternary weights: rows of whole words and not
 * (int4), every ternary phase, rows longer than the stack tables hold (ternary rows past 72, int4 rows past
 * 256, whole words and not), several input rows, narrow clamps, extreme weights, inputs and multipliers,
 * shifts of either sign. */
#include "blob_builder.h"
#include "fast_check.h"
#include "mn_fast.h"
#include "mn_test.h"
#include "tests.h"

#define CASES 3000

static bb_t s_b;

/* One random Dense blob in s_b; returns its length. Packed weights are random bytes (see test_gru_fast.c). */
static uint32_t random_op(void) {
    static const uint8_t k_types[3] = {1, 4, 5}; /* int8, int4, ternary (F-30) */
    static int8_t w[13 * 300];
    static int32_t bias[13], rq[13 * 2];
    const int32_t longer = fc_draw(0, 1) ? fc_draw(60, 80) : fc_draw(0, 1) ? fc_draw(250, 300) : 8 * fc_draw(31, 37);
    const int32_t in = fc_draw(0, 2) ? fc_draw(1, 20) : fc_draw(0, 1) ? 8 * fc_draw(1, 8) : longer;
    const int32_t units = fc_draw(1, 13), rows = fc_draw(1, 3);
    const uint8_t type = k_types[fc_draw(0, 2)];
    const uint32_t n = (uint32_t)(in * units), bytes = type == 1 ? n : type == 4 ? (n + 1) / 2 : (n + 4) / 5;
    for (uint32_t i = 0; i < bytes; i++) w[i] = fc_extreme_or(-128, 127, 10);
    for (int32_t u = 0; u < units; u++) {
        bias[u] = fc_draw(0, 3) ? fc_draw(-3000, 3000) : fc_draw(-1000000, 1000000);
        rq[2 * u] = fc_draw(0, 4) ? fc_draw(1 << 30, 0x7fffffff) : (fc_draw(0, 1) ? 0x7fffffff : fc_draw(0, 1 << 20));
        rq[2 * u + 1] = fc_draw(0, 4) ? fc_draw(-14, -1) : fc_draw(-31, 30);
    }
    int32_t lo = fc_draw(-128, 127), hi = fc_draw(-128, 127);
    if (fc_draw(0, 2)) lo = -128, hi = 127;
    if (lo > hi) {
        const int32_t s = lo;
        lo = hi, hi = s;
    }
    const uint16_t wd[4] = {(uint16_t)units, (uint16_t)in, 0, 0}, bd[4] = {(uint16_t)units, 0, 0, 0};
    const uint16_t rd[4] = {(uint16_t)units, 2, 0, 0};
    const uint32_t xb = (uint32_t)(rows * in);
    bb_init(&s_b, "dense", xb + (uint32_t)(rows * units));
    const uint16_t x = bb_act(&s_b, 2, (uint16_t)rows, (uint16_t)in, 0, 0, (int8_t)fc_draw(-128, 127));
    const uint16_t y = bb_act(&s_b, 2, (uint16_t)rows, (uint16_t)units, 0, xb, (int8_t)fc_draw(-128, 127));
    const uint16_t k = bb_const(&s_b, type, 2, wd, w, bytes);
    bb_const(&s_b, 2, 1, bd, bias, 4u * (uint32_t)units);
    bb_const(&s_b, 2, 2, rd, rq, 8u * (uint32_t)units);
    bb_op(&s_b, 1, 1, x, y, k, (int8_t)lo, (int8_t)hi, NULL);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static void test_fast_equals_naive(void) {
    mn_test("[F-53] [F-30] the optimized Dense kernel writes the naive kernel's bytes for int8, int4 and ternary weights");
    fc_seed(1953);
    MN_CHECK(fc_cases_differing(s_b.out, CASES, random_op, mn_dense_run, mn_dense_run_fast) == 0);
}

void suite_dense_fast(void) { test_fast_equals_naive(); }
