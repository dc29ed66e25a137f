#include "fast_check.h"

#include <string.h>

#include "minnow.h"

#define ARENA 16384

static uint32_t s_seed = 1;

void fc_seed(uint32_t seed) { s_seed = seed; }

int32_t fc_draw(int32_t lo, int32_t hi) {
    s_seed = s_seed * 1103515245u + 12345u;
    const uint32_t span = (uint32_t)hi - (uint32_t)lo + 1u; /* 0 for the whole int32 range */
    return (int32_t)((uint32_t)lo + (span ? (s_seed >> 8) % span : s_seed));
}

int8_t fc_extreme_or(int32_t lo, int32_t hi, int32_t one_in) {
    return (int8_t)(fc_draw(0, one_in - 1) ? fc_draw(lo, hi) : (fc_draw(0, 1) ? -128 : 127));
}

int fc_same_bytes(const uint8_t *blob, uint32_t len, mn_run_fn naive, mn_run_fn fast) {
    static uint8_t a[ARENA], b[ARENA];
    mn_model_t m;
    if (mn_model_open(blob, len, &m) != MN_OK) return -1;
    mn_op_t op;
    mn_op_decode(&m, 0, &op);
    memset(a, 0x33, sizeof a);
    for (uint32_t i = 0; i < op.n_in; i++) {
        for (uint32_t j = 0; j < op.in[i].count; j++) a[op.in[i].offset + j] = (uint8_t)fc_extreme_or(-128, 127, 8);
    }
    memcpy(b, a, sizeof b);
    memset(a + op.out.offset, 0x55, op.out.count);
    memset(b + op.out.offset, 0xAA, op.out.count);
    naive(&op, blob, a);
    fast(&op, blob, b);
    return memcmp(a, b, sizeof a) == 0;
}

int fc_cases_differing(const uint8_t *blob, int cases, uint32_t (*make)(void), mn_run_fn naive, mn_run_fn fast) {
    int differing = 0;
    for (int n = 0; n < cases; n++) differing += fc_same_bytes(blob, make(), naive, fast) != 1;
    return differing;
}
