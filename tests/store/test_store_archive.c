/* test_store_archive.c: the archive at scale, on real SQLite files: the "brief" tokenizer,
 * CJK and Latin search answered from the index (no full scan), keyset pages that show every
 * item exactly once while items arrive, prune keeping cited items (and their article pages)
 * and dedupe keys, article pages in the index with their items, the migrations of a schema-3
 * (trigram) and a schema-6 (pages not indexed) store and of a schema-21 store with items dated 1970, the bounded index merge, the vocabulary
 * of prefix queries across commits and rollbacks, checkpoints on a thread, and the item
 * writer's statement journals in memory. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "feed/feed.h"
#include "store/archive.h"
#include "store/checkpoint.h"
#include "store/fts.h"
#include "store/fulltext.h"
#include "store/items.h"
#include "store/prune.h"
#include "store/reports.h"
#include "store/health.h"
#include "store/search.h"
#include "store/select.h"
#include "store/sources.h"
#include "testlib.h"

#define NOW 1771638960LL
#define DAY 86400LL

static int
tok_cb(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)start, (void)end;
	struct buf *b = ctx;
	if (b->len)
		buf_putc(b, '|');
	if (tflags & FTS5_TOKEN_COLOCATED)
		buf_putc(b, '+');
	buf_append(b, tok, (size_t)ntok);
	return 0;
}

static void
check_tokens(const char *text, int flags, const char *want)
{
	struct buf b = BUF_INIT;
	fts_tokenize(text, (int)strlen(text), flags, &b, tok_cb);
	CHECK_STR(buf_str(&b), want);
	buf_free(&b);
}

static void
test_tokenizer(void)
{
	check_tokens("Hello, Wörld! ÄBC x2 -- naïve", FTS5_TOKENIZE_DOCUMENT, "hello|world|abc|x2|naive");
	check_tokens("中国人", FTS5_TOKENIZE_DOCUMENT, "中国|+中|国人|+国|人");
	check_tokens("中国人", FTS5_TOKENIZE_QUERY, "中国|国人");
	check_tokens("中", FTS5_TOKENIZE_QUERY, "中");
	check_tokens("芯片AI", FTS5_TOKENIZE_QUERY, "芯片|片|ai"); /* 片 holds a position in the index */
	check_tokens("中国 人民,", FTS5_TOKENIZE_QUERY, "中国|国|人民");
	check_tokens("AI芯片，好。", FTS5_TOKENIZE_DOCUMENT, "ai|芯片|+芯|片|好");
	check_tokens("ＡＢＣ１２３ Straße", FTS5_TOKENIZE_DOCUMENT, "abc123|straße");
	/* A run longer than a token is kept to its first 61 bytes (a whole character within 64)
	 * and read to its end: the next word is a token of its own. */
	char run[160], want[160];
	memset(run, 'A', 70);
	snprintf(run + 70, sizeof run - 70, " Next ");
	memset(want, 'a', 61);
	snprintf(want + 61, sizeof want - 61, "|next");
	check_tokens(run, FTS5_TOKENIZE_DOCUMENT, want);
	for (int i = 0; i < 35; i++)
		memcpy(run + 2 * i, "\xd0\xb6", 2); /* ж: two bytes, no fold */
	snprintf(run + 70, sizeof run - 70, "x z");
	for (int i = 0; i < 31; i++)
		memcpy(want + 2 * i, "\xd0\xb6", 2);
	snprintf(want + 62, sizeof want - 62, "|z");
	check_tokens(run, FTS5_TOKENIZE_DOCUMENT, want);
	struct buf q = BUF_INIT;
	store_search_query(NULL, "open \"the source\" comp* 中国 \"x\"\"y\" ,,,", &q);
	CHECK_STR(buf_str(&q), "\"open\" AND \"the source\" AND \"comp\" * AND \"中国\" AND \"x\" AND \"y\"");
	buf_free(&q);
}

static struct store st;
static struct store_items w;
static int64_t sid;

static void
open_store(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	struct err e;
	CHECK(store_open(&st, path, &e) == 0);
	int is_new;
	CHECK(store_source_add(&st, SOURCE_USER, "http://a.example/feed", "A", NULL, NULL, 100, &sid, &is_new, &e) == 0);
	CHECK(store_items_open(&w, &st, &e) == 0);
}

static void
close_store(void)
{
	store_items_close(&w);
	store_close(&st);
}

/* Store one item; returns what happened. */
static enum store_put_result
put(const char *guid, const char *title, const char *text, int64_t published)
{
	struct feed_item it;
	memset(&it, 0, sizeof it);
	char link[128];
	snprintf(link, sizeof link, "http://a.example/%s", guid);
	it.id = guid;
	it.link = link;
	it.title = title;
	it.text = text;
	it.summary = text;
	it.published = published;
	it.updated = FEED_NO_DATE;
	enum store_put_result r = ITEM_UNCHANGED;
	struct err e;
	CHECK(store_item_put(&w, sid, &it, NOW, &r, &e) == 0);
	return r;
}

static int64_t
id_of(const char *guid)
{
	sqlite3_stmt *s = store_prepare(&st, "SELECT id FROM items WHERE dedupe_key = 'g:' || ?1", NULL);
	store_bind_text(s, 1, guid);
	int64_t id = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return id;
}

/* Reset the VM step counters of every statement on the connection. */
static void
reset_steps(void)
{
	for (sqlite3_stmt *s = sqlite3_next_stmt(st.db, NULL); s; s = sqlite3_next_stmt(st.db, s))
		sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1);
}

/* Table scans in the query plans of the statements that ran since reset_steps(): every SCAN
 * must be of the search window (c), of the page's id list (json_each) or of items_fts through
 * MATCH (an FTS5 index plan with 'M'); anything else (SCAN items, a MATCH-less items_fts
 * scan) counts. */
static int
plan_scans(void)
{
	int bad = 0;
	for (sqlite3_stmt *s = sqlite3_next_stmt(st.db, NULL); s; s = sqlite3_next_stmt(st.db, s)) {
		if (!sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 0) || !sqlite3_sql(s))
			continue;
		struct buf q = BUF_INIT;
		buf_printf(&q, "EXPLAIN QUERY PLAN %s", sqlite3_sql(s));
		sqlite3_stmt *x = store_prepare(&st, buf_str(&q), NULL);
		while (x && sqlite3_step(x) == SQLITE_ROW) {
			const char *d = store_col_text(x, 3);
			if (strncmp(d, "SCAN ", 5) != 0 || strcmp(d, "SCAN c") == 0 || strncmp(d, "SCAN json_each ", 15) == 0 ||
			    (strncmp(d, "SCAN items_fts VIRTUAL TABLE INDEX ", 35) == 0 && strchr(d + 35, 'M')))
				continue;
			fprintf(stderr, "  scan: %s\n    in %s\n", d, sqlite3_sql(s));
			bad++;
		}
		sqlite3_finalize(x);
		buf_free(&q);
	}
	return bad;
}

/* The ids a search's first page finds, as "g1 g2 ..." guids in id order, and the rank calls. */
/* How a search found its window: the index alone (no plan scans a table, and only the
 * matches were ranked), rows read for its broad prefixes (nothing ranked by the index), or
 * rows read first and then the index (the rows held too few matches to know). */
enum search_from { FROM_INDEX, FROM_ROWS, FROM_ROWS_THEN_INDEX };

static void
check_search_from(const char *q, const char *want, enum search_from from)
{
	struct arena a = ARENA_INIT;
	struct store_hits h;
	struct err e;
	reset_steps();
	int64_t calls = fts_rank_calls();
	CHECK(store_search_page(&st, q, NULL, NOW, 50, &a, &h, &e) == 0);
	if (from == FROM_INDEX)
		CHECK_INT(plan_scans(), 0);
	CHECK_INT(fts_rank_calls() - calls, from == FROM_ROWS ? 0 : (long long)h.count);
	struct buf got = BUF_INIT;
	for (int64_t id = 1; id < 100000; id++)
		for (size_t k = 0; k < h.count; k++)
			if (h.hits[k].id == id) {
				sqlite3_stmt *s = store_prepare(&st, "SELECT substr(dedupe_key, 3) FROM items WHERE id = ?1", NULL);
				sqlite3_bind_int64(s, 1, id);
				if (sqlite3_step(s) == SQLITE_ROW)
					buf_printf(&got, "%s%s", got.len ? " " : "", store_col_text(s, 0));
				sqlite3_finalize(s);
			}
	CHECK_STR(buf_str(&got), want);
	if (strcmp(buf_str(&got), want) != 0)
		fprintf(stderr, "  (query %s)\n", q);
	buf_free(&got);
	arena_free(&a);
}

static void
check_search(const char *q, const char *want)
{
	check_search_from(q, want, FROM_INDEX);
}

static void
test_search(void)
{
	open_store("search.db");
	char guid[32], text[256];
	for (int i = 0; i < 300; i++) { /* filler the index must not have to look at */
		snprintf(guid, sizeof guid, "f%d", i);
		snprintf(text, sizeof text, "Filler number %d about databases, builds and releases.", i);
		put(guid, "Filler", text, NOW - i * 3600);
	}
	put("c1", "中国的芯片", "中国芯片产业继续发展，人工智能带动需求。", NOW - DAY);
	put("c2", "天气", "明天有雨，出门带伞。", NOW - DAY);
	put("c3", "模型", "大模型与人工智能：AI 模型的新进展。", NOW - DAY);
	put("c4", "国人", "国人出行，人多。", NOW - DAY);
	put("e1", "The compiler", "A new release of the compiler makes builds faster.", NOW - DAY);
	put("e2", "Computing", "Computers compute; the open source community agrees.", NOW - DAY);
	check_search("中国", "c1");
	check_search("中", "c1");
	check_search("国", "c1 c4");
	check_search("人工智能", "c1 c3");
	check_search("AI 模型", "c3");
	check_search("国人", "c4"); /* not 中国人工: "国人" is a bigram only where it is written */
	check_search("雨", "c2");
	check_search("the compiler", "e1");
	check_search("\"open source\"", "e2");
	check_search("\"source open\"", "");
	check_search("comp*", "e1 e2");
	/* An expanded prefix beside other terms, in either order (was an FTS5 syntax error). */
	check_search("comp* faster", "e1");
	check_search("faster comp*", "e1");
	check_search("comp* sour* \"open source\"", "e2");
	check_search("comp* 中国", "");
	struct buf pq = BUF_INIT; /* a prefix walks the words it begins, not FTS5's merged doclists */
	store_search_query(&st, "comp*", &pq);
	CHECK_STR(buf_str(&pq), "(\"compiler\" OR \"compute\" OR \"computers\" OR \"computing\")");
	buf_free(&pq);
	check_search("zeitgeist", "");
	/* The check can fail: a LIKE over the table (the trigram index's fallback for short CJK
	 * queries) and an FTS query without MATCH are scans. */
	sqlite3_stmt *s = store_prepare(&st, "SELECT count(*) FROM items WHERE title LIKE '%中国%'", NULL);
	sqlite3_stmt *s2 = store_prepare(&st, "SELECT count(*) FROM items_fts WHERE title = '中国'", NULL);
	reset_steps();
	CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_step(s2) == SQLITE_ROW);
	CHECK_INT(plan_scans(), 2);
	sqlite3_finalize(s);
	sqlite3_finalize(s2);
	/* Highlighted snippets. */
	struct arena a = ARENA_INIT;
	struct store_hits h;
	struct err e;
	CHECK(store_search_page(&st, "中国", NULL, NOW, 50, &a, &h, &e) == 0);
	CHECK(h.count == 1 && h.hits[0].snippet && strstr(h.hits[0].snippet, "\x01中国\x02"));
	arena_free(&a);
	close_store();
}

/* Every id a search lists, across all its pages, as a sorted id list in out; *first_calls the
 * rows brief_rank scored for its first page. */
static void
search_ids(const char *q, struct buf *out, int64_t *first_calls)
{
	char cursor[SEARCH_CURSOR_MAX] = "";
	char *seen = calloc(100000, 1);
	for (int pages = 0; pages < 1000; pages++) {
		struct arena a = ARENA_INIT;
		struct store_hits h;
		struct err e;
		int64_t calls = fts_rank_calls();
		CHECK(store_search_page(&st, q, cursor, NOW, 40, &a, &h, &e) == 0);
		if (pages == 0)
			*first_calls = fts_rank_calls() - calls;
		for (size_t k = 0; k < h.count; k++)
			if (h.hits[k].id < 100000)
				seen[h.hits[k].id]++;
		snprintf(cursor, sizeof cursor, "%s", h.next);
		arena_free(&a);
		if (!*cursor)
			break;
	}
	buf_clear(out);
	for (int id = 0; id < 100000; id++)
		if (seen[id])
			buf_printf(out, "%d%s ", id, seen[id] > 1 ? "(twice)" : "");
	free(seen);
}

/* q's items across all its pages are FTS5's own answer to the whole query, and its first
 * window was ranked by the index (from_rows 0) or read from rows (1). */
static void
check_agree(const char *q, int from_rows)
{
	struct buf got = BUF_INIT, want = BUF_INIT, match = BUF_INIT;
	int64_t first_calls = -1;
	search_ids(q, &got, &first_calls);
	if (from_rows)
		CHECK_INT(first_calls, 0);
	else
		CHECK(first_calls > 0);
	store_search_query(&st, q, &match);
	sqlite3_stmt *s = store_prepare(&st, "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid", NULL);
	sqlite3_bind_text(s, 1, buf_str(&match), -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW)
		buf_printf(&want, "%lld ", (long long)sqlite3_column_int64(s, 0));
	sqlite3_finalize(s);
	CHECK_STR(buf_str(&got), buf_str(&want));
	if (strcmp(buf_str(&got), buf_str(&want)) != 0)
		fprintf(stderr, "  (query %s)\n", q);
	buf_free(&got);
	buf_free(&want);
	buf_free(&match);
}

/* Store `items` items of 30 words each, word k being PREFIX followed by k in 4 digits, with
 * guids G0, G1, ...; returns the guids joined by spaces, as check_search lists them. */
static void
put_words(const char *prefix, const char *g, int items, struct buf *guids)
{
	for (int i = 0; i < items; i++) {
		struct buf text = BUF_INIT;
		for (int k = 0; k < 30; k++)
			buf_printf(&text, "%s%s%04d", k ? " " : "", prefix, i * 30 + k);
		char guid[32];
		snprintf(guid, sizeof guid, "%s%d", g, i);
		put(guid, "Words", buf_str(&text), NOW - DAY);
		buf_printf(guids, "%s%s", guids->len ? " " : "", guid);
		buf_free(&text);
	}
}

/* How broad a prefix may be and still be the OR of its words; a CJK prefix is its term. */
static void
test_search_prefix_breadth(void)
{
	open_store("prefix.db");
	struct buf a = BUF_INIT, b = BUF_INIT, q = BUF_INIT;
	put_words("pfxa", "a", 10, &a);  /* 300 words */
	put_words("pfxb", "b", 37, &b);  /* 1,110 words: more than the OR takes */
	put("c1", "中国的芯片", "中国芯片产业继续发展。", NOW - DAY);
	put("c2", "国人", "国人出行，人多。", NOW - DAY);
	store_search_query(&st, "pfxa*", &q);
	CHECK(strncmp(buf_str(&q), "(\"pfxa0000\" OR \"pfxa0001\" OR ", 29) == 0);
	CHECK(strstr(buf_str(&q), " OR \"pfxa0299\")") != NULL);
	buf_clear(&q);
	store_search_query(&st, "pfxb*", &q);
	CHECK_STR(buf_str(&q), "\"pfxb\" *");
	buf_clear(&q);
	store_search_query(&st, "中* 国人* 人工智能*", &q);
	CHECK_STR(buf_str(&q), "\"中\" AND \"国人\" AND \"人工智能\"");
	/* More than 256 words: the newest matches are looked for in the rows first. */
	check_search_from("pfxa*", buf_str(&a), FROM_ROWS);
	check_search_from("pfxb*", buf_str(&b), FROM_ROWS);
	check_search_from("pfxa0007 pfx*", "a0", FROM_ROWS);   /* the rows "pfxa0007" matches */
	check_search_from("pfxb0042 pfxa*", "", FROM_ROWS);
	check_search_from("\"pfxa0001 pfxa0002\" pfx*", "a0", FROM_ROWS); /* a phrase, read in the rows */
	check_search_from("\"pfxa0002 pfxa0001\" pfx*", "", FROM_ROWS);
	check_search("中*", "c1");
	check_search("国*", "c1 c2");
	check_search("中国*", "c1");
	/* Newer rows without the words: the rows read hold too few matches, the index answers. */
	for (int i = 0; i < 2001; i++) {
		char guid[32];
		snprintf(guid, sizeof guid, "n%d", i);
		put(guid, "Newer", "Nothing of those words.", NOW - DAY);
	}
	check_search_from("pfxa*", buf_str(&a), FROM_ROWS_THEN_INDEX);
	check_search_from("pfxa0007 pfx*", "a0", FROM_ROWS); /* its base query still finds its row */
	/* A prefix in one row of three: its first window of 1,000 takes ~3,000 rows to read, which
	 * the rate of matches so far allows; the index is not asked for it. (Its second window, 200
	 * matches and then 2,001 rows without one, is the index's.) */
	struct buf c = BUF_INIT;
	for (int i = 0; i < 1200; i++) {
		char guid[32], text[64];
		snprintf(text, sizeof text, "Some pfxc%04d words", i);
		snprintf(guid, sizeof guid, "c%d", i);
		put(guid, "Every third", text, NOW - DAY);
		for (int k = 0; k < 2; k++) {
			snprintf(guid, sizeof guid, "c%d-%d", i, k);
			put(guid, "Other", "Nothing of those words.", NOW - DAY);
		}
	}
	check_agree("pfxc*", 1);
	buf_free(&c);
	buf_free(&a);
	buf_free(&b);
	buf_free(&q);
	close_store();
}

/* The ids of q's pages in their order, and the order FTS5 gives the whole query asked with
 * each prefix as one phrase (its own prefix query: one term, as a search scores it whichever
 * way it reads the window), brief_rank scored and aged as a search does; both into bufs. */
static void
check_order(const char *q)
{
	struct buf got = BUF_INIT, want = BUF_INIT, match = BUF_INIT;
	char cursor[SEARCH_CURSOR_MAX] = "";
	for (int pages = 0; pages < 1000; pages++) {
		struct arena a = ARENA_INIT;
		struct store_hits h;
		struct err e;
		CHECK(store_search_page(&st, q, cursor, NOW, 40, &a, &h, &e) == 0);
		for (size_t k = 0; k < h.count; k++)
			buf_printf(&got, "%lld ", (long long)h.hits[k].id);
		snprintf(cursor, sizeof cursor, "%s", h.next);
		arena_free(&a);
		if (!*cursor)
			break;
	}
	const char *p = q, *term;
	size_t n;
	while (store_search_next_term(&p, &term, &n)) {
		int is_prefix = n > 1 && term[n - 1] == '*';
		buf_printf(&match, "%s\"%.*s\"%s", match.len ? " AND " : "", (int)(n - (size_t)is_prefix), term,
		           is_prefix ? " *" : "");
	}
	sqlite3_stmt *s = store_prepare(
		&st,
		"SELECT f.rowid FROM items_fts f JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?1 ORDER BY"
		" CAST(brief_rank(items_fts) * 1000000.0 / (1.0 + max(0, ?2 - (CASE WHEN COALESCE(i.published,"
		" i.first_seen) > ?2 + 86400 THEN i.first_seen ELSE COALESCE(i.published, i.first_seen) END))"
		" / 2592000.0) AS INTEGER) DESC, f.rowid DESC",
		NULL);
	sqlite3_bind_text(s, 1, buf_str(&match), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, NOW);
	while (sqlite3_step(s) == SQLITE_ROW)
		buf_printf(&want, "%lld ", (long long)sqlite3_column_int64(s, 0));
	sqlite3_finalize(s);
	CHECK_STR(buf_str(&got), buf_str(&want));
	if (strcmp(buf_str(&got), buf_str(&want)) != 0)
		fprintf(stderr, "  (order of query %s)\n", q);
	buf_free(&got);
	buf_free(&want);
	buf_free(&match);
}

/* Broad prefixes read from rows find exactly what FTS5 finds for the same query: random items
 * of a small vocabulary (400 words of one prefix, 30 others), random queries of a broad prefix
 * with words, phrases and narrower prefixes beside it, each listed across all its pages and
 * compared with FTS5's own answer to the whole query. */
static void
test_search_rows_agree(void)
{
	open_store("agree.db");
	uint32_t r = 12345;
#define RAND(n) ((r = r * 1103515245u + 12345u) >> 16) % (n)
	for (int i = 0; i < 700; i++) {
		struct buf title = BUF_INIT, text = BUF_INIT;
		for (int k = 0; k < 3; k++)
			buf_printf(&title, "%s%s", k ? " " : "", RAND(3) ? "News" : "qa-title");
		for (int k = 0; k < 12; k++) {
			if (RAND(2))
				buf_printf(&text, "qa%03u ", (unsigned)RAND(400));
			else
				buf_printf(&text, "w%02u ", (unsigned)RAND(30));
		}
		char guid[32];
		snprintf(guid, sizeof guid, "r%d", i);
		int64_t when = NOW - (int64_t)RAND(400) * 3600;
		if (i % 50 == 0) /* dated years ahead: aged from first seen, read from rows or the index */
			when = NOW + 3650 * DAY;
		put(guid, buf_str(&title), buf_str(&text), when);
		buf_free(&title);
		buf_free(&text);
	}
#undef RAND
	static const char *const queries[] = {"qa*", "q*", "qa* w05", "w05 qa*", "\"w01 w02\" qa*", "qa* qa1*",
	                                      "qa* qa12*", "qa* zeitgeist", "qa* title", "w0* qa*", "qa* w*",
	                                      "\"qa title\" q*", "qa* \"w03 qa1*\""};
	/* read from rows; but a phrase ending in a prefix, the last, is the index's to read */
	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++)
		check_agree(queries[k], k + 1 < sizeof queries / sizeof *queries);
	/* and in the same order: a prefix is one term, read from rows, as the index's OR of its
	 * words (the last query) or as FTS5's own prefix query */
	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++)
		check_order(queries[k]);
	close_store();
}

/* Check that the page before the one just read (its prev cursor) is the page read before it
 * (last[0..last_count)): a walk back gives the same pages. Items that arrived since (ids above
 * max_id) may have joined it, a list's in the range already read, nearest its start: of the
 * rest, the page back holds the last ones of the page read, in the same order. */
static void
check_back(const char *q, const char *prev, int limit, const int64_t *last, size_t last_count, int64_t max_id)
{
	struct arena a = ARENA_INIT;
	struct store_hits h;
	struct err e;
	int rc = q ? store_search_newer(&st, q, prev, NOW, limit, &a, &h, &e)
	           : store_items_newer(&st, prev, NOW, limit, &a, &h, &e);
	CHECK(rc == 0);
	CHECK_INT(h.count, last_count);
	int64_t old[64];
	size_t n = 0, m = 0;
	for (size_t k = 0; k < h.count && n < 64; k++)
		if (h.hits[k].id <= max_id)
			old[n++] = h.hits[k].id;
	for (size_t k = 0; k < last_count; k++)
		m += last[k] <= max_id;
	int differ = n > m || n + 3 < m; /* at most `arrive` new ones between two pages */
	for (size_t k = 0, j = 0; k < last_count && !differ; k++)
		if (last[k] <= max_id && j++ >= m - n)
			differ = old[j - 1 - (m - n)] != last[k];
	CHECK_INT(differ, 0);
	arena_free(&a);
}

/* Walk pages of limit rows (search when q), storing `arrive` new items between pages; check
 * that no id repeats and every id present at the start is seen, and that each page's "newer"
 * cursor (prev) gives back the page before it. */
static void
walk(const char *q, int limit, int arrive, int64_t first_new_id)
{
	int64_t max_id = test_query_int(&st, "SELECT max(id) FROM items");
	char *seen = calloc((size_t)max_id + 10000, 1);
	char cursor[SEARCH_CURSOR_MAX] = "";
	int pages = 0, dups = 0, added = 0, backs = 0, late = 0, unordered = 0;
	int64_t last[64];
	size_t last_count = 0;
	for (;;) {
		struct arena a = ARENA_INIT;
		struct store_hits h;
		struct err e;
		int rc = q ? store_search_page(&st, q, cursor, NOW, limit, &a, &h, &e)
		           : store_items_page(&st, cursor, NOW, limit, &a, &h, &e);
		CHECK(rc == 0);
		for (size_t k = 0; k < h.count; k++) {
			if (h.hits[k].id <= max_id + 9999 && seen[h.hits[k].id]++)
				dups++;
			/* every row was first seen at NOW: placed no later, as the digests place it */
			late += h.hits[k].when > NOW;
			if (!q && k > 0)
				unordered += h.hits[k].when > h.hits[k - 1].when;
		}
		if (*h.prev) { /* none on a search window's first page */
			check_back(q, h.prev, limit, last, last_count, max_id);
			backs++;
		}
		last_count = h.count < 64 ? h.count : 64;
		for (size_t k = 0; k < last_count; k++)
			last[k] = h.hits[k].id;
		snprintf(cursor, sizeof cursor, "%s", h.next);
		arena_free(&a);
		pages++;
		if (!*cursor || pages > 10000)
			break;
		for (int k = 0; k < arrive; k++, added++) { /* newer and older than the reader */
			char guid[32];
			snprintf(guid, sizeof guid, "new%lld-%d", (long long)first_new_id, added);
			put(guid, "alpha arrives", "alpha arrives while paging", k % 2 ? NOW + DAY : NOW - 300 * DAY);
		}
	}
	int missing = 0;
	for (int64_t id = 1; id <= max_id; id++)
		missing += !seen[id];
	CHECK_INT(dups, 0);
	CHECK_INT(missing, 0);
	CHECK_INT(late, 0);
	CHECK_INT(unordered, 0);
	CHECK(pages > 2);
	CHECK(backs > 0);
	free(seen);
}

static void
test_keyset(void)
{
	open_store("keyset.db");
	char guid[32], text[128];
	for (int i = 0; i < 1300; i++) { /* more than a search window; many share a timestamp */
		snprintf(guid, sizeof guid, "k%d", i);
		snprintf(text, sizeof text, "alpha item %d zq%04d", i, i); /* zq*: 1,300 words */
		put(guid, "alpha", text, NOW - (i / 7) * 3600);
	}
	int64_t calls = fts_rank_calls();
	walk("zq*", 50, 3, 3); /* windows read from rows (a broad prefix), items arriving between pages */
	CHECK_INT(fts_rank_calls() - calls, 0);
	for (int i = 0; i < 40; i++) { /* dated years ahead: placed by first seen, each listed once */
		snprintf(guid, sizeof guid, "f%d", i);
		put(guid, "alpha", "alpha dated ahead", NOW + (3650 + i % 3) * DAY);
	}
	for (int i = 0; i < 40; i++) { /* dated hours after their fetch (local time written as UTC) */
		snprintf(guid, sizeof guid, "h%d", i);
		put(guid, "alpha", "alpha dated after its fetch", NOW + (1 + i % 8) * 3600);
	}
	walk(NULL, 37, 3, 1);
	walk("alpha", 50, 3, 2);
	CHECK(SEARCH_WINDOW < 1300);
	close_store();
}

/* The index is consistent with its content (the item's text and its page): FTS5 compares
 * every indexed row with what items_doc gives for it (integrity-check with rank 1), so a
 * 'delete' of other values than were indexed fails here. */
static void
check_index(void)
{
	struct err e;
	/* rank 1: against the external content too, not only the index's own structure */
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)", &e) == 0);
}

/* Store the article page of guid's item with this outcome (text for FULLTEXT_OK). */
static void
page(const char *guid, enum fulltext_status status, const char *text)
{
	struct err e;
	CHECK(store_fulltext_put(&st, id_of(guid), "http://a.example/page", status, text,
	                         status == FULLTEXT_FAILED ? "HTTP 500" : NULL, NOW, &e) == 0);
}

static void
test_prune(void)
{
	open_store("prune.db");
	put("old-cited", "Cited story", "an old story a digest links to, zebra", NOW - 100 * DAY);
	put("old-md", "Markdown story", "an old story only the markdown links to, zebra", NOW - 100 * DAY);
	put("old", "Forgotten llama", "an old story nobody cites, yak", NOW - 100 * DAY);
	put("new", "Fresh", "a fresh story, zebra yak", NOW - DAY);
	struct err e;
	CHECK(store_report_save(&st, "daily", "2026-02-20", "en", "D", NOW,
	                        "See [the other](http://a.example/old-md).", NULL,
	                        "{\"items\":[{\"link\":\"http://a.example/old-cited\"}]}", &e) == 0);
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO verdicts(item_id, engine, relevance, quality, timeliness, category,"
	                          " scored_at) VALUES (%lld, 'offline', 5, 5, 5, 'tech', 1)", (long long)id_of("old"));
	CHECK(store_exec(&st, sql, &e) == 0);
	/* Article pages fetched for three of them (full text): the pruned item's page goes with its
	 * body, the cited and the fresh items keep theirs. */
	static const char page[] = "The article page: a long text about zebras and yaks, repeated. ";
	const char *paged[] = {"old-cited", "old", "new"};
	for (size_t k = 0; k < 3; k++)
		CHECK(store_fulltext_put(&st, id_of(paged[k]), "http://a.example/page", FULLTEXT_OK, page, NULL, NOW - DAY,
		                         &e) == 0);
	struct prune_result r;
	CHECK(store_prune(&st, NOW, 30, 1, &r, &e) == 0);
	CHECK_INT(r.items, 1);
	CHECK_INT(r.kept_cited, 2);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM fulltext"), 3); /* dry run */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NULL"), 0); /* dry run */
	CHECK(store_prune(&st, NOW, 30, 0, &r, &e) == 0);
	CHECK_INT(r.items, 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NULL AND summary IS NULL AND pruned_at IS NOT NULL"
	                    " AND dedupe_key = 'g:old'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NOT NULL"), 3);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM verdicts"), 1); /* the rewrite did not cascade */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM fulltext WHERE item_id = %lld", (long long)id_of("old"));
	CHECK_INT(test_query_int(&st, sql), 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM fulltext WHERE unpacked(text) LIKE 'The article page:%'"), 2);
	{ /* the cited item's page is still read back whole */
		struct arena a = ARENA_INIT;
		enum fulltext_status fs;
		const char *text = NULL;
		int attempts = 0;
		CHECK_INT(store_fulltext_get(&st, id_of("old-cited"), &a, &fs, &text, &attempts, &e), 1);
		CHECK_INT(fs, FULLTEXT_OK);
		CHECK_STR(text, page);
		arena_free(&a);
	}
	/* and the pruned item is not wanted again (its page is gone, its body too) */
	{
		struct arena a = ARENA_INIT;
		struct fulltext_want *want;
		size_t n;
		struct fulltext_source src = {sid, FULLTEXT_AUTO};
		CHECK(store_fulltext_wanted(&st, &src, 1, NOW - 200 * DAY, NOW, 1000000, 100, &a, &want, &n, &e) == 0);
		CHECK_INT(n, 1); /* the only item without a page: not the pruned one */
		CHECK(n == 1 && want[0].item_id == id_of("old-md"));
		arena_free(&a);
	}
	check_search("yak", "new");          /* its words left the index */
	check_search("article", "old-cited new"); /* and its page's: kept pages are still indexed */
	check_index();
	check_search("zebra", "old-cited old-md new");
	check_search("llama", "old");        /* its title did not */
	/* Its dedupe key stayed: the feed still carrying it does not make it new. */
	CHECK_INT(put("old", "Forgotten llama", "an old story nobody cites, yak", NOW - 100 * DAY), ITEM_UNCHANGED);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 4);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM prune_log WHERE at = 1771638960 AND items = 1 AND keep_days = 30"
	                    " AND kept_cited = 2"), 1);
	struct archive_health ah; /* what doctor shows */
	CHECK(archive_health(st.path, &ah, &e) == ARCHIVE_HEALTH_OK);
	CHECK_INT(ah.pruned_at, NOW);
	CHECK_INT(ah.pruned_items, 1);
	CHECK_INT(ah.pruned_keep_days, 30);
	CHECK_INT(ah.items, 4);
	CHECK(ah.file_bytes > 0 && ah.index_bytes > 0 && ah.index_bytes < ah.file_bytes);
	/* Nothing left to prune: a second run removes nothing. */
	CHECK(store_prune(&st, NOW, 30, 0, &r, &e) == 0);
	CHECK_INT(r.items, 0);
	CHECK_INT(test_query_int(&st, "PRAGMA auto_vacuum"), 2);
	close_store();
}

/* A further source of a story is cited only by the Markdown, whose link targets are written
 * with esc_md_url (report/escape.c): '(', ')', quotes and every byte from 0x7F percent-encoded.
 * Prune must still keep those items whole. */
static void
test_prune_md_escaped_link(void)
{
	open_store("prune_md_esc.db");
	put("wiki_(film)", "Parenthesised", "an old story in brackets, zebra", NOW - 100 * DAY);
	put("caf\xc3\xa9", "Cafe", "an old story with an accent, zebra", NOW - 100 * DAY);
	put("old", "Forgotten", "an old story nobody cites, yak", NOW - 100 * DAY);
	struct err e;
	CHECK(store_report_save(&st, "daily", "2026-02-20", "en", "D", NOW,
	                        "Lead \xc2\xb7 also in [A](http://a.example/wiki_%28film%29), [B](http://a.example/caf%C3%A9)",
	                        NULL, "{\"items\":[]}", &e) == 0);
	struct prune_result r;
	CHECK(store_prune(&st, NOW, 30, 0, &r, &e) == 0);
	CHECK_INT(r.kept_cited, 2);
	CHECK_INT(r.items, 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NOT NULL"), 2);
	close_store();
}

/* A podcast episode whose only address is its audio file (no <link>): the reports link it to
 * its first web enclosure (store/select.c), so that is the link a digest cites. Prune must
 * keep it whole, enclosures too: pruned, it lost its text and its only address, and the
 * next weekly or article over it showed an unlinked title. */
static void
test_prune_enclosure_cited(void)
{
	open_store("prune_enclosure.db");
	struct feed_enclosure enc[] = {{.url = "ftp://cdn.example/ep1.mp3", .type = "audio/mpeg"},
	                               {.url = "https://cdn.example/ep1.mp3", .type = "audio/mpeg"}};
	struct feed_item it = {.id = "ep1", .title = "Episode one", .text = "show notes about a zebra",
	                       .published = NOW - 100 * DAY, .updated = FEED_NO_DATE, .enclosures = enc,
	                       .enclosure_count = 2};
	enum store_put_result pr;
	struct err e;
	CHECK(store_item_put(&w, sid, &it, NOW, &pr, &e) == 0);
	put("old", "Forgotten", "an old story nobody cites, yak", NOW - 100 * DAY);
	/* episodes stored with enclosures that are not JSON or not objects (written by hand): no error */
	CHECK(store_exec(&st, "INSERT INTO items(source_id, dedupe_key, title, text, enclosures, published, first_seen,"
	                      " content_hash) VALUES (1, 'g:bad', 'Bad', 'text', 'not json', 1, 1, 'x'),"
	                      " (1, 'g:odd', 'Odd', 'text', '[\"https://cdn.example/ep1.mp3\", 7, {\"url\": 1}]',"
	                      "  1, 1, 'x')",
	                      &e) == 0);
	CHECK(store_report_save(&st, "daily", "2026-02-20", "en", "D", NOW, NULL, NULL,
	                        "{\"items\":[{\"link\":\"https://cdn.example/ep1.mp3\"}]}", &e) == 0);
	struct prune_result r;
	CHECK(store_prune(&st, NOW, 30, 1, &r, &e) == 0);
	CHECK_INT(r.kept_cited, 1);
	CHECK_INT(r.items, 3);
	CHECK(store_prune(&st, NOW, 30, 0, &r, &e) == 0);
	CHECK_INT(r.kept_cited, 1);
	CHECK_INT(r.items, 3);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE dedupe_key = 'g:ep1' AND pruned_at IS NULL"
	                              " AND text IS NOT NULL AND enclosures LIKE '%https://cdn.example/ep1.mp3%'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE pruned_at IS NOT NULL"), 3);
	check_search("zebra", "ep1");
	close_store();
}

/* Make the store file at path the bytes of db, with no WAL or shared memory beside it: a
 * fresh copy of a store for each run of a fault-injection loop. */
static void
put_db_file(const char *path, const struct buf *db)
{
	const char *suffix[] = {"-wal", "-shm"};
	for (size_t k = 0; k < 2; k++) {
		char f[560];
		snprintf(f, sizeof f, "%s%s", path, suffix[k]);
		unlink(f);
	}
	test_write_file(path, db->data, db->len);
}

/* SQLite progress handler for test_prune_interrupted: interrupts the statement running at its
 * *T-th call (counting every call in *calls), once. */
static int
interrupt_at(void *arg)
{
	int64_t *c = arg; /* c[0]: calls so far, c[1]: the call to interrupt at (0: none) */
	return ++c[0] == c[1];
}

/* A prune interrupted anywhere (a statement of it failing, as a full disk or an I/O error
 * would) either fails or keeps every cited item whole: a cited link must never be missed
 * because reading the reports stopped half way. Each run interrupts one more step of
 * SQLite's virtual machine (a progress handler called at every step), on a fresh store. */
static void
test_prune_interrupted(void)
{
	/* the store every run starts from, copied (a fresh store per run costs its commits' syncs) */
	open_store("prune_int_template.db");
	struct err e;
	for (int k = 0; k < 4; k++) { /* four reports, each citing one old item by link */
		char g[16], md[64], date[16];
		snprintf(g, sizeof g, "cited%d", k);
		put(g, "Cited", "an old story a report cites, zebra", NOW - 100 * DAY);
		snprintf(md, sizeof md, "[x](http://a.example/cited%d)", k);
		snprintf(date, sizeof date, "2026-02-%02d", 10 + k);
		CHECK(store_report_save(&st, "daily", date, "en", "D", NOW, md, NULL, "{\"items\":[]}", &e) == 0);
	}
	put("old", "Old", "an old story nobody cites, yak", NOW - 100 * DAY);
	close_store();
	char from[512], to[512];
	snprintf(from, sizeof from, "%s/prune_int_template.db", test_tmpdir());
	snprintf(to, sizeof to, "%s/prune_int.db", test_tmpdir());
	struct buf db = BUF_INIT;
	test_read_file(from, &db);
	int64_t total = 0, failed = 0, bad = 0;
	for (int64_t at = 0;; at += 2) {
		put_db_file(to, &db);
		open_store("prune_int.db");
		CHECK(store_exec(&st, "PRAGMA synchronous = OFF", &e) == 0); /* no syncs: 800 runs */
		int64_t c[2] = {0, at};
		sqlite3_progress_handler(st.db, 1, interrupt_at, c);
		struct prune_result r;
		int rc = store_prune(&st, NOW, 30, 0, &r, &e);
		sqlite3_progress_handler(st.db, 0, NULL, NULL);
		if (rc < 0)
			failed++;
		int kept = test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NOT NULL AND dedupe_key LIKE 'g:cited%'");
		if (kept != 4) {
			bad++;
			fprintf(stderr, "interrupted at step %lld of %lld: prune returned %d, %d of 4 cited items kept\n",
			        (long long)at, (long long)total, rc, kept);
		}
		close_store();
		if (at == 0)
			total = c[0];
		else if (at > total)
			break;
	}
	buf_free(&db);
	CHECK_INT(bad, 0);
	CHECK(failed > 0); /* the interruptions did reach the prune's statements */
}

/* The statements run on the store's connection while tracing (SQL texts, one per line). */
static int
trace_sql(unsigned type, void *arg, void *p, void *x)
{
	(void)x;
	if (type == SQLITE_TRACE_STMT && sqlite3_sql(p))
		buf_printf(arg, "%s\n", sqlite3_sql(p));
	return 0;
}

/* Lines of the query plans of the statements in sqls (one a line) that read a whole table or
 * sort (a temporary b-tree), printed; how many. */
static int
plan_scans_sorts(const char *sqls)
{
	int bad = 0;
	for (const char *p = sqls; *p;) {
		const char *nl = strchr(p, '\n');
		struct buf q = BUF_INIT;
		buf_printf(&q, "EXPLAIN QUERY PLAN %.*s", (int)(nl - p), p);
		sqlite3_stmt *x = store_prepare(&st, buf_str(&q), NULL);
		CHECK(x != NULL);
		while (x && sqlite3_step(x) == SQLITE_ROW) {
			const char *d = store_col_text(x, 3);
			if (strncmp(d, "SCAN ", 5) == 0 || strstr(d, "TEMP B-TREE")) {
				fprintf(stderr, "  plan: %s\n    in %s\n", d, buf_str(&q) + 19);
				bad++;
			}
		}
		sqlite3_finalize(x);
		buf_free(&q);
		p = nl + 1;
	}
	return bad;
}

/* A year of reports (dailies in two languages, weeklies, articles): the archive's list of
 * reports and a report page's links to the one before and after find their rows through an
 * index, reading neither every report nor sorting them (schema 14); until then each request
 * scanned the table, a page of the file per report with the bodies beside it. */
static void
test_reports_indexed(void)
{
	open_store("reports_plan.db");
	struct err e;
	static const char *const kinds[] = {"daily", "weekly", "article"};
	static const char *const langs[] = {"zh", "en"};
	int64_t at = NOW - 400 * DAY;
	for (int d = 0; d < 120; d++)
		for (size_t k = 0; k < 3; k++)
			for (size_t l = 0; l < 2; l++) {
				char slug[32];
				snprintf(slug, sizeof slug, "%s-%03d", kinds[k], d);
				CHECK(store_report_save(&st, kinds[k], slug, langs[l], slug, at++, "# body", "<p>body</p>",
				                        "{}", &e) == 0);
			}
	struct buf sqls = BUF_INIT;
	sqlite3_trace_v2(st.db, SQLITE_TRACE_STMT, trace_sql, &sqls);
	struct arena a = ARENA_INIT;
	struct archive_report *r = NULL;
	size_t n = 0;
	CHECK(archive_reports(&st, NULL, 0, 20, 0, &a, &r, &n, &e) == 0);
	CHECK_INT(n, 20);
	CHECK(n == 20 && strcmp(r[0].slug, "article-119") == 0 && strcmp(r[0].lang, "en") == 0);
	char cursor[64] = "";
	if (n == 20)
		snprintf(cursor, sizeof cursor, "%lld.%lld", (long long)r[19].created_at, (long long)r[19].id);
	CHECK(archive_reports(&st, cursor, 0, 20, 1, &a, &r, &n, &e) == 0); /* the next page */
	CHECK_INT(n, 20);
	CHECK(archive_reports(&st, cursor, 1, 20, 0, &a, &r, &n, &e) == 0); /* and back */
	CHECK_INT(n, 19);
	struct archive_report older, newer;
	CHECK_INT(archive_report_neighbours(&st, "daily", "daily-050", 9, "zh", &a, &older, &newer, &e), 1);
	CHECK_STR(older.slug, "daily-049");
	CHECK_STR(newer.slug, "daily-051");
	sqlite3_trace_v2(st.db, 0, NULL, NULL);
	CHECK(sqls.len > 0);
	CHECK_INT(plan_scans_sorts(buf_str(&sqls)), 0);
	buf_free(&sqls);
	arena_free(&a);
	close_store();
}

/* The latest items and their pages back walk items_placed (schema 17) from the cursor: no
 * scan of items, no sort, whatever the page. */
static void
test_items_placed(void)
{
	open_store("items_placed.db");
	char guid[32];
	for (int i = 0; i < 300; i++) { /* some dated ahead of their fetch, some undated */
		snprintf(guid, sizeof guid, "p%d", i);
		put(guid, "alpha", "alpha placed", i % 3 == 0 ? NOW + (i % 7) * 3600 : i % 3 == 1 ? FEED_NO_DATE : NOW - i * 600);
	}
	struct buf sqls = BUF_INIT;
	sqlite3_trace_v2(st.db, SQLITE_TRACE_STMT, trace_sql, &sqls);
	struct arena a = ARENA_INIT;
	struct store_hits h, back;
	struct err e;
	CHECK(store_items_page(&st, NULL, NOW, 20, &a, &h, &e) == 0);
	CHECK(store_items_page(&st, h.next, NOW, 20, &a, &h, &e) == 0);
	CHECK_INT(h.count, 20);
	CHECK(store_items_newer(&st, h.prev, NOW, 20, &a, &back, &e) == 0);
	CHECK_INT(back.count, 20);
	sqlite3_trace_v2(st.db, 0, NULL, NULL);
	CHECK(sqls.len > 0);
	CHECK_INT(plan_scans_sorts(buf_str(&sqls)), 0);
	int statements = 0, placed = 0; /* each of them finds its rows in items_placed */
	for (const char *p = buf_str(&sqls), *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		struct buf q = BUF_INIT;
		buf_printf(&q, "EXPLAIN QUERY PLAN %.*s", (int)(nl - p), p);
		sqlite3_stmt *x = store_prepare(&st, buf_str(&q), &e);
		int uses = 0;
		while (x && sqlite3_step(x) == SQLITE_ROW)
			uses |= strstr(store_col_text(x, 3), "USING INDEX items_placed") != NULL;
		sqlite3_finalize(x);
		buf_free(&q);
		statements++;
		placed += uses;
	}
	CHECK(statements > 0);
	CHECK_INT(placed, statements);
	buf_free(&sqls);
	arena_free(&a);
	close_store();
}

/* test_epoch_dated's store as it must be: in the 48 hours to NOW the daily's window finds the
 * three items dated before 1995 undated, placed when first seen (NOW), then the two dated
 * ones (the Atom entry by its <updated>); the same feed again stores nothing new. */
static void
check_epoch_placed(void)
{
	struct arena a = ARENA_INIT;
	struct article *arts;
	size_t n;
	struct err e;
	struct buf titles = BUF_INIT, dates = BUF_INIT;
	CHECK(store_select_window(&st, NOW, 48, NULL, 0, &a, &arts, &n, &e) == 0);
	for (size_t i = 0; i < n; i++) {
		buf_printf(&titles, "%s%s", i ? "|" : "", arts[i].title);
		if (arts[i].published == FEED_NO_DATE) /* the date the digest shows: "-" for none */
			buf_printf(&dates, "%s-", i ? "|" : "");
		else
			buf_printf(&dates, "%s%lld", i ? "|" : "", (long long)(NOW - arts[i].published));
	}
	CHECK_STR(buf_str(&titles), "Epoch|West of UTC|Year one|Dated|Updated");
	CHECK_STR(buf_str(&dates), "-|-|-|3600|7200");
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE published IS NULL"), 3);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE published < 788918400"), 0);
	CHECK_INT(put("e1", "Epoch", "epoch", 0), ITEM_UNCHANGED); /* its key is as before */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 5);
	buf_free(&titles);
	buf_free(&dates);
	arena_free(&a);
}

/* A CMS that dates a post to the epoch (Thu, 01 Jan 1970 00:00:00 +0000; 31 Dec 1969 16:00 in
 * a zone west of UTC) or to .NET's year 1 gives no date: the post is filed undated, placed
 * when first seen, and so is in the day's digest, undated (never "1970-01-01"); an Atom entry
 * so dated whose <updated> is a date is filed by that. Before, each was placed in 1970, in no
 * digest, weekly or list of the latest items. A store of schema 20 holding such rows is
 * mended by the migration at its next opening. */
static void
test_epoch_dated(void)
{
	open_store("epoch.db");
	CHECK_INT(put("e1", "Epoch", "epoch", 0), ITEM_NEW);
	CHECK_INT(put("e2", "West of UTC", "west", -8 * 3600), ITEM_NEW);
	CHECK_INT(put("e3", "Year one", "dotnet", -62135596800LL), ITEM_NEW);
	CHECK_INT(put("e4", "Dated", "dated", NOW - 3600), ITEM_NEW);
	struct feed_item it;
	memset(&it, 0, sizeof it);
	it.id = "e5";
	it.link = "http://a.example/e5";
	it.title = "Updated";
	it.text = it.summary = "updated";
	it.published = 0;
	it.updated = NOW - 7200;
	enum store_put_result r = ITEM_UNCHANGED;
	struct err e;
	CHECK(store_item_put(&w, sid, &it, NOW, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	check_epoch_placed();
	struct arena a = ARENA_INIT;
	struct store_hits h;
	CHECK(store_items_page(&st, NULL, NOW, 3, &a, &h, &e) == 0); /* the latest items: on top */
	CHECK_INT(h.count, 3);
	for (size_t i = 0; i < h.count; i++)
		CHECK(h.hits[i].when == NOW);
	arena_free(&a);
	close_store();
	char path[512];
	snprintf(path, sizeof path, "%s/epoch.db", test_tmpdir());
	sqlite3 *raw; /* the rows as the brief of schema 21 wrote them */
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "UPDATE items SET published = 0 WHERE title IN ('Epoch', 'Updated');"
	                        "UPDATE items SET published = -28800 WHERE title = 'West of UTC';"
	                        "UPDATE items SET published = -62135596800 WHERE title = 'Year one';"
	                        "PRAGMA user_version = 21;", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	CHECK(store_open(&st, path, &e) == 0);
	CHECK(store_items_open(&w, &st, &e) == 0);
	CHECK_INT(test_query_int(&st, "PRAGMA user_version"), store_schema_version());
	check_epoch_placed();
	close_store();
}

/* test_prune_vacuum_bounded's watch: after each commit of the pruning connection (SQLite's WAL
 * hook, the write lock released) a second connection, as a fetch would, writes without waiting
 * and reads how many pages the file has. */
struct prune_watch {
	sqlite3 *other;
	int64_t commits, other_ok;
	int64_t pages;       /* the file's pages after the last commit */
	int64_t max_shrink;  /* the most pages one commit gave back */
};

static int
on_prune_commit(void *arg, sqlite3 *db, const char *name, int frames)
{
	(void)db;
	(void)name;
	(void)frames;
	struct prune_watch *pw = arg;
	pw->commits++;
	int64_t pages = test_db_query_int(pw->other, "PRAGMA page_count");
	if (pw->pages - pages > pw->max_shrink)
		pw->max_shrink = pw->pages - pages;
	pw->pages = pages;
	if (sqlite3_exec(pw->other, "INSERT INTO fetch_log(url, started_at) VALUES ('http://other.example/', 1)",
	                 NULL, NULL, NULL) == SQLITE_OK)
		pw->other_ok++;
	return SQLITE_OK;
}

/* A prune that frees most of a store gives the space back in bounded steps, each its own
 * transaction, and a writer gets in after each: before, it was one
 * `PRAGMA incremental_vacuum` of every free page, a transaction growing with the store (the
 * first prune of a year's store frees most of it) that held the write lock past the 10 s a
 * fetch waits for it. */
static void
test_prune_vacuum_bounded(void)
{
	open_store("prune_vacuum.db");
	struct err e;
	char guid[32], text[2048];
	uint64_t x = 88172645463325252u; /* xorshift: text that does not deflate to nothing */
	for (int i = 0; i < 6000; i++) {
		if (i % 500 == 0)
			CHECK(store_begin(&st, &e) == 0);
		snprintf(guid, sizeof guid, "v%d", i);
		int len = snprintf(text, sizeof text, "item %d about word%d and term%d:", i, i % 97, i % 389);
		while (len < 1600) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			len += snprintf(text + len, sizeof text - (size_t)len, " %llx", (unsigned long long)(x >> 24));
		}
		put(guid, "vacuum", text, i % 10 == 0 ? NOW - DAY : NOW - 100 * DAY);
		if (i % 500 == 499)
			CHECK(store_commit(&st, &e) == 0);
	}
	struct prune_watch pw = {0};
	CHECK(sqlite3_open_v2(st.path, &pw.other, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK);
	sqlite3_wal_autocheckpoint(pw.other, 0);
	pw.pages = test_db_query_int(pw.other, "PRAGMA page_count");
	int64_t before = pw.pages;
	sqlite3_wal_hook(st.db, on_prune_commit, &pw);
	struct prune_result r;
	CHECK(store_prune(&st, NOW, 30, 0, &r, &e) == 0);
	sqlite3_wal_hook(st.db, NULL, NULL);
	CHECK_INT(r.items, 5400);
	int64_t after = test_db_query_int(pw.other, "PRAGMA page_count");
	fprintf(stderr, "prune: %lld -> %lld pages, at most %lld given back in one of %lld commits\n",
	        (long long)before, (long long)after, (long long)pw.max_shrink, (long long)pw.commits);
	CHECK(before - after > 2000); /* most of the store was freed ... */
	CHECK(pw.max_shrink <= 1000); /* ... and given back a bounded step at a time */
	CHECK_INT(test_query_int(&st, "PRAGMA freelist_count"), 0);
	CHECK_INT(pw.other_ok, pw.commits);
	check_index();
	sqlite3_close(pw.other);
	close_store();
}

/* The issue number of a weekly post: the one its week was saved with, else the week before's
 * plus one. Interrupted at any step (a failing read), it is an error, never a wrong number
 * (issue 1 again, or no number, for a week whose post has one). */
static void
test_weekly_issue_interrupted(void)
{
	open_store("weekly_issue.db");
	struct err e;
	CHECK(store_report_save(&st, "weekly", "2026-W05", "zh", "W5", NOW, "w5", NULL, "{\"issue\":4}", &e) == 0);
	CHECK(store_report_save(&st, "weekly", "2026-W06", "zh", "W6", NOW, "w6", NULL, "{\"issue\":5}", &e) == 0);
	const char *week[] = {"2026-W06", "2026-W07", "2026-W01"};
	const int want[] = {5, 6, 0};
	int64_t failed = 0;
	for (size_t k = 0; k < 3; k++) {
		int issue = -1;
		CHECK(store_weekly_issue(&st, week[k], &issue, &e) == 0);
		CHECK_INT(issue, want[k]);
		for (int64_t at = 1; at < 200; at++) {
			int64_t c[2] = {0, at};
			sqlite3_progress_handler(st.db, 1, interrupt_at, c);
			issue = -1;
			int rc = store_weekly_issue(&st, week[k], &issue, &e);
			sqlite3_progress_handler(st.db, 0, NULL, NULL);
			if (rc < 0)
				failed++;
			else if (issue != want[k])
				fprintf(stderr, "%s interrupted at step %lld: issue %d, want %d\n", week[k], (long long)at,
				        issue, want[k]);
			CHECK(rc < 0 || issue == want[k]);
			if (c[0] < at) /* the call ran to its end before this step */
				break;
		}
	}
	CHECK(failed > 0);
	close_store();
}

/* An item pruned and then changed by its feed gets its body back: it is an old item with a
 * body like any other, and the next prune removes it again. */
static void
test_prune_changed_after_prune(void)
{
	open_store("prune_changed.db");
	put("old", "Old story", "an old story, yak", NOW - 100 * DAY);
	struct err e;
	struct prune_result r;
	CHECK(store_prune(&st, NOW, 30, 0, &r, &e) == 0);
	CHECK_INT(r.items, 1);
	CHECK_INT(put("old", "Old story", "an old story, corrected, yak", NOW - 100 * DAY), ITEM_CHANGED);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NOT NULL"), 1);
	CHECK(store_prune(&st, NOW + DAY, 30, 0, &r, &e) == 0);
	CHECK_INT(r.items, 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NOT NULL"), 0);
	close_store();
}

/* An item dated years ahead of its fetch (a feed's 2099 placeholder) is placed, and so ages,
 * from when it was first seen: 100 days on, a prune that keeps 30 days removes its body. Before,
 * its date kept it "new" until 2099, its body never pruned. */
static void
test_prune_dated_ahead(void)
{
	open_store("prune_ahead.db");
	put("ahead", "Placeholder date", "dated ahead, yak", 4102444800LL); /* 2100-01-01 */
	put("now", "Recent", "recent, yak", NOW);
	struct err e;
	struct prune_result r;
	CHECK(store_prune(&st, NOW + 10 * DAY, 30, 0, &r, &e) == 0);
	CHECK_INT(r.items, 0);
	CHECK(store_prune(&st, NOW + 100 * DAY, 30, 1, &r, &e) == 0); /* the dry run counts it */
	CHECK_INT(r.items, 2);
	CHECK(store_prune(&st, NOW + 100 * DAY, 30, 0, &r, &e) == 0);
	CHECK_INT(r.items, 2);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE text IS NOT NULL"), 0);
	close_store();
}

/* A store file made from tests/store/fixtures/schema_vN.sql (an older brief's store as SQL),
 * then opened (and so migrated) as st, at the current schema version. */
static void
open_fixture(int version)
{
	char path[512], fixture[512];
	snprintf(path, sizeof path, "%s/v%d.db", test_tmpdir(), version);
	snprintf(fixture, sizeof fixture, "%s/tests/store/fixtures/schema_v%d.sql", getenv("BRIEF_SRC"), version);
	struct buf sql = BUF_INIT;
	test_read_file(fixture, &sql);
	sqlite3 *raw;
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, buf_str(&sql), NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	buf_free(&sql);
	struct err e;
	CHECK(store_open(&st, path, &e) == 0);
	CHECK_INT(test_query_int(&st, "PRAGMA user_version"), store_schema_version());
	CHECK_INT(test_query_int(&st, "SELECT v FROM items_fts_config WHERE k = 'automerge'"), 8);
	CHECK_INT(test_query_int(&st, "SELECT v FROM items_fts_config WHERE k = 'hashsize'"), 8388608); /* schema 10 */
}

/* The progress handler interrupt_at installed on every connection opened while set (by
 * sqlite3_auto_extension), counting in one shared pair. */
static int64_t open_interrupt[2];

static int
interrupt_on_open(sqlite3 *db, const char **err, const struct sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	sqlite3_progress_handler(db, 1, interrupt_at, open_interrupt);
	return SQLITE_OK;
}

/* Migration is automatic and resumable: a store of schema 3 whose opening (migrations, the
 * index's rebuild) is interrupted at any step of SQLite's virtual machine, as a crash or an
 * I/O error would stop it, opens at the next try at the current schema with every item found
 * by its words, the index whole. */
static void
test_migration_interrupted(void)
{
	char path[512], fixture[512];
	snprintf(path, sizeof path, "%s/v3i.db", test_tmpdir());
	snprintf(fixture, sizeof fixture, "%s/tests/store/fixtures/schema_v3.sql", getenv("BRIEF_SRC"));
	struct buf sql = BUF_INIT, db = BUF_INIT;
	test_read_file(fixture, &sql);
	sqlite3 *raw; /* the schema 3 store as a file, copied for each run */
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, buf_str(&sql), NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	test_read_file(path, &db);
	int64_t failed = 0, runs = 0;
	/* ~11k steps open this store: every 23rd, so each part of the opening is hit */
	for (int64_t at = 1;; at += 23) {
		put_db_file(path, &db);
		open_interrupt[0] = 0;
		open_interrupt[1] = at;
		sqlite3_auto_extension((void (*)(void))interrupt_on_open);
		struct err e;
		int rc = store_open(&st, path, &e);
		sqlite3_cancel_auto_extension((void (*)(void))interrupt_on_open);
		if (rc == 0) {
			sqlite3_progress_handler(st.db, 0, NULL, NULL);
			store_close(&st);
		} else {
			failed++;
		}
		runs++;
		int done = open_interrupt[0] < at; /* the whole opening ran before this step */
		if (store_open(&st, path, &e) != 0) {
			fprintf(stderr, "interrupted at step %lld: the next open failed: %s\n", (long long)at, e.msg);
			CHECK(0);
			if (done)
				break;
			continue;
		}
		CHECK_INT(test_query_int(&st, "PRAGMA user_version"), store_schema_version());
		CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 5);
		CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')", &e) == 0);
		check_search("中国", "2 5");
		check_search("compiler", "1 4");
		close_store();
		if (done)
			break;
	}
	buf_free(&sql);
	buf_free(&db);
	CHECK(failed > 0 && runs > failed); /* the interruptions reached the opening, and it finished */
}

static void
test_migration(void)
{
	open_fixture(3);
	struct err e;
	CHECK_INT(test_query_int(&st, "SELECT below FROM fts_rebuild"), 1);
	CHECK_INT(test_query_int(&st, "PRAGMA auto_vacuum"), 2);
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')", &e) == 0);
	check_search("中国", "2 5");
	check_search("人", "2 5");
	check_search("compiler", "1 4");
	/* An interrupted backfill resumes: back to the state the migration leaves, one batch. */
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('delete-all');"
	                      "UPDATE fts_rebuild SET below = 6", &e) == 0);
	CHECK(store_fts_backfill(&st, 2, 1, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT below FROM fts_rebuild"), 4);
	check_search("compiler", "4");
	check_search("中国", "5");
	CHECK(store_fts_backfill(&st, 2, 0, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT below FROM fts_rebuild"), 1);
	check_search("中国", "2 5");
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')", &e) == 0);
	/* Writing goes on as usual on the migrated store. */
	CHECK(store_items_open(&w, &st, &e) == 0);
	sid = 1;
	CHECK_INT(put("9", "新文章", "中国新闻", NOW), ITEM_NEW);
	check_search("中国", "2 5 9");
	close_store();
}

/* A store made before incremental vacuum (schema 3) is rebuilt once at its first opening
 * (VACUUM), which needs room for a second copy of it. On a disk too full for that copy, the
 * opening still succeeds (the rebuild is left for a later run): before, every command failed
 * with "database or disk is full", `brief prune`, which gives space back, too. The full disk
 * is RLIMIT_FSIZE at half the store's size (as test_store_fail), in a child process; the
 * next opening with room rebuilds the store. */
static void
test_migration_full_disk(void)
{
	char path[512], fixture[512];
	snprintf(path, sizeof path, "%s/v3full.db", test_tmpdir());
	snprintf(fixture, sizeof fixture, "%s/tests/store/fixtures/schema_v3.sql", getenv("BRIEF_SRC"));
	struct buf sql = BUF_INIT;
	test_read_file(fixture, &sql);
	sqlite3 *raw;
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, buf_str(&sql), NULL, NULL, NULL) == SQLITE_OK);
	/* a year of model answers: 4 MB, so that the store is far larger than what migrating it
	 * writes, and a copy of it is not */
	CHECK(sqlite3_exec(raw, "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2000)"
	                        " INSERT INTO llm_cache SELECT 'score', 1, 'm', printf('h%d', k), hex(randomblob(1000)),"
	                        " 1 FROM n", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	buf_free(&sql);
	struct stat sb;
	CHECK(stat(path, &sb) == 0 && sb.st_size > 4000000);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG instead */
		struct rlimit lim;
		getrlimit(RLIMIT_FSIZE, &lim);
		lim.rlim_cur = (rlim_t)sb.st_size / 2;
		struct err e;
		if (setrlimit(RLIMIT_FSIZE, &lim) < 0)
			_exit(2);
		if (store_open(&st, path, &e) < 0) {
			fprintf(stderr, "on a full disk: %s\n", e.msg);
			_exit(1);
		}
		int ok = test_query_int(&st, "PRAGMA user_version") == store_schema_version() &&
		         test_query_int(&st, "SELECT count(*) FROM items") == 5 &&
		         test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'compiler'") == 2;
		_exit(ok ? 0 : 3);
	}
	int status = 0;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status));
	CHECK_INT(WEXITSTATUS(status), 0);
	/* with room again: rebuilt for incremental vacuum, every item found */
	struct err e;
	CHECK(store_open(&st, path, &e) == 0);
	CHECK_INT(test_query_int(&st, "PRAGMA auto_vacuum"), 2);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_cache"), 2000);
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')", &e) == 0);
	check_search("compiler", "1 4");
	check_search("中国", "2 5");
	store_close(&st);
}

/* An item's extracted article page is searchable with it (schema 7): words only the page has
 * find the item, the feed's words still do, and every change keeps the index exact — a new
 * page, a page fetched again, the feed changing the item's text, a failed or article-less
 * page, a page queued behind a deferred (bulk) insert, prune, and the item's delete. */
static void
test_page_index(void)
{
	open_store("pages.db");
	put("thin", "Thin item", "two lines about a zebra", NOW - 3600);
	put("plain", "Plain item", "a full text about a yak", NOW - 7200);
	check_search("quokka", "");
	page("thin", FULLTEXT_OK, "The page itself: a quokka and a numbat met at the waterhole.");
	check_index();
	check_search("quokka", "thin");
	check_search("numbat waterhole", "thin");
	check_search("zebra", "thin"); /* the feed's text is still there */
	check_search("quok*", "thin");  /* prefix queries read the vocabulary the page added to */
	/* A page without an article, and a failed fetch, add nothing. */
	page("plain", FULLTEXT_NO_ARTICLE, NULL);
	check_index();
	page("plain", FULLTEXT_FAILED, NULL);
	check_index();
	check_search("yak", "plain");
	/* The page written again (upsert): the old page's words leave, the new ones come. */
	page("thin", FULLTEXT_OK, "A second version of the page, about a wombat.");
	check_index();
	check_search("quokka", "");
	check_search("wombat", "thin");
	/* The feed changes the item's text: its page stays indexed with the new text. */
	CHECK_INT(put("thin", "Thin item", "now three lines about a platypus", NOW - 3600), ITEM_CHANGED);
	check_index();
	check_search("platypus", "thin");
	check_search("zebra", "");
	check_search("wombat", "thin");
	/* A page that is no longer an article (status changed) leaves the index. */
	page("thin", FULLTEXT_FAILED, NULL);
	check_index();
	check_search("wombat", "");
	check_search("platypus", "thin");
	page("thin", FULLTEXT_OK, "The third page: an echidna.");
	check_index();
	check_search("echidna", "thin");
	/* A bulk insert defers the item's indexing; a page stored before the deferred indexing
	 * runs is indexed with it then. */
	struct err e;
	CHECK(store_begin(&st, &e) == 0);
	CHECK(store_items_defer_fts(&st, &e) == 0);
	put("bulk", "Bulk item", "a bulk summary about a heron", NOW - 60);
	page("bulk", FULLTEXT_OK, "The bulk item's page: a kookaburra.");
	CHECK(store_items_index_deferred(&st, &e) == 0);
	CHECK(store_commit(&st, &e) == 0);
	check_index();
	check_search("kookaburra", "bulk");
	check_search("heron", "bulk");
	/* The item deleted (its page goes by the foreign key's cascade): out of the index. */
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM items WHERE id = %lld", (long long)id_of("bulk"));
	CHECK(store_exec(&st, sql, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM fulltext WHERE url = 'http://a.example/page' AND status = 1"),
	          1);
	check_index();
	check_search("kookaburra", "");
	check_search("heron", "");
	check_search("echidna", "thin");
	close_store();
}

/* A schema-6 store (tests/store/fixtures/schema_v6.sql: made by that version and dumped)
 * whose one extracted page was not in the index: the migration to 7 indexes it, and the
 * index stays exact. The migration to 9 gives its source an empty description (NULL, until
 * the next fetch), which a fetch's result then sets. */
static void
test_migration_v6(void)
{
	open_fixture(6);
	struct err e;
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM pragma_table_info('sources') WHERE name = 'description'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources WHERE description IS NULL"), 1);
	struct source_result r = {.attempted_at = NOW, .http_status = 200, .description = "Notes on animals"};
	CHECK(store_source_record(&st, 1, &r, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources WHERE description = 'Notes on animals'"), 1);
	check_index();
	check_search("quokka", "thin");
	check_search("zebra", "thin");
	check_search("yak", "plain");
	check_search("heron", "failed");
	/* and writing goes on: a page for the item whose fetch had failed */
	CHECK(store_items_open(&w, &st, &e) == 0);
	page("failed", FULLTEXT_OK, "Fetched after all: an ibis.");
	check_index();
	check_search("ibis", "failed");
	close_store();
}

/* The bounded merge after a fetch: a store grown by many small commits (one segment each)
 * keeps several segments per level under FTS5's automerge; store_fts_merge leaves few, within
 * its page budget, gives the pages of the merged segments back to the file system, and a
 * search still finds every item. */
static void
test_merge(void)
{
	open_store("merge.db");
	char guid[32], text[128];
	for (int i = 0; i < 300; i++) { /* each put its own commit, as feeds arrive in a fetch */
		snprintf(guid, sizeof guid, "m%d", i);
		snprintf(text, sizeof text, "merge item %d, word%d computing", i, i % 17);
		put(guid, "merge", text, NOW - i * 60);
	}
	int64_t before = store_fts_segments(&st);
	fprintf(stderr, "segments before merge: %lld\n", (long long)before);
	struct err e;
	int pages = -1;
	CHECK(store_fts_merge(&st, 1, &pages, &e) == 0); /* the budget bounds the work */
	CHECK_INT(pages, 1);
	CHECK(store_fts_merge(&st, STORE_FTS_MERGE_PAGES, &pages, &e) == 0);
	CHECK(pages > 0 && pages < STORE_FTS_MERGE_PAGES);
	CHECK_INT(test_query_int(&st, "PRAGMA freelist_count"), 0); /* what the merge freed is given back */
	int64_t after = store_fts_segments(&st);
	fprintf(stderr, "segments after merge: %lld\n", (long long)after);
	CHECK(before >= 8);
	CHECK(after <= 3 && after < before);
	CHECK(store_fts_merge(&st, STORE_FTS_MERGE_PAGES, &pages, &e) == 0); /* nothing left to do */
	CHECK_INT(pages, 0);
	CHECK_INT(store_fts_segments(&st), after);
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')", &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'merge'"), 300);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'comp*'"), 300);
	close_store();
}

/* Checkpoints on their own thread (store/checkpoint.h): while a writer commits past SQLite's
 * threshold the thread copies the WAL back; afterwards everything is there, intact, and the
 * connection checkpoints by itself again. Counts, not times: it commits until the thread has
 * run (at most 400 commits), then waits (generously) for a run still under way. */
static void
test_checkpointer(void)
{
	open_store("ckpt.db");
	struct store_checkpointer *c = store_checkpointer_start(&st);
	CHECK(c != NULL);
	CHECK_INT(test_query_int(&st, "PRAGMA wal_autocheckpoint"), 0);
	char guid[32], text[1600];
	uint64_t x = 88172645463325252ULL;
	int n = 0;
	struct err e;
	for (int batch = 0; batch < 400 && store_checkpointer_runs(c) == 0; batch++) {
		CHECK(store_begin(&st, &e) == 0);
		for (int i = 0; i < 20; i++, n++) {
			size_t k = 0;
			while (k + 12 < sizeof text) { /* words that do not compress away */
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				k += (size_t)snprintf(text + k, sizeof text - k, "w%llx ", (unsigned long long)(x % 1000003));
			}
			snprintf(guid, sizeof guid, "c%d", n);
			put(guid, "checkpoint", text, NOW - n);
		}
		CHECK(store_commit(&st, &e) == 0);
	}
	for (int i = 0; i < 3000 && store_checkpointer_runs(c) == 0; i++)
		usleep(10000);
	fprintf(stderr, "checkpointer: %d items, %ld checkpoints by the thread\n", n, store_checkpointer_runs(c));
	CHECK(store_checkpointer_runs(c) > 0);
	store_checkpointer_stop(c);
	CHECK_INT(test_query_int(&st, "PRAGMA wal_autocheckpoint"), 1000);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), n);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'checkpoint'"), n);
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')", &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
	close_store();
}

/* One committed (or rolled back) transaction storing one item. */
static void
put_in_tx(const char *guid, const char *text, int commit)
{
	struct err e;
	CHECK(store_begin(&st, &e) == 0);
	put(guid, "vocab", text, NOW - 3600);
	if (commit)
		CHECK(store_commit(&st, &e) == 0);
	else
		store_rollback(&st);
}

/* The vocabulary of prefix queries (fts_terms): a connection skips the words it committed there
 * before, and forgets them after a rollback, so that a word whose transaction did not commit is
 * added again by the next. Deleting a term by hand stands for the row a failed commit lost. */
static void
test_vocab(void)
{
	open_store("vocab.db");
	struct err e;
	put_in_tx("v1", "the quokkaword appears", 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM fts_terms WHERE term = 'quokkaword'"), 1);
	CHECK(store_exec(&st, "DELETE FROM fts_terms WHERE term = 'quokkaword'", &e) == 0);
	put_in_tx("v2", "the quokkaword again", 1); /* known to this connection: skipped */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM fts_terms WHERE term = 'quokkaword'"), 0);
	put_in_tx("v3", "an unrelated text", 0);    /* a rollback: the connection forgets */
	put_in_tx("v4", "the quokkaword once more", 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM fts_terms WHERE term = 'quokkaword'"), 1);
	check_search("quokka*", "v1 v2 v4");
	close_store();
}

/* While items are written through store_items_open (the fetcher), statement journals stay in
 * memory (temp_store 2); once it is closed the connection is back to the default (0), so that
 * a prune's large statements or a VACUUM's copy are not held in memory. A new store has the
 * index's 8 MiB term buffer too (schema 10), not only a migrated one. */
static void
test_items_temp_store(void)
{
	open_store("tempstore.db");
	CHECK_INT(test_query_int(&st, "PRAGMA temp_store"), 2);
	CHECK_INT(put("t1", "journal", "written with the journal in memory", NOW - 60), ITEM_NEW);
	store_items_close(&w);
	CHECK_INT(test_query_int(&st, "PRAGMA temp_store"), 0);
	CHECK_INT(test_query_int(&st, "SELECT v FROM items_fts_config WHERE k = 'hashsize'"), 8388608);
	check_search("journal", "t1");
	close_store();
}

/* An item with no id, link or date is known by its title and text: a line break in the text
 * (a block boundary, since session 10) counts as the space it was before, so an item stored
 * before keeps its key and is not fetched as new again. */
static void
test_dedupe_key_line_breaks(void)
{
	struct feed_item now = {0}, before = {0};
	now.title = before.title = "Untitled note";
	now.published = now.updated = before.published = before.updated = FEED_NO_DATE;
	now.text = "Abstract\nThe advent of models.";
	before.text = "Abstract The advent of models.";
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
	store_item_dedupe_key(&now, &a);
	store_item_dedupe_key(&before, &b);
	CHECK_STR(buf_str(&a), buf_str(&b));
	before.text = "Abstract The advent of other models.";
	store_item_dedupe_key(&before, &c);
	CHECK(strcmp(buf_str(&a), buf_str(&c)) != 0); /* other text, another item */
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
}

/* Review (rev-a): searches the index answers wrongly. */

/* A term that is a CJK run of two or more characters followed by more tokens ("芯片AI", a
 * phrase "中国 人民") must find the text it was typed from: at index time the run's last
 * character takes a position of its own, so the query's tokens must not skip it. */
static void
test_search_cjk_then_more(void)
{
	open_store("cjkmore.db");
	put("m1", "新闻", "芯片AI 发布", NOW - DAY);
	put("m2", "新闻", "中国 人民 团结", NOW - DAY);
	put("m3", "新闻", "中AI", NOW - DAY);
	check_search("中AI", "m3"); /* a one-character run: found */
	check_search("芯片AI", "m1");
	check_search("\"中国 人民\"", "m2");
	/* its * is the last token's, a word's: only a CJK last token has nothing longer indexed */
	put("m4", "新闻", "芯片AIGC发布", NOW - DAY);
	check_search("芯片AI*", "m1 m4");
	close_store();
}

/* A prefix of one ASCII character also begins the one-character word itself: "x*" finds an
 * item whose only x-word is "x", as FTS5's own prefix query does. fts_terms never lists a
 * one-byte word (vocab_tap_fn), so the OR of its words left it out. */
static void
test_search_one_letter_prefix(void)
{
	open_store("oneletter.db");
	put("x1", "News", "the x factor", NOW - DAY);
	put("x2", "News", "a xylophone solo", NOW - DAY);
	check_search("x*", "x1 x2");
	close_store();
}

/* A row's score counts every word of an expanded prefix it holds: the row with the prefix's
 * last word in its title and three times in its text ranks above one with the first word
 * once. brief_rank kept the frequencies of the first 16 phrases only (MAX_PHRASES), so the
 * 20th word of the OR counted for nothing. */
static void
test_search_rank_many_words(void)
{
	open_store("rankwords.db");
	for (int k = 1; k < 19; k++) { /* older items: words pq01..pq18 */
		char guid[32], text[64];
		snprintf(guid, sizeof guid, "f%d", k);
		snprintf(text, sizeof text, "filler pq%02d", k);
		put(guid, "Filler", text, NOW - 30 * DAY);
	}
	put("a", "pq19 news", "pq19 pq19 pq19", NOW - DAY);
	put("b", "News", "pq00 once", NOW - DAY);
	struct arena a = ARENA_INIT;
	struct store_hits h;
	struct err e;
	CHECK(store_search_page(&st, "pq*", NULL, NOW, 50, &a, &h, &e) == 0);
	CHECK_INT((int)h.count, 20);
	CHECK(h.count > 0 && h.hits[0].id == id_of("a"));
	arena_free(&a);
	close_store();
}

/* Pages of one window read the same way: a prefix of 250 words (the index's OR) that gains
 * words while a reader pages through it (new items, newer than the window) must still list
 * every item once. Past 256 words the next pages are read from rows, where the prefix is one
 * term; the index's OR is a phrase a word, and brief_rank scored each as a term, so a row
 * with two of its words scored otherwise there and the cursor's (score, id) skipped or
 * repeated rows (fails when brief_rank is not given the plan's groups). */
static void
test_keyset_prefix_grows(void)
{
	open_store("grows.db");
	for (int i = 0; i < 600; i++) {
		char guid[32], text[64];
		snprintf(guid, sizeof guid, "g%d", i);
		snprintf(text, sizeof text, "beta zr%04d zr%04d", i % 250, (i + 125) % 250);
		put(guid, "Beta", text, NOW - (i % 13) * DAY);
	}
	int64_t max_id = test_query_int(&st, "SELECT max(id) FROM items");
	char *seen = calloc((size_t)max_id + 1000, 1);
	char cursor[SEARCH_CURSOR_MAX] = "";
	int dups = 0, added = 0;
	for (int pages = 0; pages < 100; pages++) {
		struct arena a = ARENA_INIT;
		struct store_hits h;
		struct err e;
		CHECK(store_search_page(&st, "zr*", cursor, NOW, 50, &a, &h, &e) == 0);
		for (size_t k = 0; k < h.count; k++)
			if (h.hits[k].id <= max_id && seen[h.hits[k].id]++)
				dups++;
		snprintf(cursor, sizeof cursor, "%s", h.next);
		arena_free(&a);
		if (!*cursor)
			break;
		for (int k = 0; k < 2; k++, added++) { /* new words of the prefix arrive */
			char guid[32], text[64];
			snprintf(guid, sizeof guid, "new%d", added);
			snprintf(text, sizeof text, "beta zr9%03d", added);
			put(guid, "Beta", text, NOW);
		}
	}
	int missing = 0;
	for (int64_t id = 1; id <= max_id; id++)
		missing += !seen[id];
	CHECK_INT(dups, 0);
	CHECK_INT(missing, 0);
	free(seen);
	close_store();
}

int
main(void)
{
	test_dedupe_key_line_breaks();
	test_tokenizer();
	test_search();
	test_search_prefix_breadth();
	test_search_rows_agree();
	test_keyset();
	test_search_cjk_then_more();
	test_search_one_letter_prefix();
	test_search_rank_many_words();
	test_keyset_prefix_grows();
	test_prune();
	test_prune_md_escaped_link();
	test_prune_enclosure_cited();
	test_prune_changed_after_prune();
	test_prune_dated_ahead();
	test_prune_interrupted();
	test_prune_vacuum_bounded();
	test_weekly_issue_interrupted();
	test_reports_indexed();
	test_items_placed();
	test_epoch_dated();
	test_migration();
	test_migration_interrupted();
	test_migration_full_disk();
	test_page_index();
	test_migration_v6();
	test_merge();
	test_vocab();
	test_items_temp_store();
	test_checkpointer();
	return test_done("test_store_archive");
}
