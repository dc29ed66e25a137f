/*
 * Status codes. Values and names mirror src/core/errors.ts: 3xx blob format (docs/FORMAT.md §8),
 * 4xx interpreter, 5xx device protocol (docs/PROTOCOL.md). Change both or neither;
 * src/core/protocol/status-codes.test.ts compares the two tables.
 */
#ifndef MN_STATUS_H
#define MN_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    MN_OK = 0,

    /* 3xx: blob format */
    MN_E_BLOB_TRUNCATED = 300,
    MN_E_BLOB_MAGIC = 301,
    MN_E_BLOB_VERSION = 302,
    MN_E_BLOB_HEADER_SIZE = 303,
    MN_E_BLOB_TOTAL_SIZE = 304,
    MN_E_BLOB_CRC = 305,
    MN_E_BLOB_FLAGS = 306,
    MN_E_BLOB_COUNTS = 307,
    MN_E_BLOB_ARENA_SIZE = 308,
    MN_E_BLOB_NAME = 309,
    MN_E_BLOB_TENSOR_TYPE = 310,
    MN_E_BLOB_TENSOR_SHAPE = 311,
    MN_E_BLOB_TENSOR_OFFSET = 312,
    MN_E_BLOB_TENSOR_QUANT = 313,
    MN_E_BLOB_IO_TENSOR = 314,
    MN_E_BLOB_OPCODE = 315,
    MN_E_BLOB_OP_OPERANDS = 316,
    MN_E_BLOB_PACKING_UNSUPPORTED = 317,
    MN_E_BLOB_OP_SHAPE = 318,
    MN_E_BLOB_OP_ATTRIBUTES = 319,
    MN_E_BLOB_CONSTANT_RANGE = 320,
    MN_E_BLOB_TEST_VECTOR = 321,

    /* 4xx: interpreter */
    MN_E_ARENA_TOO_SMALL = 401,
    MN_E_INPUT_SIZE = 402,
    MN_E_SELF_TEST_FAILED = 403,
    MN_E_NO_TEST_VECTOR = 404,
    MN_E_MISALIGNED = 405,
    MN_E_SENSOR_MISSING = 407,
    MN_E_SENSOR_UNAVAILABLE = 408,
    MN_E_SENSOR_IO = 409,

    /* 5xx: device protocol */
    MN_E_PROTO_FRAME = 501,
    MN_E_PROTO_VERSION = 502,
    MN_E_PROTO_COMMAND = 503,
    MN_E_PROTO_PAYLOAD = 504,
    MN_E_NO_MODEL = 505,
    MN_E_NO_ARENA = 506,
    MN_E_INPUT_RANGE = 507,
} mn_status_t;

/* The errors.ts identifier of a status ("BLOB_CRC"), or "UNKNOWN". */
const char *mn_status_name(mn_status_t status);

#ifdef __cplusplus
}
#endif

#endif
