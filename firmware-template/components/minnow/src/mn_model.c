/* mn_model_open: every header, table and constant check of docs/FORMAT.md, in §8 order, before any other
 * code reads the blob. */
#include <string.h>

#include "mn_crc32.h"
#include "mn_validate.h"

uint16_t mn_blob_version_min(void) { return MN_BLOB_VERSION_MIN; }
uint16_t mn_blob_version_max(void) { return MN_BLOB_VERSION_MAX; }

static uint32_t align16(uint32_t n) { return (n + 15u) & ~15u; }

/* F-10 … F-14: the fixed header fields and the checksum. */
static mn_status_t check_envelope(const uint8_t *b, size_t len, uint32_t *total) {
    if (len < MN_HEADER_SIZE) return MN_E_BLOB_TRUNCATED;
    if (memcmp(b, "MNWB", 4) != 0) return MN_E_BLOB_MAGIC;
    if (mn_rd16(b + 4) < MN_BLOB_VERSION_MIN || mn_rd16(b + 4) > MN_BLOB_VERSION_MAX) return MN_E_BLOB_VERSION;
    if (mn_rd16(b + 6) != MN_HEADER_SIZE) return MN_E_BLOB_HEADER_SIZE;
    const uint32_t t = mn_rd32(b + 8);
    const uint64_t tables = MN_HEADER_SIZE + (uint64_t)MN_ENTRY_SIZE * (mn_rd16(b + 20) + (uint32_t)mn_rd16(b + 22));
    if (t > MN_MAX_SIZE || t < tables) return MN_E_BLOB_TOTAL_SIZE;
    if (t > len) return MN_E_BLOB_TRUNCATED;
    const uint32_t crc = mn_crc32(mn_crc32(0, b, 12), b + 16, t - 16u);
    if (crc != mn_rd32(b + 12)) return MN_E_BLOB_CRC;
    *total = t;
    return MN_OK;
}

/* F-20: 1-24 bytes, then only NULs. */
static int valid_name(const uint8_t *name, uint32_t *len) {
    uint32_t n = 0;
    while (n < MN_NAME_BYTES && name[n] != 0) n++;
    for (uint32_t i = n; i < MN_NAME_BYTES; i++) {
        if (name[i] != 0) return 0;
    }
    *len = n;
    return n > 0;
}

static mn_status_t check_header(const uint8_t *b, mn_model_t *m) {
    const uint32_t flags = mn_rd32(b + 28);
    if ((flags & ~MN_FLAG_TEST_VECTOR) != 0) return MN_E_BLOB_FLAGS;
    m->tensor_count = mn_rd16(b + 20);
    m->step_count = mn_rd16(b + 22);
    if (m->tensor_count < 1 || m->tensor_count > MN_MAX_TENSORS || m->step_count > MN_MAX_OPS) {
        return MN_E_BLOB_COUNTS;
    }
    m->arena_bytes = mn_rd32(b + 16);
    if (m->arena_bytes > MN_MAX_SIZE) return MN_E_BLOB_ARENA_SIZE;
    if (!valid_name(b + 40, &m->name_len)) return MN_E_BLOB_NAME;
    m->name = (const char *)(b + 40);
    return MN_OK;
}

static mn_status_t check_tensors(mn_model_t *m) {
    const mn_blob_bounds_t bounds = {
        m->blob_bytes, align16(MN_HEADER_SIZE + MN_ENTRY_SIZE * (m->tensor_count + m->step_count)), m->arena_bytes};
    for (uint32_t i = 0; i < m->tensor_count; i++) {
        mn_status_t s = mn_tensor_check(m->tensors + MN_ENTRY_SIZE * i, &bounds);
        if (s != MN_OK) return s;
    }
    m->input_tensor = mn_rd16(m->blob + 24);
    m->output_tensor = mn_rd16(m->blob + 26);
    for (uint32_t k = 0; k < 2; k++) {
        uint32_t id = k == 0 ? m->input_tensor : m->output_tensor;
        if (id >= m->tensor_count || (m->tensors[MN_ENTRY_SIZE * id] & 0x80u) != 0) return MN_E_BLOB_IO_TENSOR;
    }
    /* F-78: the output is int8. */
    if ((m->tensors[MN_ENTRY_SIZE * m->output_tensor] & 0x0Fu) != MN_T_INT8) return MN_E_BLOB_IO_TENSOR;
    return MN_OK;
}

/* F-19: both halves present exactly when the flag is set, aligned and inside the data region. */
static mn_status_t check_test_vector(mn_model_t *m) {
    const uint8_t *b = m->blob;
    const uint32_t in = mn_rd32(b + 32), out = mn_rd32(b + 36);
    m->test_input = 0;
    m->test_output = 0;
    if ((mn_rd32(b + 28) & MN_FLAG_TEST_VECTOR) == 0) return in == 0 && out == 0 ? MN_OK : MN_E_BLOB_TEST_VECTOR;
    const uint32_t data_start = align16(MN_HEADER_SIZE + MN_ENTRY_SIZE * (m->tensor_count + m->step_count));
    mn_tensor_t ti, to;
    mn_tensor_decode(m->tensors + MN_ENTRY_SIZE * m->input_tensor, &ti);
    mn_tensor_decode(m->tensors + MN_ENTRY_SIZE * m->output_tensor, &to);
    const uint32_t offsets[2] = {in, out}, sizes[2] = {ti.bytes, to.bytes};
    for (int k = 0; k < 2; k++) {
        if (offsets[k] == 0 || offsets[k] % 16u != 0 || offsets[k] < data_start ||
            (uint64_t)offsets[k] + sizes[k] > m->blob_bytes) {
            return MN_E_BLOB_TEST_VECTOR;
        }
    }
    m->test_input = (const int8_t *)(b + in);
    m->test_output = (const int8_t *)(b + out);
    return MN_OK;
}

mn_status_t mn_model_open(const uint8_t *blob, size_t len, mn_model_t *model) {
    mn_model_t m;
    memset(&m, 0, sizeof m);
    memset(model, 0, sizeof *model);
    if (blob == 0) return MN_E_BLOB_TRUNCATED;
    /* F-3: constants sit at 16-aligned blob offsets so that the kernels read INT32 tables in place, one word
     * load each; a blob at an address that is not a multiple of 4 would misalign every one of them. */
    if (!mn_aligned4(blob)) return MN_E_MISALIGNED;
    mn_status_t s = check_envelope(blob, len, &m.blob_bytes);
    if (s != MN_OK) return s;
    m.blob = blob;
    m.crc = mn_rd32(blob + 12);
    m.version = mn_rd16(blob + 4);
    s = check_header(blob, &m);
    if (s != MN_OK) return s;
    m.tensors = blob + MN_HEADER_SIZE;
    m.steps = m.tensors + MN_ENTRY_SIZE * m.tensor_count;
    s = check_tensors(&m);
    for (uint32_t i = 0; s == MN_OK && i < m.step_count; i++) s = mn_op_check(&m, i);
    if (s == MN_OK) s = check_test_vector(&m);
    if (s == MN_OK) *model = m;
    return s;
}

void mn_model_describe(const mn_model_t *m, mn_model_info_t *info) {
    mn_tensor_t ti, to;
    mn_tensor_decode(m->tensors + MN_ENTRY_SIZE * m->input_tensor, &ti);
    mn_tensor_decode(m->tensors + MN_ENTRY_SIZE * m->output_tensor, &to);
    info->version = m->version;
    info->blob_bytes = m->blob_bytes;
    info->crc = m->crc;
    info->arena_bytes = m->arena_bytes;
    info->input_bytes = ti.bytes;
    info->output_bytes = to.bytes;
    info->steps = m->step_count;
    info->name = m->name;
    info->name_len = m->name_len;
    info->has_test_vector = m->test_input != 0;
}
