/* text.c: word iteration, stopwords and sentence splitting for the offline engine. */
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

void
text_iter_init(struct text_iter *it, const char *s, size_t len)
{
	memset(it, 0, sizeof *it);
	it->p = s;
	it->end = s + len;
}

static int
is_inner(int c)
{
	return c == '.' || c == '-' || c == '_' || c == '\'';
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

int
text_next(struct text_iter *it)
{
	while (it->p < it->end) {
		unsigned char c = (unsigned char)*it->p;
		if (c >= 0x80) {
			uint32_t cp;
			size_t n = utf8_decode(it->p, (size_t)(it->end - it->p), &cp);
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
			it->p += n;
			continue;
		}
		it->pending_cjk = 0;
		if (!is_ascii_alnum(c)) {
			it->p++;
			continue;
		}
		size_t len = 0;
		const char *q = it->p;
		it->start = q;
		while (q < it->end) {
			int d = (unsigned char)*q;
			if (is_ascii_alnum(d) ||
			    (is_inner(d) && q + 1 < it->end && is_ascii_alnum((unsigned char)q[1]) && d != '\'') ||
			    ((d == '+' || d == '#') && len > 0)) {
				if (len < TEXT_WORD_MAX)
					it->word[len++] = (char)ascii_lower(d);
				q++;
			} else if (d == '\'' && q + 1 < it->end && is_ascii_alpha((unsigned char)q[1])) {
				/* "don't", "it's": keep the stem, drop the clitic. */
				q++;
				while (q < it->end && is_ascii_alpha((unsigned char)*q))
					q++;
				break;
			} else {
				break;
			}
		}
		it->p = q;
		it->word[len] = '\0';
		it->len = len;
		it->is_cjk = 0;
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

/* Length of the sentence terminator at p (0 when none): ASCII . ! ? followed by space or the
 * end, or a full-width 。！？ (3 bytes each). */
static size_t
terminator_len(const char *p)
{
	if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == '\0' || is_ascii_space((unsigned char)p[1])))
		return 1;
	if (str_starts(p, "\xe3\x80\x82") || str_starts(p, "\xef\xbc\x81") || str_starts(p, "\xef\xbc\x9f"))
		return 3;
	return 0;
}

size_t
text_sentences(const char *s, struct text_span *out, size_t max)
{
	size_t n = 0;
	const char *start = s;
	for (const char *p = s; *p && n < max; p++) {
		size_t t = terminator_len(p);
		if (!t)
			continue;
		/* "e.g. ", "U.S. ", "Mr. ", "vs. ": a one-letter word or a known abbreviation before a
		 * dot is not the end of a sentence. */
		if (t == 1 && *p == '.') {
			const char *w = p;
			while (w > start && is_ascii_alpha((unsigned char)w[-1]))
				w--;
			size_t wl = (size_t)(p - w);
			if (wl == 1 || (wl == 2 && (str_ncasecmp(w, "mr", 2) == 0 || str_ncasecmp(w, "dr", 2) == 0 ||
			                            str_ncasecmp(w, "ms", 2) == 0 || str_ncasecmp(w, "vs", 2) == 0 ||
			                            str_ncasecmp(w, "st", 2) == 0)))
				continue;
		}
		const char *b = start;
		size_t len = (size_t)(p + t - start);
		str_trim(&b, &len);
		if (len)
			out[n++] = (struct text_span){b, len};
		start = p + t;
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
