#ifndef SCRIPT_SUPPORT_H
#define SCRIPT_SUPPORT_H

#include <stddef.h>

/// Formats `value` with printf's `%.*<conversion>` (conversion is 'e', 'f' or 'g') into
/// `buffer`; returns the length printf needed (may exceed `size`). A non-variadic shim so
/// Swift avoids building a va_list of existentials per call.
int bt_format_double(char *buffer, size_t size, char conversion, int precision, double value);

#endif
