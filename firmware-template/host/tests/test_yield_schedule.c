/* The ESP-IDF port's yield schedule (port/mn_yield_schedule.h): how often mn_port_yield gives way. */
#include "mn_test.h"
#include "mn_yield_schedule.h"
#include "tests.h"

static void test_first_call_starts_the_clock(void) {
    mn_test("yield schedule: the first call starts the clock");
    mn_yield_clock_t c = {0, 0};
    MN_CHECK(mn_yield_due(&c, 5000u, 500u) == 0);
    MN_CHECK(mn_yield_due(&c, 5499u, 500u) == 0);
    MN_CHECK(mn_yield_due(&c, 5500u, 500u) == 1);
}

/* A run that calls the hook every tick for 2000 ticks gives way exactly 2000 / 500 times, once per period. */
static void test_at_most_once_per_period(void) {
    mn_test("yield schedule: gives way at most once per period");
    mn_yield_clock_t c = {0, 0};
    int yields = 0;
    uint32_t last_yield = 0;
    for (uint32_t t = 0; t <= 2000u; t++) {
        if (mn_yield_due(&c, t, 500u)) {
            MN_CHECK(yields == 0 || t - last_yield == 500u);
            last_yield = t;
            yields++;
        }
    }
    MN_CHECK(yields == 4);
}

/* Calls far apart (one long op between them) still yield at each call once the period is over. */
static void test_long_steps_yield_every_call(void) {
    mn_test("yield schedule: steps longer than the period give way at each call");
    mn_yield_clock_t c = {0, 0};
    (void)mn_yield_due(&c, 0u, 500u);
    MN_CHECK(mn_yield_due(&c, 1500u, 500u) == 1);
    MN_CHECK(mn_yield_due(&c, 3000u, 500u) == 1);
    MN_CHECK(mn_yield_due(&c, 3001u, 500u) == 0);
}

static void test_tick_count_wraps(void) {
    mn_test("yield schedule: survives the tick count wrapping");
    mn_yield_clock_t c = {0, 0};
    (void)mn_yield_due(&c, 0xFFFFFF00u, 500u);
    MN_CHECK(mn_yield_due(&c, 0x00000010u, 500u) == 0); /* 0x110 = 272 ticks later */
    MN_CHECK(mn_yield_due(&c, 0x000000F4u, 500u) == 1); /* 500 ticks later */
}

static void test_zero_period_means_every_tick(void) {
    mn_test("yield schedule: a zero period means once per tick");
    mn_yield_clock_t c = {0, 0};
    (void)mn_yield_due(&c, 7u, 0u);
    MN_CHECK(mn_yield_due(&c, 7u, 0u) == 0);
    MN_CHECK(mn_yield_due(&c, 8u, 0u) == 1);
}

void suite_yield_schedule(void) {
    test_first_call_starts_the_clock();
    test_at_most_once_per_period();
    test_long_steps_yield_every_call();
    test_tick_count_wraps();
    test_zero_period_means_every_tick();
}
