/* items.c: item upsert by dedupe key with content-change detection, and fetch log rows. */
#include "store/items.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "feed/url.h"
#include "store/pack.h"
#include "util/hash.h"
#include "util/str.h"

int
store_items_open(struct store_items *w, struct store *st, struct err *e)
{
	memset(w, 0, sizeof *w);
	/* An item's INSERT runs its triggers, so SQLite keeps a statement journal of the pages it
	 * changes; once one statement's journal passes 64 KiB it moves to a temporary file for the
	 * rest of the transaction, and every later item's pages are written there (pwrite: 6 % of
	 * a fetch's CPU). The fetcher's statements each change a few pages, so in memory the
	 * journal stays small; store_items_close sets the default back (a prune's or a migration's
	 * large statements, or VACUUM's copy, must not be held in memory). */
	if (store_exec(st, "PRAGMA temp_store = MEMORY", e) < 0)
		return -1;
	w->st = st;
	w->find = store_prepare(st, "SELECT content_hash, link, title, published FROM items"
	                                " WHERE source_id = ? AND dedupe_key = ?", e);
	w->insert = store_prepare(
		st,
		"INSERT INTO items(source_id, dedupe_key, link, canonical_link, title, author, summary,"
		" content, text, categories, enclosures, comments, published, updated, first_seen, content_hash)"
		" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
		e);
	w->update = store_prepare(
		st,
		"UPDATE items SET guid = NULL, link = ?3, canonical_link = ?4, title = ?5, author = ?6,"
		" summary = ?7, content = ?8, text = ?9, categories = ?10, enclosures = ?11, comments = ?12,"
		" published = ?13, updated = ?14, changed_at = ?15, content_hash = ?16, pruned_at = NULL"
		" WHERE source_id = ?1 AND dedupe_key = ?2",
		e);
	if (!w->find || !w->insert || !w->update) {
		store_items_close(w);
		return -1;
	}
	return 0;
}

void
store_items_close(struct store_items *w)
{
	struct err e;
	if (w->st) /* outside a transaction this cannot fail; if it did, journals stay in memory */
		store_exec(w->st, "PRAGMA temp_store = DEFAULT", &e);
	sqlite3_finalize(w->find);
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->update);
	arena_free(&w->scratch);
	memset(w, 0, sizeof *w);
}

static int
is_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

void
store_item_dedupe_key(const struct feed_item *item, struct buf *out)
{
	if (!is_blank(item->id)) {
		buf_puts(out, "g:");
		buf_puts(out, item->id);
		return;
	}
	if (!is_blank(item->link)) {
		buf_puts(out, "l:");
		url_canonical(item->link, out);
		return;
	}
	struct buf tmp = BUF_INIT;
	int64_t date = feed_item_given_date(item); /* as given: a 1970 date kept its key */
	buf_puts(&tmp, item->title ? item->title : "");
	buf_putc(&tmp, '\n');
	if (date != FEED_NO_DATE)
		buf_printf(&tmp, "%lld", (long long)date);
	else if (item->text) { /* undated and untitled items still need to stay apart */
		/* A line break counts as the space it was before session 10 (feed/text.h), so that an
		 * item stored before keeps its key and is not taken for a new one. */
		for (const char *c = item->text; *c; c++)
			buf_putc(&tmp, *c == '\n' ? ' ' : *c);
	}
	char hex[33];
	hash_hex128(tmp.data, tmp.len, hex);
	buf_free(&tmp);
	buf_puts(out, "h:");
	buf_puts(out, hex);
}

static char *
json_categories(const struct feed_item *item)
{
	if (!item->category_count)
		return NULL;
	json_t *a = json_array();
	for (size_t i = 0; i < item->category_count; i++)
		if (item->categories[i])
			json_array_append_new(a, json_string(item->categories[i]));
	char *s = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return s;
}

static char *
json_enclosures(const struct feed_item *item)
{
	if (!item->enclosure_count)
		return NULL;
	json_t *a = json_array();
	for (size_t i = 0; i < item->enclosure_count; i++) {
		const struct feed_enclosure *en = &item->enclosures[i];
		json_t *o = json_object();
		json_object_set_new(o, "url", en->url ? json_string(en->url) : json_null());
		json_object_set_new(o, "type", en->type ? json_string(en->type) : json_null());
		json_object_set_new(o, "length", en->length >= 0 ? json_integer(en->length) : json_null());
		json_array_append_new(a, o);
	}
	char *s = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return s;
}

static void
hash_field(struct buf *b, const char *s)
{
	buf_puts(b, s ? s : "");
	buf_putc(b, '\x1f');
}

static void
bind_date(sqlite3_stmt *s, int idx, int64_t t)
{
	if (t == FEED_NO_DATE)
		sqlite3_bind_null(s, idx);
	else
		sqlite3_bind_int64(s, idx, t);
}

static int
step_reset(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return err_set(e, "database: %s", sqlite3_errmsg(st->db));
	return 0;
}

/* The #fragment of link, trimmed: 1 with *frag, *len set when there is a non-empty one, else 0. */
static int
link_fragment(const char *link, const char **frag, size_t *len)
{
	const char *s = link ? link : "";
	size_t n = strlen(s);
	str_trim(&s, &n);
	const char *hash = memchr(s, '#', n);
	if (!hash || hash + 1 == s + n)
		return 0;
	*frag = hash + 1;
	*len = (size_t)(s + n - *frag);
	return 1;
}

/* Look up key among source_id's items. Returns 1 when a row holds it (*same: its content hash
 * is p's; *other: frag is set and the row's link has a fragment other than frag, so the row is
 * another entry of the same page; *post: the row has p's title and date, so it is this post even
 * where the key is no identity: store_items_mark_shared), 0 when none does, -1 with e set on a
 * database error. */
static int
find_key(struct store_items *w, int64_t source_id, const char *key, size_t key_len,
         const struct store_item_prep *p, const char *frag, int *same, int *other, int *post, struct err *e)
{
	sqlite3_stmt *f = w->find;
	sqlite3_bind_int64(f, 1, source_id);
	sqlite3_bind_text(f, 2, key, (int)key_len, SQLITE_STATIC);
	int step = sqlite3_step(f);
	*same = *other = *post = 0;
	if (step == SQLITE_ROW) {
		const char *hash = store_col_text(f, 0), *title = store_col_text(f, 2);
		*same = hash && strcmp(hash, p->content_hash) == 0;
		int64_t date = sqlite3_column_type(f, 3) == SQLITE_NULL ? FEED_NO_DATE : sqlite3_column_int64(f, 3);
		*post = date == p->date && strcmp(title ? title : "", p->title ? p->title : "") == 0;
		const char *row_frag;
		size_t row_len;
		if (frag && link_fragment(store_col_text(f, 1), &row_frag, &row_len))
			*other = row_len != strlen(frag) || memcmp(row_frag, frag, row_len) != 0;
	}
	sqlite3_reset(f);
	sqlite3_clear_bindings(f);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return err_set(e, "database: %s", sqlite3_errmsg(w->st->db));
	return step == SQLITE_ROW;
}

/* Copy of s in arena, NULL for NULL. */
static const char *
dup_or_null(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/* Set p->alt_key (items.h): p's key, with its fragment when it has one, "|h:" and the hash of
 * item's title and date as the feed gives it (a 1970 date too, so that the key stays the one
 * stored before such dates were filed as none). */
static void
alt_key(struct store_item_prep *p, const struct feed_item *item, struct arena *a)
{
	struct buf b = BUF_INIT;
	char hex[33];
	int64_t date = feed_item_given_date(item);
	buf_puts(&b, item->title ? item->title : "");
	buf_putc(&b, '\n');
	if (date != FEED_NO_DATE)
		buf_printf(&b, "%lld", (long long)date);
	hash_hex128(b.data, b.len, hex);
	b.len = 0;
	buf_puts(&b, p->frag_key ? p->frag_key : p->key);
	buf_puts(&b, "|h:");
	buf_puts(&b, hex);
	p->alt_key = arena_strndup(a, buf_str(&b), b.len);
	p->alt_key_len = b.len;
	buf_free(&b);
}

void
store_item_prepare(const struct feed_item *item, struct arena *a, struct store_item_prep *p)
{
	struct buf key = BUF_INIT, canon = BUF_INIT, hb = BUF_INIT;
	char *cats = json_categories(item), *encl = json_enclosures(item);
	memset(p, 0, sizeof *p);
	p->date = feed_item_date(item);
	store_item_dedupe_key(item, &key);
	p->key = arena_strndup(a, buf_str(&key), key.len);
	p->key_len = key.len;
	const char *frag = NULL;
	size_t frag_len = 0;
	if (key.len > 2 && memcmp(key.data, "l:", 2) == 0 && link_fragment(item->link, &frag, &frag_len)) {
		p->frag = arena_strndup(a, frag, frag_len);
		buf_putc(&key, '#');
		buf_append(&key, frag, frag_len);
		p->frag_key = arena_strndup(a, buf_str(&key), key.len);
		p->frag_key_len = key.len;
	}
	if (key.len > 2 && memcmp(key.data, "l:", 2) == 0 && !is_blank(item->link_alias)) {
		buf_puts(&canon, "l:");
		url_canonical(item->link_alias, &canon);
		if (strcmp(buf_str(&canon), p->key) != 0) {
			p->alias_key = arena_strndup(a, buf_str(&canon), canon.len);
			p->alias_key_len = canon.len;
		}
		canon.len = 0;
	}
	if (p->key_len > 2 && (memcmp(p->key, "g:", 2) == 0 || memcmp(p->key, "l:", 2) == 0))
		alt_key(p, item, a);
	/* Stored only where it differs from the link: readers fall back to the link, and this copy
	 * and the guid's were 5 % of the store (docs/store.md). */
	if (!is_blank(item->link)) {
		url_canonical(item->link, &canon);
		if (canon.len && strcmp(buf_str(&canon), item->link) != 0)
			p->canon = arena_strndup(a, buf_str(&canon), canon.len);
	}
	hash_field(&hb, item->title);
	hash_field(&hb, item->link);
	hash_field(&hb, item->author);
	hash_field(&hb, item->summary);
	hash_field(&hb, item->content);
	hash_field(&hb, cats);
	hash_field(&hb, encl);
	hash_hex128(hb.data, hb.len, p->content_hash);
	p->link = dup_or_null(a, item->link);
	p->title = dup_or_null(a, item->title);
	p->author = dup_or_null(a, item->author);
	p->cats = dup_or_null(a, cats);
	p->encl = dup_or_null(a, encl);
	p->comments = dup_or_null(a, item->comments);
	store_pack(item->summary, item->text, a, &p->summary);
	store_pack(item->content, item->text, a, &p->content);
	store_pack(item->text, NULL, a, &p->text);
	p->updated = item->updated;
	free(cats);
	free(encl);
	buf_free(&key);
	buf_free(&canon);
	buf_free(&hb);
}

/* The key that names an item of a document: with its fragment, when it has one. */
static const char *
doc_key(const struct store_item_prep *p)
{
	return p->frag_key ? p->frag_key : p->key;
}

/* qsort order of pointers to prepared items by doc_key. */
static int
cmp_doc_key(const void *a, const void *b)
{
	return strcmp(doc_key(*(const struct store_item_prep *const *)a), doc_key(*(const struct store_item_prep *const *)b));
}

void
store_items_mark_shared(struct store_item_prep *items, size_t n)
{
	if (n < 2)
		return;
	struct store_item_prep **by = malloc(n * sizeof *by);
	if (!by) /* without the marks each item keeps its key, as before they existed */
		return;
	for (size_t i = 0; i < n; i++)
		by[i] = &items[i];
	qsort(by, n, sizeof *by, cmp_doc_key);
	for (size_t i = 1; i < n; i++)
		if (by[i]->alt_key && strcmp(doc_key(by[i - 1]), doc_key(by[i])) == 0)
			by[i - 1]->shared = by[i]->shared = 1;
	free(by);
}

/* Whether key is the key of one of the items of w->doc. */
static int
in_doc(const struct store_items *w, const char *key)
{
	for (size_t i = 0; i < w->doc_count; i++)
		if (strcmp(w->doc[i].key, key) == 0 || (w->doc[i].frag_key && strcmp(w->doc[i].frag_key, key) == 0))
			return 1;
	return 0;
}

/* Give source_id's row under key old p's key (unknown so far: the row is p's post, found under
 * the key it had). Returns 1, or -1 with e set. */
static int
rename_key(struct store_items *w, int64_t source_id, const char *old, const struct store_item_prep *p, struct err *e)
{
	sqlite3_stmt *u = store_cached(w->st, "UPDATE items SET dedupe_key = ?3 WHERE source_id = ?1 AND dedupe_key = ?2", e);
	if (!u)
		return -1;
	sqlite3_bind_int64(u, 1, source_id);
	store_bind_text(u, 2, old);
	sqlite3_bind_text(u, 3, p->key, (int)p->key_len, SQLITE_STATIC);
	return store_cached_step(w->st, u, e) < 0 ? -1 : 1;
}

/* For p, not known under its key: when it is keyed by title and date ("h:"), dated, with text,
 * and exactly one dated row of source_id has its text, its date or its title, and an "h:" key
 * that no item of w->doc has (the post before its title was edited, or before the feed dated it
 * anew: another post of the document keeps its own key), rename that row's key to p's.
 * Returns 1 when renamed, 0 when not, -1 with e set. */
static int
find_retitled(struct store_items *w, int64_t source_id, const struct store_item_prep *p, struct err *e)
{
	if (strncmp(p->key, "h:", 2) != 0 || p->date == FEED_NO_DATE || !p->text.len)
		return 0;
	sqlite3_stmt *s = store_cached(w->st,
		"SELECT dedupe_key FROM items WHERE source_id = ?1 AND dedupe_key >= 'h:' AND dedupe_key < 'h;'"
		" AND published IS NOT NULL AND (published = ?2 OR title = ?4) AND text = ?3 LIMIT 8", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, source_id);
	sqlite3_bind_int64(s, 2, p->date);
	store_bind_packed_value(s, 3, &p->text);
	store_bind_text(s, 4, p->title);
	char old[64] = "";
	int found = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = store_col_text(s, 0);
		if (!k || in_doc(w, k))
			continue;
		found++;
		str_copy(old, k, sizeof old);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: %s", w->st->path, sqlite3_errmsg(w->st->db));
	if (found != 1)
		return 0;
	return rename_key(w, source_id, old, p, e);
}

/* Whether source_id has an item first seen before now (stored by an earlier run). Returns 1 or
 * 0, or -1 with e set. */
static int
seen_before(struct store_items *w, int64_t source_id, int64_t now, struct err *e)
{
	sqlite3_stmt *q =
		store_cached(w->st, "SELECT EXISTS (SELECT 1 FROM items WHERE source_id = ?1 AND first_seen < ?2)", e);
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, source_id);
	sqlite3_bind_int64(q, 2, now);
	int seen = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	sqlite3_reset(q);
	return seen < 0 ? err_set(e, "database %s: %s", w->st->path, sqlite3_errmsg(w->st->db)) : seen;
}

/* For p, not known under its key: when that key is a guid that is an http(s) URL, or a link
 * (no fragment), and exactly the row of source_id under one of its other forms (the URL's
 * canonical form, and that with http:// for https:// or back, with and without "www." and a
 * trailing "/": url_feed_aliases) that no other item of w->doc has, rename that row's key to
 * p's: a blog moved to https, or its generator's permalinks gained or lost their slash, and
 * the post must not come back as new. Returns 1 when renamed (*same: the row's content hash
 * is p's), 0 when not, -1 with e set. */
static int
find_url_form(struct store_items *w, int64_t source_id, const struct store_item_prep *p, int64_t now, int *same,
              struct err *e)
{
	const char *url = p->key + 2;
	if (p->frag_key || p->shared || !(str_starts(p->key, "g:") || str_starts(p->key, "l:")) ||
	    !(str_starts(url, "http://") || str_starts(url, "https://")))
		return 0;
	/* The forms cost a fifth of the CPU of storing a feed fetched the first time, every item
	 * new: asked once per document whether the source has a row from before it. */
	if (!w->doc || w->form_doc != w->doc || w->form_src != source_id) {
		int seen = seen_before(w, source_id, now, e);
		if (seen < 0)
			return -1;
		w->form_doc = w->doc;
		w->form_src = source_id;
		w->form_src_old = seen;
	}
	if (!w->form_src_old)
		return 0;
	struct arena a = ARENA_INIT;
	struct buf form = BUF_INIT, canon = BUF_INIT;
	url_canonical(url, &canon); /* a link key is in this form already */
	const char **aliases = NULL;
	size_t n = url_feed_aliases(buf_str(&canon), &a, &aliases);
	char old[4200] = "";
	int found = 0, rc = 0, row_same = 0;
	for (size_t i = 0; i <= n && rc >= 0; i++) { /* i == n: the canonical form itself */
		form.len = 0;
		buf_append(&form, p->key, 2);
		buf_puts(&form, i < n ? aliases[i] : buf_str(&canon));
		int other, post;
		if (strcmp(buf_str(&form), p->key) == 0 || strcmp(buf_str(&form), old) == 0)
			continue;
		rc = find_key(w, source_id, buf_str(&form), form.len, p, NULL, &row_same, &other, &post, e);
		/* in_doc reads the whole document: only for a row found, not for every form tried */
		if (rc > 0 && form.len < sizeof old && !in_doc(w, buf_str(&form))) {
			found++;
			*same = row_same;
			str_copy(old, buf_str(&form), sizeof old);
		}
	}
	buf_free(&form);
	buf_free(&canon);
	arena_free(&a);
	if (rc < 0)
		return -1;
	if (found != 1)
		return 0;
	return rename_key(w, source_id, old, p, e);
}

int
store_item_put_prepared(struct store_items *w, int64_t source_id, const struct store_item_prep *p, int64_t now,
                        enum store_put_result *result, struct err *e)
{
	/* An entry whose link has a fragment is found under the key with it, else under the plain
	 * key (the first entry of a page takes that, and keys stored before have no fragment)
	 * unless the row there is another fragment's entry: then it is a new item of its own. */
	const char *key = p->key;
	size_t key_len = p->key_len;
	int same, other, post;
	int exists = 0;
	if (p->frag_key) {
		exists = find_key(w, source_id, p->frag_key, p->frag_key_len, p, NULL, &same, &other, &post, e);
		if (exists > 0) {
			key = p->frag_key;
			key_len = p->frag_key_len;
		}
	}
	if (!exists) {
		exists = find_key(w, source_id, p->key, p->key_len, p, p->frag, &same, &other, &post, e);
		if (exists > 0 && other) {
			exists = 0;
			key = p->frag_key;
			key_len = p->frag_key_len;
		}
	}
	if (!exists)
		exists = find_url_form(w, source_id, p, now, &same, e);
	if (!exists && p->alias_key) {
		/* a FeedBurner item a store written before keyed by its redirector link: the same
		 * item (updated under that key), not a new one */
		exists = find_key(w, source_id, p->alias_key, p->alias_key_len, p, NULL, &same, &other, &post, e);
		if (exists > 0) {
			key = p->alias_key;
			key_len = p->alias_key_len;
		}
	}
	/* A key another item of the document has too names no post: the row under it is this item
	 * only when it has this title and date (stored so before the document shared the key), else
	 * the item is stored under its alt_key. An item that no longer shares its key (the others
	 * left the feed) is looked for there as well, before it would overwrite the row under its key
	 * with another title and date (the post that held the key) or be stored as new. */
	if (exists > 0 && p->shared && !post)
		exists = 0;
	if (exists >= 0 && p->alt_key && (p->shared ? !exists : !exists || (!same && !post))) {
		int alt_same, alt_other, alt_post;
		int alt = find_key(w, source_id, p->alt_key, p->alt_key_len, p, NULL, &alt_same, &alt_other, &alt_post, e);
		if (alt != 0 || p->shared) {
			exists = alt;
			same = alt_same;
			key = p->alt_key;
			key_len = p->alt_key_len;
		}
	}
	if (!exists && w->doc) {
		exists = find_retitled(w, source_id, p, e);
		same = 0;
	}
	if (exists < 0)
		return -1;
	if (exists && same) {
		*result = ITEM_UNCHANGED;
		return 0;
	}
	sqlite3_stmt *s = exists ? w->update : w->insert;
	sqlite3_bind_int64(s, 1, source_id);
	sqlite3_bind_text(s, 2, key, (int)key_len, SQLITE_STATIC);
	store_bind_text(s, 3, p->link);
	store_bind_text(s, 4, p->canon);
	store_bind_text(s, 5, p->title);
	store_bind_text(s, 6, p->author);
	store_bind_packed_value(s, 7, &p->summary);
	store_bind_packed_value(s, 8, &p->content);
	store_bind_packed_value(s, 9, &p->text);
	store_bind_text(s, 10, p->cats);
	store_bind_text(s, 11, p->encl);
	store_bind_text(s, 12, p->comments);
	bind_date(s, 13, p->date); /* the date it is filed under */
	bind_date(s, 14, p->updated);
	sqlite3_bind_int64(s, 15, now); /* first_seen on insert, changed_at on update */
	sqlite3_bind_text(s, 16, p->content_hash, -1, SQLITE_STATIC);
	if (step_reset(w->st, s, e) < 0)
		return -1;
	*result = exists ? ITEM_CHANGED : ITEM_NEW;
	return 0;
}

int
store_item_put(struct store_items *w, int64_t source_id, const struct feed_item *item, int64_t now,
               enum store_put_result *result, struct err *e)
{
	struct store_item_prep p;
	store_item_prepare(item, &w->scratch, &p);
	int rc = store_item_put_prepared(w, source_id, &p, now, result, e);
	arena_reset(&w->scratch);
	return rc;
}

int
store_items_defer_fts(struct store *st, struct err *e)
{
	return store_cached_run(st, "INSERT INTO fts_defer(is_on) VALUES (1)", e);
}

int
store_items_index_deferred(struct store *st, struct err *e)
{
	/* One single-row INSERT per item, not one INSERT ... SELECT: a statement that writes
	 * several rows runs in a statement transaction, which journals the original of every
	 * page it changes (FTS5's segment writes and merges: tens of MB at 1M items) and makes
	 * FTS5 flush a segment; single-row statements need neither, and FTS5 keeps collecting
	 * in its own buffer until the commit. */
	sqlite3_stmt *q = store_cached(st, "SELECT d.id, d.title, d.text FROM fts_pending p"
	                                   " JOIN items_doc d ON d.id = p.id", e); /* with the page, if any */
	sqlite3_stmt *ins = store_cached(st, "INSERT INTO items_fts(rowid, title, text) VALUES (?1, ?2, ?3)", e);
	if (!q || !ins)
		return -1;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		sqlite3_bind_int64(ins, 1, sqlite3_column_int64(q, 0));
		sqlite3_bind_value(ins, 2, sqlite3_column_value(q, 1));
		sqlite3_bind_value(ins, 3, sqlite3_column_value(q, 2));
		if (store_cached_step(st, ins, e) < 0) {
			sqlite3_reset(q);
			return -1;
		}
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: indexing new items: %s", st->path, sqlite3_errmsg(st->db));
	if (store_cached_run(st, "DELETE FROM fts_pending", e) < 0)
		return -1;
	return store_cached_run(st, "DELETE FROM fts_defer", e);
}

int
store_fetchlog_add(struct store *st, const struct fetchlog_row *row, struct err *e)
{
	sqlite3_stmt *s = store_cached(st,
	                               /* the source may be gone: merged into the one its permanent
	                                * redirect led to (store_source_record) */
	                               "INSERT INTO fetch_log(source_id, url, started_at, http_status, bytes, ms,"
	                               " items_new, error) VALUES ((SELECT id FROM sources WHERE id = ?),?,?,?,?,?,?,?)",
	                               e);
	if (!s)
		return -1;
	if (row->source_id)
		sqlite3_bind_int64(s, 1, row->source_id);
	else
		sqlite3_bind_null(s, 1);
	store_bind_text(s, 2, row->url);
	sqlite3_bind_int64(s, 3, row->started_at);
	if (row->http_status)
		sqlite3_bind_int(s, 4, row->http_status);
	else
		sqlite3_bind_null(s, 4);
	sqlite3_bind_int64(s, 5, row->bytes);
	sqlite3_bind_int64(s, 6, row->ms);
	sqlite3_bind_int(s, 7, row->items_new);
	store_bind_text(s, 8, row->error);
	return store_cached_step(st, s, e);
}
