/* strlist.c: separated lists (strlist.h). */
#include "util/strlist.h"

#include <string.h>

#include "util/str.h"

int
strlist_next(const char **cursor, const char *seps, const char **item, size_t *len)
{
	const char *p = *cursor;
	while (p && *p) {
		size_t n = strcspn(p, seps);
		const char *s = p;
		size_t l = n;
		str_trim(&s, &l);
		p += n + (p[n] != '\0'); /* past the separator, not past the end */
		if (l) {
			*cursor = p;
			*item = s;
			*len = l;
			return 1;
		}
	}
	*cursor = p;
	return 0;
}

size_t
strlist_split(const char *list, const char *seps, struct arena *a, const char ***out)
{
	/* Count first, so the array is one allocation of the right size. */
	size_t count = 0, len;
	const char *cur = list, *item;
	while (strlist_next(&cur, seps, &item, &len))
		count++;
	*out = count ? arena_alloc(a, count * sizeof **out) : NULL;
	cur = list;
	for (size_t i = 0; i < count && strlist_next(&cur, seps, &item, &len); i++)
		(*out)[i] = arena_strndup(a, item, len);
	return count;
}
