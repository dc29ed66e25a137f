/* Blob layout constants (docs/FORMAT.md §1-4) and the decoded views the interpreter works with. */
#ifndef MN_INTERNAL_H
#define MN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "minnow.h"

#define MN_HEADER_SIZE 64u
#define MN_ENTRY_SIZE 16u
#define MN_MAX_SIZE 16777216u
#define MN_MAX_TENSORS 4096u
#define MN_MAX_OPS 4096u
#define MN_MAX_INPUTS 16u
#define MN_MAX_REDUCE 65535u
#define MN_NAME_BYTES 24u
#define MN_MAX_CONSTS 4u
#define MN_NO_CONST 0xFFFFu
#define MN_FLAG_TEST_VECTOR 1u

enum { MN_T_INT8 = 1, MN_T_INT32 = 2, MN_T_UINT16 = 3, MN_T_INT4 = 4, MN_T_TERNARY = 5, MN_T_INT16 = 6 };

/* One tensor table entry, decoded. dim[] beyond rank are 1 so products need no special case. */
typedef struct {
    uint8_t type;
    uint8_t rank;
    uint8_t is_const;
    int8_t zero_point;
    uint32_t dim[4];
    uint32_t offset;
    uint32_t count; /* elements */
    uint32_t bytes;
} mn_tensor_t;

/* One op table entry with its operands resolved. */
typedef struct {
    uint8_t opcode;
    uint8_t n_in;
    int8_t act_min;
    int8_t act_max;
    uint8_t attr[6];
    uint8_t n_const;
    mn_tensor_t in[MN_MAX_INPUTS];
    mn_tensor_t out;
    mn_tensor_t k[MN_MAX_CONSTS];
} mn_op_t;

static inline uint16_t mn_rd16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

static inline uint32_t mn_rd32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Constants are read byte-wise: correct for any alignment and host byte order. */
static inline int32_t mn_rd_i32(const uint8_t *p) { return (int32_t)mn_rd32(p); }

/* A constant int32 at a 4-aligned address (F-3 puts every constant at a 16-aligned blob offset, and
 * mn_model_open refuses a blob whose address is not a multiple of 4): one word load where the compiler can
 * be told so and the target is little-endian, bytes otherwise. */
static inline int mn_aligned4(const void *p) { return ((uintptr_t)p & 3u) == 0; }

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <string.h>
static inline int32_t mn_rd_i32_aligned(const uint8_t *p) {
    int32_t v;
    memcpy(&v, __builtin_assume_aligned(p, 4), sizeof v);
    return v;
}
#else
static inline int32_t mn_rd_i32_aligned(const uint8_t *p) { return mn_rd_i32(p); }
#endif

/* Decodes entry id of a blob whose tables were validated (or are being validated: no checks here). */
void mn_tensor_decode(const uint8_t *entry, mn_tensor_t *t);

/* Resolves op i of an opened model. */
void mn_op_decode(const mn_model_t *model, uint32_t i, mn_op_t *op);

/* Element type bytes for n elements (F-30); 0 for unknown types. */
uint64_t mn_type_bytes(uint8_t type, uint64_t n);

#endif
