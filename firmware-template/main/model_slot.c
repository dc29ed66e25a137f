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

static void allocate_arena(model_slot_t *slot) {
    mn_model_info_t info;
    mn_model_describe(&slot->model, &info);
    size_t need = info.arena_bytes > 0 ? info.arena_bytes : 1u;
    size_t largest = heap_caps_get_largest_free_block(MALLOC_CAP_8BIT);
    slot->arena = need <= largest ? heap_caps_aligned_alloc(ARENA_ALIGN, need, MALLOC_CAP_8BIT) : NULL;
    if (slot->arena == NULL) {
        ESP_LOGE(TAG, "the model needs a %u-byte arena but the largest free block is %u bytes",
                 (unsigned)need, (unsigned)largest);
        slot->status = MN_E_NO_ARENA;
        return;
    }
    slot->arena_len = need;
    slot->status = MN_OK;
    ESP_LOGI(TAG, "model \"%.*s\" ready: %u-byte arena, %u bytes free after it", (int)info.name_len, info.name,
             (unsigned)need, (unsigned)heap_caps_get_free_size(MALLOC_CAP_8BIT));
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
