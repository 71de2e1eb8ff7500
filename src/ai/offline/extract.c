/* extract.c: the offline engine's words: extractive summaries and the rule-based "why read" line
 * (declared in offline.h). */
#include <string.h>

#include "category.h"
#include "ai/offline/lexicon.h"
#include "ai/offline/offline.h"
#include "ai/offline/text.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_SENTENCES 80
#define CJK_SENTENCE_MIN 12 /* CJK tokens (bigrams) a mostly-CJK sentence without a figure needs to be prose */
#define SUMMARY_TARGET_CHARS 280 /* stop adding sentences past this many characters */
#define SUMMARY_MAX_CHARS 600

/* A byline: "By Jane Doe", "By Jane Doe, Staff Writer", "Von Max Muster" (a short sentence
 * that starts so), one labelled "Authors:" or "作者：", or a longer one that names several people with their roles ("By Oliver
 * Chang, Abhishek Arya (Security Engineers, Chrome Security), and Josh Armour (Security Program
 * Manager)"): up to BYLINE_MAX_WORDS, the first word after "By" capitalised, and three in
 * four of its words of three letters or more. A sentence that starts with "By" and a name goes
 * on in lower case ("By Friday the company had laid off half its staff"). */
#define BYLINE_MAX_WORDS 40
static int
is_byline(const char *s, size_t len)
{
	static const char *const starts[] = {"by ", "von ", "par ", "por ", "door ", "written by ", "posted by "};
	/* A labelled byline ("Authors: Kyle Zeng, Ruoyu Wang, … and Tiffany Bao.", a paper's notes;
	 * "作者：张三"): the label says what the names are, whatever their case. */
	static const char *const labels[] = {"authors:", "author:", "作者：", "作者:"};
	size_t words = text_word_count(s, len);
	if (words > BYLINE_MAX_WORDS)
		return 0;
	for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
		if (len > strlen(labels[k]) && str_ncasecmp(s, labels[k], strlen(labels[k])) == 0)
			return 1;
	size_t i = 0;
	while (i < sizeof starts / sizeof starts[0] &&
	       !(len > strlen(starts[i]) && str_ncasecmp(s, starts[i], strlen(starts[i])) == 0))
		i++;
	if (i == sizeof starts / sizeof starts[0])
		return 0;
	if (words <= 8)
		return 1;
	const char *p = s + strlen(starts[i]), *end = s + len;
	size_t long_words = 0, capitalised = 0;
	while (p < end) {
		while (p < end && (is_ascii_space((unsigned char)*p) || *p == '(' || *p == '"'))
			p++;
		const char *w = p;
		while (p < end && !is_ascii_space((unsigned char)*p) && *p != ',' && *p != ')' && *p != ';')
			p++;
		if (p - w >= 3) {
			uint32_t c;
			utf8_decode(w, (size_t)(p - w), &c);
			if (long_words++ == 0 && !utf8_is_upper(c))
				return 0; /* "By default, …", "By the way" */
			capitalised += utf8_is_upper(c) != 0;
		}
		while (p < end && !is_ascii_space((unsigned char)*p))
			p++;
	}
	return long_words > 0 && capitalised * 4 >= long_words * 3;
}

/* Lines a feed adds around the article: "The post … appeared first on …", "Continue reading",
 * share and subscribe prompts, comment counters, image captions and credits, paywall notices. */
static int
is_boilerplate(const char *s, size_t len)
{
	static const char *const marks[] = {
		"appeared first on", "continue reading", "read more", "read the rest", "click here", "subscribe",
		"sign up for", "newsletter", "sponsored by", "sponsor:", "our sponsor", "share this", "share on",
		"follow us", "follow me on", "tweet this", "leave a comment", "comments closed", "view comments",
		"comments)", "image credit", "image:", "(image", "photo:", "photo by", "photo credit", "credit:",
		"getty images", "all rights reserved", "cookie", "patreon", "filed under", "tags:", "permalink",
		"another post in our", "originally appeared", "originally published", "this entry was posted",
		"(opens in new", "let us know in the comments", "support this blog", "printer-friendly",
		"of your first order", "free trial", "promo code", "use code", "\xe2\x86\xa9", /* ↩ footnote */
		/* company widgets and page furniture around news articles */
		"company:", "website:", "founded:", "headquarters:", "employees:", "funding:", "related:", "see also:",
		"read also", "recommended:", "advertisement", "share this", "share article", "email this", "print this",
		"bild:", "foto:", "(bild", "转播到", "分享到", "责任编辑", "来源：", "editor's note", "editor’s note",
		"listen to this", "min read", "minute read", "last updated", "updated:", "published:",
		/* a link aggregator's entry (hnrss.org, lobste.rs): the link and its counters, no text */
		"article url:", "comments url:", "points:", "# comments:",
		/* a reddit link post's: "submitted by user to subreddit [link] [287 comments]" */
		"[link]", "comments]",
		/* a blog platform's paywall notice: "Previously available only to Medium members, …",
		 * "Member-only story" */
		"medium members", "member-only story",
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (str_icasestr(s, len, marks[i]))
			return 1;
	if (len > 13 && str_ncasecmp(s, "submitted by", 12) == 0)
		return 1;
	return is_byline(s, len);
}

static double
sentence_score(const struct text_span *sp, size_t index, const struct verdict *v)
{
	size_t words = text_word_count(sp->p, sp->len);
	if (words < 5 || words > 80 || is_boilerplate(sp->p, sp->len) || text_is_code_like(sp->p, sp->len))
		return -1;
	double s = index == 0 ? 3.0 : index == 1 ? 2.0 : index == 2 ? 1.5 : 1.0 / (1.0 + 0.1 * (double)index);
	struct text_iter it;
	text_iter_init(&it, sp->p, sp->len);
	int topical = 0;
	size_t cjk = 0, figures = 0;
	while (text_next(&it)) {
		cjk += it.is_cjk;
		if (!it.is_cjk && lexicon_topic(it.word)) /* a topic, not a mere category cue */
			topical++;
		for (size_t k = 0; v && k < v->keyword_count; k++)
			if (strcmp(it.word, v->keywords[k]) == 0)
				topical += 2;
		if (!it.is_cjk && is_ascii_digit((unsigned char)it.word[0])) {
			topical++;
			figures++;
		}
	}
	/* A Chinese "sentence" of a few characters and no figure is a heading ("整体数据概览。"),
	 * not prose: five words of English are about twelve characters of Chinese. A short one
	 * with a figure says something ("小米15 Ultra起售价6499元。"). */
	if (2 * cjk > words && cjk < CJK_SENTENCE_MIN && !figures)
		return -1;
	s += 0.4 * (topical > 8 ? 8 : topical);
	if (words > 45)
		s -= 2.0;
	return s;
}

/* True for the full-width punctuation a Chinese sentence ends with (。！？；」』）): nothing is
 * put after it, whatever the next sentence starts with ("汽车。SU7 Ultra 起售价…"). */
static int
is_fullwidth_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0x300D || cp == 0x300F ||
	       cp == 0xFF09;
}

#define HEADING_MAX_WORDS 8
#define STANDFIRST_MAX_WORDS 25

/* Drop the heading lines a sentence starts with: text keeps the page's line breaks, and a line
 * of a few words with no sentence punctuation at its end before the first sentence is a heading
 * or a label ("Abstract", "How It Works", "EXECUTIVE BRIEF", "引言", "Intro to LLMs in 2026:")
 * that text_sentences() glued to the sentence after it; so is a byline of any length, and a
 * standfirst or subtitle of up to STANDFIRST_MAX_WORDS words ("One person who was not aboard
 * the train was killed", a podcast's "Über den Zugang zum … schnellem Internet") when the
 * next line starts with a capital letter (scripts without case give no such sign) and its
 * last word can end a sentence (text_ends_open). A short line that ends a sentence ("It works.")
 * stays, and so does one the next line goes on from in lower case (a sentence broken by a
 * <br>). */
static void
skip_heading_lines(struct text_span *sp)
{
	for (;;) {
		const char *nl = memchr(sp->p, '\n', sp->len);
		if (!nl)
			return;
		const char *line = sp->p;
		size_t len = (size_t)(nl - line);
		str_trim(&line, &len);
		if (len > 0) {
			uint32_t last = utf8_last(line, len), next = 0;
			const char *after = nl + 1;
			while (after < sp->p + sp->len && is_ascii_space((unsigned char)*after))
				after++;
			if (after < sp->p + sp->len)
				utf8_decode(after, (size_t)(sp->p + sp->len - after), &next);
			/* A sentence broken by a <br> goes on in lower case ("The quick brown<br>fox
			 * jumps"); after a heading or a byline a new sentence starts. */
			if (utf8_is_lower(next))
				return;
			size_t words = text_word_count(line, len);
			if ((last == '.' || last == '!' || last == '?' || last == ';' || last == ',' || is_fullwidth_end(last) ||
			     last == 0xFF0C ||
			     (words > HEADING_MAX_WORDS &&
			      (words > STANDFIRST_MAX_WORDS || !utf8_is_upper(next) || text_ends_open(line, len)))) &&
			    !is_byline(line, len))
				return;
		}
		sp->len -= (size_t)(nl + 1 - sp->p);
		sp->p = nl + 1;
		str_trim(&sp->p, &sp->len);
	}
}

/* Past the spaces at p (up to end). */
static const char *
past_spaces(const char *p, const char *end)
{
	while (p < end && is_ascii_space((unsigned char)*p))
		p++;
	return p;
}

/* Past the word at p and the spaces after it (up to end). */
static const char *
past_word(const char *p, const char *end)
{
	while (p < end && !is_ascii_space((unsigned char)*p))
		p++;
	return past_spaces(p, end);
}

/* Labels a text may open with before its first sentence ("Abstract: We show…"). */
static const char *const lead_labels[] = {"abstract", "executive summary", "executive brief", "key takeaways",
                                          "summary", "tl;dr", "tldr", "excerpt", "摘要", "简介", "导语", "概要"};

/* Skip what opens the text before its first sentence without being part of it: arXiv's
 * "arXiv:2512.00001v1 Announce Type: new" line, then a label with its colon ("Abstract:",
 * "TL;DR:", "摘要：") or, without a colon, a label before a capital ("Abstract The advent"). */
static void
skip_lead_label(struct text_span *sp)
{
	const char *p = sp->p, *end = sp->p + sp->len;
	if ((size_t)(end - p) > 6 && memcmp(p, "arXiv:", 6) == 0) {
		p = past_word(p, end); /* "arXiv:2512.00001v1" */
		static const char announce[] = "Announce Type:";
		if ((size_t)(end - p) > sizeof announce - 1 && memcmp(p, announce, sizeof announce - 1) == 0)
			p = past_word(past_spaces(p + sizeof announce - 1, end), end); /* "new" */
	}
	for (size_t i = 0; i < sizeof lead_labels / sizeof lead_labels[0]; i++) {
		size_t n = strlen(lead_labels[i]);
		if ((size_t)(end - p) <= n + 2 || str_ncasecmp(p, lead_labels[i], n) != 0)
			continue;
		const char *q = p + n;
		if (*q == ':')
			q++;
		else if ((size_t)(end - q) >= 3 && memcmp(q, "\xef\xbc\x9a", 3) == 0) /* ： */
			q += 3;
		else if (!(*q == ' ' && q + 1 < end && q[1] >= 'A' && q[1] <= 'Z'))
			continue;
		p = past_spaces(q, end);
		break;
	}
	sp->len = (size_t)(end - p);
	sp->p = p;
}

/* True when cp ends a sentence or a clause: . ! ? , ; : … and the full-width stops and commas. */
static int
is_stop(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ',' || cp == ';' || cp == ':' || cp == 0x2026 ||
	       is_fullwidth_end(cp) || cp == 0xFF0C || cp == 0xFF1A || cp == 0x3001;
}

/* True when sp, of the text that starts at text, is a line of its own with no stop at its
 * end: a heading or a list item (text_sentences ends one at its line break), no sentence of
 * prose; the text's last line too when a line break comes before it. */
static int
is_open_line(const struct text_span *sp, const char *text)
{
	const char *after = sp->p + sp->len, *before = sp->p;
	while (*after == ' ' || *after == '\t' || *after == '\r')
		after++;
	while (before > text && (before[-1] == ' ' || before[-1] == '\t' || before[-1] == '\r'))
		before--;
	return sp->len > 0 && (*after == '\n' || (before > text && before[-1] == '\n')) &&
	       !is_stop(utf8_last(sp->p, sp->len));
}

#define CUT_TAIL_MIN_CHARS 60 /* a last fragment this long without a stop is a cut, not a line */

/* True when sp is the text's last stretch and the feed cut it off mid-sentence: nothing but
 * spaces follows it, it does not end a sentence (. ! ? … or a full-width stop, closing quotes
 * and brackets aside) and it ends in a letter, as a cut word does ("… poised to utterly
 * replac", a feed that cuts every description at 100 characters). Short lines without a stop
 * ("Update crate info to Cargo.toml", a release's one line) are whole: only a stretch of
 * CUT_TAIL_MIN_CHARS or more counts, or one after sentences of the same text (several). */
static int
is_cut_tail(const struct text_span *sp, int several)
{
	const char *after = sp->p + sp->len;
	while (*after && is_ascii_space((unsigned char)*after))
		after++;
	if (*after || sp->len == 0)
		return 0;
	size_t len = sp->len;
	uint32_t cp = utf8_last(sp->p, len);
	if (!utf8_is_letter(cp) || text_is_cjk(cp))
		return 0; /* a stop, a closing quote, a digit, a URL's slash, CJK (no words to cut) */
	return several || utf8_count(sp->p, len) >= CUT_TAIL_MIN_CHARS;
}

/* Append s[0..len) to b as one line: a summary is one paragraph, so a line break inside a
 * sentence (a list item after its lead-in) becomes a space, or nothing between two Chinese or
 * Japanese characters (text_is_unspaced: Korean spaces its words); after a line with no stop
 * at its end (a list item, a heading: text_sentences reads such a break as a sentence's end)
 * it becomes "; " ("；" in Chinese), or the items would read as one run-on sentence ("Body
 * size comparison Screen size comparison"). */
static void
append_one_line(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n') {
			buf_putc(b, s[i]);
			continue;
		}
		while (b->len && b->data[b->len - 1] == ' ')
			b->len--;
		uint32_t next = 0, last = b->len ? utf8_last(b->data, b->len) : 0;
		while (i + 1 < len && is_ascii_space((unsigned char)s[i + 1]))
			i++;
		if (i + 1 < len)
			utf8_decode(s + i + 1, len - i - 1, &next);
		int unspaced = text_is_unspaced(last) && text_is_unspaced(next);
		if (!last || !next)
			continue;
		size_t line = b->len;
		while (line > 0 && b->data[line - 1] != '\n')
			line--;
		if (text_line_breaks(b->data + line, b->len - line, next))
			buf_puts(b, unspaced ? "\xef\xbc\x9b" : "; ");
		else if (!unspaced)
			buf_putc(b, ' ');
	}
}

/* The length of s[0..len) without the stops and spaces it ends with. */
static size_t
without_stop(const char *s, size_t len)
{
	while (len && (s[len - 1] == '.' || s[len - 1] == ' ' || s[len - 1] == '!' || s[len - 1] == '?'))
		len--;
	return len;
}

/* True when sentence sp is the title again (case aside, and its closing stop): many feeds open
 * the text with the headline, which the reader has just read. Also the title followed by a few
 * words and no stop: a news aggregator's entry is its headline and the outlet's name
 * ("Title  Outlet", Google News). */
static int
is_title_again(const struct text_span *sp, const char *title)
{
	if (!title)
		return 0;
	size_t n = without_stop(sp->p, sp->len), t = without_stop(title, strlen(title));
	if (t == 0 || n < t || str_ncasecmp(sp->p, title, t) != 0)
		return 0;
	if (n == t)
		return 1;
	return is_ascii_space((unsigned char)sp->p[t]) && n == sp->len && text_word_count(sp->p + t, n - t) <= 4;
}

/* Whether sp opens with a word all in lower case ASCII letters ("eldritch constructs like …",
 * "e.g. …"), not a name with a capital or a digit inside (iPhone, macOS, x86). */
static int
opens_lower(const struct text_span *sp)
{
	size_t i = 0;
	while (i < sp->len && sp->p[i] >= 'a' && sp->p[i] <= 'z')
		i++;
	return i > 0 && (i == sp->len || !is_ascii_alnum((unsigned char)sp->p[i]));
}

#define LIST_MIN_LINES 5      /* a text of fewer lines is no list of topics */
#define LIST_ITEM_MAX_WORDS 12 /* a longer line is prose, not an item */
#define LIST_ITEMS 3           /* items a list's summary quotes */

/* True when a line ends a sentence with a full stop (., 。, or … after one), as prose does and
 * a list's items do not; an item may be a question ("Who has a HomePod?"). */
static int
ends_with_full_stop(const char *line, size_t len)
{
	uint32_t last = utf8_last(line, len);
	return last == '.' || last == 0x3002 || last == 0x2026;
}

/* True when text is a list of topics rather than prose: it opens with LIST_MIN_LINES items (lines
 * of up to LIST_ITEM_MAX_WORDS words, no full stop at the end), and three in four of all its
 * lines are items. A podcast's show notes are such a list (a nested list of links: "Follow up:",
 * "Windows on iPad", "Writeup from 9to5mac", …), and so is a list of links or changes; an
 * article that opens with prose is read by its sentences whatever tables or lists follow. */
static int
is_list_text(const char *text)
{
	size_t lines = 0, items = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		const char *line = p;
		size_t n = len;
		str_trim(&line, &n);
		if (n) {
			int item = text_word_count(line, n) <= LIST_ITEM_MAX_WORDS && !ends_with_full_stop(line, n);
			if (!item && lines < LIST_MIN_LINES)
				return 0;
			lines++;
			items += item;
		}
		p += len + (p[len] == '\n');
	}
	return lines >= LIST_MIN_LINES && items * 4 >= lines * 3;
}

/* The summary of a list (is_list_text): its first LIST_ITEMS items whole, in order, parted by
 * "; " ("；" between Chinese items; a space after an item that ends on its own mark, "?"), an
 * item that ends in a colon ("Follow up:") read with the line after it, and "…" when more
 * follow. Items that are furniture or the title again are passed over. Before, every line of the
 * notes was run into one "sentence" of twenty fragments, or a question among them was quoted as
 * the episode's lead ("Perhaps the APIs were removed?"). */
static const char *
list_summary(const char *text, const char *title, struct arena *arena)
{
	struct buf b = BUF_INIT;
	size_t items = 0;
	int open = 0; /* the last line quoted ends in a colon: this one goes on from it */
	const char *p = text;
	while (*p && (items < LIST_ITEMS || open)) {
		size_t len = strcspn(p, "\n");
		const char *line = p;
		size_t n = len;
		str_trim(&line, &n);
		p += len + (*p && p[len] == '\n');
		struct text_span sp = {line, n};
		if (!n || is_boilerplate(line, n) || (!b.len && is_title_again(&sp, title)))
			continue;
		uint32_t first = 0, last = b.len ? utf8_last(b.data, b.len) : 0;
		utf8_decode(line, n, &first);
		int unspaced = text_is_unspaced(last) && text_is_unspaced(first);
		if (b.len && !open && !is_stop(last))
			buf_puts(&b, unspaced ? "\xef\xbc\x9b" : "; ");
		else if (b.len && !unspaced)
			buf_putc(&b, ' ');
		buf_append(&b, line, n);
		uint32_t end = utf8_last(line, n);
		open = end == ':' || end == 0xFF1A;
		items += !open;
	}
	while (*p && is_ascii_space((unsigned char)*p))
		p++;
	const char *out = arena_printf(arena, "%s%s", buf_str(&b), *p && b.len ? "\xe2\x80\xa6" : "");
	buf_free(&b);
	return out;
}

/* The lead of the article: its first sentences that are prose (not furniture, code or a run-on
 * of more than 80 words, nor the title said again), in order, 2..4 of them up to about
 * SUMMARY_TARGET_CHARS. A sentence that would push the extract past SUMMARY_MAX_CHARS is
 * skipped, and so is one that opens in lower case in a text whose sentences open with capitals:
 * an item of a list whose lead-in ends "…are either:", a fragment out of its context. The
 * sponsors' copy at the end of a show's notes (text_before_sponsors) is not read; a text that
 * is a list of topics (show notes) is summed up by its first items (list_summary). */
static const char *
extract_summary(const char *text, const char *title, const struct verdict *v, struct arena *arena)
{
	size_t text_len = strlen(text), before_ads = text_before_sponsors(text, text_len);
	if (before_ads < text_len) /* a podcast's sponsors' copy is no part of its story */
		text = arena_strndup(arena, text, before_ads);
	if (is_list_text(text))
		return list_summary(text, title, arena);
	/* A dateline that opens the text is skipped before the text is split: its state's
	 * abbreviation would end a sentence ("SPRINGFIELD, Ill." + "(AP) — Farmers …"). */
	text += strspn(text, " \t\r\n");
	text += text_dateline(text, strlen(text));
	struct text_span spans[MAX_SENTENCES];
	size_t n = text_sentences(text, spans, MAX_SENTENCES);
	for (size_t i = 0; i < n; i++)
		skip_heading_lines(&spans[i]);
	for (size_t i = 0; i < n; i++) { /* arXiv's announce line is a line of its own */
		skip_lead_label(&spans[i]);
		size_t dateline = text_dateline(spans[i].p, spans[i].len);
		spans[i].p += dateline;
		spans[i].len -= dateline;
		if (spans[i].len)
			break;
	}
	int capitalised = 0; /* the writer opens sentences with capitals */
	for (size_t i = 0; i < n && !capitalised; i++)
		capitalised = spans[i].len > 0 && spans[i].p[0] >= 'A' && spans[i].p[0] <= 'Z';
	int chosen[MAX_SENTENCES] = {0};
	size_t picked = 0, chars = 0;
	for (size_t i = 0; i < n && picked < 4 && (picked < 2 || chars < SUMMARY_TARGET_CHARS); i++) {
		if (sentence_score(&spans[i], i, v) < 0 || is_title_again(&spans[i], title) || is_open_line(&spans[i], text) ||
		    (capitalised && opens_lower(&spans[i])))
			continue;
		size_t c = utf8_count(spans[i].p, spans[i].len);
		if (picked > 0 && chars + c > SUMMARY_MAX_CHARS) /* too long to add whole: skip it */
			continue;
		/* A last sentence the feed cut off is no sentence to quote after whole ones. */
		if (picked > 0 && is_cut_tail(&spans[i], 1))
			continue;
		chosen[i] = 1;
		picked++;
		chars += c;
	}
	/* The lead itself cut off: it ends in an ellipsis rather than "utterly replac" read as
	 * a whole sentence (the weekly then quotes no fragment, docs/ai.md). */
	int cut_lead = 0;
	for (size_t i = 0; i < n; i++)
		if (chosen[i])
			cut_lead = is_cut_tail(&spans[i], 0);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (!chosen[i])
			continue;
		if (b.len && !text_is_cjk_start(spans[i].p) && !is_fullwidth_end(utf8_last(b.data, b.len)))
			buf_putc(&b, ' ');
		append_one_line(&b, spans[i].p, spans[i].len);
	}
	/* No sentence qualified: the head of the text, unless its first line is furniture (a link
	 * aggregator's "Article URL: … Comments URL: …" entry has nothing to quote) or it is a
	 * single word: a link's label, the whole description of a news site's entry (Hacker News's
	 * "Comments"), which the digest had shown as the story's summary. */
	const char *head = text + strspn(text, " \t\r\n"); /* a text of blank lines quotes nothing */
	size_t head_len = strlen(head), first_line = strcspn(head, "\n");
	while (head_len && is_ascii_space((unsigned char)head[head_len - 1]))
		head_len--;
	struct text_span whole = {head, head_len};
	if (!b.len && head_len && !is_boilerplate(head, first_line) && !is_title_again(&whole, title) &&
	    text_word_count(head, head_len) > 1)
		append_one_line(&b, head, head_len);
	size_t keep = utf8_prefix_chars(buf_str(&b), b.len, SUMMARY_MAX_CHARS);
	const char *out;
	if (keep == b.len && cut_lead) {
		out = arena_printf(arena, "%s…", buf_str(&b));
	} else if (keep < b.len) {
		/* One sentence longer than the limit: cut at the last word boundary. */
		size_t cut = keep;
		while (cut > keep / 2 && !is_ascii_space((unsigned char)b.data[cut]))
			cut--;
		if (cut <= keep / 2)
			cut = keep;
		while (cut > 0 && strchr(" ,;:-", b.data[cut - 1]))
			cut--;
		out = arena_printf(arena, "%.*s…", (int)cut, buf_str(&b));
	} else {
		out = arena_strdup(arena, buf_str(&b));
	}
	buf_free(&b);
	return out;
}

enum piece_kind { PK_RELEASE, PK_NEWS, PK_INCIDENT, PK_TUTORIAL, PK_REVIEW, PK_RESEARCH, PK_EPISODE, PK_OPINION, PK_OTHER };

/* True when cue occurs in s[0..len) as words: case-insensitively, not inside a longer word
 * ("paper" is not in "newspaper", "study" not in "studying"). A stem ("vulnerabilit", "cve-")
 * may continue into a longer word; a CJK cue matches anywhere. */
static int
has_cue(const char *s, size_t len, const char *cue, int stem)
{
	size_t n = strlen(cue);
	int cjk = (unsigned char)cue[0] >= 0x80;
	for (const char *p = s, *end = s + len; p < end;) {
		const char *hit = str_icasestr(p, (size_t)(end - p), cue);
		if (!hit)
			return 0;
		int left = cjk || hit == s || !is_ascii_alnum((unsigned char)hit[-1]);
		int right = cjk || stem || hit + n >= end || !is_ascii_alnum((unsigned char)hit[n]);
		if (left && right)
			return 1;
		p = hit + 1;
	}
	return 0;
}

/* What kind of piece the article is, from cue words in its title and the head of its text. */
static enum piece_kind
piece_kind(const struct article *a, const struct verdict *v)
{
	enum { STEM = 1, TITLE_ONLY = 2 };
	static const struct {
		const char *cue;
		enum piece_kind kind;
		int flags; /* STEM: may continue into a longer word; TITLE_ONLY: not read in the text (发布
		            * in running Chinese text also means "published") */
	} cues[] = {
		{"how to", PK_TUTORIAL, 0}, {"tutorial", PK_TUTORIAL, 0}, {"step by step", PK_TUTORIAL, 0},
		{"step-by-step", PK_TUTORIAL, 0}, {"getting started", PK_TUTORIAL, 0},
		{"walkthrough", PK_TUTORIAL, 0}, {"教程", PK_TUTORIAL, 0}, {"入门", PK_TUTORIAL, 0},
		/* An incident by its title; a body names vulnerabilities and exploits in any security
		 * piece (a fuzzing programme's progress report counts the bugs it found), so there only
		 * the words of a thing that happened count. */
		{"breach", PK_INCIDENT, 0}, {"vulnerabilit", PK_INCIDENT, STEM | TITLE_ONLY},
		{"exploit", PK_INCIDENT, TITLE_ONLY}, {"phishing", PK_INCIDENT, TITLE_ONLY},
		{"malware", PK_INCIDENT, TITLE_ONLY}, {"ransomware", PK_INCIDENT, 0}, {"cve-", PK_INCIDENT, STEM},
		{"zero-day", PK_INCIDENT, 0}, {"outage", PK_INCIDENT, 0}, {"hacked", PK_INCIDENT, 0},
		{"漏洞", PK_INCIDENT, TITLE_ONLY}, {"攻击", PK_INCIDENT, TITLE_ONLY},
		{"released", PK_RELEASE, 0}, {"releases", PK_RELEASE, 0}, {"launches", PK_RELEASE, 0},
		{"launched", PK_RELEASE, 0}, {"announces", PK_NEWS, 0}, {"announced", PK_NEWS, 0},
		{"unveils", PK_RELEASE, 0}, {"introducing", PK_RELEASE, 0}, {"now available", PK_RELEASE, 0},
		{"shipped", PK_RELEASE, 0}, {"this release", PK_RELEASE, 0}, {"release notes", PK_RELEASE, 0},
		{"new version", PK_RELEASE, 0}, {"joins", PK_NEWS, 0}, {"acquires", PK_NEWS, 0},
		{"acquisition", PK_NEWS, 0}, {"发布", PK_RELEASE, TITLE_ONLY}, {"review", PK_REVIEW, 0},
		{"hands-on", PK_REVIEW, 0}, {"benchmark", PK_REVIEW, 0}, {"评测", PK_REVIEW, 0},
		{"paper", PK_RESEARCH, 0}, {"study", PK_RESEARCH, 0}, {"research", PK_RESEARCH, 0},
		{"arxiv", PK_RESEARCH, 0}, {"论文", PK_RESEARCH, 0}, {"episode", PK_EPISODE, 0},
		{"podcast", PK_EPISODE, 0},
	};
	const char *parts[2] = {a->title ? a->title : "", a->text ? a->text : ""};
	for (int p = 0; p < 2; p++) {
		size_t len = strlen(parts[p]);
		if (p == 1 && len > 600)
			len = utf8_prefix_chars(parts[p], 600, 600);
		for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++) {
			if ((cues[i].kind == PK_INCIDENT && v->category != CAT_SECURITY) ||
			    (p == 1 && (cues[i].flags & TITLE_ONLY)))
				continue;
			if (has_cue(parts[p], len, cues[i].cue, cues[i].flags & STEM))
				return cues[i].kind;
		}
	}
	return v->category == CAT_OPINION ? PK_OPINION : PK_OTHER;
}

static const char *
kind_label(enum piece_kind k, int zh)
{
	static const char *const en[] = {"Release news", "News", "An incident report", "A how-to", "A review",
	                                 "Research notes", "An episode", "An opinion piece", "A write-up"};
	static const char *const cn[] = {"发布消息", "行业动态", "安全事件报道", "教程", "评测", "研究解读", "节目", "观点文章", "文章"};
	return zh ? cn[k] : en[k];
}

static const char *
category_hook(enum category c, int zh)
{
	static const char *const en[CAT_COUNT] = {
		[CAT_AI_ML] = "worth it if you follow AI models and how they are built and used",
		[CAT_SECURITY] = "useful if you track threats and how to defend against them",
		[CAT_ENGINEERING] = "practical for engineers working on similar systems",
		[CAT_TOOLS] = "handy if you use or build developer tools",
		[CAT_OPINION] = "a perspective worth weighing",
		[CAT_OTHER] = "a change of pace from the day's tech news",
	};
	static const char *const cn[CAT_COUNT] = {
		[CAT_AI_ML] = "关注 AI 模型及其应用的读者值得一读",
		[CAT_SECURITY] = "关注安全威胁与防护的读者值得留意",
		[CAT_ENGINEERING] = "对做类似系统的工程师有参考价值",
		[CAT_TOOLS] = "使用或开发工具的读者可以看看",
		[CAT_OPINION] = "提供了一个值得思考的视角",
		[CAT_OTHER] = "可作为技术新闻之外的调剂",
	};
	return zh ? cn[c < CAT_COUNT ? c : CAT_OTHER] : en[c < CAT_COUNT ? c : CAT_OTHER];
}

void
offline_enrich(const struct article *a, const struct verdict *v, const char *lang, struct arena *arena,
               struct enrichment *out)
{
	memset(out, 0, sizeof *out);
	out->title = a->title;
	/* An entry with no text (a tag, a link) has nothing to quote: the reader has its title. */
	out->summary = extract_summary(a->text ? a->text : "", a->title, v, arena);
	int zh = !lang || strcmp(lang, "en") != 0;
	struct buf b = BUF_INIT;
	size_t nk = v->keyword_count < 2 ? v->keyword_count : 2;
	for (size_t k = 0; k < nk; k++) {
		if (k)
			buf_puts(&b, zh ? "、" : " and ");
		buf_puts(&b, v->keywords[k]);
	}
	const char *kind = kind_label(piece_kind(a, v), zh);
	int quoted = out->summary[0] != '\0'; /* an entry with only a link has nothing to quote */
	/* The topics, when the item has any ("，涉及 Rust、compiler"); an item with nothing to tag
	 * names none rather than an empty one ("文章，涉及 ：…"). */
	const char *about = !b.len ? ""
	                    : zh ? arena_printf(arena, "，涉及%s%s", text_zh_gap(buf_str(&b)), buf_str(&b))
	                         : arena_printf(arena, " about %s", buf_str(&b));
	if (zh)
		out->reason = arena_printf(arena, "%s%s：%s（离线规则推荐；%s）。", kind, about,
		                           category_hook(v->category, 1),
		                           quoted ? "摘要为原文摘录，未经翻译" : "原文条目没有可摘录的正文");
	else
		out->reason = arena_printf(arena, "%s%s: %s (an offline, rule-based pick; %s).", kind, about,
		                           category_hook(v->category, 0),
		                           quoted ? "the summary is quoted from the article"
		                                  : "the entry has no text to quote");
	buf_free(&b);
	out->is_offline = 1;
	out->is_quoted = 1;
}
