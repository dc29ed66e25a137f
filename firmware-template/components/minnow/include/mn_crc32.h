#ifndef MN_CRC32_H
#define MN_CRC32_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* CRC-32 as in zlib/PNG (reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF).
 * Chain calls by passing the previous result as crc; start with 0. */
uint32_t mn_crc32(uint32_t crc, const void *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
