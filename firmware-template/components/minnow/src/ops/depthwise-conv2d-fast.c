/* DepthwiseConv2D (F-55), optimized for 3x3 windows with stride_w 1 or 2 (the common cases; other windows,
 * stride_w > 2 and packed weights run the naive kernel). One output channel at a time, row by row, its nine
 * weights held in registers: each input column is loaded once (three bytes) and feeds the outputs whose
 * windows contain it (three, or with stride_w 2 one or two), so a MAC is a multiply and an add.
 * Out-of-range taps read as zx (their x − zx is 0), and the zx terms are folded into the bias once per
 * channel (again at border rows). The sums are kept in uint32: they equal the naive kernel's int32 sums
 * (which never overflow, F-44) modulo 2^32, and an intermediate of the folded order may leave int32 without
 * undefined behaviour; so no output byte changes. The requantization is one multiply and one shift (put);
 * a channel whose constants or bias that form does not cover is computed output by output (channel_exact). */
#include "../mn_fast.h"
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h" /* MN_SPECIALIZE */

/* GCC's first scheduling pass hoists loads far ahead and runs out of registers (as in dot-fast.c). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-schedule-insns", "no-tree-reassoc")
#endif

/* What every output channel of the op shares. */
typedef struct {
    const mn_op_t *op;
    const uint8_t *blob;
    const int8_t *x;
    int8_t *y;
    int32_t H, W, C, CO, OH, OW, zx, zy, lo;
    uint32_t range; /* act_max − act_min */
} mn_dw_t;

/* F-50 … F-52 for shift = −e with 1 ≤ e ≤ MN_DW_E_MAX, m ≥ 0 (F-43) and |acc| < 2^29, as one multiply
 * and one shift. The row loops sum 2·acc (their weights and bias are doubled), and with
 * H = floor(2·acc · 2m / 2^32) = floor(acc·m / 2^30):
 * - SRDHM(acc, m) = trunc((acc·m + nudge) / 2^31) = floor((acc·m + 2^30) / 2^31) for either sign (for a
 *   negative product, trunc is ceil and ceil(q / d) = floor((q + d − 1) / d)) = s = floor((H + 1) / 2);
 * - RDBPOT(s, e) = floor((s + 2^(e−1) − [s < 0]) / 2^e), and [s < 0] may be read as [acc < 0] (m ≥ 0 gives
 *   them the same sign, and where s = 0 < −acc both give 0 as e ≥ 1);
 * - nested floors merge (floor((floor(q / a) + c) / b) = floor((q + c·a) / (a·b))), so
 *   zy + MBQM = floor((H + c0 − 2·[acc < 0]) / 2^(e+1)) with c0 = 1 + 2^e + zy·2^(e+1).
 * |2·acc| < 2^30, |H| ≤ 2^30 and |c0| < 2^28 keep every step inside int32. */
#define MN_DW_E_MAX 19
#define MN_DW_ACC_MAX (1u << 29)

/* Writes output *y of the doubled sum acc2 = 2·acc. */
MN_SPECIALIZE void put(int8_t *y, uint32_t acc2, uint32_t m2, int32_t c0, int32_t sh, int32_t lo, uint32_t range) {
    const int32_t h = (int32_t)(((int64_t)(int32_t)acc2 * (int64_t)m2) >> 32);
    const int32_t neg = (int32_t)acc2 >> 31; /* −[acc < 0] */
    const int32_t v = (h + c0 + neg + neg) >> sh;
    /* One unsigned compare finds both ends of the clamp (F-52) in the common in-range case. */
    int32_t t = v;
    if ((uint32_t)(v - lo) > range) t = v < lo ? lo : lo + (int32_t)range;
    *y = (int8_t)t;
}

/* The output rows of a channel that read their input rows with the same weights. */
typedef struct {
    int16_t w[9];   /* doubled, [k·3 + kx] for input row k of the three read */
    uint32_t bias;  /* doubled, with the zx terms folded in */
    uint32_t z[3];  /* a column of zx times the weights of kx = 0, 1, 2 */
    const int8_t *x; /* the three input rows of its first output row */
    int8_t *y;       /* its first output */
    int32_t n;       /* output rows */
} mn_dw_run_t;

/* Everything the row loops need, loaded into locals at their start. A row's three input rows are
 * shifted by −2 … 2 (two rows at each border at most, F-46), so a channel has at most five runs. */
typedef struct {
    mn_dw_run_t run[5];
    int32_t runs;
    uint32_t m2, range; /* the form above: 2·m, c0 and e + 1; act_max − act_min */
    int32_t c0, sh, lo;
    int32_t C, CO, R, W, OW, pl; /* R = W·C: from one input row to the next */
    int32_t x_step, y_step;      /* from one output row's input rows and outputs to the next */
} mn_dw_rows_t;

/* Channel o's weights for the three input rows from iy0 + shift on, doubled: [k·3 + kx] is kernel row
 * k + shift, zero where that is not a kernel row (0 … 2); and its bias with the zx terms folded in,
 * doubled: 2·(B[o] − zx·Σ w). */
static void weights(const mn_dw_t *d, int32_t o, int32_t shift, mn_dw_run_t *u) {
    const int32_t CO = d->CO;
    int32_t sum[3] = {0, 0, 0};
    for (int32_t k = 0; k < 3; k++) {
        int16_t *to = u->w + 3 * k;
        if (k + shift < 0 || k + shift > 2) {
            to[0] = to[1] = to[2] = 0;
            continue;
        }
        const int8_t *w = (const int8_t *)(d->blob + d->op->k[0].offset) + 3 * (k + shift) * CO + o;
        to[0] = (int16_t)(2 * w[0]), to[1] = (int16_t)(2 * w[CO]), to[2] = (int16_t)(2 * w[2 * CO]);
        sum[0] += to[0], sum[1] += to[1], sum[2] += to[2];
    }
    u->bias = 2u * (uint32_t)mn_rd_i32_aligned(d->blob + d->op->k[1].offset + 4 * o);
    for (int32_t kx = 0; kx < 3; kx++) {
        u->z[kx] = (uint32_t)d->zx * (uint32_t)sum[kx];
        u->bias -= u->z[kx];
    }
}

/* Adds input column (X0, X1, X2) as the last column of output *y (then written), the middle one of the
 * next output (a) and the first one of the output after (b). One input value at a time: fewer registers. */
#define MN_DW_STEP(X0, X1, X2)                                                                               \
    do {                                                                                                     \
        int32_t v = (X0);                                                                                    \
        uint32_t acc = a + (uint32_t)(v * w2);                                                               \
        a = b + (uint32_t)(v * w1);                                                                          \
        b = bias + (uint32_t)(v * w0);                                                                       \
        v = (X1);                                                                                            \
        acc += (uint32_t)(v * w5), a += (uint32_t)(v * w4), b += (uint32_t)(v * w3);                         \
        v = (X2);                                                                                            \
        acc += (uint32_t)(v * w8), a += (uint32_t)(v * w7), b += (uint32_t)(v * w6);                         \
        put(y, acc, m2, c0, sh, lo, rg);                                                                     \
    } while (0)

/* Stride_w 2: input column (X0, X1, X2) is the middle one of output *y, whose first is in a; the sum so
 * far goes to acc. */
#define MN_DW_MID(X0, X1, X2)                                                                                \
    do {                                                                                                     \
        int32_t v = (X0);                                                                                    \
        acc = a + (uint32_t)(v * w1);                                                                        \
        v = (X1), acc += (uint32_t)(v * w4);                                                                 \
        v = (X2), acc += (uint32_t)(v * w7);                                                                 \
    } while (0)

/* Then column (X0, X1, X2) is its last (*y is written) and the first of the next output. */
#define MN_DW_LAST(X0, X1, X2)                                                                               \
    do {                                                                                                     \
        int32_t v = (X0);                                                                                    \
        acc += (uint32_t)(v * w2), a = bias + (uint32_t)(v * w0);                                            \
        v = (X1), acc += (uint32_t)(v * w5), a += (uint32_t)(v * w3);                                        \
        v = (X2), acc += (uint32_t)(v * w8), a += (uint32_t)(v * w6);                                        \
        put(y, acc, m2, c0, sh, lo, rg);                                                                     \
    } while (0)

/* The row loops' locals: the weights and constants stay in registers (a function of their own keeps the
 * callers' values from competing for them). */
#define MN_DW_LOCALS(r)                                                                 \
    const int32_t C = r->C, CO = r->CO, R = r->R, c0 = r->c0, sh = r->sh, lo = r->lo; \
    const int32_t pl = r->pl, OW = r->OW;                                               \
    const uint32_t m2 = r->m2, rg = r->range

/* A run's weights and bias in locals. */
#define MN_DW_RUN(u)                                                                                        \
    const int32_t w0 = u->w[0], w1 = u->w[1], w2 = u->w[2], w3 = u->w[3], w4 = u->w[4], w5 = u->w[5];    \
    const int32_t w6 = u->w[6], w7 = u->w[7], w8 = u->w[8];                                               \
    const uint32_t bias = u->bias;                                                                        \
    const int8_t *x = u->x;                                                                               \
    int8_t *y = u->y

#if defined(__GNUC__)
#define MN_DW_NOINLINE __attribute__((noinline))
#else
#define MN_DW_NOINLINE
#endif

/* Stride_w 1, every run of r. Output ox adds column ox − pl + 2 ≥ 0 (pl ≤ 2, F-46), inside the input
 * below `to`. */
static MN_DW_NOINLINE void rows1(const mn_dw_rows_t *r) {
    MN_DW_LOCALS(r);
    const int32_t W = r->W, j1 = 1 - pl, y_gap = r->y_step - OW * CO;
    int32_t to = W + pl - 2;
    to = to > OW ? OW : to < 0 ? 0 : to;
    for (const mn_dw_run_t *u = r->run, *const u_end = u + r->runs; u != u_end; u++) {
        MN_DW_RUN(u);
        for (int8_t *const y_stop = y + u->n * r->y_step; y != y_stop; x += r->x_step, y += y_gap) {
            int8_t *const in_end = y + to * CO, *const end = y + OW * CO;
            /* Column −pl is the first of output 0, column 1 − pl its middle and the first of output 1. */
            uint32_t a = bias + (pl == 0 ? (uint32_t)(x[0] * w0 + x[R] * w3 + x[2 * R] * w6) : u->z[0]), b = bias;
            if ((uint32_t)j1 < (uint32_t)W) {
                const int8_t *q = x + j1 * C;
                int32_t v = q[0];
                a += (uint32_t)(v * w1), b += (uint32_t)(v * w0);
                v = q[R], a += (uint32_t)(v * w4), b += (uint32_t)(v * w3);
                v = q[2 * R], a += (uint32_t)(v * w7), b += (uint32_t)(v * w6);
            } else {
                a += u->z[1], b += u->z[0];
            }
            for (const int8_t *p = x + (2 - pl) * C; y != in_end; y += CO, p += C) {
                MN_DW_STEP(p[0], p[R], p[2 * R]);
            }
            for (; y != end; y += CO) { /* right of the input */
                const uint32_t acc = a + u->z[2];
                a = b + u->z[1], b = bias + u->z[0];
                put(y, acc, m2, c0, sh, lo, rg);
            }
        }
    }
}

/* Stride_w 2, as rows1. Output ox has columns 2·ox − pl … + 2, its last two inside the input for ox in
 * [from, to). */
static MN_DW_NOINLINE void rows2(const mn_dw_rows_t *r) {
    MN_DW_LOCALS(r);
    const int32_t from = pl == 2 ? 1 : 0, y_gap = r->y_step - OW * CO;
    const int32_t last = r->W + pl - 3; /* 2·ox − pl + 2 ≤ W − 1 */
    int32_t to = last < 0 ? 0 : last / 2 + 1;
    to = to > OW ? OW : to < from ? from : to;
    for (const mn_dw_run_t *u = r->run, *const u_end = u + r->runs; u != u_end; u++) {
        MN_DW_RUN(u);
        for (int8_t *const y_stop = y + u->n * r->y_step; y != y_stop; x += r->x_step, y += y_gap) {
            int8_t *const end = y + OW * CO;
            int32_t j = 1 - pl + 2 * from; /* the middle column of output `from` */
            uint32_t a, acc;
            if (pl == 0) {
                a = bias + (uint32_t)(x[0] * w0 + x[R] * w3 + x[2 * R] * w6);
            } else if (from == 0) {
                a = bias + u->z[0];
            } else { /* output 0: columns −2, −1 outside and 0 */
                a = bias + u->z[0], acc = a + u->z[1];
                MN_DW_LAST(x[0], x[R], x[2 * R]);
                y += CO;
            }
            const int8_t *p = x + j * C;
            for (int8_t *const in_end = y + (to - from) * CO; y != in_end; y += CO) {
                MN_DW_MID(p[0], p[R], p[2 * R]);
                p += C;
                MN_DW_LAST(p[0], p[R], p[2 * R]);
                p += C;
            }
            /* The last column outside the input; the middle one (at p, if j < W) inside for the first only. */
            for (j += 2 * (to - from); y != end; y += CO, j += 2) {
                acc = a + u->z[2];
                acc += (uint32_t)j < (uint32_t)r->W ? (uint32_t)(p[0] * w1 + p[R] * w4 + p[2 * R] * w7) : u->z[1];
                a = bias + u->z[0];
                put(y, acc, m2, c0, sh, lo, rg);
            }
        }
    }
}

/* Output channel o, in runs of rows that share their weights. The three input rows read are always
 * inside the input (H ≥ 3): at the top and bottom borders they are shifted in, and the weights with them
 * (a kernel row outside the input meets weights 0). */
static void channel(const mn_dw_t *d, int32_t o, mn_dw_rows_t *r) {
    const mn_op_t *op = d->op;
    const int32_t sy = op->attr[0], pt = op->attr[2];
    r->runs = 0;
    for (int32_t oy = 0, n; oy < d->OH; oy += n) {
        const int32_t iy0 = oy * sy - pt, r0 = iy0 < 0 ? 0 : iy0 > d->H - 3 ? d->H - 3 : iy0;
        /* A border row alone; the inside rows up to the first with iy0 > H − 3 together. */
        n = r0 != iy0 ? 1 : (d->H - 3 + pt) / sy + 1 - oy;
        n = n < d->OH - oy ? n : d->OH - oy;
        mn_dw_run_t *u = &r->run[r->runs++];
        weights(d, o, r0 - iy0, u);
        u->x = d->x + o / op->attr[4] + r0 * r->R;
        u->y = d->y + oy * r->y_step + o;
        u->n = n;
    }
    if (op->attr[1] == 2) {
        rows2(r);
    } else {
        rows1(r);
    }
}

/* A channel the form above does not cover: output by output, as the naive kernel. */
static void channel_exact(const mn_dw_t *d, int32_t o, int32_t m, int32_t shift) {
    const mn_op_t *op = d->op;
    const int8_t *w = (const int8_t *)(d->blob + op->k[0].offset) + o, *xc = d->x + o / op->attr[4];
    const int32_t bias = mn_rd_i32_aligned(d->blob + op->k[1].offset + 4 * o);
    int8_t *y = d->y + o;
    for (int32_t oy = 0; oy < d->OH; oy++) {
        for (int32_t ox = 0; ox < d->OW; ox++, y += d->CO) {
            int32_t acc = bias;
            for (int32_t k = 0; k < 9; k++) {
                const int32_t iy = oy * op->attr[0] - op->attr[2] + k / 3;
                const int32_t ix = ox * op->attr[1] - op->attr[3] + k % 3;
                if (iy < 0 || iy >= d->H || ix < 0 || ix >= d->W) continue;
                acc += (xc[(iy * d->W + ix) * d->C] - d->zx) * w[k * d->CO];
            }
            *y = mn_requant_fast(acc, m, shift, d->zy, d->lo, d->lo + (int32_t)d->range);
        }
    }
}

/* Whether channel o's sums stay below MN_DW_ACC_MAX: |B| + 9·128·255 bounds them (|x − zx| ≤ 255). */
static int small_sums(const mn_dw_t *d, int32_t o) {
    const int32_t b = mn_rd_i32_aligned(d->blob + d->op->k[1].offset + 4 * o);
    return (b < 0 ? 0u - (uint32_t)b : (uint32_t)b) < MN_DW_ACC_MAX - 9u * 128u * 255u;
}

void mn_depthwise_conv2d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out, *wt = &op->k[0];
    if (wt->type != MN_T_INT8 || wt->dim[0] != 3 || wt->dim[1] != 3 || op->attr[1] > 2) {
        mn_depthwise_conv2d_run(op, blob, arena);
        return;
    }
    const mn_dw_t d = {op,
                       blob,
                       (const int8_t *)(arena + xt->offset),
                       (int8_t *)(arena + yt->offset),
                       (int32_t)xt->dim[0],
                       (int32_t)xt->dim[1],
                       (int32_t)xt->dim[2],
                       (int32_t)yt->dim[2],
                       (int32_t)yt->dim[0],
                       (int32_t)yt->dim[1],
                       xt->zero_point,
                       yt->zero_point,
                       op->act_min,
                       (uint32_t)(op->act_max - op->act_min)};
    mn_dw_rows_t r;
    r.range = d.range, r.lo = d.lo, r.C = d.C, r.CO = d.CO, r.R = d.W * d.C, r.W = d.W, r.OW = d.OW;
    r.pl = op->attr[3], r.x_step = op->attr[0] * r.R, r.y_step = d.OW * d.CO;
    for (int32_t o = 0; o < d.CO; o++) {
        const uint8_t *rq = blob + op->k[2].offset + 8 * o;
        const int32_t m = mn_rd_i32_aligned(rq), e = -mn_rd_i32_aligned(rq + 4);
        if (e >= 1 && e <= MN_DW_E_MAX && d.H >= 3 && small_sums(&d, o)) {
            r.m2 = 2u * (uint32_t)m, r.c0 = 1 + (1 << e) + d.zy * (1 << (e + 1)), r.sh = e + 1;
            channel(&d, o, &r);
        } else {
            channel_exact(&d, o, m, -e);
        }
    }
}
