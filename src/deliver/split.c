/* split.c: cut long messages into numbered parts that fit a chat service's size limit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/channel.h"
#include "util/str.h"
#include "util/utf8.h"

/* Units of one code point cp, n bytes of UTF-8, in unit. */
static size_t
unit_size(uint32_t cp, size_t n, enum split_unit unit)
{
	switch (unit) {
	case SPLIT_BYTES:
		return n;
	case SPLIT_UTF16:
		return cp > 0xFFFF ? 2 : 1;
	case SPLIT_JSON:
		if (cp == '"' || cp == '\\' || cp == '\b' || cp == '\f' || cp == '\n' || cp == '\r' || cp == '\t')
			return 2;
		return cp < 0x20 ? 6 : cp == 0xFFFD ? 3 : n; /* an invalid byte is sent as U+FFFD */
	case SPLIT_CHARS:
		break;
	}
	return 1;
}

size_t
split_measure(const char *s, size_t len, enum split_unit unit)
{
	if (unit == SPLIT_BYTES)
		return len;
	size_t units = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		units += unit_size(cp, n, unit);
		i += n;
	}
	return units;
}

size_t
split_prefix(const char *s, size_t len, size_t limit, enum split_unit unit)
{
	size_t units = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t u = unit_size(cp, n, unit);
		if (units + u > limit)
			break;
		units += u;
		i += n;
	}
	return i;
}

/* The last occurrence of needle in s[0..len) starting at or after min, or -1. */
static long
last_at_least(const char *s, size_t len, const char *needle, size_t min)
{
	size_t nl = strlen(needle);
	for (size_t i = len; i >= nl && i - nl >= min; i--)
		if (memcmp(s + i - nl, needle, nl) == 0)
			return (long)(i - nl);
	return -1;
}

static int
is_blank_byte(char c)
{
	return c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

size_t
split_text(const char *text, size_t len, size_t limit, enum split_unit unit, struct split_part **parts)
{
	size_t n = 0, cap = 4;
	*parts = xmalloc(cap * sizeof **parts);
	size_t pos = 0;
	for (;;) {
		if (n > 0)
			while (pos < len && (text[pos] == '\n' || text[pos] == '\r'))
				pos++;
		const char *s = text + pos;
		size_t rest = len - pos;
		size_t take, next;
		if (split_measure(s, rest, unit) <= limit) {
			take = next = rest;
		} else {
			size_t max = split_prefix(s, rest, limit, unit);
			/* A boundary must keep at least a quarter of the window, or parts get silly. */
			size_t min = max / 4;
			long cut;
			if ((cut = last_at_least(s, max, "\n\n", min)) > 0) {
				take = (size_t)cut;
				next = take + 2;
			} else if ((cut = last_at_least(s, max, "\n", min)) > 0) {
				take = (size_t)cut;
				next = take + 1;
			} else if ((cut = last_at_least(s, max, " ", min)) > 0) {
				take = (size_t)cut;
				next = take + 1;
			} else {
				take = next = max;
			}
		}
		while (take > 0 && is_blank_byte(s[take - 1]))
			take--;
		if (n == cap) {
			cap *= 2;
			*parts = xrealloc(*parts, cap * sizeof **parts);
		}
		(*parts)[n].start = s;
		(*parts)[n].len = take;
		n++;
		pos += next;
		size_t tail = pos;
		while (tail < len && is_blank_byte(text[tail]))
			tail++;
		if (tail >= len)
			break;
	}
	return n;
}

size_t
split_with_header(const char *body, const char *header, size_t limit, enum split_unit unit, struct buf *out)
{
	if (!body)
		body = "";
	size_t hlen = header ? strlen(header) : 0;
	if (header && split_measure(header, hlen, unit) > limit / 4)
		hlen = split_prefix(header, hlen, limit / 4, unit);
	/* The numbering " (i/n)\n\n" adds 6 + 2 digits(n): reserved for 3 digits, and split
	 * again with more when the parts are 1,000 or more. */
	struct split_part *parts = NULL;
	size_t n = 0;
	for (size_t digits = 3;;) {
		size_t reserve = 6 + 2 * digits + (header ? split_measure(header, hlen, unit) : 0);
		free(parts);
		n = split_text(body, strlen(body), limit > reserve ? limit - reserve : 1, unit, &parts);
		size_t need = 1;
		for (size_t k = n; k >= 10; k /= 10)
			need++;
		if (need <= digits)
			break;
		digits = need;
	}
	for (size_t i = 0; i < n; i++) {
		if (header) {
			buf_append(out, header, hlen);
			if (n > 1)
				buf_printf(out, " (%zu/%zu)", i + 1, n);
			buf_puts(out, "\n\n");
		} else if (n > 1) {
			buf_printf(out, "(%zu/%zu)\n", i + 1, n);
		}
		buf_append(out, parts[i].start, parts[i].len);
		buf_putc(out, '\0');
	}
	free(parts);
	return n;
}

const char *
split_next(const struct buf *out, const char *it)
{
	if (!out->data || out->len == 0)
		return NULL;
	if (!it)
		return out->data;
	const char *next = it + strlen(it) + 1;
	return next < out->data + out->len ? next : NULL;
}
