/* Embedding (opcode 14), docs/FORMAT.md F-67: each token id selects one row of the int8 table E [V, D]. */
#include "../mn_ops.h"

mn_status_t mn_embedding_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out, *e = &op->k[0];
    if (y->dim[0] != x->dim[0] || y->dim[1] != e->dim[1]) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

void mn_embedding_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const uint32_t vocabulary = op->k[0].dim[0], dim = op->k[0].dim[1];
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const int8_t *table = (const int8_t *)(blob + op->k[0].offset);
    for (uint32_t t = 0; t < xt->count; t++) {
        int32_t id = x[t] - xt->zero_point;
        if (id < 0) id = 0;
        if ((uint32_t)id >= vocabulary) id = (int32_t)vocabulary - 1;
        const int8_t *row = table + (uint32_t)id * dim;
        for (uint32_t d = 0; d < dim; d++) {
            int8_t v = row[d];
            y[t * dim + d] = v < op->act_min ? op->act_min : v > op->act_max ? op->act_max : v;
        }
    }
}
