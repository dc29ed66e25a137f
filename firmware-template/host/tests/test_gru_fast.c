/* The optimized GRU kernel (ops/gru-fast.c) against the naive one (F-69), byte for byte, on seeded random
 * small ops: unit counts that are and are not multiples of four, several steps, a kept or cleared state,
 * both gate functions, Y of rank 1 and 2, extreme weights, inputs and multipliers, and positive shifts (the
 * saturating left shift of MBQM), and int8, int4 and ternary weights (rows of whole words and not, every
 * ternary phase), alike or mixed in W and U. Packed bytes are drawn at random: every int4 byte is a pair of
 * levels, and ternary bytes above 242 decode as F-30 says too. */
#include "blob_builder.h"
#include "fast_check.h"
#include "mn_fast.h"
#include "mn_test.h"
#include "tests.h"

#define CASES 2000

static bb_t s_b;

/* One random GRU blob in s_b; returns its length. Up to 11 units, or, when `many`, 65 to 90 units (more than
 * the 64 whose pre-activations the kernel keeps at once). */
static uint32_t random_op(int many) {
    static int8_t w[270 * 16], u[270 * 90];
    static int32_t bias[270], rq[270 * 4];
    static const uint8_t k_types[4] = {1, 1, 4, 5}; /* int8, int4, ternary (F-30) */
    /* 8 and 16 inputs or units make int4 rows of whole words, the ones its optimized loop covers. */
    const int32_t T = fc_draw(1, 4), I = fc_draw(0, 2) ? fc_draw(1, 12) : 8 * fc_draw(1, 2);
    const int32_t U = many ? (fc_draw(0, 1) ? fc_draw(65, 90) : 72) : fc_draw(0, 2) ? fc_draw(1, 11) : 8, rows = 3 * U;
    const uint8_t wtype = k_types[fc_draw(0, 3)], utype = fc_draw(0, 3) ? wtype : k_types[fc_draw(0, 3)];
    for (int32_t i = 0; i < rows * I; i++) w[i] = fc_extreme_or(-128, 127, 10);
    for (int32_t i = 0; i < rows * U; i++) u[i] = fc_extreme_or(-128, 127, 10);
    for (int32_t r = 0; r < rows; r++) {
        bias[r] = fc_draw(0, 3) ? fc_draw(-3000, 3000) : fc_draw(-1000000, 1000000);
        for (int32_t k = 0; k < 2; k++) {
            rq[4 * r + 2 * k] = fc_draw(0, 4) ? fc_draw(1 << 30, 0x7fffffff) : (fc_draw(0, 1) ? 0x7fffffff : fc_draw(0, 1 << 20));
            rq[4 * r + 2 * k + 1] = fc_draw(0, 4) ? fc_draw(-14, -1) : fc_draw(-31, 30);
        }
    }
    /* Packed tensors take the same levels, cut to the packing's range, in fewer bytes. */
    const uint32_t nw = wtype == 1 ? (uint32_t)(rows * I) : wtype == 4 ? (uint32_t)(rows * I + 1) / 2 : (uint32_t)(rows * I + 4) / 5;
    const uint32_t nu = utype == 1 ? (uint32_t)(rows * U) : utype == 4 ? (uint32_t)(rows * U + 1) / 2 : (uint32_t)(rows * U + 4) / 5;
    const uint16_t wd[4] = {(uint16_t)rows, (uint16_t)I, 0, 0}, ud[4] = {(uint16_t)rows, (uint16_t)U, 0, 0};
    const uint16_t bd[4] = {(uint16_t)rows, 0, 0, 0}, rd[4] = {(uint16_t)rows, 4, 0, 0};
    const int every = fc_draw(0, 1);
    const uint32_t xb = (uint32_t)(T * I), yb = every ? (uint32_t)(T * U) : (uint32_t)U;
    bb_init(&s_b, "gru", xb + 2u * (uint32_t)U + yb);
    const uint16_t x = bb_act(&s_b, 2, (uint16_t)T, (uint16_t)I, 0, 0, (int8_t)fc_draw(-128, 127));
    bb_act(&s_b, 2, 2, (uint16_t)U, 0, xb, 0);
    const uint16_t y = every ? bb_act(&s_b, 2, (uint16_t)T, (uint16_t)U, 0, xb + 2u * (uint32_t)U, 0)
                             : bb_act(&s_b, 1, (uint16_t)U, 0, 0, xb + 2u * (uint32_t)U, 0);
    const uint16_t k = bb_const(&s_b, wtype, 2, wd, w, nw);
    bb_const(&s_b, utype, 2, ud, u, nu);
    bb_const(&s_b, 2, 1, bd, bias, 4u * (uint32_t)rows);
    bb_const(&s_b, 2, 2, rd, rq, 16u * (uint32_t)rows);
    const uint8_t attr[6] = {(uint8_t)fc_draw(0, 1), (uint8_t)fc_draw(0, 1), 0, 0, 0, 0};
    bb_op(&s_b, 15, 2, x, y, k, -128, 127, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static uint32_t random_few(void) { return random_op(0); }
static uint32_t random_many(void) { return random_op(1); }

static void test_fast_equals_naive(void) {
    mn_test("[F-69] the optimized GRU kernel writes the naive kernel's bytes");
    fc_seed(1969);
    MN_CHECK(fc_cases_differing(s_b.out, CASES, random_few, mn_gru_run, mn_gru_run_fast) == 0);
}

static void test_many_packed_units(void) {
    mn_test("[F-69] [F-30] the optimized GRU kernel writes the naive kernel's bytes for more than 64 units");
    fc_seed(1970);
    MN_CHECK(fc_cases_differing(s_b.out, 300, random_many, mn_gru_run, mn_gru_run_fast) == 0);
}

void suite_gru_fast(void) {
    test_fast_equals_naive();
    test_many_packed_units();
}
