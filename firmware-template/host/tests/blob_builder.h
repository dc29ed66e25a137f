/* Builds version-1 blobs by hand, straight from docs/FORMAT.md, so the reader can be tested without the
 * TypeScript writer. Tensors and ops are kept in the order they are added. */
#ifndef BLOB_BUILDER_H
#define BLOB_BUILDER_H

#include <stddef.h>
#include <stdint.h>

#define BB_MAX_ENTRIES 64
#ifndef BB_MAX_DATA
#define BB_MAX_DATA 65536
#endif

/* An arena buffer as mn_invoke takes it: at an address that is a multiple of 4 (minnow.h). */
#define MN_ARENA_ALIGNED __attribute__((aligned(4)))

typedef struct {
    /* First, so the blob is as aligned as the struct, like a mapped flash partition (F-3). */
    uint8_t out[BB_MAX_DATA];
    uint8_t tensors[BB_MAX_ENTRIES][16];
    const void *data[BB_MAX_ENTRIES];
    uint32_t data_bytes[BB_MAX_ENTRIES];
    uint8_t ops[BB_MAX_ENTRIES][16];
    uint32_t n_tensors, n_ops, arena_size;
    char name[25];
} bb_t;

void bb_init(bb_t *b, const char *name, uint32_t arena_size);
/* An int8 activation; dims beyond rank are ignored. Returns its id. */
uint16_t bb_act(bb_t *b, uint32_t rank, uint16_t d0, uint16_t d1, uint16_t d2, uint32_t offset, int8_t zp);
/* A constant of element type `type` whose bytes are copied when the blob is finished. */
uint16_t bb_const(bb_t *b, uint8_t type, uint32_t rank, const uint16_t dims[4], const void *bytes, uint32_t len);
void bb_op(bb_t *b, uint8_t opcode, uint8_t n_in, uint16_t in0, uint16_t out, uint16_t const0, int8_t act_min,
           int8_t act_max, const uint8_t attr[6]);
/* Lays out the blob in b->out; test vectors are optional (NULL). Returns total_size. */
uint32_t bb_finish(bb_t *b, uint16_t input, uint16_t output, const int8_t *test_in, const int8_t *test_out);
/* Recomputes the CRC after a test edited b->out. */
void bb_reseal(uint8_t *blob);

#endif
