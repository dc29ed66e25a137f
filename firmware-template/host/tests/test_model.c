/* The blob reader and a hand-computed model (docs/FORMAT.md §2-§8), on blobs built by blob_builder. */
#include <string.h>

#include "blob_builder.h"
#include "minnow.h"
#include "mn_test.h"
#include "tests.h"

static bb_t s_b;
static const int8_t k_w[6] = {1, 2, 3, -4, 5, -6};
static const int32_t k_bias[2] = {100, -50};
static int32_t s_rq[4] = {1 << 30, 0, 1 << 30, 0};

/* Dense 3 → 2: input at arena 0, output at arena 3, arena 5 bytes; int32 constants in host order, which is
 * little-endian on every machine the host tests run on. */
static uint32_t dense_blob(int8_t act_max, const int8_t *test_in, const int8_t *test_out) {
    static const uint16_t wd[4] = {2, 3, 0, 0}, bd[4] = {2, 0, 0, 0}, rd[4] = {2, 2, 0, 0};
    bb_init(&s_b, "dense", 5);
    uint16_t x = bb_act(&s_b, 1, 3, 0, 0, 0, 1);
    uint16_t y = bb_act(&s_b, 1, 2, 0, 0, 3, -3);
    uint16_t w = bb_const(&s_b, 1, 2, wd, k_w, sizeof k_w);
    bb_const(&s_b, 2, 1, bd, k_bias, sizeof k_bias);
    bb_const(&s_b, 2, 2, rd, s_rq, sizeof s_rq);
    bb_op(&s_b, 1, 1, x, y, w, -128, act_max, NULL);
    return bb_finish(&s_b, x, y, test_in, test_out);
}

static mn_status_t open_blob(uint32_t len, mn_model_t *m) { return mn_model_open(s_b.out, len, m); }

/* Softmax over 16 values at arena 0, its output at arena 1: a partial overlap F-45 forbids, which readers do
 * not check. Table rows 32768 >> i. */
static uint32_t overlapping_softmax_blob(void) {
    static uint16_t table[32];
    static const uint16_t td[4] = {2, 16, 0, 0};
    for (uint32_t i = 0; i < 16; i++) table[i] = table[16 + i] = (uint16_t)(32768u >> i);
    bb_init(&s_b, "softmax", 17);
    uint16_t x = bb_act(&s_b, 1, 16, 0, 0, 0, 0);
    uint16_t y = bb_act(&s_b, 1, 16, 0, 0, 1, -128);
    uint16_t t = bb_const(&s_b, 3, 2, td, table, sizeof table);
    bb_op(&s_b, 11, 1, x, y, t, -128, 127, NULL);
    return bb_finish(&s_b, x, y, NULL, NULL);
}

static void test_softmax_overlap(void) {
    mn_test("[F-45] [F-62] a Softmax output that partly overlaps its input gives wrong values, never a read outside its tables");
    mn_model_t m;
    uint8_t arena[17] MN_ARENA_ALIGNED;
    int8_t in[16], out[16];
    memset(in, -128, sizeof in);
    MN_CHECK(open_blob(overlapping_softmax_blob(), &m) == MN_OK);
    /* Sixteen equal values: each is 1/16, (512·e + 16·e) / (32·e) = 16, −112; it overwrites x[1] (−128) first. */
    MN_CHECK(mn_invoke(&m, arena, sizeof arena, in, out, NULL) == MN_OK);
    MN_CHECK(out[0] == -112);
}

static void test_dense_by_hand(void) {
    mn_model_t m;
    uint8_t arena[5] MN_ARENA_ALIGNED;
    int8_t out[2];
    const int8_t in[3] = {10, -5, 3};
    mn_test("[F-53] Dense matches a hand computation: acc 103 and -128, multiplier 0.5, zero point -3");
    uint32_t len = dense_blob(127, NULL, NULL);
    MN_CHECK(open_blob(len, &m) == MN_OK);
    mn_stats_t st = {0, 0, NULL, 0};
    MN_CHECK(mn_invoke(&m, arena, sizeof arena, in, out, &st) == MN_OK);
    MN_CHECK(out[0] == 49 && out[1] == -67);

    mn_test("[F-66] the run touches exactly the planned arena");
    MN_CHECK(st.arena_used == 5);

    mn_test("[F-52] the output is clamped to act_max");
    len = dense_blob(40, NULL, NULL);
    MN_CHECK(open_blob(len, &m) == MN_OK && mn_invoke(&m, arena, sizeof arena, in, out, NULL) == MN_OK);
    MN_CHECK(out[0] == 40 && out[1] == -67);

    mn_test("[F-51] a negative shift divides with rounding half away from zero");
    s_rq[1] = s_rq[3] = -1;
    len = dense_blob(127, NULL, NULL);
    MN_CHECK(open_blob(len, &m) == MN_OK && mn_invoke(&m, arena, sizeof arena, in, out, NULL) == MN_OK);
    MN_CHECK(out[0] == 23 && out[1] == -35);
    s_rq[1] = s_rq[3] = 0;

    mn_test("[F-15] an arena smaller than arena_size is refused");
    MN_CHECK(mn_invoke(&m, arena, 4, in, out, NULL) == MN_E_ARENA_TOO_SMALL);

    mn_test("[F-15] an arena at an address that is not a multiple of 4 is refused, by the self-test too");
    static uint8_t wide[8] MN_ARENA_ALIGNED;
    const int8_t expected[2] = {49, -67};
    mn_selftest_t r;
    MN_CHECK(open_blob(dense_blob(127, in, expected), &m) == MN_OK);
    for (uint32_t k = 1; k < 4; k++) {
        MN_CHECK(mn_invoke(&m, wide + k, 5, in, out, NULL) == MN_E_MISALIGNED);
        MN_CHECK(mn_selftest(&m, wide + k, 5, &r, NULL) == MN_E_MISALIGNED);
    }
    MN_CHECK(mn_invoke(&m, wide, 5, in, out, NULL) == MN_OK);
    MN_CHECK(mn_selftest(&m, wide, 5, &r, NULL) == MN_OK && r.pass);
}

static void test_self_test(void) {
    mn_model_t m;
    uint8_t arena[5] MN_ARENA_ALIGNED;
    mn_selftest_t r;
    const int8_t in[3] = {10, -5, 3}, good[2] = {49, -67}, bad[2] = {49, -66};
    mn_test("[F-19] the embedded test vector passes");
    uint32_t len = dense_blob(127, in, good);
    MN_CHECK(open_blob(len, &m) == MN_OK && mn_selftest(&m, arena, sizeof arena, &r, NULL) == MN_OK);
    MN_CHECK(r.pass && r.mismatches == 0 && r.first_mismatch == 0xFFFFFFFFu);
    mn_test("[F-19] a wrong expected output is reported with its first mismatch");
    len = dense_blob(127, in, bad);
    MN_CHECK(open_blob(len, &m) == MN_OK && mn_selftest(&m, arena, sizeof arena, &r, NULL) == MN_OK);
    MN_CHECK(!r.pass && r.mismatches == 1 && r.first_mismatch == 1);
    mn_test("[E404] a blob without a test vector cannot self-test");
    len = dense_blob(127, NULL, NULL);
    MN_CHECK(open_blob(len, &m) == MN_OK && mn_selftest(&m, arena, sizeof arena, &r, NULL) == MN_E_NO_TEST_VECTOR);
}

/* Opens a copy of the dense blob after editing byte `at` (and resealing the CRC when asked). */
static mn_status_t edited2(uint32_t at, uint8_t value, uint32_t at2, uint8_t value2, int reseal) {
    mn_model_t m;
    uint32_t len = dense_blob(127, NULL, NULL);
    s_b.out[at] = value;
    s_b.out[at2] = value2;
    if (reseal) bb_reseal(s_b.out);
    return open_blob(len, &m);
}

/* The Dense blob with its input x [3] made int16 [2] (so it stays inside the 5-byte arena) and zero point zp. */
static mn_status_t int16_input(uint8_t zp) {
    mn_model_t m;
    uint32_t len = dense_blob(127, NULL, NULL);
    s_b.out[64] = 0x16;
    s_b.out[65] = zp;
    s_b.out[66] = 2;
    bb_reseal(s_b.out);
    return open_blob(len, &m);
}

static mn_status_t edited(uint32_t at, uint8_t value, int reseal) { return edited2(at, value, at, value, reseal); }

static void test_header_errors(void) {
    mn_model_t m;
    uint32_t len = dense_blob(127, NULL, NULL);
    mn_test("[F-5] a buffer longer than total_size is accepted; a shorter one is truncated");
    MN_CHECK(open_blob(len + 100, &m) == MN_OK);
    MN_CHECK(open_blob(len - 1, &m) == MN_E_BLOB_TRUNCATED);
    MN_CHECK(open_blob(63, &m) == MN_E_BLOB_TRUNCATED);
    MN_CHECK(mn_model_open(NULL, 0, &m) == MN_E_BLOB_TRUNCATED);
    mn_test("[F-3] a blob at an address that is not a multiple of 4 is refused: its INT32 constants are read in place");
    static uint8_t shifted[BB_MAX_DATA + 4] MN_ARENA_ALIGNED;
    for (uint32_t k = 0; k < 4; k++) {
        memcpy(shifted + k, s_b.out, len);
        MN_CHECK(mn_model_open(shifted + k, len, &m) == (k == 0 ? MN_OK : MN_E_MISALIGNED));
    }
    mn_test("[F-10] [F-11] [F-12] magic, version and header size");
    MN_CHECK(edited(0, 'X', 1) == MN_E_BLOB_MAGIC);
    MN_CHECK(edited(4, 2, 1) == MN_E_BLOB_VERSION);
    MN_CHECK(edited(6, 65, 1) == MN_E_BLOB_HEADER_SIZE);
    mn_test("[F-13] total_size beyond 16 MiB or below the tables");
    MN_CHECK(edited(11, 2, 1) == MN_E_BLOB_TOTAL_SIZE);
    MN_CHECK(edited(8, 100, 0) == MN_E_BLOB_TOTAL_SIZE);
    mn_test("[F-14] any changed byte fails the CRC");
    MN_CHECK(edited(200, 0x55, 0) == MN_E_BLOB_CRC);
    MN_CHECK(edited(12, 0x55, 0) == MN_E_BLOB_CRC);
    mn_test("[F-18] unknown flags");
    MN_CHECK(edited(28, 2, 1) == MN_E_BLOB_FLAGS);
    mn_test("[F-16] tensor and op counts");
    MN_CHECK(edited(21, 0x10, 1) == MN_E_BLOB_TOTAL_SIZE || edited(21, 0x10, 1) == MN_E_BLOB_COUNTS);
    mn_test("[F-15] arena size");
    MN_CHECK(edited(19, 2, 1) == MN_E_BLOB_ARENA_SIZE);
    mn_test("[F-20] the name is 1-24 bytes then NULs");
    MN_CHECK(edited(40, 0, 1) == MN_E_BLOB_NAME);
    MN_CHECK(edited(50, 'x', 1) == MN_E_BLOB_NAME);
}

static void test_table_errors(void) {
    const uint32_t t0 = 64, op0 = 64 + 5 * 16;
    mn_test("[F-30] unknown element types");
    MN_CHECK(edited(t0 + 2 * 16, 0x87, 1) == MN_E_BLOB_TENSOR_TYPE);
    mn_test("[F-31] [F-32] ranks and dims");
    MN_CHECK(edited(t0, 0x41, 1) == MN_E_BLOB_TENSOR_SHAPE);
    MN_CHECK(edited(t0 + 4, 1, 1) == MN_E_BLOB_TENSOR_SHAPE);
    mn_test("[F-33] activations inside the arena, constants aligned inside the data region");
    MN_CHECK(edited(t0 + 8, 3, 1) == MN_E_BLOB_TENSOR_OFFSET);
    MN_CHECK(edited(t0 + 2 * 16 + 8, 0x08, 1) == MN_E_BLOB_TENSOR_OFFSET);
    mn_test("[F-34] scales positive and finite; constants without quantization");
    MN_CHECK(edited(t0 + 15, 0xBC, 1) == MN_E_BLOB_TENSOR_QUANT);
    MN_CHECK(edited(t0 + 15, 0x00, 1) == MN_E_BLOB_TENSOR_QUANT);
    MN_CHECK(edited2(t0 + 14, 0x80, t0 + 15, 0x7F, 1) == MN_E_BLOB_TENSOR_QUANT);
    MN_CHECK(edited2(t0 + 14, 0x7F, t0 + 15, 0x00, 1) == MN_E_BLOB_TENSOR_QUANT);
    MN_CHECK(edited(t0 + 2 * 16 + 1, 1, 1) == MN_E_BLOB_TENSOR_QUANT);
    mn_test("[F-17] input and output are activation tensors");
    MN_CHECK(edited(24, 2, 1) == MN_E_BLOB_IO_TENSOR);
    MN_CHECK(edited(26, 9, 1) == MN_E_BLOB_IO_TENSOR);
    mn_test("[F-78] int16 activations: zero point 0, read only as a Spectrogram's samples");
    MN_CHECK(int16_input(1) == MN_E_BLOB_TENSOR_QUANT);
    MN_CHECK(int16_input(0) == MN_E_BLOB_OP_OPERANDS);
    mn_test("[F-40] unknown op codes");
    MN_CHECK(edited(op0, 0, 1) == MN_E_BLOB_OPCODE);
    MN_CHECK(edited(op0, 17, 1) == MN_E_BLOB_OPCODE);
    MN_CHECK(edited(op0, 99, 1) == MN_E_BLOB_OPCODE);
    mn_test("[F-41] operand counts, kinds and element types");
    MN_CHECK(edited(op0 + 1, 2, 1) == MN_E_BLOB_OP_OPERANDS);
    MN_CHECK(edited(op0 + 4, 2, 1) == MN_E_BLOB_OP_OPERANDS);
    MN_CHECK(edited(op0 + 6, 3, 1) == MN_E_BLOB_OP_OPERANDS);
    MN_CHECK(edited(t0 + 3 * 16, 0x91, 1) == MN_E_BLOB_OP_OPERANDS);
    mn_test("[F-30] Dense reads int4 and ternary weights (fewer bytes for the same shape)");
    MN_CHECK(edited(t0 + 2 * 16, 0xA4, 1) == MN_OK);
    MN_CHECK(edited(t0 + 2 * 16, 0xA5, 1) == MN_OK);
    mn_test("[F-42] act_min <= act_max and unused attributes are zero");
    MN_CHECK(edited2(op0 + 8, 10, op0 + 9, 9, 1) == MN_E_BLOB_OP_ATTRIBUTES);
    MN_CHECK(edited2(op0 + 8, 9, op0 + 9, 9, 1) == MN_OK);
    MN_CHECK(edited(op0 + 10, 1, 1) == MN_E_BLOB_OP_ATTRIBUTES);
}

static void test_constant_errors(void) {
    mn_model_t m;
    mn_test("[F-43] multipliers are non-negative and shifts within [-31, 30]");
    s_rq[0] = -1;
    MN_CHECK(open_blob(dense_blob(127, NULL, NULL), &m) == MN_E_BLOB_CONSTANT_RANGE);
    s_rq[0] = 1 << 30;
    s_rq[3] = 31;
    MN_CHECK(open_blob(dense_blob(127, NULL, NULL), &m) == MN_E_BLOB_CONSTANT_RANGE);
    s_rq[3] = -32;
    MN_CHECK(open_blob(dense_blob(127, NULL, NULL), &m) == MN_E_BLOB_CONSTANT_RANGE);
    s_rq[3] = 0;
    MN_CHECK(open_blob(dense_blob(127, NULL, NULL), &m) == MN_OK);
}

static void test_every_corruption(void) {
    mn_test("every single-byte change, CRC resealed, opens or fails with a 3xx code, and never crashes");
    uint32_t len = dense_blob(127, NULL, NULL);
    static uint8_t copy[BB_MAX_DATA];
    memcpy(copy, s_b.out, len);
    int bad = 0;
    for (uint32_t at = 0; at < len; at++) {
        if (at >= 12 && at < 16) continue;
        for (uint32_t v = 0; v < 256; v += 7) {
            memcpy(s_b.out, copy, len);
            s_b.out[at] = (uint8_t)v;
            bb_reseal(s_b.out);
            mn_model_t m;
            mn_status_t s = open_blob(len, &m);
            if (s == MN_OK) {
                uint8_t arena[64] MN_ARENA_ALIGNED;
                static const int8_t in[64];
                int8_t out[64];
                mn_model_info_t info;
                mn_model_describe(&m, &info);
                if (info.arena_bytes <= sizeof arena && info.input_bytes <= sizeof in && info.output_bytes <= sizeof out) {
                    s = mn_invoke(&m, arena, info.arena_bytes, in, out, NULL);
                }
            }
            if (s != MN_OK && (s < 300 || s > 321)) bad++;
        }
    }
    MN_CHECK(bad == 0);
}

void suite_model(void) {
    test_dense_by_hand();
    test_softmax_overlap();
    test_self_test();
    test_header_errors();
    test_table_errors();
    test_constant_errors();
    test_every_corruption();
}
