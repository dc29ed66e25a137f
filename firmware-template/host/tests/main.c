#include "mn_test.h"
#include "tests.h"

int main(void) {
    suite_crc();
    suite_frame();
    suite_model();
    suite_embedding();
    suite_server();
    suite_stream();
    return mn_test_summary();
}
