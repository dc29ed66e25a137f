#include "mn_test.h"
#include "tests.h"

int main(void) {
    suite_crc();
    suite_frame();
    suite_model();
    suite_embedding();
    suite_embedding_fast();
    suite_requant();
    suite_dense_fast();
    suite_conv_fast();
    suite_depthwise_fast();
    suite_gru_fast();
    suite_server();
    suite_sensor();
    suite_stream();
    suite_yield_schedule();
    return mn_test_summary();
}
