/* Embedding (F-67), optimized: an int8 table is a row copy (clamped when the clamp is narrower than int8); a
 * table with column scales is requantized in 32-bit steps (mn_requant_fast), its packed levels unpacked a
 * byte at a time, up to MN_LEVELS columns at once. */
#include <string.h>

#include "../mn_fast.h"
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h"

/* Level `i` of a row of `n` levels whose first level is element `first` of the table (F-30). */
static void unpack_row(const uint8_t *table, uint8_t type, uint32_t first, uint32_t n, int8_t *levels) {
    if (type == MN_T_INT8) {
        memcpy(levels, table + first, n);
        return;
    }
    uint32_t i = 0;
    for (; i < n && (first + i) % (type == MN_T_INT4 ? 2u : 5u) != 0u; i++) levels[i] = (int8_t)mn_weight(table, type, first + i);
    if (type == MN_T_INT4) {
        for (const uint8_t *b = table + (first + i) / 2u; i + 2u <= n; i += 2u, b++) {
            levels[i] = (int8_t)((int8_t)(*b << 4) >> 4);
            levels[i + 1] = (int8_t)((int8_t)*b >> 4);
        }
    } else {
        for (const uint8_t *b = table + (first + i) / 5u; i + 5u <= n; i += 5u, b++) memcpy(levels + i, k_mn_trits[*b], 5);
    }
    for (; i < n; i++) levels[i] = (int8_t)mn_weight(table, type, first + i);
}

#define MN_LEVELS 256u /* levels unpacked at a time, on the stack */

void mn_embedding_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const uint8_t *rq = op->n_const == 2 ? blob + op->k[1].offset : 0;
    const int full = op->act_min == -128 && op->act_max == 127;
    const uint32_t vocabulary = op->k[0].dim[0], dim = op->k[0].dim[1];
    const uint8_t *table = blob + op->k[0].offset;
    for (uint32_t t = 0; t < xt->count; t++) {
        const int32_t id = ((const int8_t *)(arena + xt->offset))[t] - xt->zero_point;
        const uint32_t row = (id < 0 ? 0u : (uint32_t)id >= vocabulary ? vocabulary - 1u : (uint32_t)id) * dim;
        int8_t *out = (int8_t *)(arena + yt->offset) + t * dim;
        if (rq == 0) {
            memcpy(out, table + row, dim);
            for (uint32_t d = 0; !full && d < dim; d++) {
                out[d] = (int8_t)(out[d] < op->act_min ? op->act_min : out[d] > op->act_max ? op->act_max : out[d]);
            }
            continue;
        }
        int8_t levels[MN_LEVELS];
        for (uint32_t d0 = 0; d0 < dim; d0 += MN_LEVELS) {
            const uint32_t n = dim - d0 < MN_LEVELS ? dim - d0 : MN_LEVELS;
            unpack_row(table, op->k[0].type, row + d0, n, levels);
            for (uint32_t d = 0; d < n; d++) {
                const uint8_t *r = rq + 8u * (d0 + d);
                out[d0 + d] = mn_requant_fast(levels[d], mn_rd_i32_aligned(r), mn_rd_i32_aligned(r + 4u),
                                              yt->zero_point, op->act_min, op->act_max);
            }
        }
    }
}
