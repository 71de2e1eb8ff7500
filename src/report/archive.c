/* archive.c: writing a digest into an archive directory and rebuilding its index. */
#include "report/archive.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/i18n.h"
#include "util/arena.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/timeutil.h"

enum { ARCHIVE_FEED_MAX = 60, ARCHIVE_TOP_TITLES = 3 };

static int
write_file(const char *dir, const char *name, const char *data, struct err *e)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return fs_write_atomic(path, data, strlen(data), e);
}

/* "2026-02-21.json", named by a day of the calendar: "2026-02-30.json" or "2026-13-45.json"
 * (a copy, another tool's file) is no digest brief wrote, and would open a month "2026-13". */
static int
is_digest_json(const char *name)
{
	if (strlen(name) != 15 || strcmp(name + 10, ".json") != 0)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? name[i] != '-' : !is_ascii_digit((unsigned char)name[i]))
			return 0;
	int y = (name[0] - '0') * 1000 + (name[1] - '0') * 100 + (name[2] - '0') * 10 + (name[3] - '0');
	int m = (name[5] - '0') * 10 + (name[6] - '0'), d = (name[8] - '0') * 10 + (name[9] - '0');
	if (m < 1 || m > 12 || d < 1)
		return 0;
	int ry, rm, rd, h, mi, s; /* a day past its month's end comes back as the next month's */
	time_to_utc(time_from_utc(y, m, d, 12, 0, 0), &ry, &rm, &rd, &h, &mi, &s);
	return ry == y && rm == m && rd == d;
}

/* True when the digest of DATE.json also has its DATE.md and DATE.html: the index links to
 * them, so a day lists only once its three files exist. */
static int
has_all_files(const char *dir, const char *json_name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%.10s.md", dir, json_name);
	if (!fs_exists(path))
		return 0;
	snprintf(path, sizeof path, "%s/%.10s.html", dir, json_name);
	return fs_exists(path);
}

static const char *
jget(json_t *o, const char *key, struct arena *a)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? arena_strdup(a, json_string_value(v)) : NULL;
}

/* Read one digest's JSON into d; 0 on success, -1 to skip the file (not JSON, not an object,
 * or no "generated_at" time: no digest brief wrote). */
static int
load_digest(const char *dir, const char *name, struct arena *a, struct report_digest *d)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	json_t *o = json_load_file(path, 0, NULL);
	if (!json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	/* Every digest brief writes has its generation time; a JSON object without one is
	 * another tool's file (it was listed as a digest of 0 stories updated in 1970). */
	const char *gen = jget(o, "generated_at", a);
	int y, mo, da, h, mi, s;
	if (!gen || sscanf(gen, "%d-%d-%dT%d:%d:%dZ", &y, &mo, &da, &h, &mi, &s) != 6 || mo < 1 || mo > 12) {
		json_decref(o);
		return -1;
	}
	memset(d, 0, sizeof *d);
	d->date = arena_strndup(a, name, 10);
	d->lang = jget(o, "lang", a);
	d->highlights = jget(o, "highlights", a);
	d->generated_at = time_from_utc(y, mo, da, h, mi, s);
	json_t *stats = json_object_get(o, "stats");
	json_t *sel = json_object_get(stats, "selected");
	d->selected = json_is_integer(sel) ? (int)json_integer_value(sel) : 0;
	json_t *items = json_object_get(o, "items");
	d->top_titles = arena_alloc(a, ARCHIVE_TOP_TITLES * sizeof *d->top_titles);
	for (size_t i = 0; i < json_array_size(items) && d->top_count < ARCHIVE_TOP_TITLES; i++) {
		json_t *it = json_array_get(items, i);
		const char *t = jget(it, "title_translated", a);
		if (!t)
			t = jget(it, "title", a);
		if (t)
			d->top_titles[d->top_count++] = t;
	}
	struct buf title = BUF_INIT;
	buf_puts(&title, i18n_get(d->lang)->title);
	buf_puts(&title, " — ");
	buf_puts(&title, d->date);
	d->title = arena_strdup(a, buf_str(&title));
	buf_free(&title);
	json_decref(o);
	return 0;
}

static int
by_date_desc(const void *a, const void *b)
{
	return strcmp(((const struct report_digest *)b)->date, ((const struct report_digest *)a)->date);
}

/* Write the Markdown and HTML index (month NULL = the main one) into dir. */
static int
write_index(const char *dir, const struct report_digest *d, size_t n, const char *lang, const char *month,
            struct buf *out, struct err *e)
{
	char name[32];
	buf_clear(out);
	report_index_md(d, n, lang, month, out);
	snprintf(name, sizeof name, "%s.md", month ? month : "index");
	if (write_file(dir, name, buf_str(out), e) < 0)
		return -1;
	buf_clear(out);
	report_index_html(d, n, lang, month, out);
	snprintf(name, sizeof name, "%s.html", month ? month : "index");
	int rc = write_file(dir, name, buf_str(out), e);
	buf_clear(out);
	return rc;
}

int
report_archive_write(const char *dir, const struct report *r, const char *md, const char *html,
                     const char *json, const char *base_url, struct err *e)
{
	if (fs_mkdirs(dir, 0, e) < 0)
		return -1;
	fs_remove_stale_tmp(dir); /* what a killed run left half-written */
	char name[64];
	const char *exts[] = {"md", "html", "json"};
	const char *data[] = {md, html, json};
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "%s.%s", r->date, exts[i]);
		if (write_file(dir, name, data[i], e) < 0)
			return -1;
	}
	DIR *dp = opendir(dir);
	if (!dp)
		return err_set(e, "cannot read directory %s", dir);
	struct arena a = ARENA_INIT;
	struct report_digest *digests = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!is_digest_json(de->d_name) || !has_all_files(dir, de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			digests = xrealloc(digests, cap * sizeof *digests);
		}
		if (load_digest(dir, de->d_name, &a, &digests[n]) == 0)
			n++;
	}
	closedir(dp);
	if (n > 1) /* digests is NULL when no file qualified: qsort's array may not be */
		qsort(digests, n, sizeof *digests, by_date_desc);
	struct buf out = BUF_INIT;
	int rc = 0;
	rc = write_index(dir, digests, n, r->lang, NULL, &out, e);
	/* One page per month (MONTH.md, MONTH.html), rebuilt from what the directory holds. */
	for (size_t i = 0; rc == 0 && i < n;) {
		size_t j = i;
		while (j < n && strncmp(digests[j].date, digests[i].date, 7) == 0)
			j++;
		char month[8];
		snprintf(month, sizeof month, "%.7s", digests[i].date);
		rc = write_index(dir, digests + i, j - i, r->lang, month, &out, e);
		i = j;
	}
	if (rc == 0) {
		report_index_atom(digests, n < ARCHIVE_FEED_MAX ? n : ARCHIVE_FEED_MAX, r->lang, base_url, &out);
		rc = write_file(dir, "index.atom", buf_str(&out), e);
	}
	buf_free(&out);
	free(digests);
	arena_free(&a);
	return rc;
}
