/* The suites of the unit-test executable, and helpers they share. */
#ifndef MN_TESTS_H
#define MN_TESTS_H

#include <stdint.h>

uint32_t mn_test_crc(const char *text);

void suite_conv_fast(void);
void suite_crc(void);
void suite_dense_fast(void);
void suite_depthwise_fast(void);
void suite_embedding(void);
void suite_embedding_fast(void);
void suite_frame(void);
void suite_gru_fast(void);
void suite_model(void);
void suite_requant(void);
void suite_server(void);
void suite_sensor(void);
void suite_stream(void);
void suite_yield_schedule(void);

#endif
