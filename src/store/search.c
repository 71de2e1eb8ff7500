/* search.c: keyset-paged item lists and search (see search.h). */
#include "store/search.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "feed/url.h"
#include "store/fts.h"
#include "store/snippet.h"
#include "util/str.h"


/* Tokens of a query term: how many, the first (for prefixes), and whether it is CJK. */
struct term_tokens {
	int count, is_cjk;
	char first[72];
};

static int
note_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tflags, (void)start, (void)end;
	struct term_tokens *t = ctx;
	if (t->count++ == 0) {
		snprintf(t->first, sizeof t->first, "%.*s", ntok, tok);
		t->is_cjk = fts_token_is_cjk(tok, ntok);
	}
	return 0;
}

/* Append s[0..n) as an FTS5 string, "" doubled. */
static void
put_string(struct buf *out, const char *s, size_t n)
{
	buf_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '"');
}

/* A prefix word as the OR of the indexed words it begins (fts_terms), when there are 1 to
 * PREFIX_MAX of them: FTS5 walks an OR lazily, newest first, where its own prefix query first
 * merges every matching word's whole doclist. Returns 0 when it did not expand.
 *
 * An OR costs a look-up of each word in each segment of the index, its own prefix query a
 * read of every matching word's doclist; at 3M items (~20 segments) the first page of `pro*`
 * (330 words) took 26 ms expanded and 236 ms not, `per*` (1,214) 53 and 79 ms, `tra*` (2,935)
 * 126 and 89 ms (docs/store.md, "Broad prefixes"). */
#define PREFIX_MAX 1024
static int
put_prefix_expansion(struct store *st, struct buf *out, const char *word)
{
	char hi[80];
	size_t n = strlen(word);
	struct err e;
	/* Words this connection indexed outside a transaction are noted now (a writer searching its
	 * own writes; a reader's list is always empty). */
	if (!st || n < 2 || n + 1 >= sizeof hi || fts_vocab_flush(st->vocab, st->db, &e) < 0)
		return 0;
	memcpy(hi, word, n + 1);
	hi[n - 1]++; /* the first string after every word with this prefix (no UTF-8 byte is 0xFF) */
	sqlite3_stmt *s = store_cached(st, "SELECT term FROM fts_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3", NULL);
	if (!s)
		return 0;
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hi, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, PREFIX_MAX + 1);
	struct buf terms = BUF_INIT;
	int k = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (k++)
			buf_puts(&terms, " OR ");
		put_string(&terms, (const char *)sqlite3_column_text(s, 0), (size_t)sqlite3_column_bytes(s, 0));
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	int ok = k >= 1 && k <= PREFIX_MAX;
	if (ok) {
		buf_puts(out, "(");
		buf_append(out, terms.data, terms.len);
		buf_puts(out, ")");
	}
	buf_free(&terms);
	return ok;
}

/* Append term[0..n) as an FTS5 string, or with is_prefix as a prefix query; nothing when it
 * holds no token (punctuation only), which FTS5 would reject. */
static void
put_term(struct store *st, struct buf *out, const char *term, size_t n, int is_prefix)
{
	struct term_tokens t = {0};
	fts_tokenize(term, (int)n, FTS5_TOKENIZE_QUERY, &t, note_token);
	if (!t.count)
		return;
	/* A CJK run is indexed as bigrams, each character also on its own: no token is longer
	 * than what a CJK query names, so `中*` finds what `中` finds (a 中X bigram stands beside
	 * its 中) and `中国*` what `中国` does, from one doclist instead of FTS5 merging those of
	 * every bigram that begins with the character. */
	if (t.is_cjk)
		is_prefix = 0;
	/* An explicit AND: FTS5 joins two phrases by juxtaposition, but not a parenthesised OR
	 * (an expanded prefix) and what follows it: "comp* rust" was a syntax error. */
	if (out->len)
		buf_puts(out, " AND ");
	if (is_prefix && t.count == 1 && put_prefix_expansion(st, out, t.first))
		return;
	put_string(out, term, n);
	if (is_prefix)
		buf_puts(out, " *");
}

int
store_search_next_term(const char **p, const char **term, size_t *n)
{
	const char *s = *p;
	while (*s && is_ascii_space((unsigned char)*s))
		s++;
	if (!*s) {
		*p = s;
		return 0;
	}
	size_t len;
	if (*s == '"') {
		s++;
		len = strcspn(s, "\"");
	} else {
		len = 0;
		while (s[len] && !is_ascii_space((unsigned char)s[len]) && s[len] != '"')
			len++;
	}
	*term = s;
	*n = len;
	s += len;
	if (*s == '"')
		s++;
	*p = s;
	return 1;
}

int
store_search_check(const char *q, struct err *e)
{
	size_t len = q ? strlen(q) : 0;
	if (len > SEARCH_QUERY_MAX)
		return err_set(e, "the search is %zu bytes long; at most %d are searched, shorten it", len,
		               SEARCH_QUERY_MAX);
	const char *p = q ? q : "", *term;
	size_t n;
	int terms = 0;
	while (store_search_next_term(&p, &term, &n))
		terms++;
	if (terms > QUERY_MAX_TERMS)
		return err_set(e, "the search has %d terms; at most %d are searched, leave some out", terms,
		               QUERY_MAX_TERMS);
	return 0;
}

void
store_search_query(struct store *st, const char *q, struct buf *out)
{
	const char *p = q ? q : "", *term;
	size_t n;
	for (int terms = 0; terms < QUERY_MAX_TERMS && store_search_next_term(&p, &term, &n); terms++) {
		int is_prefix = n > 1 && term[n - 1] == '*';
		put_term(st, out, term, is_prefix ? n - 1 : n, is_prefix);
	}
}

/* Fill a hit's display columns from s: title, link, the source's name, title and URL, when. */
static void
read_hit(sqlite3_stmt *s, int col, struct arena *arena, struct store_hit *h)
{
	h->title = arena_strdup(arena, store_col_text(s, col));
	h->link = arena_strdup(arena, store_col_text(s, col + 1));
	h->source = url_display_name(store_col_text(s, col + 2), store_col_text(s, col + 3), store_col_text(s, col + 4),
	                             arena);
	h->when = sqlite3_column_int64(s, col + 5);
}

static struct store_hit *
hits_alloc(struct arena *arena, int limit)
{
	return arena_alloc(arena, (size_t)(limit > 0 ? limit : 1) * sizeof(struct store_hit));
}

int
store_items_page(struct store *st, const char *cursor, int limit, struct arena *arena,
                 struct store_hits *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	long long w = INT64_MAX, id = INT64_MAX;
	if (cursor && sscanf(cursor, "%lld.%lld", &w, &id) != 2)
		w = id = INT64_MAX;
	sqlite3_stmt *s = store_cached(st,
		"SELECT i.id, i.title, i.link, s.name, s.title, s.url, COALESCE(i.published, i.first_seen),"
		" substr(unpacked(i.text), 1, 240) FROM items i JOIN sources s ON s.id = i.source_id"
		" WHERE COALESCE(i.published, i.first_seen) <= ?1"
		"  AND (COALESCE(i.published, i.first_seen) < ?1 OR i.id < ?2)"
		" ORDER BY COALESCE(i.published, i.first_seen) DESC, i.id DESC LIMIT ?3", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, w);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int(s, 3, limit + 1);
	out->hits = hits_alloc(arena, limit);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((int)out->count == limit) { /* one more exists: the last shown is the cursor */
			struct store_hit *last = &out->hits[out->count - 1];
			snprintf(out->next, sizeof out->next, "%" PRId64 ".%" PRId64, last->when, last->id);
			break;
		}
		struct store_hit *h = &out->hits[out->count++];
		h->id = sqlite3_column_int64(s, 0);
		read_hit(s, 1, arena, h);
		h->snippet = arena_strdup(arena, store_col_text(s, 7));
	}
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	if (!ok)
		err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
	sqlite3_reset(s);
	return ok ? 0 : -1;
}

/* Ranked ids of one page: the window's matches scored, keyset-filtered and ordered. The score
 * is brief_rank x 1e6 over (1 + age in 30-day units), an integer so cursors print exactly. */
static const char ranked_sql[] =
	"WITH c AS MATERIALIZED (SELECT rowid AS id, brief_rank(items_fts) AS r FROM items_fts"
	"   WHERE items_fts MATCH ?1 AND rowid <= ?2 ORDER BY rowid DESC LIMIT ?3),"
	" sc AS (SELECT c.id, CAST(c.r * 1000000.0 / (1.0 + max(0, ?4 - COALESCE(i.published, i.first_seen))"
	"   / 2592000.0) AS INTEGER) AS score FROM c JOIN items i ON i.id = c.id)"
	" SELECT sc.id, sc.score, (SELECT count(*) FROM c), (SELECT min(id) FROM c) FROM sc"
	" WHERE ?5 IS NULL OR sc.score < ?5 OR (sc.score = ?5 AND sc.id < ?6)"
	" ORDER BY sc.score DESC, sc.id DESC LIMIT ?7";

int
store_search_page(struct store *st, const char *q, const char *cursor, int64_t now, int limit,
                  struct arena *arena, struct store_hits *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct buf match = BUF_INIT;
	store_search_query(st, q, &match);
	if (!match.len) {
		buf_free(&match);
		out->hits = hits_alloc(arena, limit);
		return 0;
	}
	/* Cursor: "U_T" (a window's start) or "U_T_SCORE_ID" (after that row of window U). */
	long long u = INT64_MAX, t = now, score = 0, after = 0;
	int fields = cursor && *cursor ? sscanf(cursor, "%lld_%lld_%lld_%lld", &u, &t, &score, &after) : 0;
	if (fields != 2 && fields != 4) {
		u = INT64_MAX;
		t = now;
		fields = 0;
	}
	sqlite3_stmt *s;
	if (fields == 0) { /* a first page pins the window to the items there are now */
		s = store_cached(st, "SELECT COALESCE(max(id), 0) FROM items", e);
		if (!s) {
			buf_free(&match);
			return -1;
		}
		u = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_reset(s);
	}
	s = store_cached(st, ranked_sql, e);
	if (!s) {
		buf_free(&match);
		return -1;
	}
	sqlite3_bind_text(s, 1, match.data, (int)match.len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, u);
	sqlite3_bind_int(s, 3, SEARCH_WINDOW);
	sqlite3_bind_int64(s, 4, t);
	if (fields == 4) {
		sqlite3_bind_int64(s, 5, score);
		sqlite3_bind_int64(s, 6, after);
	}
	sqlite3_bind_int(s, 7, limit + 1);
	out->hits = hits_alloc(arena, limit);
	int64_t *scores = arena_alloc(arena, (size_t)(limit + 1) * sizeof *scores);
	int64_t window_rows = 0, window_min = 0;
	int more = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		window_rows = sqlite3_column_int64(s, 2);
		window_min = sqlite3_column_int64(s, 3);
		if ((int)out->count == limit) {
			more = 1;
			break;
		}
		scores[out->count] = sqlite3_column_int64(s, 1);
		out->hits[out->count++].id = sqlite3_column_int64(s, 0);
	}
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	if (!ok)
		err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (!ok) {
		buf_free(&match);
		return -1;
	}
	if (more) {
		struct store_hit *last = &out->hits[out->count - 1];
		snprintf(out->next, sizeof out->next, "%lld_%lld_%" PRId64 "_%" PRId64, u, t, scores[out->count - 1],
		         last->id);
	} else if (window_rows == SEARCH_WINDOW && window_min > 1) { /* the next, older window */
		snprintf(out->next, sizeof out->next, "%" PRId64 "_%lld", window_min - 1, t);
	}
	/* The page's rows: their columns by rowid, and a snippet each from its text (store/
	 * snippet.h: the words are found again in the row's text, not by a second walk of the
	 * index, which for an expanded prefix of a hundred words cost as much as the search). */
	buf_free(&match);
	s = store_cached(st,
		"SELECT i.title, i.link, s.name, s.title, s.url, COALESCE(i.published, i.first_seen), d.text"
		" FROM items i JOIN sources s ON s.id = i.source_id JOIN items_doc d ON d.id = i.id WHERE i.id = ?1", e);
	if (!s)
		return -1;
	struct snippet_query sq;
	snippet_query_parse(q, &sq);
	struct buf snip = BUF_INIT, title_snip = BUF_INIT;
	for (size_t k = 0; k < out->count && ok; k++) {
		struct store_hit *h = &out->hits[k];
		sqlite3_bind_int64(s, 1, h->id);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			read_hit(s, 0, arena, h);
			const char *text = store_col_text(s, 6);
			buf_clear(&snip);
			buf_clear(&title_snip);
			/* the text's best window; the title when only the title has the words */
			int marked = text ? snippet_make(&sq, text, strlen(text), SNIPPET_WIDTH, &snip) : 0;
			if (!marked && h->title && snippet_make(&sq, h->title, strlen(h->title), SNIPPET_WIDTH, &title_snip))
				h->snippet = arena_strdup(arena, buf_str(&title_snip));
			else
				h->snippet = arena_strdup(arena, buf_str(&snip));
		} else if (rc != SQLITE_DONE) {
			ok = err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db)) == 0;
		}
		sqlite3_reset(s);
	}
	buf_free(&snip);
	buf_free(&title_snip);
	return ok ? 0 : -1;
}
