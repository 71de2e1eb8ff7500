/* fuzz_serve.c: libFuzzer target for the pages of `brief serve` (serve/pages.c through
 * pages_answer, the router the HTTP server calls): the request's path, search, language and
 * keyset cursor are the input, answered from a small real store (SQLite file in a temporary
 * directory, made once) holding English, Chinese and hostile items (one with 300 words of one
 * prefix, so that a broad prefix is looked for in the rows), their verdicts, an
 * enrichment, a fetched page and reports. The first byte picks a path prefix, so every page is
 * reached; the rest is split at 0x1f into path, q, lang and cursor (a missing field is absent
 * from the request). Invariants (abort() on violation):
 *   - the answer is 200, 400 (a refused search) or 404: never 500, since no request may make a
 *     store statement fail (a search is never passed to FTS5 as syntax);
 *   - it has a content type, and its body is valid UTF-8;
 *   - no "<script" anywhere, in any case: hostile titles, texts, source names and the request's
 *     own fields are escaped wherever they are shown; an HTML page keeps fuzz_check_rendering's
 *     invariants besides (no bidi override, isolates balanced within a line). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_check.h"
#include "serve/pages.h"
#include "util/str.h"
#include "util/utf8.h"

static struct store store;
static char store_dir[] = "/tmp/fuzz_serve.XXXXXX";

/* The temporary store goes when the fuzzer exits. */
static void
remove_store(void)
{
	static const char *const files[] = {"brief.db", "brief.db-wal", "brief.db-shm"};
	store_close(&store);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[64];
		snprintf(path, sizeof path, "%s/%s", store_dir, files[i]);
		unlink(path);
	}
	rmdir(store_dir);
}

static const char fixture[] =
	"INSERT INTO sources(id, url, name, html_url, added_at) VALUES"
	" (1, 'https://a.example/feed', 'Alpha <script>x</script>', 'https://a.example/', 0),"
	" (2, 'https://b.example/feed', NULL, 'javascript:alert(1)', 0);"
	"INSERT INTO items(id, source_id, dedupe_key, link, title, text, categories, published, first_seen,"
	" content_hash) VALUES"
	" (1, 1, 'g:1', 'https://a.example/rust', 'Rust async in practice', 'Structured concurrency with tokio,"
	"  compilers and the borrow checker.', '[\"rust\",\"<script>\"]', 1771650000, 1771650000, 'h1'),"
	" (2, 1, 'g:2', 'javascript:alert(2)', '<SCRIPT>alert(1)</SCRIPT> \"quoted\" & more',"
	"  'Hostile text </div><script>alert(3)</script> compiler here.', NULL, 1771660000, 1771660000, 'h2'),"
	" (3, 2, 'g:3', 'https://b.example/zh', '中文搜索测试标题', '这是一个关于全文搜索的中文段落，中国。', NULL,"
	"  NULL, 1771670000, 'h3'),"
	" (4, 2, 'g:4', 'https://b.example/go', 'Go generics', 'Go is a compiled language.', NULL, 1771600000,"
	"  1771600000, 'h4');"
	/* 300 words of one prefix: `zz*` and its like are read from the rows (store/search.c) */
	"INSERT INTO items(id, source_id, dedupe_key, link, title, text, published, first_seen, content_hash)"
	" SELECT 5, 1, 'g:5', 'https://a.example/zz', 'Many <script>words</script> zz', group_concat(w, ' '),"
	"  1771640000, 1771640000, 'h5' FROM (WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n"
	"  WHERE k < 299) SELECT printf('zz%04d', k) AS w FROM n);"
	"INSERT INTO verdicts(item_id, engine, relevance, quality, timeliness, category, keywords, scored_at)"
	" VALUES (1, 'offline', 9, 8, 7, 'engineering', '[\"rust\",\"<script>\"]', 0),"
	" (2, 'offline', 3, 3, 3, 'security', 'not json <script>', 0);"
	"INSERT INTO enrichments(item_id, lang, engine, title, summary, reason, created_at) VALUES"
	" (1, 'zh', 'offline', 'Rust 异步实践 <script>', '摘要 <script>内容</script>', '值得一读', 0);"
	"INSERT INTO fulltext(item_id, url, status, text, fetched_at, attempts) VALUES"
	" (4, 'https://b.example/go', 1, 'The page explains monomorphization <script>x</script>.' || char(10, 10) ||"
	"  'A second paragraph.', 0, 1);"
	"INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
	" ('daily', '2026-02-20', 'zh', '日报 <script>', 1771560000, '# 日报 <script>', NULL, NULL),"
	" ('daily', '2026-02-21', 'zh', '日报 2026-02-21', 1771650000, '# 日报 21',"
	"  '<!doctype html><p>日报</p>', '{\"date\":\"2026-02-21\"}'),"
	" ('weekly', '2026-W08', 'en', 'Weekly \"<script>\"', 1771655000, '# Weekly <script>', NULL, NULL);";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	if (!mkdtemp(store_dir))
		abort();
	char db[64];
	snprintf(db, sizeof db, "%s/brief.db", store_dir);
	struct err e = {""};
	if (store_open(&store, db, &e) < 0 || store_exec(&store, fixture, &e) < 0) {
		fprintf(stderr, "fuzz_serve: %s\n", e.msg);
		abort();
	}
	atexit(remove_store);
	return 0;
}

static const char *const prefixes[] = {"", "/", "/items", "/items/", "/r/", "/r/daily/", "/feed.atom", "/items/1"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *prefix = prefixes[data[0] % (sizeof prefixes / sizeof *prefixes)];
	char *rest = xstrndup((const char *)data + 1, size - 1); /* a NUL ends a field, as in a URL */
	char *fields[4] = {rest, NULL, NULL, NULL};
	for (int f = 1; f < 4; f++) {
		char *sep = strchr(fields[f - 1], 0x1f);
		if (!sep)
			break;
		*sep = 0;
		fields[f] = sep + 1;
	}
	struct buf path = BUF_INIT;
	buf_puts(&path, prefix);
	buf_puts(&path, fields[0]);
	struct page_req rq = {.path = buf_str(&path), .q = fields[1], .lang = fields[2], .cursor = fields[3],
	                      .base = "http://127.0.0.1:8080"};
	struct page pg;
	memset(&pg, 0, sizeof pg);
	pages_answer(&store, &rq, &pg);
	if (pg.status != 200 && pg.status != 400 && pg.status != 404) {
		fprintf(stderr, "fuzz_serve: status %d for %s\n%.*s\n", pg.status, buf_str(&path), (int)pg.body.len,
		        pg.body.data ? pg.body.data : "");
		abort();
	}
	if (!pg.content_type || !utf8_valid(pg.body.data ? pg.body.data : "", pg.body.len))
		abort();
	if (str_starts(pg.content_type, "text/html"))
		fuzz_check_rendering(&pg.body, 0, "fuzz_serve");
	else if (pg.body.len && str_icasestr(pg.body.data, pg.body.len, "<script"))
		abort(); /* the Atom feed and the JSON: escaped too */
	buf_free(&pg.body);
	buf_free(&path);
	free(rest);
	return 0;
}
