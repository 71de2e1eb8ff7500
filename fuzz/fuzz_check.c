/* fuzz_check.c: the shared checks of the fuzz targets (fuzz_check.h). */
#include "fuzz_check.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/utf8.h"

void
fuzz_fields(const uint8_t *data, size_t size, size_t count, struct arena *arena, const char **fields)
{
	const char *p = (const char *)data, *end = (const char *)data + size;
	for (size_t f = 0; f < count; f++) {
		const char *sep = p ? memchr(p, 0x1f, (size_t)(end - p)) : NULL;
		size_t len = p ? (size_t)((sep ? sep : end) - p) : 0;
		struct buf clean = BUF_INIT;
		utf8_sanitize(&clean, p ? p : "", len);
		fields[f] = arena_strndup(arena, buf_str(&clean), clean.len);
		buf_free(&clean);
		p = sep ? sep + 1 : NULL;
	}
}

const char *
fuzz_window_input(const uint8_t *data, size_t size, size_t max, size_t per, struct arena *arena,
                  const char **fields, size_t *count)
{
	*count = 1 + ((data[0] >> 1) % max);
	fuzz_fields(data + 1, size - 1, *count * per, arena, fields);
	return (data[0] & 1u) ? "en" : "zh";
}

void
fuzz_check_json_object(const struct buf *out)
{
	if (!utf8_valid(out->data ? out->data : "", out->len))
		abort();
	json_t *j = json_loadb(out->data ? out->data : "", out->len, 0, NULL);
	if (!json_is_object(j))
		abort();
	json_decref(j);
}

void
fuzz_check_text(const char *s, int strict)
{
	if (s ? !utf8_valid(s, strlen(s)) : strict)
		abort();
}

struct article *
fuzz_window(size_t n, size_t sources, size_t undated_every, int64_t step, int64_t now, struct arena *arena)
{
	struct article *arts = arena_alloc(arena, n * sizeof *arts);
	memset(arts, 0, n * sizeof *arts);
	for (size_t i = 0; i < n; i++) {
		struct article *art = &arts[i];
		art->id = (int64_t)i + 1;
		art->source_id = (int64_t)(i % sources) + 1;
		art->published = i % undated_every == undated_every - 1 ? FEED_NO_DATE : now - (int64_t)i * step;
		art->first_seen = now - 600;
		art->when = art->published == FEED_NO_DATE ? art->first_seen : art->published;
	}
	return arts;
}

/* Print what is around out[at] and abort. */
static void
fail_at(const struct buf *out, size_t at, const char *who, const char *what)
{
	size_t from = at > 300 ? at - 300 : 0, to = at + 40 < out->len ? at + 40 : out->len;
	fprintf(stderr, "%s: %s: …%.*s…\n", who, what, (int)(to - from), out->data + from);
	abort();
}

void
fuzz_check_rendering(const struct buf *out, int is_md, const char *who)
{
	if (!out->len || !utf8_valid(out->data, out->len))
		abort();
	int depth = 0;
	for (size_t i = 0; i < out->len; i++) {
		const unsigned char *c = (const unsigned char *)out->data + i;
		int is_bidi = i + 2 < out->len && c[0] == 0xE2;
		if (c[0] == '\n' && depth != 0)
			fail_at(out, i, who, "an isolate left open at the end of a line");
		if (is_bidi && c[1] == 0x80 && c[2] >= 0xAA && c[2] <= 0xAE)
			fail_at(out, i, who, "a bidi embedding or override");
		if (is_bidi && c[1] == 0x81 && c[2] >= 0xA6 && c[2] <= 0xA9 && (depth += c[2] == 0xA9 ? -1 : 1) < 0)
			fail_at(out, i, who, "an isolate closed that was not opened");
	}
	for (size_t at = 0; at < out->len; at++) {
		const char *script = str_icasestr(out->data + at, out->len - at, "<script");
		if (!script)
			break;
		at = (size_t)(script - out->data);
		if (!is_md || at == 0 || out->data[at - 1] != '\\')
			fail_at(out, at, who, "a script");
	}
}

void
fuzz_check_telegram(const struct buf *out, const char *who)
{
	static const char *const tags[] = {"b>", "/b>", "i>", "/i>", "a href=\"", "/a>", "code>", "/code>", "pre>",
	                                   "/pre>"};
	if (!utf8_valid(out->data ? out->data : "", out->len))
		abort();
	for (size_t i = 0; i < out->len; i++) {
		if (out->data[i] != '<')
			continue;
		size_t t = 0;
		while (t < sizeof tags / sizeof *tags && strncmp(out->data + i + 1, tags[t], strlen(tags[t])) != 0)
			t++;
		if (t == sizeof tags / sizeof *tags)
			fail_at(out, i, who, "a tag Telegram does not take");
	}
}
