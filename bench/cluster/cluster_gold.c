/* cluster_gold.c: pair precision and recall of story clustering on a labelled gold set.
 * Reads bench/cluster/gold.tsv (pairs of headlines with a first sentence each, written the way
 * different outlets cover one story, and hard negatives: one company, another story; one
 * template title, another issue), clusters each pair as two articles of two sources on two
 * sites, and prints precision and recall per language (en, zh, en~zh) and in all, with every
 * missed pair and every false join. Usage: cluster_gold [gold.tsv]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/curate/cluster.h"
#include "util/buf.h"
#include "util/fs.h"

#define LANGS 3

static const char *const lang_names[LANGS] = {"en", "zh", "en~zh"};

struct tally {
	long tp, fp, fn, tn;
};

static void
print_tally(const char *name, const struct tally *t)
{
	double p = t->tp + t->fp ? (double)t->tp / (double)(t->tp + t->fp) : 1.0;
	double r = t->tp + t->fn ? (double)t->tp / (double)(t->tp + t->fn) : 1.0;
	printf("  %-6s pairs %3ld (same %3ld)  precision %.2f  recall %.2f  false joins %ld  missed %ld\n", name,
	       t->tp + t->fp + t->fn + t->tn, t->tp + t->fn, p, r, t->fp, t->fn);
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : BRIEF_GOLD_TSV;
	struct buf d = BUF_INIT;
	struct err e;
	if (fs_read_all(path, &d, &e) < 0) {
		fprintf(stderr, "cluster_gold: %s\n", e.msg);
		return 1;
	}
	struct tally by_lang[LANGS], all;
	memset(by_lang, 0, sizeof by_lang);
	memset(&all, 0, sizeof all);
	for (char *line = d.data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *f[6] = {line};
		size_t nf = 1;
		for (char *p = line; *p && nf < 6; p++)
			if (*p == '\t') {
				*p = '\0';
				f[nf++] = p + 1;
			}
		if (*line != '#' && nf == 6) {
			int same = f[0][0] == '1', lang = 0;
			while (lang < LANGS && strcmp(lang_names[lang], f[1]) != 0)
				lang++;
			struct article arts[2] = {
				{.id = 1, .source_id = 1, .source_name = "Wire", .source_url = "https://wire.example/rss",
				 .title = f[2], .link = "https://wire.example/story/1", .text = f[3], .when = 1000,
				 .published = 1000},
				{.id = 2, .source_id = 2, .source_name = "Blog", .source_url = "https://blog.example/feed",
				 .title = f[4], .link = "https://blog.example/2026/post", .text = f[5], .when = 2000,
				 .published = 2000},
			};
			struct arena a = ARENA_INIT;
			struct story *st;
			size_t n;
			cluster_stories(arts, 2, &a, &st, &n);
			int joined = n == 1;
			arena_free(&a);
			struct tally *t = lang < LANGS ? &by_lang[lang] : &all;
			if (joined && same)
				t->tp++, all.tp += t != &all;
			else if (joined)
				t->fp++, all.fp += t != &all;
			else if (same)
				t->fn++, all.fn += t != &all;
			else
				t->tn++, all.tn += t != &all;
			if (joined != same)
				printf("%s [%s]: \"%s\" ~ \"%s\"\n", joined ? "false join" : "missed", f[1], f[2], f[4]);
		}
		line = nl ? nl + 1 : NULL;
	}
	printf("\npair precision and recall (%s):\n", path);
	for (int l = 0; l < LANGS; l++)
		print_tally(lang_names[l], &by_lang[l]);
	print_tally("all", &all);
	buf_free(&d);
	return 0;
}
