/* Standard base64 (RFC 4648 alphabet, '=' padding), strict on decode. Internal to the protocol module. */
#ifndef MN_BASE64_H
#define MN_BASE64_H

#include <stddef.h>
#include <stdint.h>

#define MN_BASE64_LEN(n) ((((n) + 2u) / 3u) * 4u)

/* Writes MN_BASE64_LEN(len) characters (no terminator). */
void mn_base64_encode(const uint8_t *in, size_t len, char *out);

/* Decodes exactly n characters into out (capacity cap). Returns the byte count, or -1 when the text is not
 * canonical base64 (bad length, character, padding or non-zero padding bits) or does not fit. */
long mn_base64_decode(const char *in, size_t n, uint8_t *out, size_t cap);

#endif
