#include "bare.h"
#include "rom.h"

/* The image stays on the clock the ROM chose (raising it needs the BBPLL calibration ESP-IDF does), so the
 * ROM's own figure is the honest one. */
uint32_t bare_cpu_mhz(void) { return rom_get_cpu_frequency(); }
