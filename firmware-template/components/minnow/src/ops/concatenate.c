/* Concatenate (opcode 10), F-47, F-61: inputs placed one after another along axis, each requantized. */
#include "../mn_ops.h"
#include "../mn_requant.h"

mn_status_t mn_concatenate_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *y = &op->out;
    const uint32_t axis = op->attr[0];
    uint64_t total = 0;
    for (uint32_t j = 0; j < op->n_in; j++) {
        if (op->in[j].rank != y->rank) return MN_E_BLOB_OP_SHAPE;
        for (uint32_t d = 0; d < y->rank; d++) {
            if (d != axis && op->in[j].dim[d] != y->dim[d]) return MN_E_BLOB_OP_SHAPE;
        }
        total += op->in[j].dim[axis];
    }
    if (total != y->dim[axis] || !mn_is_shape(&op->k[0], 2, op->n_in, 2, 0, 0)) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

mn_status_t mn_concatenate_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    return op->attr[0] < op->out.rank ? MN_OK : MN_E_BLOB_OP_ATTRIBUTES;
}

void mn_concatenate_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *y = &op->out;
    const uint32_t axis = op->attr[0];
    uint32_t outer = 1, inner = 1;
    for (uint32_t d = 0; d < axis; d++) outer *= y->dim[d];
    for (uint32_t d = axis + 1u; d < y->rank; d++) inner *= y->dim[d];
    const uint32_t row = y->dim[axis] * inner;
    const uint8_t *rq = blob + op->k[0].offset;
    int8_t *out = (int8_t *)(arena + y->offset);
    uint32_t at = 0;
    for (uint32_t j = 0; j < op->n_in; j++) {
        const mn_tensor_t *x = &op->in[j];
        const int8_t *in = (const int8_t *)(arena + x->offset);
        const uint32_t span = x->dim[axis] * inner;
        const int32_t m = mn_rd_i32(rq + 8u * j), s = mn_rd_i32(rq + 8u * j + 4u);
        for (uint32_t o = 0; o < outer; o++) {
            for (uint32_t i = 0; i < span; i++) {
                out[o * row + at + i] =
                    mn_requant(in[o * span + i] - x->zero_point, m, s, y->zero_point, op->act_min, op->act_max);
            }
        }
        at += span;
    }
}
