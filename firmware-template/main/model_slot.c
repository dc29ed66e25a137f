#include "model_slot.h"

#include "esp_heap_caps.h"
#include "esp_log.h"
#include "esp_partition.h"

#define MODEL_PARTITION_TYPE 0x40
#define MODEL_PARTITION_LABEL "model"
#define ARENA_ALIGN 16

static const char *TAG = "model";

static const uint8_t *map_partition(model_slot_t *slot) {
    const esp_partition_t *part = esp_partition_find_first((esp_partition_type_t)MODEL_PARTITION_TYPE,
                                                           ESP_PARTITION_SUBTYPE_ANY, MODEL_PARTITION_LABEL);
    if (part == NULL) {
        ESP_LOGE(TAG, "no \"model\" partition (type 0x40): flash the Minnow partition table");
        return NULL;
    }
    slot->partition_bytes = part->size;
    const void *ptr = NULL;
    esp_partition_mmap_handle_t handle;
    esp_err_t err = esp_partition_mmap(part, 0, part->size, ESP_PARTITION_MMAP_DATA, &ptr, &handle);
    if (err != ESP_OK) {
        ESP_LOGE(TAG, "cannot map the model partition: %s", esp_err_to_name(err));
        return NULL;
    }
    /* Mapped for the life of the program: the interpreter reads weights in place. */
    return (const uint8_t *)ptr;
}

static int erased(const uint8_t *blob, size_t len) {
    for (size_t i = 0; i < 16 && i < len; i++) {
        if (blob[i] != 0xFF) return 0;
    }
    return 1;
}

/* Internal RAM when the arena fits there (faster), else PSRAM on boards that have it (CONFIG_SPIRAM with
 * SPIRAM_USE_CAPS_ALLOC: only an explicit MALLOC_CAP_SPIRAM request lands there). */
static uint8_t *alloc_arena(size_t need, const char **where) {
    static const struct {
        uint32_t caps;
        const char *name;
    } places[] = {
        {MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT, "internal RAM"},
        {MALLOC_CAP_SPIRAM | MALLOC_CAP_8BIT, "PSRAM"},
    };
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        if (need > heap_caps_get_largest_free_block(places[i].caps)) continue;
        uint8_t *arena = heap_caps_aligned_alloc(ARENA_ALIGN, need, places[i].caps);
        if (arena != NULL) {
            *where = places[i].name;
            return arena;
        }
    }
    return NULL;
}

static void allocate_arena(model_slot_t *slot) {
    mn_model_info_t info;
    mn_model_describe(&slot->model, &info);
    size_t need = info.arena_bytes > 0 ? info.arena_bytes : 1u;
    const char *where = "";
    slot->arena = alloc_arena(need, &where);
    if (slot->arena == NULL) {
        /* The protocol answers run/generate with MN_E_NO_ARENA (506); info shows the largest free block. */
        ESP_LOGE(TAG,
                 "the model needs a %u-byte arena: the largest free block is %u bytes of internal RAM and %u of "
                 "PSRAM; use a smaller model or a board with PSRAM",
                 (unsigned)need, (unsigned)heap_caps_get_largest_free_block(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT),
                 (unsigned)heap_caps_get_largest_free_block(MALLOC_CAP_SPIRAM | MALLOC_CAP_8BIT));
        slot->status = MN_E_NO_ARENA;
        return;
    }
    slot->arena_len = need;
    slot->status = MN_OK;
    ESP_LOGI(TAG, "model \"%.*s\" ready: %u-byte arena in %s, %u bytes free after it", (int)info.name_len,
             info.name, (unsigned)need, where, (unsigned)heap_caps_get_free_size(MALLOC_CAP_8BIT));
}

void model_slot_load(model_slot_t *slot) {
    slot->partition_bytes = 0;
    slot->model_valid = 0;
    slot->arena = NULL;
    slot->arena_len = 0;
    slot->status = MN_E_NO_MODEL;
    const uint8_t *blob = map_partition(slot);
    if (blob == NULL) return;
    if (erased(blob, slot->partition_bytes)) {
        ESP_LOGW(TAG, "the model partition is empty: flash a model from the Minnow app");
        return;
    }
    slot->status = mn_model_open(blob, slot->partition_bytes, &slot->model);
    if (slot->status != MN_OK) {
        ESP_LOGE(TAG, "the model partition holds no valid blob: E%d %s", (int)slot->status,
                 mn_status_name(slot->status));
        return;
    }
    slot->model_valid = 1;
    allocate_arena(slot);
}
