/* bench_editorial.c: how close the offline engine's judgement comes to an editor's, on the
 * labelled real items of data/editorial/labels.tsv (see data/editorial/README.md).
 *
 *   bench_editorial [--split dev|heldout|fresh|all] [--list] [--no-prior] [--labels FILE] [--shared DIR]
 *   bench_editorial --dump SOURCE
 *
 * For each labelled item the text is read from the shared corpus (feeds are parsed with the
 * project's parser and the item found by link, id or "#index"; pages use Readability's
 * expected.html and expected-metadata.json), the items of the split form one window, and
 * offline_verdict() judges each. Printed: category accuracy (and counting the editor's second
 * choice), the share of items with at least one keyword matching an editor's, the Spearman
 * correlation between the engine's score (relevance + quality + timeliness) and the editor's
 * quality, per-language rows, a majority-class baseline side by side, and the category accuracy
 * averaged over feeds. Every row of every split must name an item the corpus has, else the
 * bench dies (rows of other splits are read, never judged). --list prints every item (for tuning: use it on the dev split only).
 * --dump prints the items of one corpus file with their ref, title, feed tags and the head of
 * the text, and nothing of the engine's, for labelling new items before seeing its verdict. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "category.h"
#include "ai/offline/keywords.h"
#include "ai/offline/offline.h"
#include "feed/feed.h"
#include "feed/text.h"
#include "store/sources.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/utf8.h"

#define NOW INT64_C(1771675200) /* 2026-02-21T12:00:00Z; every item is dated an hour before */
#define MAX_KW 4
#define MAX_ALT 4

struct label {
	char *split, *source, *ref;
	enum category cat;
	int has_second;
	enum category second;
	char *kw[MAX_KW][MAX_ALT]; /* editor keywords, each with its accepted spellings */
	size_t kw_count;
	int quality;
	const char *lang; /* rough language of the item, for the per-language rows */
};

/* Split s at sep into at most max fields (in place). Returns the count. */
static size_t
split_fields(char *s, char sep, char **out, size_t max)
{
	size_t n = 0;
	while (s && n < max) {
		out[n++] = s;
		s = strchr(s, sep);
		if (s)
			*s++ = '\0';
	}
	return n;
}

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "bench_editorial: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

/* Whether name is one of the label file's splits: dev (tuned on), heldout (totals only) or
 * fresh (labelled before the engine's verdict was read, measured once, then studied like dev). */
static int
is_split(const char *name)
{
	return strcmp(name, "dev") == 0 || strcmp(name, "heldout") == 0 || strcmp(name, "fresh") == 0;
}

/* Parse one labels.tsv line into l (strings point into line). Returns 0, or -1 on a bad line. */
static int
parse_label(char *line, struct label *l)
{
	char *f[7];
	if (split_fields(line, '\t', f, 7) != 7)
		return -1;
	memset(l, 0, sizeof *l);
	l->split = f[0];
	if (!is_split(l->split))
		return -1;
	l->source = f[1];
	l->ref = f[2];
	if (category_parse(f[3], &l->cat) < 0)
		return -1;
	l->has_second = strcmp(f[4], "-") != 0;
	if (l->has_second && category_parse(f[4], &l->second) < 0)
		return -1;
	char *kws[MAX_KW];
	l->kw_count = split_fields(f[5], ';', kws, MAX_KW);
	for (size_t i = 0; i < l->kw_count; i++)
		split_fields(kws[i], '|', l->kw[i], MAX_ALT);
	long q;
	if (str_to_long(f[6], 1, 10, &q) < 0)
		return -1;
	l->quality = (int)q;
	return 0;
}

struct find {
	const char *ref; /* NULL: print every item (--dump) */
	size_t index;
	struct article *out;
	struct arena *arena;
	int found;
};

/* --dump: one item for an editor to label: its ref as labels.tsv names it, its title, the
 * feed's own categories and the head of its text. No judgement of the engine is printed, so
 * that labelling is not led by it. */
static void
dump_item(const struct feed_item *it, const char *idx)
{
	const char *ref = it->link ? it->link : it->id ? it->id : idx;
	printf("== %s\n   title: %s\n   tags:", ref, it->title ? it->title : "");
	for (size_t i = 0; i < it->category_count; i++)
		printf(" [%s]", it->categories[i]);
	const char *t = it->text ? it->text : "";
	size_t len = strlen(t), cut = utf8_prefix_chars(t, len, 700);
	printf("\n   words: %zu\n   text: %.*s\n", (size_t)(strlen(t) / 6), (int)cut, t);
}

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	struct find *f = ctx;
	char idx[32];
	snprintf(idx, sizeof idx, "#%zu", f->index++);
	if (!f->ref) {
		dump_item(it, idx);
		return 0;
	}
	int hit = (it->link && strcmp(it->link, f->ref) == 0) || (it->id && strcmp(it->id, f->ref) == 0) ||
	          strcmp(idx, f->ref) == 0;
	if (!hit)
		return 0;
	struct arena *a = f->arena;
	f->out->title = arena_strndup(a, it->title ? it->title : "", strlen(it->title ? it->title : ""));
	f->out->link = it->link ? arena_strndup(a, it->link, strlen(it->link)) : NULL;
	f->out->text = arena_strndup(a, it->text ? it->text : "", strlen(it->text ? it->text : ""));
	const char *name = doc->feed.title ? doc->feed.title : "feed";
	f->out->source_name = arena_strndup(a, name, strlen(name));
	/* the feed's own categories, as the store keeps them for the engine (a feed-tag cue) */
	f->out->categories = arena_alloc(a, (it->category_count ? it->category_count : 1) * sizeof *f->out->categories);
	for (size_t i = 0; i < it->category_count; i++)
		f->out->categories[i] = arena_strndup(a, it->categories[i], strlen(it->categories[i]));
	f->out->category_count = it->category_count;
	f->found = 1;
	return 1;
}

/* Fill a from the corpus: a feed item, or a Readability test page ("-" as ref). */
static int
load_article(const char *shared, const struct label *l, size_t source_no, struct arena *arena, struct article *a)
{
	char path[2048];
	struct err e;
	struct buf data = BUF_INIT;
	memset(a, 0, sizeof *a);
	a->id = (int64_t)source_no + 1;
	a->source_id = (int64_t)source_no + 1;
	a->published = a->when = a->first_seen = NOW - 3600;
	char url[2100];
	snprintf(url, sizeof url, "file:///corpus/%s", l->source);
	a->source_url = arena_strndup(arena, url, strlen(url));
	if (strcmp(l->ref, "-") == 0) {
		/* a page: <dir>/source.html; the article is Readability's expected.html */
		char dir[2048];
		snprintf(dir, sizeof dir, "%s/corpus/%s", shared, l->source);
		char *slash = strrchr(dir, '/');
		if (!slash)
			return -1;
		*slash = '\0';
		snprintf(path, sizeof path, "%s/expected.html", dir);
		if (fs_read_all(path, &data, &e) < 0)
			return -1;
		struct buf text = BUF_INIT;
		text_from_html(data.data, data.len, 0, &text);
		a->text = arena_strndup(arena, text.data ? text.data : "", text.len);
		buf_free(&text);
		buf_free(&data);
		snprintf(path, sizeof path, "%s/expected-metadata.json", dir);
		json_error_t je;
		json_t *meta = json_load_file(path, 0, &je);
		const char *title = meta ? json_string_value(json_object_get(meta, "title")) : NULL;
		const char *site = meta ? json_string_value(json_object_get(meta, "siteName")) : NULL;
		a->title = arena_strndup(arena, title ? title : "", strlen(title ? title : ""));
		const char *base = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
		a->source_name = arena_strndup(arena, site ? site : base, strlen(site ? site : base));
		char link[2300];
		snprintf(link, sizeof link, "https://example.org/%s", base);
		a->link = arena_strndup(arena, link, strlen(link));
		json_decref(meta);
		return 0;
	}
	snprintf(path, sizeof path, "%s/corpus/%s", shared, l->source);
	if (fs_read_all(path, &data, &e) < 0)
		return -1;
	struct find f = {.ref = l->ref, .out = a, .arena = arena};
	struct feed_doc doc;
	struct arena tmp = ARENA_INIT;
	feed_parse(data.data, data.len, NULL, &tmp, on_item, &f, &doc);
	/* the feed's description of itself, as the fetcher stores it for the engine (net/ingest.c:
	 * plain text, cut to SOURCE_DESCRIPTION_MAX bytes) */
	if (f.found && doc.feed.subtitle) {
		struct buf desc = BUF_INIT;
		text_from_html(doc.feed.subtitle, strlen(doc.feed.subtitle), SOURCE_DESCRIPTION_MAX, &desc);
		if (desc.len)
			a->source_description = arena_strndup(arena, desc.data, desc.len);
		buf_free(&desc);
	}
	arena_free(&tmp);
	buf_free(&data);
	return f.found ? 0 : -1;
}

/* --dump SOURCE: print the items of a corpus file (or a Readability page) for labelling. */
static int
dump_source(const char *shared, const char *source)
{
	struct arena arena = ARENA_INIT;
	if (strstr(source, "test-pages/")) {
		struct label l = {.source = (char *)source, .ref = (char *)"-"};
		struct article a;
		if (load_article(shared, &l, 0, &arena, &a) < 0)
			die("cannot read page", source);
		struct feed_item it = {.title = a.title, .text = a.text};
		dump_item(&it, "-");
		arena_free(&arena);
		return 0;
	}
	char path[2048];
	struct err e;
	struct buf data = BUF_INIT;
	snprintf(path, sizeof path, "%s/corpus/%s", shared, source);
	if (fs_read_all(path, &data, &e) < 0)
		die("cannot read", path);
	struct find f = {.ref = NULL, .arena = &arena};
	struct feed_doc doc;
	feed_parse(data.data, data.len, NULL, &arena, on_item, &f, &doc);
	printf("(%zu items; feed: %s)\n", f.index, doc.feed.title ? doc.feed.title : "?");
	buf_free(&data);
	arena_free(&arena);
	return 0;
}

/* Lower-case (ASCII and the Latin-1/Latin Extended-A letters), '-' and '_' as spaces, so that
 * "Wi-Fi" matches "wi fi" and "Überwachung" matches "überwachung". */
static void
fold(const char *s, struct buf *out)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			n = 1, cp = (unsigned char)s[i];
		if (cp < 128)
			cp = (uint32_t)ascii_lower((int)cp);
		else if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
			cp += 32;
		else if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0)
			cp += 1;
		if (cp == '-' || cp == '_')
			cp = ' ';
		utf8_put(out, cp);
		i += n;
	}
	/* a plural "s" does not make another keyword ("botnets" ~ "botnet") */
	if (out->len > 4 && out->data[out->len - 1] == 's' && out->data[out->len - 2] != 's')
		out->data[--out->len] = '\0';
}

static int
keyword_match(const char *a, const char *b)
{
	struct buf fa = BUF_INIT, fb = BUF_INIT;
	fold(a, &fa);
	fold(b, &fb);
	int eq = fa.len && fa.len == fb.len && memcmp(fa.data, fb.data, fa.len) == 0;
	buf_free(&fa);
	buf_free(&fb);
	return eq;
}

/* Does any engine keyword match any spelling of any editor keyword? */
static int
keywords_hit(const struct label *l, const struct verdict *v)
{
	for (size_t i = 0; i < v->keyword_count; i++)
		for (size_t k = 0; k < l->kw_count; k++)
			for (size_t s = 0; s < MAX_ALT && l->kw[k][s]; s++)
				if (keyword_match(v->keywords[i], l->kw[k][s]))
					return 1;
	return 0;
}

/* Rough language of an article, only for the per-language rows: zh when CJK dominates, else
 * the language whose function words occur most (en, de, fr, nl, es, pt, da), else "?". */
static const char *
guess_lang(const struct article *a)
{
	static const char *langs[] = {"en", "de", "fr", "nl", "es", "pt", "da"};
	static const char *words[][8] = {
		{"the", "and", "of", "to", "is", "that", "with", "for"},
		{"und", "der", "die", "das", "nicht", "ist", "mit", "für"},
		{"le", "les", "et", "des", "est", "pour", "une", "dans"},
		{"het", "een", "van", "niet", "voor", "zijn", "wordt", "ook"},
		{"el", "los", "las", "que", "una", "para", "por", "del"},
		{"não", "uma", "com", "os", "do", "da", "em", "são"},
		{"og", "er", "til", "af", "på", "har", "ikke", "det"},
	};
	size_t cjk = 0, letters = 0, score[7] = {0};
	const char *t = a->text ? a->text : "";
	size_t len = strlen(t);
	if (len > 4000)
		len = 4000;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(t + i, len - i, &cp);
		if (!n)
			n = 1, cp = 0;
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			cjk++;
		else if (cp < 128 && is_ascii_alpha((int)cp))
			letters++;
		i += n;
	}
	if (cjk * 2 > letters / 4 && cjk > 20)
		return "zh";
	for (size_t i = 0; i < len;) {
		while (i < len && (unsigned char)t[i] < 128 && !is_ascii_alpha(t[i]))
			i++;
		size_t j = i;
		while (j < len && !((unsigned char)t[j] < 128 && !is_ascii_alpha(t[j])))
			j++;
		for (size_t L = 0; L < 7; L++)
			for (size_t w = 0; w < 8; w++)
				if (strlen(words[L][w]) == j - i && str_ncasecmp(t + i, words[L][w], j - i) == 0)
					score[L]++;
		i = j + 1;
	}
	size_t best = 0;
	for (size_t L = 1; L < 7; L++)
		if (score[L] > score[best])
			best = L;
	return score[best] >= 3 ? langs[best] : "?";
}

/* Average ranks (ties share the mean rank). */
static void
ranks(const double *x, size_t n, double *r)
{
	for (size_t i = 0; i < n; i++) {
		double less = 0, equal = 0;
		for (size_t j = 0; j < n; j++) {
			if (x[j] < x[i])
				less++;
			else if (x[j] == x[i])
				equal++;
		}
		r[i] = less + (equal + 1) / 2.0;
	}
}

static double
spearman(const double *x, const double *y, size_t n)
{
	if (n < 3)
		return 0;
	double *rx = xcalloc(n, sizeof *rx), *ry = xcalloc(n, sizeof *ry);
	ranks(x, n, rx);
	ranks(y, n, ry);
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++)
		mx += rx[i], my += ry[i];
	mx /= (double)n;
	my /= (double)n;
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		sxy += (rx[i] - mx) * (ry[i] - my);
		sxx += (rx[i] - mx) * (rx[i] - mx);
		syy += (ry[i] - my) * (ry[i] - my);
	}
	free(rx);
	free(ry);
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

/* The mean over feeds of each feed's category accuracy. A feed is its name (feed title or page
 * site), so that two files of one feed (Daring Fireball's Atom and RSS) are one feed. */
static double
feed_averaged(const struct article *arts, const int *hit, size_t n, size_t *feeds)
{
	double sum = 0;
	*feeds = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = arts[i].source_name ? arts[i].source_name : "";
		int first = 1;
		for (size_t j = 0; j < i && first; j++)
			first = strcmp(arts[j].source_name ? arts[j].source_name : "", name) != 0;
		if (!first)
			continue;
		size_t items = 0, ok = 0;
		for (size_t j = i; j < n; j++)
			if (strcmp(arts[j].source_name ? arts[j].source_name : "", name) == 0)
				items++, ok += (size_t)hit[j];
		sum += (double)ok / (double)items;
		(*feeds)++;
	}
	return *feeds ? sum / (double)*feeds : 0;
}

struct tally {
	size_t n, cat, cat2, kw;
};

static void
print_row(const char *name, const struct tally *t, double rho, int with_rho)
{
	if (!t->n)
		return;
	printf("%-14s %5zu %9.1f%% %12.1f%% %10.1f%%", name, t->n, 100.0 * (double)t->cat / (double)t->n,
	       100.0 * (double)t->cat2 / (double)t->n, 100.0 * (double)t->kw / (double)t->n);
	if (with_rho)
		printf(" %9.3f", rho);
	printf("\n");
}

int
main(int argc, char **argv)
{
	const char *split = "dev", *shared = getenv("BRIEF_SHARED"), *labels_path = NULL;
	const char *dump = NULL;
	int list = 0, no_prior = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--split") == 0 && i + 1 < argc)
			split = argv[++i];
		else if (strcmp(argv[i], "--labels") == 0 && i + 1 < argc)
			labels_path = argv[++i];
		else if (strcmp(argv[i], "--shared") == 0 && i + 1 < argc)
			shared = argv[++i];
		else if (strcmp(argv[i], "--list") == 0)
			list = 1;
		else if (strcmp(argv[i], "--no-prior") == 0)
			no_prior = 1;
		else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
			dump = argv[++i];
		else {
			fprintf(stderr, "usage: bench_editorial [--split dev|heldout|fresh|all] [--list] [--no-prior] [--labels FILE] "
			                "[--shared DIR] [--dump SOURCE]\n");
			return 2;
		}
	}
	if (strcmp(split, "all") != 0 && !is_split(split)) {
		fprintf(stderr, "bench_editorial: unknown split %s (dev, heldout, fresh or all)\n", split);
		return 2;
	}
	if (!shared)
		shared = BRIEF_SHARED_DIR;
	if (!labels_path)
		labels_path = BRIEF_LABELS;
	if (dump)
		return dump_source(shared, dump);
	struct err e;
	struct buf file = BUF_INIT;
	if (fs_read_all(labels_path, &file, &e) < 0)
		die("cannot read labels", e.msg);

	size_t cap = 4096, n = 0;
	struct label *labels = xcalloc(cap, sizeof *labels);
	struct article *arts = xcalloc(cap, sizeof *arts);
	struct arena arena = ARENA_INIT, scratch = ARENA_INIT;
	for (char *line = file.data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *this = line;
		line = nl ? nl + 1 : NULL;
		if (!*this || *this == '#')
			continue;
		if (n == cap)
			die("too many labels", NULL);
		struct label *l = &labels[n];
		if (parse_label(this, l) < 0)
			die("bad label line", this);
		if (strcmp(split, "all") != 0 && strcmp(l->split, split) != 0) {
			/* a row of another split is not judged, but it must still name an item the
			 * corpus has (a parser change that moves links breaks every split alike) */
			struct article other;
			if (load_article(shared, l, 0, &scratch, &other) < 0)
				die("labelled item not found in the corpus", l->ref);
			arena_free(&scratch);
			continue;
		}
		/* items of one source share a source id (the engine's per-source counts) */
		size_t source_no = n;
		for (size_t j = 0; j < n; j++)
			if (strcmp(labels[j].source, l->source) == 0) {
				source_no = (size_t)(arts[j].source_id - 1);
				break;
			}
		if (load_article(shared, l, source_no, &arena, &arts[n]) < 0)
			die("labelled item not found in the corpus", l->ref);
		arts[n].id = (int64_t)n + 1; /* each item its own id, as in the store */
		l->lang = guess_lang(&arts[n]);
		n++;
	}
	if (!n)
		die("no labelled items in this split", split);

	struct offline_prefs prefs = {0};
	struct offline_ctx octx = {.now = NOW, .hours = 48, .prefs = &prefs, .articles = arts, .article_count = n};
	if (!no_prior)
		offline_prepare(&octx, &arena);
	octx.kw = kw_index_build(arts, octx.langs, n);
	double *score = xcalloc(n, sizeof *score), *quality = xcalloc(n, sizeof *quality);
	struct tally all = {0}, per_lang[16] = {{0}}, base = {0};
	const char *lang_names[16];
	size_t lang_count = 0, cat_counts[CAT_COUNT] = {0};
	size_t confusion[CAT_COUNT][CAT_COUNT] = {{0}};
	for (size_t i = 0; i < n; i++)
		cat_counts[labels[i].cat]++;
	enum category majority = CAT_OTHER;
	for (int c = 0; c < CAT_COUNT; c++)
		if (cat_counts[c] > cat_counts[majority])
			majority = (enum category)c;

	int *hit = xcalloc(n, sizeof *hit);
	for (size_t i = 0; i < n; i++) {
		struct label *l = &labels[i];
		struct verdict v;
		offline_verdict(&octx, &arts[i], &arena, &v);
		int ok = v.category == l->cat, ok2 = ok || (l->has_second && v.category == l->second);
		hit[i] = ok;
		int kw = keywords_hit(l, &v);
		score[i] = v.relevance + v.quality + v.timeliness;
		quality[i] = l->quality;
		confusion[l->cat][v.category]++;
		size_t L = 0;
		while (L < lang_count && strcmp(lang_names[L], l->lang) != 0)
			L++;
		if (L == lang_count && lang_count < 16)
			lang_names[lang_count++] = l->lang;
		struct tally *ts[] = {&all, L < 16 ? &per_lang[L] : &all};
		for (size_t k = 0; k < 2; k++) {
			if (k == 1 && ts[1] == &all)
				break;
			ts[k]->n++;
			ts[k]->cat += (size_t)ok;
			ts[k]->cat2 += (size_t)ok2;
			ts[k]->kw += (size_t)kw;
		}
		base.n++;
		base.cat += l->cat == majority;
		base.cat2 += l->cat == majority || (l->has_second && l->second == majority);
		if (list) {
			printf("%s %-5s [%s] %s\n", ok ? "ok " : (ok2 ? "ok2" : "BAD"), l->lang, l->source, arts[i].title);
			printf("      editor: %s/%s q%d  kw:", category_id(l->cat), l->has_second ? category_id(l->second) : "-",
			       l->quality);
			for (size_t k = 0; k < l->kw_count; k++)
				printf(" %s%s", l->kw[k][0], k + 1 < l->kw_count ? "," : "");
			printf("\n      engine: %s score %.0f (r%d q%d t%d) kw%s:", category_id(v.category), score[i], v.relevance,
			       v.quality, v.timeliness, kw ? "" : " MISS");
			for (size_t k = 0; k < v.keyword_count; k++)
				printf(" %s%s", v.keywords[k], k + 1 < v.keyword_count ? "," : "");
			printf("\n");
		}
	}

	printf("offline engine vs editor labels (%s split, %zu items, %s)\n\n", split, n, labels_path);
	printf("%-14s %5s %10s %13s %11s %9s\n", "", "items", "category", "cat/2nd", "keyword", "spearman");
	print_row("offline engine", &all, spearman(score, quality, n), 1);
	print_row("majority class", &base, 0, 0);
	printf("  (majority class: always \"%s\"; it has no keywords and no score)\n", category_id(majority));
	size_t feeds = 0;
	double per_feed = feed_averaged(arts, hit, n, &feeds);
	printf("feed-averaged category accuracy: %.1f%% over %zu feeds (each feed weighs the same, so a large\n"
	       "  feed cannot hide the ones the rules do not fit: closer to what a new reader's feeds get)\n\n",
	       100.0 * per_feed, feeds);
	for (size_t L = 0; L < lang_count; L++) {
		char name[32];
		snprintf(name, sizeof name, "  lang %s", lang_names[L]);
		print_row(name, &per_lang[L], 0, 0);
	}
	printf("\nconfusion (rows: editor, columns: engine)\n%-12s", "");
	for (int c = 0; c < CAT_COUNT; c++)
		printf(" %11s", category_id((enum category)c));
	printf("\n");
	for (int r = 0; r < CAT_COUNT; r++) {
		printf("%-12s", category_id((enum category)r));
		for (int c = 0; c < CAT_COUNT; c++)
			printf(" %11zu", confusion[r][c]);
		printf("\n");
	}
	kw_index_free((struct kw_index *)octx.kw);
	free(hit);
	free(score);
	free(quality);
	free(labels);
	free(arts);
	buf_free(&file);
	arena_free(&arena);
	return 0;
}
