/* Embedding (opcode 14), docs/FORMAT.md F-67: each token id selects one row of the table E [V, D]. The row is
 * either an int8 copy (attr[0] = 0: E is in the output's quantization) or, with per-column scales
 * (attr[0] = 1), levels stored as int8, int4 or ternary (F-30), unpacked as they are read and requantized by
 * R [D, 2]. */
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h"

#define MN_EMBEDDING_SCALED 1u

uint8_t mn_embedding_consts(const uint8_t *entry) { return entry[10] == MN_EMBEDDING_SCALED ? 2u : 1u; }

mn_status_t mn_embedding_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    if (op->attr[0] > MN_EMBEDDING_SCALED) return MN_E_BLOB_OP_ATTRIBUTES;
    if (op->attr[0] == 0 && op->k[0].type != MN_T_INT8) return MN_E_BLOB_OP_ATTRIBUTES;
    return MN_OK;
}

mn_status_t mn_embedding_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out, *e = &op->k[0];
    if (y->dim[0] != x->dim[0] || y->dim[1] != e->dim[1]) return MN_E_BLOB_OP_SHAPE;
    if (op->n_const == 2 && !mn_is_shape(&op->k[1], 2, e->dim[1], 2, 0, 0)) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

mn_status_t mn_embedding_values(const mn_op_t *op, const uint8_t *blob) {
    return op->n_const == 2 ? mn_check_requant(blob, &op->k[1], 0, 0) : MN_OK;
}

static int8_t clamp8(int32_t v, int8_t lo, int8_t hi) { return (int8_t)(v < lo ? lo : v > hi ? hi : v); }

void mn_embedding_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const uint32_t vocabulary = op->k[0].dim[0], dim = op->k[0].dim[1];
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const uint8_t *table = blob + op->k[0].offset, type = op->k[0].type;
    const uint8_t *rq = op->n_const == 2 ? blob + op->k[1].offset : 0;
    for (uint32_t t = 0; t < xt->count; t++) {
        int32_t id = x[t] - xt->zero_point;
        if (id < 0) id = 0;
        if ((uint32_t)id >= vocabulary) id = (int32_t)vocabulary - 1;
        const uint32_t row = (uint32_t)id * dim;
        int8_t *out = y + t * dim;
        for (uint32_t d = 0; d < dim; d++) {
            const int32_t e = mn_weight(table, type, row + d);
            out[d] = rq == 0 ? clamp8(e, op->act_min, op->act_max)
                             : mn_requant(e, mn_rd_i32(rq + 8u * d), mn_rd_i32(rq + 8u * d + 4u), yt->zero_point,
                                          op->act_min, op->act_max);
        }
    }
}
