/* Spectrogram (F-76), optimized: the same bytes as ops/spectrogram.c with 32-bit arithmetic where the naive
 * kernel uses 64-bit. A twiddle product (c·x − s·y + 2^14) >> 15 is split at bit 15 of x and y, so every
 * product fits int32; the square root finishes in 32 bits once the top of the power has been taken; the
 * bit-reversed order is kept as a running counter; scratch words are loaded and stored as words. */
#include <string.h>

#include "../mn_fast.h"
#include "../mn_ops.h"

#if defined(__GNUC__)
#define MN_ALIGNED4(p) __builtin_assume_aligned((p), 4)
#else
#define MN_ALIGNED4(p) (p)
#endif

static inline int32_t ldw(const uint8_t *p) {
    int32_t v;
    memcpy(&v, MN_ALIGNED4(p), sizeof v);
    return v;
}

static inline void stw(uint8_t *p, int32_t v) { memcpy(MN_ALIGNED4(p), &v, sizeof v); }

/* (c·x + d·y + 2^14) >> 15 for |c|, |d| with c² + d² ≤ 2^30 and |x|, |y| < 2^26: the low 15 bits of x and y
 * give products below 2^30 each (their sum with 2^14 stays below 2^31), the high bits products below 2^27. */
static inline int32_t rot(int32_t c, int32_t x, int32_t d, int32_t y) {
    return (c * (x >> 15) + d * (y >> 15)) + ((c * (x & 0x7FFF) + d * (y & 0x7FFF) + 16384) >> 15);
}

/* floor(sqrt(v)) for v < 2^32, and v − root² in *rem. */
static uint32_t isqrt32(uint32_t v, uint32_t *rem) {
    uint32_t res = 0, bit = 1u << 30;
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
    *rem = v;
    return res;
}

/* floor(sqrt(v)) for v < 2^52: the root of the top 32 bits, then one bit per remaining pair of bits of v,
 * with the remainder (at most twice the root, below 2^27) in 32 bits. */
static uint32_t isqrt52(uint64_t v) {
    uint32_t s = 0;
    while ((v >> (2u * s)) > 0xFFFFFFFFu) s++;
    uint32_t rem;
    uint32_t r = isqrt32((uint32_t)(v >> (2u * s)), &rem);
    while (s-- > 0) {
        rem = (rem << 2) | ((uint32_t)(v >> (2u * s)) & 3u);
        const uint32_t t = (r << 2) | 1u;
        r <<= 1;
        if (rem >= t) {
            rem -= t;
            r |= 1u;
        }
    }
    return r;
}

/* The windowed frame times 2^k, in bit-reversed order, imaginary parts 0; returns k. im[] holds the
 * products p[i] meanwhile. */
static int32_t load_frame(const uint8_t *x, const uint8_t *win, uint32_t len, uint32_t n, uint8_t *re,
                          uint8_t *im) {
    uint32_t max = 0;
    for (uint32_t i = 0; i < len; i++) {
        const int32_t p = (int32_t)(int16_t)mn_rd16(x + 2u * i) * (int32_t)mn_rd16(win + 2u * i);
        stw(im + 4u * i, p);
        const uint32_t a = p < 0 ? (uint32_t)0 - (uint32_t)p : (uint32_t)p;
        if (a > max) max = a;
    }
    uint32_t k = 0;
    while (k < 15u && ((uint64_t)max << (k + 1u)) <= (1u << 30)) k++;
    const int32_t scale = (int32_t)1 << k;
    /* j runs through the bit reversals of i; values are written to re[j] before im[] is cleared. */
    for (uint32_t i = 0, j = 0; i < n; i++) {
        stw(re + 4u * j, i < len ? (ldw(im + 4u * i) * scale + 16384) >> 15 : 0);
        uint32_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
    }
    memset(im, 0, 4u * n);
    return (int32_t)k;
}

static void fft(uint8_t *re, uint8_t *im, const uint8_t *tw, uint32_t n) {
    for (uint32_t len = 2; len <= n; len <<= 1) {
        const uint32_t half = len >> 1, stride = 4u * (n / len);
        for (uint32_t j = 0; j < half; j++) {
            const int32_t w = mn_rd_i32_aligned(tw + j * stride);
            const int32_t c = (int16_t)(w & 0xFFFF), s = (int16_t)((uint32_t)w >> 16);
            for (uint32_t a = 4u * j; a < 4u * n; a += 4u * len) {
                const uint32_t b = a + 4u * half;
                const int32_t br = ldw(re + b), bi = ldw(im + b);
                const int32_t tr = rot(c, br, -s, bi), ti = rot(c, bi, s, br);
                const int32_t ar = ldw(re + a), ai = ldw(im + a);
                stw(re + a, ar + tr);
                stw(im + a, ai + ti);
                stw(re + b, ar - tr);
                stw(im + b, ai - ti);
            }
        }
    }
}

void mn_spectrogram_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const uint8_t *x = arena + op->in[0].offset, *win = blob + op->k[0].offset, *tw = blob + op->k[1].offset;
    uint8_t *re = arena + op->in[1].offset;
    const uint32_t n = 2u * op->k[1].dim[0], len = op->k[0].dim[0], step = mn_spectrogram_step(op);
    uint8_t *im = re + 4u * n;
    const uint32_t frames = op->out.dim[0], mels = op->out.dim[1];
    int8_t *y = (int8_t *)(arena + op->out.offset);
    for (uint32_t f = 0; f < frames; f++) {
        const int32_t k = load_frame(x + 2u * f * step, win, len, n, re, im);
        fft(re, im, tw, n);
        for (uint32_t q = 0; q <= n / 2u; q++) {
            const int64_t r = ldw(re + 4u * q), i = ldw(im + 4u * q);
            stw(re + 4u * q, (int32_t)isqrt52((uint64_t)(r * r + i * i)));
        }
        mn_spectrogram_mel(op, blob, re, k, y + f * mels);
    }
}
