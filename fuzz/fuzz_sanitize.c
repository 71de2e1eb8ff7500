/* fuzz_sanitize.c: libFuzzer target for sanitize_html (any bytes as a feed's HTML fragment).
 * Besides memory safety, the output must be valid UTF-8, hold no "<script" in any case, no
 * on* attribute, no javascript:, vbscript: or data: URL in an attribute that takes one, and be
 * a fixed point (sanitising it again changes nothing). The output's tags are read with the
 * writer's own syntax (`<name name="value" ...>`, values escaped), which is what a broken
 * writer would break first. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/sanitize.h"
#include "util/str.h"
#include "util/utf8.h"

/* Report a broken invariant with the output that broke it, and abort (libFuzzer keeps the input). */
static void
fail(const char *why, const struct buf *out)
{
	fprintf(stderr, "fuzz_sanitize: %s\noutput: %s\n", why, buf_str(out));
	abort();
}

/* True when the escaped attribute value v[0..n) starts, once unescaped and without the
 * whitespace and controls a browser skips, with a scheme that runs code. */
static int
runs_code(const char *v, size_t n)
{
	char flat[16];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof flat; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '&') { /* the writer's five escapes */
			static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
			static const char chars[] = "&<>\"'";
			for (size_t e = 0; e < 5; e++)
				if (strncmp(v + i, ents[e], strlen(ents[e])) == 0) {
					c = (unsigned char)chars[e];
					i += strlen(ents[e]) - 1;
					break;
				}
		}
		if (c > 0x20)
			flat[k++] = (char)ascii_lower(c);
	}
	flat[k] = '\0';
	return str_starts(flat, "javascript:") || str_starts(flat, "vbscript:") || str_starts(flat, "data:");
}

/* True when name[0..n) is one of the NULL-terminated names (ASCII case ignored). */
static int
is_named(const char *const *names, const char *name, size_t n)
{
	for (; *names; names++)
		if (strlen(*names) == n && str_ncasecmp(*names, name, n) == 0)
			return 1;
	return 0;
}

/* True for the attributes a browser follows or evaluates as a URL; in an SVG animation
 * (animating is true) also the values it sets, which can be one. */
static int
takes_url(const char *name, size_t n, int animating)
{
	static const char *const urls[] = {
	    "action",   "background", "cite", "data",   "datasrc", "dynsrc", "href",       "icon",
	    "longdesc", "lowsrc",     "ping", "poster", "src",     "usemap", "xlink:href", NULL};
	static const char *const values[] = {"values", "from", "to", "by", NULL};
	return is_named(urls, name, n) || (animating && is_named(values, name, n));
}

/* Walk every start tag of out and check its attributes. */
static void
check_tags(const struct buf *out)
{
	const char *s = buf_str(out);
	if (str_icasestr(s, out->len, "<script"))
		fail("a <script", out);
	for (const char *p = strchr(s, '<'); p; p = strchr(p, '<')) {
		p++;
		if (*p == '/')
			continue;
		static const char *const animations[] = {"animate",          "animateColor", "animateMotion",
		                                         "animateTransform", "set",          NULL};
		const char *tag = p;
		while (*p && *p != ' ' && *p != '>' && *p != '/')
			p++;
		int animating = is_named(animations, tag, (size_t)(p - tag));
		while (p[0] == ' ' && p[1] != '/') {
			const char *name = ++p;
			while (*p && *p != '=')
				p++;
			size_t nl = (size_t)(p - name);
			if (p[0] != '=' || p[1] != '"')
				fail("an attribute not written name=\"value\"", out);
			const char *v = p + 2, *end = strchr(v, '"');
			if (!end)
				fail("an unterminated attribute value", out);
			if (nl >= 2 && str_ncasecmp(name, "on", 2) == 0)
				fail("an on* attribute", out);
			if (takes_url(name, nl, animating) && runs_code(v, (size_t)(end - v)))
				fail("a URL that runs code", out);
			p = end + 1;
		}
		if (*p != '>' && strncmp(p, " />", 3) != 0)
			fail("a tag not closed by > or />", out);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = BUF_INIT, again = BUF_INIT;
	sanitize_html((const char *)data, size, &out);
	if (!utf8_valid(buf_str(&out), out.len))
		fail("invalid UTF-8", &out);
	check_tags(&out);
	sanitize_html(buf_str(&out), out.len, &again);
	if (strcmp(buf_str(&out), buf_str(&again)) != 0) {
		fprintf(stderr, "again:  %s\n", buf_str(&again));
		fail("not a fixed point", &out);
	}
	buf_free(&out);
	buf_free(&again);
	return 0;
}
