#include "mn_test.h"

#include <stdio.h>
#include <stdlib.h>

static const char *s_name;
static int s_failed_now, s_passed, s_failed;

static void close_test(void) {
    if (s_name == NULL) return;
    if (s_failed_now) {
        s_failed++;
    } else {
        s_passed++;
    }
    s_name = NULL;
}

void mn_test(const char *name) {
    close_test();
    s_name = name;
    s_failed_now = 0;
}

void mn_check_at(int ok, const char *expr, const char *file, int line) {
    if (ok) return;
    if (!s_failed_now) printf("FAIL %s\n", s_name ? s_name : "(no test)");
    printf("  %s:%d: %s\n", file, line, expr);
    s_failed_now = 1;
}

int mn_test_summary(void) {
    close_test();
    printf("%d passed, %d failed\n", s_passed, s_failed);
    return s_failed == 0 ? 0 : 1;
}

uint8_t *mn_test_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL) *len = (size_t)size;
    return buf;
}
