#include "mn_base64.h"

static const char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void mn_base64_encode(const uint8_t *in, size_t len, char *out) {
    size_t i = 0;
    for (; i + 3 <= len; i += 3, out += 4) {
        uint32_t v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8) | in[i + 2];
        out[0] = k_alphabet[(v >> 18) & 63u];
        out[1] = k_alphabet[(v >> 12) & 63u];
        out[2] = k_alphabet[(v >> 6) & 63u];
        out[3] = k_alphabet[v & 63u];
    }
    if (i < len) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < len) v |= (uint32_t)in[i + 1] << 8;
        out[0] = k_alphabet[(v >> 18) & 63u];
        out[1] = k_alphabet[(v >> 12) & 63u];
        out[2] = i + 1 < len ? k_alphabet[(v >> 6) & 63u] : '=';
        out[3] = '=';
    }
}

static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

long mn_base64_decode(const char *in, size_t n, uint8_t *out, size_t cap) {
    if (n % 4u != 0) return -1;
    size_t pad = 0;
    if (n > 0 && in[n - 1] == '=') pad = (n > 1 && in[n - 2] == '=') ? 2 : 1;
    size_t bytes = n / 4u * 3u - pad;
    if (bytes > cap) return -1;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        int last = i + 4 == n;
        int s[4];
        for (int k = 0; k < 4; k++) {
            int is_pad = last && k >= 4 - (int)pad;
            s[k] = is_pad ? 0 : sextet(in[i + (size_t)k]);
            if (s[k] < 0) return -1;
        }
        uint32_t v = ((uint32_t)s[0] << 18) | ((uint32_t)s[1] << 12) | ((uint32_t)s[2] << 6) | (uint32_t)s[3];
        /* Canonical form only: the bits a padded quantum drops must be zero. */
        if (last && pad == 2 && (v & 0xFFFFu) != 0) return -1;
        if (last && pad == 1 && (v & 0xFFu) != 0) return -1;
        out[o++] = (uint8_t)(v >> 16);
        if (o < bytes) out[o++] = (uint8_t)(v >> 8);
        if (o < bytes) out[o++] = (uint8_t)v;
    }
    return (long)o;
}
