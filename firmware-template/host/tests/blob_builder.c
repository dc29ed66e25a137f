#include "blob_builder.h"

#include <string.h>

#include "mn_crc32.h"

static void put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
    put16(p, v);
    put16(p + 2, v >> 16);
}

static uint32_t align16(uint32_t n) { return (n + 15u) & ~15u; }

void bb_init(bb_t *b, const char *name, uint32_t arena_size) {
    memset(b, 0, sizeof *b);
    strncpy(b->name, name, 24);
    b->arena_size = arena_size;
}

uint16_t bb_act(bb_t *b, uint32_t rank, uint16_t d0, uint16_t d1, uint16_t d2, uint32_t offset, int8_t zp) {
    uint8_t *e = b->tensors[b->n_tensors];
    const uint16_t d[3] = {d0, d1, d2};
    e[0] = (uint8_t)(1u | (rank << 4));
    e[1] = (uint8_t)zp;
    for (uint32_t i = 0; i < 3; i++) put16(e + 2 + 2 * i, i < rank ? d[i] : 0u);
    put32(e + 8, offset);
    put32(e + 12, 0x3C000000u); /* scale 1/128 */
    return (uint16_t)b->n_tensors++;
}

uint16_t bb_const(bb_t *b, uint8_t type, uint32_t rank, const uint16_t dims[4], const void *bytes, uint32_t len) {
    uint8_t *e = b->tensors[b->n_tensors];
    e[0] = (uint8_t)(type | (rank << 4) | 0x80u);
    for (uint32_t i = 0; i < 3; i++) put16(e + 2 + 2 * i, i < rank ? dims[i] : 0u);
    put16(e + 12, rank == 4 ? dims[3] : 0u);
    b->data[b->n_tensors] = bytes;
    b->data_bytes[b->n_tensors] = len;
    return (uint16_t)b->n_tensors++;
}

void bb_op(bb_t *b, uint8_t opcode, uint8_t n_in, uint16_t in0, uint16_t out, uint16_t const0, int8_t act_min,
           int8_t act_max, const uint8_t attr[6]) {
    uint8_t *e = b->ops[b->n_ops++];
    e[0] = opcode;
    e[1] = n_in;
    put16(e + 2, in0);
    put16(e + 4, out);
    put16(e + 6, const0);
    e[8] = (uint8_t)act_min;
    e[9] = (uint8_t)act_max;
    if (attr != NULL) memcpy(e + 10, attr, 6);
}

static uint32_t place(uint8_t *out, uint32_t at, const void *bytes, uint32_t len) {
    at = align16(at);
    memcpy(out + at, bytes, len);
    return at;
}

uint32_t bb_finish(bb_t *b, uint16_t input, uint16_t output, const int8_t *test_in, const int8_t *test_out) {
    uint8_t *o = b->out;
    memset(o, 0, sizeof b->out);
    memcpy(o, "MNWB", 4);
    put16(o + 4, 1);
    put16(o + 6, 64);
    put32(o + 16, b->arena_size);
    put16(o + 20, b->n_tensors);
    put16(o + 22, b->n_ops);
    put16(o + 24, input);
    put16(o + 26, output);
    memcpy(o + 40, b->name, strlen(b->name));
    uint32_t at = align16(64 + 16 * (b->n_tensors + b->n_ops));
    for (uint32_t i = 0; i < b->n_tensors; i++) {
        if (b->data[i] != NULL) {
            uint32_t off = place(o, at, b->data[i], b->data_bytes[i]);
            put32(b->tensors[i] + 8, off);
            at = off + b->data_bytes[i];
        }
        memcpy(o + 64 + 16 * i, b->tensors[i], 16);
    }
    memcpy(o + 64 + 16 * b->n_tensors, b->ops, 16 * b->n_ops);
    if (test_in != NULL) {
        const uint8_t *ti = b->tensors[input], *to = b->tensors[output];
        uint32_t in_bytes = (uint32_t)(ti[2] | ti[3] << 8) * (ti[0] >> 4 > 1 ? (uint32_t)(ti[4] | ti[5] << 8) : 1u);
        uint32_t out_bytes = (uint32_t)(to[2] | to[3] << 8) * (to[0] >> 4 > 1 ? (uint32_t)(to[4] | to[5] << 8) : 1u);
        uint32_t a = place(o, at, test_in, in_bytes);
        uint32_t c = place(o, a + in_bytes, test_out, out_bytes);
        put32(o + 28, 1);
        put32(o + 32, a);
        put32(o + 36, c);
        at = c + out_bytes;
    }
    put32(o + 8, at);
    bb_reseal(o);
    return at;
}

void bb_reseal(uint8_t *blob) {
    uint32_t total = (uint32_t)blob[8] | (uint32_t)blob[9] << 8 | (uint32_t)blob[10] << 16 | (uint32_t)blob[11] << 24;
    /* A test may have edited total_size itself: stay inside the builder's buffer. */
    if (total < 16 || total > BB_MAX_DATA) total = 16;
    put32(blob + 12, mn_crc32(mn_crc32(0, blob, 12), blob + 16, total - 16));
}
