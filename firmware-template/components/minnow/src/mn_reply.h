/* Reply frames with an explicit seq, shared by the request handlers and the sensor stream, which answers
 * an earlier request (P-19) while other requests come and go. */
#ifndef MN_REPLY_H
#define MN_REPLY_H

#include <stddef.h>
#include <stdint.h>

#include "mn_server.h"

void mn_reply_send(mn_server_t *s, uint16_t seq, const char *kind, const uint8_t *payload, size_t len);
/* P-15 `err`: the code, then "<NAME>: detail". */
void mn_reply_err(mn_server_t *s, uint16_t seq, mn_status_t code, const char *detail);

/* P-19 `imu`: checks the request, starts the sensor and the stream (or answers err). */
void mn_stream_start(mn_server_t *s);
/* Sends the samples taken and the final `imu` reply, and ends the stream. */
void mn_stream_end(mn_server_t *s);

#endif
