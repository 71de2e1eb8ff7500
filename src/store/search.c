/* search.c: keyset-paged item lists and search (see search.h). */
#include "store/search.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/url.h"
#include "store/fts.h"
#include "store/snippet.h"
#include "util/str.h"


/* Tokens of a query term: how many, the first (for prefixes), and whether the last (the
 * one a * applies to) is CJK. */
struct term_tokens {
	int count, is_cjk;
	char first[72];
};

static int
note_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tflags, (void)start, (void)end;
	struct term_tokens *t = ctx;
	if (t->count++ == 0)
		snprintf(t->first, sizeof t->first, "%.*s", ntok, tok);
	t->is_cjk = fts_token_is_cjk(tok, ntok);
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
 * merges every matching word's whole doclist. Returns how many words it found, at most
 * PREFIX_MAX + 1 (more than it expands), 0 also when it could not look (st NULL); appends
 * only when it expanded.
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
	if (!st || n < 1 || n + 1 >= sizeof hi || fts_vocab_flush(st->vocab, st->db, &e) < 0)
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
	if (k >= 1 && n == 1) { /* fts_terms lists no one-byte word (fts.c): the prefix's own */
		buf_puts(&terms, " OR ");
		put_string(&terms, word, n);
		k++;
	}
	if (k >= 1 && k <= PREFIX_MAX) {
		buf_puts(out, "(");
		buf_append(out, terms.data, terms.len);
		buf_puts(out, ")");
	}
	buf_free(&terms);
	return k;
}

/* A search as the index is asked it. full is every term; base leaves out the broad prefixes,
 * those that begin more than PREFIX_SCAN indexed words, which a search first looks for by
 * reading rows (store_search_page) when the rows' matcher reads every term as the index does
 * (snippet_query.is_exact). groups is, for each term of full, how many FTS5 phrases it is
 * ("1,330,1": an expanded prefix is a phrase per word), so that brief_rank scores a term as
 * one whichever way it was asked: as the rows' matcher does, and as a term read one way on one
 * page and another on the next (its words grew past a bound meanwhile) must be scored. */
#define PREFIX_SCAN 256
struct search_plan {
	struct buf full, base, groups;
	int broad;
};

/* Append a term's FTS5 text to out, joined to what is there by AND. */
static void
put_and(struct buf *out, const struct buf *term)
{
	/* An explicit AND: FTS5 joins two phrases by juxtaposition, but not a parenthesised OR
	 * (an expanded prefix) and what follows it: "comp* rust" was a syntax error. */
	if (out->len)
		buf_puts(out, " AND ");
	buf_append(out, term->data, term->len);
}

/* Add term[0..n) to the plan as an FTS5 string, or with is_prefix as a prefix query; nothing
 * when it holds no token (punctuation only), which FTS5 would reject. */
static void
plan_term(struct store *st, struct search_plan *pl, const char *term, size_t n, int is_prefix)
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
	struct buf one = BUF_INIT;
	int words = is_prefix && t.count == 1 ? put_prefix_expansion(st, &one, t.first) : 0;
	int phrases = one.len ? words : 1;
	if (!one.len) {
		put_string(&one, term, n);
		if (is_prefix)
			buf_puts(&one, " *");
	}
	put_and(&pl->full, &one);
	buf_printf(&pl->groups, "%s%d", pl->groups.len ? "," : "", phrases);
	if (words > PREFIX_SCAN)
		pl->broad++;
	else
		put_and(&pl->base, &one);
	buf_free(&one);
}

/* Read the search q (its first QUERY_MAX_TERMS terms) into pl; plan_free frees it. */
static void
plan_read(struct store *st, const char *q, struct search_plan *pl)
{
	memset(pl, 0, sizeof *pl);
	const char *p = q ? q : "", *term;
	size_t n;
	for (int terms = 0; terms < QUERY_MAX_TERMS && store_search_next_term(&p, &term, &n); terms++) {
		int is_prefix = n > 1 && term[n - 1] == '*';
		plan_term(st, pl, term, is_prefix ? n - 1 : n, is_prefix);
	}
}

static void
plan_free(struct search_plan *pl)
{
	buf_free(&pl->full);
	buf_free(&pl->base);
	buf_free(&pl->groups);
}

/* The length of the space between words at s: 1 for ASCII whitespace, 3 for U+3000
 * (IDEOGRAPHIC SPACE, what a Chinese or Japanese input method types for a space), else 0. */
static size_t
space_len(const char *s)
{
	if (is_ascii_space((unsigned char)*s))
		return 1;
	const unsigned char *u = (const unsigned char *)s;
	return u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0; /* && stops at a NUL */
}

int
store_search_next_term(const char **p, const char **term, size_t *n)
{
	const char *s = *p;
	for (size_t sp; *s && (sp = space_len(s)) > 0;)
		s += sp;
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
		while (s[len] && !space_len(s + len) && s[len] != '"')
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
	/* A control character is no text anyone typed, and the page could not echo it (html.h drops
	 * them); tab and line breaks separate words. */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)q[i];
		if ((c < 0x20 && !is_ascii_space(c)) || c == 0x7F)
			return err_set(e, "the search holds a control character; leave it out");
	}
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
	struct search_plan pl;
	plan_read(st, q, &pl);
	buf_append(out, pl.full.data, pl.full.len);
	plan_free(&pl);
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

/* Step s (an item list query: id, read_hit's columns, snippet; limit + 1 rows at most) into
 * out->hits, at most limit of them; *more = whether a row beyond them exists. s is reset.
 * Returns 0, or -1 with e set. */
static int
read_item_rows(struct store *st, sqlite3_stmt *s, int limit, struct arena *arena, struct store_hits *out,
               int *more, struct err *e)
{
	out->hits = hits_alloc(arena, limit);
	*more = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((int)out->count == limit) {
			*more = 1;
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

int
store_items_page(struct store *st, const char *cursor, int64_t now, int limit, struct arena *arena,
                 struct store_hits *out, struct err *e)
{
	(void)now;
	memset(out, 0, sizeof *out);
	long long w = INT64_MAX, id = INT64_MAX;
	int fields = cursor ? sscanf(cursor, "%lld.%lld", &w, &id) : 0;
	if (fields < 2)
		w = id = INT64_MAX;
	/* An item's time is where the digests place it (STORE_ITEM_WHEN, store/select.c): its
	 * date, never later than when it was first seen, so a date ahead (a feed's clock or zone,
	 * a placeholder years ahead) does not hold the top of the list. One range of items_placed
	 * from the cursor; the time does not depend on the clock, so an item keeps its place
	 * between pages. */
	sqlite3_stmt *s = store_cached(st,
		"SELECT i.id, i.title, i.link, s.name, s.title, s.url, " STORE_ITEM_WHEN("i.") ","
		"  substr(unpacked(i.text), 1, 240)"
		" FROM items i JOIN sources s ON s.id = i.source_id"
		" WHERE " STORE_ITEM_WHEN("i.") " <= ?1 AND (" STORE_ITEM_WHEN("i.") " < ?1 OR i.id < ?2)"
		" ORDER BY " STORE_ITEM_WHEN("i.") " DESC, i.id DESC LIMIT ?3", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, w);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int(s, 3, limit + 1);
	int more;
	int ok = read_item_rows(st, s, limit, arena, out, &more, e) == 0;
	if (ok && more) { /* one more exists: the last shown is the cursor */
		struct store_hit *last = &out->hits[out->count - 1];
		snprintf(out->next, sizeof out->next, "%" PRId64 ".%" PRId64, last->when, last->id);
	}
	/* a page after a cursor has newer items before it: the page just newer than its first */
	if (ok && fields >= 2 && out->count)
		snprintf(out->prev, sizeof out->prev, "%" PRId64 ".%" PRId64, out->hits[0].when, out->hits[0].id);
	return ok ? 0 : -1;
}

int
store_items_newer(struct store *st, const char *cursor, int64_t now, int limit, struct arena *arena,
                  struct store_hits *out, struct err *e)
{
	long long w, id;
	if (!cursor || sscanf(cursor, "%lld.%lld", &w, &id) != 2)
		return store_items_page(st, NULL, now, limit, arena, out, e);
	memset(out, 0, sizeof *out);
	/* store_items_page's range walked the other way, oldest first from the cursor (with one
	 * more row: whether there are newer still); the rows are turned round below. */
	sqlite3_stmt *s = store_cached(st,
		"SELECT i.id, i.title, i.link, s.name, s.title, s.url, " STORE_ITEM_WHEN("i.") ","
		"  substr(unpacked(i.text), 1, 240)"
		" FROM items i JOIN sources s ON s.id = i.source_id"
		" WHERE " STORE_ITEM_WHEN("i.") " >= ?1 AND (" STORE_ITEM_WHEN("i.") " > ?1 OR i.id > ?2)"
		" ORDER BY " STORE_ITEM_WHEN("i.") " ASC, i.id ASC LIMIT ?3", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, w);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int(s, 3, limit + 1);
	int more;
	if (read_item_rows(st, s, limit, arena, out, &more, e) < 0)
		return -1;
	for (size_t a = 0, b = out->count; a + 1 < b; a++, b--) { /* newest first */
		struct store_hit t = out->hits[a];
		out->hits[a] = out->hits[b - 1];
		out->hits[b - 1] = t;
	}
	if (out->count) {
		const struct store_hit *oldest = &out->hits[out->count - 1], *newest = &out->hits[0];
		snprintf(out->next, sizeof out->next, "%" PRId64 ".%" PRId64, oldest->when, oldest->id);
		if (more)
			snprintf(out->prev, sizeof out->prev, "%" PRId64 ".%" PRId64, newest->when, newest->id);
	}
	return 0;
}

/* An item's time for a search, as the latest items and the digests place it
 * (STORE_ITEM_WHEN): a date ahead of when the item was fetched (hours, or years) neither keeps
 * a match as fresh as today's nor is shown. */
#define SEARCH_WHEN STORE_ITEM_WHEN("i.")

/* A match of a window read from rows: its id and score as ranked_sql computes them. */
struct scan_match {
	int64_t id, score;
};

/* How many candidate rows a search with broad prefixes reads before it asks the index. Where
 * such a prefix is common the newest 1,000 matches are among the newest rows (`s*`: 1,000
 * rows, ~4 ms at 3M items; FTS5's own prefix query took 2.5 s and 148 MiB). After SCAN_PROBE
 * rows it gives up as soon as the rate of matches so far would need more than SCAN_MAX rows to
 * fill the window: a rare prefix costs ~500 rows (2-7 ms) before the index answers, a
 * moderately common one is read up to SCAN_MAX (~30-120 ms at 4-15 µs a row). */
#define SCAN_PROBE 500
#define SCAN_MAX (8 * SEARCH_WINDOW)

static int
by_score(const void *a, const void *b)
{
	const struct scan_match *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->id < y->id) - (x->id > y->id);
}

/* The window of a search with broad prefixes (search_plan), found by reading rows instead of
 * asking the index for every word the prefixes begin: the candidates are the rows from lo to
 * u (lo 0: no floor) that the other terms match (the index's base query), or every indexed
 * row there when there are none, newest first; each is matched and scored from its text
 * (snippet_match: the same tokens, brief_rank's BM25, a prefix one term). The window is the
 * newest SEARCH_WINDOW matches, as the index would give them. Returns 1 with m[0..*count)
 * (sorted best first) when the window is known: full, or every candidate read; 0 when the
 * candidates read held too few matches to know (SCAN_PROBE, SCAN_MAX: the caller asks the
 * index); -1 with e set. */
static int
scan_window(struct store *st, const struct search_plan *pl, const struct snippet_query *sq, int64_t u,
            int64_t lo, int64_t t, struct scan_match *m, int *count, struct err *e)
{
	/* Rows the index holds (a pruned row's title too): all but those below a migration's
	 * backfill mark and those queued for this writer's commit. Each row's text is what the
	 * index read (STORE_FTS_DOC, as items_doc and the triggers compute it), read with its
	 * date in one look-up of the row. */
#define SCAN_COLUMNS \
	"SELECT i.id, i.title, " STORE_FTS_DOC("i.text", STORE_FTS_PAGE("i.id")) ", " SEARCH_WHEN
	static const char rows_sql[] =
		SCAN_COLUMNS " FROM items i WHERE i.id <= ?1 AND i.id >= ?4"
		"  AND i.id >= COALESCE((SELECT below FROM fts_rebuild), 1) AND i.id NOT IN (SELECT id FROM fts_pending)"
		" ORDER BY i.id DESC";
	static const char base_sql[] =
		SCAN_COLUMNS " FROM items i WHERE i.id IN"
		"  (SELECT rowid FROM items_fts WHERE items_fts MATCH ?2 AND rowid <= ?1 AND rowid >= ?4"
		"   ORDER BY rowid DESC LIMIT ?3)"
		" ORDER BY i.id DESC";
#undef SCAN_COLUMNS
	sqlite3_stmt *s = store_cached(st, pl->base.len ? base_sql : rows_sql, e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, u);
	sqlite3_bind_int64(s, 4, lo);
	if (pl->base.len) {
		sqlite3_bind_text(s, 2, pl->base.data, (int)pl->base.len, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, SCAN_MAX + 1);
	}
	int n = 0, read = 0, rc = SQLITE_DONE;
	while (n < SEARCH_WINDOW && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* the rows the window would take at this rate: too many, the index answers */
		if (read == SCAN_MAX || (read >= SCAN_PROBE && (n == 0 || (int64_t)read * SEARCH_WINDOW / n > SCAN_MAX)))
			break;
		read++;
		double r;
		const char *title = (const char *)sqlite3_column_text(s, 1);
		size_t tlen = (size_t)sqlite3_column_bytes(s, 1);
		const char *text = (const char *)sqlite3_column_text(s, 2);
		if (!snippet_match(sq, title, tlen, text, (size_t)sqlite3_column_bytes(s, 2), &r))
			continue;
		/* ranked_sql's score, in the same double arithmetic */
		double age = (double)t - (double)sqlite3_column_int64(s, 3);
		m[n].id = sqlite3_column_int64(s, 0);
		m[n].score = (int64_t)(r * 1000000.0 / (1.0 + (age > 0 ? age : 0) / 2592000.0));
		n++;
	}
	int known = n == SEARCH_WINDOW || rc == SQLITE_DONE;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (!known)
		return 0;
	qsort(m, (size_t)n, sizeof *m, by_score);
	*count = n;
	return 1;
}

/* One page being ranked: where the cursor stands in its window, and what the window held. */
struct ranking {
	long long u, t;       /* the window's highest row id; the pinned clock */
	long long top;        /* the first window's highest row id (0: unknown, an older cursor) */
	long long lo;         /* the window's lowest row id as its first page found it (0: the
	                       * window held every match then); -1 on a window's first page */
	int after_row;        /* the page follows the row (score, after) of the same window */
	int back;             /* with after_row: the page is the rows just before it instead, put
	                       * in worst first (search_page turns them round) */
	long long score, after;
	int limit;
	int64_t *scores;      /* the page's scores, for the cursor */
	int64_t window_rows, window_min;
	int more;             /* the window holds rows after the page */
};

/* Add a ranked row to the page, or note that the page is full. */
static void
rank_add(struct ranking *rk, struct store_hits *out, int64_t id, int64_t score)
{
	if ((int)out->count == rk->limit) {
		rk->more = 1;
		return;
	}
	rk->scores[out->count] = score;
	out->hits[out->count++].id = id;
}

/* The page from a window read from rows (scan_window's m[0..n), best first). */
static void
rank_matches(struct ranking *rk, const struct scan_match *m, int n, struct store_hits *out)
{
	rk->window_rows = n;
	for (int k = 0; k < n; k++)
		if (!rk->window_min || m[k].id < rk->window_min)
			rk->window_min = m[k].id;
	if (rk->back) { /* m[0..p) rank before the row: the last of them, worst first */
		int p = 0;
		while (p < n && (m[p].score > rk->score || (m[p].score == rk->score && m[p].id > rk->after)))
			p++;
		for (int k = p - 1; k >= 0 && !rk->more; k--)
			rank_add(rk, out, m[k].id, m[k].score);
		return;
	}
	for (int k = 0; k < n && !rk->more; k++)
		if (!rk->after_row || m[k].score < rk->score || (m[k].score == rk->score && m[k].id < rk->after))
			rank_add(rk, out, m[k].id, m[k].score);
}

/* Ranked ids of one page: the window's matches scored, keyset-filtered and ordered. The score
 * is brief_rank x 1e6 over (1 + age in 30-day units), an integer so cursors print exactly. */
static const char ranked_sql[] =
	"WITH c AS MATERIALIZED (SELECT rowid AS id, brief_rank(items_fts, ?8) AS r FROM items_fts"
	"   WHERE items_fts MATCH ?1 AND rowid <= ?2 AND rowid >= ?9 ORDER BY rowid DESC LIMIT ?3),"
	" sc AS (SELECT c.id, CAST(c.r * 1000000.0 / (1.0 + max(0, ?4 - " SEARCH_WHEN ")"
	"   / 2592000.0) AS INTEGER) AS score FROM c JOIN items i ON i.id = c.id)"
	" SELECT sc.id, sc.score, (SELECT count(*) FROM c), (SELECT min(id) FROM c) FROM sc"
	" WHERE ?5 IS NULL OR sc.score < ?5 OR (sc.score = ?5 AND sc.id < ?6)"
	" ORDER BY sc.score DESC, sc.id DESC LIMIT ?7";
/* ranked_sql the other way: the rows ranked before (?5, ?6), worst first. */
static const char ranked_back_sql[] =
	"WITH c AS MATERIALIZED (SELECT rowid AS id, brief_rank(items_fts, ?8) AS r FROM items_fts"
	"   WHERE items_fts MATCH ?1 AND rowid <= ?2 AND rowid >= ?9 ORDER BY rowid DESC LIMIT ?3),"
	" sc AS (SELECT c.id, CAST(c.r * 1000000.0 / (1.0 + max(0, ?4 - " SEARCH_WHEN ")"
	"   / 2592000.0) AS INTEGER) AS score FROM c JOIN items i ON i.id = c.id)"
	" SELECT sc.id, sc.score, (SELECT count(*) FROM c), (SELECT min(id) FROM c) FROM sc"
	" WHERE sc.score > ?5 OR (sc.score = ?5 AND sc.id > ?6)"
	" ORDER BY sc.score ASC, sc.id ASC LIMIT ?7";

/* The page from the index: the window of pl's full query ranked by brief_rank, a term a
 * score. 0 or -1 with e set. */
static int
rank_from_index(struct store *st, const struct search_plan *pl, struct ranking *rk, struct store_hits *out,
                struct err *e)
{
	sqlite3_stmt *s = store_cached(st, rk->back ? ranked_back_sql : ranked_sql, e);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, pl->full.data, (int)pl->full.len, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, pl->groups.data, (int)pl->groups.len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, rk->u);
	sqlite3_bind_int64(s, 9, rk->lo > 0 ? rk->lo : 0);
	sqlite3_bind_int(s, 3, SEARCH_WINDOW);
	sqlite3_bind_int64(s, 4, rk->t);
	if (rk->after_row) {
		sqlite3_bind_int64(s, 5, rk->score);
		sqlite3_bind_int64(s, 6, rk->after);
	}
	sqlite3_bind_int(s, 7, rk->limit + 1);
	int rc = SQLITE_DONE;
	while (!rk->more && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		rk->window_rows = sqlite3_column_int64(s, 2);
		rk->window_min = sqlite3_column_int64(s, 3);
		rank_add(rk, out, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
	}
	int ok = rk->more || rc == SQLITE_DONE;
	if (!ok)
		err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return ok ? 0 : -1;
}

/* The ranked ids of the page (rk), from rows read for broad prefixes when that decides the
 * window, else from the index. 0 or -1 with e set. */
static int
rank_page(struct store *st, const struct search_plan *pl, const struct snippet_query *sq, struct ranking *rk,
          struct arena *arena, struct store_hits *out, struct err *e)
{
	if (pl->broad && sq->is_exact) {
		struct scan_match *m = arena_alloc(arena, SEARCH_WINDOW * sizeof *m);
		int n = 0, known = scan_window(st, pl, sq, rk->u, rk->lo > 0 ? rk->lo : 0, rk->t, m, &n, e);
		if (known < 0)
			return -1;
		if (known) {
			rank_matches(rk, m, n, out);
			return 0;
		}
	}
	return rank_from_index(st, pl, rk, out, e);
}

/* The highest row id of the window above the one whose highest is rk->u, into *u: the
 * highest of the SEARCH_WINDOW matches just above it (that window's own rows), rk->top when
 * fewer are left (the first window), 0 when none is (this is the first). 0 or -1 with e set. */
static int
window_above(struct store *st, const struct search_plan *pl, const struct ranking *rk, long long *u,
             struct err *e)
{
	sqlite3_stmt *s = store_cached(st,
		"SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 AND rowid > ?2 AND rowid <= ?3"
		" ORDER BY rowid ASC LIMIT ?4", e);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, pl->full.data, (int)pl->full.len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, rk->u);
	sqlite3_bind_int64(s, 3, rk->top);
	sqlite3_bind_int(s, 4, SEARCH_WINDOW);
	int rc, n = 0;
	*u = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*u = ++n == SEARCH_WINDOW ? sqlite3_column_int64(s, 0) : rk->top;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
	return 0;
}

/* store_search_page, or with back store_search_newer. */
static int
search_page(struct store *st, const char *q, const char *cursor, int back, int64_t now, int limit,
            struct arena *arena, struct store_hits *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct search_plan pl;
	plan_read(st, q, &pl);
	out->hits = hits_alloc(arena, limit);
	if (!pl.full.len) {
		plan_free(&pl);
		return 0;
	}
	/* Cursor: "U_T_TOP" (a window's start) or "U_T_SCORE_ID_LO_TOP" (after that row of the
	 * window from LO to U; "U_T", "U_T_SCORE_ID_LO" and "U_T_SCORE_ID" from an older brief:
	 * TOP unknown, and without LO the window is found again). TOP is the first window's U: a
	 * window's top page links back to the last page of the window above it (SCORE -1: from
	 * its end), up to TOP. A window keeps the rows its first page found: when matches in it
	 * lose their words (a prune) it does not reach down for older ones, which would rank above
	 * the row shown last and never be listed (the next window starts below LO). */
	struct ranking rk = {.u = INT64_MAX, .t = now, .lo = -1, .limit = limit};
	int fields = cursor && *cursor ? sscanf(cursor, "%lld_%lld_%lld_%lld_%lld_%lld", &rk.u, &rk.t, &rk.score,
	                                        &rk.after, &rk.lo, &rk.top)
	                               : 0;
	if (fields == 3) { /* "U_T_TOP" */
		rk.top = rk.score;
		rk.score = 0;
	}
	if (fields < 2 || fields > 6 || rk.top < 0) {
		rk.u = INT64_MAX;
		rk.t = now;
		rk.top = 0;
		fields = 0;
	}
	if (fields < 5 || rk.lo < 0)
		rk.lo = -1;
	rk.after_row = fields >= 4;
	rk.back = back && rk.after_row;
	int from_end = rk.back && rk.score < 0; /* a window's last page, from the one below it */
	sqlite3_stmt *s;
	if (fields == 0) { /* a first page pins the window to the items there are now */
		s = store_cached(st, "SELECT COALESCE(max(id), 0) FROM items", e);
		if (!s) {
			plan_free(&pl);
			return -1;
		}
		rk.u = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		rk.top = rk.u;
		sqlite3_reset(s);
	}
	struct snippet_query sq;
	snippet_query_parse(q, &sq);
	rk.scores = arena_alloc(arena, (size_t)(limit + 1) * sizeof *rk.scores);
	int rc = rank_page(st, &pl, &sq, &rk, arena, out, e);
	long long above = 0; /* the U of the window above, when this page is its window's top */
	int at_top = rk.back ? !rk.more : !rk.after_row;
	if (rc == 0 && at_top && rk.top > rk.u)
		rc = window_above(st, &pl, &rk, &above, e);
	plan_free(&pl);
	if (rc < 0)
		return -1;
	if (rk.lo < 0) /* a window's first page: a full one may have older matches below it */
		rk.lo = rk.window_rows == SEARCH_WINDOW ? rk.window_min : 0;
	if (rk.back) { /* best first; the page it came back from follows its last row */
		for (size_t a = 0, b = out->count; a + 1 < b; a++, b--) {
			struct store_hit th = out->hits[a];
			int64_t ts = rk.scores[a];
			out->hits[a] = out->hits[b - 1], rk.scores[a] = rk.scores[b - 1];
			out->hits[b - 1] = th, rk.scores[b - 1] = ts;
		}
		if (out->count && rk.more)
			snprintf(out->prev, sizeof out->prev, "%lld_%lld_%" PRId64 "_%" PRId64 "_%lld_%lld", rk.u, rk.t,
			         rk.scores[0], out->hits[0].id, rk.lo, rk.top);
		rk.more = out->count > 0 && !from_end; /* a window's last page: the next window follows */
	} else if (rk.after_row && out->count) { /* the rows of the window before this page */
		snprintf(out->prev, sizeof out->prev, "%lld_%lld_%" PRId64 "_%" PRId64 "_%lld_%lld", rk.u, rk.t,
		         rk.scores[0], out->hits[0].id, rk.lo, rk.top);
	}
	if (above) /* the window above's last page: its rows from the end, above this window */
		snprintf(out->prev, sizeof out->prev, "%lld_%lld_-1_0_%lld_%lld", above, rk.t, rk.u + 1, rk.top);
	if (rk.more) {
		struct store_hit *last = &out->hits[out->count - 1];
		snprintf(out->next, sizeof out->next, "%lld_%lld_%" PRId64 "_%" PRId64 "_%lld_%lld", rk.u, rk.t,
		         rk.scores[out->count - 1], last->id, rk.lo, rk.top);
	} else if ((!rk.back || from_end) && rk.lo > 1) { /* the next, older window */
		snprintf(out->next, sizeof out->next, "%lld_%lld_%lld", rk.lo - 1, rk.t, rk.top);
	}
	/* The page's rows: their columns by rowid, and a snippet each from its text (store/
	 * snippet.h: the words are found again in the row's text, not by a second walk of the
	 * index, which for an expanded prefix of a hundred words cost as much as the search). */
	s = store_cached(st,
		"SELECT i.title, i.link, s.name, s.title, s.url, " SEARCH_WHEN ", d.text"
		" FROM items i JOIN sources s ON s.id = i.source_id JOIN items_doc d ON d.id = i.id WHERE i.id = ?1", e);
	if (!s)
		return -1;
	int ok = 1;
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

int
store_search_page(struct store *st, const char *q, const char *cursor, int64_t now, int limit,
                  struct arena *arena, struct store_hits *out, struct err *e)
{
	return search_page(st, q, cursor, 0, now, limit, arena, out, e);
}

int
store_search_newer(struct store *st, const char *q, const char *cursor, int64_t now, int limit,
                   struct arena *arena, struct store_hits *out, struct err *e)
{
	return search_page(st, q, cursor, 1, now, limit, arena, out, e);
}
