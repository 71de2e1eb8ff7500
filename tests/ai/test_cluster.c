/* test_cluster.c: story clustering (ai/curate/cluster.c) against the rules of cluster.h.
 *
 * cluster_stories() compares only articles that share a key (URL key, a rare title word, a
 * SimHash block) instead of every pair. Here a window of generated articles, rich in shared
 * URLs, near-duplicate titles and near-duplicate texts, is clustered and compared with an
 * all-pairs union-find written from the header's rules, so a candidate the keys miss shows up
 * as a story split in two. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/curate/cluster.h"
#include "ai/offline/text.h"
#include "testlib.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/hash.h"

#define N 2500
#define TITLE_MAX 24

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t
rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* The reference's view of an article, from the rules in cluster.h. */
struct ref {
	const char *url_key;
	uint64_t words[TITLE_MAX];
	size_t word_count;
	uint64_t numbers[TITLE_MAX]; /* the words with a digit, in title order */
	size_t number_count;
	uint64_t latin[TITLE_MAX]; /* the words that are not CJK */
	size_t latin_count;
	int has_cjk;
	uint64_t core[TITLE_MAX]; /* the words but release words */
	size_t core_count;
	int release_word, serial_word;
	uint64_t letters[TITLE_MAX]; /* one-letter Latin words but stop words */
	size_t letter_count;
	uint32_t acts; /* cluster_title_acts */
	uint64_t names[TITLE_MAX]; /* the Latin words but release words */
	size_t name_count;
	uint64_t pairs[64]; /* CJK character pairs, Chinese release words blanked, in title order */
	int pair_cont[64];  /* the pair continues the run of the one before */
	size_t pair_count, units;
	int has_simhash;
	uint64_t simhash;
};

/* Whether h is among v[0..n). */
static int
ref_all_in_one(const uint64_t *v, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == h)
			return 1;
	return 0;
}

static void
ref_of(const struct article *a, struct arena *arena, struct ref *r)
{
	memset(r, 0, sizeof *r);
	r->url_key = cluster_url_key(a->canonical_link ? a->canonical_link : a->link, arena);
	struct text_iter it;
	struct buf title = BUF_INIT;
	r->release_word = cluster_title_text(a->title, 0, &title); /* a Chinese release word */
	text_iter_init(&it, buf_str(&title), title.len);
	while (text_next(&it) && r->word_count < TITLE_MAX) {
		if (!it.is_cjk && cluster_release_word(it.word))
			r->release_word = 1; /* "out", "now": stop words */
		if (!it.is_cjk && it.len == 1 && it.word[0] >= 'a' && it.word[0] <= 'z' && !text_is_stopword(it.word) &&
		    !ref_all_in_one(r->letters, r->letter_count, hash64(it.word, 1, HASH_SEED)))
			r->letters[r->letter_count++] = hash64(it.word, 1, HASH_SEED);
		if (!it.is_cjk && (text_is_stopword(it.word) || (it.len < 2 && !(it.word[0] >= '0' && it.word[0] <= '9'))))
			continue;
		int release = 0;
		if (!it.is_cjk) {
			cluster_fold_word(it.word, &it.len);
			release = cluster_release_word(it.word);
			r->release_word |= release;
			r->serial_word |= cluster_serial_word(it.word);
		}
		uint64_t h = hash64(it.word, it.len, HASH_SEED);
		int dup = 0;
		for (size_t i = 0; i < r->word_count; i++)
			dup |= r->words[i] == h;
		if (dup)
			continue;
		r->words[r->word_count++] = h;
		if (!release)
			r->core[r->core_count++] = h;
		r->has_cjk |= it.is_cjk;
		if (!it.is_cjk)
			r->latin[r->latin_count++] = h;
		if (!it.is_cjk && !release)
			r->names[r->name_count++] = h;
		if (!it.is_cjk && strpbrk(it.word, "0123456789"))
			r->numbers[r->number_count++] = h;
	}
	r->acts = cluster_title_acts(buf_str(&title));
	/* A Chinese title's runs of CJK characters, release words blanked: a run of n characters
	 * gives n - 1 pairs (one lone character) and counts (n + 1) / 2 words. */
	buf_clear(&title);
	cluster_title_text(a->title, 1, &title);
	const char *t = buf_str(&title);
	r->units = r->name_count;
	for (size_t i = 0; r->has_cjk && t[i];) {
		size_t start = i, chars = 0, cp_len[64];
		while (t[i] && (unsigned char)t[i] >= 0xE3 && (unsigned char)t[i] <= 0xE9 && chars < 64) {
			cp_len[chars++] = 3; /* the test's CJK characters are 3-byte UTF-8 (U+3000-U+9FFF) */
			i += 3;
		}
		if (!chars) {
			i++;
			continue;
		}
		r->units += (chars + 1) / 2;
		size_t at = start;
		for (size_t c = 0; c + 1 < chars || (chars == 1 && c == 0); c++) {
			size_t n = chars == 1 ? cp_len[0] : cp_len[c] + cp_len[c + 1];
			if (r->pair_count < 48) {
				r->pair_cont[r->pair_count] = c > 0;
				r->pairs[r->pair_count++] = hash64(t + at, n, HASH_SEED);
			}
			at += cp_len[c];
		}
	}
	buf_free(&title);
	size_t len = strlen(a->text);
	if (text_word_count(a->text, len > 8000 ? 8000 : len) >= 40) {
		r->has_simhash = 1;
		r->simhash = cluster_simhash(a->text);
	}
}

/* Whether every one of n words w is among the m words v. */
static int
ref_all_in(const uint64_t *w, size_t n, const uint64_t *v, size_t m)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < m && v[j] != w[i])
			j++;
		if (j == m)
			return 0;
	}
	return 1;
}

/* How many of a's title words are b's. */
static size_t
ref_common(const uint64_t *w, size_t n, const uint64_t *v, size_t m)
{
	size_t common = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < m; j++)
			common += w[i] == v[j];
	return common;
}

/* How many runs of consecutive CJK pairs of a are pairs of b too. */
static size_t
ref_phrases(const struct ref *a, const struct ref *b)
{
	size_t phrases = 0;
	for (size_t i = 0; i < a->pair_count; i++) {
		int in_b = ref_all_in(&a->pairs[i], 1, b->pairs, b->pair_count);
		int prev_in_b = i > 0 && a->pair_cont[i] && ref_all_in(&a->pairs[i - 1], 1, b->pairs, b->pair_count);
		phrases += in_b && !prev_in_b;
	}
	return phrases;
}

/* The title rules of cluster.h: Jaccard >= CLUSTER_TITLE_JACCARD (3 words each at least), or
 * >= CLUSTER_TITLE_CONTAINED when every word of the shorter title is in the other; or, a
 * title with CJK words: the Latin words of the title with fewer, CLUSTER_TITLE_LATIN_MIN at
 * least and one a number, all in the other, and a CJK word shared when both have some, and
 * when one has a release word and the other none, every word of the other in the one; two
 * titles with CJK words: a name (Latin word, a company's Chinese name as its Latin one) shared,
 * and a CJK phrase shared or a release word in both, names and phrases CLUSTER_TITLE_ZH_SHARED
 * at least and half the shorter title's words (a run of n characters is (n + 1) / 2); an
 * English and a Chinese title: every name and one-letter word of the Chinese one, two at
 * least, in the English one, an event (cluster_title_acts, or a release word in both) in
 * common, names and events CLUSTER_TITLE_ZH_SHARED at least and half the shorter title's
 * words (the English title's words, the Chinese one's units); never
 * when both titles carry numbers and not the same ones. Two release headlines: a release word
 * in one at least, no series word and no CJK in either, and the same words but the release
 * words, two or more, a number among them and a word that is none. */
static int
ref_titles_match(const struct ref *a, const struct ref *b)
{
	if (a->number_count && b->number_count &&
	    (a->number_count != b->number_count || !ref_all_in(a->numbers, a->number_count, b->numbers, b->number_count)))
		return 0;
	if ((a->release_word || b->release_word) && !a->serial_word && !b->serial_word && !a->has_cjk && !b->has_cjk &&
	    a->number_count && a->core_count >= 2 && a->core_count > a->number_count && a->core_count == b->core_count &&
	    ref_all_in(a->core, a->core_count, b->core, b->core_count))
		return 1;
	if (a->has_cjk || b->has_cjk) {
		const struct ref *x = a->latin_count <= b->latin_count ? a : b, *y = x == a ? b : a;
		const struct ref *quiet = a->release_word ? b : a, *other = quiet == a ? b : a;
		if (x->latin_count >= CLUSTER_TITLE_LATIN_MIN && x->number_count &&
		    ref_all_in(x->latin, x->latin_count, y->latin, y->latin_count) &&
		    (a->release_word == b->release_word ||
		     ref_all_in(quiet->words, quiet->word_count, other->words, other->word_count)) &&
		    (!x->has_cjk || !y->has_cjk ||
		     ref_common(x->words, x->word_count, y->words, y->word_count) > x->latin_count))
			return 1;
	}
	if (a->has_cjk && b->has_cjk) {
		size_t names = ref_common(a->names, a->name_count, b->names, b->name_count);
		size_t pa = ref_phrases(a, b), pb = ref_phrases(b, a);
		size_t phrases = pa < pb ? pa : pb, shared = names + phrases;
		size_t fewer = a->units < b->units ? a->units : b->units;
		if (names && (phrases || (a->release_word && b->release_word)) && shared >= CLUSTER_TITLE_ZH_SHARED &&
		    2 * shared >= fewer)
			return 1;
	}
	if (a->has_cjk != b->has_cjk) {
		const struct ref *zh = a->has_cjk ? a : b, *en = zh == a ? b : a;
		size_t acts = (size_t)__builtin_popcount(zh->acts & en->acts) + (zh->release_word && en->release_word);
		size_t shared = zh->name_count + acts, fewer = zh->units < en->word_count ? zh->units : en->word_count;
		if (zh->name_count >= 2 && ref_all_in(zh->names, zh->name_count, en->words, en->word_count) &&
		    ref_all_in(zh->letters, zh->letter_count, en->letters, en->letter_count) && acts &&
		    shared >= CLUSTER_TITLE_ZH_SHARED && 2 * shared >= fewer)
			return 1;
	}
	if (a->word_count < 3 || b->word_count < 3)
		return 0;
	size_t common = 0;
	for (size_t i = 0; i < a->word_count; i++)
		for (size_t j = 0; j < b->word_count; j++)
			common += a->words[i] == b->words[j];
	size_t uni = a->word_count + b->word_count - common;
	double jac = uni ? (double)common / (double)uni : 0;
	size_t shorter = a->word_count < b->word_count ? a->word_count : b->word_count;
	return jac >= CLUSTER_TITLE_JACCARD || (common == shorter && jac >= CLUSTER_TITLE_CONTAINED);
}

static size_t
root(size_t *parent, size_t x)
{
	while (parent[x] != x)
		x = parent[x];
	return x;
}

static const char *const title_words[] = {
	"rust", "kernel", "release", "compiler", "security", "model", "openai", "linux", "browser", "patch",
	"database", "postgres", "llama", "gpu", "cloud", "outage", "apple", "google", "chip", "privacy",
	"人工智能", "模型", "发布", "芯片", "开源", "苹果", "英伟达",
};

static const char *const text_words[] = {
	"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
	"lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
	"whiskey", "xray", "yankee", "zulu", "river", "stone", "cloud", "paper", "glass", "metal", "water",
	"light", "sound", "green", "orange", "purple", "silver", "golden",
};

#define WORDS(a) (sizeof(a) / sizeof((a)[0]))

static char *
make_title(struct arena *a)
{
	struct buf b = BUF_INIT;
	size_t n = 2 + rnd(5);
	for (size_t i = 0; i < n; i++) {
		static const char *const variants[] = {"", "s", "x", "2"}; /* 100 words in all */
		const char *word = title_words[rnd(WORDS(title_words))];
		buf_printf(&b, "%s%s%s", i ? " " : "", word, variants[rnd(4)]);
	}
	char *t = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return t;
}

/* One of 300 base texts of 60 words, with up to 3 words changed: near-duplicates of each other. */
static char *
make_text(struct arena *a)
{
	uint32_t base = rnd(300), edits = rnd(4);
	uint32_t pick[60];
	uint64_t s = base * 2654435761u + 1;
	for (size_t i = 0; i < 60; i++) {
		s = s * 6364136223846793005u + 1442695040888963407u;
		pick[i] = (uint32_t)(s >> 33) % WORDS(text_words);
	}
	for (uint32_t e = 0; e < edits; e++)
		pick[rnd(60)] = rnd(WORDS(text_words));
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < 60; i++)
		buf_printf(&b, "%s%s", i ? " " : "", text_words[pick[i]]);
	char *t = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return t;
}

static void
test_matches_all_pairs(void)
{
	struct arena a = ARENA_INIT;
	struct article *arts = arena_alloc(&a, N * sizeof *arts);
	for (size_t i = 0; i < N; i++) {
		struct article *x = &arts[i];
		x->id = (int64_t)i + 1;
		x->source_id = 1 + rnd(40);
		x->title = make_title(&a);
		/* Shared URLs in the spellings the URL key ignores (www., trailing slash, utm_*). */
		static const char *const schemes[] = {"https://", "http://www.", "https://"};
		static const char *const tails[] = {"", "/", "?utm_source=feed"};
		char link[128];
		uint32_t form = rnd(3);
		snprintf(link, sizeof link, "%s%s/post/%u%s", schemes[form], rnd(2) ? "news.example" : "blog.example",
		         rnd(5000), tails[form]);
		if (rnd(4) == 0) /* an anchor of the page: "#a1" and "#a2" are two posts of it */
			snprintf(link + strlen(link), sizeof link - strlen(link), "#a%u", rnd(3));
		x->link = arena_strdup(&a, link);
		x->text = rnd(3) == 0 ? make_text(&a) : "short text only";
		x->when = 1700000000 + rnd(172800);
		x->published = x->when;
		x->first_seen = x->when;
	}
	struct story *stories;
	size_t count;
	cluster_stories(arts, N, &a, &stories, &count);

	struct ref *refs = arena_alloc(&a, N * sizeof *refs);
	size_t *parent = arena_alloc(&a, N * sizeof *parent);
	for (size_t i = 0; i < N; i++) {
		ref_of(&arts[i], &a, &refs[i]);
		parent[i] = i;
	}
	size_t by_url = 0, by_title = 0, by_text = 0;
	for (size_t i = 0; i < N; i++)
		for (size_t j = i + 1; j < N; j++) {
			const struct ref *x = &refs[i], *y = &refs[j];
			const char *fx = strchr(arts[i].link, '#'), *fy = strchr(arts[j].link, '#');
			int url = x->url_key && y->url_key && *x->url_key && strcmp(x->url_key, y->url_key) == 0 &&
			          (!fx || !fy || strcmp(fx, fy) == 0);
			int title = arts[i].source_id != arts[j].source_id && ref_titles_match(x, y);
			int text = x->has_simhash && y->has_simhash &&
			           __builtin_popcountll(x->simhash ^ y->simhash) <= CLUSTER_SIMHASH_BITS;
			by_url += url;
			by_title += title;
			by_text += text;
			if (url || title || text) {
				size_t ri = root(parent, i), rj = root(parent, j);
				if (ri != rj)
					parent[ri > rj ? ri : rj] = ri < rj ? ri : rj;
			}
		}
	/* Each rule joins many pairs here, so a rule whose keys miss pairs cannot go unseen. */
	CHECK(by_url > 100 && by_title > 100 && by_text > 100);

	/* The partitions are equal: the reference root and the story map one to one. */
	size_t *story_of = arena_alloc(&a, N * sizeof *story_of);
	size_t multi = 0;
	for (size_t s = 0; s < count; s++) {
		multi += stories[s].member_count > 1;
		for (size_t m = 0; m < stories[s].member_count; m++)
			story_of[stories[s].members[m] - arts] = s;
	}
	size_t *story_by_root = arena_alloc(&a, N * sizeof *story_by_root);
	size_t *root_by_story = arena_alloc(&a, (count + 1) * sizeof *root_by_story);
	for (size_t i = 0; i < N; i++)
		story_by_root[i] = SIZE_MAX;
	for (size_t s = 0; s < count; s++)
		root_by_story[s] = SIZE_MAX;
	size_t mismatches = 0, members = 0;
	for (size_t i = 0; i < N; i++) {
		size_t r = root(parent, i), s = story_of[i];
		if (story_by_root[r] == SIZE_MAX)
			story_by_root[r] = s;
		if (root_by_story[s] == SIZE_MAX)
			root_by_story[s] = r;
		mismatches += story_by_root[r] != s || root_by_story[s] != r;
	}
	for (size_t s = 0; s < count; s++)
		members += stories[s].member_count;
	CHECK(members == N);
	CHECK(multi > 50);
	CHECK(mismatches == 0);
	arena_free(&a);
}

/* The documented cases one by one: a lead is the earliest member, ids are stable. */
static void
test_rules(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[5] = {
		{.id = 1, .source_id = 1, .title = "Rust compiler release notes", .link = "https://a.example/x",
		 .text = "", .when = 200},
		{.id = 2, .source_id = 2, .title = "Rust compiler release notes", .link = "https://b.example/y",
		 .text = "", .when = 100},
		{.id = 3, .source_id = 3, .title = "Something else", .link = "http://www.a.example/x/", .text = "",
		 .when = 300},
		{.id = 4, .source_id = 1, .title = "Rust compiler release notes", .link = "https://c.example/z",
		 .text = "", .when = 50},
		{.id = 5, .source_id = 4, .title = "Unrelated words here", .link = "https://d.example/w", .text = "",
		 .when = 10},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 5, &a, &st, &n);
	/* 1+3 by URL, 1+2 and 2+4 by title across sources (1 and 4 are one source, joined via 2). */
	CHECK(n == 2);
	CHECK(st[0].member_count == 4 && st[0].lead == &arts[3]); /* earliest */
	CHECK(st[1].member_count == 1 && st[1].lead == &arts[4]);
	const char *id = st[0].id;
	cluster_stories(arts, 5, &a, &st, &n);
	CHECK(strcmp(id, st[0].id) == 0);
	/* The same titles from one source only are not one story. */
	struct article same[2] = {arts[0], arts[3]};
	cluster_stories(same, 2, &a, &st, &n);
	CHECK(n == 2);
	arena_free(&a);
}

/* How many sources carried a story, as the reader is told: one blog's RSS and Atom feeds (one
 * host, one name) are one publisher; two blogs on one host, or one name on two hosts, are two. */
static void
test_site_count(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[4] = {
		{.id = 1, .source_id = 1, .source_name = "Avian's Blog", .source_url = "https://www.blog.example/atom.xml",
		 .title = "Down time", .link = "https://blog.example/down-time", .text = "", .when = 100},
		{.id = 2, .source_id = 2, .source_name = "Avian's blog", .source_url = "http://blog.example/rss",
		 .title = "Down time", .link = "https://blog.example/down-time", .text = "", .when = 100},
		{.id = 3, .source_id = 3, .source_name = "Hacker News", .source_url = "https://news.example/rss",
		 .title = "Down time", .link = "https://blog.example/down-time", .text = "", .when = 110},
		{.id = 4, .source_id = 4, .source_name = "Another Blog", .source_url = "https://blog.example/other.xml",
		 .title = "Down time", .link = "https://blog.example/down-time", .text = "", .when = 120},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 2, &a, &st, &n);
	CHECK(n == 1 && st[0].member_count == 2);
	CHECK_INT((int)st[0].site_count, 1);
	CHECK_INT((int)story_sources(&st[0]), 1);
	cluster_stories(arts, 4, &a, &st, &n);
	CHECK(n == 1 && st[0].member_count == 4);
	CHECK_INT((int)st[0].site_count, 3);
	arts[1].source_url = "https://blog.elsewhere/rss"; /* one name on two hosts: two publishers */
	cluster_stories(arts, 2, &a, &st, &n);
	CHECK_INT((int)st[0].site_count, 2);
	arts[1].source_url = NULL; /* no feed URL: the source is its own publisher */
	cluster_stories(arts, 2, &a, &st, &n);
	CHECK_INT((int)st[0].site_count, 2);
	arena_free(&a);
}

/* One post in two feeds of its publisher is one post (cluster_same_post), and a story keeps
 * it once (cluster_distinct_posts); other sites' copies, other days' posts of one title and
 * episodes that all link the show's home page stay apart. */
static void
test_same_post(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[6] = {
		{.id = 1, .source_id = 1, .source_name = "Bridge Notes", .source_url = "https://bridge.example/rss",
		 .title = "New span opens", .link = "https://bridge.example/2026/span.html", .text = "", .published = 1000,
		 .when = 1000},
		/* the FeedBurner copy: another link, same publisher, title and date */
		{.id = 2, .source_id = 2, .source_name = "Bridge Notes", .source_url = "https://bridge.example/atom",
		 .title = "New span opens", .link = "http://feeds.example/~r/Bridge/~3/51/span.html", .text = "",
		 .published = 1000, .when = 1000},
		/* the Atom feed: the same page with utm parameters */
		{.id = 3, .source_id = 3, .source_name = "bridge notes", .source_url = "https://www.bridge.example/atom2",
		 .title = "New span opens!", .link = "https://bridge.example/2026/span.html?utm_source=atom",
		 .text = "", .published = 5000, .when = 5000},
		/* another site linking to it: a second source, not a copy */
		{.id = 4, .source_id = 4, .source_name = "City Wire", .source_url = "https://wire.example/rss",
		 .title = "New span opens", .link = "https://bridge.example/2026/span.html", .text = "", .published = 1000,
		 .when = 1000},
		/* the same title three days later: another post */
		{.id = 5, .source_id = 2, .source_name = "Bridge Notes", .source_url = "https://bridge.example/atom",
		 .title = "New span opens", .link = "http://feeds.example/~r/Bridge/~3/77/again.html", .text = "",
		 .published = 1000 + 3 * 86400, .when = 1000 + 3 * 86400},
		/* an undated copy with the same title: no date to tell, kept apart */
		{.id = 6, .source_id = 2, .source_name = "Bridge Notes", .source_url = "https://bridge.example/atom",
		 .title = "New span opens", .link = "https://bridge.example/", .text = "", .published = FEED_NO_DATE,
		 .when = 900},
	};
	CHECK(cluster_same_post(&arts[0], &arts[1]));
	CHECK(cluster_same_post(&arts[0], &arts[2]));
	CHECK(!cluster_same_post(&arts[0], &arts[3]));
	CHECK(!cluster_same_post(&arts[1], &arts[4]));
	CHECK(!cluster_same_post(&arts[0], &arts[5]));
	struct article episode = arts[5];
	episode.id = 7;
	episode.title = "Episode 2";
	CHECK(!cluster_same_post(&arts[5], &episode)); /* both link the home page only */
	struct article *members[4] = {&arts[0], &arts[1], &arts[3], &arts[2]};
	struct story s = {.id = "s1", .lead = &arts[0], .members = members, .member_count = 4, .site_count = 2};
	struct story d;
	cluster_distinct_posts(&s, &a, &d);
	CHECK_INT((int)d.member_count, 2);
	CHECK(d.members[0] == &arts[0] && d.members[1] == &arts[3] && d.lead == &arts[0]);
	CHECK_INT((int)s.member_count, 4); /* the story itself is left alone */
	arena_free(&a);
}

/* A title inside a longer one from another source is the same story when the longer is at
 * most twice as long ("OpenAI unveils GPT-5" in "... with enhanced multimodal capabilities"),
 * though their Jaccard similarity is only 0.5; not when the longer says much more. */
static void
test_contained_titles(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[4] = {
		{.id = 1, .source_id = 1, .title = "OpenAI unveils GPT-5", .link = "https://a.example/gpt5", .text = "",
		 .when = 100},
		{.id = 2, .source_id = 2, .title = "OpenAI unveils GPT-5 with enhanced multimodal capabilities",
		 .link = "https://b.example/openai", .text = "", .when = 200},
		{.id = 3, .source_id = 3, .title = "Rust compiler speeds up builds",
		 .link = "https://c.example/rust", .text = "", .when = 300},
		{.id = 4, .source_id = 4,
		 .title = "Rust compiler speeds up builds, adds a new borrow checker, drops old targets and ships "
		          "faster incremental linking",
		 .link = "https://d.example/rust", .text = "", .when = 400},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 4, &a, &st, &n);
	CHECK(n == 3);
	CHECK(st[0].member_count == 2 && st[0].lead == &arts[0]);
	CHECK(st[1].member_count == 1 && st[2].member_count == 1); /* 5 words of 14: another story */
	/* From one source they stay apart, as for near-equal titles. */
	arts[1].source_id = 1;
	cluster_stories(arts, 2, &a, &st, &n);
	CHECK(n == 2);
	arena_free(&a);
}

/* Scripting News (the corpus's scriptingNews.rss) posts a day's items as anchors of the day's
 * page: "…/2017/06/24.html#a090648", "…#a100632" are two posts, two stories, with two ids. A
 * link to one anchor from another source is that post's story; a link without a fragment
 * still joins the page's ("…/post" and "…/post#comments"). */
/* A link that names no article is no story identity: a podcast feed whose every episode links
 * to the show's home page (the corpus's Taverncast), a link post whose empty href resolved to
 * the feed itself. Its items are stories of their own, with ids of their own; and two sources
 * linking one home page are not one story for it. */
static void
test_home_page_links(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[6] = {
		{.id = 1, .source_id = 1, .source_url = "http://taverncast.com/feed", .title = "Taverncast 31 - Wine",
		 .link = "http://taverncast.com/", .text = "", .when = 100},
		{.id = 2, .source_id = 1, .source_url = "http://taverncast.com/feed", .title = "Taverncast 32 - Beer",
		 .link = "http://taverncast.com/", .text = "", .when = 200},
		{.id = 3, .source_id = 1, .source_url = "http://taverncast.com/feed", .title = "Taverncast 33 - Cider",
		 .link = "http://taverncast.com", .text = "", .when = 300},
		{.id = 4, .source_id = 2, .source_url = "https://links.example/feed/", .title = "A link to a fine essay",
		 .link = "https://links.example/feed/", .text = "", .when = 400},
		{.id = 5, .source_id = 2, .source_url = "https://links.example/feed/", .title = "A link to a long video",
		 .link = "https://links.example/feed", .text = "", .when = 500},
		{.id = 6, .source_id = 3, .source_url = "https://other.example/rss", .title = "Something else entirely",
		 .link = "https://taverncast.com/", .text = "", .when = 600},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 6, &a, &st, &n);
	CHECK_INT((int)n, 6);
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			CHECK(strcmp(st[i].id, st[k].id) != 0);
	arena_free(&a);
}

/* Stories with no article link (none, or the site's home page) took their id from the title
 * alone: two posts of one feed titled "Weekly notes", or a show's episodes all titled by the
 * show, were two stories with one id, so `brief article ID` always wrote the first and the
 * second's saved article replaced the first's. Such an id also takes the feed and the date. */
static void
test_linkless_ids(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[4] = {
		{.id = 1, .source_id = 1, .source_url = "https://notes.example/feed", .title = "Weekly notes",
		 .text = "Wrote a parser this week and fixed the build on ARM.", .when = 100, .published = 100},
		{.id = 2, .source_id = 1, .source_url = "https://notes.example/feed", .title = "Weekly notes",
		 .text = "Gardening, a trip to the coast and a new keyboard.", .when = 700000, .published = 700000},
		{.id = 3, .source_id = 2, .source_url = "https://show.example/rss", .title = "The Show",
		 .link = "https://show.example/", .text = "", .when = 200, .published = 200},
		{.id = 4, .source_id = 2, .source_url = "https://show.example/rss", .title = "The Show",
		 .link = "https://show.example/", .text = "", .when = 900000, .published = 900000},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 4, &a, &st, &n);
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			CHECK(strcmp(st[i].id, st[k].id) != 0);
	CHECK_INT((int)n, 4);
	/* stable: the same items in another order (another day's window) keep their ids */
	char first[16];
	snprintf(first, sizeof first, "%s", n ? st[0].id : "");
	struct article again[2] = {arts[1], arts[0]};
	struct story *st2;
	size_t n2;
	cluster_stories(again, 2, &a, &st2, &n2);
	CHECK(n2 == 2 && strcmp(st2[1].id, first) == 0);
	arena_free(&a);
}

/* Two titles from two sources, and whether an editor reads them as one story. */
struct title_pair {
	const char *a, *b;
	int same;
};

/* Cluster each of pairs[0..count) as two articles of two sources: one story when same, else
 * two (a pair that fails is named on stderr); the same two titles from one source are always
 * two. */
static void
check_title_pairs(const struct title_pair *pairs, size_t count)
{
	struct arena a = ARENA_INIT;
	struct story *st;
	size_t n;
	for (size_t p = 0; p < count; p++) {
		struct article arts[2] = {
			{.id = 1, .source_id = 1, .title = pairs[p].a, .link = "https://a.example/1", .text = "", .when = 100},
			{.id = 2, .source_id = 2, .title = pairs[p].b, .link = "https://b.example/2", .text = "", .when = 200},
		};
		cluster_stories(arts, 2, &a, &st, &n);
		if ((int)n != (pairs[p].same ? 1 : 2))
			fprintf(stderr, "pair %zu: \"%s\" ~ \"%s\"\n", p, pairs[p].a, pairs[p].b);
		CHECK_INT((int)n, pairs[p].same ? 1 : 2);
		arts[1].source_id = 1; /* from one source: apart, as for near-equal titles */
		cluster_stories(arts, 2, &a, &st, &n);
		CHECK_INT((int)n, 2);
	}
	arena_free(&a);
}

/* Titles that differ in their numbers are two stories: two releases ("Linux 6.12", "Linux
 * 6.13"), two issues of a newsletter, two model generations. "Meta releases Llama 2" and
 * "Meta releases Llama 3" were one story (the digit was no title word, the titles equal), as
 * were a weekly's issues 571 and 572 in Chinese, whose shared character pairs outnumbered the
 * issue number; the digest showed one of each pair. Equal numbers still join. */
static void
test_title_numbers(void)
{
	static const char *const pairs[][2] = {
		{"Meta releases Llama 3", "Meta releases Llama 2"},
		{"Google Pixel 9 launches today", "Google Pixel 8 launches today"},
		{"Linux 6.13 正式发布", "Linux 6.12 正式发布"},
		{"每周 Rust 动态第 571 期", "每周 Rust 动态第 572 期"},
		{"Postgres weekly news: Postgres 17 beta 2", "Postgres weekly news: Postgres 17 beta 3"},
	};
	struct arena a = ARENA_INIT;
	struct story *st;
	size_t n;
	for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
		struct article arts[2] = {
			{.id = 1, .source_id = 1, .title = pairs[p][0], .link = "https://a.example/1", .text = "", .when = 100},
			{.id = 2, .source_id = 2, .title = pairs[p][1], .link = "https://b.example/2", .text = "", .when = 200},
		};
		cluster_stories(arts, 2, &a, &st, &n);
		CHECK_INT((int)n, 2);
		arts[1].title = pairs[p][0]; /* the same numbers: one story */
		cluster_stories(arts, 2, &a, &st, &n);
		CHECK_INT((int)n, 1);
	}
	arena_free(&a);
}

/* Release headlines of one version, worded two ways: "Rust 1.84.0 released" and "Announcing
 * Rust 1.84.0" share two of four words (Jaccard 0.5), "Python 3.13.0 released" and "Python
 * 3.13.0 is now available" two of three, "Kubernetes 1.32" and "v1.32" not even the version,
 * so each release was two stories in the digest. With the release words set aside and words
 * folded they are one; a title that says more than the release, another version, a series'
 * issue or one source's two posts stay apart. */
static void
test_release_titles(void)
{
	static const struct title_pair pairs[] = {
		{"Rust 1.84.0 released", "Announcing Rust 1.84.0", 1},
		{"Python 3.13.0 released", "Python 3.13.0 is now available", 1},
		{"SQLite 3.47.0 released", "Release: SQLite 3.47.0", 1},
		{"Firefox 133 released", "Firefox 133 is out", 1},
		{"Kubernetes 1.32 released", "Kubernetes v1.32 released", 1},
		{"Nvidia unveils Blackwell B200 GPU", "Nvidia's Blackwell B200 GPU unveiled at GTC", 1},
		{"Rust 1.84.0 released", "Rust 1.84.0 breaks my build", 0},
		{"Rust 1.84.0 released", "Announcing Rust 1.85.0", 0},
		{"Episode 42 is out", "Episode 42 released", 0},
		{"Firefox 133", "Firefox 133 is out", 1},
		{"Rust released", "Announcing Rust", 0},
	};
	check_title_pairs(pairs, sizeof pairs / sizeof pairs[0]);
}

/* One story in Chinese titles, or in an English and a Chinese one: word Jaccard over CJK
 * character pairs never joined them ("OpenAI 发布 GPT-5" ~ "GPT-5 正式发布：OpenAI 新模型有哪些变
 * 化" share 3 of 13 words; an English title shares no pair with a Chinese one), so a Chinese
 * site's write-up of a release was a story of its own beside the English ones, the digest
 * carried both. The Latin words of one (names and a version) all in the other now join them;
 * another story of one release ("Rust 1.84.0 中发现编译器漏洞") shares no CJK word with "Rust
 * 1.84.0 发布", and other versions or one name without a number stay apart. A release and
 * another story of that version, one title in English, were one story ("Deno 2.1 released" ~
 * "Deno 2.1 出现严重性能回退": the English title has no CJK word to share), the digest showed
 * the release and hid the regression; a title that says no release and more is apart now.
 * An amount in 亿 (hundred millions) is the English title's billions: "320 亿美元" and "$32
 * billion" were two numbers, and the number rule kept one deal two stories. */
static void
test_cjk_titles(void)
{
	static const struct title_pair pairs[] = {
		{"OpenAI 发布 GPT-5", "GPT-5 正式发布：OpenAI 新模型有哪些变化", 1},
		{"Linux 6.13 正式发布", "Linux 内核 6.13 发布，引入惰性抢占", 1},
		{"OpenAI releases GPT-5", "OpenAI 发布 GPT-5", 1},
		{"Kubernetes 1.32 released", "Kubernetes 1.32 发布", 1},
		{"Rust 1.84.0 发布", "Rust 1.84.0 中发现编译器漏洞", 0},
		{"OpenAI releases GPT-5", "OpenAI 发布 GPT-4", 0},
		{"Apple ships iOS 18.2 with Genmoji", "iOS 18.2 更新后 iPhone 耗电严重", 0},
		{"英伟达发布 Blackwell B200 GPU", "英伟达 Blackwell 芯片因设计缺陷推迟出货", 0},
		{"苹果起诉 Masimo 侵犯智能手表专利", "苹果推送 iOS 18.2 正式版", 0},
		{"Deno 2.1 released", "Deno 2.1 出现严重性能回退", 0},
		{"Deno 2.1 发布", "Deno 2.1 breaks npm installs", 0},
		{"Deno 2.1 released", "Deno 2.1 正式发布", 1},
		{"Deno 2.1", "Deno 2.1 发布", 1},
		{"Deno 2.1 released", "Deno 2.1 带来了严重性能回退", 0}, /* "带来了", brought: no "来了" */
		{"Deno 2.1 released", "Deno 2.1 来了", 1},
		{"Google to buy Wiz for $32 billion", "谷歌 320 亿美元收购 Wiz", 1},
		{"SoftBank invests $1.5 billion in OpenAI", "软银向 OpenAI 投资 15亿美元", 1},
		{"Google to buy Wiz for $23 billion", "谷歌 320 亿美元收购 Wiz", 0},
	};
	check_title_pairs(pairs, sizeof pairs / sizeof pairs[0]);
}

/* One story in two Chinese titles without a version, each site in its own words: they share
 * names, Latin or a company's Chinese name ("特斯拉" is Tesla), and what happened, a phrase
 * ("召回", "宕机") or a release in both; each was two stories in the digest, as no Latin
 * word was a number and the character pairs were too few for word Jaccard. One company or
 * product and another event stays two stories, as does a Chinese name beside another
 * company's Latin one. */
static void
test_zh_stories(void)
{
	static const struct title_pair pairs[] = {
		{"特斯拉召回 Cybertruck 皮卡", "Cybertruck 召回：特斯拉称加速踏板存在隐患", 1},
		{"微软 Teams 全球宕机数小时", "Teams 大规模宕机：微软称已修复", 1},
		{"谷歌发布 Pixel Watch 手表", "Pixel Watch 来了：谷歌推出首款智能手表", 1},
		{"Tesla 召回 Cybertruck 皮卡", "Cybertruck 召回：特斯拉称加速踏板存在隐患", 1},
		{"特斯拉召回 Cybertruck 皮卡", "特斯拉 Cybertruck 交付量创新高", 0},
		{"微软 Teams 全球宕机数小时", "微软 Teams 推出会议纪要功能", 0},
		{"苹果 Vision Pro 在中国发售", "苹果 Vision Pro 销量不及预期", 0},
		{"微软 Teams 宕机数小时", "Slack 宕机数小时：Salesforce 致歉", 0},
		{"Rust 编译器发现漏洞", "Rust 基金会发布年度报告", 0},
	};
	check_title_pairs(pairs, sizeof pairs / sizeof pairs[0]);
}

/* A company's Chinese name that starts an everyday word is no company: 苹果汁 (apple juice)
 * was read as Apple, 三星堆 (an archaeological site) as Samsung, 小米粥 (millet porridge) as
 * Xiaomi, so "苹果汁被检出农药残留超标" and "苹果 iPhone 被检出辐射超标" shared a company and
 * two phrases and the digest showed them as one story. */
static void
test_zh_everyday_words(void)
{
	static const struct {
		const char *title, *latin;
		int is_name;
	} words[] = {
		{"苹果汁被检出农药残留", "apple", 0}, {"小米粥的三种做法", "xiaomi", 0},
		{"三星堆出土新文物", "samsung", 0},  {"阿里山日出", "alibaba", 0},
		{"苹果手机被检出辐射超标", "apple", 1}, {"小米汽车召回 SU7", "xiaomi", 1},
		{"三星发布 Galaxy S25", "samsung", 1}, {"阿里云宕机", "alibaba", 1},
		{"特斯拉线上发布会", "tesla", 1}, {"特斯拉线圈", "tesla", 0}, {"苹果花 30 亿美元收购", "apple", 1},
		{"小米面向开发者开放", "xiaomi", 1},
		{"苹果", "apple", 1},
		/* the word before a name: 红豆包 is a red-bean bun, 青苹果 a green apple */
		{"红豆包的三种做法", "doubao", 0}, {"青苹果减肥法", "apple", 0}, {"豆包大模型降价", "doubao", 1},
	};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		struct buf b = BUF_INIT;
		cluster_title_text(words[w].title, 0, &b);
		if ((strstr(buf_str(&b), words[w].latin) != NULL) != words[w].is_name)
			fprintf(stderr, "\"%s\" read as \"%s\"\n", words[w].title, buf_str(&b));
		CHECK((strstr(buf_str(&b), words[w].latin) != NULL) == words[w].is_name);
		buf_free(&b);
	}
	static const struct title_pair pairs[] = {
		{"苹果汁被检出农药残留超标", "苹果 iPhone 被检出辐射超标", 0},
		{"三星堆文物用 AI 修复", "三星用 AI 修复老照片", 0},
	};
	check_title_pairs(pairs, sizeof pairs / sizeof pairs[0]);
}

/* People's Chinese names are their English ones: "阿尔特曼回归 OpenAI 任 CEO" and "Sam Altman
 * 回归 OpenAI" shared one name (OpenAI) and a phrase, and were two stories in the digest, as
 * were "奥特曼" and "阿尔特曼", two spellings of him. Another event of one person stays apart. */
static void
test_zh_people(void)
{
	static const struct title_pair pairs[] = {
		{"阿尔特曼回归 OpenAI 任 CEO", "Sam Altman 回归 OpenAI", 1},
		{"奥特曼回归 OpenAI 任 CEO", "阿尔特曼回归 OpenAI", 1},
		{"托瓦兹痛批英特尔补丁", "Linus Torvalds 痛骂 Intel 补丁", 1},
		{"奥特曼被 OpenAI 解雇", "阿尔特曼回归 OpenAI", 0},
		{"库克群岛接入星链", "苹果 CEO 库克访华", 0},
	};
	check_title_pairs(pairs, sizeof pairs / sizeof pairs[0]);
	struct buf b = BUF_INIT;
	cluster_title_text("库克群岛", 0, &b);
	CHECK(strstr(buf_str(&b), "cook") == NULL);
	buf_clear(&b);
	cluster_title_text("蒂姆·库克", 0, &b);
	CHECK(strstr(buf_str(&b), "cook") != NULL);
	buf_free(&b);
}

/* One story in an English and a Chinese title without a number: "Samsung sues Oppo over
 * patents" ~ "三星起诉 Oppo 专利侵权" shared no number for the Chinese-title rule and no CJK
 * word, and a Chinese site's write-up was a story of its own beside the English ones. Every
 * name of the Chinese title in the English one and an event in common join them now; a
 * Chinese title that names another company or model, or says another event of the same
 * names, stays apart. */
static void
test_en_zh_stories(void)
{
	static const struct title_pair pairs[] = {
		{"Samsung sues Oppo over patents", "三星起诉 Oppo 专利侵权", 1},
		{"Intel CEO Pat Gelsinger retires", "英特尔 CEO 基辛格退休", 1},
		{"Google Cloud suffers global outage", "谷歌 Cloud 全球宕机", 1},
		{"Tesla recalls Cybertruck over wipers", "特斯拉召回 Cybertruck 皮卡", 1},
		{"Samsung sues Oppo over patents", "三星与 Oppo 达成和解", 0},
		{"Samsung sues Oppo over patents", "三星起诉小米专利侵权", 0},
		{"Tesla recalls Model 3 over seat belts", "特斯拉召回 Model Y 车型", 0},
		{"Tesla recalls Cybertruck over wipers", "特斯拉 Cybertruck 交付量创新高", 0},
		{"Google Cloud suffers global outage", "谷歌 Gmail 全球宕机", 0},
		{"Samsung sues Oppo", "三星起诉", 0},
	};
	check_title_pairs(pairs, sizeof pairs / sizeof pairs[0]);
}

/* A story's id is its lead's, the earliest article's: when another source's earlier write-up
 * joins the story on a later run (a feed fetched late, one added), the lead and the id change,
 * and `brief article ID` with the id the reader took from yesterday's digest said "no story".
 * The story still answers to the id it had (cluster_story_has_id); not to another story's. */
static void
test_id_after_join(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[3] = {
		{.id = 1, .source_id = 1, .source_url = "https://wire.example/rss", .title = "Rust compiler release notes",
		 .link = "https://wire.example/rust-notes", .text = "", .when = 200, .published = 200},
		{.id = 2, .source_id = 3, .source_url = "https://other.example/rss", .title = "Something else entirely",
		 .link = "https://other.example/else", .text = "", .when = 300, .published = 300},
		{.id = 3, .source_id = 2, .source_url = "https://blog.example/feed", .title = "Rust compiler release notes",
		 .link = "https://blog.example/2026/rust", .text = "", .when = 100, .published = 100},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 2, &a, &st, &n); /* yesterday: the wire's post alone */
	CHECK_INT((int)n, 2);
	char saved[16], other[16];
	snprintf(saved, sizeof saved, "%s", st[0].id);
	snprintf(other, sizeof other, "%s", st[1].id);
	cluster_stories(arts, 3, &a, &st, &n); /* today: the blog's earlier post joined it */
	CHECK_INT((int)n, 2);
	CHECK(st[0].member_count == 2 && st[0].lead == &arts[2]);
	CHECK(strcmp(st[0].id, saved) != 0); /* the lead's id now */
	CHECK(cluster_story_has_id(&st[0], saved, &a));
	CHECK(cluster_story_has_id(&st[0], st[0].id, &a));
	CHECK(!cluster_story_has_id(&st[0], other, &a));
	CHECK(!cluster_story_has_id(&st[1], saved, &a));
	arena_free(&a);
}

static void
test_page_anchors(void)
{
	struct arena a = ARENA_INIT;
	struct article arts[5] = {
		{.id = 1, .source_id = 1, .title = "The sad state of tech news in 2017",
		 .link = "http://scripting.com/2017/06/24.html#a090648", .text = "", .when = 100},
		{.id = 2, .source_id = 1, .title = "Republican-inspired art",
		 .link = "http://scripting.com/2017/06/24.html#a100632", .text = "", .when = 200},
		{.id = 3, .source_id = 2, .title = "Dave Winer on tech news",
		 .link = "http://scripting.com/2017/06/24.html#a090648", .text = "", .when = 300},
		{.id = 4, .source_id = 3, .title = "A post", .link = "https://blog.example/post", .text = "", .when = 400},
		{.id = 5, .source_id = 4, .title = "Comments on a post", .link = "https://blog.example/post#comments",
		 .text = "", .when = 500},
	};
	struct story *st;
	size_t n;
	cluster_stories(arts, 5, &a, &st, &n);
	CHECK_INT((int)n, 3);
	if (n == 3) {
		CHECK(st[0].member_count == 2 && st[0].lead == &arts[0] && st[0].members[1] == &arts[2]);
		CHECK(st[1].member_count == 1 && st[1].lead == &arts[1]);
		CHECK(st[2].member_count == 2 && st[2].lead == &arts[3]);
		CHECK(strcmp(st[0].id, st[1].id) != 0);
	}
	arena_free(&a);
}

int
main(void)
{
	test_page_anchors();
	test_title_numbers();
	test_release_titles();
	test_cjk_titles();
	test_zh_stories();
	test_zh_everyday_words();
	test_zh_people();
	test_en_zh_stories();
	test_id_after_join();
	test_home_page_links();
	test_linkless_ids();
	test_rules();
	test_contained_titles();
	test_site_count();
	test_same_post();
	test_matches_all_pairs();
	return test_done("test_cluster");
}
