/* cluster.c: group near-duplicate articles into stories (union-find over URL, title and text). */
#include "ai/curate/cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ai/offline/names.h"
#include "ai/offline/text.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/str.h"

#define TITLE_WORDS_MAX 24
#define SIMHASH_BYTES 8000
#define SIMHASH_MIN_WORDS 40
#define ZH_PAIRS_MAX 48

/* The host a URL names, without "www." ("blog.example.com" of
 * "https://www.blog.example.com/atom.xml"): *len bytes at the returned pointer, 0 when the
 * URL names none. */
static const char *
url_host(const char *url, size_t *len)
{
	*len = 0;
	if (!url)
		return "";
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	if (str_istarts(p, "www."))
		p += 4;
	*len = strcspn(p, "/?#");
	return p;
}

/* Whether a and b come from one publisher: the host of their feed URLs and the source's name
 * (both case-insensitive), so one blog's RSS and Atom feeds (one host, one title) are one
 * source, while two blogs on one host (medium.com) or two feeds served from one test server
 * are two. The same source where a feed URL gives no host. */
static int
same_publisher(const struct article *a, const struct article *b)
{
	size_t an, bn;
	const char *ah = url_host(a->source_url, &an), *bh = url_host(b->source_url, &bn);
	if (!an || !bn)
		return a->source_id == b->source_id;
	const char *na = a->source_name ? a->source_name : "", *nb = b->source_name ? b->source_name : "";
	return an == bn && str_ncasecmp(ah, bh, an) == 0 && str_casecmp(na, nb) == 0;
}

/* How many publishers (same_publisher) st's members come from. */
static size_t
count_sites(const struct story *st)
{
	size_t n = 0;
	for (size_t m = 0; m < st->member_count; m++) {
		size_t k = 0;
		while (k < m && !same_publisher(st->members[k], st->members[m]))
			k++;
		n += k == m;
	}
	return n;
}

/* The fragment of url after its '#' ("" when it has none or url is NULL). */
static const char *
url_fragment(const char *url)
{
	const char *hash = url ? strchr(url, '#') : NULL;
	return hash ? hash + 1 : "";
}

/* Append url's key (cluster_url_key) to b. */
static void
url_key_put(const char *url, struct buf *b)
{
	size_t host, start = b->len;
	const char *p = url_host(url, &host);
	for (size_t i = 0; i < host; i++)
		buf_putc(b, (char)ascii_lower((unsigned char)p[i]));
	p += host;
	size_t path = strcspn(p, "?#");
	buf_append(b, p, path);
	p += path;
	if (*p == '?') {
		/* Keep the query minus tracking parameters. */
		p++;
		int first = 1;
		while (*p && *p != '#') {
			size_t n = strcspn(p, "&#");
			if (!str_istarts(p, "utm_") && n > 0) {
				buf_putc(b, first ? '?' : '&');
				buf_append(b, p, n);
				first = 0;
			}
			p += n;
			if (*p == '&')
				p++;
		}
	}
	while (b->len > start && b->data[b->len - 1] == '/')
		b->len--;
	if (b->data)
		b->data[b->len] = 0;
}

const char *
cluster_url_key(const char *url, struct arena *arena)
{
	if (!url)
		return NULL;
	struct buf b = BUF_INIT;
	url_key_put(url, &b);
	const char *out = arena_strndup(arena, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

/* Whether a's and b's links name one article page: equal URL keys with a path or query (a
 * link to a site's home page names no article), anchors equal. The anchors are the links'
 * own: the store's canonical link drops the fragment, and a day page's posts (Scripting
 * News's ".../26.html#a080636", "#a090616") were all one post. */
static int
same_article_link(const struct article *a, const struct article *b)
{
	const char *la = a->canonical_link ? a->canonical_link : a->link;
	const char *lb = b->canonical_link ? b->canonical_link : b->link;
	if (!la || !lb || strcmp(url_fragment(a->link ? a->link : la), url_fragment(b->link ? b->link : lb)) != 0)
		return 0;
	struct buf ka = BUF_INIT, kb = BUF_INIT;
	url_key_put(la, &ka);
	url_key_put(lb, &kb);
	int same = ka.len > 0 && strpbrk(buf_str(&ka), "/?") && strcmp(buf_str(&ka), buf_str(&kb)) == 0;
	buf_free(&ka);
	buf_free(&kb);
	return same;
}

int
cluster_same_post(const struct article *a, const struct article *b)
{
	if (a == b)
		return 1;
	if (!same_publisher(a, b))
		return 0;
	if (same_article_link(a, b))
		return 1;
	if (!a->title || !b->title || !*a->title || strcmp(a->title, b->title) != 0)
		return 0;
	if (a->published == FEED_NO_DATE || b->published == FEED_NO_DATE)
		return 0;
	int64_t apart = a->published > b->published ? a->published - b->published : b->published - a->published;
	return apart <= CLUSTER_SAME_POST_SECONDS;
}

void
cluster_distinct_posts(const struct story *s, struct arena *arena, struct story *out)
{
	*out = *s;
	out->members = arena_alloc(arena, (s->member_count + 1) * sizeof *out->members);
	out->member_count = 0;
	for (size_t m = 0; m < s->member_count; m++) {
		size_t k = 0;
		while (k < out->member_count && !cluster_same_post(out->members[k], s->members[m]))
			k++;
		if (k == out->member_count)
			out->members[out->member_count++] = s->members[m];
	}
}

int
cluster_title_word(const struct text_iter *it)
{
	if (it->is_cjk)
		return 1;
	return !text_is_stopword(it->word) && (it->len >= 2 || is_ascii_digit((unsigned char)it->word[0]));
}

uint64_t
cluster_simhash(const char *s)
{
	int v[64] = {0};
	uint64_t w[3] = {0, 0, 0};
	size_t seen = 0, len = strlen(s);
	struct text_iter it;
	text_iter_init(&it, s, len > SIMHASH_BYTES ? SIMHASH_BYTES : len);
	while (text_next(&it)) {
		w[0] = w[1];
		w[1] = w[2];
		w[2] = hash64(it.word, it.len, HASH_SEED);
		if (++seen < 3)
			continue;
		uint64_t h = hash64(w, sizeof w, 0x9e3779b97f4a7c15ULL);
		for (int b = 0; b < 64; b++)
			v[b] += (h >> b) & 1 ? 1 : -1;
	}
	uint64_t out = 0;
	for (int b = 0; b < 64; b++)
		if (v[b] > 0)
			out |= 1ULL << b;
	return out;
}

/* The URL key of a's link as the story's identity (cluster_url_key of its canonical link),
 * NULL when the link names no article: none, a site's home page (a podcast feed whose every
 * episode links to the show's page), or the feed itself (an empty href resolved against the
 * feed's URL). Such items are told apart by their titles, like items without links. */
static const char *
article_url_key(const struct article *a, struct arena *arena)
{
	const char *key = cluster_url_key(a->canonical_link ? a->canonical_link : a->link, arena);
	if (!key || !strpbrk(key, "/?")) /* no path past the host, no query */
		return NULL;
	const char *feed = a->source_url ? cluster_url_key(a->source_url, arena) : NULL;
	return feed && strcmp(feed, key) == 0 ? NULL : key;
}

/* Chinese words that say something came out, as cluster_release_word's do in English. */
static const char *const zh_release[] = {"正式发布", "发布", "推出", "上线", "正式版", "正式", "亮相", "问世", "来了"};

/* Whether out is empty or ends with a Latin word or punctuation, not a CJK character: "GPT-5
 * 来了" says a release, "带来了" (brought) does not. */
static int
after_name(const struct buf *out)
{
	return !out->len || (unsigned char)out->data[out->len - 1] < 0x80 ||
	       !text_is_cjk_start(out->data + out->len - (out->len >= 3 ? 3 : out->len));
}

/* When out ends with a number (digits and dots, "75", "1.5", spaces after it), write it in
 * English units and append unit: with tenth, a tenth of it (75 亿, hundred millions, is "7.5
 * billion"), else as it stands (1.2 万亿 is "1.2 trillion"). Returns whether out ended with a
 * number. */
static int
chinese_amount(struct buf *out, int tenth, const char *unit)
{
	size_t end = out->len;
	while (end > 0 && out->data[end - 1] == ' ')
		end--;
	size_t start = end;
	while (start > 0 && (is_ascii_digit((unsigned char)out->data[start - 1]) || out->data[start - 1] == '.'))
		start--;
	if (start == end || !is_ascii_digit((unsigned char)out->data[start]) ||
	    !is_ascii_digit((unsigned char)out->data[end - 1]) ||
	    (start > 0 && is_ascii_alpha((unsigned char)out->data[start - 1])))
		return 0;
	char digits[32];
	size_t n = 0, whole = end - start;
	for (size_t i = start; i < end && n + 1 < sizeof digits; i++) {
		if (out->data[i] == '.')
			whole = i - start;
		else
			digits[n++] = out->data[i];
	}
	if (whole > n)
		whole = n;
	out->len = start;
	if (tenth)
		whole--; /* the decimal point one place to the left: whole >= 1, the number starts with a digit */
	size_t lead = 0;
	while (lead + 1 < whole && digits[lead] == '0')
		lead++;
	while (n > whole && digits[n - 1] == '0')
		n--;
	if (whole == 0)
		buf_putc(out, '0');
	buf_append(out, digits + lead, whole - lead);
	if (n > whole) {
		buf_putc(out, '.');
		buf_append(out, digits + whole, n - whole);
	}
	buf_printf(out, " %s ", unit);
	return 1;
}

int
cluster_title_text(const char *title, int blank_release, struct buf *out)
{
	int release = 0;
	const char *start = title ? title : "";
	for (const char *p = start; *p;) {
		size_t k = 0, n = 0;
		if ((unsigned char)*p >= 0x80) {
			/* "75 亿美元" is "$7.5 billion" of an English title, "1.2 万亿" "1.2 trillion" */
			if (str_starts(p, "万亿") && chinese_amount(out, 0, "trillion")) {
				p += strlen("万亿");
				continue;
			}
			if (str_starts(p, "亿") && chinese_amount(out, 1, "billion")) {
				p += strlen("亿");
				continue;
			}
			/* a company's or person's Chinese name is the word an English title writes
			 * (names.h): "苹果起诉 Masimo" ~ "Apple 与 Masimo 专利战再起" */
			const struct zh_name *name = zh_name_at(start, p);
			if (name) {
				buf_printf(out, " %s ", name->latin);
				p += strlen(name->zh);
				continue;
			}
			for (k = 0; k < sizeof zh_release / sizeof zh_release[0] && !n; k++)
				if (str_starts(p, zh_release[k]) && (strcmp(zh_release[k], "来了") != 0 || after_name(out)))
					n = strlen(zh_release[k]);
			if (n) {
				release = 1;
				if (blank_release)
					buf_putc(out, ' ');
				else
					buf_append(out, p, n);
				p += n;
				continue;
			}
		}
		buf_putc(out, *p++);
	}
	return release;
}

struct sig {
	const char *url_key;
	const char *fragment;            /* of the link, after '#' ("" when none): an anchor of the page */
	const uint64_t *words;           /* sorted hashes of the significant title words */
	size_t word_count;
	const uint64_t *numbers;         /* sorted: those of the words with a digit ("3", "6.13", "gpt-5") */
	size_t number_count;
	const uint64_t *latin;           /* sorted: the words that are no CJK character pair */
	size_t latin_count;
	int has_cjk; /* a title word is CJK */
	const uint64_t *core;            /* sorted: the words but release words (cluster_release_word) */
	size_t core_count;
	const uint64_t *names;           /* sorted: the Latin words but release words ("apple", "masimo", "b200") */
	size_t name_count;
	const uint64_t *pairs;           /* a Chinese title's CJK character pairs, release words left out, in title order */
	const unsigned char *pair_cont;  /* the pair overlaps the one before: one run of characters */
	size_t pair_count;
	size_t units; /* names, and a run of n CJK characters as (n + 1) / 2 words (zh_story) */
	const uint64_t *letters;         /* sorted: one-letter Latin words, no stop words ("y" of "Model Y") */
	size_t letter_count;
	uint32_t acts;     /* what happened (cluster_title_acts) */
	int release_verb;  /* a title word is a release word, English or Chinese */
	int serial;        /* a title word names an issue of a series (cluster_serial_word) */
	uint64_t simhash;
	int has_simhash;
};

/* The lists of struct sig while signature() collects them, each with room for a long title.
 * A window's signatures keep only what their titles filled (the lists are packed into the
 * window's pool): at the fixed size, the 16,390 articles of a 48-hour window of a 3M-item store
 * held 28 MB of the daily's peak, for titles of ten words or so. */
struct sig_draft {
	uint64_t words[TITLE_WORDS_MAX], numbers[TITLE_WORDS_MAX], latin[TITLE_WORDS_MAX];
	uint64_t core[TITLE_WORDS_MAX], names[TITLE_WORDS_MAX], letters[TITLE_WORDS_MAX];
	uint64_t pairs[ZH_PAIRS_MAX];
	unsigned char pair_cont[ZH_PAIRS_MAX];
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Crude, as a stemmer goes, but the same on both sides of a comparison, which is all that
 * matters here: a word that folds onto another only joins titles that share the rest. */
void
cluster_fold_word(char *w, size_t *len)
{
	size_t n = *len;
	if (n >= 2 && w[0] == 'v' && is_ascii_digit((unsigned char)w[1])) {
		memmove(w, w + 1, n); /* the NUL too */
		*len = n - 1;
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return;
	if (n < 5)
		return;
	static const char *const suffixes[] = {"ing", "ed", "es", "s"};
	for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
		size_t sl = strlen(suffixes[k]);
		if (n - sl >= 3 && memcmp(w + n - sl, suffixes[k], sl) == 0 && !(sl == 1 && w[n - 2] == 's')) {
			n -= sl;
			break;
		}
	}
	if (n > 3 && w[n - 1] == 'e' && n == *len)
		n--;
	w[n] = '\0';
	*len = n;
}

int
cluster_release_word(const char *w)
{
	static const char *const verbs[] = {"releas", "announc", "availabl", "launch", "ship", "unveil", "introduc",
	                                    "debut", "arriv", "out", "here", "now"};
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
		if (strcmp(w, verbs[i]) == 0)
			return 1;
	return 0;
}

int
cluster_serial_word(const char *w)
{
	static const char *const words[] = {"episod", "ep", "issu", "part", "chapter", "week", "weekly", "volum", "vol",
	                                    "edition", "season", "day", "no", "number", "newsletter", "podcast",
	                                    "lesson", "digest", "roundup", "show"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/* What happened, as an English and a Chinese title say it: English words (folded by
 * cluster_fold_word) and Chinese words, between spaces. */
static const struct {
	const char *en, *zh;
} title_acts[] = {
	{"sue sues sued suing", "起诉"}, {"lawsuit", "诉讼"}, {"patent", "专利"}, {"recall", "召回"},
	{"outag", "宕机 故障 瘫痪"}, {"acquir acquisition buy buys bought", "收购"}, {"invest investment", "投资"},
	{"fine fin", "罚"}, {"ban bans bann", "禁止 封禁 禁用"}, {"layoff lays laid", "裁员"}, {"retir", "退休"},
	{"resign", "辞职 卸任"}, {"return", "回归 重返"}, {"fir oust", "解雇 罢免 开除"}, {"remov", "移除 移出 删除"},
	{"hack breach", "入侵 黑客"}, {"leak", "泄露"}, {"delay", "推迟 延迟 延期"}, {"visit", "访华 访问 到访"},
	{"backdoor", "后门"}, {"vulnerability flaw", "漏洞"}, {"settl settlement", "和解"},
	{"monopoly antitrust", "垄断"}, {"crash", "崩溃 蓝屏"},
};

/* Whether the space-separated list has the word w[0..n). */
static int
list_has(const char *list, const char *w, size_t n)
{
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, " ");
		if (k == n && memcmp(p, w, n) == 0)
			return 1;
		p += k;
		p += *p == ' ';
	}
	return 0;
}

uint32_t
cluster_title_acts(const char *text)
{
	uint32_t acts = 0;
	struct text_iter it;
	text_iter_init(&it, text, strlen(text));
	while (text_next(&it)) {
		if (it.is_cjk)
			continue;
		cluster_fold_word(it.word, &it.len);
		for (size_t k = 0; k < sizeof title_acts / sizeof title_acts[0]; k++)
			if (list_has(title_acts[k].en, it.word, it.len))
				acts |= 1u << k;
	}
	for (size_t k = 0; k < sizeof title_acts / sizeof title_acts[0]; k++)
		for (const char *p = title_acts[k].zh; *p;) {
			size_t n = strcspn(p, " ");
			char w[16];
			if (n < sizeof w) {
				memcpy(w, p, n);
				w[n] = '\0';
				if (strstr(text, w))
					acts |= 1u << k;
			}
			p += n;
			p += *p == ' ';
		}
	return acts;
}

/* Copy n hashes of from into pool (NULL when none). */
static const uint64_t *
pack_hashes(struct arena *pool, const uint64_t *from, size_t n)
{
	if (n == 0)
		return NULL;
	uint64_t *to = arena_alloc(pool, n * sizeof *to);
	memcpy(to, from, n * sizeof *to);
	return to;
}

/* a's signature into s: url key and fragment in arena (the stories keep them), the title's
 * lists in pool (the window's clustering only). */
static void
signature(const struct article *a, struct arena *arena, struct arena *pool, struct sig *s)
{
	memset(s, 0, sizeof *s);
	struct sig_draft d_, *d = &d_;
	s->url_key = article_url_key(a, arena);
	s->fragment = url_fragment(a->link);
	struct text_iter it;
	struct buf title = BUF_INIT;
	s->release_verb = cluster_title_text(a->title, 0, &title); /* "发布", "推出" */
	text_iter_init(&it, buf_str(&title), title.len);
	while (text_next(&it) && s->word_count < TITLE_WORDS_MAX) {
		int verb = !it.is_cjk && cluster_release_word(it.word); /* "out", "here", "now": stop words */
		s->release_verb |= verb;
		if (!it.is_cjk && it.len == 1 && is_ascii_alpha((unsigned char)it.word[0]) && !text_is_stopword(it.word)) {
			uint64_t h = hash64(it.word, it.len, HASH_SEED);
			size_t k = 0;
			while (k < s->letter_count && d->letters[k] != h)
				k++;
			if (k == s->letter_count)
				d->letters[s->letter_count++] = h;
		}
		if (!cluster_title_word(&it))
			continue;
		if (!it.is_cjk)
			cluster_fold_word(it.word, &it.len);
		verb |= !it.is_cjk && cluster_release_word(it.word);
		s->release_verb |= verb;
		s->serial |= !it.is_cjk && cluster_serial_word(it.word);
		uint64_t h = hash64(it.word, it.len, HASH_SEED);
		int dup = 0;
		for (size_t i = 0; i < s->word_count; i++)
			dup |= d->words[i] == h;
		if (dup)
			continue;
		d->words[s->word_count++] = h;
		if (!verb)
			d->core[s->core_count++] = h;
		s->has_cjk |= it.is_cjk;
		if (!it.is_cjk)
			d->latin[s->latin_count++] = h;
		if (!it.is_cjk && !verb)
			d->names[s->name_count++] = h;
		if (!it.is_cjk && strpbrk(it.word, "0123456789"))
			d->numbers[s->number_count++] = h;
	}
	s->acts = cluster_title_acts(buf_str(&title));
	if (s->has_cjk) {
		/* The CJK runs again, with the release words out of them ("英伟达发布 B200" and "英伟达
		 * 推出 B200" share no pair but the name's): the pairs that zh_story counts. */
		buf_clear(&title);
		cluster_title_text(a->title, 1, &title);
		text_iter_init(&it, buf_str(&title), title.len);
		s->units = s->name_count;
		const char *run_end = NULL;
		size_t in_run = 0;
		while (text_next(&it) && s->pair_count < ZH_PAIRS_MAX) {
			if (!it.is_cjk) {
				run_end = NULL;
				continue;
			}
			const char *start = it.p - it.len;
			int cont = run_end && start < run_end; /* the pair before ends with this one's first character */
			in_run = cont ? in_run + 1 : 0;
			s->units += !cont || in_run % 2; /* characters 1-2, then one word per two more */
			d->pair_cont[s->pair_count] = (unsigned char)cont;
			d->pairs[s->pair_count++] = hash64(it.word, it.len, HASH_SEED);
			run_end = it.p;
		}
	}
	buf_free(&title);
	qsort(d->names, s->name_count, sizeof d->names[0], cmp_u64);
	qsort(d->words, s->word_count, sizeof d->words[0], cmp_u64);
	qsort(d->core, s->core_count, sizeof d->core[0], cmp_u64);
	qsort(d->numbers, s->number_count, sizeof d->numbers[0], cmp_u64);
	qsort(d->latin, s->latin_count, sizeof d->latin[0], cmp_u64);
	qsort(d->letters, s->letter_count, sizeof d->letters[0], cmp_u64);
	s->words = pack_hashes(pool, d->words, s->word_count);
	s->numbers = pack_hashes(pool, d->numbers, s->number_count);
	s->latin = pack_hashes(pool, d->latin, s->latin_count);
	s->core = pack_hashes(pool, d->core, s->core_count);
	s->names = pack_hashes(pool, d->names, s->name_count);
	s->letters = pack_hashes(pool, d->letters, s->letter_count);
	s->pairs = pack_hashes(pool, d->pairs, s->pair_count);
	if (s->pair_count) {
		unsigned char *cont = arena_alloc(pool, s->pair_count);
		memcpy(cont, d->pair_cont, s->pair_count);
		s->pair_cont = cont;
	}
	if (a->text && text_word_count(a->text, strlen(a->text) > SIMHASH_BYTES ? SIMHASH_BYTES : strlen(a->text)) >=
	                       SIMHASH_MIN_WORDS) {
		s->simhash = cluster_simhash(a->text);
		s->has_simhash = 1;
	}
}

/* The Jaccard similarity of a's and b's title words; *contained: every word of the shorter
 * title is in the other. */
static double
jaccard(const struct sig *a, const struct sig *b, int *contained)
{
	size_t i = 0, j = 0, common = 0;
	while (i < a->word_count && j < b->word_count) {
		if (a->words[i] == b->words[j]) {
			common++;
			i++;
			j++;
		} else if (a->words[i] < b->words[j]) {
			i++;
		} else {
			j++;
		}
	}
	size_t uni = a->word_count + b->word_count - common;
	*contained = common == (a->word_count < b->word_count ? a->word_count : b->word_count);
	return uni ? (double)common / (double)uni : 0;
}

static size_t
find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void
unite(size_t *parent, size_t a, size_t b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a != b)
		parent[a > b ? a : b] = a < b ? a : b;
}

/* Whether a's and b's titles both carry numbers and not the same ones: two releases, two
 * issues, two models ("Linux 6.12" and "Linux 6.13", "Llama 2" and "Llama 3", "This Week in
 * Rust 571" and "572") are two stories however alike the rest of the titles is. */
static int
numbers_differ(const struct sig *a, const struct sig *b)
{
	if (!a->number_count || !b->number_count)
		return 0;
	return a->number_count != b->number_count ||
	       memcmp(a->numbers, b->numbers, a->number_count * sizeof a->numbers[0]) != 0;
}

/* How many of w[0..n) are among v[0..m) (both sorted, no repeats). */
static size_t
common_words(const uint64_t *w, size_t n, const uint64_t *v, size_t m)
{
	size_t i = 0, j = 0, common = 0;
	while (i < n && j < m) {
		if (w[i] == v[j]) {
			common++;
			i++;
			j++;
		} else if (w[i] < v[j]) {
			i++;
		} else {
			j++;
		}
	}
	return common;
}

/* The rule for a Chinese title (a or b has CJK words): the Latin words of the title with fewer
 * (names, versions, numbers: "OpenAI", "GPT-5") are at least CLUSTER_TITLE_LATIN_MIN, one of
 * them a number, and all in the other title; two Chinese titles also share a CJK word ("发布"
 * of "Rust 1.84.0 发布" is not in "Rust 1.84.0 中发现编译器漏洞", another story); and when one
 * title says a release (an English or Chinese release word) and the other does not, the other
 * says nothing more: "Rust 1.84.0 released" ~ "Rust 1.84.0 中发现编译器漏洞", whose English title
 * has no CJK word to share, or "Rust 1.84.0 发布" ~ "Rust 1.84.0 breaks my build" are another
 * story of that release ("Firefox 133" ~ "Firefox 133 发布" is one). Word Jaccard
 * cannot see one story in two Chinese titles: the character pairs of "OpenAI 发布 GPT-5" and
 * "GPT-5 正式发布：OpenAI 新模型有哪些变化" differ however alike the story, and an English title
 * shares no pair with a Chinese one. */
static int
latin_contained(const struct sig *a, const struct sig *b)
{
	if (!a->has_cjk && !b->has_cjk)
		return 0;
	if (a->latin_count > b->latin_count) {
		const struct sig *t = a;
		a = b;
		b = t;
	}
	if (a->latin_count < CLUSTER_TITLE_LATIN_MIN || !a->number_count ||
	    common_words(a->latin, a->latin_count, b->latin, b->latin_count) != a->latin_count)
		return 0;
	if (a->release_verb != b->release_verb) {
		/* One says a release, the other something more: another story of that version. */
		const struct sig *quiet = a->release_verb ? b : a, *other = quiet == a ? b : a;
		if (common_words(quiet->words, quiet->word_count, other->words, other->word_count) != quiet->word_count)
			return 0;
	}
	return !a->has_cjk || !b->has_cjk || common_words(a->words, a->word_count, b->words, b->word_count) > a->latin_count;
}

/* How many phrases of a's CJK character pairs are in b: runs of consecutive pairs that b
 * has too ("被植入" is one phrase, not two pairs). */
static size_t
shared_phrases(const struct sig *a, const struct sig *b)
{
	size_t phrases = 0;
	int prev = 0;
	for (size_t i = 0; i < a->pair_count; i++) {
		int in_b = 0;
		for (size_t j = 0; j < b->pair_count && !in_b; j++)
			in_b = a->pairs[i] == b->pairs[j];
		phrases += in_b && !(prev && a->pair_cont[i]);
		prev = in_b;
	}
	return phrases;
}

/* One story in two Chinese titles that word Jaccard and latin_contained miss, told in other
 * words and without a version: "苹果起诉 Masimo 侵犯智能手表专利" ~ "苹果与 Masimo 专利纠纷升级：
 * 苹果提起诉讼", "xz 压缩库被植入后门" ~ "liblzma 后门事件：xz 项目被植入恶意代码". The titles
 * share a name at least (a Latin word, or a company's Chinese name read as its Latin one) and
 * what happened: a CJK phrase (release words left out), or both say a release ("英伟达发布
 * Blackwell B200 GPU" ~ "GTC 大会：英伟达推出 B200 GPU"); and names and phrases at least
 * CLUSTER_TITLE_ZH_SHARED, half the words (units) of the shorter title at least. Names without
 * an event in common are two stories of one company or product: "英伟达发布 Blackwell B200 GPU"
 * ~ "英伟达 Blackwell 芯片因设计缺陷推迟出货", "苹果 Vision Pro 在中国发售" ~ "苹果 Vision Pro
 * 销量不及预期". */
static int
zh_story(const struct sig *a, const struct sig *b)
{
	if (!a->has_cjk || !b->has_cjk)
		return 0;
	size_t names = common_words(a->names, a->name_count, b->names, b->name_count);
	if (!names)
		return 0;
	size_t pa = shared_phrases(a, b), pb = shared_phrases(b, a);
	size_t phrases = pa < pb ? pa : pb, shared = names + phrases;
	size_t fewer = a->units < b->units ? a->units : b->units;
	if (!phrases && !(a->release_verb && b->release_verb))
		return 0;
	return shared >= CLUSTER_TITLE_ZH_SHARED && 2 * shared >= fewer;
}

/* One story in an English and a Chinese title without a number: "Apple sues Masimo over
 * patents" ~ "苹果起诉 Masimo 专利侵权", "Intel CEO Pat Gelsinger retires" ~ "英特尔 CEO 基辛格退
 * 休". Every name of the Chinese title (Latin words, one-letter ones too, and companies' and
 * people's Chinese names, cluster_title_text) is in the English one, two at least, and both
 * say one thing happened (cluster_title_acts, or a release word in both); names and events
 * CLUSTER_TITLE_ZH_SHARED at least and half the words of the shorter title. A Chinese title
 * that names what the English does not ("苹果起诉 Epic", "特斯拉召回 Model Y" beside "Tesla
 * recalls Model 3") or says another event ("苹果与 Masimo 达成和解") is another story. */
static int
en_zh_story(const struct sig *a, const struct sig *b)
{
	if (a->has_cjk == b->has_cjk)
		return 0;
	const struct sig *zh = a->has_cjk ? a : b, *en = zh == a ? b : a;
	if (zh->name_count < 2 || common_words(zh->names, zh->name_count, en->words, en->word_count) != zh->name_count ||
	    common_words(zh->letters, zh->letter_count, en->letters, en->letter_count) != zh->letter_count)
		return 0;
	size_t acts = (size_t)__builtin_popcount(zh->acts & en->acts) + (zh->release_verb && en->release_verb);
	size_t shared = zh->name_count + acts, fewer = zh->units < en->word_count ? zh->units : en->word_count;
	return acts && shared >= CLUSTER_TITLE_ZH_SHARED && 2 * shared >= fewer;
}

/* Two release headlines of one thing: at least one title says it came out (a release word),
 * neither names an issue of a series, and with the release words set aside the titles' words
 * are the same, a name and the version at least: "Rust 1.84.0 released" and "Announcing Rust
 * 1.84.0", "Firefox 133 released" and "Firefox 133 is out". Word Jaccard misses them: two or
 * three words a title, one of them the verb. A title that says more than the release ("Rust
 * 1.84.0 breaks my build") is another story. */
static int
same_release(const struct sig *a, const struct sig *b)
{
	if (!(a->release_verb || b->release_verb) || a->serial || b->serial || a->has_cjk || b->has_cjk)
		return 0;
	if (!a->number_count || a->core_count < 2 || a->core_count != b->core_count || a->core_count == a->number_count)
		return 0;
	return memcmp(a->core, b->core, a->core_count * sizeof a->core[0]) == 0;
}

static int
same_story(const struct article *x, const struct sig *a, const struct article *y, const struct sig *b)
{
	/* One page, unless the links name two anchors of it: a blog that posts a day's items on
	 * the day's page (Scripting News: ".../24.html#a090648", "#a100632") gives each post its
	 * own fragment. A fragment beside none ("#comments") is still the page. */
	if (a->url_key && b->url_key && *a->url_key && strcmp(a->url_key, b->url_key) == 0 &&
	    (!*a->fragment || !*b->fragment || strcmp(a->fragment, b->fragment) == 0))
		return 1;
	if (x->source_id != y->source_id && !numbers_differ(a, b)) {
		if (a->word_count >= 3 && b->word_count >= 3) {
			int contained;
			double j = jaccard(a, b, &contained);
			if (j >= CLUSTER_TITLE_JACCARD || (contained && j >= CLUSTER_TITLE_CONTAINED))
				return 1;
		}
		if (latin_contained(a, b) || zh_story(a, b) || en_zh_story(a, b))
			return 1;
		if (same_release(a, b))
			return 1;
	}
	if (a->has_simhash && b->has_simhash && __builtin_popcountll(a->simhash ^ b->simhash) <= CLUSTER_SIMHASH_BITS)
		return 1;
	return 0;
}

/* A candidate pair source: article idx files under key. Only articles that share a key are
 * compared, which makes clustering near-linear (a daily at 3M items has 16,000 articles in its
 * window: 134M pairs compared one by one took 10 s). The keys are chosen so that every pair
 * same_story() accepts shares one, so the stories are exactly those of comparing all pairs. */
struct cand {
	uint64_t key;
	size_t idx;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort c[0..n) and unite the pairs of each run of one key that same_story() accepts; with
 * cjk_only, only pairs one of which at least has a CJK title word (a key only the Chinese
 * title rules use). */
static void
unite_candidates(struct cand *c, size_t n, const struct article *articles, const struct sig *sigs, size_t *parent,
                 int cjk_only)
{
	qsort(c, n, sizeof *c, cmp_cand);
	for (size_t lo = 0, hi; lo < n; lo = hi) {
		for (hi = lo + 1; hi < n && c[hi].key == c[lo].key; hi++)
			;
		for (size_t a = lo; a < hi; a++) {
			if (cjk_only && !sigs[c[a].idx].has_cjk)
				continue;
			/* with cjk_only, a CJK title against every other (a CJK one before it has met it) */
			for (size_t b = cjk_only ? lo : a + 1; b < hi; b++) {
				size_t i = c[a].idx, j = c[b].idx;
				if (cjk_only && (b == a || (b < a && sigs[j].has_cjk)))
					continue;
				if (i != j && find(parent, i) != find(parent, j) &&
				    same_story(&articles[i], &sigs[i], &articles[j], &sigs[j]))
					unite(parent, i, j);
			}
		}
	}
}

/* How many articles' titles use each word: the prefix filter below takes the rarest first. */
struct word_df {
	uint64_t word;
	size_t df;
};

static int
cmp_word_df(const void *a, const void *b)
{
	uint64_t x = ((const struct word_df *)a)->word, y = ((const struct word_df *)b)->word;
	return x < y ? -1 : x > y;
}

static size_t
title_df(const struct word_df *dfs, size_t n, uint64_t word)
{
	struct word_df k = {word, 0};
	const struct word_df *f = bsearch(&k, dfs, n, sizeof *dfs, cmp_word_df);
	return f ? f->df : 0;
}

/* Order of the prefix filter: rarer words first, then by hash. */
static int
cmp_rarer(const void *a, const void *b)
{
	const struct word_df *x = a, *y = b;
	if (x->df != y->df)
		return x->df < y->df ? -1 : 1;
	return x->word < y->word ? -1 : x->word > y->word;
}

/* Every pair of articles same_story() can accept shares a key of one of four kinds:
 * - the URL key (hashed; same_story compares the strings);
 * - a title word among the first |x| - ceil(t|x|) + 1 of x's words in a global order (rarest
 *   first): Jaccard >= t means the two titles share at least ceil(t|x|) words, so they share
 *   one in each other's prefix (the prefix filter of set-similarity joins); t is the lower of
 *   the two title thresholds, CLUSTER_TITLE_CONTAINED;
 * - a number of the titles (the Chinese-title rule needs one in both);
 * - a name of a title (the rules for a Chinese title without a number need one in both;
 *   pairs of two titles without CJK are not compared under it);
 * - one of CLUSTER_SIMHASH_BITS + 1 bit blocks of the SimHash: hashes within that many bits
 *   differ in at most that many blocks, so at least one block is equal (pigeonhole). */
static void
unite_similar(const struct article *articles, const struct sig *sigs, size_t count, size_t *parent)
{
	enum { BLOCKS = CLUSTER_SIMHASH_BITS + 1 };
	size_t words = 0;
	for (size_t i = 0; i < count; i++)
		words += sigs[i].word_count;
	struct cand *c = xcalloc((words > count * BLOCKS ? words : count * BLOCKS) + 1, sizeof *c);
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		if (sigs[i].url_key && *sigs[i].url_key)
			c[n++] = (struct cand){hash64(sigs[i].url_key, strlen(sigs[i].url_key), HASH_SEED), i};
	unite_candidates(c, n, articles, sigs, parent, 0);

	struct word_df *dfs = xcalloc(words + 1, sizeof *dfs);
	size_t nd = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t w = 0; w < sigs[i].word_count; w++) /* a title's words are distinct */
			dfs[nd++] = (struct word_df){sigs[i].words[w], 1};
	qsort(dfs, nd, sizeof *dfs, cmp_word_df);
	size_t u = 0;
	for (size_t k = 0; k < nd; k++) {
		if (u && dfs[u - 1].word == dfs[k].word)
			dfs[u - 1].df++;
		else
			dfs[u++] = dfs[k];
	}
	n = 0;
	for (size_t i = 0; i < count; i++) {
		size_t wc = sigs[i].word_count;
		if (wc < 3)
			continue;
		struct word_df w[TITLE_WORDS_MAX];
		for (size_t k = 0; k < wc; k++)
			w[k] = (struct word_df){sigs[i].words[k], title_df(dfs, u, sigs[i].words[k])};
		qsort(w, wc, sizeof *w, cmp_rarer);
		size_t need = (size_t)ceil(CLUSTER_TITLE_CONTAINED * (double)wc - 1e-9); /* shared words at least */
		size_t prefix = wc - need + 1;
		for (size_t k = 0; k < prefix && k < wc; k++)
			c[n++] = (struct cand){w[k].word, i};
	}
	unite_candidates(c, n, articles, sigs, parent, 0);
	free(dfs);

	/* The Chinese-title rule: a pair shares a number of the title with fewer Latin words. */
	n = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < sigs[i].number_count; k++)
			c[n++] = (struct cand){sigs[i].numbers[k], i};
	unite_candidates(c, n, articles, sigs, parent, 0);

	/* The rules for two Chinese titles (zh_story) or an English and a Chinese one
	 * (en_zh_story): they share a name. */
	n = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < sigs[i].name_count; k++)
			c[n++] = (struct cand){sigs[i].names[k], i};
	unite_candidates(c, n, articles, sigs, parent, 1);

	n = 0;
	for (size_t i = 0; i < count; i++) {
		if (!sigs[i].has_simhash)
			continue;
		for (unsigned b = 0; b < BLOCKS; b++) {
			unsigned lo = b * 64 / BLOCKS, hi = (b + 1) * 64 / BLOCKS;
			uint64_t bits = (sigs[i].simhash >> lo) & (((uint64_t)1 << (hi - lo)) - 1);
			c[n++] = (struct cand){bits * BLOCKS + b, i}; /* the block's number in the key */
		}
	}
	unite_candidates(c, n, articles, sigs, parent, 0);
	free(c);
}

/* The id of a story led by a (url_key: article_url_key(a), fragment: of its link). */
static const char *
story_id(const struct article *a, const char *url_key, const char *fragment, struct arena *arena)
{
	const char *key = url_key;
	if (!key || !*key) /* no article link: the title, and the feed and date, for a feed's
	                    * posts with one title ("Weekly notes") are stories of their own */
		key = arena_printf(arena, "%s\n%s\n%lld", a->title ? a->title : "", a->source_url ? a->source_url : "",
		                   (long long)a->when);
	else if (*fragment) /* two anchors of one page are two stories */
		key = arena_printf(arena, "%s#%s", key, fragment);
	char hex[33];
	hash_hex128(key, strlen(key), hex);
	return arena_printf(arena, "s%.12s", hex);
}

int
cluster_story_has_id(const struct story *s, const char *id, struct arena *arena)
{
	if (s->id && strcmp(s->id, id) == 0)
		return 1;
	for (size_t m = 0; m < s->member_count; m++) {
		const struct article *a = s->members[m];
		if (strcmp(story_id(a, article_url_key(a, arena), url_fragment(a->link), arena), id) == 0)
			return 1;
	}
	return 0;
}

/* Earlier article first; ties by id. */
static int
leads_before(const struct article *a, const struct article *b)
{
	return a->when != b->when ? a->when < b->when : a->id < b->id;
}

void
cluster_stories(struct article *articles, size_t count, struct arena *arena, struct story **out,
                size_t *story_count)
{
	*out = NULL;
	*story_count = 0;
	if (count == 0)
		return;
	struct sig *sigs = xcalloc(count, sizeof *sigs);
	struct arena pool = ARENA_INIT; /* the signatures' lists, for this window's clustering only */
	size_t *parent = xcalloc(count, sizeof *parent);
	for (size_t i = 0; i < count; i++) {
		signature(&articles[i], arena, &pool, &sigs[i]);
		parent[i] = i;
	}
	unite_similar(articles, sigs, count, parent);
	size_t *story_of = xcalloc(count, sizeof *story_of);
	size_t *members = xcalloc(count, sizeof *members);
	struct story *stories = arena_alloc(arena, count * sizeof *stories);
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		size_t r = find(parent, i);
		if (r == i)
			story_of[i] = n++;
		else
			story_of[i] = story_of[r];
		members[story_of[i]]++;
	}
	for (size_t s = 0; s < n; s++) {
		stories[s].members = arena_alloc(arena, members[s] * sizeof *stories[s].members);
		stories[s].member_count = 0;
	}
	for (size_t i = 0; i < count; i++) {
		struct story *s = &stories[story_of[i]];
		s->members[s->member_count++] = &articles[i];
		if (!s->lead || leads_before(&articles[i], s->lead))
			s->lead = &articles[i];
	}
	for (size_t s = 0; s < n; s++) {
		struct story *st = &stories[s];
		/* Lead first, the rest in input order. */
		for (size_t m = 0; m < st->member_count; m++)
			if (st->members[m] == st->lead) {
				memmove(&st->members[1], &st->members[0], m * sizeof st->members[0]);
				st->members[0] = st->lead;
				break;
			}
		st->site_count = st->member_count > 1 ? count_sites(st) : 1;
		const struct sig *lead_sig = &sigs[st->lead - articles]; /* its URL key, read once */
		st->id = story_id(st->lead, lead_sig->url_key, lead_sig->fragment, arena);
	}
	free(sigs);
	arena_free(&pool);
	free(parent);
	free(story_of);
	free(members);
	*out = stories;
	*story_count = n;
}
