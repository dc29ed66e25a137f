/* Op table entries (docs/FORMAT.md §4): decoding with operands resolved, and the checks F-40 … F-47. */
#include "mn_ops.h"
#include "mn_validate.h"

static const uint8_t *op_entry(const mn_model_t *m, uint32_t i) { return m->steps + MN_ENTRY_SIZE * i; }

static const uint8_t *tensor_entry(const mn_model_t *m, uint32_t id) { return m->tensors + MN_ENTRY_SIZE * id; }

/* Decodes the fixed fields; operands are resolved only when their ids are in range. */
static void decode_fields(const uint8_t *e, mn_op_t *op) {
    op->opcode = e[0];
    op->n_in = e[1];
    op->act_min = (int8_t)e[8];
    op->act_max = (int8_t)e[9];
    for (unsigned i = 0; i < sizeof op->attr; i++) op->attr[i] = e[10 + i];
}

void mn_op_decode(const mn_model_t *m, uint32_t i, mn_op_t *op) {
    const uint8_t *e = op_entry(m, i);
    decode_fields(e, op);
    const mn_opdef_t *def = mn_opdef(op->opcode);
    op->n_const = def != 0 ? mn_const_count(def, e) : 0;
    const uint32_t in0 = mn_rd16(e + 2), k0 = mn_rd16(e + 6);
    for (uint32_t j = 0; j < op->n_in && j < MN_MAX_INPUTS; j++) mn_tensor_decode(tensor_entry(m, in0 + j), &op->in[j]);
    mn_tensor_decode(tensor_entry(m, mn_rd16(e + 4)), &op->out);
    for (uint32_t j = 0; j < op->n_const; j++) mn_tensor_decode(tensor_entry(m, k0 + j), &op->k[j]);
}

static int is_activation(const mn_model_t *m, uint32_t id, uint8_t rank, uint8_t type) {
    if (id >= m->tensor_count) return 0;
    const uint8_t desc = tensor_entry(m, id)[0];
    return (desc & 0x80u) == 0 && (desc & 0x0Fu) == type && (rank == 0 || ((desc >> 4) & 7u) == rank);
}

static int slot_accepts(uint8_t slot, uint8_t type) {
    if (slot == MN_T_WEIGHTS) return type == MN_T_INT8 || type == MN_T_INT4 || type == MN_T_TERNARY;
    return type == slot;
}

/* F-41: counts, ids, kinds, ranks and element types. Sets *packed when a weight is int4 or ternary. */
static mn_status_t check_operands(const mn_model_t *m, const uint8_t *e, const mn_opdef_t *def, int *packed) {
    const uint32_t n_in = e[1], in0 = mn_rd16(e + 2), out = mn_rd16(e + 4), k0 = mn_rd16(e + 6);
    if (n_in < def->n_in_min || n_in > def->n_in_max) return MN_E_BLOB_OP_OPERANDS;
    for (uint32_t j = 0; j < n_in; j++) {
        /* F-78: only Spectrogram's X (opcode 16, input 0) is int16. */
        const uint8_t type = e[0] == 16 && j == 0 ? MN_T_INT16 : MN_T_INT8;
        if (!is_activation(m, in0 + j, def->in_rank, type)) return MN_E_BLOB_OP_OPERANDS;
    }
    if (!is_activation(m, out, def->out_rank, MN_T_INT8)) return MN_E_BLOB_OP_OPERANDS;
    const uint32_t n_const = mn_const_count(def, e);
    if (n_const == 0) return k0 == MN_NO_CONST ? MN_OK : MN_E_BLOB_OP_OPERANDS;
    for (uint32_t j = 0; j < n_const; j++) {
        if (k0 + j >= m->tensor_count) return MN_E_BLOB_OP_OPERANDS;
        const uint8_t desc = tensor_entry(m, k0 + j)[0], type = desc & 0x0Fu;
        if ((desc & 0x80u) == 0 || !slot_accepts(def->const_type[j], type) ||
            ((desc >> 4) & 7u) != def->const_rank[j]) {
            return MN_E_BLOB_OP_OPERANDS;
        }
        if (type == MN_T_INT4 || type == MN_T_TERNARY) *packed = 1;
    }
    return MN_OK;
}

/* F-42, F-46, F-47: the clamp, unused attribute bytes, then the op's own rules. */
static mn_status_t check_attributes(const mn_op_t *op, const mn_opdef_t *def, const uint8_t *blob) {
    if (op->act_min > op->act_max) return MN_E_BLOB_OP_ATTRIBUTES;
    for (unsigned i = def->attr_bytes; i < sizeof op->attr; i++) {
        if (op->attr[i] != 0) return MN_E_BLOB_OP_ATTRIBUTES;
    }
    return def->check_attr != 0 ? def->check_attr(op, blob) : MN_OK;
}

/* The order of the TypeScript reader (src/core/blob/op-table.ts): opcode, operands, packing,
 * attributes, shapes, constant values. */
mn_status_t mn_op_check(const mn_model_t *m, uint32_t i) {
    const uint8_t *e = op_entry(m, i);
    const mn_opdef_t *def = mn_opdef(e[0]);
    if (def == 0) return MN_E_BLOB_OPCODE;
    int packed = 0;
    mn_status_t s = check_operands(m, e, def, &packed);
    if (s != MN_OK) return s;
    /* Dense, the convolutions (opcodes 1-4), Embedding and GRU read packed weights (F-30). */
    if (packed && (e[0] < 1 || e[0] > 4) && e[0] != 14 && e[0] != 15) return MN_E_BLOB_PACKING_UNSUPPORTED;
    mn_op_t op;
    mn_op_decode(m, i, &op);
    s = check_attributes(&op, def, m->blob);
    if (s == MN_OK) s = def->check_shape(&op, m->blob);
    if (s == MN_OK && def->check_values != 0) s = def->check_values(&op, m->blob);
    return s;
}
