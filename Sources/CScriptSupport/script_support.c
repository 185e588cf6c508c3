#include "script_support.h"
#include <stdio.h>

int bt_format_double(char *buffer, size_t size, char conversion, int precision, double value) {
    switch (conversion) {
    case 'e': return snprintf(buffer, size, "%.*e", precision, value);
    case 'g': return snprintf(buffer, size, "%.*g", precision, value);
    default: return snprintf(buffer, size, "%.*f", precision, value);
    }
}

static _Thread_local void *bt_trashcan_state;

void *bt_trashcan_get(void) { return bt_trashcan_state; }

void bt_trashcan_set(void *state) { bt_trashcan_state = state; }
