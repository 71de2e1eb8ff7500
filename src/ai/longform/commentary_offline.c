/* commentary_offline.c: the article without a model (the offline engine): seed 002's shape
 * (headline 主题：副题, a hook that ends on the question the piece answers, numbered sections
 * with a bold key sentence and a numbered list, a two-paragraph conclusion, 今日互动 with two
 * positions) filled with what the sources themselves say. Nothing is written that a source
 * does not carry: the lead's best sentences (offline_enrich's extract), the sentences that
 * hold figures, each other source's opening; the frame around them is fixed text in the
 * reader's language. Quotes keep the source's language: nothing is translated.
 *
 * Quoted text is data: the safe Markdown subset's own marks inside it ("**", a "[3]" footnote
 * marker that would read as our citation) are dropped, so a source can neither embolden nor
 * cite. */
#include "ai/longform/commentary.h"

#include <string.h>

#include "ai/llm/prompt.h"
#include "ai/longform/claims.h"
#include "ai/longform/extractive.h"
#include "ai/longform/ground.h"
#include "ai/longform/grounding.h"
#include "ai/offline/lang.h"
#include "ai/offline/offline.h"
#include "ai/offline/text.h"
#include "category.h"
#include "util/str.h"
#include "util/utf8.h"

#define OFFLINE_QUOTE_CHARS 400  /* of the lead's extract (its first sentence may take twice) */
#define OFFLINE_FIGURES_MAX 5    /* numbered points in 数字与细节 */
#define OFFLINE_FIGURES_PER_SOURCE 3
#define OFFLINE_SOURCES_MAX 8    /* other sources listed in 其他来源怎么说 */
#define OFFLINE_SENTENCES 96
#define OFFLINE_MORE_MAX 3       /* sentences in 更多细节 (the section needs at least 2) */

/* A title as quoted data, without a closing full stop (it is set in 《》 or quotes, or
 * followed by the headline's colon). */
static void
put_title(struct buf *b, const char *title)
{
	size_t start = b->len;
	extractive_put_quote(b, title ? title : "", title ? strlen(title) : 0);
	while (b->len > start && b->data[b->len - 1] == '.' &&
	       !(b->len - start >= 3 && memcmp(b->data + b->len - 3, "...", 3) == 0))
		b->data[--b->len] = 0;
}

/* True when p[0..len) closes every quotation it opens and opens every one it closes: "" in
 * pairs, “ against ” (or, after a German „, against “), 「 against 」, 『 against 』; a " or ”
 * right after a digit is an inch mark (13" MacBook, 6 x 9”). The sentence splitter
 * (text_sentences) does not read quotation marks, so a quotation of two sentences comes out
 * as two halves, each of which would be cited inside the quotation. */
static int
quotes_balanced(const char *p, size_t len)
{
	long ascii = 0, curly = 0, corner = 0, white = 0;
	int german = 0;
	for (size_t i = 0; i + 3 <= len; i++)
		german |= memcmp(p + i, "\xe2\x80\x9e", 3) == 0; /* „ */
	for (size_t i = 0; i < len; i++) {
		int inch = i > 0 && is_ascii_digit((unsigned char)p[i - 1]);
		if (p[i] == '"') {
			ascii += !inch;
			continue;
		}
		if (i + 3 > len)
			break;
		if (memcmp(p + i, "\xe2\x80\x9e", 3) == 0) /* „ */
			curly++;
		else if (memcmp(p + i, "\xe2\x80\x9c", 3) == 0) /* “ */
			curly += german ? -1 : 1;
		else if (memcmp(p + i, "\xe2\x80\x9d", 3) == 0 && !inch) /* ” */
			curly--;
		else if (memcmp(p + i, "\xe3\x80\x8c", 3) == 0) /* 「 */
			corner++;
		else if (memcmp(p + i, "\xe3\x80\x8d", 3) == 0) /* 」 */
			corner--;
		else if (memcmp(p + i, "\xe3\x80\x8e", 3) == 0) /* 『 */
			white++;
		else if (memcmp(p + i, "\xe3\x80\x8f", 3) == 0) /* 』 */
			white--;
	}
	return ascii % 2 == 0 && curly == 0 && corner == 0 && white == 0;
}

/* True when p[0..len) is a list of topics rather than a sentence: five or more pieces
 * parted by ';', ',', a spaced dash (— or –; show notes put a no-break space before it), '·' or
 * '•', of under three words each on average, or five or more parted by dashes, '·' or '•'
 * alone, whatever their length (prose holds a pair of dashes at most; a show's chapter list
 * runs "— Header — IPv6 has 128 bit long addresses — No checksum in the header — …").
 * Podcast show notes are such lists ("Themen: 4000 Bits; Binäre Eingabe; …",
 * "— Kommunikation — Akustikkoppler — Modem — …"), and a number in them is a topic's name,
 * not a figure the story reports. */
static int
is_topic_list(const char *p, size_t len)
{
	size_t pieces = 1, marked = 1; /* marked: parted by a dash, '·' or '•' */
	for (size_t i = 0; i < len; i++) {
		if (p[i] == ';' || p[i] == ',')
			pieces++;
		else if (i + 2 < len && (memcmp(p + i, "\xe2\x80\xa2", 3) == 0 || /* • */
		                         ((memcmp(p + i, "\xe2\x80\x94", 3) == 0 || memcmp(p + i, "\xe2\x80\x93", 3) == 0) &&
		                          (i == 0 || p[i - 1] == ' ' || (i >= 2 && memcmp(p + i - 2, "\xc2\xa0", 2) == 0)) &&
		                          (i + 3 == len || p[i + 3] == ' ')))) /* — –, a space or no-break space before */
			pieces++, marked++;
		else if (i + 1 < len && memcmp(p + i, "\xc2\xb7", 2) == 0) /* · */
			pieces++, marked++;
	}
	return marked >= 5 || (pieces >= 5 && text_word_count(p, len) < 3 * pieces);
}

/* A sentence worth quoting as a detail: one line, ending with its stop, its quotations whole,
 * 6..60 words, no URL, table furniture, code or a terminal's output (text_is_code_like), list
 * of topics (is_topic_list) or entry of a reference list ("Food Chemistry, 126(4),
 * 1850–1855.": a volume and its issue in brackets; "Smith et al."; a DOI), whose numbers are no figures of the story. */
static int
is_quotable(const char *p, size_t len)
{
	if (len < 20 || memchr(p, '\n', len) || memchr(p, '|', len) || !extractive_ends_sentence(p, len) ||
	    !quotes_balanced(p, len) || is_topic_list(p, len) || text_is_code_like(p, len))
		return 0;
	for (size_t i = 0; i + 4 <= len; i++)
		if (memcmp(p + i, "http", 4) == 0 || memcmp(p + i, "www.", 4) == 0)
			return 0;
	if (str_icasestr(p, len, " et al.") || str_icasestr(p, len, "doi:"))
		return 0;
	for (size_t i = 1; i + 2 < len; i++)
		if (p[i] == '(' && is_ascii_digit((unsigned char)p[i - 1]) && is_ascii_digit((unsigned char)p[i + 1])) {
			size_t j = i + 1;
			while (j < len && is_ascii_digit((unsigned char)p[j]))
				j++;
			if (j < len && p[j] == ')')
				return 0;
		}
	size_t words = text_word_count(p, len);
	return words >= 6 && words <= 60;
}

/* The place of the figure text t in sentence p[0..len) as a number of its own (not the "12"
 * of "2012", nor the "59" of "11:59"), or NULL. */
static const char *
find_figure(const char *p, size_t len, const char *t)
{
	size_t tl = strlen(t);
	for (const char *at = p; at + tl <= p + len && (at = strstr(at, t)) != NULL; at++) {
		char before = at > p ? at[-1] : ' ';
		char after = at + tl < p + len ? at[tl] : ' ';
		if (!is_ascii_digit((unsigned char)before) && before != '.' && before != ',' && before != ':' &&
		    !is_ascii_digit((unsigned char)after))
			return at;
	}
	return NULL;
}

/* True when the bare number at p[at..) of sentence p[0..len) is part of a name, an
 * identifier or a formula, no quantity a reader would call a figure: right after a word with
 * a capital letter and a space ("Python 3.14", "PEP 779", "RTX 5090", "iPhone 15"), the way
 * products and specifications are numbered; after a word that numbers a place rather than
 * counts ("section 4.2", "port 8080", "issue 12"); after "#" (#4821), an operator ("x = 30",
 * "n + 1") or inside the brackets of a call ("h(0, 12)"); inside `code`. */
static int
is_name_number(const char *p, size_t len, size_t at)
{
	static const char *const labels[] = {"section", "chapter", "page", "pages", "port", "line", "lines", "issue",
	                                     "step", "figure", "fig.", "table", "item", "version", "rfc", "pr",
	                                     "no.", "number", "level", "phase", "part", "episode", "volume"};
	size_t ticks = 0;
	for (size_t i = 0; i < at; i++)
		ticks += p[i] == '`';
	if (ticks % 2 == 1)
		return 1;
	size_t b = at;
	while (b > 0 && p[b - 1] == ' ')
		b--;
	if (b > 0 && strchr("#=+*/^<>", p[b - 1]))
		return 1;
	int depth = 0; /* inside brackets opened right after a name: a call, h(0, 12) */
	for (size_t i = at; i-- > 0;) {
		if (p[i] == ')')
			depth++;
		else if (p[i] == '(' && depth-- == 0) {
			if (i > 0 && (is_ascii_alnum((unsigned char)p[i - 1]) || p[i - 1] == '_'))
				return 1;
			break;
		}
	}
	size_t end = at;
	while (end < len && (is_ascii_digit((unsigned char)p[end]) || p[end] == '.'))
		end++;
	if (end < len && strchr("=+*/^", p[end]))
		return 1;
	if (at < 2 || p[at - 1] != ' ')
		return 0;
	size_t w = at - 1;
	while (w > 0 && (is_ascii_alnum((unsigned char)p[w - 1]) || p[w - 1] == '-' || p[w - 1] == '.'))
		w--;
	if (w == at - 1)
		return 0;
	for (size_t i = w; i < at - 1; i++)
		if (is_ascii_alpha((unsigned char)p[i]) && ascii_upper(p[i]) == p[i])
			return 1;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (strlen(labels[k]) == at - 1 - w && str_ncasecmp(p + w, labels[k], at - 1 - w) == 0)
			return 1;
	return 0;
}

/* True when the figure of tl bytes at p[at..) of sentence p[0..len) is only a piece of what
 * the sentence says, bold on its own a figure it does not give: after a minus, either end of a
 * range ("-2.81", "10-15", "200-400", "12–14", "30 to 50", "3至5", "3~5"), or either side of
 * the "×" of a size ("960×540", "1366x768"). */
static int
is_partial_figure(const char *p, size_t len, size_t at, size_t tl)
{
	if (at > 0 && p[at - 1] == '-')
		return 1;
	if (at >= 3 && (memcmp(p + at - 3, "\xe2\x88\x92", 3) == 0 || memcmp(p + at - 3, "\xe2\x80\x93", 3) == 0))
		return 1;
	if (at >= 2 && memcmp(p + at - 2, "\xc3\x97", 2) == 0)
		return 1;
	size_t e = at + tl;
	if (e + 1 < len && (p[e] == 'x' || p[e] == 'X' || p[e] == '-') && is_ascii_digit((unsigned char)p[e + 1]))
		return 1;
	if (e + 3 < len && memcmp(p + e, "\xe2\x80\x93", 3) == 0 && is_ascii_digit((unsigned char)p[e + 3]))
		return 1;
	/* a range in words or with a tilde: "30 to 50", "3至5", "3到5", "3~5", "3～5" */
	static const char *const marks[] = {" to ", "\xe8\x87\xb3", "\xe5\x88\xb0", "~", "\xef\xbd\x9e"};
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t l = strlen(marks[k]);
		if (e + l < len && memcmp(p + e, marks[k], l) == 0 && is_ascii_digit((unsigned char)p[e + l]))
			return 1;
		if (at >= l + 1 && memcmp(p + at - l, marks[k], l) == 0 && is_ascii_digit((unsigned char)p[at - l - 1]))
			return 1;
	}
	return e + 2 < len && memcmp(p + e, "\xc3\x97", 2) == 0 && is_ascii_digit((unsigned char)p[e + 2]);
}

/* True when figure text t is a decade ("1970s", "1970er", "80s", "'80s"): a time, like a bare
 * year, not a quantity the story reports. */
static int
is_decade(const char *t)
{
	if (*t == '\'')
		t++; /* '80s */
	else if (strncmp(t, "\xe2\x80\x99", 3) == 0)
		t += 3; /* ’80s */
	size_t d = 0;
	while (is_ascii_digit((unsigned char)t[d]))
		d++;
	if ((d != 2 && d != 4) || t[d - 1] != '0')
		return 0;
	if (d == 4 && (t[0] != '1' || t[1] != '9') && (t[0] != '2' || t[1] != '0'))
		return 0;
	const char *rest = t + d;
	if (*rest == '\'')
		rest++;
	return strcmp(rest, "s") == 0 || strcmp(rest, "er") == 0;
}

/* The first figure of sentence p[0..len) worth a bold label, or NULL: a quantity, not a
 * version, a bare year such as "2025", a decade (is_decade), the number of a name ("Fenix 5X" too), a piece of a
 * code or a time ("28C3", "11:59PM"), a piece of a number (is_partial_figure), a multiple
 * in words ("think twice"), or a bare number
 * of the title (the subject's version: "Python 3.14"). *bare is set when it has no unit, sign or
 * separator ("75"): worth listing with its sentence, not on its own. */
static const struct claim *
sentence_figure(const char *p, size_t len, int en, const char *title, struct arena *arena, int *bare_out)
{
	struct claim *claims = NULL;
	size_t n = 0, cap = 0;
	claims_extract(p, len, en ? CLAIMS_EN : 0, arena, &claims, &n, &cap);
	for (size_t i = 0; i < n; i++) {
		const struct claim *c = &claims[i];
		if (c->kind != CLAIM_FIGURE || c->is_version)
			continue;
		int bare = 1;   /* digits and a decimal point only: no unit, sign or separator */
		int glued = 1;  /* digits, a point and letters glued to them ("5X", "10K") */
		int digits = 0; /* "twice", "doubling": no digit */
		for (const char *t = c->text; *t; t++) {
			bare &= is_ascii_digit((unsigned char)*t) || *t == '.';
			glued &= is_ascii_alnum((unsigned char)*t) || *t == '.';
			digits |= is_ascii_digit((unsigned char)*t);
		}
		if (!digits && c->is_multiple) /* "think twice", "doubling down": idiom as often as not */
			continue;
		if ((bare && c->value >= 1900 && c->value <= 2100 && !strchr(c->text, '.')) || is_decade(c->text))
			continue;
		const char *at = find_figure(p, len, c->text);
		size_t tl = strlen(c->text);
		if (!at) { /* not a number of its own: part of a code ("28C3") or a time ("11:59PM")? */
			const char *g = strstr(p, c->text);
			if (g && ((g > p && g[-1] == ':') || (g + tl < p + len && (is_ascii_alnum((unsigned char)g[tl]) || g[tl] == ':'))))
				continue;
		} else if (at + tl + 1 < p + len && at[tl] == ':' && is_ascii_digit((unsigned char)at[tl + 1])) {
			continue; /* a time of day, 11:59 */
		}
		if (at && is_partial_figure(p, len, (size_t)(at - p), tl))
			continue;
		if (glued && at && is_name_number(p, len, (size_t)(at - p)))
			continue;
		if (bare && title && strstr(title, c->text))
			continue;
		*bare_out = bare;
		return c;
	}
	return NULL;
}

/* A source's text split into sentences once, for the figures and for 更多细节: the part of it
 * the claim check reads (grounding_sources: its first COMMENTARY_TEXT_TOKENS, fewer bytes
 * when its letters are not ASCII), before any sponsors' copy, without the sentence that part
 * ends inside, so nothing is quoted whose words the check cannot find; a wire story's
 * dateline (text_dateline) is no part of its first sentence. */
struct sentences {
	struct text_span *sp;
	size_t count;
	int en; /* the text is English (claims_extract reads capitals so) */
};

static void
split_source(const struct article *a, struct arena *arena, struct sentences *out)
{
	memset(out, 0, sizeof *out);
	if (!a->text || !*a->text)
		return;
	size_t all = strlen(a->text);
	size_t len = text_before_sponsors(a->text, all); /* the ads after a show's notes: no story */
	size_t cut = prompt_cut(a->text, all, COMMENTARY_TEXT_TOKENS);
	int cut_short = cut < len;
	if (cut_short)
		len = cut;
	char *text = arena_strndup(arena, a->text, len);
	text += strspn(text, " \t\r\n");
	text += text_dateline(text, strlen(text)); /* as the extract does: no sentence quoted twice */
	out->sp = arena_alloc(arena, OFFLINE_SENTENCES * sizeof *out->sp);
	out->count = text_sentences(text, out->sp, OFFLINE_SENTENCES);
	if (cut_short && out->count > 0 && out->count < OFFLINE_SENTENCES) /* the last one runs past the cut */
		out->count--;
	out->en = lang_detect(a->title, text) == LANG_EN;
}

struct detail {
	const char *figure;   /* as written ("17,000", "$1.2 billion", "30%") */
	const char *sentence;
	size_t sentence_len;
	size_t source;        /* 1-based citation id */
	int is_bare;          /* no unit, sign or separator: not the conclusion's key figure */
};

/* Collect up to OFFLINE_FIGURES_MAX sentences with figures from the sources' sentences
 * (split[i] is member i's), the lead's first, at most OFFLINE_FIGURES_PER_SOURCE a source,
 * none inside the quoted extracts (quoted[i] is member i's), no figure twice. Returns how
 * many. */
static size_t
find_details(const struct story *s, const struct sentences *split, const char *const *quoted, struct arena *arena,
             struct detail *out)
{
	size_t n = 0;
	for (size_t m = 0; m < s->member_count && n < OFFLINE_FIGURES_MAX; m++) {
		const struct text_span *sp = split[m].sp;
		size_t mine = 0;
		for (size_t k = 0; k < split[m].count && n < OFFLINE_FIGURES_MAX && mine < OFFLINE_FIGURES_PER_SOURCE; k++) {
			if (!is_quotable(sp[k].p, sp[k].len))
				continue;
			char *sentence = arena_strndup(arena, sp[k].p, sp[k].len);
			if (quoted[m] && strstr(quoted[m], sentence))
				continue;
			int bare = 0;
			const struct claim *c = sentence_figure(sentence, sp[k].len, split[m].en, s->lead->title, arena, &bare);
			if (!c)
				continue;
			int seen = 0;
			for (size_t d = 0; d < n; d++)
				seen |= strcmp(out[d].figure, c->text) == 0;
			if (seen)
				continue;
			out[n++] = (struct detail){c->text, sentence, sp[k].len, m + 1, bare};
			mine++;
		}
	}
	return n;
}

/* The quoted extract of member i: its best sentences as offline_enrich picks them (never the
 * title again), cut to whole sentences; NULL when it has nothing to quote. */
static const char *
member_extract(const struct article *a, const struct verdict *v, const char *lang, size_t limit, struct arena *arena)
{
	struct enrichment en;
	offline_enrich(a, v, lang, arena, &en);
	int add_stop = 0;
	size_t keep = extractive_quote_len(en.summary, limit, &add_stop);
	if (!keep)
		return NULL;
	struct buf b = BUF_INIT;
	extractive_put_quote(&b, en.summary, keep);
	if (add_stop)
		buf_puts(&b, extractive_cjk_share(en.summary, keep) > 0.5 ? "。" : ".");
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* True when the sentence s[0..len) holds a claim that must be cited in its own sentence
 * (docs/grounding.md rule 1: a figure or a quotation; names and dates may stand uncited),
 * read as the claim check reads English or Chinese text. */
static int
needs_own_cite(const char *s, size_t len, struct arena *arena)
{
	static const int flags[] = {0, CLAIMS_EN};
	for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++) {
		struct claim *c = NULL;
		size_t count = 0, cap = 0;
		claims_extract(s, len, flags[f], arena, &c, &count, &cap);
		for (size_t i = 0; i < count; i++)
			if (c[i].kind == CLAIM_FIGURE || c[i].kind == CLAIM_QUOTE)
				return 1;
	}
	return 0;
}

/* Where the claim check starts the sentence that the text at the end of b's last line
 * continues (ground_sentences): a 数字与细节 entry's "1. **figure**: ", a bullet's name and
 * quoted title, belong to the quoted sentence after them. */
static size_t
line_sentence_start(const struct buf *b)
{
	size_t line = b->len;
	while (line > 0 && b->data[line - 1] != '\n')
		line--;
	if (line == b->len)
		return line;
	struct arena a = {0};
	char *t = arena_strndup(&a, b->data + line, b->len - line);
	struct ground_sentence *gs;
	size_t n = ground_sentences(t, &a, &gs), from = b->len;
	if (n > 0 && gs[n - 1].end >= b->len - line)
		from = line + gs[n - 1].start;
	else
		from = line;
	arena_free(&a);
	return from;
}

/* Where put_cited_run puts the citation besides after each sentence with a figure or a
 * quotation: after the last sentence, or not there (the run goes on in the next call). */
enum cite_at { CITE_END, CITE_NOT_END };

/* Append the quoted text q, its sentences as the claim check splits them (ground_sentences:
 * at ; and ? too), with citation id after each that carries a figure or a quotation
 * (needs_own_cite; the first read with what stands before it on its line, as the check reads
 * it: a 数字与细节 entry's bold figure, a bullet's quoted title) and where at says, so that a
 * run of one source's sentences reads with one marker and every figure is still cited by its
 * own sentence; the first sentence in bold when bold_first. */
static void
put_cited_run(struct buf *b, const char *q, size_t id, int bold_first, enum cite_at at, struct arena *arena)
{
	struct ground_sentence *gs;
	size_t n = ground_sentences(q, arena, &gs);
	size_t last = n;
	for (size_t k = 0; k < n; k++) {
		size_t end = gs[k].end;
		while (end > gs[k].start && q[end - 1] == ' ')
			end--;
		if (end > gs[k].start)
			last = k;
	}
	for (size_t k = 0; k < n; k++) {
		size_t start = gs[k].start, end = gs[k].end;
		while (end > start && q[end - 1] == ' ')
			end--;
		if (end == start)
			continue;
		if (k)
			buf_putc(b, ' ');
		int bold = bold_first && k == 0;
		size_t from = b->len;
		if (bold)
			buf_puts(b, "**");
		buf_append(b, q + start, end - start);
		if (bold)
			buf_puts(b, "**");
		if (k == 0) /* the first sentence: from where the check starts it */
			from = line_sentence_start(b);
		if ((at == CITE_END && k == last) || needs_own_cite(b->data + from, b->len - from, arena))
			buf_printf(b, "[%zu]", id);
	}
}

/* put_cited_run of a whole run: q cited at its end (and at each figure or quotation). */
static void
put_cited(struct buf *b, const char *q, size_t id, int bold_first, struct arena *arena)
{
	put_cited_run(b, q, id, bold_first, CITE_END, arena);
}

/* Sentences of the lead's text (lead: its split) after its extract, in order: up to
 * OFFLINE_MORE_MAX quotable ones that are neither in the extract (quoted) nor a figure's
 * sentence (details[0..nd)), quoted into out (one line, one run cited [1] by put_cited_run,
 * the first bold).
 * Returns how many. */
static size_t
find_more(const struct sentences *lead, const char *quoted, const struct detail *details, size_t nd,
          struct arena *arena, struct buf *out)
{
	if (!quoted)
		return 0;
	const struct text_span *sp = lead->sp;
	const char *picked[OFFLINE_MORE_MAX];
	size_t found = 0;
	struct buf q = BUF_INIT;
	for (size_t k = 0; k < lead->count && found < OFFLINE_MORE_MAX; k++) {
		if (!is_quotable(sp[k].p, sp[k].len))
			continue;
		char *sentence = arena_strndup(arena, sp[k].p, sp[k].len);
		buf_clear(&q);
		extractive_put_quote(&q, sentence, sp[k].len);
		int used = strstr(quoted, buf_str(&q)) != NULL;
		for (size_t d = 0; d < nd && !used; d++)
			used = details[d].sentence_len == sp[k].len && memcmp(details[d].sentence, sentence, sp[k].len) == 0;
		if (!used)
			picked[found++] = arena_strdup(arena, buf_str(&q));
	}
	buf_free(&q);
	/* One run of the lead's sentences: cited at its end (and at each figure or quotation). */
	for (size_t i = 0; i < found; i++) {
		if (i)
			buf_putc(out, ' ');
		put_cited_run(out, picked[i], 1, i == 0, i + 1 == found ? CITE_END : CITE_NOT_END, arena);
	}
	return found;
}

/* The closing question: two positions on the story's kind of news, about its first
 * keyword, or on the story (seed 002's 今日互动 asks 是A还是B). */
static const char *
question(enum category c, const char *kw, int zh, struct arena *arena)
{
	static const char *const q_zh[CAT_COUNT] = {
		[CAT_AI_ML] = "你觉得这是真正的进步，还是又一轮被高估的热点？你会在工作中用上它吗？",
		[CAT_SECURITY] = "你会立刻修补，还是先评估影响再动手？",
		[CAT_ENGINEERING] = "文中的做法你会在自己的项目里采用，还是觉得代价太高？",
		[CAT_TOOLS] = "你会换用它，还是继续用手头的工具？",
		[CAT_OPINION] = "你同意作者的观点，还是站在另一边？",
		[CAT_OTHER] = "你觉得它值得持续关注，还是只是一时的话题？它对你有影响吗？",
	};
	static const char *const q_en[CAT_COUNT] = {
		[CAT_AI_ML] = "real progress, or another overhyped release? Would you use it in your work?",
		[CAT_SECURITY] = "do you patch at once, or weigh the impact first?",
		[CAT_ENGINEERING] = "would you adopt this in your own projects, or is the cost too high?",
		[CAT_TOOLS] = "would you switch to it, or stay with the tools you have?",
		[CAT_OPINION] = "do you agree with the author, or do you stand on the other side?",
		[CAT_OTHER] = "is it worth following, or just a passing story? Does it affect you?",
	};
	if ((unsigned)c >= CAT_COUNT)
		c = CAT_OTHER;
	if (zh)
		return arena_printf(arena, "关于%s%s，%s欢迎在评论区留下你的看法。", text_zh_gap(kw), kw, q_zh[c]);
	return arena_printf(arena, "On %s: %s Tell us in the comments.", kw, q_en[c]);
}

/* Headline 主题：副题: the lead's title, then what the piece is. */
static const char *
write_headline(const struct story *s, int zh, struct arena *arena)
{
	struct buf b = BUF_INIT;
	const struct article *lead = s->lead;
	put_title(&b, text_display_title(lead->title, lead->text, lead->link, TEXT_DISPLAY_TITLE_CHARS, arena));
	if (story_sources(s) > 1)
		buf_printf(&b, zh ? "：%zu 个来源的报道要点" : ": what %zu sources report", story_sources(s));
	else
		buf_puts(&b, zh ? "：原文要点" : ": the key points");
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* Whether a member whose source is called name is another source than the lead's: the same
 * post in one blog's RSS and Atom feeds carries the lead's name, and is no "other source". */
static int
other_source(const char *name, const char *lead_name)
{
	return strcmp(name, lead_name) != 0;
}

/* The hook: when and where the story appeared, who followed, that what follows is quoted,
 * then, as a paragraph of its own, the question the piece answers (which figures only when it
 * has a 数字与细节 section to answer it: has_figures). Seed 002's hook ends on its question; the
 * note that the quotes are untranslated once followed it, so the reader's question was
 * answered by a remark about the method ("……？下面从原文中摘录整理……"). */
static const char *
write_hook(const struct story *s, const char *lead_name, int has_figures, int zh, struct arena *arena)
{
	const struct article *lead = s->lead;
	struct buf b = BUF_INIT;
	if (lead->published != FEED_NO_DATE) {
		if (!zh)
			buf_puts(&b, "On ");
		extractive_date(&b, lead->when, zh);
		buf_puts(&b, zh ? "，" : ", ");
	}
	if (text_is_blank(lead->title)) { /* an untitled post: its words follow */
		buf_printf(&b, zh ? "%s 发表了一篇短文[1]" : "%s posted a short note [1]", lead_name);
	} else {
		buf_printf(&b, zh ? "%s 发表了《" : "%s published \u201c", lead_name);
		put_title(&b, lead->title);
		buf_puts(&b, zh ? "》[1]" : "\u201d [1]");
	}
	size_t others = 0;
	for (size_t m = 1; m < s->member_count && others < OFFLINE_SOURCES_MAX; m++) {
		const char *name = extractive_quoted(s->members[m]->source_name, arena);
		if (!*name || !other_source(name, lead_name))
			continue;
		buf_puts(&b, others++ ? (zh ? "、" : ", ") : (zh ? "；随后，" : "; "));
		buf_printf(&b, "%s[%zu]", name, m + 1);
	}
	if (others)
		buf_puts(&b, zh ? " 也作了报道" : " followed");
	buf_puts(&b, zh ? "。下文从原文中摘录整理，引文保留原文语言，未经翻译。\n它说了什么"
	                : ". What follows is taken from the sources, quoted as they wrote it.\nWhat does it say");
	if (has_figures)
		buf_puts(&b, zh ? "，有哪些数字和细节" : ", which figures and details matter");
	if (others)
		buf_puts(&b, zh ? "，各个来源又怎么说" : ", and how do the sources tell it");
	buf_puts(&b, zh ? "？" : "?");
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* Section 一: the lead's extract, its first sentence in bold (or that it has only a title). */
static void
section_lead(const struct story *s, const char *quoted, const char *lead_name, int zh, struct arena *arena,
             struct commentary_section *sec)
{
	struct buf b = BUF_INIT;
	if (quoted) {
		put_cited(&b, quoted, 1, 1, arena);
	} else {
		buf_printf(&b, zh ? "%s 的原文只有标题《" : "%s carries only its title, \u201c", lead_name);
		put_title(&b, s->lead->title);
		buf_puts(&b, zh ? "》，没有可以摘录的正文。[1]" : "\u201d, and no text to quote.[1]");
	}
	sec->heading = arena_printf(arena, zh ? "原文要点：%s" : "What %s reports", lead_name);
	sec->body = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
}

/* Section 数字与细节: the details[0..nd) as a numbered list, each figure in bold. */
static void
section_figures(const struct detail *details, size_t nd, int zh, struct arena *arena, struct commentary_section *sec)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, zh ? "原文中值得记下的数字：\n" : "The figures worth noting, as the sources give them:\n");
	for (size_t d = 0; d < nd; d++) {
		buf_printf(&b, "%zu. **", d + 1);
		extractive_put_quote(&b, details[d].figure, strlen(details[d].figure));
		buf_puts(&b, zh ? "**：" : "**: ");
		struct buf q = BUF_INIT;
		extractive_put_quote(&q, details[d].sentence, details[d].sentence_len);
		put_cited(&b, buf_str(&q), details[d].source, 0, arena);
		buf_free(&q);
		buf_putc(&b, '\n');
	}
	sec->heading = zh ? "数字与细节" : "The figures and details";
	sec->body = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
}

/* Section 更多细节: more of the lead's own sentences (find_more), when it has two or more. */
static int
section_more(const struct sentences *lead, const char *quoted, const struct detail *details, size_t nd,
             const char *lead_name, int zh, struct arena *arena, struct commentary_section *sec)
{
	struct buf b = BUF_INIT;
	size_t found = find_more(lead, quoted, details, nd, arena, &b);
	if (found >= 2) {
		sec->heading = arena_printf(arena, zh ? "更多细节：%s" : "More from %s", lead_name);
		sec->body = arena_strdup(arena, buf_str(&b));
	}
	buf_free(&b);
	return found >= 2;
}

/* Section 其他来源怎么说: each other source's name, title and opening, one bullet each; an
 * opening already quoted (within the lead's extract, or an earlier bullet's: the same post in
 * a second feed, wire copy) is said to be the same, not quoted twice. 0 when no member is another source's
 * (the same post in one blog's RSS and Atom feeds). */
static int
section_sources(const struct story *s, const char *const *quoted, const char *lead_name, int zh,
                struct arena *arena, struct commentary_section *sec)
{
	struct buf b = BUF_INIT;
	for (size_t m = 1; m < s->member_count && m <= OFFLINE_SOURCES_MAX; m++) {
		const struct article *a = s->members[m];
		const char *name = extractive_quoted(a->source_name, arena);
		if (!other_source(name, lead_name))
			continue;
		buf_printf(&b, "- **%s**", *name ? name : "?");
		buf_puts(&b, zh ? "（《" : " (\u201c");
		put_title(&b, text_display_title(a->title, a->text, a->link, TEXT_DISPLAY_TITLE_CHARS, arena));
		buf_puts(&b, zh ? "》）：" : "\u201d): ");
		int again = 0; /* its opening is within one quoted before */
		for (size_t k = 0; k < m && quoted[m] && !again; k++)
			again = quoted[k] && strstr(quoted[k], quoted[m]) != NULL &&
			        (k == 0 || other_source(extractive_quoted(s->members[k]->source_name, arena), lead_name));
		if (again)
			buf_printf(&b, zh ? "正文与上文所引相同。[%zu]" : "the same text as quoted above.[%zu]", m + 1);
		else if (quoted[m])
			put_cited(&b, quoted[m], m + 1, 0, arena);
		else
			buf_printf(&b, zh ? "只有标题，没有可摘录的正文。[%zu]" : "a title only, no text to quote.[%zu]", m + 1);
		buf_putc(&b, '\n');
	}
	sec->heading = zh ? "其他来源怎么说" : "What the other sources say";
	sec->body = arena_strdup(arena, buf_str(&b));
	int any = b.len > 0;
	buf_free(&b);
	return any;
}

/* Append the category's name; in English in lower case ("tools / open source"), acronyms
 * kept: a category is no name, and the claim check reads capitals as names. */
static void
put_category(struct buf *b, enum category c, int zh)
{
	const char *label = category_label(c, zh ? "zh" : "en");
	if (zh) {
		buf_puts(b, label);
		return;
	}
	for (const char *w = label; *w;) {
		size_t len = strcspn(w, " /");
		int acronym = len > 1 && w[1] >= 'A' && w[1] <= 'Z';
		buf_putc(b, acronym ? w[0] : (char)ascii_lower((unsigned char)w[0]));
		buf_append(b, w + 1, len ? len - 1 : 0);
		w += len;
		while (*w == ' ' || *w == '/')
			buf_putc(b, *w++);
	}
}

/* The conclusion: what kind of story it is (category, keywords kws[0..nkw)), how far it went
 * and its key figure (the first of details[0..nd) with a unit); then that it is all quoted. */
static const char *
write_conclusion(const struct story *s, enum category c, const char *const *kws, size_t nkw,
                 const struct detail *details, size_t nd, int zh, struct arena *arena)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, zh ? "brief 把它归入「" : "Filed under ");
	put_category(&b, c, zh);
	if (zh)
		buf_puts(&b, "」");
	for (size_t k = 0; k < nkw && k < 3; k++) {
		if (k == 0 && zh)
			buf_printf(&b, "，涉及%s", text_zh_gap(kws[k]));
		else if (k == 0)
			buf_puts(&b, ", it is about ");
		else
			buf_puts(&b, zh ? "、" : k + 1 == nkw || k == 2 ? " and " : ", ");
		buf_puts(&b, kws[k]);
	}
	buf_puts(&b, zh ? "。" : ".");
	if (story_sources(s) > 1)
		buf_printf(&b, zh ? "共有 %zu 个来源报道了它。" : " It was carried by %zu sources.", story_sources(s));
	const struct detail *key = NULL;
	for (size_t d = 0; d < nd && !key; d++)
		if (!details[d].is_bare)
			key = &details[d];
	if (key) {
		buf_puts(&b, zh ? "文中最值得记下的数字是 " : " The figure to remember is ");
		extractive_put_quote(&b, key->figure, strlen(key->figure));
		buf_printf(&b, zh ? "[%zu]。" : " [%zu].", key->source);
	}
	buf_puts(&b, zh ? "\n以上内容都摘自原文，brief 没有加入自己的判断；想知道它对你意味着什么，最好读一读参考资料中的原文。"
	                : "\nEverything above is quoted from the sources, with no judgement of brief's own added; to "
	                  "know what it means for you, read the originals in the references.");
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

void
commentary_offline(const struct story *s, const struct verdict *v, const char *lang, struct arena *arena,
                   struct commentary_draft *out, struct grounding_report *ground)
{
	int zh = !lang || strcmp(lang, "en") != 0;
	size_t n = s->member_count;
	memset(out, 0, sizeof *out);
	const char *lead_name = extractive_quoted(s->lead->source_name, arena);
	const struct article *const *members = (const struct article *const *)s->members;
	struct ground_index *ix = grounding_sources(members, n, NULL, COMMENTARY_TEXT_TOKENS, arena);
	/* The keywords the frame names: only those the sources spell (a canonical topic such as
	 * "GPT" for a text that says "GPT-4.5" is a tag, not something a source wrote). Each is
	 * checked where the frame puts it, after a word: alone it would open its sentence, and in
	 * English one capitalised word opening a sentence is no name ("Ruby" for a post that says
	 * Rails passed, and the conclusion said "it is about Ruby"). Nor one that holds a figure
	 * ("Taverncast 15.8848939"): the sentences that name keywords cite nothing, and a figure
	 * must be cited. */
	const char **kws = arena_alloc(arena, (v->keyword_count + 1) * sizeof *kws);
	size_t nkw = 0;
	for (size_t k = 0; k < v->keyword_count; k++) {
		struct ground_result r = {0};
		const char *placed = zh ? v->keywords[k] : arena_printf(arena, "about %s", v->keywords[k]);
		if (ground_check(ix, placed, 0, GROUND_ANY_SOURCE | (zh ? 0 : GROUND_EN), arena, &r) != 0)
			continue;
		int has_figure = 0;
		for (size_t i = 0; i < r.count; i++)
			has_figure |= r.claims[i].c.kind == CLAIM_FIGURE;
		if (!has_figure)
			kws[nkw++] = v->keywords[k];
	}
	const char **quoted = arena_alloc(arena, n * sizeof *quoted);
	for (size_t m = 0; m < n; m++)
		quoted[m] = member_extract(s->members[m], v, lang, m == 0 ? OFFLINE_QUOTE_CHARS : OFFLINE_QUOTE_CHARS / 2,
		                           arena);
	struct sentences *split = arena_alloc(arena, n * sizeof *split);
	for (size_t m = 0; m < n; m++)
		split_source(s->members[m], arena, &split[m]);
	struct detail details[OFFLINE_FIGURES_MAX];
	size_t nd = find_details(s, split, quoted, arena, details);

	out->headline = write_headline(s, zh, arena);
	out->hook = write_hook(s, lead_name, nd > 0, zh, arena);
	out->sections = arena_alloc(arena, 4 * sizeof *out->sections);
	section_lead(s, quoted[0], lead_name, zh, arena, &out->sections[out->section_count++]);
	if (nd)
		section_figures(details, nd, zh, arena, &out->sections[out->section_count++]);
	if (section_more(&split[0], quoted[0], details, nd, lead_name, zh, arena, &out->sections[out->section_count]))
		out->section_count++;
	if (n > 1 && section_sources(s, quoted, lead_name, zh, arena, &out->sections[out->section_count]))
		out->section_count++;
	out->conclusion = write_conclusion(s, v->category, kws, nkw, details, nd, zh, arena);
	out->question = question(v->category, nkw ? kws[0] : (zh ? "这件事" : "this story"), zh, arena);

	if (ground) {
		memset(ground, 0, sizeof *ground);
		ground->removed_text = "";
		grounding_check_commentary(ix, out, !zh, arena, &ground->claims);
	}
}
