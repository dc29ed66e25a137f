/* The 32-bit MBQM of the optimized kernels (mn_mbqm_fast) against F-50 … F-51 as written (mn_mbqm). */
#include "fast_check.h"
#include "mn_requant.h"
#include "mn_test.h"
#include "tests.h"

static int32_t extreme(void) {
    static const int32_t k[] = {INT32_MIN, INT32_MIN + 1, -1, 0, 1, INT32_MAX - 1, INT32_MAX, 1 << 30, -(1 << 30)};
    return fc_draw(0, 2) ? fc_draw(INT32_MIN / 2, INT32_MAX / 2) * (fc_draw(0, 1) ? 1 : 2) + fc_draw(0, 1)
                         : k[fc_draw(0, (int32_t)(sizeof k / sizeof k[0]) - 1)];
}

static void test_fast_mbqm(void) {
    mn_test("[F-50] [F-51] MBQM in 32-bit steps equals MBQM for every shift and multipliers >= 0");
    fc_seed(5051);
    int same = 0, cases = 0;
    for (int32_t shift = -31; shift <= 30; shift++) {
        for (int n = 0; n < 4000; n++, cases++) {
            const int32_t x = fc_draw(0, 3) ? fc_draw(-70000, 70000) : extreme();
            int32_t m = extreme();
            if (m < 0) m = m == INT32_MIN ? INT32_MAX : -m;
            same += mn_mbqm_fast(x, m, shift) == mn_mbqm(x, m, shift);
        }
    }
    MN_CHECK(same == cases);
}

void suite_requant(void) { test_fast_mbqm(); }
