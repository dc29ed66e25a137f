#include "mn_le.h"

#include <string.h>

void mn_le_init(mn_le_t *w, uint8_t *buf, size_t cap) {
    w->buf = buf;
    w->len = 0;
    w->cap = cap;
    w->overflow = 0;
}

void mn_le_bytes(mn_le_t *w, const void *data, size_t len) {
    if (w->overflow || len > w->cap - w->len) {
        w->overflow = 1;
        return;
    }
    if (len > 0) memcpy(w->buf + w->len, data, len);
    w->len += len;
}

void mn_le_u8(mn_le_t *w, uint32_t v) {
    uint8_t b = (uint8_t)v;
    mn_le_bytes(w, &b, 1);
}

void mn_le_u16(mn_le_t *w, uint32_t v) {
    uint8_t b[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    mn_le_bytes(w, b, 2);
}

void mn_le_u32(mn_le_t *w, uint32_t v) {
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    mn_le_bytes(w, b, 4);
}

void mn_le_str(mn_le_t *w, const char *s, size_t len) {
    if (s == NULL) len = 0;
    if (len > 255) len = 255;
    mn_le_u8(w, (uint32_t)len);
    mn_le_bytes(w, s, len);
}

uint16_t mn_le_get_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

uint32_t mn_le_get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
