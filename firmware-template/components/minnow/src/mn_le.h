/* Little-endian payload building and reading for protocol messages (P-10). Bounds are checked once by the
 * caller through the cursor's capacity; a write past it sets the overflow flag instead of writing. */
#ifndef MN_LE_H
#define MN_LE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint8_t *buf;
    size_t len;
    size_t cap;
    int overflow;
} mn_le_t;

void mn_le_init(mn_le_t *w, uint8_t *buf, size_t cap);
void mn_le_u8(mn_le_t *w, uint32_t v);
void mn_le_u16(mn_le_t *w, uint32_t v);
void mn_le_u32(mn_le_t *w, uint32_t v);
void mn_le_bytes(mn_le_t *w, const void *data, size_t len);
/* A string as u8 length + bytes; longer strings are cut at 255 bytes. */
void mn_le_str(mn_le_t *w, const char *s, size_t len);

uint16_t mn_le_get_u16(const uint8_t *p);
uint32_t mn_le_get_u32(const uint8_t *p);

#endif
