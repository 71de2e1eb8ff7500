/* bench_grounding.c: how well the claim checker (ai/longform/ground) separates faithful from
 * fabricated claims, in English and Chinese, on real text read at run time from the shared
 * corpus (nothing of it is copied into the repository):
 *   English: the items of the corpus's "realworld" feeds (MANIFEST.tsv), parsed by brief;
 *   Chinese: the seed documents and the Chinese pages of the readability test set.
 * Sources are grouped three to a piece ([1] [2] [3]). For every source sentence that has a
 * claim, a faithful draft sentence is made from it — reformatted the way a writer would
 * (thousands separators added or dropped, 30% as "30 percent" / 百分之30, full-width digits,
 * a figure before 亿/万/million rounded, the citation before or after the stop) — and cited,
 * and one restating its claims in a sentence of the bench's own, joined by a claim of an
 * earlier source of the piece with both citations; every claim in them is true, so each one
 * flagged is a false flag. Then one claim is injected
 * into a copy: a changed figure, an added figure, a quotation taken from another piece, a
 * name from another piece, or a changed date (each checked by plain substring search to be
 * absent from the piece's sources); caught when that claim is flagged.
 * Prints, per language, the false-flag rate and the catch rate (overall and per kind), and
 * the same for the checker before grounding (check_paragraphs: citations and language only;
 * a flagged sentence counts all its claims as flagged). Then the same over the same texts by
 * the daily's rule (ai/longform/daily_check.h): each article alone, its sentences uncited,
 * checked with GROUND_ANY_SOURCE (nothing of the daily was checked before).
 *
 * Exits 1, printing no rate, when a language has no text or a rule no faithful sentence or no
 * injected claim (a missing seeds directory once printed 0 % flagged over nothing).
 *
 * usage: bench_grounding [SHARED_DIR] [-v]   (default: BRIEF_SHARED_DIR from the build) */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/claims.h"
#include "ai/longform/commentary.h"
#include "ai/longform/ground.h"
#include "feed/feed.h"
#include "feed/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_TEXTS 600
#define PER_FEED 8
#define SOURCE_MAX 2400 /* bytes of a source's text used (a long-form request cuts them too) */

struct lang {
	const char *name;
	int en;
	size_t group;     /* sources per piece: 3 (a long-form piece), 1 (a daily summary) */
	int is_daily;     /* the daily's rule: no citations, the one article supports (GROUND_ANY_SOURCE) */
	char *texts[MAX_TEXTS];
	size_t n;
	/* results */
	long faithful, flagged, restated, restated_flagged, injected, old_flagged, old_caught, caught, kind_inj[4], kind_caught[4];
	long words_faithful, words_flagged, words_injected, words_caught; /* figures written in words */
};

static int verbose;
static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % (n ? n : 1));
}

/* Share of CJK code points among letters of s. */
static double
cjk_share(const char *s)
{
	size_t cjk = 0, latin = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		p += utf8_decode(p, strlen(p), &cp);
		cjk += cp >= 0x3400 && cp < 0xA000;
		latin += cp < 0x80 && is_ascii_alpha((int)cp);
	}
	return cjk + latin ? (double)cjk / (double)(cjk + latin) : 0;
}

/* English enough: " the " and " and " occur often. */
static int
is_english(const char *s)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, " the ")); p++)
		n++;
	return n >= 3 && cjk_share(s) == 0;
}

static void
add_text(struct lang *l, const char *title, const char *text)
{
	if (l->n >= MAX_TEXTS || strlen(text) < 300)
		return;
	struct buf b = BUF_INIT;
	size_t cut = utf8_prefix_chars(text, strlen(text), SOURCE_MAX);
	buf_printf(&b, "title: %s\ntext: %.*s", title ? title : "", (int)cut, text);
	l->texts[l->n++] = buf_detach(&b);
}

struct feed_ctx {
	struct lang *en;
	size_t taken;
};

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	(void)doc;
	struct feed_ctx *c = ctx;
	if (c->taken >= PER_FEED || !it->text || !is_english(it->text))
		return 0;
	add_text(c->en, it->title, it->text);
	c->taken++;
	return 0;
}

/* English: items of the corpus's realworld feeds. */
static void
load_en(const char *shared, struct lang *en)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/corpus/MANIFEST.tsv", shared);
	struct buf m = BUF_INIT;
	struct err e;
	if (fs_read_all(path, &m, &e) < 0) {
		fprintf(stderr, "bench_grounding: %s\n", e.msg);
		exit(77);
	}
	char *save = NULL;
	for (char *line = strtok_r(m.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		if (!tab || !strstr(line, "\trealworld\t"))
			continue;
		*tab = 0;
		snprintf(path, sizeof path, "%s/corpus/%s", shared, line);
		struct buf f = BUF_INIT;
		if (fs_read_all(path, &f, &e) == 0) {
			struct arena a = ARENA_INIT;
			struct feed_doc doc;
			struct feed_ctx c = {en, 0};
			feed_parse(f.data, f.len, NULL, &a, on_item, &c, &doc);
			arena_free(&a);
		}
		buf_free(&f);
	}
	buf_free(&m);
}

/* Chinese: seed documents and readability pages, cut into paragraph groups of ~600 bytes+. */
static void
add_chunks(struct lang *zh, const char *name, const char *text)
{
	struct buf chunk = BUF_INIT;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && (unsigned char)p[0] != '#' && p[0] != '!' && p[0] != '<' && p[0] != '-') {
			buf_append(&chunk, p, len);
			buf_putc(&chunk, '\n');
		}
		if (chunk.len >= 600 || !nl) {
			if (cjk_share(buf_str(&chunk)) > 0.5)
				add_text(zh, name, buf_str(&chunk));
			buf_clear(&chunk);
		}
		p += len + (nl ? 1 : 0);
	}
	buf_free(&chunk);
}

static void
load_zh(const char *shared, struct lang *zh)
{
	char path[4096];
	struct err e;
	snprintf(path, sizeof path, "%s/seeds", shared);
	DIR *d = opendir(path);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (!str_ends(de->d_name, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/seeds/%s", shared, de->d_name);
		struct buf f = BUF_INIT;
		if (fs_read_all(path, &f, &e) == 0)
			add_chunks(zh, de->d_name, buf_str(&f));
		buf_free(&f);
	}
	if (d)
		closedir(d);
	static const char *const pages[] = {"gmw", "qq", "youth", "pixnet"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof path, "%s/corpus/fulltext/mozilla-readability/test-pages/%s/expected.html", shared,
		         pages[i]);
		struct buf f = BUF_INIT, t = BUF_INIT;
		if (fs_read_all(path, &f, &e) == 0) {
			text_from_html(f.data, f.len, 1 << 20, &t);
			add_chunks(zh, pages[i], buf_str(&t));
		}
		buf_free(&f);
		buf_free(&t);
	}
}

/* Whether needle occurs in any of the piece's sources (plain substring, case-insensitive for
 * ASCII): the independent truth for injected claims. */
static int
in_sources(char *const *src, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (str_icasestr(src[i], strlen(src[i]), needle))
			return 1;
	return 0;
}

/* v (0 < v < 1000) in English words: "twenty-five", "three hundred and twelve". */
static void
en_below_1000(long v, struct buf *out)
{
	static const char *const ones[] = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	                                   "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	                                   "seventeen", "eighteen", "nineteen"};
	static const char *const tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	                                   "ninety"};
	if (v >= 100) {
		buf_printf(out, "%s hundred%s", ones[v / 100], v % 100 ? " and " : "");
		v %= 100;
	}
	if (v >= 20)
		buf_printf(out, "%s%s%s", tens[v / 10], v % 10 ? "-" : "", ones[v % 10]);
	else if (v)
		buf_puts(out, ones[v]);
}

/* v (0 < v < 10000) in Chinese numerals, 零 for skipped places; top: the number's first
 * part, where 10-19 are written 十… rather than 一十…. */
static void
zh_below_10000(long v, int top, struct buf *out)
{
	static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	static const char *const place[] = {"千", "百", "十", ""};
	long p = 1000;
	int started = 0, zero = 0;
	for (int k = 0; k < 4; k++, p /= 10) {
		long dig = v / p % 10;
		if (!dig) {
			zero |= started;
			continue;
		}
		if (zero)
			buf_puts(out, "零");
		zero = 0;
		if (!(p == 10 && dig == 1 && !started && top))
			buf_puts(out, d[dig]);
		buf_puts(out, place[k]);
		started = 1;
	}
}

/* v written in words the way a writer might: English ("forty-two", "three thousand", "nine
 * million") or Chinese numerals (二十五, 三千, 一万五千). Returns 0 when v has no such form
 * here (English: below 1,000, or whole thousands or millions below 1,000 of them; Chinese:
 * below 10^8). */
static int
number_in_words(long v, int en, struct buf *out)
{
	if (v <= 0)
		return 0;
	if (en) {
		if (v < 1000)
			en_below_1000(v, out);
		else if (v % 1000000 == 0 && v / 1000000 < 1000)
			en_below_1000(v / 1000000, out), buf_puts(out, " million");
		else if (v % 1000 == 0 && v / 1000 < 1000)
			en_below_1000(v / 1000, out), buf_puts(out, " thousand");
		else
			return 0;
		return 1;
	}
	if (v >= 100000000)
		return 0;
	if (v >= 10000) {
		zh_below_10000(v / 10000, 1, out);
		buf_puts(out, "万");
		if (v % 10000) {
			if (v % 10000 < 1000)
				buf_puts(out, "零");
			zh_below_10000(v % 10000, 0, out);
		}
	} else {
		zh_below_10000(v, 1, out);
	}
	return 1;
}

/* Whether a claim's text is a figure in words (no ASCII digit in it). */
static int
in_words(const struct claim *c)
{
	if (c->kind != CLAIM_FIGURE)
		return 0;
	for (const char *p = c->text; *p; p++)
		if (is_ascii_digit((unsigned char)*p))
			return 0;
	return 1;
}

/* Reformat a faithful sentence the way a writer might (see the top comment). */
static void
reformat(const char *s, size_t len, int en, struct buf *out)
{
	for (size_t i = 0; i < len;) {
		/* Digits glued to a token ("GPT-4", "rails-1229006573528763-1") are part of it: no
		 * writer reformats them. */
		if (!is_ascii_digit((unsigned char)s[i]) ||
		    (i > 0 && (is_ascii_alnum((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',')) ||
		    (i > 1 && s[i - 1] == '-' && is_ascii_alpha((unsigned char)s[i - 2]))) {
			buf_putc(out, s[i++]);
			continue;
		}
		size_t j = i;
		while (j < len && (is_ascii_digit((unsigned char)s[j]) ||
		                   ((s[j] == ',' || s[j] == '.') && j + 1 < len && is_ascii_digit((unsigned char)s[j + 1]))))
			j++;
		char num[64];
		size_t nl = j - i < sizeof num - 1 ? j - i : sizeof num - 1;
		memcpy(num, s + i, nl);
		num[nl] = 0;
		int has_comma = strchr(num, ',') != NULL, has_dot = strchr(num, '.') != NULL;
		const char *after = s + j;
		int pct = *after == '%';
		int big_unit = strncmp(after, "亿", 3) == 0 || strncmp(after, "万", 3) == 0 || strncmp(after, " million", 8) == 0 ||
		               strncmp(after, " billion", 8) == 0;
		unsigned r = rnd(10);
		if (pct && r < 4) {
			if (en)
				buf_printf(out, "%s percent", num);
			else
				buf_printf(out, "百分之%s", num);
			i = j + 1;
			continue;
		}
		if (big_unit && has_dot && !has_comma && r < 4) {
			buf_printf(out, "%.0f", strtod(num, NULL) + 1e-9); /* rounded */
			i = j;
			continue;
		}
		if (!has_dot && !pct && r < 5) {
			/* toggle thousands separators */
			char digits_only[64];
			size_t k = 0;
			for (const char *p = num; *p; p++)
				if (*p != ',')
					digits_only[k++] = *p;
			digits_only[k] = 0;
			if (has_comma || k < 4 || (k == 4 && digits_only[0] < '3')) {
				buf_puts(out, digits_only); /* also keeps years like 2026 plain */
			} else {
				for (size_t q = 0; q < k; q++) {
					if (q && (k - q) % 3 == 0)
						buf_putc(out, ',');
					buf_putc(out, digits_only[q]);
				}
			}
			i = j;
			continue;
		}
		long whole = 0;
		for (const char *p = num; *p; p++)
			if (is_ascii_digit((unsigned char)*p))
				whole = whole * 10 + (*p - '0');
		int year_like = !has_comma && nl == 4 && whole >= 1900 && whole <= 2100;
		/* A count a writer could spell out: a number standing alone before a word, as in "350
		 * employees" or "3000名员工" (not a date's day, a list's number, "350-bed", an ISBN or
		 * anything inside a quotation, which must stay verbatim). */
		int counted = en ? i > 0 && s[i - 1] == ' ' && j + 1 < len && s[j] == ' ' && s[j + 1] >= 'a' && s[j + 1] <= 'z'
		                 : i > 0 && (unsigned char)s[i - 1] >= 0x80 && j < len && (unsigned char)s[j] >= 0xE0;
		int quoted = memchr(s, '"', len) || str_icasestr(s, len, "“") || str_icasestr(s, len, "「") ||
		             str_icasestr(s, len, "‘");
		if (!has_dot && !pct && !big_unit && !year_like && counted && !quoted && whole > 10 && r >= 8 &&
		    number_in_words(whole, en, out)) {
			i = j; /* in words: forty-two, 三千 */
			continue;
		}
		if (!en && r < 7) {
			for (const char *p = num; *p; p++)
				utf8_put(out, (uint32_t)(unsigned char)*p + 0xFEE0); /* full-width */
			i = j;
			continue;
		}
		buf_puts(out, num);
		i = j;
	}
}

/* Append "[id]" before or after the sentence's final stop. */
static void
cite(struct buf *b, long id)
{
	static const char *const stops[] = {"。", ".", "！", "？", "!", "?"};
	while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\n'))
		b->data[--b->len] = 0;
	for (size_t k = 0; k < 6; k++) {
		size_t l = strlen(stops[k]);
		if (b->len >= l && memcmp(b->data + b->len - l, stops[k], l) == 0) {
			if (rnd(2)) {
				b->len -= l;
				b->data[b->len] = 0;
				buf_printf(b, "[%ld]%s", id, stops[k]);
			} else {
				buf_printf(b, "[%ld]", id);
			}
			return;
		}
	}
	buf_printf(b, "[%ld]", id);
}

/* The check of one draft sentence against the piece: its claims appended to r. */
static void
check(const struct lang *l, struct ground_index *ix, const char *draft, struct arena *a, struct ground_result *r)
{
	ground_check(ix, draft, 0, (l->en ? GROUND_EN : 0) | (l->is_daily ? GROUND_ANY_SOURCE : 0), a, r);
}

/* The checker before grounding (citations and language, check_paragraphs) on one draft
 * sentence: 1 when it has findings. */
static int
old_check(const char *draft, int en, char *const *src)
{
	struct check_rules r;
	check_rules_default(&r, en ? "en" : "zh");
	r.source_count = 3;
	struct buf terms = BUF_INIT, f = BUF_INIT;
	for (size_t i = 0; i < 3; i++)
		buf_puts(&terms, src[i]);
	r.allowed_terms = buf_str(&terms);
	const char *texts[] = {draft};
	int n = check_paragraphs(texts, 1, &r, &f);
	buf_free(&terms);
	buf_free(&f);
	return n > 0;
}

/* A quotation or name taken from another piece for injection (NULL when none fits). */
static const char *
foreign_quote(struct lang *l, size_t piece, char *const *src, size_t n, struct arena *a)
{
	for (int tries = 0; tries < 20; tries++) {
		size_t k = rnd((unsigned)l->n);
		if (k / l->group == piece)
			continue;
		const char *t = strstr(l->texts[k], "text: ");
		t = t ? t + 6 : l->texts[k];
		size_t len = strlen(t);
		if (len < 80)
			continue;
		size_t off = rnd((unsigned)(len / 2));
		while (off < len && ((unsigned char)t[off] & 0xC0) == 0x80)
			off++;
		size_t want = l->en ? 48 : 36; /* bytes: ~8 words / 12 CJK characters */
		size_t cut = off + want < len ? off + want : len;
		while (cut < len && ((unsigned char)t[cut] & 0xC0) == 0x80)
			cut++;
		char *q = arena_strndup(a, t + off, cut - off);
		for (char *p = q; *p; p++)
			if (*p == '"' || *p == '\n' || *p == '[' || *p == ']')
				*p = ' ';
		/* No quote marks of its own inside the made-up quotation. */
		if (strstr(q, "“") || strstr(q, "”") || strstr(q, "「") || strstr(q, "」"))
			continue;
		if (l->en) { /* whole words only */
			char *sp = strchr(q, ' ');
			char *last = strrchr(q, ' ');
			if (!sp || sp == last)
				continue;
			*last = 0;
			q = sp + 1;
			size_t words = 0;
			for (char *p = q; *p; p++)
				words += *p == ' ';
			if (words < 4)
				continue;
		}
		if (!in_sources(src, n, q))
			return q;
	}
	return NULL;
}

static const char *
foreign_name(struct lang *l, size_t piece, char *const *src, size_t n, struct arena *a)
{
	for (int tries = 0; tries < 30; tries++) {
		size_t k = rnd((unsigned)l->n);
		if (k / l->group == piece)
			continue;
		struct claim *c = NULL;
		size_t count = 0, cap = 0;
		claims_extract(l->texts[k], strlen(l->texts[k]), l->en ? CLAIMS_EN : 0, a, &c, &count, &cap);
		for (size_t i = 0; i < count; i++)
			if (c[i].kind == CLAIM_NAME && strlen(c[i].text) >= 4 && !in_sources(src, n, c[i].text))
				return c[i].text;
	}
	return NULL;
}

/* Inject one made-up claim into the faithful sentence f (cited id); the needle to find it in
 * the check's claims goes to *needle and its kind to *kind. Returns 0, or -1 when this kind
 * of injection does not fit. */
static int
inject(struct lang *l, size_t piece, char *const *src, size_t n, const char *f, int type, struct buf *out,
       const char **needle, enum claim_kind *kind, struct arena *a)
{
	int en = l->en;
	buf_clear(out);
	/* Where the clause goes: before the final stop and citation. */
	size_t cut = strlen(f);
	const char *bracket = strrchr(f, '[');
	if (bracket)
		cut = (size_t)(bracket - f);
	while (cut > 0 && (f[cut - 1] == ' ' || f[cut - 1] == '.' || ((unsigned char)f[cut - 1] & 0xC0) == 0x80 ||
	                   (unsigned char)f[cut - 1] >= 0xE0)) {
		/* step back over a final stop (ASCII or a 3-byte CJK mark) */
		if (cut >= 3 && (memcmp(f + cut - 3, "。", 3) == 0 || memcmp(f + cut - 3, "！", 3) == 0 ||
		                 memcmp(f + cut - 3, "？", 3) == 0))
			cut -= 3;
		else if (f[cut - 1] == ' ' || f[cut - 1] == '.')
			cut--;
		else
			break;
	}
	char clause[256];
	switch (type) {
	case 0: { /* a changed figure: the first figure of the sentence, altered */
		struct claim *c = NULL;
		size_t count = 0, cap = 0;
		claims_extract(f, strlen(f), en ? CLAIMS_EN : 0, a, &c, &count, &cap);
		for (size_t i = 0; i < count; i++) {
			if (c[i].kind != CLAIM_FIGURE || c[i].is_version)
				continue;
			const char *at = strstr(f, c[i].text);
			if (!at)
				continue;
			if (in_words(&c[i])) { /* written in words: the first digit of its value changed, in words */
				double v = c[i].value, place = 1;
				if (c[i].is_percent || v != floor(v) || v <= 10 || v >= 1e9)
					continue;
				while (place * 10 <= v)
					place *= 10;
				long lead = (long)(v / place), nl = (lead + 3) % 10 ? (lead + 3) % 10 : 7;
				long nv = (long)(v - (double)lead * place + (double)nl * place);
				struct buf w = BUF_INIT;
				int ok = number_in_words(nv, en, &w);
				char digits[32];
				snprintf(digits, sizeof digits, "%ld", nv);
				if (ok && !in_sources(src, n, buf_str(&w)) && !in_sources(src, n, digits)) {
					buf_append(out, f, (size_t)(at - f));
					buf_puts(out, buf_str(&w));
					buf_puts(out, at + strlen(c[i].text));
					*needle = arena_strdup(a, buf_str(&w));
					*kind = CLAIM_FIGURE;
					buf_free(&w);
					return 0;
				}
				buf_free(&w);
				continue;
			}
			/* Change the first digit of the figure's text. */
			const char *d = at;
			while (*d && !is_ascii_digit((unsigned char)*d))
				d++;
			if (!*d)
				continue;
			char *changed = arena_strdup(a, c[i].text);
			changed[d - at] = (char)('0' + (*d - '0' + 3) % 10);
			if (changed[d - at] == '0' && d == at)
				changed[d - at] = '7';
			if (in_sources(src, n, changed))
				continue;
			buf_append(out, f, (size_t)(at - f));
			buf_puts(out, changed);
			buf_puts(out, at + strlen(c[i].text));
			*needle = changed;
			*kind = CLAIM_FIGURE;
			return 0;
		}
		return -1;
	}
	case 1: { /* an added figure */
		unsigned whole = 11 + rnd(80), tenth = 1 + rnd(9);
		snprintf(clause, sizeof clause, en ? ", up %u.%u%% year on year" : "，同比增长%u.%u%%", whole, tenth);
		*needle = arena_printf(a, "%u.%u%%", whole, tenth);
		*kind = CLAIM_FIGURE;
		if (in_sources(src, n, *needle))
			return -1;
		break;
	}
	case 2: { /* a quotation from elsewhere */
		const char *q = foreign_quote(l, piece, src, n, a);
		if (!q)
			return -1;
		snprintf(clause, sizeof clause, en ? ", and an executive said: \"%s\"" : "，一位高管表示：“%s”", q);
		*needle = q;
		*kind = CLAIM_QUOTE;
		break;
	}
	case 3: { /* a name from elsewhere */
		const char *name = foreign_name(l, piece, src, n, a);
		if (!name)
			return -1;
		snprintf(clause, sizeof clause, en ? ", according to %s" : "，据%s透露", name);
		*needle = name;
		*kind = CLAIM_NAME;
		break;
	}
	default: { /* a changed date */
		struct claim *c = NULL;
		size_t count = 0, cap = 0;
		claims_extract(f, strlen(f), en ? CLAIMS_EN : 0, a, &c, &count, &cap);
		for (size_t i = 0; i < count; i++) {
			if (c[i].kind != CLAIM_DATE || !c[i].day)
				continue;
			const char *at = strstr(f, c[i].text);
			if (!at)
				continue;
			int day = c[i].day % 28 + 1 + (int)rnd(3);
			char repl[64];
			if (c[i].year && en)
				snprintf(repl, sizeof repl, "%d-%02d-%02d", c[i].year, c[i].month, day);
			else if (en)
				snprintf(repl, sizeof repl, "%s %d", (const char *[]){"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[c[i].month - 1], day);
			else
				snprintf(repl, sizeof repl, "%d月%d日", c[i].month, day);
			if (in_sources(src, n, repl))
				continue;
			buf_append(out, f, (size_t)(at - f));
			buf_puts(out, repl);
			buf_puts(out, at + strlen(c[i].text));
			*needle = arena_strdup(a, repl);
			*kind = CLAIM_DATE;
			return 0;
		}
		return -1;
	}
	}
	buf_append(out, f, cut);
	buf_puts(out, clause);
	buf_puts(out, f + cut);
	return 0;
}

/* Whether claim c is the injected one (its text or key contains the needle). */
static int
is_needle(const struct ground_claim *c, enum claim_kind kind, const char *needle, struct arena *a)
{
	if (c->c.kind != kind)
		return 0;
	if (kind == CLAIM_QUOTE) {
		struct buf k = BUF_INIT;
		claims_quote_key(needle, strlen(needle), &k);
		int hit = c->c.key && strstr(c->c.key, buf_str(&k)) != NULL;
		buf_free(&k);
		return hit;
	}
	(void)a;
	return strstr(c->c.text, needle) != NULL || (kind == CLAIM_NAME && str_icasestr(c->c.text, strlen(c->c.text), needle));
}

static void
run(struct lang *l)
{
	/* Each row draws its injections from the same start: a rule that reads one more Chinese
	 * figure must not change which English claims the next row corrupts. */
	rng = 12345;
	struct arena a = ARENA_INIT;
	struct buf draft = BUF_INIT, injected = BUF_INIT;
	int type = 0;
	size_t g = l->group;
	for (size_t piece = 0; piece * g + g - 1 < l->n; piece++) {
		char *const *src = &l->texts[piece * g];
		struct ground_source gs[3];
		for (size_t i = 0; i < g; i++)
			gs[i] = (struct ground_source){(long)i + 1, src[i], NULL};
		struct ground_index *ix = ground_index_new(gs, g, &a);
		const char *other = NULL; /* a claim of an earlier source of the piece */
		long other_id = 0;
		for (size_t i = 0; i < g; i++) {
			const char *t = strstr(src[i], "text: ");
			t = t ? t + 6 : src[i];
			struct ground_sentence *ss;
			size_t ns = ground_sentences(t, &a, &ss);
			for (size_t k = 0; k < ns; k++) {
				const char *s = t + ss[k].start;
				size_t len = ss[k].end - ss[k].start;
				if (len < 20 || len > 600 || memchr(s, '[', len))
					continue;
				struct claim *c = NULL;
				size_t count = 0, cap = 0;
				claims_extract(s, len, l->en ? CLAIMS_EN : 0, &a, &c, &count, &cap);
				if (!count)
					continue;
				/* Restated: the sentence's claims pulled into a sentence of our own; when an
				 * earlier source of the piece had a claim, that one joins in, cited too. */
				buf_clear(&draft);
				buf_puts(&draft, l->en ? "The report mentions " : "报道提到了");
				for (size_t q = 0; q < count && q < 4; q++)
					buf_printf(&draft, "%s%s", q ? (l->en ? ", " : "、") : "", c[q].text);
				if (other && other_id != (long)i + 1)
					buf_printf(&draft, l->en ? ", and another mentions %s" : "，另一篇提到%s", other);
				buf_puts(&draft, l->en ? "." : "。");
				if (other && other_id != (long)i + 1)
					buf_printf(&draft, "[%ld]", other_id);
				if (!l->is_daily) /* a daily summary cites nothing */
					cite(&draft, (long)i + 1);
				if (c[0].kind != CLAIM_QUOTE) {
					other = c[0].text;
					other_id = (long)i + 1;
				}
				struct ground_result rr = {0};
				check(l, ix, buf_str(&draft), &a, &rr);
				l->faithful += (long)rr.count;
				l->flagged += (long)rr.bad;
				l->restated += (long)rr.count;
				l->restated_flagged += (long)rr.bad;
				if (verbose && rr.bad)
					for (size_t q = 0; q < rr.count; q++)
						if (rr.claims[q].status != GROUND_OK)
							fprintf(stderr, "false flag (restated, %s %s): %s\n    in: %s\n",
							        claim_kind_name(rr.claims[q].c.kind), ground_status_name(rr.claims[q].status),
							        rr.claims[q].c.text, buf_str(&draft));
				/* Copied and reformatted. */
				buf_clear(&draft);
				reformat(s, len, l->en, &draft);
				if (!l->is_daily)
					cite(&draft, (long)i + 1);
				struct ground_result r = {0};
				check(l, ix, buf_str(&draft), &a, &r);
				l->faithful += (long)r.count;
				l->flagged += (long)r.bad;
				for (size_t q = 0; q < r.count; q++)
					if (in_words(&r.claims[q].c)) {
						l->words_faithful++;
						l->words_flagged += r.claims[q].status != GROUND_OK;
					}
				if (!l->is_daily && old_check(buf_str(&draft), l->en, src))
					l->old_flagged += (long)r.count; /* the daily had no check at all before */
				if (verbose && r.bad)
					for (size_t q = 0; q < r.count; q++)
						if (r.claims[q].status != GROUND_OK)
							fprintf(stderr, "false flag (%s %s): %s\n    in: %s\n", claim_kind_name(r.claims[q].c.kind),
							        ground_status_name(r.claims[q].status), r.claims[q].c.text, buf_str(&draft));
				if (r.bad)
					continue; /* inject only into sentences that pass */
				const char *needle = NULL;
				enum claim_kind kind = CLAIM_FIGURE;
				int t0 = type;
				while (inject(l, piece, src, g, buf_str(&draft), type % 5, &injected, &needle, &kind, &a) < 0) {
					type++;
					if (type - t0 >= 5)
						break;
				}
				if (type - t0 >= 5)
					continue;
				type++;
				struct ground_result ri = {0};
				check(l, ix, buf_str(&injected), &a, &ri);
				int caught = 0;
				for (size_t q = 0; q < ri.count; q++)
					if (is_needle(&ri.claims[q], kind, needle, &a) && ri.claims[q].status != GROUND_OK)
						caught = 1;
				l->injected++;
				l->caught += caught;
				l->old_caught += !l->is_daily && old_check(buf_str(&injected), l->en, src);
				l->kind_inj[kind]++;
				l->kind_caught[kind] += caught;
				if (kind == CLAIM_FIGURE && !strpbrk(needle, "0123456789")) {
					l->words_injected++;
					l->words_caught += caught;
				}
				if (verbose && !caught)
					fprintf(stderr, "missed %s \"%s\": %s\n", claim_kind_name(kind), needle, buf_str(&injected));
			}
		}
		arena_reset(&a);
	}
	buf_free(&draft);
	buf_free(&injected);
	arena_free(&a);
}

static void
report(const struct lang *l)
{
	printf("%s: %zu sources (%zu pieces of %zu)\n", l->name, l->n, l->n / l->group, l->group);
	printf("  faithful claims %ld, flagged %ld: false-flag rate %.1f%% (before grounding: %ld flagged, %.1f%%)\n",
	       l->faithful, l->flagged, l->faithful ? 100.0 * (double)l->flagged / (double)l->faithful : 0, l->old_flagged,
	       l->faithful ? 100.0 * (double)l->old_flagged / (double)l->faithful : 0);
	printf("    of which restated in a sentence of the bench's own: %ld, flagged %ld (%.1f%%)\n", l->restated,
	       l->restated_flagged, l->restated ? 100.0 * (double)l->restated_flagged / (double)l->restated : 0);
	printf("  injected claims %ld, caught %ld: catch rate %.1f%% (before grounding: %ld caught, %.1f%%)\n", l->injected,
	       l->caught, l->injected ? 100.0 * (double)l->caught / (double)l->injected : 0, l->old_caught,
	       l->injected ? 100.0 * (double)l->old_caught / (double)l->injected : 0);
	printf("  by kind:");
	for (int k = 0; k < 4; k++)
		printf(" %s %ld/%ld", claim_kind_name((enum claim_kind)k), l->kind_caught[k], l->kind_inj[k]);
	printf("\n");
	printf("  figures written in words (forty-two, 三千): faithful %ld, flagged %ld; injected %ld, caught %ld\n",
	       l->words_faithful, l->words_flagged, l->words_injected, l->words_caught);
}

int
main(int argc, char **argv)
{
	const char *shared = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else
			shared = argv[i];
	}
	if (!shared)
		shared = getenv("BRIEF_SHARED");
#ifdef BRIEF_SHARED_DIR
	if (!shared)
		shared = BRIEF_SHARED_DIR;
#endif
	if (!shared) {
		fprintf(stderr, "usage: bench_grounding SHARED_DIR [-v]\n");
		return 2;
	}
	static struct lang en = {.name = "en", .en = 1, .group = 3}, zh = {.name = "zh", .en = 0, .group = 3};
	load_en(shared, &en);
	load_zh(shared, &zh);
	/* a rate over no text is no measurement: a missing seeds or pages directory, or feeds
	 * that no longer parse, must not print 0 % flagged */
	if (!en.n || !zh.n) {
		fprintf(stderr, "bench_grounding: no %s texts under %s (%s)\n", en.n ? "Chinese" : "English", shared,
		        en.n ? "seeds/*.txt and the corpus's Chinese Readability pages"
		             : "the realworld feeds of corpus/MANIFEST.tsv");
		return 1;
	}
	/* The daily's rule over the same texts: each one article alone, sentences uncited. */
	static struct lang den, dzh;
	den = (struct lang){.name = "en, daily", .en = 1, .group = 1, .is_daily = 1};
	dzh = (struct lang){.name = "zh, daily", .en = 0, .group = 1, .is_daily = 1};
	memcpy(den.texts, en.texts, sizeof en.texts);
	den.n = en.n;
	memcpy(dzh.texts, zh.texts, sizeof zh.texts);
	dzh.n = zh.n;
	run(&en);
	run(&zh);
	run(&den);
	run(&dzh);
	const struct lang *const all[] = {&en, &zh, &den, &dzh};
	for (size_t i = 0; i < 4; i++)
		if (!all[i]->faithful || !all[i]->injected) {
			fprintf(stderr, "bench_grounding: %s: %ld faithful sentences, %ld injected claims: nothing to measure\n",
			        all[i]->name, all[i]->faithful, all[i]->injected);
			return 1;
		}
	printf("grounding bench (claims checked against their cited sources; corpus: %s)\n", shared);
	report(&en);
	report(&zh);
	printf("the daily's rule (a summary against its one article, no citations; before session 14 nothing "
	       "of the daily was checked: 0 caught):\n");
	report(&den);
	report(&dzh);
	for (size_t i = 0; i < en.n; i++)
		free(en.texts[i]);
	for (size_t i = 0; i < zh.n; i++)
		free(zh.texts[i]);
	return 0;
}
