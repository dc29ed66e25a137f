/*
 * A seeded mutation loop for compilers without libFuzzer: starts from seed files, applies random byte
 * flips, insertions, deletions and splices, and calls the target for a number of executions or seconds.
 *   fuzz_<target> [-runs N] [-seconds S] [-seed N] seed-file...
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mn_test.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_SEEDS 512
#define MAX_INPUT (1u << 16)

static uint64_t s_state = 0x9E3779B97F4A7C15u;

static uint32_t next(void) {
    s_state ^= s_state << 13;
    s_state ^= s_state >> 7;
    s_state ^= s_state << 17;
    return (uint32_t)(s_state >> 16);
}

static size_t mutate(uint8_t *buf, size_t len, const uint8_t *other, size_t other_len) {
    const uint32_t edits = 1u + next() % 8u;
    for (uint32_t e = 0; e < edits; e++) {
        const uint32_t kind = next() % 6u;
        const size_t at = len > 0 ? next() % len : 0;
        if (kind == 0 && len > 0) {
            buf[at] ^= (uint8_t)(1u << (next() % 8u));
        } else if (kind == 1 && len > 0) {
            buf[at] = (uint8_t)next();
        } else if (kind == 2 && len < MAX_INPUT) {
            memmove(buf + at + 1, buf + at, len - at);
            buf[at] = (uint8_t)next();
            len++;
        } else if (kind == 3 && len > 0) {
            memmove(buf + at, buf + at + 1, len - at - 1);
            len--;
        } else if (kind == 4 && other_len > 0) {
            const size_t from = next() % other_len, n = 1u + next() % 64u;
            for (size_t i = 0; i < n && from + i < other_len && at + i < len; i++) buf[at + i] = other[from + i];
        } else if (len > 0) {
            static const uint8_t interesting[] = {0x00, 0xFF, 0x7F, 0x80, 0x01, 0x10, 0x40};
            buf[at] = interesting[next() % sizeof interesting];
        }
    }
    return len;
}

int main(int argc, char **argv) {
    unsigned long runs = 100000, seconds = 0;
    static uint8_t *seeds[MAX_SEEDS];
    static size_t sizes[MAX_SEEDS];
    int n = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-runs") == 0 && i + 1 < argc) {
            runs = strtoul(argv[++i], NULL, 0);
        } else if (strcmp(argv[i], "-seconds") == 0 && i + 1 < argc) {
            seconds = strtoul(argv[++i], NULL, 0);
        } else if (strcmp(argv[i], "-seed") == 0 && i + 1 < argc) {
            s_state ^= strtoull(argv[++i], NULL, 0) * 0x2545F4914F6CDD1Du;
        } else if (n < MAX_SEEDS) {
            seeds[n] = mn_test_read_file(argv[i], &sizes[n]);
            if (seeds[n] != NULL && sizes[n] <= MAX_INPUT) n++;
        }
    }
    static uint8_t buf[MAX_INPUT + 1];
    const time_t start = time(NULL);
    unsigned long done = 0;
    for (; done < runs || seconds > 0; done++) {
        if (seconds > 0 && (done & 1023u) == 0 && (unsigned long)(time(NULL) - start) >= seconds) break;
        size_t len = 0;
        if (n > 0) {
            const int pick = (int)(next() % (uint32_t)n);
            memcpy(buf, seeds[pick], sizes[pick]);
            len = sizes[pick];
        }
        const int other = n > 0 ? (int)(next() % (uint32_t)n) : 0;
        len = mutate(buf, len, n > 0 ? seeds[other] : NULL, n > 0 ? sizes[other] : 0);
        LLVMFuzzerTestOneInput(buf, len);
    }
    printf("fuzz: %lu executions, 0 crashes (%d seeds)\n", done, n);
    return 0;
}
