/*
 * Serial frames (docs/PROTOCOL.md, P-2 … P-6): one printable line per message,
 *   @MN<version> <seq> <kind> <len> <base64 payload or -> <crc32 as 8 hex digits>
 * found anywhere in a byte stream that may also carry log text.
 */
#ifndef MN_FRAME_H
#define MN_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "mn_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MN_FRAME_MARKER "@MN"
#define MN_FRAME_MAX_PAYLOAD 1024u
#define MN_FRAME_MAX_KIND 12u
/* Marker, 5-digit version, seq and len, kind, base64 payload, crc, 5 spaces and CR LF. */
#define MN_FRAME_MAX_TEXT (3u + 5u + 1u + 5u + 1u + MN_FRAME_MAX_KIND + 1u + 5u + 1u + \
                           ((MN_FRAME_MAX_PAYLOAD + 2u) / 3u) * 4u + 1u + 8u + 2u)

typedef struct {
    uint16_t version;
    uint16_t seq;
    char kind[MN_FRAME_MAX_KIND + 1u];
    uint16_t len;
    uint8_t payload[MN_FRAME_MAX_PAYLOAD];
} mn_frame_t;

/* Writes the frame text, CR LF included, into out. Returns its length, or 0 when the kind is not 1-12
 * lowercase letters, the payload exceeds MN_FRAME_MAX_PAYLOAD or cap is too small. No terminator is written. */
size_t mn_frame_encode(uint16_t version, uint16_t seq, const char *kind, const uint8_t *payload, size_t len,
                       char *out, size_t cap);

/* Parses exactly n characters that start with the marker and end with the crc (no line ending).
 * Returns MN_OK or MN_E_PROTO_FRAME. */
mn_status_t mn_frame_decode(const char *text, size_t n, mn_frame_t *frame);

/* Finds frames in a byte stream, one byte at a time, without needing line endings (P-5). */
typedef struct {
    char text[MN_FRAME_MAX_TEXT];
    size_t len;      /* characters collected, marker included */
    uint8_t matched; /* marker characters matched while searching */
    uint8_t spaces;  /* field separators seen */
    uint8_t hex;     /* crc digits seen after the fifth space */
} mn_frame_rx_t;

void mn_frame_rx_init(mn_frame_rx_t *rx);

/* Returns 1 when byte completes a frame candidate: rx->text holds rx->len characters to pass to
 * mn_frame_decode. The scanner resets itself on the next push. */
int mn_frame_rx_push(mn_frame_rx_t *rx, uint8_t byte);

#ifdef __cplusplus
}
#endif

#endif
