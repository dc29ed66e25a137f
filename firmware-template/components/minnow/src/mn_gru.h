/* The GRU's gate functions (docs/FORMAT.md F-68), shared by the naive and the optimized kernel. */
#ifndef MN_GRU_H
#define MN_GRU_H

#include <stdint.h>

/* Pre-activations are clamped to ±MN_GRU_PRE_LIMIT (Q12); gate values are Q15, MN_GRU_ONE is 1.0 (F-69). */
#define MN_GRU_PRE_LIMIT (1 << 24)
#define MN_GRU_ONE 32768

/* round(32768 · σ(k / 4)) for k = 0 … 32, in ops/gru.c. */
extern const int32_t k_mn_gru_knots[33];

/* Inline: the optimized kernel calls them three times per unit and step. */
static inline int32_t mn_gru_sigmoid(int32_t p) {
    const int32_t a = p < 0 ? -p : p;
    int32_t s;
    if (a >= 32 * 1024) {
        s = k_mn_gru_knots[32];
    } else {
        const int32_t i = a >> 10, lo = k_mn_gru_knots[i];
        s = lo + (((k_mn_gru_knots[i + 1] - lo) * (a & 1023) + 512) >> 10);
    }
    return p < 0 ? MN_GRU_ONE - s : s;
}

static inline int32_t mn_gru_hard_sigmoid(int32_t p) {
    const int32_t n = 8 * p, q = ((n < 0 ? -n : n) + 2) / 5;
    const int32_t v = MN_GRU_ONE / 2 + (n < 0 ? -q : q);
    return v < 0 ? 0 : v > MN_GRU_ONE ? MN_GRU_ONE : v;
}

static inline int32_t mn_gru_tanh(int32_t p) { return 2 * mn_gru_sigmoid(2 * p) - MN_GRU_ONE; }

/* σ* of F-69: hard_sigmoid when attr[1] = 1. */
static inline int32_t mn_gru_gate(int32_t p, int hard) { return hard ? mn_gru_hard_sigmoid(p) : mn_gru_sigmoid(p); }

#endif
