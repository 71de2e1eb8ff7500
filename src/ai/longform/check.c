/* check.c: the draft checker: what a model-written article must satisfy before it is saved
 * (declared in commentary.h). */
#include <stdlib.h>
#include <string.h>

#include "ai/longform/commentary.h"
#include "ai/offline/text.h"
#include "util/str.h"
#include "util/utf8.h"

void
check_rules_default(struct check_rules *r, const char *lang)
{
	memset(r, 0, sizeof *r);
	int en = lang && strcmp(lang, "en") == 0;
	r->lang = en ? "en" : "zh";
	r->min_chars = en ? 2500 : 1500;
	r->max_chars = en ? 9000 : 3000;
	r->min_sections = 4;
	r->max_sections = 6;
	r->max_foreign = en ? 0.02 : 0.15;
	r->max_para_chars = en ? 3600 : 1200;
}

size_t
check_citation(const char *p, long *id)
{
	if (*p != '[' || !is_ascii_digit((unsigned char)p[1]))
		return 0;
	long v = 0;
	size_t i = 1;
	while (i < 8 && is_ascii_digit((unsigned char)p[i]))
		v = v * 10 + (p[i++] - '0');
	if (p[i] != ']')
		return 0;
	*id = v;
	return i + 1;
}

/* The length of the bracket at p: 1 for "[" / "]", 3 for the full-width ones, else 0; *wide
 * says which. */
static size_t
bracket_at(const char *p, int open, int *wide)
{
	*wide = 1;
	if (*p == (open ? '[' : ']')) {
		*wide = 0;
		return 1;
	}
	if (str_starts(p, open ? "\u3010" : "\u3011") || str_starts(p, open ? "\uff3b" : "\uff3d")) /* 【】 ［］ */
		return 3;
	return 0;
}

/* The number of one to three digits at *p (moved past it), or -1. */
static long
small_number(const char **p)
{
	long v = 0;
	size_t i = 0;
	while (i < 4 && is_ascii_digit((unsigned char)(*p)[i]))
		v = v * 10 + ((*p)[i++] - '0');
	if (i == 0 || i > 3)
		return -1;
	*p += i;
	return v;
}

/* The separator at p between two ids of a list (spaces around it included): its length, and
 * *range set when it is a dash; else 0. */
static size_t
list_sep(const char *p, int *range)
{
	const char *q = p;
	while (*q == ' ')
		q++;
	static const char *const seps[] = {",", "\uff0c", "\u3001", "-", "\u2013", ";"}; /* , ， 、 - – ; */
	size_t n = 0;
	for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !n; i++)
		if (str_starts(q, seps[i])) {
			n = strlen(seps[i]);
			*range = i == 3 || i == 4;
		}
	if (!n)
		return 0;
	q += n;
	while (*q == ' ')
		q++;
	return (size_t)(q - p);
}

/* The citation list at p written as single markers into out; returns its length, or 0 (and
 * writes nothing) when p opens no list that needs it. */
static size_t
citation_list(const char *p, struct buf *out)
{
	int wide, wide_close;
	size_t open = bracket_at(p, 1, &wide);
	if (!open)
		return 0;
	const char *q = p + open;
	long ids[24];
	size_t n = 0;
	long v = small_number(&q);
	if (v < 0)
		return 0;
	ids[n++] = v;
	for (;;) {
		int range = 0;
		size_t sep = list_sep(q, &range);
		if (!sep)
			break;
		q += sep;
		long w = small_number(&q);
		if (w < 0)
			return 0;
		if (range) {
			if (w <= ids[n - 1] || w - ids[n - 1] > 20 || n + (size_t)(w - ids[n - 1]) > 20)
				return 0;
			for (long k = ids[n - 1] + 1; k <= w; k++)
				ids[n++] = k;
		} else {
			if (n >= 20)
				return 0;
			ids[n++] = w;
		}
	}
	size_t close = bracket_at(q, 0, &wide_close);
	if (!close || (n == 1 && !wide))
		return 0; /* no list, or already a plain marker "[1]" */
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "[%ld]", ids[i]);
	return (size_t)(q + close - p);
}

const char *
check_citation_lists(const char *text, struct arena *arena)
{
	struct buf b = BUF_INIT;
	for (const char *p = text ? text : ""; *p;) {
		size_t n = citation_list(p, &b);
		if (n)
			p += n;
		else
			buf_putc(&b, *p++);
	}
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* The next code point of the text at *p that is no part of a citation marker ("[2]"): its
 * bytes' length (0 at the end of the text), the code point in *cp; *p is moved to it. */
static size_t
next_outside_citations(const char **p, uint32_t *cp)
{
	long id;
	for (size_t c; (c = check_citation(*p, &id));)
		*p += c;
	return **p ? utf8_decode(*p, strlen(*p), cp) : 0;
}

static size_t
count_chars(const char *s)
{
	size_t n = 0;
	uint32_t cp;
	const char *p = s ? s : "";
	for (size_t len; (len = next_outside_citations(&p, &cp)); p += len)
		if (!(cp < 0x80 && is_ascii_space((int)cp)) && cp != 0x3000)
			n++;
	return n;
}

size_t
check_commentary_chars(const struct commentary_draft *d)
{
	size_t n = count_chars(d->hook) + count_chars(d->conclusion) + count_chars(d->question);
	for (size_t i = 0; i < d->section_count; i++)
		n += count_chars(d->sections[i].heading) + count_chars(d->sections[i].body);
	return n;
}

struct scan {
	const struct check_rules *r;
	size_t citations, bad_citations;
	long bad_ids[8];
	size_t bad_id_count;
	size_t cjk, latin_foreign, latin; /* letters counted for the language check */
};

/* True when the Latin word w[0..len) is a name or term: capitalised, an acronym, or a word
 * of the sources. */
static int
is_name_or_term(const char *w, size_t len, const char *terms)
{
	if (w[0] >= 'A' && w[0] <= 'Z')
		return 1;
	for (size_t i = 0; i < len; i++)
		if (is_ascii_digit((unsigned char)w[i]))
			return 1;
	if (!terms || len < 2)
		return len < 2;
	size_t tlen = strlen(terms);
	for (const char *p = terms; p < terms + tlen;) {
		const char *hit = str_icasestr(p, tlen - (size_t)(p - terms), w);
		if (!hit)
			return 0;
		/* The word must stand alone in the sources too. */
		if ((hit == terms || !is_ascii_alpha((unsigned char)hit[-1])) && !is_ascii_alpha((unsigned char)hit[len]))
			return 1;
		p = hit + 1;
	}
	return 0;
}

/* +1 for an opening quotation mark or title bracket at code point cp (“ 「 『 《), -1 for a
 * closing one (” 」 』 》), else 0. */
static int
quote_mark(uint32_t cp)
{
	if (cp == 0x201C || cp == 0x300C || cp == 0x300E || cp == 0x300A)
		return 1;
	if (cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == 0x300B)
		return -1;
	return 0;
}

/* The most Latin words a quoted span (「…」, 《…》, “…”) may have and keep its own language:
 * a quote is a title or a sentence, not a paragraph (seed 001 and 002 quote titles of at
 * most 4 words; a long English sentence has about 30). */
#define QUOTE_MAX_WORDS 30

/* Count s's citations and letters into sc. In a Chinese text, an English function word
 * ("the", "its", "on": text_is_stopword) outside quotation marks is foreign even when the
 * sources have it: it is English prose, not a name or term; a quoted title (「…」, 《…》,
 * “…”) keeps its own language, up to QUOTE_MAX_WORDS words: in a longer span every such
 * word counts again (an English paragraph wrapped in “…” is English prose). */
static void
scan_text(struct scan *sc, const char *s)
{
	int zh = strcmp(sc->r->lang, "en") != 0;
	int quoted = 0;
	size_t span_words = 0, span_spared = 0; /* the open quote's words, its function words' letters */
	for (const char *p = s ? s : ""; *p;) {
		long id;
		size_t c = check_citation(p, &id);
		if (c) {
			sc->citations++;
			if (id < 1 || (size_t)id > sc->r->source_count) {
				sc->bad_citations++;
				int seen = 0;
				for (size_t i = 0; i < sc->bad_id_count; i++)
					seen |= sc->bad_ids[i] == id;
				if (!seen && sc->bad_id_count < 8)
					sc->bad_ids[sc->bad_id_count++] = id;
			}
			p += c;
			continue;
		}
		if (is_ascii_alpha((unsigned char)*p)) {
			const char *w = p;
			while (is_ascii_alpha((unsigned char)*p) || *p == '-' || *p == '\'')
				p++;
			size_t len = (size_t)(p - w);
			char word[64];
			if (len < sizeof word) {
				memcpy(word, w, len);
				word[len] = 0;
			}
			sc->latin += len;
			int stop = zh && len < sizeof word && text_is_stopword(word);
			if (quoted && ++span_words == QUOTE_MAX_WORDS + 1) {
				sc->latin_foreign += span_spared; /* too long for a quote */
				span_spared = 0;
			}
			if (len >= sizeof word || !is_name_or_term(word, len, sc->r->allowed_terms) ||
			    (stop && (!quoted || span_words > QUOTE_MAX_WORDS)))
				sc->latin_foreign += len;
			else if (stop)
				span_spared += len;
			continue;
		}
		uint32_t cp;
		p += utf8_decode(p, strlen(p), &cp);
		if (text_is_cjk(cp))
			sc->cjk++;
		quoted += quote_mark(cp);
		if (quoted <= 0) {
			quoted = 0;
			span_words = span_spared = 0;
		}
	}
}

/* Whether s shows nothing: NULL, empty, or only spaces and invisible characters (U+3000, a
 * zero-width space: text_is_blank) once its citation markers are left out (a weekly paragraph
 * "[1][2]" or " \u200b[1]" would print as its reference links alone), and its question marks
 * too with marks_too (a "？" alone asks nothing). */
static int
is_blank_text(const char *s, int marks_too)
{
	struct buf b = BUF_INIT;
	for (const char *p = s ? s : ""; *p;) {
		long id;
		size_t c = check_citation(p, &id);
		if (c) {
			p += c;
		} else if (marks_too && *p == '?') {
			p++;
		} else if (marks_too && str_starts(p, "\uff1f")) { /* ？ */
			p += 3;
		} else {
			buf_putc(&b, *p++);
		}
	}
	int blank = text_is_blank(buf_str(&b));
	buf_free(&b);
	return blank;
}

static int
is_blank(const char *s)
{
	return is_blank_text(s, 0);
}

/* Whether s cites at least one of the sources 1..count. */
static int
has_citation(const char *s, size_t count)
{
	for (const char *p = s ? s : ""; *p; p++) {
		long id;
		if (check_citation(p, &id) && id >= 1 && (size_t)id <= count)
			return 1;
	}
	return 0;
}

size_t
commentary_number_prefix(const char *h)
{
	/* The single-character numerals, three bytes each: a table of strings of its own would
	 * copy the renderer's (report/commentary.c numbers the sections itself). */
	static const char numerals[] = "一二三四五六七八九十";
	const char *p = h;
	while (*p == ' ')
		p++;
	if (str_starts(p, "第")) /* 第一层： / 第1部分： */
		p += strlen("第");
	const char *start = p;
	for (int moved = 1; moved;) {
		moved = 0;
		for (size_t i = 0; i + 3 <= sizeof numerals - 1; i += 3)
			if (strncmp(p, numerals + i, 3) == 0) { /* stops at the end of p */
				p += 3;
				moved = 1;
			}
		while (is_ascii_digit((unsigned char)*p)) {
			p++;
			moved = 1;
		}
	}
	if (p == start)
		return 0;
	static const char *const seps[] = {"、", "层：", "层:", "部分：", "：", ". ", "．", ":", ")", "）"};
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (str_starts(p, seps[i])) {
			p += strlen(seps[i]);
			while (*p == ' ')
				p++;
			return (size_t)(p - h);
		}
	return 0;
}

/* Section headings that name a topic instead of stating a claim (seed 002's are claims:
 * "从训练到推论：AI竞赛进入下半场"), as heading_key() leaves them. The closing parts' own
 * headings (结语, 今日互动, Conclusion) are here too: the renderer adds them after the
 * sections, so a section headed so showed the heading twice ("**五、结语**" then "**结语**"). */
static const char *const label_headings[] = {
	"背景", "背景介绍", "事件背景", "事件回顾", "事件概述", "概述", "概况", "引言", "前言", "导语", "分析",
	"深度分析", "影响", "影响分析", "行业影响", "市场影响", "意义", "背景与意义", "展望", "未来展望",
	"前景展望", "总结", "结论", "小结", "结语", "今日互动", "挑战", "机遇", "风险", "机遇与挑战",
	"挑战与机遇", "争议", "数据", "关键数据", "细节", "技术细节", "要点", "核心要点", "观点", "点评",
	"background", "overview", "introduction", "intro", "context", "analysis", "impact", "implications",
	"significance", "outlook", "whatsnext", "whatcomesnext", "whyitmatters", "keytakeaways", "takeaways",
	"thebottomline", "bottomline", "conclusion", "summary", "challenges", "opportunities", "risks",
	"details", "keyfigures", "overtoyou", "finalthoughts",
};

/* The words of heading h for comparing headings: its Markdown marks ("## ", "**"), its own
 * number ("二、"), citation markers, spaces and punctuation left out, ASCII in lower case.
 * Two headings a reader sees as the same text have the same key. */
static void
heading_key(const char *h, struct buf *out)
{
	const char *p = h ? h : "";
	p += strspn(p, " \t#*");
	p += commentary_number_prefix(p);
	uint32_t cp;
	for (size_t len; (len = next_outside_citations(&p, &cp)); p += len) {
		int punct = cp < 0x80 ? !is_ascii_alnum((int)cp)
		                      : (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
		                                (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
		if (!punct) {
			if (cp < 0x80)
				buf_putc(out, (char)ascii_lower((int)cp));
			else
				buf_append(out, p, len);
		}
	}
}

/* Append one finding line to findings and count it in n (a local of the caller). */
#define FINDING(...)                                                                                       \
	do {                                                                                               \
		buf_puts(findings, "- ");                                                                  \
		buf_printf(findings, __VA_ARGS__);                                                         \
		buf_putc(findings, '\n');                                                                  \
		n++;                                                                                       \
	} while (0)

/* The findings of a scan: no citation, unknown citation ids, too much foreign text. */
static int
scan_findings(const struct scan *sc, struct buf *findings)
{
	int n = 0;
	const struct check_rules *r = sc->r;
	int en = strcmp(r->lang, "en") == 0;
	if (sc->citations == 0)
		FINDING("no source is cited; cite the sources as [1]..[%zu]", r->source_count);
	if (sc->bad_citations) {
		struct buf ids = BUF_INIT;
		for (size_t i = 0; i < sc->bad_id_count; i++)
			buf_printf(&ids, "%s[%ld]", i ? ", " : "", sc->bad_ids[i]);
		FINDING("cites %s, which the story does not have (its sources are [1]..[%zu])", buf_str(&ids),
		        r->source_count);
		buf_free(&ids);
	}
	size_t letters = sc->cjk + sc->latin;
	if (letters) {
		double foreign = en ? (double)sc->cjk / (double)letters
		                    : (double)sc->latin_foreign / (double)(sc->cjk + sc->latin_foreign);
		if (foreign > r->max_foreign)
			FINDING("%.0f%% of the text is not in %s (at most %.0f%% is allowed for names and terms)",
			        foreign * 100.0, en ? "English" : "Chinese", r->max_foreign * 100.0);
	}
	return n;
}

int
check_commentary(const struct commentary_draft *d, const struct check_rules *r, struct buf *findings)
{
	int n = 0;
	/* The parts, in the order the article has them. */
	if (is_blank(d->headline))
		FINDING("the headline is missing");
	if (is_blank(d->hook))
		FINDING("the hook (opening paragraphs before the first section) is missing");
	if (d->section_count < r->min_sections || d->section_count > r->max_sections)
		FINDING("the article has %zu sections; it needs %zu to %zu", d->section_count, r->min_sections,
		        r->max_sections);
	struct buf *keys = d->section_count ? xcalloc(d->section_count, sizeof *keys) : NULL;
	for (size_t i = 0; i < d->section_count; i++) {
		if (is_blank(d->sections[i].heading)) {
			FINDING("section %zu has no heading", i + 1);
		} else {
			/* Each heading states its own claim: five sections headed alike, or headed
			 * "背景" / "影响分析", read as a form, not as an argument. */
			heading_key(d->sections[i].heading, &keys[i]);
			size_t same = 0;
			while (same < i && (!keys[same].len || strcmp(buf_str(&keys[same]), buf_str(&keys[i])) != 0))
				same++;
			int label = 0;
			for (size_t k = 0; k < sizeof label_headings / sizeof label_headings[0] && !label; k++)
				label = strcmp(buf_str(&keys[i]), label_headings[k]) == 0;
			if (same < i)
				FINDING("section %zu has the same heading as section %zu; each heading states its own claim",
				        i + 1, same + 1);
			else if (label)
				FINDING("section %zu's heading \"%s\" names a topic, not a claim; state what the section "
				        "argues",
				        i + 1, d->sections[i].heading);
		}
		if (is_blank(d->sections[i].body))
			FINDING("section %zu has no body", i + 1);
		else if (!has_citation(d->sections[i].body, r->source_count))
			FINDING("section %zu cites no source; every section must rest on at least one", i + 1);
	}
	for (size_t i = 0; i < d->section_count; i++)
		buf_free(&keys[i]);
	free(keys);
	if (is_blank(d->conclusion))
		FINDING("the conclusion is missing");
	if (is_blank_text(d->question, 1)) {
		FINDING("the closing reader question is missing");
	} else {
		const char *q = d->question;
		if (!strstr(q, "?") && !strstr(q, "？"))
			FINDING("the closing part is not a question to the readers");
	}
	size_t chars = check_commentary_chars(d);
	if (chars < r->min_chars || chars > r->max_chars)
		FINDING("the article is %zu characters long; it must be %zu to %zu", chars, r->min_chars, r->max_chars);

	struct scan sc = {.r = r};
	scan_text(&sc, d->headline);
	scan_text(&sc, d->hook);
	for (size_t i = 0; i < d->section_count; i++) {
		scan_text(&sc, d->sections[i].heading);
		scan_text(&sc, d->sections[i].body);
	}
	scan_text(&sc, d->conclusion);
	scan_text(&sc, d->question);
	n += scan_findings(&sc, findings);
	return n;
}

/* Whether the line at p (up to its end) is a Markdown rule or setext underline: three or
 * more of one of - * _ = and nothing else but spaces and citation markers ("---[1]"). */
static int
is_rule_line(const char *p)
{
	char mark = 0;
	size_t marks = 0;
	while (*p && *p != '\n') {
		long id;
		size_t c = check_citation(p, &id);
		if (c) {
			p += c;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (!strchr("-*_=", *p) || (mark && *p != mark))
			return 0;
		mark = *p++;
		marks++;
	}
	return marks >= 3;
}

/* The first markup in s that a weekly paragraph shows as literal characters (only **bold**
 * and [n] are rendered): a Markdown heading, rule or code fence at a line's start, a link
 * or image "](", an HTML tag or comment, a Liquid or template tag "{%" / "{{". Returns what
 * it is, or NULL. */
static const char *
markup_in(const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (p == s || p[-1] == '\n') {
			const char *q = p + strspn(p, " \t");
			if (q[0] == '#' && (q[1] == '#' || q[1] == ' ' || (unsigned char)q[1] >= 0x80))
				return "a Markdown heading";
			if (str_starts(q, "```") || str_starts(q, "~~~"))
				return "a code fence";
			if (is_rule_line(q))
				return "a Markdown rule";
		}
		if (p[0] == ']' && p[1] == '(')
			return "a Markdown link or image";
		if (p[0] == '<' && (is_ascii_alpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!'))
			return "an HTML tag";
		if (p[0] == '{' && (p[1] == '%' || p[1] == '{'))
			return "a template tag";
	}
	return NULL;
}

int
check_paragraphs(const char *const *texts, size_t count, const struct check_rules *r, struct buf *findings)
{
	int n = 0;
	if (count == 0)
		FINDING("no paragraph was written");
	struct scan sc = {.r = r};
	for (size_t i = 0; i < count; i++) {
		size_t chars = count_chars(texts[i]);
		if (is_blank(texts[i]))
			FINDING("paragraph %zu is empty", i + 1);
		else if (r->max_para_chars && chars > r->max_para_chars)
			FINDING("paragraph %zu is %zu characters long; a paragraph must be at most %zu", i + 1, chars,
			        r->max_para_chars);
		else if (!has_citation(texts[i], r->source_count))
			FINDING("paragraph %zu cites no source; every paragraph must rest on at least one", i + 1);
		const char *markup = markup_in(texts[i]);
		if (markup)
			FINDING("paragraph %zu has %s, which the post would show as literal characters; write plain prose "
			        "(only **bold** and [n] citations)",
			        i + 1, markup);
		scan_text(&sc, texts[i]);
	}
	return n + scan_findings(&sc, findings);
}
