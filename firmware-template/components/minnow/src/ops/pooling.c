/* MaxPooling2D (5), AveragePooling2D (6), MaxPooling1D (7): F-57, F-58. Windows skip padding; 1D pooling
 * is 2D pooling over an [L, 1, C] view. */
#include "../mn_ops.h"

typedef struct {
    int32_t H, W, C, OH, OW, ph, pw, sh, sw, pt, pl;
} mn_window_t;

static void window_2d(const mn_op_t *op, mn_window_t *g) {
    const uint8_t *a = op->attr;
    g->H = (int32_t)op->in[0].dim[0];
    g->W = (int32_t)op->in[0].dim[1];
    g->C = (int32_t)op->in[0].dim[2];
    g->OH = (int32_t)op->out.dim[0];
    g->OW = (int32_t)op->out.dim[1];
    g->ph = a[0], g->pw = a[1], g->sh = a[2], g->sw = a[3], g->pt = a[4], g->pl = a[5];
}

static void window_1d(const mn_op_t *op, mn_window_t *g) {
    const uint8_t *a = op->attr;
    g->H = (int32_t)op->in[0].dim[0];
    g->W = 1;
    g->C = (int32_t)op->in[0].dim[1];
    g->OH = (int32_t)op->out.dim[0];
    g->OW = 1;
    g->ph = a[0], g->pw = 1, g->sh = a[1], g->sw = 1, g->pt = a[2], g->pl = 0;
}

static int8_t clamp8(int32_t v, const mn_op_t *op) {
    return (int8_t)(v < op->act_min ? op->act_min : v > op->act_max ? op->act_max : v);
}

static void pool(const mn_op_t *op, const mn_window_t *g, uint8_t *arena, int average) {
    const int8_t *x = (const int8_t *)(arena + op->in[0].offset);
    int8_t *y = (int8_t *)(arena + op->out.offset);
    for (int32_t oy = 0; oy < g->OH; oy++) {
        int32_t y0 = oy * g->sh - g->pt, y1 = y0 + g->ph;
        if (y0 < 0) y0 = 0;
        if (y1 > g->H) y1 = g->H;
        for (int32_t ox = 0; ox < g->OW; ox++) {
            int32_t x0 = ox * g->sw - g->pl, x1 = x0 + g->pw;
            if (x0 < 0) x0 = 0;
            if (x1 > g->W) x1 = g->W;
            int32_t n = (y1 - y0) * (x1 - x0);
            for (int32_t c = 0; c < g->C; c++) {
                int32_t acc = average ? 0 : -128;
                for (int32_t iy = y0; iy < y1; iy++) {
                    for (int32_t ix = x0; ix < x1; ix++) {
                        int32_t v = x[(iy * g->W + ix) * g->C + c];
                        if (average) {
                            acc += v;
                        } else if (v > acc) {
                            acc = v;
                        }
                    }
                }
                if (average) acc = acc >= 0 ? (acc + n / 2) / n : (acc - n / 2) / n;
                y[(oy * g->OW + ox) * g->C + c] = clamp8(acc, op);
            }
        }
    }
}

mn_status_t mn_pooling2d_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const uint8_t *a = op->attr;
    return mn_axis_attr_ok(a[0], a[2], a[4]) && mn_axis_attr_ok(a[1], a[3], a[5]) ? MN_OK : MN_E_BLOB_OP_ATTRIBUTES;
}

mn_status_t mn_pooling2d_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out;
    const uint8_t *a = op->attr;
    if (y->dim[2] != x->dim[2] || !mn_axis_shape_ok(x->dim[0], a[2], a[4], y->dim[0]) ||
        !mn_axis_shape_ok(x->dim[1], a[3], a[5], y->dim[1])) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

void mn_max_pooling2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    (void)blob;
    mn_window_t g;
    window_2d(op, &g);
    pool(op, &g, arena, 0);
}

void mn_average_pooling2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    (void)blob;
    mn_window_t g;
    window_2d(op, &g);
    pool(op, &g, arena, 1);
}

mn_status_t mn_max_pooling1d_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    return mn_axis_attr_ok(op->attr[0], op->attr[1], op->attr[2]) ? MN_OK : MN_E_BLOB_OP_ATTRIBUTES;
}

mn_status_t mn_max_pooling1d_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out;
    if (y->dim[1] != x->dim[1] || !mn_axis_shape_ok(x->dim[0], op->attr[1], op->attr[2], y->dim[0])) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

void mn_max_pooling1d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    (void)blob;
    mn_window_t g;
    window_1d(op, &g);
    pool(op, &g, arena, 0);
}
