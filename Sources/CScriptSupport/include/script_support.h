#ifndef SCRIPT_SUPPORT_H
#define SCRIPT_SUPPORT_H

#include <stddef.h>

/// Formats `value` with printf's `%.*<conversion>` (conversion is 'e', 'f' or 'g') into
/// `buffer`; returns the length printf needed (may exceed `size`). A non-variadic shim so
/// Swift avoids building a va_list of existentials per call.
int bt_format_double(char *buffer, size_t size, char conversion, int precision, double value);



/// Per-thread state of the container "trashcan" (see Trashcan.swift): an opaque pointer to
/// the thread's pending-release queue.
void *bt_trashcan_get(void);
/// Sets the thread's trashcan pointer.
void bt_trashcan_set(void *state);
#endif
