/* The optimized Embedding kernel (ops/embedding-fast.c) against the naive one (F-67), byte for byte, on
 * seeded random small ops: int8, int4 and ternary tables, rows that start inside a packed byte, ids past
 * either end of the table, narrow clamps (of int8 tables without column scales too), extreme multipliers and
 * shifts of either sign, and rows longer than the 256 levels it unpacks at a time. */
#include "blob_builder.h"
#include "fast_check.h"
#include "mn_fast.h"
#include "mn_test.h"
#include "tests.h"

#define CASES 2000

static bb_t s_b;

/* One random Embedding blob in s_b; returns its length. Packed tables are random bytes: every byte value
 * is a valid int4 pair, and ternary bytes above 242 must decode as F-30 says too. */
static uint32_t random_op(void) {
    static uint8_t table[7 * 300];
    static int32_t rq[300 * 2];
    const int32_t V = fc_draw(1, 7), D = fc_draw(0, 20) ? fc_draw(1, 13) : fc_draw(250, 300), T = fc_draw(1, 4);
    static const uint8_t k_types[3] = {1, 4, 5}; /* int8, int4, ternary */
    const uint8_t scaled = fc_draw(0, 3) != 0, etype = scaled ? k_types[fc_draw(0, 2)] : 1;
    const uint32_t n = (uint32_t)(V * D), bytes = etype == 1 ? n : etype == 4 ? (n + 1) / 2 : (n + 4) / 5;
    for (uint32_t i = 0; i < bytes; i++) table[i] = (uint8_t)fc_extreme_or(-128, 127, 10);
    for (int32_t d = 0; d < D; d++) {
        rq[2 * d] = fc_draw(0, 4) ? fc_draw(1 << 30, 0x7fffffff) : (fc_draw(0, 1) ? 0x7fffffff : fc_draw(0, 1 << 20));
        rq[2 * d + 1] = fc_draw(0, 2) ? fc_draw(-8, 8) : fc_draw(-31, 30);
    }
    int32_t lo = fc_draw(-128, 127), hi = fc_draw(-128, 127);
    if (fc_draw(0, 2)) lo = -128, hi = 127;
    if (lo > hi) {
        const int32_t s = lo;
        lo = hi, hi = s;
    }
    const uint16_t ed[4] = {(uint16_t)V, (uint16_t)D, 0, 0}, rd[4] = {(uint16_t)D, 2, 0, 0};
    bb_init(&s_b, "embedding", (uint32_t)(T + T * D));
    const uint16_t x = bb_act(&s_b, 1, (uint16_t)T, 0, 0, 0, (int8_t)fc_draw(-128, 127));
    const uint16_t y = bb_act(&s_b, 2, (uint16_t)T, (uint16_t)D, 0, (uint32_t)T, (int8_t)fc_draw(-128, 127));
    const uint16_t k = bb_const(&s_b, etype, 2, ed, table, bytes);
    if (scaled) bb_const(&s_b, 2, 2, rd, rq, 8u * (uint32_t)D);
    const uint8_t attr[6] = {scaled, 0, 0, 0, 0, 0};
    bb_op(&s_b, 14, 1, x, y, k, (int8_t)lo, (int8_t)hi, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static void test_fast_equals_naive(void) {
    mn_test("[F-67] the optimized Embedding kernel writes the naive kernel's bytes");
    fc_seed(1967);
    MN_CHECK(fc_cases_differing(s_b.out, CASES, random_op, mn_embedding_run, mn_embedding_run_fast) == 0);
}

void suite_embedding_fast(void) { test_fast_equals_naive(); }
