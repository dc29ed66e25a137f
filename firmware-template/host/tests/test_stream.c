/* Kept GRU state (docs/FORMAT.md F-69) and the self-test (F-19), on a one-unit GRU built by hand. */
#include <string.h>

#include "blob_builder.h"
#include "minnow.h"
#include "mn_test.h"
#include "tests.h"

static bb_t s_b;
static const int8_t k_w[3] = {0, 0, 0};
static const int8_t k_u[3] = {0, 0, 64};
/* Q12 pre-activations from the bias alone (multiplier 0.5): z far below 0, r far above, h at 0.5. */
static const int32_t k_bias[3] = {-100000, 100000, 4096};
static const int32_t k_rq[12] = {1 << 30, 0, 1 << 30, 0, 1 << 30, 0, 1 << 30, 0, 1 << 30, 0, 1 << 30, 0};

/* X [1, 1] at arena 0, Y [1] at 1, H [2, 1] at 16; the state is kept between runs (attr[0] = 1). */
static uint32_t gru_blob(const int8_t *test_in, const int8_t *test_out) {
    static const uint16_t wd[4] = {3, 1, 0, 0}, bd[4] = {3, 0, 0, 0}, rd[4] = {3, 4, 0, 0};
    static const uint8_t attr[6] = {1, 1, 0, 0, 0, 0};
    bb_init(&s_b, "stream", 18);
    const uint16_t x = bb_act(&s_b, 2, 1, 1, 0, 0, 0);
    bb_act(&s_b, 2, 2, 1, 0, 16, 0);
    const uint16_t y = bb_act(&s_b, 1, 1, 0, 0, 1, 0);
    const uint16_t w = bb_const(&s_b, 1, 2, wd, k_w, sizeof k_w);
    bb_const(&s_b, 1, 2, wd, k_u, sizeof k_u);
    bb_const(&s_b, 2, 1, bd, k_bias, sizeof k_bias);
    bb_const(&s_b, 2, 2, rd, k_rq, sizeof k_rq);
    bb_op(&s_b, 15, 2, x, y, w, -128, 127, attr);
    return bb_finish(&s_b, x, y, test_in, test_out);
}

static void test_selftest_clears_state(void) {
    mn_model_t m;
    uint8_t arena[18] MN_ARENA_ALIGNED;
    const int8_t in[1] = {0};
    int8_t first[1], second[1];
    memset(arena, 0, sizeof arena);
    MN_CHECK(mn_model_open(s_b.out, gru_blob(NULL, NULL), &m) == MN_OK);
    mn_test("[F-69] with kept state the second run differs from the first");
    MN_CHECK(mn_invoke(&m, arena, sizeof arena, in, first, NULL) == MN_OK);
    MN_CHECK(mn_invoke(&m, arena, sizeof arena, in, second, NULL) == MN_OK);
    MN_CHECK(first[0] != second[0]);

    mn_test("[F-19, F-69] the self-test runs from a cleared state, whatever runs came before");
    mn_selftest_t r;
    MN_CHECK(mn_model_open(s_b.out, gru_blob(in, first), &m) == MN_OK);
    MN_CHECK(mn_invoke(&m, arena, sizeof arena, in, second, NULL) == MN_OK);
    MN_CHECK(mn_selftest(&m, arena, sizeof arena, &r, NULL) == MN_OK && r.pass);
    mn_test("[F-19] the self-test refuses an arena smaller than arena_size (E401)");
    MN_CHECK(mn_selftest(&m, arena, sizeof arena - 1, &r, NULL) == MN_E_ARENA_TOO_SMALL);
}

void suite_stream(void) { test_selftest_clears_state(); }
