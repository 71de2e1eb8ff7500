/* fuzz_extract.c: libFuzzer target for extract_page (any bytes as a web page), with the HTML
 * rendering on, so the sanitizer sees every pass: decode, parse, prep, score, clean, render. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract/extract.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct extract_result r;
	struct extract_opts opts = {.url = "http://fuzz.example/dir/page.html", .want_html = 1};
	struct err e;
	if (extract_page((const char *)data, size, &opts, &arena, &r, &e) == 0) {
		/* touch every string so the sanitizers see invalid ones */
		const char *fields[] = {r.title, r.byline, r.published, r.lang, r.excerpt, r.site_name, r.html};
		size_t sum = strlen(r.text) + (r.text_len != strlen(r.text));
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			sum += fields[i] ? strlen(fields[i]) : 0;
		(void)sum;
	}
	arena_free(&arena);
	return 0;
}
