/* Spectrogram (opcode 16), docs/FORMAT.md F-76: int16 audio X [N] to int8 log-mel features Y [F, M]. Per
 * frame: window (Q15), block exponent, radix-2 FFT with Q15 twiddles rounded after each product, magnitude
 * by integer square root, triangular mel sums, log2 from 33 knots. The FFT works in the scratch input S
 * (n int32 real parts, then n imaginary parts) in the arena; the tables are constants in the blob. */
#include <string.h>

#include "../mn_ops.h"

#define MN_MAX_FFT 1024u

/* G[i] = round(32768 · log2(1 + i/32)), i ≤ 32 (F-76); src/core/reference/spectrogram-math.ts holds the same. */
static const int32_t k_log2_knots[33] = {
    0,     1455,  2866,  4236,  5568,  6863,  8124,  9352,  10549, 11716, 12855,
    13968, 15055, 16117, 17156, 18173, 19168, 20143, 21098, 22034, 22952, 23852,
    24736, 25604, 26455, 27292, 28114, 28922, 29717, 30498, 31267, 32024, 32768};

uint32_t mn_spectrogram_step(const mn_op_t *op) { return (uint32_t)op->attr[0] | ((uint32_t)op->attr[1] << 8); }

mn_status_t mn_spectrogram_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    return mn_spectrogram_step(op) >= 1u ? MN_OK : MN_E_BLOB_OP_ATTRIBUTES;
}

mn_status_t mn_spectrogram_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *s = &op->in[1], *win = &op->k[0], *tw = &op->k[1], *mr = &op->k[2];
    const uint32_t n = 2u * tw->dim[0], len = win->dim[0], samples = x->dim[0];
    if (n < 2u || n > MN_MAX_FFT || (n & (n - 1u)) != 0 || tw->dim[1] != 2u) return MN_E_BLOB_OP_SHAPE;
    if (len > n || len > samples) return MN_E_BLOB_OP_SHAPE;
    if (!mn_is_shape(s, 1, 8u * n, 0, 0, 0) || s->offset % 4u != 0) return MN_E_BLOB_OP_SHAPE;
    const uint32_t frames = 1u + (samples - len) / mn_spectrogram_step(op);
    if (mr->dim[1] != 2u || !mn_is_shape(&op->out, 2, frames, mr->dim[0], 0, 0)) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

mn_status_t mn_spectrogram_values(const mn_op_t *op, const uint8_t *blob) {
    const uint8_t *win = blob + op->k[0].offset, *tw = blob + op->k[1].offset;
    const uint8_t *mr = blob + op->k[2].offset, *mw = blob + op->k[3].offset;
    for (uint32_t i = 0; i < op->k[0].count; i++) {
        if (mn_rd16(win + 2u * i) > 32768u) return MN_E_BLOB_CONSTANT_RANGE;
    }
    for (uint32_t i = 0; i < op->k[3].count; i++) {
        if (mn_rd16(mw + 2u * i) > 32768u) return MN_E_BLOB_CONSTANT_RANGE;
    }
    for (uint32_t j = 0; j < op->k[1].dim[0]; j++) {
        const int32_t c = (int16_t)mn_rd16(tw + 4u * j), s = (int16_t)mn_rd16(tw + 4u * j + 2u);
        if ((uint32_t)(c * c) + (uint32_t)(s * s) > (1u << 30)) return MN_E_BLOB_CONSTANT_RANGE; /* each ≤ 2^30 */
    }
    const uint32_t bins = op->k[1].dim[0] + 1u; /* n/2 + 1 */
    uint32_t total = 0;
    for (uint32_t m = 0; m < op->k[2].dim[0]; m++) {
        const uint32_t start = mn_rd16(mr + 4u * m), count = mn_rd16(mr + 4u * m + 2u);
        if (start + count > bins) return MN_E_BLOB_CONSTANT_RANGE;
        total += count;
    }
    return total == op->k[3].count ? MN_OK : MN_E_BLOB_CONSTANT_RANGE;
}

/* The scratch buffer is arena bytes: words are moved with memcpy (one load or store when aligned). */
static inline int32_t ld(const uint8_t *p) {
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void st(uint8_t *p, int32_t v) { memcpy(p, &v, sizeof v); }

/* (a + 2^14) >> 15 with an arithmetic shift (floor), on a 64-bit product sum. */
static inline int32_t round_shift15(int64_t a) {
    int64_t v = a + 16384;
    return (int32_t)(v >= 0 ? v >> 15 : -((-v + 32767) >> 15));
}

/* floor(sqrt(v)), bit by bit. */
static uint32_t isqrt64(uint64_t v) {
    uint64_t res = 0, bit = (uint64_t)1 << 62;
    while (bit > v) bit >>= 2;
    while (bit != 0) {
        if (v >= res + bit) {
            v -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    return (uint32_t)res;
}

/* log2(v) in Q15 for 1 ≤ v < 2^50 (F-76). */
int32_t mn_spectrogram_log2q(uint64_t v) {
    int32_t e = 0;
    while (e < 63 && (v >> (e + 1)) != 0) e++;
    const uint32_t u = (uint32_t)((e >= 16 ? v >> (e - 16) : v << (16 - e)) - 65536u);
    const uint32_t i = u >> 11;
    const int32_t g = k_log2_knots[i], next = k_log2_knots[i + 1];
    return 32768 * e + g + (((next - g) * (int32_t)(u & 2047u) + 1024) >> 11);
}

static uint32_t reverse_bits(uint32_t i, uint32_t bits) {
    uint32_t r = 0;
    for (uint32_t b = 0; b < bits; b++) r |= ((i >> b) & 1u) << (bits - 1u - b);
    return r;
}

/* The windowed frame, shifted up by the block exponent k, into re[] in bit-reversed order; im[] cleared. */
static uint32_t load_frame(const uint8_t *x, const uint8_t *win, uint32_t len, uint32_t n, uint32_t bits,
                           uint8_t *re, uint8_t *im) {
    uint32_t max = 0;
    for (uint32_t i = 0; i < len; i++) {
        const int32_t p = (int32_t)(int16_t)mn_rd16(x + 2u * i) * (int32_t)mn_rd16(win + 2u * i);
        const uint32_t a = p < 0 ? (uint32_t)0 - (uint32_t)p : (uint32_t)p;
        if (a > max) max = a;
    }
    uint32_t k = 0;
    while (k < 15u && ((uint64_t)max << (k + 1u)) <= (1u << 30)) k++;
    for (uint32_t i = 0; i < n; i++) {
        int32_t v = 0;
        if (i < len) {
            const int32_t p = (int32_t)(int16_t)mn_rd16(x + 2u * i) * (int32_t)mn_rd16(win + 2u * i);
            v = round_shift15((int64_t)p * ((int64_t)1 << k));
        }
        const uint32_t r = reverse_bits(i, bits);
        st(re + 4u * r, v);
        st(im + 4u * r, 0);
    }
    return k;
}

static void fft(uint8_t *re, uint8_t *im, const uint8_t *tw, uint32_t n) {
    for (uint32_t len = 2; len <= n; len <<= 1) {
        const uint32_t half = len >> 1, stride = n / len;
        for (uint32_t start = 0; start < n; start += len) {
            for (uint32_t j = 0; j < half; j++) {
                const int64_t c = (int16_t)mn_rd16(tw + 4u * j * stride), s = (int16_t)mn_rd16(tw + 4u * j * stride + 2u);
                const uint32_t a = 4u * (start + j), b = a + 4u * half;
                const int64_t br = ld(re + b), bi = ld(im + b);
                const int32_t tr = round_shift15(c * br - s * bi), ti = round_shift15(c * bi + s * br);
                const int32_t ar = ld(re + a), ai = ld(im + a);
                st(re + a, ar + tr);
                st(im + a, ai + ti);
                st(re + b, ar - tr);
                st(im + b, ai - ti);
            }
        }
    }
}

void mn_spectrogram_mel(const mn_op_t *op, const uint8_t *blob, const uint8_t *mag, int32_t k, int8_t *y) {
    const uint8_t *mr = blob + op->k[2].offset, *mw = blob + op->k[3].offset;
    uint32_t o = 0;
    for (uint32_t m = 0; m < op->out.dim[1]; m++) {
        const uint32_t start = mn_rd16(mr + 4u * m), count = mn_rd16(mr + 4u * m + 2u);
        uint64_t e = 0;
        for (uint32_t j = 0; j < count; j++) {
            e += (uint64_t)(uint32_t)ld(mag + 4u * (start + j)) * mn_rd16(mw + 2u * (o + j));
        }
        o += count;
        int32_t v = op->act_min;
        if (e != 0) {
            const int32_t l = mn_spectrogram_log2q(e) - 32768 * k - 24 * 32768 + 2048;
            v = l >= 0 ? l >> 12 : -((-l + 4095) >> 12);
            if (v < op->act_min) v = op->act_min;
            if (v > op->act_max) v = op->act_max;
        }
        y[m] = (int8_t)v;
    }
}

void mn_spectrogram_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const uint8_t *x = arena + op->in[0].offset, *win = blob + op->k[0].offset, *tw = blob + op->k[1].offset;
    uint8_t *re = arena + op->in[1].offset;
    const uint32_t n = 2u * op->k[1].dim[0], len = op->k[0].dim[0], step = mn_spectrogram_step(op);
    uint8_t *im = re + 4u * n;
    uint32_t bits = 0;
    while ((1u << bits) < n) bits++;
    const uint32_t frames = op->out.dim[0], mels = op->out.dim[1];
    int8_t *y = (int8_t *)(arena + op->out.offset);
    for (uint32_t f = 0; f < frames; f++) {
        const int32_t k = (int32_t)load_frame(x + 2u * f * step, win, len, n, bits, re, im);
        fft(re, im, tw, n);
        /* Magnitudes of bins 0 … n/2 replace their real parts. */
        for (uint32_t q = 0; q <= n / 2u; q++) {
            const int64_t r = ld(re + 4u * q), i = ld(im + 4u * q);
            st(re + 4u * q, (int32_t)isqrt64((uint64_t)(r * r + i * i)));
        }
        mn_spectrogram_mel(op, blob, re, k, y + f * mels);
    }
}
