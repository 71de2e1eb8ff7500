/* test_date_corpus.c: date_parse against feedparser's reference vectors
 * (feedparser-derived/date_parser_vectors.tsv, the current reference) and against the
 * date expectations of feedparser's test documents (tests/ and the legacy date tests).
 * Prints "N passed, M failed" with every failure; fails below 98 %. */
#include <dirent.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "feed/date.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/timeutil.h"

static int passed, failed, superseded;

/* Parse "y,m,d,h,mi,s,..." (commas, optional spaces and parentheses) into UTC seconds. */
static int
tuple_to_time(const char *s, int64_t *out)
{
	long v[6];
	for (int i = 0; i < 6; i++) {
		while (*s == ' ' || *s == '(' || *s == ',')
			s++;
		char *end;
		v[i] = strtol(s, &end, 10);
		if (end == s)
			return -1;
		s = end;
	}
	*out = time_from_utc((int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5]);
	return 0;
}

static void
record(int ok, const char *where, const char *input, const char *detail)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s: \"%s\" %s\n", where, input, detail);
}

static void
run_tsv(const char *shared)
{
	char path[512];
	snprintf(path, sizeof path, "%s/corpus/feedparser-derived/date_parser_vectors.tsv", shared);
	struct buf data = BUF_INIT;
	test_read_file(path, &data);
	char *line = data.data, *next;
	int lineno = 0;
	for (; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (lineno++ == 0)
			continue; /* header */
		char *input = strchr(line, '\t');
		char *expect = input ? strchr(input + 1, '\t') : NULL;
		if (!expect)
			continue;
		*input++ = '\0';
		*expect++ = '\0';
		int64_t got = 0, want = 0;
		int rc = date_parse(input, strlen(input), &got);
		char where[64], detail[96], g[32] = "-1";
		snprintf(where, sizeof where, "tsv %s", line);
		if (rc == 0)
			time_format_rfc3339(got, g, sizeof g);
		if (strcmp(expect, "None") == 0) {
			snprintf(detail, sizeof detail, "= %s, want rejection", g);
			record(rc == -1, where, input, detail);
		} else {
			CHECK(tuple_to_time(expect, &want) == 0);
			char w[32];
			time_format_rfc3339(want, w, sizeof w);
			snprintf(detail, sizeof detail, "= %s, want %s", g, w);
			record(rc == 0 && got == want, where, input, detail);
		}
	}
	buf_free(&data);
}

/* Convert a document that declares a legacy encoding (the Korean tests are EUC-KR). */
static void
to_utf8(struct buf *doc)
{
	const char *decl = strstr(doc->data, "encoding=\"");
	if (!decl)
		return;
	char enc[32];
	const char *q = strchr(decl + 10, '"');
	if (!q || (size_t)(q - decl - 10) >= sizeof enc)
		return;
	memcpy(enc, decl + 10, (size_t)(q - decl - 10));
	enc[q - decl - 10] = '\0';
	if (str_casecmp(enc, "utf-8") == 0)
		return;
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		return;
	size_t inleft = doc->len, outcap = doc->len * 4 + 1, outleft = outcap;
	char *in = doc->data, *outbuf = xmalloc(outcap), *o = outbuf;
	if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1) {
		*o = '\0';
		buf_clear(doc);
		buf_puts(doc, outbuf);
	}
	free(outbuf);
	iconv_close(cd);
}

/* The texts of the date elements (and CDF lastmod attributes) of a test document. */
static size_t
date_candidates(const char *doc, char cand[][128], size_t max)
{
	static const char *const tags[] = {"pubDate", "dc:date", "dcterms:modified", "dcterms:created",
	                                   "dcterms:issued", "modified", "updated", "published",
	                                   "issued", "created", "lastBuildDate", "expirationDate"};
	size_t n = 0;
	for (const char *p = doc; (p = strchr(p, '<')) != NULL && n < max; p++) {
		for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
			size_t tl = strlen(tags[i]);
			if (strncmp(p + 1, tags[i], tl) != 0 || (p[1 + tl] != '>' && p[1 + tl] != ' '))
				continue;
			const char *start = strchr(p, '>'), *end = start ? strchr(start, '<') : NULL;
			if (end && (size_t)(end - start - 1) < 128) {
				memcpy(cand[n], start + 1, (size_t)(end - start - 1));
				cand[n++][end - start - 1] = '\0';
			}
			break;
		}
	}
	for (const char *p = doc; (p = strstr(p, "lastmod=\"")) != NULL && n < max; p++) {
		const char *end = strchr(p + 9, '"');
		if (end && (size_t)(end - p - 9) < 128) {
			memcpy(cand[n], p + 9, (size_t)(end - p - 9));
			cand[n++][end - p - 9] = '\0';
		}
	}
	return n;
}

/* Legacy tests whose expectation the current reference (the TSV) contradicts:
 * feedparser once rolled over out-of-range fields (hour 25, 31 June) and read
 * MS SQL-style "YYYY-MM-DD hh:mm:ss" as Korean time; both are now rejected/UTC. */
static int
is_superseded(const char *name)
{
	static const char *const old[] = {"rollover_25h", "rollover_61m", "rollover_61s", "rollover_june_31",
	                                  "mssql"};
	for (size_t i = 0; i < sizeof old / sizeof old[0]; i++)
		if (strstr(name, old[i]))
			return 1;
	return 0;
}

static void
run_document(const char *path, const char *name, int is_legacy)
{
	struct buf doc = BUF_INIT;
	test_read_file(path, &doc);
	const char *expect = strstr(doc.data, "Expect:");
	const char *tuple = expect ? strstr(expect, "_parsed'] == (") : NULL;
	const char *eol = expect ? strchr(expect, '\n') : NULL;
	if (!tuple || (eol && tuple > eol) || strstr(expect, "validity")) {
		buf_free(&doc);
		return; /* not a date expectation */
	}
	int64_t want;
	if (tuple_to_time(strchr(tuple, '('), &want) < 0) {
		buf_free(&doc);
		return;
	}
	to_utf8(&doc);
	char cand[8][128];
	size_t n = date_candidates(doc.data, cand, 8);
	if (n == 0) {
		buf_free(&doc);
		return;
	}
	if (is_legacy && is_superseded(name)) {
		superseded++;
		printf("superseded (legacy semantics): %s \"%s\"\n", name, cand[0]);
		buf_free(&doc);
		return;
	}
	int ok = 0;
	char g[32] = "-1", w[32], detail[96];
	for (size_t i = 0; i < n && !ok; i++) {
		int64_t got;
		if (date_parse(cand[i], strlen(cand[i]), &got) == 0) {
			ok = got == want;
			time_format_rfc3339(got, g, sizeof g);
		}
	}
	time_format_rfc3339(want, w, sizeof w);
	snprintf(detail, sizeof detail, "= %s, want %s", g, w);
	record(ok, name, cand[0], detail);
	buf_free(&doc);
}

static void
walk(const char *dir, int is_legacy)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (fs_is_dir(path))
			walk(path, is_legacy);
		else if (str_ends(de->d_name, ".xml"))
			run_document(path, de->d_name, is_legacy);
	}
	closedir(d);
}

int
main(void)
{
	const char *shared = test_need_shared();
	char dir[512];
	run_tsv(shared);
	int tsv_passed = passed, tsv_failed = failed;
	snprintf(dir, sizeof dir, "%s/corpus/feedparser/tests/wellformed", shared);
	walk(dir, 0);
	snprintf(dir, sizeof dir, "%s/corpus/feedparser-legacy/feedparser/tests/wellformed/date", shared);
	walk(dir, 1);
	printf("date vectors (TSV): %d passed, %d failed\n", tsv_passed, tsv_failed);
	printf("date documents: %d passed, %d failed, %d superseded legacy cases not counted\n",
	       passed - tsv_passed, failed - tsv_failed, superseded);
	printf("date total: %d passed, %d failed (%.1f%%)\n", passed, failed,
	       100.0 * passed / (passed + failed ? passed + failed : 1));
	CHECK(passed + failed > 100);
	CHECK(passed * 100 >= 98 * (passed + failed));
	return test_done("test_date_corpus");
}
