/* The shared inner loops of dense-fast.c and conv-fast.c. Integer sums are exact and associative, so
 * the order in which these loops add the products changes no output byte. */
#include "../mn_dot.h"
#include "../mn_weights.h" /* MN_SPECIALIZE */

/* GCC's first scheduling pass hoists all sixteen weight loads of an iteration and runs out of registers;
 * without it the loop keeps every value in a register (about 3.7 instructions per MAC on RV32IMC). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-schedule-insns")
#endif

/* The body of mn_dot4; a constant zx of 0 (the GRU's state, inputs centred on 0) drops the subtractions. */
MN_SPECIALIZE void dot4(const mn_dot_runs_t *r, int32_t zx, int32_t acc[4]) {
    int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    for (uint32_t row = 0; row < r->rows; row++) {
        const int8_t *x = r->x + row * r->x_step, *w0 = r->w + row * r->w_step;
        const int8_t *w1 = w0 + r->stride, *w2 = w1 + r->stride, *w3 = w2 + r->stride;
        const int8_t *end8 = x + (r->n & ~7u), *end = x + r->n;
        while (x != end8) {
            const int32_t x0 = x[0] - zx, x1 = x[1] - zx, x2 = x[2] - zx, x3 = x[3] - zx;
            const int32_t x4 = x[4] - zx, x5 = x[5] - zx, x6 = x[6] - zx, x7 = x[7] - zx;
            a0 += x0 * w0[0] + x1 * w0[1] + x2 * w0[2] + x3 * w0[3] + x4 * w0[4] + x5 * w0[5] + x6 * w0[6] +
                  x7 * w0[7];
            a1 += x0 * w1[0] + x1 * w1[1] + x2 * w1[2] + x3 * w1[3] + x4 * w1[4] + x5 * w1[5] + x6 * w1[6] +
                  x7 * w1[7];
            a2 += x0 * w2[0] + x1 * w2[1] + x2 * w2[2] + x3 * w2[3] + x4 * w2[4] + x5 * w2[5] + x6 * w2[6] +
                  x7 * w2[7];
            a3 += x0 * w3[0] + x1 * w3[1] + x2 * w3[2] + x3 * w3[3] + x4 * w3[4] + x5 * w3[5] + x6 * w3[6] +
                  x7 * w3[7];
            x += 8, w0 += 8, w1 += 8, w2 += 8, w3 += 8;
        }
        while (x != end) {
            const int32_t x0 = *x++ - zx;
            a0 += x0 * *w0++;
            a1 += x0 * *w1++;
            a2 += x0 * *w2++;
            a3 += x0 * *w3++;
        }
    }
    acc[0] = a0, acc[1] = a1, acc[2] = a2, acc[3] = a3;
}

void mn_dot4(const mn_dot_runs_t *r, int32_t zx, int32_t acc[4]) {
    if (zx == 0) {
        dot4(r, 0, acc);
    } else {
        dot4(r, zx, acc);
    }
}

/* One input position of mn_dot4x2, written out because GCC -O2 keeps a 4-trip loop as a loop. */
#define MN_DOT4X2_STEP(k)                                  \
    do {                                                   \
        const int32_t va = xa[k] - zx, vb = xb[k] - zx;    \
        int32_t w = w0[k];                                 \
        a0 += va * w;                                      \
        b0 += vb * w;                                      \
        w = w1[k];                                         \
        a1 += va * w;                                      \
        b1 += vb * w;                                      \
        w = w2[k];                                         \
        a2 += va * w;                                      \
        b2 += vb * w;                                      \
        w = w3[k];                                         \
        a3 += va * w;                                      \
        b3 += vb * w;                                      \
    } while (0)

void mn_dot4x2(const mn_dot_runs_t *r, uint32_t x_gap, int32_t zx, int32_t acc[8]) {
    int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    int32_t b0 = acc[4], b1 = acc[5], b2 = acc[6], b3 = acc[7];
    for (uint32_t row = 0; row < r->rows; row++) {
        const int8_t *xa = r->x + row * r->x_step, *xb = xa + x_gap, *w0 = r->w + row * r->w_step;
        const int8_t *w1 = w0 + r->stride, *w2 = w1 + r->stride, *w3 = w2 + r->stride;
        const int8_t *end4 = xa + (r->n & ~3u), *end = xa + r->n;
        while (xa != end4) {
            MN_DOT4X2_STEP(0);
            MN_DOT4X2_STEP(1);
            MN_DOT4X2_STEP(2);
            MN_DOT4X2_STEP(3);
            xa += 4, xb += 4, w0 += 4, w1 += 4, w2 += 4, w3 += 4;
        }
        while (xa != end) {
            const int32_t va = *xa++ - zx, vb = *xb++ - zx;
            int32_t w = *w0++;
            a0 += va * w;
            b0 += vb * w;
            w = *w1++;
            a1 += va * w;
            b1 += vb * w;
            w = *w2++;
            a2 += va * w;
            b2 += vb * w;
            w = *w3++;
            a3 += va * w;
            b3 += vb * w;
        }
    }
    acc[0] = a0, acc[1] = a1, acc[2] = a2, acc[3] = a3;
    acc[4] = b0, acc[5] = b1, acc[6] = b2, acc[7] = b3;
}

int32_t mn_dot1(const int8_t *x, const int8_t *w, uint32_t n, int32_t zx) {
    int32_t a = 0;
    const int8_t *end4 = x + (n & ~3u), *end = x + n;
    while (x != end4) {
        a += (x[0] - zx) * w[0] + (x[1] - zx) * w[1] + (x[2] - zx) * w[2] + (x[3] - zx) * w[3];
        x += 4, w += 4;
    }
    while (x != end) a += (*x++ - zx) * *w++;
    return a;
}
