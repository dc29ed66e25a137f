/* GRU (F-69), optimized: the pre-activations of four gate rows at a time (mn_dot4 over the step's input
 * and over the state, each load of them shared by the four rows), requantized in 32-bit steps
 * (mn_mbqm_fast) and the gate products in int32, which hold them exactly: |z·h·256| and |(1 − z)·c| are at
 * most 2^15·2^15 and their sum at most 2^30. The order of the rows changes nothing: every pre-activation of
 * a step reads only h and the step's input, and the candidate rows read ρ, which is complete before them.
 * Packed weights (F-30) go through mn_weight_rows, which visits rows in its own order: a step's
 * pre-activations are then kept on the stack, a slice of units at a time (packed_step). */
#include <string.h>

#include "../mn_dot.h"
#include "../mn_fast.h"
#include "../mn_gru.h"
#include "../mn_ops.h"
#include "../mn_requant.h"

typedef struct {
    const int8_t *w, *u; /* W [3U, I], U [3U, U] */
    const uint8_t *bias, *rq;
    uint32_t depth, units;
    int32_t zx;
} mn_gru_fast_t;

/* F-69's clamp of the sum of the two requantized products, for the row whose [2, 2] requantization is at r. */
static int32_t requantize_at(const uint8_t *r, int32_t ax, int32_t ah) {
    const int64_t sum = (int64_t)mn_mbqm_fast(ax, mn_rd_i32_aligned(r), mn_rd_i32_aligned(r + 4)) +
                        mn_mbqm_fast(ah, mn_rd_i32_aligned(r + 8), mn_rd_i32_aligned(r + 12));
    return (int32_t)(sum < -MN_GRU_PRE_LIMIT ? -MN_GRU_PRE_LIMIT : sum > MN_GRU_PRE_LIMIT ? MN_GRU_PRE_LIMIT : sum);
}

static int32_t requantize(const mn_gru_fast_t *g, uint32_t row, int32_t ax, int32_t ah) {
    return requantize_at(g->rq + 16u * row, ax, ah);
}

/* Q12 pre-activations of the four gate rows from `row`: the input product over x, the recurrent one over v. */
static void pre4(const mn_gru_fast_t *g, const int8_t *x, const int8_t *v, uint32_t row, int32_t p[4]) {
    int32_t ax[4], ah[4] = {0, 0, 0, 0};
    for (uint32_t k = 0; k < 4; k++) ax[k] = mn_rd_i32_aligned(g->bias + 4u * (row + k));
    const mn_dot_runs_t rx = {x, g->w + row * g->depth, 0, 0, g->depth, g->depth, 1};
    const mn_dot_runs_t rh = {v, g->u + row * g->units, 0, 0, g->units, g->units, 1};
    mn_dot4(&rx, g->zx, ax);
    mn_dot4(&rh, 0, ah);
    for (uint32_t k = 0; k < 4; k++) p[k] = requantize(g, row + k, ax[k], ah[k]);
}

/* The same for one row. */
static int32_t pre1(const mn_gru_fast_t *g, const int8_t *x, const int8_t *v, uint32_t row) {
    const int32_t ax = mn_rd_i32_aligned(g->bias + 4u * row) + mn_dot1(x, g->w + row * g->depth, g->depth, g->zx);
    return requantize(g, row, ax, mn_dot1(v, g->u + row * g->units, g->units, 0));
}

/* Rows [row, row + n) for n <= 4. */
static void pre(const mn_gru_fast_t *g, const int8_t *x, const int8_t *v, uint32_t row, uint32_t n, int32_t p[4]) {
    if (n == 4) {
        pre4(g, x, v, row, p);
    } else {
        for (uint32_t k = 0; k < n; k++) p[k] = pre1(g, x, v, row + k);
    }
}

/* v / 2^e rounded half away from zero, clamped to int8, for |v| <= 2^30. */
static int8_t round_shift(int32_t v, int e) {
    const int32_t q = ((v < 0 ? -v : v) + (1 << (e - 1))) >> e, r = v < 0 ? -q : q;
    return (int8_t)(r < -128 ? -128 : r > 127 ? 127 : r);
}

/* Packed weights: a step's pre-activations of up to MN_GRU_PACKED_UNITS units at a time (each gate's rows of
 * them), filled by mn_weight_rows. */
#define MN_GRU_PACKED_UNITS 64u

/* Rows row0, row0 + 1, …: pre[i], the bias and the requantization of row row0 + i. */
typedef struct {
    int32_t *pre;
    const uint8_t *bias, *rq;
} mn_gru_rows_t;

static mn_gru_rows_t rows_from(const mn_gru_fast_t *g, uint32_t row0, int32_t *pre) {
    const mn_gru_rows_t c = {pre, g->bias + 4u * row0, g->rq + 16u * row0};
    return c;
}

/* Input row i: the bias and the product over x. */
static void input_row(void *ctx, uint32_t i, int32_t dot) {
    const mn_gru_rows_t *c = (const mn_gru_rows_t *)ctx;
    c->pre[i] = mn_rd_i32_aligned(c->bias + 4u * i) + dot;
}

/* Recurrent row i: the pre-activation of that row. */
static void state_row(void *ctx, uint32_t i, int32_t dot) {
    const mn_gru_rows_t *c = (const mn_gru_rows_t *)ctx;
    c->pre[i] = requantize_at(c->rq + 16u * i, c->pre[i], dot);
}

/* The pre-activations of `count` rows from `row` into pre: W's over x, then U's over v. */
static void packed_rows(const mn_gru_fast_t *g, const uint8_t types[2], const int8_t *x, const int8_t *v,
                        uint32_t row, uint32_t count, uint32_t u_rows, int32_t *pre) {
    mn_gru_rows_t c = rows_from(g, row, pre);
    const mn_rows_t rx = {(const uint8_t *)g->w, types[0], row * g->depth, g->depth, count, g->depth, x, g->zx};
    const mn_rows_t rh = {(const uint8_t *)g->u, types[1], row * g->units, g->units, u_rows, g->units, v, 0};
    mn_weight_rows(&rx, input_row, &c);
    if (u_rows != 0) mn_weight_rows(&rh, state_row, &c);
}

/* One step with packed weights. Up to MN_GRU_PACKED_UNITS units, all three gates' input rows are one pass and
 * the update and reset gates' recurrent rows another; more units take the reset gates first, a slice of
 * units at a time (ρ must be whole before any candidate row), then the update and candidate rows slice by
 * slice. */
static void packed_step(const mn_gru_fast_t *g, const uint8_t types[2], const int8_t *x, int8_t *h, int hard,
                        int8_t *y) {
    const uint32_t units = g->units;
    int32_t pre[3u * MN_GRU_PACKED_UNITS];
    int8_t *reset_h = h + units;
    const int whole = units <= MN_GRU_PACKED_UNITS;
    for (uint32_t j0 = 0; !whole && j0 < units; j0 += MN_GRU_PACKED_UNITS) {
        const uint32_t m = units - j0 < MN_GRU_PACKED_UNITS ? units - j0 : MN_GRU_PACKED_UNITS;
        packed_rows(g, types, x, h, units + j0, m, m, pre);
        for (uint32_t k = 0; k < m; k++) reset_h[j0 + k] = round_shift(mn_gru_gate(pre[k], hard) * h[j0 + k], 15);
    }
    for (uint32_t j0 = 0; j0 < units; j0 += MN_GRU_PACKED_UNITS) {
        const uint32_t m = units - j0 < MN_GRU_PACKED_UNITS ? units - j0 : MN_GRU_PACKED_UNITS;
        int32_t *cand = pre + 2u * m;
        if (whole) {
            packed_rows(g, types, x, h, 0, 3u * units, 2u * units, pre);
            for (uint32_t j = 0; j < units; j++) reset_h[j] = round_shift(mn_gru_gate(pre[units + j], hard) * h[j], 15);
        } else {
            packed_rows(g, types, x, h, j0, m, m, pre);
            packed_rows(g, types, x, h, 2u * units + j0, m, 0, cand);
        }
        mn_gru_rows_t c = rows_from(g, 2u * units + j0, cand);
        const mn_rows_t rc = {(const uint8_t *)g->u, types[1], (2u * units + j0) * units, units, m, units, reset_h, 0};
        mn_weight_rows(&rc, state_row, &c);
        for (uint32_t k = 0; k < m; k++) {
            const int32_t z = mn_gru_gate(pre[k], hard);
            y[j0 + k] = round_shift(z * h[j0 + k] * 256 + (MN_GRU_ONE - z) * mn_gru_tanh(cand[k]), 23);
        }
    }
}

void mn_gru_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0];
    const mn_gru_fast_t g = {(const int8_t *)(blob + op->k[0].offset), (const int8_t *)(blob + op->k[1].offset),
                             blob + op->k[2].offset, blob + op->k[3].offset, xt->dim[1], op->in[1].dim[1],
                             xt->zero_point};
    const uint8_t types[2] = {op->k[0].type, op->k[1].type};
    const int packed = types[0] != MN_T_INT8 || types[1] != MN_T_INT8;
    const uint32_t units = g.units, every = op->out.rank == 2;
    const int hard = op->attr[1] == 1;
    int8_t *h = (int8_t *)(arena + op->in[1].offset), *reset_h = h + units;
    if ((op->attr[0] & 1u) == 0) memset(h, 0, units);
    for (uint32_t t = 0; t < xt->dim[0]; t++) {
        const int8_t *x = (const int8_t *)(arena + xt->offset) + t * g.depth;
        int8_t *y = (int8_t *)(arena + op->out.offset) + (every ? t * units : 0u);
        if (packed) {
            packed_step(&g, types, x, h, hard, y);
            memcpy(h, y, units);
            continue;
        }
        int32_t p[4], c[4];
        for (uint32_t j = 0; j < units; j += 4u) { /* ρ = r ⊙ h */
            const uint32_t n = units - j < 4u ? units - j : 4u;
            pre(&g, x, h, units + j, n, p);
            for (uint32_t k = 0; k < n; k++) reset_h[j + k] = round_shift(mn_gru_gate(p[k], hard) * h[j + k], 15);
        }
        for (uint32_t j = 0; j < units; j += 4u) {
            const uint32_t n = units - j < 4u ? units - j : 4u;
            pre(&g, x, h, j, n, p);
            pre(&g, x, reset_h, 2u * units + j, n, c);
            for (uint32_t k = 0; k < n; k++) {
                const int32_t z = mn_gru_gate(p[k], hard);
                y[j + k] = round_shift(z * h[j + k] * 256 + (MN_GRU_ONE - z) * mn_gru_tanh(c[k]), 23);
            }
        }
        memcpy(h, y, units);
    }
}
