/* DepthwiseConv2D (opcode 3), F-55: output channel o = c·M + m reads input channel c. Weights may be packed
 * (F-30): each is unpacked as it is read. */
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h"

mn_status_t mn_depthwise_conv2d_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out, *w = &op->k[0];
    const uint8_t *a = op->attr;
    const uint32_t out = x->dim[2] * a[4];
    if (y->dim[2] != out || !mn_axis_shape_ok(x->dim[0], a[0], a[2], y->dim[0]) ||
        !mn_axis_shape_ok(x->dim[1], a[1], a[3], y->dim[1]) || (uint64_t)w->dim[0] * w->dim[1] > MN_MAX_REDUCE ||
        w->dim[2] != out || !mn_is_shape(&op->k[1], 1, out, 0, 0, 0) || !mn_is_shape(&op->k[2], 2, out, 2, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

mn_status_t mn_depthwise_conv2d_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const uint8_t *a = op->attr;
    if (!mn_axis_attr_ok(op->k[0].dim[0], a[0], a[2]) || !mn_axis_attr_ok(op->k[0].dim[1], a[1], a[3]) || a[4] < 1) {
        return MN_E_BLOB_OP_ATTRIBUTES;
    }
    return MN_OK;
}

/* The kernel; `packed` says whether the weights need unpacking (F-30), constant at each call site. */
MN_SPECIALIZE void depthwise(const mn_op_t *op, const uint8_t *blob, uint8_t *arena, int packed) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out, *wt = &op->k[0];
    const int32_t H = (int32_t)xt->dim[0], W = (int32_t)xt->dim[1], C = (int32_t)xt->dim[2];
    const int32_t OH = (int32_t)yt->dim[0], OW = (int32_t)yt->dim[1], CO = (int32_t)yt->dim[2];
    const int32_t KH = (int32_t)wt->dim[0], KW = (int32_t)wt->dim[1], M = op->attr[4];
    const int32_t sh = op->attr[0], sw = op->attr[1], pt = op->attr[2], pl = op->attr[3];
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const uint8_t *w = blob + wt->offset, wtype = wt->type;
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    const int32_t zx = xt->zero_point;
    for (int32_t oy = 0; oy < OH; oy++) {
        for (int32_t ox = 0; ox < OW; ox++) {
            for (int32_t o = 0; o < CO; o++) {
                const int32_t c = o / M;
                int32_t acc = mn_rd_i32(bias + 4 * o);
                for (int32_t ky = 0; ky < KH; ky++) {
                    int32_t iy = oy * sh - pt + ky;
                    if (iy < 0 || iy >= H) continue;
                    for (int32_t kx = 0; kx < KW; kx++) {
                        int32_t ix = ox * sw - pl + kx;
                        if (ix < 0 || ix >= W) continue;
                        const uint32_t k = (uint32_t)((ky * KW + kx) * CO + o);
                        const int32_t wk = packed ? mn_weight(w, wtype, k) : ((const int8_t *)w)[k];
                        acc += (x[(iy * W + ix) * C + c] - zx) * wk;
                    }
                }
                y[(oy * OW + ox) * CO + o] = mn_requant(acc, mn_rd_i32(rq + 8 * o), mn_rd_i32(rq + 8 * o + 4),
                                                        yt->zero_point, op->act_min, op->act_max);
            }
        }
    }
}

void mn_depthwise_conv2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    if (op->k[0].type == MN_T_INT8) {
        depthwise(op, blob, arena, 0);
    } else {
        depthwise(op, blob, arena, 1);
    }
}
