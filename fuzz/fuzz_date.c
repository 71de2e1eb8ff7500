/* fuzz_date.c: libFuzzer target for date_parse (must never read past len). */
#include <stddef.h>
#include <stdint.h>

#include "feed/date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t t;
	date_parse((const char *)data, size, &t);
	return 0;
}
