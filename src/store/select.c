/* select.c: read the articles of a time window out of the store (items joined with sources). */
#include "store/select.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "feed/text.h"
#include "feed/url.h"
#include "store/pack.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/str.h"
#include "util/timeutil.h"

/* `w` is the article's effective time, STORE_ITEM_WHEN (store.h): published when dated, else
 * first_seen, and never later than first_seen: a date ahead of when the item was first fetched
 * (a feed's clock or zone ahead) would place it after the window that showed it, and the next
 * weekly or the daily after next showed it again. The same expression selects and orders, one
 * range of the index items_placed (schema 17), the one serve's lists page through. The last
 * column is the article page's text when one was fetched (store/fulltext.h): the longer of the
 * two is the text. */
static const char window_sql[] =
	"SELECT i.id, i.source_id, s.name, s.title, s.url, i.title, i.link, i.canonical_link, i.author,"
	"  i.text, i.summary, i.content, i.published, i.first_seen, i.categories, sel.w, f.text, s.description,"
	"  CASE WHEN i.link IS NULL THEN i.enclosures END FROM ("
	"  SELECT id, " STORE_ITEM_WHEN("") " AS w FROM items"
	"   WHERE " STORE_ITEM_WHEN("") " > ?2 AND " STORE_ITEM_WHEN("") " <= ?1"
	"  UNION ALL" /* late posts (store_select_since): first seen after ?3, dated in (?4, ?2] */
	"  SELECT l.id, " STORE_ITEM_WHEN("l.") " FROM items l"
	"   WHERE l.first_seen > ?3 AND " STORE_ITEM_WHEN("l.") " > ?4 AND " STORE_ITEM_WHEN("l.") " <= ?2"
	"   AND EXISTS (SELECT 1 FROM items o WHERE o.source_id = l.source_id AND o.first_seen <= ?3)) AS sel"
	" JOIN items i ON i.id = sel.id JOIN sources s ON s.id = i.source_id"
	" LEFT JOIN fulltext f ON f.item_id = i.id AND f.status = 1"
	" ORDER BY sel.w DESC, s.url, i.dedupe_key, i.id DESC"; /* ties: by feed and item, not by which feed finished first */

/* The plain text of html, into arena: for rows that carry no `text` (written by something other
 * than the parser), made as the parser makes it (feed/text.h). */
static const char *
text_of_html(struct arena *arena, const char *html)
{
	struct buf b = BUF_INIT;
	text_from_html(html, strlen(html), 0, &b);
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* The first web address among an item's enclosures (the store's JSON array of {url, type,
 * length}), into arena, or NULL: the link of an item that has no other, as a podcast episode
 * whose only address is its audio file (feed readers open it too). */
static const char *
enclosure_link(struct arena *arena, const char *json)
{
	if (!json)
		return NULL;
	json_t *arr = json_loads(json, 0, NULL);
	const char *link = NULL;
	for (size_t i = 0; json_is_array(arr) && i < json_array_size(arr) && !link; i++) {
		const char *u = json_string_value(json_object_get(json_array_get(arr, i), "url"));
		if (u && (str_ncasecmp(u, "https://", 8) == 0 || str_ncasecmp(u, "http://", 7) == 0))
			link = arena_strdup(arena, u);
	}
	json_decref(arr);
	return link;
}

static void
parse_categories(struct arena *arena, const char *json, struct article *a)
{
	if (!json)
		return;
	json_t *arr = json_loads(json, 0, NULL);
	if (json_is_array(arr) && json_array_size(arr) > 0) {
		size_t n = json_array_size(arr);
		a->categories = arena_alloc(arena, n * sizeof *a->categories);
		for (size_t i = 0; i < n; i++) {
			const char *s = json_string_value(json_array_get(arr, i));
			if (s)
				a->categories[a->category_count++] = arena_strdup(arena, s);
		}
	}
	json_decref(arr);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* ids sorted (in arena) so each row's check is a binary search: a --feeds list can name
 * thousands of sources and a window hold tens of thousands of articles. */
static int
source_wanted(int64_t source_id, const int64_t *sorted, size_t n)
{
	return n == 0 || bsearch(&source_id, sorted, n, sizeof *sorted, cmp_id) != NULL;
}

/* The strings every article of one source shares, made once per source of a window: a week at
 * millions of items holds ~6 articles per feed, each of which had its own copies. */
struct source_strings {
	int64_t id; /* 0: empty slot (sources.id starts at 1) */
	const char *url, *name, *description;
};

struct source_table {
	struct source_strings *slots;
	size_t cap, used; /* cap a power of two, at most half used */
};

/* The slot of id among slots[0..cap): its own, or the empty one where it belongs. */
static struct source_strings *
source_probe(struct source_strings *slots, size_t cap, int64_t id)
{
	size_t k = (size_t)id * 0x9E3779B97F4A7C15u & (cap - 1); /* an odd factor: distinct ids spread */
	while (slots[k].id && slots[k].id != id)
		k = (k + 1) & (cap - 1);
	return &slots[k];
}

/* The slot of source id in t (grown first when half full): id 0 when it is new. */
static struct source_strings *
source_slot(struct source_table *t, int64_t id)
{
	if ((t->used + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct source_strings *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < t->cap; i++)
			if (t->slots[i].id)
				*source_probe(slots, cap, t->slots[i].id) = t->slots[i];
		free(t->slots);
		t->slots = slots;
		t->cap = cap;
	}
	return source_probe(t->slots, t->cap, id);
}

static int select_rows(struct store *st, int64_t since, int64_t until, int64_t span, const struct store_late *late,
                       const int64_t *source_ids, size_t source_count, struct arena *arena, struct article **out,
                       size_t *count, struct err *e);

int
store_select_window(struct store *st, int64_t now, int hours, const int64_t *source_ids, size_t source_count,
                    struct arena *arena, struct article **out, size_t *count, struct err *e)
{
	struct store_late none = {-1, 0};
	return select_rows(st, now - (int64_t)hours * 3600, now + 86400, (int64_t)hours * 3600, &none, source_ids,
	                   source_count, arena, out, count, e);
}

int
store_select_since(struct store *st, int64_t now, int64_t since, const struct store_late *late,
                   const int64_t *source_ids, size_t source_count, struct arena *arena, struct article **out,
                   size_t *count, struct err *e)
{
	return select_rows(st, since, now + 86400, now - since, late, source_ids, source_count, arena, out, count, e);
}

int
store_select_between(struct store *st, int64_t since, int64_t until, const struct store_late *late,
                     const int64_t *source_ids, size_t source_count, struct arena *arena, struct article **out,
                     size_t *count, struct err *e)
{
	return select_rows(st, since, until, until - since, late, source_ids, source_count, arena, out, count, e);
}

/* The articles of (since, until], as store_select_window gives them, and the late posts late
 * names (none when late->after < 0); span (seconds) is the window's length the debug log names.
 * Returns 0 or -1 with e set. */
static int
select_rows(struct store *st, int64_t since, int64_t until, int64_t span, const struct store_late *late,
            const int64_t *source_ids, size_t source_count, struct arena *arena, struct article **out,
            size_t *count, struct err *e)
{
	*out = NULL;
	*count = 0;
	int64_t t0 = time_mono_ms();
	sqlite3_stmt *s = store_prepare(st, window_sql, e);
	if (!s)
		return -1;
	if (source_count) {
		int64_t *sorted = arena_alloc(arena, source_count * sizeof *sorted);
		memcpy(sorted, source_ids, source_count * sizeof *sorted);
		qsort(sorted, source_count, sizeof *sorted, cmp_id);
		source_ids = sorted;
	}
	sqlite3_bind_int64(s, 1, until);
	sqlite3_bind_int64(s, 2, since);
	if (late->after >= 0) { /* unbound, ?3 is NULL: no item is first seen after it */
		sqlite3_bind_int64(s, 3, late->after);
		sqlite3_bind_int64(s, 4, late->floor);
	}
	size_t cap = 0, n = 0;
	struct article *arts = NULL;
	struct source_table sources = {0};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t source_id = sqlite3_column_int64(s, 1);
		if (!source_wanted(source_id, source_ids, source_count))
			continue;
		if (n == cap) { /* grown outside the arena, which would keep every smaller array */
			size_t ncap = cap ? cap * 2 : 64;
			struct article *grown = realloc(arts, ncap * sizeof *grown);
			if (!grown)
				abort(); /* as arena_alloc does */
			arts = grown;
			cap = ncap;
		}
		struct article *a = &arts[n++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(s, 0);
		a->source_id = source_id;
		struct source_strings *src = source_slot(&sources, source_id);
		if (!src->id) {
			const char *name = store_col_text(s, 2), *ftitle = store_col_text(s, 3);
			src->id = source_id;
			src->url = arena_strdup(arena, store_col_text(s, 4));
			src->name = url_display_name(name, ftitle, src->url, arena);
			src->description = arena_strdup(arena, store_col_text(s, 17)); /* NULL when none */
			sources.used++;
		}
		a->source_url = src->url;
		a->source_name = src->name;
		a->source_description = src->description;
		a->title = arena_strdup(arena, store_col_text(s, 5));
		a->link = arena_strdup(arena, store_col_text(s, 6));
		if (!a->link)
			a->link = enclosure_link(arena, store_col_text(s, 18));
		const char *canonical = store_col_text(s, 7);
		a->canonical_link = a->link && canonical && strcmp(a->link, canonical) == 0
		                        ? a->link /* mostly the same URL: one copy */
		                        : arena_strdup(arena, canonical);
		a->author = arena_strdup(arena, store_col_text(s, 8));
		const char *text = store_col_unpacked(s, 9, NULL, arena), *html;
		if (text && *text)
			a->text = text;
		else if ((html = store_col_unpacked(s, 11, text, arena)) || (html = store_col_unpacked(s, 10, text, arena)))
			a->text = text_of_html(arena, html);
		else
			a->text = "";
		const char *page = store_col_unpacked(s, 16, NULL, arena); /* unpacked: compare real lengths */
		if (page && strlen(page) > strlen(a->text))
			a->text = page;
		if (!a->title)
			a->title = "";
		a->published = sqlite3_column_type(s, 12) == SQLITE_NULL ? FEED_NO_DATE : sqlite3_column_int64(s, 12);
		a->first_seen = sqlite3_column_int64(s, 13);
		parse_categories(arena, store_col_text(s, 14), a);
		a->when = sqlite3_column_int64(s, 15);
	}
	free(sources.slots);
	if (rc != SQLITE_DONE) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		free(arts);
		return -1;
	}
	sqlite3_finalize(s);
	*out = n ? arena_alloc(arena, n * sizeof *arts) : NULL;
	if (n)
		memcpy(*out, arts, n * sizeof *arts);
	free(arts);
	*count = n;
	log_debug("store: %zu articles in the %lld-hour window, read in %lld ms", n, (long long)((span + 1800) / 3600),
	          (long long)(time_mono_ms() - t0));
	return 0;
}
