/* wfixture.c: fixture stores and helpers for the weekly and article tests. */
#include "wfixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "store/items.h"
#include "store/store.h"
#include "testlib.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/fs.h"
#include "util/hash.h"

static const char *const feeds[] = {"techwire.xml", "aidaily.xml", "osweekly.xml", "kuaixun.xml"};

struct ins {
	struct store *st;
	long long source_id;
	size_t count;
};

static void
die_db(struct store *st, const char *what)
{
	fprintf(stderr, "wfixture: %s: %s\n", what, sqlite3_errmsg(st->db));
	exit(1);
}

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	(void)doc;
	struct ins *in = ctx;
	struct err e;
	sqlite3_stmt *s = store_prepare(in->st,
		"INSERT INTO items(source_id, dedupe_key, guid, link, canonical_link, title, summary, text,"
		" published, first_seen, content_hash) VALUES (?1, ?2, ?3, ?4, ?10, ?5, ?6, ?7, ?8, ?8, ?9)", &e);
	if (!s)
		die_db(in->st, "prepare");
	char key[300], hash[33];
	snprintf(key, sizeof key, "g:%s", it->id ? it->id : it->link);
	hash_hex128(it->text ? it->text : "", it->text ? strlen(it->text) : 0, hash);
	sqlite3_bind_int64(s, 1, in->source_id);
	store_bind_text(s, 2, key);
	store_bind_text(s, 3, it->id);
	store_bind_text(s, 4, it->link);
	store_bind_text(s, 5, it->title);
	store_bind_text(s, 6, it->summary);
	store_bind_text(s, 7, it->text);
	sqlite3_bind_int64(s, 8, it->published);
	store_bind_text(s, 9, hash);
	/* the canonical link as the store keeps it (fragment and tracking parameters dropped,
	 * NULL when it is the link), not a copy of the link */
	struct arena scratch = ARENA_INIT;
	struct store_item_prep prep;
	store_item_prepare(it, &scratch, &prep);
	store_bind_text(s, 10, prep.canon);
	int step = sqlite3_step(s);
	arena_free(&scratch);
	if (step != SQLITE_DONE)
		die_db(in->st, "insert item");
	sqlite3_finalize(s);
	in->count++;
	return 0;
}

const char *
wfx_path(const char *area, const char *name)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/tests/%s/fixtures/%s", getenv("BRIEF_SRC") ? getenv("BRIEF_SRC") : ".", area,
	         name);
	return path;
}

size_t
wfx_make_home(const char *home)
{
	return wfx_make_home_with(home, NULL);
}

size_t
wfx_make_home_with(const char *home, const char *extra_feed)
{
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st = {0};
	struct err e;
	if (fs_mkdirs(home, 1, &e) < 0 || store_open(&st, db, &e) < 0) {
		fprintf(stderr, "wfixture: %s\n", e.msg);
		exit(1);
	}
	size_t total = 0;
	size_t feed_count = sizeof feeds / sizeof feeds[0];
	const char *more = extra_feed; /* "a.xml" or "a.xml,b.xml" */
	char name[256];
	for (size_t f = 0; f < feed_count || (more && *more); f++) {
		if (f < feed_count) {
			snprintf(name, sizeof name, "%s", feeds[f]);
		} else {
			size_t len = strcspn(more, ",");
			snprintf(name, sizeof name, "%.*s", (int)len, more);
			more += len + (more[len] == ',');
		}
		struct buf data = BUF_INIT;
		test_read_file(wfx_path("weekly", name), &data);
		struct arena a = ARENA_INIT;
		struct feed_doc doc;
		/* The source row first (its id is needed per item): name = the feed's title. */
		char url[256];
		snprintf(url, sizeof url, "https://feeds.example/%s", name);
		sqlite3_stmt *s = store_prepare(&st, "INSERT INTO sources(url, added_at, last_success_at) VALUES (?1, 0, 0)", &e);
		store_bind_text(s, 1, url);
		if (sqlite3_step(s) != SQLITE_DONE)
			die_db(&st, "insert source");
		sqlite3_finalize(s);
		struct ins in = {&st, sqlite3_last_insert_rowid(st.db), 0};
		if (feed_parse(buf_str(&data), data.len, NULL, &a, on_item, &in, &doc) < 0) {
			fprintf(stderr, "wfixture: %s: %s\n", name, doc.error ? doc.error : "?");
			exit(1);
		}
		s = store_prepare(&st, "UPDATE sources SET name = ?1, title = ?1 WHERE id = ?2", &e);
		store_bind_text(s, 1, doc.feed.title);
		sqlite3_bind_int64(s, 2, in.source_id);
		if (sqlite3_step(s) != SQLITE_DONE)
			die_db(&st, "name source");
		sqlite3_finalize(s);
		total += in.count;
		arena_free(&a);
		buf_free(&data);
	}
	store_close(&st);
	return total;
}

void
wfx_golden(const char *area, const char *name, const char *got)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/%s/golden/%s", getenv("BRIEF_SRC") ? getenv("BRIEF_SRC") : ".", area, name);
	const char *update = getenv("BRIEF_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		test_write_file(path, got, strlen(got));
		fprintf(stderr, "updated %s\n", path);
		return;
	}
	struct buf want = BUF_INIT;
	struct err e;
	test_checks++;
	if (fs_read_all(path, &want, &e) < 0) {
		test_failures++;
		fprintf(stderr, "golden %s missing (regenerate with BRIEF_UPDATE_GOLDEN=1): %s\n", path, e.msg);
	} else if (strcmp(buf_str(&want), got) != 0) {
		test_failures++;
		char tmp[4200];
		snprintf(tmp, sizeof tmp, "%s/%s.got", test_tmpdir(), name);
		test_write_file(tmp, got, strlen(got));
		fprintf(stderr, "golden %s differs: diff -u %s %s (BRIEF_KEEP_TMP=1 keeps it)\n", name, path, tmp);
	}
	buf_free(&want);
}

int
wfx_brief(const char *const *args, const char *const *extra_env, struct buf *out, struct buf *err)
{
	const char *argv[64];
	size_t n = 0;
	argv[n++] = test_brief_bin();
	for (size_t i = 0; args[i] && n < 63; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	const char *env[32];
	size_t m = 0;
	static const char *const base[] = {"TZ=UTC", "BRIEF_LLM_BASE_URL=", "BRIEF_LLM_API_KEY=", "BRIEF_LLM_MODEL=",
	                                   "BRIEF_LLM_PROVIDER=", "OPENAI_API_KEY=", "OPENAI_API_BASE=",
	                                   "OPENAI_BASE_URL=", "OPENAI_MODEL=", "GEMINI_API_KEY=", "BRIEF_AUTHOR="};
	for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
		env[m++] = base[i];
	for (size_t i = 0; extra_env && extra_env[i] && m < 31; i++)
		env[m++] = extra_env[i];
	env[m] = NULL;
	return test_run((char *const *)argv, (char *const *)env, NULL, out, err);
}
