/* ESP-IDF port: the CPU cycle counter, ESP_LOG, and a yield that keeps the task watchdog fed. */
#include "mn_port.h"

#include "esp_cpu.h"
#include "esp_log.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "mn_yield_schedule.h"

/* The task watchdog watches the idle task (CONFIG_ESP_TASK_WDT_CHECK_IDLE_TASK_CPU0), which runs only when
 * every higher-priority task blocks. Long work gives way for one tick every YIELD_PERIOD_MS: far inside the
 * watchdog's timeout (5 s by default, 30 s in sdkconfig.defaults), at most one tick (1 ms at
 * CONFIG_FREERTOS_HZ=1000) lost per period, i.e. 0.2 % of a long generate. */
#define YIELD_PERIOD_MS 500u

uint32_t mn_port_cycles(void) { return (uint32_t)esp_cpu_get_cycle_count(); }

const char *mn_port_cycle_unit(void) { return "cycles"; }

void mn_port_log(const char *line) { ESP_LOGI("minnow", "%s", line); }

void mn_port_yield(void) {
    static mn_yield_clock_t clock;
    /* taskYIELD would only let tasks of the same priority run; a one-tick delay lets the idle task run. */
    const uint32_t now = (uint32_t)xTaskGetTickCount();
    if (mn_yield_due(&clock, now, (uint32_t)pdMS_TO_TICKS(YIELD_PERIOD_MS))) vTaskDelay(1);
}
