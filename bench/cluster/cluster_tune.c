/* cluster_tune.c: how the story-clustering thresholds behave on the corpus's real-world feeds.
 * Parses every real-world feed, then for every pair of items from different feeds prints how
 * many pairs reach each title-Jaccard level and each SimHash distance, with examples, so the
 * thresholds in ai/curate/cluster.h can be chosen where unrelated items stop matching. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/curate/cluster.h"
#include "ai/offline/text.h"
#include "feed/feed.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/str.h"

struct it {
	char *title;
	char *text;
	int feed;
	uint64_t words[24];
	size_t nw;
	uint64_t sim;
	int has_sim;
};

static struct it *items;
static size_t count, cap;
static int feed_no;

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *fi)
{
	(void)ctx;
	(void)doc;
	if (!fi->title)
		return 0;
	if (count == cap) {
		cap = cap ? cap * 2 : 256;
		items = xrealloc(items, cap * sizeof *items);
	}
	struct it *t = &items[count++];
	memset(t, 0, sizeof *t);
	t->title = xstrdup(fi->title);
	t->text = xstrdup(fi->text ? fi->text : "");
	t->feed = feed_no;
	struct text_iter ti;
	text_iter_init(&ti, fi->title, strlen(fi->title));
	while (text_next(&ti) && t->nw < 24)
		if (cluster_title_word(&ti)) {
			uint64_t h = hash64(ti.word, ti.len, HASH_SEED);
			int dup = 0;
			for (size_t k = 0; k < t->nw; k++)
				dup |= t->words[k] == h;
			if (!dup)
				t->words[t->nw++] = h;
		}
	const char *text = fi->text ? fi->text : "";
	if (text_word_count(text, strlen(text)) >= 40) {
		t->sim = cluster_simhash(text);
		t->has_sim = 1;
	}
	return 0;
}

static double
jaccard(const struct it *a, const struct it *b)
{
	size_t common = 0;
	for (size_t i = 0; i < a->nw; i++)
		for (size_t j = 0; j < b->nw; j++)
			common += a->words[i] == b->words[j];
	size_t uni = a->nw + b->nw - common;
	return uni ? (double)common / (double)uni : 0;
}

int
main(void)
{
	const char *shared = getenv("BRIEF_SHARED") ? getenv("BRIEF_SHARED") : BRIEF_SHARED_DIR;
	char mpath[1024];
	snprintf(mpath, sizeof mpath, "%s/corpus/MANIFEST.tsv", shared);
	struct buf m = BUF_INIT;
	struct err e;
	if (fs_read_all(mpath, &m, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	for (char *line = m.data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *tab = strchr(line, '\t');
		int is_real = strstr(line, "\trealworld") != NULL;
		if (tab && is_real) {
			*tab = '\0';
			char path[2048];
			snprintf(path, sizeof path, "%s/corpus/%s", shared, line);
			struct buf d = BUF_INIT;
			if (fs_read_all(path, &d, &e) == 0) {
				struct arena a = ARENA_INIT;
				struct feed_doc doc;
				feed_parse(d.data, d.len, NULL, &a, on_item, NULL, &doc);
				arena_free(&a);
				feed_no++;
			}
			buf_free(&d);
		}
		line = nl ? nl + 1 : NULL;
	}
	long jac[11] = {0}, ham[9] = {0};
	int shown[11] = {0};
	for (size_t i = 0; i < count; i++)
		for (size_t j = i + 1; j < count; j++) {
			if (items[i].feed == items[j].feed)
				continue;
			if (items[i].nw >= 3 && items[j].nw >= 3) {
				double jv = jaccard(&items[i], &items[j]);
				int b = (int)(jv * 10 + 1e-9);
				jac[b]++;
				if (b >= 4 && shown[b] < 3) {
					shown[b]++;
					printf("jaccard %.2f: \"%s\" ~ \"%s\"\n", jv, items[i].title, items[j].title);
				}
			}
			if (items[i].has_sim && items[j].has_sim) {
				int h = __builtin_popcountll(items[i].sim ^ items[j].sim);
				if (h <= 8) {
					ham[h]++;
					if (h <= 8)
						printf("simhash %d: \"%s\" ~ \"%s\"\n", h, items[i].title, items[j].title);
				}
			}
		}
	printf("\n%zu items from %d feeds\ncross-feed title pairs by Jaccard (>= x):\n", count, feed_no);
	for (int b = 10; b >= 3; b--)
		printf("  %.1f: %ld\n", b / 10.0, jac[b]);
	printf("cross-feed text pairs by SimHash distance:\n");
	for (int h = 0; h <= 8; h++)
		printf("  %d bits: %ld\n", h, ham[h]);

	/* What cluster_stories() joins across feeds by title or text (no links given, so the
	 * URL rule plays no part): every story with two different titles from two feeds. */
	struct arena a = ARENA_INIT;
	struct article *arts = arena_alloc(&a, (count + 1) * sizeof *arts);
	for (size_t i = 0; i < count; i++)
		arts[i] = (struct article){.id = (int64_t)i + 1, .source_id = items[i].feed + 1, .title = items[i].title,
		                           .text = items[i].text, .when = (int64_t)i, .published = (int64_t)i};
	struct story *st;
	size_t n, joins = 0;
	cluster_stories(arts, count, &a, &st, &n);
	for (size_t s = 0; s < n; s++)
		for (size_t k = 1; k < st[s].member_count; k++) {
			const struct article *x = st[s].members[0], *y = st[s].members[k];
			if (x->source_id == y->source_id || strcmp(x->title, y->title) == 0)
				continue;
			joins++;
			printf("joined: \"%s\" ~ \"%s\"\n", x->title, y->title);
		}
	printf("cross-feed joins of two different titles: %zu\n", joins);
	arena_free(&a);
	return 0;
}
