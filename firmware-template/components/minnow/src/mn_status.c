#include "mn_status.h"

typedef struct {
    mn_status_t status;
    const char *name;
} mn_status_name_t;

/* Names as in src/core/errors.ts, so a log line can be looked up in the catalog. */
static const mn_status_name_t k_names[] = {
    {MN_OK, "OK"},
    {MN_E_BLOB_TRUNCATED, "BLOB_TRUNCATED"},
    {MN_E_BLOB_MAGIC, "BLOB_MAGIC"},
    {MN_E_BLOB_VERSION, "BLOB_VERSION"},
    {MN_E_BLOB_HEADER_SIZE, "BLOB_HEADER_SIZE"},
    {MN_E_BLOB_TOTAL_SIZE, "BLOB_TOTAL_SIZE"},
    {MN_E_BLOB_CRC, "BLOB_CRC"},
    {MN_E_BLOB_FLAGS, "BLOB_FLAGS"},
    {MN_E_BLOB_COUNTS, "BLOB_COUNTS"},
    {MN_E_BLOB_ARENA_SIZE, "BLOB_ARENA_SIZE"},
    {MN_E_BLOB_NAME, "BLOB_NAME"},
    {MN_E_BLOB_TENSOR_TYPE, "BLOB_TENSOR_TYPE"},
    {MN_E_BLOB_TENSOR_SHAPE, "BLOB_TENSOR_SHAPE"},
    {MN_E_BLOB_TENSOR_OFFSET, "BLOB_TENSOR_OFFSET"},
    {MN_E_BLOB_TENSOR_QUANT, "BLOB_TENSOR_QUANT"},
    {MN_E_BLOB_IO_TENSOR, "BLOB_IO_TENSOR"},
    {MN_E_BLOB_OPCODE, "BLOB_OPCODE"},
    {MN_E_BLOB_OP_OPERANDS, "BLOB_OP_OPERANDS"},
    {MN_E_BLOB_PACKING_UNSUPPORTED, "BLOB_PACKING_UNSUPPORTED"},
    {MN_E_BLOB_OP_SHAPE, "BLOB_OP_SHAPE"},
    {MN_E_BLOB_OP_ATTRIBUTES, "BLOB_OP_ATTRIBUTES"},
    {MN_E_BLOB_CONSTANT_RANGE, "BLOB_CONSTANT_RANGE"},
    {MN_E_BLOB_TEST_VECTOR, "BLOB_TEST_VECTOR"},
    {MN_E_ARENA_TOO_SMALL, "ARENA_TOO_SMALL"},
    {MN_E_INPUT_SIZE, "INPUT_SIZE"},
    {MN_E_SELF_TEST_FAILED, "SELF_TEST_FAILED"},
    {MN_E_NO_TEST_VECTOR, "NO_TEST_VECTOR"},
    {MN_E_MISALIGNED, "MISALIGNED"},
    {MN_E_SENSOR_MISSING, "SENSOR_MISSING"},
    {MN_E_SENSOR_UNAVAILABLE, "SENSOR_UNAVAILABLE"},
    {MN_E_SENSOR_IO, "SENSOR_IO"},
    {MN_E_PROTO_FRAME, "PROTO_FRAME"},
    {MN_E_PROTO_VERSION, "PROTO_VERSION"},
    {MN_E_PROTO_COMMAND, "PROTO_COMMAND"},
    {MN_E_PROTO_PAYLOAD, "PROTO_PAYLOAD"},
    {MN_E_NO_MODEL, "NO_MODEL"},
    {MN_E_NO_ARENA, "NO_ARENA"},
    {MN_E_INPUT_RANGE, "INPUT_RANGE"},
};

const char *mn_status_name(mn_status_t status) {
    for (unsigned i = 0; i < sizeof k_names / sizeof k_names[0]; i++) {
        if (k_names[i].status == status) return k_names[i].name;
    }
    return "UNKNOWN";
}
