/* ESP-IDF port: the CPU cycle counter and ESP_LOG. */
#include "mn_port.h"

#include "esp_cpu.h"
#include "esp_log.h"

uint32_t mn_port_cycles(void) { return (uint32_t)esp_cpu_get_cycle_count(); }

const char *mn_port_cycle_unit(void) { return "cycles"; }

void mn_port_log(const char *line) { ESP_LOGI("minnow", "%s", line); }

void mn_port_yield(void) {}
