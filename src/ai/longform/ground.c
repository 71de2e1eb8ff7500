/* ground.c: checking claims against the sources (matching rules in ground.h), the sentence
 * split with per-sentence citation scope, the repair (removal, added citations) and the
 * re-ask text. Pure functions over arena memory. */
#include "ai/longform/ground.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/commentary.h" /* check_citation */
#include "util/str.h"
#include "util/timeutil.h"
#include "util/utf8.h"

/* One source, read. */
struct gsrc {
	long id;
	const char *key;        /* claims_quote_key of the whole text */
	const char *marks;      /* its claims_quote_key_marked marks, one per byte of key */
	struct claim *claims;   /* figures and dates of the text (all figures) */
	size_t claim_count;
	const char **words;     /* sorted lowercase Latin tokens, also without joiners */
	size_t word_count;
	int year, month, day;   /* publication date, 0 when unknown */
	int has_quote;          /* the text has a quotation of its own */
};

struct ground_index {
	struct gsrc *src;
	size_t n;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The Latin tokens of text (lowercased, joiners kept) and the same without joiners. */
static void
read_words(struct gsrc *g, const char *text, struct arena *arena)
{
	size_t cap = 64, n = 0;
	const char **w = xmalloc(cap * sizeof *w);
	struct buf f = BUF_INIT;
	claims_fold(text, strlen(text), &f);
	const char *t = buf_str(&f);
	for (size_t i = 0; i < f.len;) {
		if (!is_ascii_alnum((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < f.len && (is_ascii_alnum((unsigned char)t[j]) ||
		                     ((t[j] == '-' || t[j] == '.' || t[j] == '_' || t[j] == '+') && j + 1 < f.len &&
		                      is_ascii_alnum((unsigned char)t[j + 1]))))
			j++;
		char *a = arena_strndup(arena, t + i, j - i), *b = arena_strndup(arena, t + i, j - i);
		size_t k = 0;
		for (char *p = a; *p; p++) {
			*p = (char)ascii_lower((unsigned char)*p);
			if (is_ascii_alnum((unsigned char)*p))
				b[k++] = *p;
		}
		b[k] = 0;
		if (n + 2 > cap) {
			cap *= 2;
			w = xrealloc(w, cap * sizeof *w);
		}
		w[n++] = a;
		if (strcmp(a, b) != 0)
			w[n++] = b;
		/* The tails after each joiner too ("2-out-of-3" has "out-of-3"), since a draft's
		 * token starts at its first letter when digits lead; and the letters after leading
		 * digits ("4gb" has "gb": a draft's "4 GB" reads its unit as a name). */
		const char *tail = a;
		while (is_ascii_digit((unsigned char)*tail))
			tail++;
		if (tail > a && is_ascii_alpha((unsigned char)*tail)) {
			if (n + 1 > cap) {
				cap *= 2;
				w = xrealloc(w, cap * sizeof *w);
			}
			w[n++] = tail;
		}
		for (char *p = a; *p; p++) {
			if ((*p == '-' || *p == '.' || *p == '_' || *p == '+') && p[1]) {
				if (n + 1 > cap) {
					cap *= 2;
					w = xrealloc(w, cap * sizeof *w);
				}
				w[n++] = p + 1;
			}
		}
		i = j;
	}
	buf_free(&f);
	qsort(w, n, sizeof *w, cmp_str);
	g->words = arena_alloc(arena, (n + 1) * sizeof *g->words);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || strcmp(g->words[u - 1], w[i]) != 0)
			g->words[u++] = w[i];
	g->word_count = u;
	free(w);
}

/* Add to g the date of the day `days` after epoch day 0 as a date its text gives (label: the
 * words that gave it). */
static void
add_day(struct gsrc *g, const char *label, int64_t days, struct arena *arena)
{
	struct claim *n = arena_alloc(arena, (g->claim_count + 1) * sizeof *n);
	if (g->claim_count)
		memcpy(n, g->claims, g->claim_count * sizeof *n);
	memset(&n[g->claim_count], 0, sizeof *n);
	n[g->claim_count].kind = CLAIM_DATE;
	n[g->claim_count].text = label;
	int hh, mm, ss;
	time_to_utc(days * 86400, &n[g->claim_count].year, &n[g->claim_count].month, &n[g->claim_count].day, &hh, &mm,
	            &ss);
	g->claims = n;
	g->claim_count++;
}

/* The count of days written right before text[0..at) ("2 ", "two ", "3", "三"): 2..30,
 * 0 when none. cjk: Chinese (a digit or one numeral, no space). */
static int
days_before(const char *text, size_t at, int cjk)
{
	static const char *const words[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
	static const char *const zh[] = {"两", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	size_t e = at;
	if (!cjk) {
		if (e == 0 || text[e - 1] != ' ')
			return 0;
		e--;
	}
	size_t b = e;
	while (b > 0 && is_ascii_digit((unsigned char)text[b - 1]))
		b--;
	if (b < e && e - b <= 2 && !(b > 0 && (is_ascii_alnum((unsigned char)text[b - 1]) || text[b - 1] == '.'))) {
		int v = (int)strtol(text + b, NULL, 10);
		return v >= 2 && v <= 30 ? v : 0;
	}
	for (size_t k = 0; k < (cjk ? sizeof zh / sizeof *zh : sizeof words / sizeof *words); k++) {
		const char *w = cjk ? zh[k] : words[k];
		size_t l = strlen(w);
		if (e < l || (cjk ? strncmp(text + e - l, w, l) : str_ncasecmp(text + e - l, w, l)) != 0)
			continue;
		if (!cjk && e > l && (is_ascii_alpha((unsigned char)text[e - l - 1]) || text[e - l - 1] == '-'))
			return 0; /* twenty-two: not one number word */
		for (size_t z = 0; cjk && e >= l + 3 && z <= sizeof zh / sizeof *zh; z++)
			if (strncmp(text + e - l - 3, z < sizeof zh / sizeof *zh ? zh[z] : "几", 3) == 0 ||
			    strncmp(text + e - l - 3, "一", 3) == 0 || strncmp(text + e - l - 3, "数", 3) == 0)
				return 0; /* 二十三, 一两, 几十: not one numeral */
		return cjk ? (k == 0 ? 2 : (int)k + 1) : (int)k + 2;
	}
	return 0;
}

/* The weekday (Monday 0 .. Sunday 6) named at p: an English name (after "last ") or a
 * Chinese one (after 上周 / 上星期: 一..六, 日, 天); -1 when none, its bytes in *n. */
static int
weekday_at(const char *p, int cjk, size_t *n)
{
	static const char *const en[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
	static const char *const zh[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
	for (int k = 0; k < (cjk ? 8 : 7); k++) {
		const char *w = cjk ? zh[k] : en[k];
		*n = strlen(w);
		if ((cjk ? strncmp(p, w, *n) : str_ncasecmp(p, w, *n)) == 0 && !(!cjk && is_ascii_alpha((unsigned char)p[*n])))
			return k < 7 ? k : 6;
	}
	return -1;
}

/* Add to g (its publication date known) the dates its text gives relative to that day:
 * "yesterday", "tomorrow", 昨天, 昨日, 前天, 大前天, 明天, "N days ago" and N天前 (2 to 30), "last
 * Tuesday" (the last Tuesday before the day) and 上周二 / 上星期二 (the Tuesday of the week
 * before, weeks starting on Monday); today is the publication date, which supports a draft's
 * date already. A draft that writes the day such words mean is then supported.
 * "yesterday's" (yesterday's tools) is no date. */
static void
relative_dates(struct gsrc *g, const char *text, struct arena *arena)
{
	static const struct {
		const char *w;
		int days;
	} words[] = {{"yesterday", -1}, {"tomorrow", 1}, {"昨天", -1}, {"昨日", -1}, {"前天", -2}, {"大前天", -3},
	             {"明天", 1}};
	if (!g->month || !g->day)
		return;
	int64_t pub = time_days_from_civil(g->year, (unsigned)g->month, (unsigned)g->day);
	int pub_wd = (int)(((pub + 3) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t l = strlen(words[k].w);
		int latin = is_ascii_alpha((unsigned char)words[k].w[0]);
		for (const char *p = text; *p; p++) {
			if (latin ? str_ncasecmp(p, words[k].w, l) != 0 : strncmp(p, words[k].w, l) != 0)
				continue;
			if (latin && ((p > text && is_ascii_alpha((unsigned char)p[-1])) || is_ascii_alpha((unsigned char)p[l]) ||
			              (p[l] == '\'' && p[l + 1] == 's') || strncmp(p + l, "’s", strlen("’s")) == 0))
				continue;
			if (words[k].days == -2 && p - text >= 3 && strncmp(p - 3, "大", 3) == 0)
				continue; /* 大前天 is three days before */
			add_day(g, words[k].w, pub + words[k].days, arena);
			break; /* once per word is enough */
		}
	}
	for (const char *p = text; *p; p++) {
		size_t n;
		int d, wd;
		if (str_ncasecmp(p, "days ago", 8) == 0 && !is_ascii_alpha((unsigned char)p[8]) &&
		    (d = days_before(text, (size_t)(p - text), 0)) > 0)
			add_day(g, "days ago", pub - d, arena);
		else if (strncmp(p, "天前", strlen("天前")) == 0 && (d = days_before(text, (size_t)(p - text), 1)) > 0)
			add_day(g, "天前", pub - d, arena);
		else if (str_ncasecmp(p, "last ", 5) == 0 && !(p > text && is_ascii_alpha((unsigned char)p[-1])) &&
		         (wd = weekday_at(p + 5, 0, &n)) >= 0)
			add_day(g, "last", pub - ((pub_wd - wd + 6) % 7 + 1), arena);
		else if ((strncmp(p, "上周", strlen("上周")) == 0 || strncmp(p, "上週", strlen("上週")) == 0 ||
		          strncmp(p, "上星期", strlen("上星期")) == 0) &&
		         (wd = weekday_at(p + (strncmp(p, "上星期", strlen("上星期")) == 0 ? strlen("上星期") : strlen("上周")),
		                          1, &n)) >= 0)
			add_day(g, "上周", pub - pub_wd - 7 + wd, arena);
	}
}

struct ground_index *
ground_index_new(const struct ground_source *sources, size_t n, struct arena *arena)
{
	struct ground_index *ix = arena_alloc(arena, sizeof *ix);
	ix->n = n;
	ix->src = arena_alloc(arena, (n + 1) * sizeof *ix->src);
	for (size_t i = 0; i < n; i++) {
		struct gsrc *g = &ix->src[i];
		memset(g, 0, sizeof *g);
		g->id = sources[i].id;
		const char *text = sources[i].text ? sources[i].text : "";
		struct buf key = BUF_INIT, marks = BUF_INIT;
		claims_quote_key_marked(text, strlen(text), &key, &marks);
		g->key = arena_strdup(arena, buf_str(&key));
		g->marks = arena_alloc(arena, key.len + 1);
		if (key.len)
			memcpy((char *)g->marks, marks.data, key.len);
		buf_free(&key);
		buf_free(&marks);
		size_t cap = 0;
		claims_extract(text, strlen(text), CLAIMS_ALL_FIGURES, arena, &g->claims, &g->claim_count, &cap);
		for (size_t k = 0; k < g->claim_count; k++)
			g->has_quote |= g->claims[k].kind == CLAIM_QUOTE;
		read_words(g, text, arena);
		const char *d = sources[i].date;
		if (d && strlen(d) >= 10 && d[4] == '-' && d[7] == '-') {
			g->year = (int)strtol(d, NULL, 10);
			g->month = (int)strtol(d + 5, NULL, 10);
			g->day = (int)strtol(d + 8, NULL, 10);
			relative_dates(g, text, arena);
		}
	}
	return ix;
}

static int
has_word(const struct gsrc *g, const char *w)
{
	return bsearch(&w, g->words, g->word_count, sizeof *g->words, cmp_str) != NULL;
}

/* Whether the word w[0..len) of a name is in g (as is, without joiners, or without a plural s).
 * A word of any length: read_words indexes long ones (a 140-character class name) too. */
static int
name_word_in(const struct gsrc *g, const char *w, size_t len)
{
	char small[2][128];
	char *heap = len >= sizeof small[0] ? xmalloc(2 * (len + 1)) : NULL;
	char *buf = heap ? heap : small[0], *bare = heap ? heap + len + 1 : small[1];
	memcpy(buf, w, len);
	buf[len] = 0;
	size_t k = 0;
	for (size_t i = 0; i < len; i++)
		if (is_ascii_alnum((unsigned char)w[i]))
			bare[k++] = w[i];
	bare[k] = 0;
	int found = has_word(g, buf) || has_word(g, bare);
	if (!found && k > 3 && bare[k - 1] == 's') {
		bare[k - 1] = 0;
		found = has_word(g, bare);
	}
	free(heap);
	return found;
}

static int
dates_agree(int y1, int m1, int d1, int y2, int m2, int d2)
{
	return m2 && (!y1 || !y2 || y1 == y2) && m1 == m2 && (!d1 || !d2 || d1 == d2);
}

/* Whether quotation key q (pieces separated by CLAIMS_GAP) is in the key of source g, each
 * piece in order, beginning and ending where the source's words do (not "reliable" in
 * "unreliable") and not right after a negation the quotation left out (a first piece may
 * when the draft writes a negation before the quotation: negated). */
static int
quote_in(const struct gsrc *g, const char *q, int negated)
{
	char *copy = xstrdup(q);
	int ok = 1, pieces = 0;
	char *save = NULL;
	const char gap[2] = {CLAIMS_GAP, 0};
	const char *s = g->key;
	for (char *p = strtok_r(copy, gap, &save); p && ok; p = strtok_r(NULL, gap, &save)) {
		size_t n = strlen(p);
		int latin_start = is_ascii_alnum((unsigned char)p[0]), latin_end = is_ascii_alnum((unsigned char)p[n - 1]);
		const char *hit = strstr(s, p);
		for (; hit; hit = strstr(hit + 1, p)) {
			unsigned char m0 = (unsigned char)g->marks[hit - g->key], m1 = (unsigned char)g->marks[hit - g->key + n - 1];
			if ((!latin_start || (m0 & CLAIMS_WORD_START)) && (!latin_end || (m1 & CLAIMS_WORD_END)) &&
			    (!(m0 & CLAIMS_AFTER_NEG) || (negated && pieces == 0)))
				break;
		}
		pieces++;
		ok = hit != NULL;
		if (hit)
			s = hit + n; /* the next piece comes after this one */
	}
	free(copy);
	return ok && pieces > 0;
}

/* The bound of figure c for comparing: its own, or a maximum for "nearly" (近5000 is below
 * 5,000, so "over 5,000" contradicts it). */
static int
bound_of(const struct claim *c)
{
	return c->bound ? c->bound : c->qualifier == CLAIM_NEARLY ? -1 : 0;
}

/* Whether a source's value v supports the draft's figure c: within half the place of c's last
 * written digit (a rounding), or, when c is qualified, within the step P of its last non-zero
 * place (5000: 1,000; 4,800: 100; 1.2亿: 1,000万): "about" v±P/2, "nearly" and "under" from
 * v−P, "over" and "at least" up to v+P, so "近5000" and "超过4000" hold 4,800 and "超过5000"
 * does not; "up to" (a maximum) is not widened. exact: the source figure has no qualifier or
 * bound of its own. */
static int
in_window(const struct claim *c, double v, int exact)
{
	double half = c->unit / 2 + 1e-9 * fabs(c->value), eps = 1e-9 * fabs(c->value);
	/* A figure rounded to its last place (4万, 三千) rounds on the side its word says against an
	 * exact source figure: "近4万" is not 44,000, "超3万" not 27,000 (a range, 近四成, holds its
	 * bound already; a source's own bound, 超4.7万, may be rounded as before, 超5万) */
	if (exact && !c->is_range &&
	    (((c->qualifier == CLAIM_NEARLY || c->bound < 0) && v > c->value + eps) || (c->bound == 1 && v < c->value - eps)))
		return 0;
	if (fabs(v - c->value) <= half)
		return 1;
	if (!c->qualifier && c->bound != 1 && c->bound != -1)
		return 0;
	double p = c->unit;
	while (fabs(c->value) >= 10 * p && fabs(fmod(c->value, 10 * p)) < 1e-9 * fabs(c->value))
		p *= 10;
	if (c->qualifier == CLAIM_ABOUT)
		return fabs(v - c->value) < p / 2;
	if (c->qualifier == CLAIM_NEARLY || c->bound == -1)
		return v > c->value - p && v <= c->value + half;
	return v >= c->value - half && v < c->value + p;
}

/* Whether units of measure a and b measure the same kind (bytes, watts, seconds ...), or
 * either is none. */
static int
same_kind(const char *a, const char *b)
{
	const char *ba, *bb;
	if (!a || !b)
		return 1;
	claims_measure_scale(a, &ba);
	claims_measure_scale(b, &bb);
	return strcmp(ba, bb) == 0;
}

/* The factor that turns an amount in unit from into one in unit to (1.2 GW into 1,200,000
 * kW), 1 when either is none. */
static double
measure_ratio(const char *from, const char *to)
{
	const char *base;
	if (!from || !to)
		return 1;
	return claims_measure_scale(from, &base) / claims_measure_scale(to, &base);
}

/* Whether the subjects a[0..la) and b[0..lb) (claims.h, lowercase words) name the same thing:
 * equal, up to a plural or possessive s. */
static int
same_subject_n(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > 1 && a[la - 1] == 's' && la == lb + 1)
		la--;
	else if (lb > 1 && b[lb - 1] == 's' && lb == la + 1)
		lb--;
	return la == lb && memcmp(a, b, la) == 0;
}

static int
same_subject(const char *a, const char *b)
{
	return same_subject_n(a, strlen(a), b, strlen(b));
}

static int figure_matches(const struct claim *s, const struct claim *c);

/* Whether the subject w is one of the space-separated subjects list (of any length: a name
 * the length of a hash is still the name the source gives). */
static int
among_subjects(const char *list, const char *w)
{
	size_t lw = strlen(w);
	for (const char *p = list; p && *p;) {
		size_t l = strcspn(p, " ");
		if (l && same_subject_n(p, l, w, lw))
			return 1;
		p += l;
		while (*p == ' ')
			p++;
	}
	return 0;
}

/* Whether figure c is a year, a whole number from 1900 to 2100 with no unit but 年 (字节跳动在
 * 2026年…编制1000亿: a time, not an amount its subject has). */
static int
is_year(const struct claim *c)
{
	return !c->is_percent && !c->is_multiple && (!c->measure || strcmp(c->measure, "yr") == 0) && c->unit == 1 &&
	       c->value >= 1900 && c->value <= 2100;
}

/* Whether source figure s, which matches the draft's figure c, is another subject's: c has a
 * subject, no name in c's clause is s's subject, and s's sentence gives c's subject a figure
 * of its own that does not match c ("Google's revenue rose 8% and Apple's 3%" does not
 * support "Apple's revenue rose 8%"). A source that gives c's subject no other figure in that
 * sentence is no contradiction. */
static int
other_subject(const struct gsrc *g, const struct claim *s, const struct claim *c)
{
	if (!c->subject || !s->subject || among_subjects(c->subjects, s->subject))
		return 0;
	for (size_t i = 0; i < g->claim_count; i++) {
		const struct claim *o = &g->claims[i];
		if (o != s && o->kind == CLAIM_FIGURE && !o->is_version && !is_year(o) && o->sentence == s->sentence && o->subject &&
		    same_subject(o->subject, c->subject) && o->is_percent == c->is_percent &&
		    o->is_multiple == c->is_multiple && same_kind(o->measure, c->measure) && !figure_matches(o, c))
			return 1;
	}
	return 0;
}

/* Whether source figure s gives the draft's figure c with payer and payee the other way round,
 * in a sentence of the same shape ("Google pays Apple $20 billion" for "Apple pays Google $20
 * billion"; "Apple charges Google" is the other shape, and "Google receives ... from Apple" has
 * no payee, so neither is read as a swap; a name paid by itself, "D 1.4 or D 1.5", is none). */
static int
swapped_roles(const struct claim *s, const struct claim *c)
{
	return c->subject && c->payee && s->subject && s->payee && c->charged == s->charged &&
	       !same_subject(c->subject, c->payee) && same_subject(c->subject, s->payee) &&
	       same_subject(c->payee, s->subject);
}

/* Whether source figure s matches the draft's figure c by kind, sign, unit, period,
 * direction, bound, basis and value (ground.h). */
static int
figure_matches(const struct claim *s, const struct claim *c)
{
	return s->kind == CLAIM_FIGURE && !s->is_version && s->is_percent == c->is_percent &&
	       s->is_points == c->is_points && s->is_multiple == c->is_multiple && (!c->is_negative || s->is_negative) &&
	       same_kind(c->measure, s->measure) && (!c->period || !s->period || strcmp(c->period, s->period) == 0) &&
	       c->direction * s->direction >= 0 && bound_of(c) * bound_of(s) >= 0 &&
	       (!c->basis || !s->basis || c->basis == s->basis) &&
	       (!c->is_measure || s->is_measure || c->is_percent || c->is_multiple || c->value > 10 || c->unit < 1) &&
	       in_window(c, s->value * measure_ratio(s->measure, c->measure), !s->bound && !s->qualifier);
}

/* Whether source g gives a percentage, not a vague share of its own (a draft's vague share,
 * claims.h, has nothing to contradict in a source that gives none). */
static int
has_percent(const struct gsrc *g)
{
	for (size_t i = 0; i < g->claim_count; i++)
		if (g->claims[i].kind == CLAIM_FIGURE && g->claims[i].is_percent && !g->claims[i].is_points &&
		    !g->claims[i].is_vague)
			return 1;
	return 0;
}

/* Whether source g supports claim c. */
static int
supports(const struct gsrc *g, const struct claim *c)
{
	switch (c->kind) {
	case CLAIM_FIGURE:
		for (size_t i = 0; i < g->claim_count; i++) {
			const struct claim *s = &g->claims[i];
			if (c->is_version) {
				if (s->kind == CLAIM_FIGURE && s->is_version && strcmp(s->key, c->key) == 0)
					return 1;
				continue;
			}
			if (figure_matches(s, c) && !other_subject(g, s, c) && !swapped_roles(s, c))
				return 1;
			if (s->kind == CLAIM_DATE && !c->is_percent && !c->is_multiple && c->unit == 1 && s->year &&
			    c->value == s->year)
				return 1;
		}
		if (c->is_vague)
			return !has_percent(g);
		return !c->is_percent && !c->is_multiple && c->unit == 1 && g->year && c->value == g->year;
	case CLAIM_DATE:
		for (size_t i = 0; i < g->claim_count; i++) {
			const struct claim *s = &g->claims[i];
			if (s->kind == CLAIM_DATE && dates_agree(c->year, c->month, c->day, s->year, s->month, s->day))
				return 1;
		}
		return dates_agree(c->year, c->month, c->day, g->year, g->month, g->day);
	case CLAIM_QUOTE:
		return c->is_translated ? g->has_quote : quote_in(g, c->key, c->is_negated);
	case CLAIM_NAME:
		for (const char *w = c->key; *w;) {
			size_t len = strcspn(w, " ");
			if (!name_word_in(g, w, len))
				return 0;
			w += len;
			while (*w == ' ')
				w++;
		}
		return 1;
	}
	return 0;
}

static void
add_cite(struct ground_sentence *s, long id)
{
	for (size_t i = 0; i < s->cite_count; i++)
		if (s->cites[i] == id)
			return;
	if (s->cite_count < sizeof s->cites / sizeof *s->cites)
		s->cites[s->cite_count++] = id;
}

/* A '.' at t[i] that ends a sentence: followed by a space, a newline, the end, a CJK
 * character, a closing quote or the "**" closing a bold run, not between digits, not after
 * an initial or a common abbreviation, not the "1." of a numbered list item. */
static int
is_full_stop(const char *t, size_t i)
{
	unsigned char next = (unsigned char)t[i + 1];
	if (next && next != ' ' && next != '\n' && next != '"' && next != '[' && next != '*' && next < 0x80)
		return 0;
	if (i > 0 && is_ascii_digit((unsigned char)t[i - 1]) && is_ascii_digit(next))
		return 0;
	size_t d = 0;
	while (d < i && is_ascii_digit((unsigned char)t[i - 1 - d]))
		d++;
	if (d > 0 && d <= 3 && next == ' ' && (d == i || t[i - 1 - d] == '\n'))
		return 0; /* "1. " opening a line is a list marker (mdsubset.h) */
	size_t w = 0;
	while (w < i && is_ascii_alpha((unsigned char)t[i - 1 - w]))
		w++;
	if (w == 1 && t[i - 1] >= 'A' && t[i - 1] <= 'Z')
		return 0; /* U.S., J. Smith */
	/* "Dec. 9", "Sept. 4": an abbreviated month before a day or year (claims.c reads it as a date). */
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
	for (size_t k = 0; k < sizeof mon / sizeof *mon && next == ' ' && is_ascii_digit((unsigned char)t[i + 2]); k++)
		if (w == strlen(mon[k]) && memcmp(t + i - w, mon[k], w) == 0)
			return 0;
	static const char *const abbr[] = {"e.g", "i.e", "vs", "Mr", "Ms", "Dr", "Inc", "Ltd", "Co", "Corp", "St", "No", "etc"};
	for (size_t k = 0; k < sizeof abbr / sizeof *abbr; k++) {
		size_t l = strlen(abbr[k]);
		if (i >= l && memcmp(t + i - l, abbr[k], l) == 0 && (i == l || !is_ascii_alpha((unsigned char)t[i - l - 1])) &&
		    strcmp(abbr[k], "etc") != 0)
			return 0;
	}
	return 1;
}

/* Whether a ’ not followed by a letter (a closing single quote, not an apostrophe) comes in
 * t before the end of its line. */
static int
single_close(const char *t)
{
	for (const char *p = t; *p && *p != '\n'; p++)
		if (strncmp(p, "’", 3) == 0 && !is_ascii_alpha((unsigned char)p[3]))
			return 1;
	return 0;
}

size_t
ground_sentences(const char *t, struct arena *arena, struct ground_sentence **out)
{
	size_t len = strlen(t), cap = 8, n = 0;
	struct ground_sentence *s = arena_alloc(arena, cap * sizeof *s);
	size_t start = 0;
	int depth = 0, title = 0, ascii_open = 0, single = 0;
	for (size_t i = 0; i <= len;) {
		int end = 0;
		size_t step = 1;
		if (i == len) {
			end = 1;
		} else {
			unsigned char c = (unsigned char)t[i];
			if (c >= 0x80) {
				uint32_t cp;
				step = utf8_decode(t + i, len - i, &cp);
				if (cp == 0x300C || cp == 0x300E || cp == 0x201C)
					depth++;
				else if ((cp == 0x300D || cp == 0x300F || cp == 0x201D) && depth > 0)
					depth--;
				/* ‘…’ (claims.c): opens only when closed on its line (‘90s is no quotation);
				 * a ’ before a letter is an apostrophe. */
				else if (cp == 0x2018 && !single && single_close(t + i + step))
					single = 1;
				else if (cp == 0x2019 && single && !is_ascii_alpha((unsigned char)t[i + step]))
					single = 0;
				/* A title in 《》 is no sentence of its own (《Got a question? Ask here
				 * (21/2020)!》[1] is one piece, cited); counted apart, so a stray 》 inside a
				 * quotation does not end it. */
				else if (cp == 0x300A)
					title++;
				else if (cp == 0x300B && title > 0)
					title--;
				else if (!depth && !title && !ascii_open && !single &&
				         (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B))
					end = 1;
			} else if (c == '"') {
				ascii_open = !ascii_open;
			} else if (c == '\n') {
				end = 1;
				depth = title = ascii_open = single = 0;
			} else if (!depth && !title && !ascii_open && !single && (c == '!' || c == '?' || c == ';' || (c == '.' && is_full_stop(t, i)))) {
				end = 1;
			}
		}
		if (!end) {
			i += step;
			continue;
		}
		size_t e = i < len ? i + step : len;
		/* Absorb closing quotes, the "**" closing a bold run (before any space: after one it
		 * opens the next sentence's), spaces and markers. */
		int spaced = 0;
		for (;;) {
			long id;
			size_t m;
			if (e + 1 < len && !spaced && t[e] == '*' && t[e + 1] == '*')
				e += 2;
			else if (e < len && (t[e] == ' ' || (t[e] == '"' && !spaced)))
				spaced |= t[e++] == ' '; /* a '"' after a space opens the next sentence's quotation */
			else if (e < len && (m = check_citation(t + e, &id)))
				e += m;
			else if (e + 3 <= len && (memcmp(t + e, "」", 3) == 0 || memcmp(t + e, "』", 3) == 0 ||
			                          memcmp(t + e, "”", 3) == 0 ||
			                          (memcmp(t + e, "’", 3) == 0 && !is_ascii_alpha((unsigned char)t[e + 3]))))
				e += 3; /* a ’ before a letter is an apostrophe ('’Tis') */
			else
				break;
		}
		/* Skip empty pieces (only spaces or a line break). */
		int blank = 1;
		for (size_t k = start; k < e; k++)
			blank &= is_ascii_space((unsigned char)t[k]);
		if (!blank) {
			if (n == cap) {
				struct ground_sentence *ns = arena_alloc(arena, cap * 2 * sizeof *ns);
				memcpy(ns, s, n * sizeof *s);
				s = ns;
				cap *= 2;
			}
			struct ground_sentence *cur = &s[n++];
			memset(cur, 0, sizeof *cur);
			cur->start = start;
			cur->end = e;
			for (size_t k = start; k < e; k++) {
				long id;
				size_t m = check_citation(t + k, &id);
				if (m) {
					add_cite(cur, id);
					k += m - 1;
				}
			}
		}
		if (i >= len)
			break;
		start = e;
		i = e;
	}
	*out = s;
	return n;
}

/* The verdict on one claim of a sentence citing cites[0..nc) (all sources when any_source). */
static enum ground_status
verify(const struct ground_index *ix, const struct claim *c, const long *cites, size_t nc, int any_source, long *source)
{
	*source = 0;
	long elsewhere = 0;
	for (size_t i = 0; i < ix->n; i++) {
		const struct gsrc *g = &ix->src[i];
		int cited = any_source;
		for (size_t k = 0; k < nc; k++)
			cited |= cites[k] == g->id;
		if (cited && supports(g, c)) {
			*source = g->id;
			return GROUND_OK;
		}
		if (!elsewhere && !cited && supports(g, c))
			elsewhere = g->id;
	}
	if (!elsewhere)
		return GROUND_UNSUPPORTED;
	*source = elsewhere;
	if (nc == 0)
		return c->kind == CLAIM_FIGURE || c->kind == CLAIM_QUOTE ? GROUND_UNCITED : GROUND_OK;
	return GROUND_MISCITED;
}

static void
push_claim(struct ground_result *r, struct arena *arena, const struct ground_claim *gc)
{
	if (r->count == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		struct ground_claim *n = arena_alloc(arena, cap * sizeof *n);
		if (r->count)
			memcpy(n, r->claims, r->count * sizeof *n);
		r->claims = n;
		r->cap = cap;
	}
	r->claims[r->count++] = *gc;
	r->bad += gc->status != GROUND_OK;
}

/* The claims of sentence s of t with their verdicts, appended to r; returns how many are not
 * OK, and in *worst the worst status. */
static size_t
check_sentence(const struct ground_index *ix, const char *t, const struct ground_sentence *s, size_t part, size_t index,
               int flags, struct arena *arena, struct ground_result *r, enum ground_status *worst)
{
	struct claim *cl = NULL;
	size_t count = 0, cap = 0, bad = 0;
	claims_extract(t + s->start, s->end - s->start, flags & GROUND_EN ? CLAIMS_EN : 0, arena, &cl, &count, &cap);
	*worst = GROUND_OK;
	for (size_t i = 0; i < count; i++) {
		struct ground_claim gc = {.c = cl[i], .part = part, .sentence = index};
		gc.status = verify(ix, &cl[i], s->cites, s->cite_count, (flags & GROUND_ANY_SOURCE) != 0, &gc.source);
		bad += gc.status != GROUND_OK;
		if (gc.status > *worst)
			*worst = gc.status;
		if (r)
			push_claim(r, arena, &gc);
	}
	return bad;
}

size_t
ground_check(const struct ground_index *ix, const char *text, size_t part, int flags, struct arena *arena,
             struct ground_result *r)
{
	struct ground_sentence *s;
	size_t n = ground_sentences(text ? text : "", arena, &s), bad = 0;
	for (size_t i = 0; i < n; i++) {
		enum ground_status worst;
		bad += check_sentence(ix, text, &s[i], part, i, flags, arena, r, &worst);
	}
	return bad;
}

/* The citations a repair adds to one sentence: distinct source ids, at most 8. */
struct cite_list {
	long ids[8];
	size_t n;
};

static void
cite_list_add(struct cite_list *l, long id)
{
	for (size_t j = 0; j < l->n; j++)
		if (l->ids[j] == id)
			return;
	if (l->n < sizeof l->ids / sizeof l->ids[0])
		l->ids[l->n++] = id;
}

/* One pass of ground_repair over text, judged sentence by sentence as text splits. */
static const char *
repair_pass(const struct ground_index *ix, const char *text, int flags, struct arena *arena, struct buf *removed,
            size_t *n_removed, size_t *n_cited)
{
	struct ground_sentence *s;
	text = text ? text : "";
	size_t n = ground_sentences(text, arena, &s);
	struct buf out = BUF_INIT;
	size_t kept_cited = 0, had_cites = 0;
	/* The line breaks after a sentence's stop belong to no sentence (ground_sentences skips
	 * blank pieces), so they are put back between the kept ones: a list's items stay on
	 * their own lines. text[gap, gap_end) is the longest such break since the last kept
	 * sentence (over a removed run, the one that parted the most: a paragraph's). */
	size_t gap = 0, gap_end = 0;
	*n_removed = *n_cited = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i].start - s[i - 1].end > gap_end - gap) {
			gap = s[i - 1].end;
			gap_end = s[i].start;
		}
		had_cites += s[i].cite_count > 0;
		struct ground_result one = {0};
		enum ground_status worst;
		check_sentence(ix, text, &s[i], 0, i, flags, arena, &one, &worst);
		const char *sent = text + s[i].start;
		size_t len = s[i].end - s[i].start;
		if (worst == GROUND_UNSUPPORTED) {
			(*n_removed)++;
			if (removed) {
				const char *p = sent;
				size_t l = len;
				str_trim(&p, &l);
				buf_printf(removed, "- %.*s\n", (int)l, p);
			}
			continue;
		}
		/* Cite what the sentence uses but does not cite. */
		struct cite_list add = {{0}, 0};
		for (size_t k = 0; k < one.count; k++)
			if (one.claims[k].status == GROUND_MISCITED || one.claims[k].status == GROUND_UNCITED)
				cite_list_add(&add, one.claims[k].source);
		/* A sentence that cited nothing had its names and dates checked against any source;
		 * once it cites, they must be in what it cites: cite their sources too. */
		for (size_t k = 0; s[i].cite_count == 0 && add.n > 0 && k < one.count; k++)
			if (one.claims[k].status == GROUND_OK && one.claims[k].source > 0)
				cite_list_add(&add, one.claims[k].source);
		/* Keep the text's trailing spaces after the added markers. */
		size_t body = len;
		while (body > 0 && (sent[body - 1] == ' ' || sent[body - 1] == '\n'))
			body--;
		if (out.len == 0) {
			while (body > 0 && (*sent == ' ' || *sent == '\n'))
				sent++, body--, len--;
		} else {
			buf_append(&out, text + gap, gap_end - gap);
		}
		gap = gap_end = 0;
		buf_append(&out, sent, body);
		for (size_t j = 0; j < add.n; j++)
			buf_printf(&out, "[%ld]", add.ids[j]);
		buf_append(&out, sent + body, len - body);
		*n_cited += add.n;
		kept_cited += s[i].cite_count + add.n > 0;
	}
	/* Drop trailing space left by a removed last sentence. */
	while (out.len > 0 && (out.data[out.len - 1] == ' ' || out.data[out.len - 1] == '\n'))
		out.data[--out.len] = 0;
	const char *res = "";
	if (out.len && (kept_cited || !had_cites))
		res = arena_strdup(arena, buf_str(&out));
	buf_free(&out);
	return res;
}

#define REPAIR_PASSES 4

const char *
ground_repair(const struct ground_index *ix, const char *text, int flags, struct arena *arena, struct buf *removed,
              size_t *n_removed, size_t *n_cited)
{
	/* What one pass keeps is joined again, and the joins can make new sentences ("…[1].Next
	 * word", a capitalised word that opened a sentence now inside one, a name). So the kept
	 * text is checked and repaired again until it checks clean; text that does not within
	 * REPAIR_PASSES passes does not stand. */
	const char *cur = text;
	*n_removed = *n_cited = 0;
	for (int pass = 0; pass < REPAIR_PASSES; pass++) {
		size_t nr, nc;
		cur = repair_pass(ix, cur, flags, arena, removed, &nr, &nc);
		*n_removed += nr;
		*n_cited += nc;
		if (!*cur || ground_check(ix, cur, 0, flags, arena, NULL) == 0)
			return cur;
	}
	return "";
}

const char *
ground_status_name(enum ground_status s)
{
	static const char *const names[] = {"verified", "miscited", "uncited", "unsupported"};
	return names[s];
}

size_t
ground_findings(const struct ground_result *r, const char *(*part_name)(void *ctx, size_t part), void *ctx,
                struct buf *out)
{
	size_t n = 0;
	for (size_t i = 0; i < r->count; i++) {
		const struct ground_claim *g = &r->claims[i];
		if (g->status == GROUND_OK)
			continue;
		char part[32];
		snprintf(part, sizeof part, "part %zu", g->part + 1);
		buf_printf(out, "- %s, sentence %zu: the %s %s ", part_name ? part_name(ctx, g->part) : part, g->sentence + 1,
		           claim_kind_name(g->c.kind), g->c.text);
		switch (g->status) {
		case GROUND_UNSUPPORTED:
			buf_puts(out, g->c.kind == CLAIM_QUOTE && g->c.is_translated
			                  ? "is marked as translated, but the cited sources quote no one\n"
			                  : "is not in any source; remove it or use what the sources say\n");
			break;
		case GROUND_MISCITED:
			buf_printf(out, "is not in the sources this sentence cites; it is in [%ld]\n", g->source);
			break;
		case GROUND_UNCITED:
			buf_printf(out, "needs a citation in its sentence; it is in [%ld]\n", g->source);
			break;
		case GROUND_OK:
			break;
		}
		n++;
	}
	if (n)
		ground_rules(out);
	return n;
}

void
ground_rules(struct buf *out)
{
	buf_puts(out, "Rules: every figure, date, quotation and name must appear in a source that its own sentence "
	              "cites with [n]; a sentence with a figure or a quotation must cite. Quote sources word for word "
	              "inside quotation marks. A quotation you translate must be marked right after its closing mark "
	              "with (译) in Chinese or (translated) in English, and only a source's own quotation may be "
	              "translated. Do not add figures, quotations or names that the sources do not have.\n");
}
