/* Conv2D (F-54), optimized: the in-bounds part of each kernel row is one contiguous run of kx·C bytes in
 * both the input and the filter, so an output pixel is a few long dot products, four filters at a time,
 * and two neighbouring pixels whose windows are cut alike share every weight load. Packed weights (F-30):
 * each pixel's window is gathered into one run (zx where it leaves the input, which adds nothing) whose
 * rows, one per filter, mn_weight_rows reads. */
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

/* What every output of the op shares. */
typedef struct {
    const mn_op_t *op;
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

/* One pixel's outputs, for mn_weight_rows. */
typedef struct {
    const mn_conv_t *c;
    int8_t *y;
} mn_conv_pixel_t;

static void filter_output(void *ctx, uint32_t f, int32_t dot) {
    const mn_conv_pixel_t *p = (const mn_conv_pixel_t *)ctx;
    p->y[f] = output(p->c, mn_rd_i32_aligned(p->c->bias + 4u * f) + dot, (int32_t)f);
}

#define MN_WINDOW_MAX 256u

/* Packed weights; 0 (before writing anything) when mn_weight_rows does not cover them. */
static int packed(const mn_conv_t *c, const int8_t *x, const uint8_t *w, int8_t *y) {
    const mn_op_t *op = c->op;
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const int32_t H = (int32_t)xt->dim[0], W = (int32_t)xt->dim[1], C = (int32_t)xt->dim[2];
    const int32_t KH = (int32_t)op->k[0].dim[1], KW = (int32_t)op->k[0].dim[2];
    const uint32_t n = (uint32_t)(KH * KW * C);
    if (n > MN_WINDOW_MAX) return 0;
    int8_t window[MN_WINDOW_MAX];
    for (int32_t oy = 0; oy < (int32_t)yt->dim[0]; oy++) {
        for (int32_t ox = 0; ox < (int32_t)yt->dim[1]; ox++, y += c->F) {
            int8_t *to = window;
            for (int32_t ky = 0; ky < KH; ky++) {
                const int32_t iy = oy * op->attr[0] - op->attr[2] + ky;
                for (int32_t kx = 0; kx < KW; kx++, to += C) {
                    const int32_t ix = ox * op->attr[1] - op->attr[3] + kx;
                    if (iy < 0 || iy >= H || ix < 0 || ix >= W) {
                        memset(to, c->zx, (size_t)C);
                    } else {
                        memcpy(to, x + (iy * W + ix) * C, (size_t)C);
                    }
                }
            }
            mn_conv_pixel_t p = {c, y};
            const mn_rows_t rows = {w, op->k[0].type, 0, n, (uint32_t)c->F, window, c->zx};
            if (!mn_weight_rows(&rows, filter_output, &p)) return 0; /* the same at every pixel: decided at the first */
        }
    }
    return 1;
}

void mn_conv2d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out, *wt = &op->k[0];
    const int32_t H = (int32_t)xt->dim[0], W = (int32_t)xt->dim[1], C = (int32_t)xt->dim[2];
    const int32_t OH = (int32_t)yt->dim[0], OW = (int32_t)yt->dim[1];
    const int32_t KH = (int32_t)wt->dim[1], KW = (int32_t)wt->dim[2];
    const mn_conv_t c = {op, blob + op->k[1].offset, blob + op->k[2].offset, (int32_t)yt->dim[2], xt->zero_point,
                         yt->zero_point};
    if (!mn_aligned4(c.bias) || !mn_aligned4(c.rq)) {
        mn_conv2d_run(op, blob, arena);
        return;
    }
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    const int8_t *w = (const int8_t *)(blob + wt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    if (wt->type != MN_T_INT8) {
        if (!packed(&c, x, blob + wt->offset, y)) mn_conv2d_run(op, blob, arena);
        return;
    }
    for (int32_t oy = 0; oy < OH; oy++) {
        const mn_span_t ys = span(oy, op->attr[0], op->attr[2], KH, H);
        for (int32_t ox = 0; ox < OW;) {
            const mn_span_t xs = span(ox, op->attr[1], op->attr[3], KW, W);
            const mn_span_t next = span(ox + 1, op->attr[1], op->attr[3], KW, W);
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
