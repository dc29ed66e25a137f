/* Conv2D (F-54), optimized: the in-bounds part of each kernel row is one contiguous run of kx·C bytes in
 * both the input and the filter, so an output pixel is a few long dot products, four filters at a time,
 * and two neighbouring pixels whose windows are cut alike share every weight load. Packed weights (F-30):
 * see packed(). */
#include <string.h>

#include "../mn_dot.h"
#include "../mn_fast.h"
#include "../mn_ops.h"
#include "../mn_requant.h"

typedef struct {
    int32_t from, to; /* in-bounds input positions [from, to) */
    int32_t k0;       /* window index of `from` */
} mn_span_t;

static mn_span_t span(int32_t o, int32_t stride, int32_t pad, int32_t window, int32_t size) {
    const int32_t start = o * stride - pad;
    mn_span_t s;
    s.from = start < 0 ? 0 : start;
    s.to = start + window < size ? start + window : size;
    s.k0 = s.from - start;
    return s;
}

/* The tensors and attributes the kernel reads: X [H, W, C], W [F, kh, kw, C], Y [OH, OW, F] and F-54's stride_h,
 * stride_w, pad_top, pad_left; a Conv1D's one-row view (mn_conv1d_run_fast) is one too. */
typedef struct {
    const mn_tensor_t *x, *w, *y;
    uint8_t attr[4];
} mn_conv_view_t;

/* What every output of the op shares. */
typedef struct {
    const mn_op_t *op;
    const mn_conv_view_t *v;
    const uint8_t *bias, *rq;
    int32_t F, zx, zy;
} mn_conv_t;

static int8_t output(const mn_conv_t *c, int32_t acc, int32_t f) {
    const uint8_t *rk = c->rq + 8 * f;
    return mn_requant_fast(acc, mn_rd_i32_aligned(rk), mn_rd_i32_aligned(rk + 4), c->zy, c->op->act_min,
                      c->op->act_max);
}

/* Filters f..F-1 of one pixel, one at a time; r->w points at filter f. */
static void pixel_tail(const mn_conv_t *c, const mn_dot_runs_t *r, int32_t f, int8_t *y) {
    const int8_t *w = r->w;
    for (; f < c->F; f++, w += r->stride) {
        int32_t acc = mn_rd_i32_aligned(c->bias + 4 * f);
        for (uint32_t row = 0; row < r->rows; row++) {
            acc += mn_dot1(r->x + row * r->x_step, w + row * r->w_step, r->n, c->zx);
        }
        y[f] = output(c, acc, f);
    }
}

/* One output pixel; runs->w points at filter 0. */
static void pixel(const mn_conv_t *c, const mn_dot_runs_t *runs, int8_t *y) {
    mn_dot_runs_t r = *runs;
    int32_t f = 0;
    for (; f + 4 <= c->F; f += 4, r.w += 4u * r.stride) {
        int32_t acc[4];
        for (int32_t k = 0; k < 4; k++) acc[k] = mn_rd_i32_aligned(c->bias + 4 * (f + k));
        mn_dot4(&r, c->zx, acc);
        for (int32_t k = 0; k < 4; k++) y[f + k] = output(c, acc[k], f + k);
    }
    pixel_tail(c, &r, f, y);
}

/* Two neighbouring pixels: the second reads x_gap input bytes further and writes F outputs further. */
static void pixel_pair(const mn_conv_t *c, const mn_dot_runs_t *runs, uint32_t x_gap, int8_t *y) {
    mn_dot_runs_t r = *runs;
    int32_t f = 0;
    for (; f + 4 <= c->F; f += 4, r.w += 4u * r.stride) {
        int32_t acc[8];
        for (int32_t k = 0; k < 4; k++) acc[k] = acc[4 + k] = mn_rd_i32_aligned(c->bias + 4 * (f + k));
        mn_dot4x2(&r, x_gap, c->zx, acc);
        for (int32_t k = 0; k < 4; k++) {
            y[f + k] = output(c, acc[k], f + k);
            y[c->F + f + k] = output(c, acc[4 + k], f + k);
        }
    }
    pixel_tail(c, &r, f, y);
    r.x += x_gap;
    pixel_tail(c, &r, f, y + c->F);
}

#define MN_WINDOW_MAX 256u /* window bytes gathered at a time, on the stack */
#define MN_FILTER_BLOCK 64u /* filters whose partial sums a longer window keeps, on the stack */

/* One pixel's filters f0 … f0 + rows − 1 over one slice of the window, for mn_weight_rows. */
typedef struct {
    const mn_conv_t *c;
    int8_t *y;
    uint32_t f0;
    int first, last; /* the slice is the window's first, last */
    int32_t *acc;
} mn_conv_pixel_t;

static void filter_sum(void *ctx, uint32_t i, int32_t dot) {
    const mn_conv_pixel_t *p = (const mn_conv_pixel_t *)ctx;
    const uint32_t f = p->f0 + i;
    const int32_t sum = (p->first ? mn_rd_i32_aligned(p->c->bias + 4u * f) : p->acc[i]) + dot;
    if (p->last) {
        p->y[f] = output(p->c, sum, (int32_t)f);
    } else {
        p->acc[i] = sum;
    }
}

/* Elements [e0, e0 + n) of output pixel (oy, ox)'s window in filter order (ky, kx, c), zx where it leaves the
 * input (which adds nothing). */
static void gather(const mn_conv_view_t *v, const int8_t *x, int32_t oy, int32_t ox, uint32_t e0, uint32_t n,
                   int8_t *to) {
    const mn_tensor_t *xt = v->x;
    const int32_t H = (int32_t)xt->dim[0], W = (int32_t)xt->dim[1], C = (int32_t)xt->dim[2];
    const int32_t KW = (int32_t)v->w->dim[2], first = (int32_t)e0 / C, last = (int32_t)(e0 + n - 1u) / C;
    for (int32_t t = first; t <= last; t++) { /* kernel position t = ky·KW + kx holds elements [t·C, t·C + C) */
        const int32_t lo = t == first ? (int32_t)e0 - t * C : 0, hi = t == last ? (int32_t)(e0 + n) - t * C : C;
        const int32_t iy = oy * v->attr[0] - v->attr[2] + t / KW, ix = ox * v->attr[1] - v->attr[3] + t % KW;
        int8_t *dst = to + (t * C + lo - (int32_t)e0);
        if (iy < 0 || iy >= H || ix < 0 || ix >= W) {
            memset(dst, xt->zero_point, (size_t)(hi - lo));
        } else {
            memcpy(dst, x + (iy * W + ix) * C + lo, (size_t)(hi - lo));
        }
    }
}

/* Packed weights: each pixel's window is gathered (up to MN_WINDOW_MAX bytes at a time) and its rows, one per
 * filter, read by mn_weight_rows; a longer window keeps partial sums, MN_FILTER_BLOCK filters at a time. */
static void packed(const mn_conv_t *c, const int8_t *x, const uint8_t *w, int8_t *y) {
    const mn_conv_view_t *v = c->v;
    const uint32_t n = v->w->dim[1] * v->w->dim[2] * v->w->dim[3], F = (uint32_t)c->F;
    const uint32_t block = n <= MN_WINDOW_MAX ? F : MN_FILTER_BLOCK;
    int8_t window[MN_WINDOW_MAX];
    int32_t acc[MN_FILTER_BLOCK];
    for (int32_t oy = 0; oy < (int32_t)v->y->dim[0]; oy++) {
        for (int32_t ox = 0; ox < (int32_t)v->y->dim[1]; ox++, y += F) {
            for (uint32_t f0 = 0; f0 < F; f0 += block) {
                const uint32_t m = F - f0 < block ? F - f0 : block;
                for (uint32_t e0 = 0; e0 < n; e0 += MN_WINDOW_MAX) {
                    const uint32_t len = n - e0 < MN_WINDOW_MAX ? n - e0 : MN_WINDOW_MAX;
                    gather(v, x, oy, ox, e0, len, window);
                    mn_conv_pixel_t p = {c, y, f0, e0 == 0, e0 + len == n, acc};
                    const mn_rows_t rows = {w, v->w->type, f0 * n + e0, len, m, n, window, c->zx};
                    mn_weight_rows(&rows, filter_sum, &p);
                }
            }
        }
    }
}

static void conv2d(const mn_op_t *op, const mn_conv_view_t *v, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = v->x, *yt = v->y, *wt = v->w;
    const uint8_t *attr = v->attr;
    const int32_t H = (int32_t)xt->dim[0], W = (int32_t)xt->dim[1], C = (int32_t)xt->dim[2];
    const int32_t OH = (int32_t)yt->dim[0], OW = (int32_t)yt->dim[1];
    const int32_t KH = (int32_t)wt->dim[1], KW = (int32_t)wt->dim[2];
    const mn_conv_t c = {op, v, blob + op->k[1].offset, blob + op->k[2].offset, (int32_t)yt->dim[2], xt->zero_point,
                         yt->zero_point};
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    const int8_t *w = (const int8_t *)(blob + wt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    if (wt->type != MN_T_INT8) {
        packed(&c, x, blob + wt->offset, y);
        return;
    }
    for (int32_t oy = 0; oy < OH; oy++) {
        const mn_span_t ys = span(oy, attr[0], attr[2], KH, H);
        for (int32_t ox = 0; ox < OW;) {
            const mn_span_t xs = span(ox, attr[1], attr[3], KW, W);
            const mn_span_t next = span(ox + 1, attr[1], attr[3], KW, W);
            const int pair = ox + 1 < OW && next.k0 == xs.k0 && next.to - next.from == xs.to - xs.from;
            const mn_dot_runs_t runs = {x + (ys.from * W + xs.from) * C,   w + (ys.k0 * KW + xs.k0) * C,
                                        (uint32_t)(W * C),                 (uint32_t)(KW * C),
                                        (uint32_t)(KH * KW * C),           (uint32_t)((xs.to - xs.from) * C),
                                        (uint32_t)(ys.to - ys.from)};
            if (pair) {
                pixel_pair(&c, &runs, (uint32_t)((next.from - xs.from) * C), y);
            } else {
                pixel(&c, &runs, y);
            }
            ox += pair ? 2 : 1;
            y += (pair ? 2 : 1) * c.F;
        }
    }
}

void mn_conv2d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_conv_view_t v = {&op->in[0], &op->k[0], &op->out, {op->attr[0], op->attr[1], op->attr[2], op->attr[3]}};
    conv2d(op, &v, blob, arena);
}

/* X [L, C], W [F, k, C] or Y [OL, F] as the one row of [1, L, C], [F, 1, k, C] or [1, OL, F]. */
static void one_row(mn_tensor_t *t) {
    const uint32_t rank = t->rank;
    for (uint32_t i = rank; i > rank - 2u; i--) t->dim[i] = t->dim[i - 1u];
    t->dim[rank - 2u] = 1;
    t->rank = (uint8_t)(rank + 1u);
}

/* Conv1D (F-56) is F-54's arithmetic along one axis: the Conv2D kernel on its one-row view, stride 1 and no
 * padding down the row, the op's stride and pad_left along it. */
void mn_conv1d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    mn_tensor_t x = op->in[0], w = op->k[0], y = op->out;
    one_row(&x);
    one_row(&w);
    one_row(&y);
    const mn_conv_view_t v = {&x, &w, &y, {1, op->attr[0], 0, op->attr[1]}};
    conv2d(op, &v, blob, arena);
}
