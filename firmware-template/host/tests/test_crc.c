#include <string.h>

#include "mn_crc32.h"
#include "mn_test.h"
#include "tests.h"

uint32_t mn_test_crc(const char *text) { return mn_crc32(0, text, strlen(text)); }

void suite_crc(void) {
    mn_test("CRC-32 matches the standard check value and chains");
    MN_CHECK(mn_test_crc("123456789") == 0xCBF43926u);
    MN_CHECK(mn_crc32(mn_crc32(0, "1234", 4), "56789", 5) == 0xCBF43926u);
    MN_CHECK(mn_crc32(0, "", 0) == 0);
}
