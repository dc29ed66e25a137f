/* Tensor table entries (docs/FORMAT.md §3): decoding and the per-tensor checks F-30 … F-34. */
#include <string.h>

#include "mn_internal.h"
#include "mn_validate.h"

uint64_t mn_type_bytes(uint8_t type, uint64_t n) {
    switch (type) {
        case MN_T_INT8: return n;
        case MN_T_INT32: return 4u * n;
        case MN_T_UINT16:
        case MN_T_INT16: return 2u * n;
        case MN_T_INT4: return (n + 1u) / 2u;
        case MN_T_TERNARY: return (n + 4u) / 5u;
        default: return 0;
    }
}

/* Raw dims as stored: three u16 for every tensor, a fourth for constants. */
static void raw_dims(const uint8_t *e, uint32_t dims[4]) {
    dims[0] = mn_rd16(e + 2);
    dims[1] = mn_rd16(e + 4);
    dims[2] = mn_rd16(e + 6);
    dims[3] = (e[0] & 0x80u) ? mn_rd16(e + 12) : 0u;
}

void mn_tensor_decode(const uint8_t *e, mn_tensor_t *t) {
    uint32_t dims[4];
    raw_dims(e, dims);
    t->type = e[0] & 0x0Fu;
    t->rank = (e[0] >> 4) & 0x07u;
    t->is_const = (e[0] >> 7) & 1u;
    t->zero_point = (int8_t)e[1];
    uint64_t n = 1;
    for (uint32_t i = 0; i < 4; i++) {
        t->dim[i] = i < t->rank ? dims[i] : 1u;
        n *= t->dim[i];
    }
    t->offset = mn_rd32(e + 8);
    /* Only meaningful after validation, which bounds n by the arena or blob size. */
    t->count = (uint32_t)n;
    t->bytes = (uint32_t)mn_type_bytes(t->type, n);
}

/* F-34: a positive, finite, normal binary32. */
static int valid_scale(uint32_t bits) {
    uint32_t exponent = (bits >> 23) & 0xFFu;
    return (bits >> 31) == 0 && exponent != 0 && exponent != 0xFFu;
}

mn_status_t mn_tensor_check(const uint8_t *e, const mn_blob_bounds_t *b) {
    const uint8_t type = e[0] & 0x0Fu, rank = (e[0] >> 4) & 0x07u, is_const = (e[0] >> 7) & 1u;
    if (mn_type_bytes(type, 1) == 0 || (!is_const && type != MN_T_INT8 && type != MN_T_INT16)) {
        return MN_E_BLOB_TENSOR_TYPE;
    }
    uint32_t dims[4];
    raw_dims(e, dims);
    const uint32_t max_rank = is_const ? 4u : 3u;
    if (rank < 1 || rank > max_rank) return MN_E_BLOB_TENSOR_SHAPE;
    uint64_t n = 1;
    for (uint32_t i = 0; i < max_rank; i++) {
        if ((i < rank) != (dims[i] != 0)) return MN_E_BLOB_TENSOR_SHAPE;
        if (i < rank) n *= dims[i];
    }
    const uint64_t size = mn_type_bytes(type, n), offset = mn_rd32(e + 8);
    if (is_const) {
        if (offset % 16u != 0 || offset < b->data_start || offset + size > b->total_size) {
            return MN_E_BLOB_TENSOR_OFFSET;
        }
        if (e[1] != 0 || mn_rd16(e + 14) != 0) return MN_E_BLOB_TENSOR_QUANT;
    } else {
        if (offset + size > b->arena_size) return MN_E_BLOB_TENSOR_OFFSET;
        if (!valid_scale(mn_rd32(e + 12))) return MN_E_BLOB_TENSOR_QUANT;
        if (type == MN_T_INT16 && e[1] != 0) return MN_E_BLOB_TENSOR_QUANT; /* F-34, F-78 */
    }
    return MN_OK;
}
