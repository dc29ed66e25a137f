#include "mn_frame.h"

#include <string.h>

#include "mn_base64.h"
#include "mn_crc32.h"

static const char k_hex[] = "0123456789abcdef";

static size_t put_uint(char *out, uint32_t v) {
    char tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

static int valid_kind(const char *kind, size_t *n) {
    size_t i = 0;
    while (kind[i] != '\0') {
        if (i >= MN_FRAME_MAX_KIND || kind[i] < 'a' || kind[i] > 'z') return 0;
        i++;
    }
    *n = i;
    return i > 0;
}

size_t mn_frame_encode(uint16_t version, uint16_t seq, const char *kind, const uint8_t *payload, size_t len,
                       char *out, size_t cap) {
    size_t kind_len = 0;
    if (!valid_kind(kind, &kind_len) || len > MN_FRAME_MAX_PAYLOAD) return 0;
    size_t body = len == 0 ? 1u : MN_BASE64_LEN(len);
    if (cap < 3u + 5u + 1u + 5u + 1u + kind_len + 1u + 5u + 1u + body + 1u + 8u + 2u) return 0;
    size_t n = 0;
    memcpy(out, MN_FRAME_MARKER, 3);
    n = 3;
    n += put_uint(out + n, version);
    out[n++] = ' ';
    n += put_uint(out + n, seq);
    out[n++] = ' ';
    memcpy(out + n, kind, kind_len);
    n += kind_len;
    out[n++] = ' ';
    n += put_uint(out + n, (uint32_t)len);
    out[n++] = ' ';
    if (len == 0) {
        out[n++] = '-';
    } else {
        mn_base64_encode(payload, len, out + n);
        n += MN_BASE64_LEN(len);
    }
    out[n++] = ' ';
    uint32_t crc = mn_crc32(0, out, n);
    for (int shift = 28; shift >= 0; shift -= 4) out[n++] = k_hex[(crc >> shift) & 15u];
    out[n++] = '\r';
    out[n++] = '\n';
    return n;
}

/* Parses a decimal field of 1-5 digits into *v (at most 65535), advancing *p past it. */
static int take_u16(const char **p, const char *end, uint16_t *v) {
    uint32_t acc = 0;
    size_t digits = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (++digits > 5) return 0;
        acc = acc * 10u + (uint32_t)(**p - '0');
        (*p)++;
    }
    if (digits == 0 || acc > 0xFFFFu) return 0;
    *v = (uint16_t)acc;
    return 1;
}

static int take_space(const char **p, const char *end) {
    if (*p >= end || **p != ' ') return 0;
    (*p)++;
    return 1;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

mn_status_t mn_frame_decode(const char *text, size_t n, mn_frame_t *f) {
    const char *p = text, *end = text + n;
    if (n < 3 + 8 || memcmp(p, MN_FRAME_MARKER, 3) != 0) return MN_E_PROTO_FRAME;
    p += 3;
    if (!take_u16(&p, end, &f->version) || !take_space(&p, end)) return MN_E_PROTO_FRAME;
    if (!take_u16(&p, end, &f->seq) || !take_space(&p, end)) return MN_E_PROTO_FRAME;
    size_t k = 0;
    while (p < end && *p >= 'a' && *p <= 'z' && k < MN_FRAME_MAX_KIND) f->kind[k++] = *p++;
    f->kind[k] = '\0';
    if (k == 0 || !take_space(&p, end)) return MN_E_PROTO_FRAME;
    if (!take_u16(&p, end, &f->len) || f->len > MN_FRAME_MAX_PAYLOAD || !take_space(&p, end)) {
        return MN_E_PROTO_FRAME;
    }
    const char *body = p;
    while (p < end && *p != ' ') p++;
    size_t body_len = (size_t)(p - body);
    if (!take_space(&p, end) || end - p != 8) return MN_E_PROTO_FRAME;
    if (f->len == 0) {
        if (body_len != 1 || body[0] != '-') return MN_E_PROTO_FRAME;
    } else if (body_len != MN_BASE64_LEN(f->len) ||
               mn_base64_decode(body, body_len, f->payload, sizeof f->payload) != (long)f->len) {
        return MN_E_PROTO_FRAME;
    }
    uint32_t want = 0;
    for (int i = 0; i < 8; i++) {
        int h = hex_value(p[i]);
        if (h < 0) return MN_E_PROTO_FRAME;
        want = (want << 4) | (uint32_t)h;
    }
    return mn_crc32(0, text, (size_t)(p - text)) == want ? MN_OK : MN_E_PROTO_FRAME;
}

void mn_frame_rx_init(mn_frame_rx_t *rx) {
    rx->len = 0;
    rx->matched = 0;
    rx->spaces = 0;
    rx->hex = 0;
}

static int frame_char(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=' || c == '-' || c == ' ';
}

/* Advances the marker search by one byte; '@' always (re)starts a match, so "@@MN" is found. */
static void search(mn_frame_rx_t *rx, uint8_t c) {
    if (c == (uint8_t)MN_FRAME_MARKER[rx->matched]) {
        rx->matched++;
    } else {
        rx->matched = c == (uint8_t)MN_FRAME_MARKER[0] ? 1u : 0u;
    }
    if (rx->matched == 3) {
        memcpy(rx->text, MN_FRAME_MARKER, 3);
        rx->len = 3;
        rx->matched = 0;
        rx->spaces = 0;
        rx->hex = 0;
    }
}

int mn_frame_rx_push(mn_frame_rx_t *rx, uint8_t c) {
    if (rx->len == 0 || rx->hex == 8) {
        if (rx->hex == 8) mn_frame_rx_init(rx);
        search(rx, c);
        return 0;
    }
    /* Collecting: any byte a frame cannot hold (a line end, a log's punctuation, a new marker's '@')
     * abandons the candidate; a truncated frame therefore never swallows the next one. */
    if (!frame_char(c) || rx->len >= sizeof rx->text || (c == ' ' && rx->spaces == 5)) {
        mn_frame_rx_init(rx);
        search(rx, c);
        return 0;
    }
    rx->text[rx->len++] = (char)c;
    if (c == ' ') {
        rx->spaces++;
    } else if (rx->spaces == 5) {
        rx->hex++;
    }
    return rx->hex == 8;
}
