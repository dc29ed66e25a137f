/* A minimal test harness: named tests (named after the rule they prove), checks that record the failing
 * expression, and a closing "N passed, N failed" line. */
#ifndef MN_TEST_H
#define MN_TEST_H

#include <stddef.h>
#include <stdint.h>

void mn_test(const char *name);
void mn_check_at(int ok, const char *expr, const char *file, int line);
int mn_test_summary(void);

#define MN_CHECK(cond) mn_check_at((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/* Reads a whole file into a buffer it allocates (tests only); returns NULL on failure. */
uint8_t *mn_test_read_file(const char *path, size_t *len);

#endif
