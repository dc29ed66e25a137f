/* Conv2D (opcode 2, F-54) and Conv1D (opcode 4, F-56); padding reads the zero point, i.e. adds nothing. */
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h"

mn_status_t mn_conv2d_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out, *w = &op->k[0];
    const uint8_t *a = op->attr;
    const uint32_t f = w->dim[0];
    if (y->dim[2] != f || !mn_axis_shape_ok(x->dim[0], a[0], a[2], y->dim[0]) ||
        !mn_axis_shape_ok(x->dim[1], a[1], a[3], y->dim[1]) ||
        (uint64_t)w->dim[1] * w->dim[2] * x->dim[2] > MN_MAX_REDUCE || w->dim[3] != x->dim[2] ||
        !mn_is_shape(&op->k[1], 1, f, 0, 0, 0) || !mn_is_shape(&op->k[2], 2, f, 2, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

mn_status_t mn_conv2d_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const uint8_t *a = op->attr;
    if (!mn_axis_attr_ok(op->k[0].dim[1], a[0], a[2]) || !mn_axis_attr_ok(op->k[0].dim[2], a[1], a[3])) {
        return MN_E_BLOB_OP_ATTRIBUTES;
    }
    return MN_OK;
}

void mn_conv2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out, *wt = &op->k[0];
    const int32_t H = (int32_t)xt->dim[0], W = (int32_t)xt->dim[1], C = (int32_t)xt->dim[2];
    const int32_t OH = (int32_t)yt->dim[0], OW = (int32_t)yt->dim[1], F = (int32_t)yt->dim[2];
    const int32_t KH = (int32_t)wt->dim[1], KW = (int32_t)wt->dim[2];
    const int32_t sh = op->attr[0], sw = op->attr[1], pt = op->attr[2], pl = op->attr[3];
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const uint8_t *w = blob + wt->offset;
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    const int32_t zx = xt->zero_point;
    for (int32_t oy = 0; oy < OH; oy++) {
        for (int32_t ox = 0; ox < OW; ox++) {
            for (int32_t f = 0; f < F; f++) {
                int32_t acc = mn_rd_i32(bias + 4 * f);
                for (int32_t ky = 0; ky < KH; ky++) {
                    int32_t iy = oy * sh - pt + ky;
                    if (iy < 0 || iy >= H) continue;
                    for (int32_t kx = 0; kx < KW; kx++) {
                        int32_t ix = ox * sw - pl + kx;
                        if (ix < 0 || ix >= W) continue;
                        const int8_t *xp = x + (iy * W + ix) * C;
                        const uint32_t wp = (uint32_t)(((f * KH + ky) * KW + kx) * C);
                        acc += mn_dot_weights(xp, zx, w, wt->type, wp, (uint32_t)C);
                    }
                }
                y[(oy * OW + ox) * F + f] = mn_requant(acc, mn_rd_i32(rq + 8 * f), mn_rd_i32(rq + 8 * f + 4),
                                                       yt->zero_point, op->act_min, op->act_max);
            }
        }
    }
}

mn_status_t mn_conv1d_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out, *w = &op->k[0];
    const uint32_t f = w->dim[0];
    if (y->dim[1] != f || !mn_axis_shape_ok(x->dim[0], op->attr[0], op->attr[1], y->dim[0]) ||
        (uint64_t)w->dim[1] * x->dim[1] > MN_MAX_REDUCE || w->dim[2] != x->dim[1] ||
        !mn_is_shape(&op->k[1], 1, f, 0, 0, 0) || !mn_is_shape(&op->k[2], 2, f, 2, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

mn_status_t mn_conv1d_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    return mn_axis_attr_ok(op->k[0].dim[1], op->attr[0], op->attr[1]) ? MN_OK : MN_E_BLOB_OP_ATTRIBUTES;
}

/* The Conv1D kernel; `packed` says whether the weights need unpacking (F-30), constant at each call site. */
MN_SPECIALIZE void conv1d(const mn_op_t *op, const uint8_t *blob, uint8_t *arena, int packed) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out, *wt = &op->k[0];
    const int32_t L = (int32_t)xt->dim[0], C = (int32_t)xt->dim[1];
    const int32_t OL = (int32_t)yt->dim[0], F = (int32_t)yt->dim[1], K = (int32_t)wt->dim[1];
    const int32_t stride = op->attr[0], pad = op->attr[1];
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const uint8_t *w = blob + wt->offset, wtype = wt->type;
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    const int32_t zx = xt->zero_point;
    for (int32_t ol = 0; ol < OL; ol++) {
        for (int32_t f = 0; f < F; f++) {
            int32_t acc = mn_rd_i32(bias + 4 * f);
            for (int32_t k = 0; k < K; k++) {
                int32_t il = ol * stride - pad + k;
                if (il < 0 || il >= L) continue;
                for (int32_t c = 0; c < C; c++) {
                    const uint32_t e = (uint32_t)((f * K + k) * C + c);
                    acc += (x[il * C + c] - zx) * (packed ? mn_weight(w, wtype, e) : ((const int8_t *)w)[e]);
                }
            }
            y[ol * F + f] = mn_requant(acc, mn_rd_i32(rq + 8 * f), mn_rd_i32(rq + 8 * f + 4), yt->zero_point,
                                       op->act_min, op->act_max);
        }
    }
}

void mn_conv1d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    if (op->k[0].type == MN_T_INT8) {
        conv1d(op, blob, arena, 0);
    } else {
        conv1d(op, blob, arena, 1);
    }
}
