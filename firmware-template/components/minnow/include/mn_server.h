/*
 * The board side of docs/PROTOCOL.md: turns request frames found in the console byte stream into calls on
 * the interpreter and writes reply frames. Platform glue supplies the byte sink and board facts.
 */
#ifndef MN_SERVER_H
#define MN_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "minnow.h"
#include "mn_frame.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MN_PROTOCOL_VERSION 1u
/* Per-step cycle counts a run reports; longer models report the first MN_SERVER_MAX_PROFILE steps. */
#define MN_SERVER_MAX_PROFILE 256u
/* Samples one `smp` frame carries at most (P-19): 64 × 12 bytes after its 9-byte head. */
#define MN_SERVER_MAX_BATCH 64u

typedef struct {
    const char *chip;            /* ESP-IDF target name ("esp32c3"), or "host" */
    uint32_t free_heap;          /* bytes */
    uint32_t largest_free_block; /* bytes: the largest arena the board could allocate now */
    uint32_t partition_bytes;    /* capacity of the model partition, 0 when it is missing */
    uint32_t cpu_mhz;            /* the clock the CPU runs at now, 0 when unknown */
    const char *flavour;         /* firmware flavour: "esp-idf", "bare-metal" or "host"; NULL reads as "" */
    const char *console;         /* where the protocol answers: "uart0", "usb-serial-jtag", "stdio"; NULL = "" */
} mn_board_info_t;

typedef struct {
    /* Writes text to the console. Called once per frame with the whole frame. */
    void (*write)(void *ctx, const char *text, size_t len);
    /* Fills the board facts for info and hello replies. */
    void (*board_info)(void *ctx, mn_board_info_t *info);
    void *ctx;
} mn_server_io_t;

/* A sensor stream in progress (P-19): its request, its schedule and the samples not yet sent. */
typedef struct {
    int active;
    uint16_t seq;     /* of the `imu` request: every frame of the stream carries it */
    uint8_t address;
    uint32_t period_us;
    uint32_t max;     /* samples to send, 0 = until stopped */
    uint32_t batch;   /* samples per `smp` frame */
    uint32_t taken, late;
    uint64_t due_us, first_us, last_us;
    int started;      /* the first poll sets the clock */
    uint32_t pending; /* samples in `samples` */
    uint32_t pending_us;
    int16_t samples[MN_SERVER_MAX_BATCH][6];
} mn_stream_t;

typedef struct {
    mn_server_io_t io;
    const mn_model_t *model; /* set when the partition holds a valid blob */
    mn_status_t model_status; /* MN_OK when model and arena are ready, else why not */
    uint8_t *arena;
    size_t arena_len;
    mn_frame_rx_t rx;
    mn_frame_t request;
    uint8_t reply[MN_FRAME_MAX_PAYLOAD];
    char text[MN_FRAME_MAX_TEXT];
    uint32_t step_cycles[MN_SERVER_MAX_PROFILE];
    mn_stream_t stream;
} mn_server_t;

/* model may be NULL (model_status then says why); arena may be NULL when it could not be allocated. */
void mn_server_init(mn_server_t *server, const mn_server_io_t *io, const mn_model_t *model,
                    mn_status_t model_status, uint8_t *arena, size_t arena_len);

/* Announces the board after a reset (P-9). */
void mn_server_hello(mn_server_t *server);

/* Consumes console bytes; every complete request is answered before this returns. */
void mn_server_feed(mn_server_t *server, const uint8_t *bytes, size_t len);

/* Takes the samples of a sensor stream (P-19) that are due at `now_us` (a microsecond clock of the platform)
 * and sends them. The platform's loop calls it between reads, at least as often as the fastest rate it
 * serves; it does nothing when no stream runs. Returns 1 while a stream runs (the loop should not block). */
int mn_server_poll(mn_server_t *server, uint64_t now_us);

#ifdef __cplusplus
}
#endif

#endif
