/* Embedding tables (docs/FORMAT.md F-67, F-30), int8 copies and packed tables with per-column scales, on
 * blobs built by hand and checked against hand computations. */
#include <string.h>

#include "blob_builder.h"
#include "minnow.h"
#include "mn_test.h"
#include "tests.h"

#define V 3
#define D 6
#define T 4

static bb_t s_b;
static const int8_t k_ids[T] = {0 - 128, 2 - 128, 1 - 128, 7 - 128}; /* id 7 lies past the table: row 2 */
static const int8_t k_levels[V * D] = {1, 0, -1, 1, -1, 0, /**/ 0, 1, 1, -1, 0, -1, /**/ -1, -1, 0, 0, 1, 1};
/* Column d multiplies by 2^30 · 2^(shift − 31): 16, 8, 0.5, 1, 32, 4. */
static const int32_t k_rq[D * 2] = {1 << 30, 5, 1 << 30, 4, 1 << 30, 0, 1 << 30, 1, 1 << 30, 6, 1 << 30, 3};
static int32_t s_rq[D * 2];
static uint8_t s_table[V * D];

/* F-30: byte k = Σ_{j<5} (w_{5k+j} + 1)·3^j, missing trailing elements counted as 0. */
static uint32_t pack_ternary(const int8_t *w, uint32_t n, uint8_t *out) {
    const uint32_t bytes = (n + 4u) / 5u;
    for (uint32_t k = 0; k < bytes; k++) {
        uint32_t b = 0;
        for (uint32_t j = 5; j-- > 0;) b = 3u * b + (uint32_t)((5u * k + j < n ? w[5u * k + j] : 0) + 1);
        out[k] = (uint8_t)b;
    }
    return bytes;
}

/* Embedding over T ids: x at arena 0, y [T, D] at arena T, zero point -3, clamp [-30, 20]. */
static uint32_t embedding_blob(uint8_t type, const void *table, uint32_t table_bytes, uint8_t scaled,
                               uint16_t r_cols) {
    static const uint16_t ed[4] = {V, D, 0, 0};
    const uint16_t rd[4] = {D, r_cols, 0, 0};
    const uint8_t attr[6] = {scaled, 0, 0, 0, 0, 0};
    bb_init(&s_b, "embedding", T + T * D);
    const uint16_t x = bb_act(&s_b, 1, T, 0, 0, 0, -128);
    const uint16_t y = bb_act(&s_b, 2, T, D, 0, T, -3);
    const uint16_t e = bb_const(&s_b, type, 2, ed, table, table_bytes);
    bb_const(&s_b, 2, 2, rd, s_rq, D * r_cols * 4u);
    bb_op(&s_b, 14, 1, x, y, e, -30, 20, attr);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static mn_status_t open_and_run(uint32_t len, int8_t *out) {
    mn_model_t m;
    uint8_t arena[T + T * D] MN_ARENA_ALIGNED;
    mn_status_t s = mn_model_open(s_b.out, len, &m);
    return s != MN_OK ? s : mn_invoke(&m, arena, sizeof arena, k_ids, out, NULL);
}

static void test_packed_tables(void) {
    /* zy + MBQM(level, R[d]), clamped to [-30, 20]. F-50's SRDHM takes -0.5 to 0 and +0.5 to 1. */
    static const int8_t want[T * D] = {13, -3, -3, -2, -30, -3, /**/ -19, -11, -3, -3, 20, 1,
                                       -3, 5,  -2, -4, -3,  -7, /**/ -19, -11, -3, -3, 20, 1};
    int8_t out[T * D];
    memcpy(s_rq, k_rq, sizeof s_rq);
    uint32_t bytes = pack_ternary(k_levels, V * D, s_table);

    mn_test("[F-67, F-30] a ternary table is unpacked row by row and requantized per column");
    MN_CHECK(open_and_run(embedding_blob(5, s_table, bytes, 1, 2), out) == MN_OK);
    MN_CHECK(memcmp(out, want, sizeof want) == 0);

    mn_test("[F-67, F-30] an int4 table (two levels a byte, low nibble first) gives the same rows");
    for (uint32_t i = 0; i < V * D; i += 2)
        s_table[i / 2] = (uint8_t)((k_levels[i] & 15) | ((k_levels[i + 1] & 15) << 4));
    MN_CHECK(open_and_run(embedding_blob(4, s_table, V * D / 2, 1, 2), out) == MN_OK);
    MN_CHECK(memcmp(out, want, sizeof want) == 0);

    mn_test("[F-67] an int8 table with per-column scales (attr[0] = 1) too");
    MN_CHECK(open_and_run(embedding_blob(1, k_levels, V * D, 1, 2), out) == MN_OK);
    MN_CHECK(memcmp(out, want, sizeof want) == 0);

    mn_test("[F-67] without scales (attr[0] = 0) an int8 table is copied row by row and clamped");
    static const int8_t rows[V * D] = {1, -40, 7, 30, 0, -1, /**/ 2, 2, 2, 2, 2, 2, /**/ -5, 5, -5, 5, 25, -35};
    static const int8_t copied[T * D] = {1, -30, 7, 20, 0, -1, /**/ -5, 5, -5, 5, 20, -30,
                                         2, 2,   2, 2,  2, 2,  /**/ -5, 5, -5, 5, 20, -30};
    MN_CHECK(open_and_run(embedding_blob(1, rows, V * D, 0, 2), out) == MN_OK);
    MN_CHECK(memcmp(out, copied, sizeof copied) == 0);
}

static void test_table_errors(void) {
    int8_t out[T * D];
    memcpy(s_rq, k_rq, sizeof s_rq);
    const uint32_t bytes = pack_ternary(k_levels, V * D, s_table);
    mn_test("[F-67] a packed table without its scales (attr[0] = 0) is refused with E319");
    MN_CHECK(open_and_run(embedding_blob(5, s_table, bytes, 0, 2), out) == MN_E_BLOB_OP_ATTRIBUTES);
    mn_test("[F-67] attr[0] above 1 is refused with E319");
    MN_CHECK(open_and_run(embedding_blob(5, s_table, bytes, 2, 2), out) == MN_E_BLOB_OP_ATTRIBUTES);
    mn_test("[F-67] R must be [D, 2] (E318)");
    MN_CHECK(open_and_run(embedding_blob(5, s_table, bytes, 1, 1), out) == MN_E_BLOB_OP_SHAPE);
    mn_test("[F-43] a negative multiplier in R is refused with E320");
    s_rq[4] = -1;
    MN_CHECK(open_and_run(embedding_blob(5, s_table, bytes, 1, 2), out) == MN_E_BLOB_CONSTANT_RANGE);
}

void suite_embedding(void) {
    test_packed_tables();
    test_table_errors();
}
