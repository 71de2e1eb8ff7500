/* bench_llm.c: LLM cost and wall time per digest, brief's strategy next to the original tool's,
 * over a fixed 48 h window built from the corpus's real-world feeds, against the stand-in with
 * simulated latency.
 *
 *   bench_llm [--latency-ms 500] [--ms-per-token 10]
 *
 * The window: every real-world feed of the corpus is parsed; each feed's dated items are
 * shifted so that its newest item lands a fixed, feed-dependent number of hours (0..35) before
 * "now" (keeping each feed's real posting rhythm); the window is the 48 hours before now. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/curate/curate.h"
#include "ai/llm/llm.h"
#include "feed/feed.h"
#include "llmserver.h"
#include "reference.h"
#include "store/select.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/timeutil.h"

#define NOW INT64_C(1771675200) /* 2026-02-21T12:00:00Z */

struct pending_item {
	char *title, *link, *text;
	int64_t published;
};

struct collect {
	struct pending_item *items;
	size_t count, cap;
};

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	struct collect *c = ctx;
	(void)doc;
	if (it->published == FEED_NO_DATE || !it->title)
		return 0;
	if (c->count == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->items = xrealloc(c->items, c->cap * sizeof *c->items);
	}
	c->items[c->count++] = (struct pending_item){xstrdup(it->title), xstrdup(it->link ? it->link : ""),
	                                             xstrdup(it->text ? it->text : ""), it->published};
	return 0;
}

static void
exec_or_die(struct store *st, sqlite3_stmt *s)
{
	if (!s || sqlite3_step(s) != SQLITE_DONE) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(st->db));
		exit(1);
	}
	sqlite3_finalize(s);
}

/* Load the corpus into st: the items published (after the shift) up to cut. Loading again
 * with a later cut adds the rest, as a fetch the next day would. Returns the items loaded. */
static size_t
load_corpus(struct store *st, const char *shared, int64_t cut)
{
	struct err e;
	char mpath[1024];
	snprintf(mpath, sizeof mpath, "%s/corpus/MANIFEST.tsv", shared);
	struct buf manifest = BUF_INIT;
	if (fs_read_all(mpath, &manifest, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	size_t total = 0, feed_no = 0;
	store_begin(st, &e);
	for (char *line = manifest.data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *cols[6] = {0};
		char *p = line;
		for (int c = 0; c < 6 && p; c++) {
			cols[c] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		line = nl ? nl + 1 : NULL;
		if (!cols[4] || (strcmp(cols[4], "realworld") != 0 && strcmp(cols[4], "realworld-jsonfeed") != 0))
			continue;
		char fpath[2048];
		snprintf(fpath, sizeof fpath, "%s/corpus/%s", shared, cols[0]);
		struct buf data = BUF_INIT;
		if (fs_read_all(fpath, &data, &e) < 0) {
			buf_free(&data);
			continue;
		}
		struct arena arena = ARENA_INIT;
		struct collect col = {0};
		struct feed_doc doc;
		feed_parse(data.data, data.len, NULL, &arena, on_item, &col, &doc);
		if (col.count) {
			int64_t newest = INT64_MIN;
			for (size_t i = 0; i < col.count; i++)
				if (col.items[i].published > newest)
					newest = col.items[i].published;
			int64_t shift = NOW - (int64_t)((feed_no * 7) % 96) * 3600 - newest;
			feed_no++;
			char url[2100];
			snprintf(url, sizeof url, "file://%s", cols[0]);
			sqlite3_stmt *s = store_prepare(st, "INSERT OR IGNORE INTO sources(url, title, added_at) VALUES (?1, ?2, ?3)", &e);
			store_bind_text(s, 1, url);
			store_bind_text(s, 2, doc.feed.title);
			sqlite3_bind_int64(s, 3, NOW - 86400 * 30);
			exec_or_die(st, s);
			s = store_prepare(st, "SELECT id FROM sources WHERE url = ?1", &e);
			store_bind_text(s, 1, url);
			int64_t sid = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
			sqlite3_finalize(s);
			for (size_t i = 0; i < col.count; i++) {
				struct pending_item *it = &col.items[i];
				if (it->published + shift > cut) {
					free(it->title);
					free(it->link);
					free(it->text);
					continue;
				}
				char key[64];
				snprintf(key, sizeof key, "b:%zu", i);
				s = store_prepare(st,
				                  "INSERT OR IGNORE INTO items(source_id, dedupe_key, link, canonical_link, title, text,"
				                  " published, first_seen, content_hash) VALUES (?1,?2,?3,?3,?4,?5,?6,?6,?2)",
				                  &e);
				sqlite3_bind_int64(s, 1, sid);
				store_bind_text(s, 2, key);
				store_bind_text(s, 3, it->link);
				store_bind_text(s, 4, it->title);
				store_bind_text(s, 5, it->text);
				sqlite3_bind_int64(s, 6, it->published + shift);
				exec_or_die(st, s);
				total++;
				free(it->title);
				free(it->link);
				free(it->text);
			}
		}
		free(col.items);
		arena_free(&arena);
		buf_free(&data);
	}
	store_commit(st, &e);
	buf_free(&manifest);
	return total;
}

struct figures {
	long requests, prompt, completion, cached, score_prompt, score_completion;
	double seconds;
	size_t scored;
};

static void
delta(struct llmsrv *srv, const struct llmsrv_stats *before, double seconds, size_t scored, struct figures *f)
{
	struct llmsrv_stats now;
	llmsrv_get_stats(srv, &now);
	int score = llmsrv_task_index("score");
	f->requests = now.requests - before->requests;
	f->prompt = now.prompt_tokens - before->prompt_tokens;
	f->completion = now.completion_tokens - before->completion_tokens;
	f->cached = now.cached_tokens - before->cached_tokens;
	f->score_prompt = now.task_prompt_tokens[score] - before->task_prompt_tokens[score];
	f->score_completion = now.task_completion_tokens[score] - before->task_completion_tokens[score];
	f->seconds = seconds;
	f->scored = scored;
}

static size_t
ours(struct store *st, int64_t now, struct llmsrv *srv, struct figures *f)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct article *arts;
	size_t n;
	if (store_select_window(st, now, 48, NULL, 0, &a, &arts, &n, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	struct llmsrv_stats before;
	llmsrv_get_stats(srv, &before);
	int64_t t0 = time_mono_ms();
	struct curate_opts o = {.now = now, .hours = 48, .top_n = 15, .lang = "zh", .per_source_cap = 3};
	struct curate_result r;
	if (curate_run(st, arts, n, &o, &a, &r, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	/* Articles scored in this run by the model (not from the cache, not offline). */
	delta(srv, &before, (double)(time_mono_ms() - t0) / 1000.0, n, f);
	arena_free(&a);
	return n;
}

static void
row(const char *name, const struct figures *f, size_t window)
{
	printf("| %-34s | %5ld | %8ld | %7ld | %10ld | %6.1f | %8.0f |\n", name, f->requests, f->prompt, f->cached,
	       f->completion, f->seconds,
	       window ? (double)(f->score_prompt + f->score_completion) / (double)window : 0.0);
}

int
main(int argc, char **argv)
{
	struct llmsrv_opts so = {.latency_ms = 500, .ms_per_token = 10};
	for (int i = 1; i + 1 < argc; i += 2) {
		long v;
		if (str_to_long(argv[i + 1], 0, 100000, &v) < 0)
			return 2;
		if (strcmp(argv[i], "--latency-ms") == 0)
			so.latency_ms = (int)v;
		else if (strcmp(argv[i], "--ms-per-token") == 0)
			so.ms_per_token = (int)v;
	}
	const char *shared = getenv("BRIEF_SHARED") ? getenv("BRIEF_SHARED") : BRIEF_SHARED_DIR;
	char dir[] = "/tmp/brief-bench-llm-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	struct llmsrv *srv = llmsrv_start(&so);
	if (!srv)
		return 1;
	setenv("BRIEF_LLM_BASE_URL", llmsrv_base_url(srv), 1);
	setenv("BRIEF_LLM_MODEL", "stand-in", 1);
	unsetenv("BRIEF_LLM_PROVIDER");
	time_set_now(NOW);

	char p1[256], p2[256];
	snprintf(p1, sizeof p1, "%s/cold.db", dir);
	(void)0;
	snprintf(p2, sizeof p2, "%s/steady.db", dir);
	struct store cold, steady;
	struct err oe;
	if (store_open(&cold, p1, &oe) < 0 || store_open(&steady, p2, &oe) < 0) {
		fprintf(stderr, "bench: %s\n", oe.msg);
		return 1;
	}
	size_t loaded = load_corpus(&cold, shared, NOW);

	struct figures f_cold, f_rerun, f_warm, f_steady, f_ref;
	size_t window = ours(&cold, NOW, srv, &f_cold);
	ours(&cold, NOW, srv, &f_rerun);
	/* Steady state: yesterday's digest saw only what was published by then. */
	load_corpus(&steady, shared, NOW - 86400);
	ours(&steady, NOW - 86400, srv, &f_warm);
	load_corpus(&steady, shared, NOW);
	ours(&steady, NOW, srv, &f_steady);

	/* The reference, on the same window's articles. */
	struct arena a = ARENA_INIT;
	struct err e;
	struct article *arts;
	size_t n;
	store_select_window(&cold, NOW, 48, NULL, 0, &a, &arts, &n, &e);
	struct llm_config lc = {.concurrency = 2, .timeout_s = 120, .max_attempts = 4, .supports_schema = 1};
	str_copy(lc.base_url, llmsrv_base_url(srv), sizeof lc.base_url);
	str_copy(lc.model, "stand-in", sizeof lc.model);
	struct llm_client client;
	llm_client_init(&client, &lc, NULL, &e);
	struct llmsrv_stats before;
	llmsrv_reset(srv); /* a fresh provider: nothing cached from our runs */
	llmsrv_get_stats(srv, &before);
	int64_t t0 = time_mono_ms();
	size_t ref_scored = reference_run(&client, arts, n);
	delta(srv, &before, (double)(time_mono_ms() - t0) / 1000.0, ref_scored, &f_ref);
	llm_client_free(&client);

	printf("corpus: %zu dated items loaded; window: %zu articles in the 48 h before now\n", loaded, window);
	printf("stand-in latency: %d ms + %d ms per completion token\n\n", so.latency_ms, so.ms_per_token);
	printf("| %-34s | %5s | %8s | %7s | %10s | %6s | %8s |\n", "run", "reqs", "prompt", "cached", "completion",
	       "wall s", "score tok/article");
	printf("|%s|------:|---------:|--------:|-----------:|-------:|---------:|\n", "------------------------------------");
	row("reference (original strategy)", &f_ref, n);
	row("brief, cold (empty cache)", &f_cold, window);
	row("brief, rerun (same store)", &f_rerun, window);
	row("brief, next day (24 h later)", &f_steady, window);
	printf("\nwall time, reference / brief cold: %.2fx\n", f_cold.seconds > 0 ? f_ref.seconds / f_cold.seconds : 0);
	printf("tokens per digest (prompt+completion), reference / brief cold: %.2fx, / brief next day: %.2fx\n",
	       (double)(f_ref.prompt + f_ref.completion) / (double)(f_cold.prompt + f_cold.completion),
	       (double)(f_ref.prompt + f_ref.completion) / (double)(f_steady.prompt + f_steady.completion + 1));
	printf("uncached prompt tokens, reference: %ld, brief cold: %ld\n", f_ref.prompt - f_ref.cached,
	       f_cold.prompt - f_cold.cached);
	printf("requests on rerun: %ld\n", f_rerun.requests);
	(void)f_warm;
	arena_free(&a);
	store_close(&cold);
	store_close(&steady);
	llmsrv_stop(srv);
	curl_global_cleanup();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return 0;
}
