/* str.h: locale-free ASCII character classes and small string helpers for protocol text. */
#ifndef BRIEF_UTIL_STR_H
#define BRIEF_UTIL_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline bool is_ascii_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline bool is_ascii_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_ascii_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline bool is_ascii_alnum(int c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
static inline bool is_ascii_xdigit(int c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static inline int ascii_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static inline int ascii_upper(int c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }

/* Case-insensitive (ASCII) comparisons. */
int str_casecmp(const char *a, const char *b);
int str_ncasecmp(const char *a, const char *b, size_t n);
/* True when s starts with prefix (case-insensitive ASCII). */
bool str_istarts(const char *s, const char *prefix);
/* True when s starts with prefix (exact). */
bool str_starts(const char *s, const char *prefix);
/* True when s ends with suffix (exact). */
bool str_ends(const char *s, const char *suffix);
/* Find needle in the first len bytes of hay, case-insensitively; NULL if absent. */
const char *str_icasestr(const char *hay, size_t len, const char *needle);
/* Trim ASCII whitespace at both ends of [*s, *s+*len). */
void str_trim(const char **s, size_t *len);
/* Lower-case an ASCII string in place; returns s. */
char *str_lower(char *s);
/* Parse a decimal integer in [min, max]; the whole string must be consumed
 * (surrounding spaces allowed). Returns 0 on success, -1 otherwise. This replaces atoi. */
int str_to_long(const char *s, long min, long max, long *out);
/* Parse a non-negative double; the whole string must be consumed. Returns 0 or -1. */
int str_to_double(const char *s, double *out);
/* Duplicate a string (malloc); aborts on OOM. NULL stays NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* malloc/calloc/realloc that abort on OOM. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Bounded copy that always NUL-terminates (when size > 0); returns strlen(src). */
size_t str_copy(char *dst, const char *src, size_t size);

#endif
