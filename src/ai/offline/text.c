/* text.c: word iteration, stopwords, sentence splitting and version/release titles for the
 * offline engine. */
#include "ai/offline/text.h"

#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/utf8.h"

int
text_is_cjk(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

int
text_is_unspaced(uint32_t cp)
{
	return text_is_cjk(cp) && !(cp >= 0xAC00 && cp <= 0xD7AF);
}

int
text_is_cjk_start(const char *s)
{
	if ((unsigned char)*s < 0x80)
		return 0;
	uint32_t cp;
	utf8_decode(s, strlen(s) < 4 ? strlen(s) : 4, &cp);
	return text_is_unspaced(cp);
}

const char *
text_zh_gap(const char *s)
{
	return text_is_cjk_start(s) ? "" : " ";
}

void
text_iter_init(struct text_iter *it, const char *s, size_t len)
{
	memset(it, 0, sizeof *it);
	it->p = s;
	it->end = s + len;
}

/* True when the code point at it->p is CJK. */
static int
next_is_cjk_at(const struct text_iter *it)
{
	if (it->p >= it->end || (unsigned char)*it->p < 0x80)
		return 0;
	uint32_t cp;
	utf8_decode(it->p, (size_t)(it->end - it->p), &cp);
	return text_is_cjk(cp);
}

static void
put_cjk_pair(struct text_iter *it, uint32_t a, uint32_t b)
{
	char tmp[8];
	size_t n = utf8_encode(a, tmp);
	if (b)
		n += utf8_encode(b, tmp + n);
	memcpy(it->word, tmp, n);
	it->word[n] = '\0';
	it->len = n;
	it->is_cjk = 1;
}

/* True for a code point that can be part of a word: an ASCII letter or digit, a letter
 * (utf8_is_letter: Latin with accents, "über", "sécurité", Greek, Cyrillic, and the caseless
 * alphabets, "پاکستان"), or a combining mark inside a word. */
static int
is_word_cp(uint32_t cp)
{
	return cp < 0x80 ? is_ascii_alnum((int)cp) : utf8_is_letter(cp) || utf8_is_word_mark(cp);
}

/* The code point at p (or 0 at the end), its length in *n. */
static uint32_t
peek(const struct text_iter *it, const char *p, size_t *n)
{
	if (p >= it->end) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)*p < 0x80) {
		*n = 1;
		return (unsigned char)*p;
	}
	uint32_t cp;
	*n = utf8_decode(p, (size_t)(it->end - p), &cp);
	return cp;
}

/* French elided articles and pronouns: "l'IA" is the word "ia", "d'une" is "une". */
static int
is_elision(const char *w, size_t len)
{
	static const char *const e[] = {"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu"};
	for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
		if (strlen(e[i]) == len && memcmp(e[i], w, len) == 0)
			return 1;
	return 0;
}

/* Append the lower-case UTF-8 of cp to the word, when it fits whole. */
static void
put_lower(struct text_iter *it, size_t *len, uint32_t cp)
{
	char enc[4];
	size_t n = cp < 0x80 ? (enc[0] = (char)ascii_lower((int)cp), 1) : utf8_encode(utf8_tolower(cp), enc);
	if (*len + n <= TEXT_WORD_MAX) {
		memcpy(it->word + *len, enc, n);
		*len += n;
	}
}

int
text_next(struct text_iter *it)
{
	while (it->p < it->end) {
		size_t n;
		uint32_t cp = peek(it, it->p, &n);
		if (text_is_cjk(cp)) {
			uint32_t prev = it->pending_cjk;
			it->pending_cjk = cp;
			it->p += n;
			if (prev) {
				put_cjk_pair(it, prev, cp);
				return 1;
			}
			/* A lone CJK character (run of one) is emitted when the run ends. */
			if (!next_is_cjk_at(it)) {
				put_cjk_pair(it, cp, 0);
				it->pending_cjk = 0;
				return 1;
			}
			continue;
		}
		it->pending_cjk = 0;
		if (!is_word_cp(cp) || utf8_is_word_mark(cp)) { /* a word starts with no mark */
			it->p += n;
			continue;
		}
		size_t len = 0;
		const char *q = it->p;
		it->start = q;
		it->stem_end = NULL;
		while (q < it->end) {
			size_t m, m2;
			uint32_t d = peek(it, q, &m);
			uint32_t next = peek(it, q + m, &m2);
			int next_word = next && is_word_cp(next) && !text_is_cjk(next);
			if (is_word_cp(d) && !text_is_cjk(d)) {
				put_lower(it, &len, d);
				q += m;
			} else if ((d == 0xAD || d == 0x2060) && len > 0 && next_word) {
				/* invisible, in the word: "Sicherheits&shy;lücke" */
				q += m;
			} else if ((d == '.' || d == '-' || d == '_') && next_word) {
				put_lower(it, &len, d);
				q += m;
			} else if ((d == '+' || d == '#') && len > 0) {
				put_lower(it, &len, d);
				q += m;
			} else if ((d == '\'' || d == 0x2019) && next && utf8_is_letter(next)) {
				if (is_elision(it->word, len)) { /* "l'IA": the word is "ia" */
					len = 0;
					q += m;
					it->start = q;
					continue;
				}
				/* "don't", "it's", "Microsoft's": keep the stem, drop the clitic. */
				it->stem_end = q;
				q += m;
				while (q < it->end && utf8_is_letter(peek(it, q, &m)))
					q += m;
				break;
			} else {
				break;
			}
		}
		/* A URL in running text ("https://example.com/vec") names no topic: skipped whole. */
		if ((size_t)(it->end - q) >= 3 && memcmp(q, "://", 3) == 0) {
			while (q < it->end && !is_ascii_space((unsigned char)*q))
				q++;
			it->p = q;
			continue;
		}
		it->p = q;
		if (!it->stem_end)
			it->stem_end = q;
		it->word[len] = '\0';
		it->len = len;
		it->is_cjk = 0;
		if (len)
			return 1;
	}
	return 0;
}

/* Sorted for bsearch. */
static const char *const stopwords[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
	"around", "as", "at", "back", "be", "because", "been", "before", "being", "below", "between", "both",
	"but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "every",
	"few", "first", "for", "from", "further", "get", "gets", "getting", "go", "going", "got", "had", "has",
	"have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into",
	"is", "it", "its", "itself", "just", "know", "last", "less", "let", "like", "little", "lot", "made",
	"make", "makes", "many", "may", "me", "might", "more", "most", "much", "must", "my", "need", "new",
	"no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "our",
	"ours", "out", "over", "own", "post", "posts", "pretty", "quite", "rather", "read", "really", "right",
	"said", "same", "say", "says", "see", "she", "should", "since", "so", "some", "something", "still",
	"such", "take", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
	"thing", "things", "think", "this", "those", "though", "through", "time", "to", "too", "two", "under",
	"until", "up", "us", "use", "used", "using", "very", "via", "want", "was", "way", "we", "well", "were",
	"what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within",
	"without", "would", "year", "years", "yet", "you", "your", "yours",
};

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

int
text_is_stopword(const char *w)
{
	return bsearch(w, stopwords, sizeof stopwords / sizeof stopwords[0], sizeof stopwords[0], cmp_word) != NULL;
}

/* Length of the sentence terminator at p (0 when none): ASCII . ! ? followed by a space (a
 * no-break space too) or the end, a full-width 。！？ (3 bytes each), the Arabic-script full stop ۔ and question mark ؟
 * (Urdu, Persian, Arabic; 2 bytes) or the Devanagari danda । and double danda ॥ (3 bytes). */
static size_t
terminator_len(const char *p)
{
	if ((*p == '.' || *p == '!' || *p == '?') &&
	    (p[1] == '\0' || is_ascii_space((unsigned char)p[1]) || str_starts(p + 1, "\xc2\xa0")))
		return 1; /* a no-break space after the stop too (".&nbsp; For", as blogs write it) */
	if (str_starts(p, "\xe3\x80\x82") || str_starts(p, "\xef\xbc\x81") || str_starts(p, "\xef\xbc\x9f") ||
	    str_starts(p, "\xe0\xa5\xa4") || str_starts(p, "\xe0\xa5\xa5"))
		return 3;
	if (str_starts(p, "\xdb\x94") || str_starts(p, "\xd8\x9f"))
		return 2;
	return 0;
}

/* Length of the closing quotation mark or bracket at p (0 when none): ” ’ 」 』 ） 》 〉 】,
 * which after a full-width stop belong to the sentence it ends ("“最难的版本。”", "「真的吗？」"). */
static size_t
closer_len(const char *p)
{
	static const char *const closers[] = {"\xe2\x80\x9d", "\xe2\x80\x99", "\xe3\x80\x8d", "\xe3\x80\x8f",
	                                      "\xef\xbc\x89", "\xe3\x80\x8b", "\xe3\x80\x89", "\xe3\x80\x91"};
	for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++)
		if (str_starts(p, closers[i]))
			return 3;
	return 0;
}

int
text_ends_open(const char *p, size_t len)
{
	static const char *const open_words[] = {
		"a", "about", "an", "and", "as", "at", "au", "aux", "avec", "bei", "but", "by", "con", "de", "del",
		"dem", "den", "der", "des", "die", "du", "een", "el", "en", "et", "for", "from", "für", "het", "in",
		"into", "la", "las", "le", "les", "los", "met", "mit", "of", "on", "op", "or", "para", "par", "por",
		"pour", "than", "that", "the", "to", "und", "van", "von", "voor", "with", "y", "zu",
	};
	size_t w = len;
	while (w > 0 && p[w - 1] != ' ')
		w--;
	for (size_t i = 0; i < sizeof open_words / sizeof open_words[0]; i++)
		if (len - w == strlen(open_words[i]) && str_ncasecmp(p + w, open_words[i], len - w) == 0)
			return 1;
	return 0;
}

int
text_line_breaks(const char *line, size_t len, uint32_t next)
{
	const char *b = line;
	str_trim(&b, &len);
	if (!len)
		return 0;
	uint32_t last = utf8_last(b, len);
	if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == ':' ||
	    last == '-' || last == 0x2013 || last == 0x2014 || last == 0x2026 || last == 0x3002 || last == 0xFF01 ||
	    last == 0xFF1F || last == 0xFF0C || last == 0xFF1B || last == 0xFF1A || last == 0x3001 || text_ends_open(b, len))
		return 0;
	/* A capital, a figure, a bullet or a mark opens a new line's item; a script without case
	 * gives no such sign, and its line goes on ("타입 검사<br>결과를"). */
	return utf8_is_upper(next) || (next != 0 && next < 0x80 && !utf8_is_lower(next)) ||
	       (next >= 0x2000 && next <= 0x206F);
}

/* True when the line break at nl ends the sentence that started at start (text_line_breaks). */
static int
line_ends_sentence(const char *start, const char *nl)
{
	const char *b = nl;
	while (b > start && b[-1] != '\n')
		b--;
	const char *after = nl;
	while (is_ascii_space((unsigned char)*after))
		after++;
	uint32_t next = 0;
	if (*after)
		utf8_decode(after, strnlen(after, 4), &next);
	return text_line_breaks(b, (size_t)(nl - b), next);
}

/* True when the wl bytes at w are a title or rank abbreviated before a person's name ("Sen.",
 * "Del.", "Gov.", "Prof.", "Lt."), capitalised as a title is: its dot ends no sentence, since a
 * name follows it, and the next word's capital is the name's ("state Del. Robert Marshall" was
 * cut at "Del."). Lower case ("next-gen.") is another word. */
static int
name_title(const char *w, size_t wl)
{
	static const char *const titles[] = {"Mrs", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
	                                     "Cpl", "Adm", "Cmdr", "Maj", "Rev", "Hon", "Del", "Pres", "Supt", "Insp"};
	for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
		if (wl == strlen(titles[k]) && memcmp(w, titles[k], wl) == 0)
			return 1;
	return 0;
}

size_t
text_sentences(const char *s, struct text_span *out, size_t max)
{
	size_t n = 0;
	const char *start = s;
	for (const char *p = s; *p && n < max; p++) {
		size_t t = terminator_len(p);
		if (!t && *p == '\n' && line_ends_sentence(start, p))
			t = 1;
		if (!t)
			continue;
		/* "e.g. ", "U.S. ", "Mr. ", "vs. ": a one-letter word or a known abbreviation before a
		 * dot is not the end of a sentence; a letter that ends a name with digits ("GPT-4o.",
		 * "8B.") is no word of its own. */
		if (t == 1 && *p == '.') {
			const char *w = p;
			while (w > start && is_ascii_alpha((unsigned char)w[-1]))
				w--;
			size_t wl = (size_t)(p - w);
			int glued = w > start && (is_ascii_digit((unsigned char)w[-1]) || w[-1] == '-');
			if ((wl == 1 && !glued) || (wl == 2 && (str_ncasecmp(w, "mr", 2) == 0 || str_ncasecmp(w, "dr", 2) == 0 ||
			                            str_ncasecmp(w, "ms", 2) == 0 || str_ncasecmp(w, "vs", 2) == 0 ||
			                            str_ncasecmp(w, "st", 2) == 0)) ||
			    name_title(w, wl))
				continue;
			/* "Oct. 27", "Sept. 2025": an abbreviated month before a day or a year. */
			static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
			                                     "Sep", "Sept", "Oct", "Nov", "Dec"};
			int month = 0;
			for (size_t k = 0; k < sizeof months / sizeof months[0] && p[1] == ' ' && is_ascii_digit((unsigned char)p[2]);
			     k++)
				month |= wl == strlen(months[k]) && memcmp(w, months[k], wl) == 0;
			if (month)
				continue;
			/* A word in lower case after the dot and a space goes on with the sentence: the dot
			 * ended an abbreviation ("SourceForge Inc. has announced", "Microsoft Corp. backs",
			 * "etc. and"), no list of which is complete. A line break still ends it. */
			const char *next = p + 1;
			while (*next == ' ' || *next == '\t' || str_starts(next, "\xc2\xa0"))
				next += *next == ' ' || *next == '\t' ? 1 : 2;
			uint32_t cp = 0;
			if (*next && next > p + 1)
				utf8_decode(next, strnlen(next, 4), &cp);
			if (utf8_is_lower(cp))
				continue;
		}
		for (size_t c; t > 1 && (c = closer_len(p + t)) > 0;)
			t += c;
		const char *b = start;
		size_t len = (size_t)(p + t - start);
		str_trim(&b, &len);
		if (len)
			out[n++] = (struct text_span){b, len};
		start = p + t;
		while (str_starts(start, "\xc2\xa0")) /* no part of the next sentence */
			start += 2;
		p += t - 1;
	}
	if (n < max && *start) {
		const char *b = start;
		size_t len = strlen(start);
		str_trim(&b, &len);
		if (len)
			out[n++] = (struct text_span){b, len};
	}
	return n;
}

#define DATELINE_AFTER_PLACE 24 /* bytes between the place and the agency: ", Calif.", ", Nov 8" */
#define DATELINE_AGENCY 40      /* bytes of the agency's name in its brackets */

size_t
text_dateline(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t caps = 0;
	while (p < end && ((*p >= 'A' && *p <= 'Z') || *p == ' ' || *p == '.' || *p == '-' || *p == '\''))
		caps += *p >= 'A' && *p <= 'Z', p++;
	if (caps < 2 || p == end || (*p != '(' && *p != ','))
		return 0; /* no place, or the capitals run into a word ("NASA's", "AT&T") */
	const char *agency = memchr(p, '(', (size_t)(end - p));
	if (!agency || agency - p > DATELINE_AFTER_PLACE)
		return 0;
	const char *close = memchr(agency, ')', (size_t)(end - agency));
	if (!close || close - agency > DATELINE_AGENCY || agency[1] < 'A' || agency[1] > 'Z')
		return 0;
	for (const char *q = p; q < agency; q++)
		if (!is_ascii_alnum((unsigned char)*q) && !strchr(" ,.", *q))
			return 0; /* between the place and the brackets: a state or a date, no more */
	const char *q = close + 1;
	while (q < end && *q == ' ')
		q++;
	size_t dash = (size_t)(end - q) >= 3 && (memcmp(q, "\xe2\x80\x94", 3) == 0 || memcmp(q, "\xe2\x80\x93", 3) == 0)
	                  ? 3
	              : q < end && *q == '-' ? (q + 1 < end && q[1] == '-' ? 2 : 1)
	                                     : 0;
	if (!dash || q + dash >= end || q[dash] != ' ')
		return 0;
	q += dash;
	while (q < end && is_ascii_space((unsigned char)*q))
		q++;
	return (size_t)(q - s);
}

size_t
text_before_sponsors(const char *s, size_t len)
{
	static const char *const marks[] = {
		"sponsored by:", "sponsors:", "sponsor:", "our sponsors:", "this week's sponsors:",
		"this episode is sponsored by", "this episode was sponsored by", "this episode is brought to you by",
		"thanks to our sponsors", "thanks to our sponsor",
	};
	int seen_text = 0;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - s) : len, p = at;
		while (p < end && is_ascii_space((unsigned char)s[p]))
			p++;
		for (size_t i = 0; seen_text && i < sizeof marks / sizeof marks[0]; i++) {
			size_t ml = strlen(marks[i]);
			if (end - p >= ml && str_ncasecmp(s + p, marks[i], ml) == 0)
				return at;
		}
		seen_text |= p < end;
		at = end + 1;
	}
	return len;
}

int
text_is_blank(const char *s)
{
	for (const char *p = s ? s : "", *end = p + strlen(p); p < end;) {
		uint32_t cp;
		p += utf8_decode(p, (size_t)(end - p), &cp);
		int invisible = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
		                (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
		                (cp >= 0x205F && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF;
		if (!invisible)
			return 0;
	}
	return 1;
}

const char *
text_display_title(const char *title, const char *text, const char *link, size_t max_chars,
                   struct arena *arena)
{
	if (!text_is_blank(title)) {
		/* A tag feed's entry is titled by its tag alone ("0.1.1", "v3.9.0"): headed by the
		 * repository its forge link names too ("feed-rs 0.1.1"), or no reader knows what shipped. */
		const char *tag = link ? strstr(link, "/releases/tag/") : NULL;
		if (tag && text_is_bare_version(title)) {
			const char *repo = tag;
			while (repo > link && repo[-1] != '/')
				repo--;
			if (repo < tag && repo > link && repo[-1] == '/')
				return arena_printf(arena, "%.*s %s", (int)(tag - repo), repo, title);
		}
		return title;
	}
	struct text_span first;
	if (text_is_blank(text) || text_sentences(text, &first, 1) == 0 || max_chars == 0)
		return link;
	size_t keep = utf8_prefix_chars(first.p, first.len, max_chars);
	if (keep == first.len)
		return arena_strndup(arena, first.p, first.len);
	size_t cut = keep;
	if (is_ascii_alnum((unsigned char)first.p[cut]) && is_ascii_alnum((unsigned char)first.p[cut - 1])) {
		/* inside a Latin word: back to the space before it (a CJK cut falls anywhere) */
		while (cut > keep / 2 && first.p[cut] != ' ')
			cut--;
		if (cut <= keep / 2)
			cut = keep;
	}
	while (cut > 0 && strchr(" ,;:-", first.p[cut - 1]))
		cut--;
	/* A figure before the cut may have lost its scale ("$300 million" cut to "$300…", a
	 * figure the text does not have): cut before it too. */
	if (cut > 0 && is_ascii_digit((unsigned char)first.p[cut - 1])) {
		size_t c = cut;
		while (c > 0 && first.p[c - 1] != ' ' && (unsigned char)first.p[c - 1] < 0x80)
			c--;
		if (c > keep / 2) {
			cut = c;
			while (cut > 0 && strchr(" ,;:-", first.p[cut - 1]))
				cut--;
		}
	}
	return arena_printf(arena, "%.*s…", (int)cut, first.p);
}

size_t
text_word_count(const char *s, size_t len)
{
	struct text_iter it;
	size_t n = 0;
	text_iter_init(&it, s, len);
	while (text_next(&it))
		n++;
	return n;
}

int
text_has_version(const char *t)
{
	for (const char *p = t; *p; p++) {
		if (!is_ascii_digit((unsigned char)*p))
			continue;
		/* "v2" counts only when the v starts a word ("dev2" is not a version). */
		int after_v = p > t && (p[-1] == 'v' || p[-1] == 'V') && (p - 1 == t || !is_ascii_alpha((unsigned char)p[-2]));
		const char *q = p;
		while (is_ascii_digit((unsigned char)*q))
			q++;
		if (after_v || (*q == '.' && is_ascii_digit((unsigned char)q[1])))
			return 1;
		p = q - 1;
	}
	return 0;
}

int
text_is_bare_version(const char *t)
{
	for (const char *p = t; *p; p++)
		if (is_ascii_alpha((unsigned char)*p) && !((*p == 'v' || *p == 'V') && is_ascii_digit((unsigned char)p[1])))
			return 0;
	return text_has_version(t);
}

int
text_is_release(const char *title)
{
	static const char *const cues[] = {
	    "release", "released", "releases", "version", "available", "update", "updates", "updated", "announcing",
	    "ships", "beta", "rc",
	    /* the same news in the other languages brief reads (a version must be in the title too) */
	    "veröffentlicht", "erschienen", "freigegeben", "sortie", "disponible", "publié", "publiée",
	    "lanzamiento", "lanzado", "lanzada", "publicado", "publicada", "lançamento", "lançado", "lançada",
	    "disponível", "uitgebracht", "beschikbaar", "выпуск", "релиз", "вышел", "вышла", "发布", "推出"};
	if (!text_has_version(title))
		return 0;
	return text_is_bare_version(title) || text_has_word(title, cues, sizeof cues / sizeof cues[0]);
}

int
text_has_word(const char *s, const char *const *words, size_t n)
{
	struct text_iter it;
	text_iter_init(&it, s, strlen(s));
	while (text_next(&it))
		for (size_t i = 0; i < n; i++)
			if (strcmp(it.word, words[i]) == 0)
				return 1;
	return 0;
}

int
text_is_call(const struct text_iter *it)
{
	const char *p = it->p;
	if (it->is_cjk || p >= it->end || *p != '(')
		return 0;
	static const char *const plurals[] = {"(s)", "(es)", "(ies)", "(S)", "(ES)"};
	for (size_t i = 0; i < sizeof plurals / sizeof plurals[0]; i++)
		if ((size_t)(it->end - p) >= strlen(plurals[i]) && strncmp(p, plurals[i], strlen(plurals[i])) == 0)
			return 0;
	return 1;
}

/* Whether the token t[0..n) (no spaces; trailing stops and brackets stripped by the caller)
 * ends in a file name extension of code or data (".rb", ".py", ".json"). */
static int
has_code_extension(const char *t, size_t n)
{
	static const char *const exts[] = {".c", ".h", ".cc", ".cpp", ".rb", ".py", ".js", ".ts", ".go", ".rs",
	                                   ".sh", ".pl", ".php", ".java", ".json", ".yml", ".yaml", ".toml", ".xml",
	                                   ".sql", ".conf", ".ini", ".log", ".lua", ".ex", ".exs", ".hs", ".el"};
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t el = strlen(exts[i]);
		if (n > el + 1 && memcmp(t + n - el, exts[i], el) == 0 && is_ascii_alnum((unsigned char)t[n - el - 1]))
			return 1;
	}
	return 0;
}

/* Source code or markup: many brackets, operators and semicolons. */
static int
symbol_heavy(const char *s, size_t len)
{
	size_t sym = 0;
	for (size_t i = 0; i < len; i++)
		sym += s[i] != '\0' && strchr("=(){}[];<>|\\", s[i]) != NULL;
	return len > 0 && (double)sym / (double)len > 0.03;
}

/* True when s[0..len) has what prose does not write: an identifier with an underscore
 * ("mode_flags"), an assignment or comparison, a brace, "->" or "::". */
static int
has_code_token(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char next = i + 1 < len ? s[i + 1] : '\0';
		if (s[i] == '=' || s[i] == '{' || s[i] == '}' || (s[i] == '_' && is_ascii_alnum((unsigned char)next)) ||
		    (s[i] == '-' && next == '>') || (s[i] == ':' && next == ':'))
			return 1;
	}
	return 0;
}

/* Whether s[0..len) holds a line of code: a line ending in ; { or } with the symbols of code
 * and a token of it (has_code_token; "(both slow);" is prose). A code listing is one line of
 * the text, and the prose after it, in lower case, went on with it into one sentence whose
 * symbols the prose diluted ("221 __vsnprintf_internal (buf + l, bufsize - l + 1, fmt, apc,
 * 222 mode_flags);\nthe tl;dr is that…" opened a summary). */
static int
has_code_line(const char *s, size_t len)
{
	for (const char *line = s, *end = s + len; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *b = line;
		size_t n = (size_t)((nl ? nl : end) - line);
		str_trim(&b, &n);
		if (n > 0 && nl && (b[n - 1] == ';' || b[n - 1] == '{' || b[n - 1] == '}') && symbol_heavy(b, n) &&
		    has_code_token(b, n))
			return 1;
		line = nl ? nl + 1 : end;
	}
	return 0;
}

int
text_is_code_like(const char *s, size_t len)
{
	if (symbol_heavy(s, len) || has_code_line(s, len))
		return 1;
	int hex = 0, path = 0, file = 0, snake = 0, flag = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
			i++;
		size_t a = i;
		while (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
			i++;
		size_t b = i;
		while (b > a && strchr(".,;:!?)]}\"'", s[b - 1]))
			b--;
		while (a < b && strchr("([{\"'", s[a]))
			a++;
		const char *t = s + a;
		size_t n = b - a;
		if (n == 0 || str_icasestr(t, n, "://") || (n >= 4 && strncmp(t, "www.", 4) == 0))
			continue; /* a web address is no code */
		size_t run = 0, digits = 0, letters = 0;
		for (size_t k = 0; k <= n; k++) {
			int c = k < n ? (unsigned char)t[k] : 0;
			if (is_ascii_digit(c) || (c >= 'a' && c <= 'f')) {
				run++;
				digits += is_ascii_digit(c) != 0;
				letters += !is_ascii_digit(c);
			} else {
				hex |= run >= 12 && digits && letters;
				run = digits = letters = 0;
			}
		}
		int slash = memchr(t, '/', n) != NULL;
		path |= slash && (t[0] == '/' || t[0] == '~' || (n > 1 && t[0] == '.' && t[1] == '/') || has_code_extension(t, n));
		file |= !slash && has_code_extension(t, n);
		for (size_t k = 1; k + 1 < n && !snake; k++)
			snake = t[k] == '_' && is_ascii_alpha((unsigned char)t[k - 1]) && is_ascii_alpha((unsigned char)t[k + 1]);
		flag |= (n == 2 && t[0] == '-' && is_ascii_alpha((unsigned char)t[1])) ||
		        (n > 3 && t[0] == '-' && t[1] == '-' && is_ascii_alpha((unsigned char)t[2]));
	}
	return 2 * hex + path + file + snake + flag >= 3;
}
