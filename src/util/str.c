/* str.c: ASCII helpers and checked allocation. */
#include "util/str.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"

int
str_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = ascii_lower((unsigned char)*a), cb = ascii_lower((unsigned char)*b);
		if (ca != cb || !ca)
			return ca - cb;
	}
}

int
str_ncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int ca = ascii_lower((unsigned char)*a), cb = ascii_lower((unsigned char)*b);
		if (ca != cb || !ca)
			return ca - cb;
	}
	return 0;
}

bool
str_istarts(const char *s, const char *prefix)
{
	return str_ncasecmp(s, prefix, strlen(prefix)) == 0;
}

bool
str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool
str_ends(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

const char *
str_icasestr(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return hay;
	for (size_t i = 0; i + n <= len; i++)
		if (str_ncasecmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

void
str_trim(const char **s, size_t *len)
{
	while (*len && is_ascii_space((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && is_ascii_space((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

char *
str_lower(char *s)
{
	for (char *p = s; *p; p++)
		*p = (char)ascii_lower((unsigned char)*p);
	return s;
}

int
str_to_long(const char *s, long min, long max, long *out)
{
	if (!s)
		return -1;
	while (is_ascii_space((unsigned char)*s))
		s++;
	if (!*s)
		return -1;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || end == s)
		return -1;
	while (is_ascii_space((unsigned char)*end))
		end++;
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
str_to_double(const char *s, double *out)
{
	if (!s || !*s)
		return -1;
	errno = 0;
	char *end;
	double v = strtod(s, &end);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory (%zu bytes)", n);
	return q;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

size_t
str_copy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t c = n < size - 1 ? n : size - 1;
		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}
