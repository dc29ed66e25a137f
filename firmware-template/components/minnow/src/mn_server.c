#include "mn_server.h"

#include <stdio.h>
#include <string.h>

#include "mn_le.h"
#include "mn_port.h"
#include "mn_reply.h"

/* Payload bytes an out frame carries after its u32 offset. */
#define MN_CHUNK (MN_FRAME_MAX_PAYLOAD - 4u)

void mn_server_init(mn_server_t *s, const mn_server_io_t *io, const mn_model_t *model, mn_status_t model_status,
                    uint8_t *arena, size_t arena_len) {
    memset(s, 0, sizeof *s);
    s->io = *io;
    s->model = model;
    s->model_status = model == NULL && model_status == MN_OK ? MN_E_NO_MODEL : model_status;
    s->arena = arena;
    s->arena_len = arena_len;
    mn_frame_rx_init(&s->rx);
}

void mn_reply_send(mn_server_t *s, uint16_t seq, const char *kind, const uint8_t *payload, size_t len) {
    size_t n = mn_frame_encode(MN_PROTOCOL_VERSION, seq, kind, payload, len, s->text, sizeof s->text);
    if (n > 0) s->io.write(s->io.ctx, s->text, n);
}

static void send(mn_server_t *s, const char *kind, const uint8_t *payload, size_t len) {
    mn_reply_send(s, s->request.seq, kind, payload, len);
}

/* P-15: code, then a readable message naming the catalog entry. */
void mn_reply_err(mn_server_t *s, uint16_t seq, mn_status_t code, const char *detail) {
    char msg[160];
    int n = snprintf(msg, sizeof msg, "%s: %s", mn_status_name(code), detail);
    size_t len = n < 0 ? 0u : (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1u;
    mn_le_t w;
    mn_le_init(&w, s->reply, sizeof s->reply);
    mn_le_u16(&w, (uint32_t)code);
    mn_le_bytes(&w, msg, len);
    mn_reply_send(s, seq, "err", s->reply, w.len);
}

static void send_err(mn_server_t *s, mn_status_t code, const char *detail) {
    mn_reply_err(s, s->request.seq, code, detail);
}

static void write_text(mn_le_t *w, const char *text) {
    mn_le_str(w, text, text != NULL ? strlen(text) : 0u);
}

static void write_info(mn_server_t *s, mn_le_t *w) {
    mn_board_info_t board = {"unknown", 0, 0, 0, 0, NULL, NULL};
    if (s->io.board_info != NULL) s->io.board_info(s->io.ctx, &board);
    mn_model_info_t m;
    memset(&m, 0, sizeof m);
    if (s->model != NULL) mn_model_describe(s->model, &m);
    mn_le_u16(w, MN_PROTOCOL_VERSION);
    mn_le_u8(w, MN_VERSION_MAJOR);
    mn_le_u8(w, MN_VERSION_MINOR);
    mn_le_u8(w, MN_VERSION_PATCH);
    mn_le_u8(w, 0);
    mn_le_u16(w, mn_blob_version_min());
    mn_le_u16(w, mn_blob_version_max());
    mn_le_u32(w, board.free_heap);
    mn_le_u32(w, board.largest_free_block);
    mn_le_u32(w, board.partition_bytes);
    mn_le_u32(w, board.cpu_mhz);
    mn_le_u16(w, (uint32_t)s->model_status);
    mn_le_u8(w, s->model != NULL);
    mn_le_u16(w, m.version);
    mn_le_u32(w, m.blob_bytes);
    mn_le_u32(w, m.crc);
    mn_le_u32(w, m.arena_bytes);
    mn_le_u32(w, m.input_bytes);
    mn_le_u32(w, m.output_bytes);
    mn_le_u32(w, m.steps);
    mn_le_u8(w, (uint32_t)m.has_test_vector);
    write_text(w, board.chip);
    const char *unit = mn_port_cycle_unit();
    mn_le_str(w, unit, strlen(unit));
    mn_le_str(w, m.name, m.name_len);
    write_text(w, board.flavour);
    write_text(w, board.console);
}

static void send_info(mn_server_t *s, const char *kind) {
    mn_le_t w;
    mn_le_init(&w, s->reply, sizeof s->reply);
    write_info(s, &w);
    send(s, kind, s->reply, w.len);
}

void mn_server_hello(mn_server_t *s) {
    s->request.seq = 0;
    send_info(s, "hello");
}

/* Checks that a run-like request can execute; answers with err when not. */
static int ready(mn_server_t *s) {
    char detail[96];
    if (s->model == NULL) {
        snprintf(detail, sizeof detail, "no valid model in the partition (E%d)", (int)s->model_status);
        send_err(s, MN_E_NO_MODEL, detail);
        return 0;
    }
    if (s->arena == NULL) {
        mn_model_info_t m;
        mn_model_describe(s->model, &m);
        snprintf(detail, sizeof detail, "the %lu-byte arena could not be allocated", (unsigned long)m.arena_bytes);
        send_err(s, MN_E_NO_ARENA, detail);
        return 0;
    }
    return 1;
}

static void send_stats_and_finish(mn_server_t *s, const char *kind, const mn_stats_t *st, const uint8_t *head,
                                  size_t head_len) {
    mn_model_info_t m;
    mn_model_describe(s->model, &m);
    uint32_t profiled = m.steps < MN_SERVER_MAX_PROFILE ? m.steps : MN_SERVER_MAX_PROFILE;
    for (uint32_t first = 0; first < profiled;) {
        mn_le_t w;
        mn_le_init(&w, s->reply, sizeof s->reply);
        mn_le_u16(&w, first);
        for (; first < profiled && w.len + 4u <= w.cap; first++) mn_le_u32(&w, s->step_cycles[first]);
        send(s, "prof", s->reply, w.len);
    }
    mn_le_t w;
    mn_le_init(&w, s->reply, sizeof s->reply);
    mn_le_bytes(&w, head, head_len);
    mn_le_u32(&w, (uint32_t)st->cycles);
    mn_le_u32(&w, (uint32_t)(st->cycles >> 32));
    mn_le_u32(&w, st->arena_used);
    mn_le_u32(&w, m.steps);
    send(s, kind, s->reply, w.len);
}

static void handle_run(mn_server_t *s) {
    if (!ready(s)) return;
    mn_model_info_t m;
    mn_model_describe(s->model, &m);
    if (s->request.len != 0 && s->request.len != m.input_bytes) {
        send_err(s, MN_E_INPUT_SIZE, "run takes no payload or exactly the model input");
        return;
    }
    const int8_t *input = s->request.len != 0 ? (const int8_t *)s->request.payload : NULL;
    mn_stats_t st = {0, 0, s->step_cycles, MN_SERVER_MAX_PROFILE};
    mn_status_t status = mn_invoke(s->model, s->arena, s->arena_len, input, NULL, &st);
    if (status != MN_OK) {
        send_err(s, status, "the model failed to run");
        return;
    }
    const uint8_t *out = (const uint8_t *)mn_output_slot(s->model, s->arena);
    for (uint32_t off = 0; off < m.output_bytes; off += MN_CHUNK) {
        uint32_t n = m.output_bytes - off < MN_CHUNK ? m.output_bytes - off : MN_CHUNK;
        mn_le_t w;
        mn_le_init(&w, s->reply, sizeof s->reply);
        mn_le_u32(&w, off);
        mn_le_bytes(&w, out + off, n);
        send(s, "out", s->reply, w.len);
    }
    uint8_t head[4];
    mn_le_t h;
    mn_le_init(&h, head, sizeof head);
    mn_le_u32(&h, m.output_bytes);
    send_stats_and_finish(s, "run", &st, head, h.len);
}

static void handle_load(mn_server_t *s) {
    if (!ready(s)) return;
    if (s->request.len < 4) {
        send_err(s, MN_E_PROTO_PAYLOAD, "load takes a u32 offset and the bytes to write");
        return;
    }
    mn_model_info_t m;
    mn_model_describe(s->model, &m);
    uint32_t off = mn_le_get_u32(s->request.payload);
    uint32_t n = s->request.len - 4u;
    if (off > m.input_bytes || n > m.input_bytes - off) {
        send_err(s, MN_E_INPUT_RANGE, "the bytes fall outside the model input");
        return;
    }
    memcpy(mn_input_slot(s->model, s->arena) + off, s->request.payload + 4, n);
    send(s, "load", NULL, 0);
}

static void handle_selftest(mn_server_t *s) {
    if (!ready(s)) return;
    mn_selftest_t result;
    mn_stats_t st = {0, 0, s->step_cycles, MN_SERVER_MAX_PROFILE};
    mn_status_t status = mn_selftest(s->model, s->arena, s->arena_len, &result, &st);
    if (status != MN_OK) {
        send_err(s, status, "the self-test could not run");
        return;
    }
    uint8_t head[9];
    mn_le_t h;
    mn_le_init(&h, head, sizeof head);
    mn_le_u8(&h, (uint32_t)result.pass);
    mn_le_u32(&h, result.mismatches);
    mn_le_u32(&h, result.first_mismatch);
    send_stats_and_finish(s, "selftest", &st, head, h.len);
}

/* P-16: greedy generation from a prompt of token ids, one run per token, streaming `tok` partials. */
static void handle_generate(mn_server_t *s) {
    if (!ready(s)) return;
    mn_model_info_t m;
    mn_model_describe(s->model, &m);
    if (s->request.len < 3) {
        send_err(s, MN_E_PROTO_PAYLOAD, "generate takes a u16 token count and at least one prompt token");
        return;
    }
    if (m.input_bytes != 1 || m.output_bytes == 0 || m.output_bytes > 256) {
        send_err(s, MN_E_INPUT_SIZE, "generate needs a model from one token to at most 256 token scores");
        return;
    }
    const uint32_t count = mn_le_get_u16(s->request.payload);
    const int8_t *out = mn_output_slot(s->model, s->arena);
    uint64_t cycles = 0;
    uint32_t runs = 0;
    mn_reset_state(s->model, s->arena);
    for (uint32_t k = 2; k <= s->request.len + count - 1u; k++) {
        mn_port_yield(); /* between tokens too: a generation may last far longer than the watchdog's timeout */
        if (k >= s->request.len) { /* past the prompt: the argmax of the last output is the next token */
            uint32_t best = 0;
            for (uint32_t i = 1; i < m.output_bytes; i++) best = out[i] > out[best] ? i : best;
            uint8_t tok[3];
            mn_le_t w;
            mn_le_init(&w, tok, sizeof tok);
            mn_le_u16(&w, k - s->request.len);
            mn_le_u8(&w, best);
            send(s, "tok", tok, w.len);
            if (k == s->request.len + count - 1u) break;
            *mn_input_slot(s->model, s->arena) = (int8_t)((int32_t)best - 128);
        } else {
            *mn_input_slot(s->model, s->arena) = (int8_t)((int32_t)s->request.payload[k] - 128);
        }
        mn_stats_t st = {0, 0, NULL, 0};
        mn_status_t status = mn_invoke(s->model, s->arena, s->arena_len, NULL, NULL, &st);
        if (status != MN_OK) {
            send_err(s, status, "the model failed to run");
            return;
        }
        cycles += st.cycles;
        runs++;
    }
    uint8_t fin[16];
    mn_le_t w;
    mn_le_init(&w, fin, sizeof fin);
    mn_le_u32(&w, count);
    mn_le_u32(&w, (uint32_t)cycles);
    mn_le_u32(&w, (uint32_t)(cycles >> 32));
    mn_le_u32(&w, runs);
    send(s, "generate", fin, w.len);
}

static void dispatch(mn_server_t *s) {
    const char *kind = s->request.kind;
    /* P-19: any request ends a stream, whose final reply comes first; `stop` does nothing else. */
    if (s->stream.active) mn_stream_end(s);
    if (s->request.version != MN_PROTOCOL_VERSION) {
        send_err(s, MN_E_PROTO_VERSION, "this board speaks protocol version 1");
    } else if (strcmp(kind, "info") == 0) {
        if (s->request.len != 0) {
            send_err(s, MN_E_PROTO_PAYLOAD, "info takes no payload");
        } else {
            send_info(s, "info");
        }
    } else if (strcmp(kind, "load") == 0) {
        handle_load(s);
    } else if (strcmp(kind, "run") == 0) {
        handle_run(s);
    } else if (strcmp(kind, "generate") == 0) {
        handle_generate(s);
    } else if (strcmp(kind, "selftest") == 0) {
        if (s->request.len != 0) {
            send_err(s, MN_E_PROTO_PAYLOAD, "selftest takes no payload");
        } else {
            handle_selftest(s);
        }
    } else if (strcmp(kind, "imu") == 0) {
        mn_stream_start(s);
    } else if (strcmp(kind, "stop") == 0) {
        if (s->request.len != 0) {
            send_err(s, MN_E_PROTO_PAYLOAD, "stop takes no payload");
        } else {
            send(s, "stop", NULL, 0);
        }
    } else {
        send_err(s, MN_E_PROTO_COMMAND, "unknown command");
    }
}

void mn_server_feed(mn_server_t *s, const uint8_t *bytes, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (mn_frame_rx_push(&s->rx, bytes[i]) && mn_frame_decode(s->rx.text, s->rx.len, &s->request) == MN_OK) {
            dispatch(s);
        }
    }
}
