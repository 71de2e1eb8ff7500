/* keywords.c: document frequencies over a window and TF-IDF ranking of an article's terms
 * (single words, two-word phrases and CJK n-grams as kwscan.c finds them), with proper names and
 * phrases preferred over common words and the source's own name excluded. */
#include "ai/offline/keywords.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/offline/kwscan.h"
#include "ai/offline/lang.h"
#include "ai/offline/lexicon.h"
#include "ai/offline/text.h"
#include "util/hash.h"
#include "util/str.h"
#include "util/utf8.h"

#define CANDIDATES 24 /* best-scored terms kept before the overlap filter */
#define TITLE_ONLY_BODY 20 /* usable body words from which a headline word the body never uses is wording */

struct slot {
	const char *word;
	const char *surface; /* the article's own spelling when written with capitals ("GitHub", "Überwachung") */
	int in_title_surface; /* that spelling comes from the title */
	int count;      /* weighted occurrences (title x3) in the article, or df in the index */
	int body;       /* occurrences in the body */
	int cap_mid;    /* body occurrences capitalised in mid-sentence ("... by Taalas ...") */
	int lower;      /* body occurrences written in lower case */
	int in_name;    /* body occurrences inside a longer capitalised name ("Francisco" of "San
	                 * Francisco", "CEO Sam" of "CEO Sam Altman") */
	int in_title;
	int title_inner; /* a phrase the title holds past its first word (struct occ) */
	int title_name;  /* a name in a headline written in sentence case (struct occ) */
	int kind;
	int last_doc;   /* the document that last counted this term (for df) */
};

struct wordmap {
	struct slot *slots;
	size_t cap, used;
};

/* Document frequencies of a window's terms, by the term's 64-bit hash: a window of 16,000
 * articles holds ~250,000 distinct terms, and 16 bytes each without the strings (rather than
 * a struct slot and a copy of the word) is what keeps a daily at 3M items small. Two terms
 * with one hash would share a count; at 2^-64 per pair that is left to chance. */
struct df_entry {
	uint64_t hash;    /* 0 = empty (hash64_key is never 0) */
	uint32_t count : 31; /* articles that use the term */
	uint32_t lower : 1;  /* some article's body writes it in lower case: a common word */
	int32_t last_doc; /* the article that last counted it */
};

struct kw_index {
	struct df_entry *slots;
	size_t cap, used; /* cap a power of two, at most three quarters used: a 48-hour window at
	                   * millions of items counts ~200k terms, 16 bytes a slot */
	size_t docs;
};

static void
map_init(struct wordmap *m, size_t cap, struct arena *arena)
{
	m->cap = cap;
	m->used = 0;
	m->slots = arena_alloc(arena, cap * sizeof *m->slots);
	memset(m->slots, 0, cap * sizeof *m->slots);
}

static struct slot *map_get(struct wordmap *m, const char *w, size_t len, struct arena *arena);

static void
map_grow(struct wordmap *m, struct arena *arena)
{
	struct wordmap bigger;
	map_init(&bigger, m->cap * 2, arena);
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].word) {
			struct slot *s = map_get(&bigger, m->slots[i].word, strlen(m->slots[i].word), NULL);
			*s = m->slots[i];
		}
	*m = bigger;
}

/* Find or insert w (copied into arena on insert; arena NULL = the caller guarantees w lives). */
static struct slot *
map_get(struct wordmap *m, const char *w, size_t len, struct arena *arena)
{
	if ((m->used + 1) * 2 > m->cap && arena)
		map_grow(m, arena);
	size_t i = (size_t)hash64(w, len, HASH_SEED) & (m->cap - 1);
	for (;; i = (i + 1) & (m->cap - 1)) {
		struct slot *s = &m->slots[i];
		if (!s->word) {
			memset(s, 0, sizeof *s);
			s->word = arena ? arena_strndup(arena, w, len) : w;
			s->last_doc = -1;
			m->used++;
			return s;
		}
		if (strncmp(s->word, w, len) == 0 && s->word[len] == '\0')
			return s;
	}
}

static const struct slot *
map_find(const struct wordmap *m, const char *w)
{
	size_t i = (size_t)hash64(w, strlen(w), HASH_SEED) & (m->cap - 1);
	for (;; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].word)
			return NULL;
		if (strcmp(m->slots[i].word, w) == 0)
			return &m->slots[i];
	}
}

/* The entry of hash h: its slot, or the empty slot where it belongs. */
static struct df_entry *
df_slot(struct df_entry *slots, size_t cap, uint64_t h)
{
	for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1))
		if (slots[i].hash == h || slots[i].hash == 0)
			return &slots[i];
}

/* Double the table (the old one is freed: growing in the run's arena would leave every
 * smaller table behind). */
static void
df_grow(struct kw_index *idx)
{
	size_t cap = idx->cap * 2;
	struct df_entry *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < idx->cap; i++)
		if (idx->slots[i].hash)
			*df_slot(slots, cap, idx->slots[i].hash) = idx->slots[i];
	free(idx->slots);
	idx->slots = slots;
	idx->cap = cap;
}

struct df_ctx {
	struct kw_index *idx;
	int doc;
};

static void
count_df(void *vctx, const struct occ *o)
{
	struct df_ctx *c = vctx;
	struct kw_index *idx = c->idx;
	if ((idx->used + 1) * 4 > idx->cap * 3)
		df_grow(idx);
	uint64_t h = hash64_key(o->term, o->len);
	struct df_entry *e = df_slot(idx->slots, idx->cap, h);
	if (e->hash == 0) {
		*e = (struct df_entry){h, 0, 0, -1};
		idx->used++;
	}
	if (e->last_doc != c->doc) {
		e->last_doc = c->doc;
		e->count++;
	}
	e->lower |= o->lower != 0;
}

struct kw_index *
kw_index_build(const struct article *articles, const enum lang *langs, size_t count)
{
	struct kw_index *idx = xcalloc(1, sizeof *idx);
	idx->cap = 1024;
	idx->slots = xcalloc(idx->cap, sizeof *idx->slots);
	idx->docs = count;
	for (size_t d = 0; d < count; d++) {
		struct df_ctx c = {idx, (int)d};
		kws_scan_article(&articles[d], langs ? langs[d] : LANG_COUNT, count_df, &c);
	}
	return idx;
}

void
kw_index_free(struct kw_index *idx)
{
	if (!idx)
		return;
	free(idx->slots);
	free(idx);
}

/* True when some article of the window writes the term w in lower case in its body. */
static int
df_lower(const struct kw_index *idx, const char *w)
{
	const struct df_entry *e = df_slot(idx->slots, idx->cap, hash64_key(w, strlen(w)));
	return e->hash && e->lower;
}

/* The number of window articles that use the term w (0: none). */
static uint32_t
df_count(const struct kw_index *idx, const char *w)
{
	const struct df_entry *e = df_slot(idx->slots, idx->cap, hash64_key(w, strlen(w)));
	return e->hash ? e->count : 0;
}

struct tf_ctx {
	struct wordmap *tf;
	struct arena *arena;
	size_t body_words, body_caps; /* the body's words, and those capitalised mid-sentence */
};

/* s[0..len) into arena without its soft hyphens and word joiners (text_next reads through
 * them): a keyword is shown as the word, not with an invisible break in it. */
static const char *
without_soft_hyphens(struct arena *arena, const char *s, size_t len)
{
	char *out = arena_strndup(arena, s, len), *o = out;
	for (size_t i = 0; i < len; i++) {
		if (str_starts(s + i, "\xc2\xad") && i + 2 <= len) {
			i++;
			continue;
		}
		if (str_starts(s + i, "\xe2\x81\xa0") && i + 3 <= len) {
			i += 2;
			continue;
		}
		*o++ = s[i];
	}
	*o = '\0';
	return out;
}

static void
count_tf(void *vctx, const struct occ *o)
{
	struct tf_ctx *c = vctx;
	struct slot *s = map_get(c->tf, o->term, o->len, c->arena);
	if (o->kind == T_WORD && !o->in_title) {
		c->body_words++;
		c->body_caps += (size_t)o->cap_mid;
	}
	s->kind = o->kind;
	s->count += o->in_title ? 3 : 1;
	s->in_title |= o->in_title;
	s->title_inner |= o->title_inner;
	s->title_name |= o->title_name;
	s->body += !o->in_title;
	s->cap_mid += o->cap_mid; /* CJK: occurrences at a left word boundary */
	s->lower += o->lower;     /* CJK: occurrences at a right word boundary */
	s->in_name += o->in_name;
	/* The first capitalised spelling in the body (a title may be in Title Case), else the title's. */
	if (o->surface && o->surface_len <= 2 * TEXT_WORD_MAX + 1 && (!s->surface || (!o->in_title && s->in_title_surface))) {
		s->surface = without_soft_hyphens(c->arena, o->surface, o->surface_len);
		s->in_title_surface = o->in_title;
	}
}

/* A name: capitalised mid-sentence in the body and never written in lower case there. */
static int
is_proper(const struct slot *s)
{
	return s->kind != T_CJK && s->cap_mid > 0 && s->lower == 0;
}

/* A word the body only ever writes capitalised at a sentence's start, never mid-sentence nor in
 * lower case, and the title does not use: "Continue" of "Continue reading on Medium »",
 * "Weekdays peak at eight", a list item's "Listen". Its capital says nothing: term_score drops
 * it when another article of the window writes it in lower case (a common word, which had been
 * shown capitalised as a name), and keeps a name that opens its sentences ("Secunia reports",
 * "Grokipedia is"). A capitalised word after it makes it a name's first word ("Richard
 * Stallman said"), which stays too. */
static int
opens_sentences_only(const struct slot *s)
{
	return s->kind == T_WORD && !s->in_title && s->body > 0 && s->cap_mid == 0 && s->lower == 0 && s->in_name == 0 &&
	       s->surface &&
	       kws_starts_upper(s->surface, strlen(s->surface)) && !kws_inner_upper(s->surface, strlen(s->surface));
}

/* The words of an article's source name and host ("Krebs on Security", krebsonsecurity.com)
 * and of its byline ("Marco Arment"), read once per article: every candidate term is checked
 * against them. */
#define SOURCE_WORDS_MAX 64 /* words beyond are not checked (a name and host have a handful) */

enum source_part { PART_NAME, PART_HOST, PART_AUTHOR }; /* where a source word comes from */

struct source_words {
	char word[SOURCE_WORDS_MAX][TEXT_WORD_MAX + 1];
	enum source_part part[SOURCE_WORDS_MAX];
	size_t count;
};

/* The length of the names a byline gives, before what it adds about them: a dateline ("Ashifa
 * Kassam in Stanstead, Quebec": Quebec is the story's place, a topic), an address in brackets
 * ("Google Ads Developer Advisor (noreply@blogger.com)"), a role after a dash or a bar. */
static size_t
byline_names(const char *author)
{
	static const char *const ends[] = {" in ", "(", "<", " - ", " | "};
	size_t len = strlen(author);
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		const char *e = strstr(author, ends[i]);
		if (e && (size_t)(e - author) < len)
			len = (size_t)(e - author);
	}
	return len;
}

static void
source_words_read(const struct article *a, struct source_words *sw)
{
	const char *names[3] = {a->source_name, a->source_url, a->author};
	size_t lens[3] = {names[0] ? strlen(names[0]) : 0, 0, names[2] ? byline_names(names[2]) : 0};
	/* Of the URL its host alone ("krebsonsecurity.com"): whole, text_next skips it as a URL in
	 * running text, and no word of it was read. */
	const char *scheme = names[1] ? strstr(names[1], "://") : NULL;
	if (scheme) {
		names[1] = scheme + 3;
		lens[1] = strcspn(names[1], "/?#");
	} else if (names[1]) {
		lens[1] = strlen(names[1]);
	}
	sw->count = 0;
	for (int i = 0; i < 3; i++) {
		if (!names[i])
			continue;
		struct text_iter it;
		text_iter_init(&it, names[i], lens[i]);
		while (text_next(&it) && sw->count < SOURCE_WORDS_MAX) {
			memcpy(sw->word[sw->count], it.word, it.len + 1);
			sw->part[sw->count++] = (enum source_part)i;
		}
	}
}

/* True when w (wl bytes) is one of the words of the source's name or host. */
static int
source_word(const struct source_words *sw, const char *w, size_t wl)
{
	for (size_t i = 0; i < sw->count; i++)
		if (strlen(sw->word[i]) == wl && memcmp(sw->word[i], w, wl) == 0)
			return 1;
	return 0;
}

/* True when term (lower case, ASCII letters) spells the initials of consecutive words of the
 * source's name: "atp" of "Accidental Tech Podcast", "wtnv" of "Welcome to Night Vale". Three
 * letters at least: two initials match too many short words by chance. */
static int
source_initials(const struct source_words *sw, const char *term)
{
	size_t tl = strlen(term);
	if (tl < 3 || tl > 6)
		return 0;
	for (size_t i = 0; i < tl; i++)
		if (term[i] < 'a' || term[i] > 'z')
			return 0;
	for (size_t i = 0; i + tl <= sw->count; i++) {
		size_t k = 0;
		while (k < tl && sw->part[i + k] == sw->part[i] && sw->part[i] != PART_HOST &&
		       sw->word[i + k][0] == term[k])
			k++;
		if (k == tl)
			return 1;
	}
	return 0;
}

/* True when term is two or more consecutive words of the source's name written as one: the
 * handle "lukedorny" of "Luke Dorny's v6", "hodlhodl" of "Stories by Hodl Hodl on Medium",
 * and the site's domain "lukedorny.com". */
static int
source_joined(const struct source_words *sw, const char *term)
{
	for (size_t i = 0; i < sw->count; i++) {
		const char *rest = term;
		for (size_t k = i; k < sw->count && sw->part[k] == sw->part[i] && sw->part[k] != PART_HOST; k++) {
			size_t wl = strlen(sw->word[k]);
			if (strncmp(rest, sw->word[k], wl) != 0)
				break;
			rest += wl;
			/* the handle, or a domain of it ("lukedorny.com", the site's own) */
			if ((!*rest || *rest == '.') && k > i)
				return 1;
		}
	}
	return 0;
}

/* The source's own name is never a keyword: a word of its name or host, a phrase made only of
 * such words ("Giant Bombcast" on Giant Bombcast's episodes, "Night Vale" on Welcome to Night
 * Vale's, "Hodl Hodl" on "Stories by Hodl Hodl on Medium"), its words run together as a handle
 * ("lukedorny") or its initials ("ATP" on the Accidental Tech Podcast's). On every item of the
 * feed it would tag each with the publisher, which the digest shows beside the item anyway, and
 * make the show look like the day's topic. The byline is the publisher too: the host's first
 * name on each episode he posts ("Marco" of "Marco Arment"), a columnist's own name. */
static int
names_source(const struct source_words *sw, const char *term)
{
	size_t tl = strlen(term);
	for (size_t i = 0; i < sw->count; i++) {
		if (strcmp(sw->word[i], term) == 0)
			return 1;
		/* "krebsonsecurity" in the host contains "krebs"; only for words of 5+ letters. */
		if (sw->part[i] == PART_HOST && tl >= 5 && strstr(sw->word[i], term) && !strchr(term, ' '))
			return 1;
	}
	if (strchr(term, ' ')) {
		for (const char *w = term; *w;) {
			size_t wl = strcspn(w, " ");
			if (!source_word(sw, w, wl))
				return 0;
			w += wl;
			w += *w == ' ';
		}
		return 1;
	}
	return source_joined(sw, term) || source_initials(sw, term);
}

/* A plural whose singular the article also uses counts as the singular ("prompts" -> "prompt"). */
static void
merge_plurals(struct wordmap *tf)
{
	for (size_t i = 0; i < tf->cap; i++) {
		struct slot *s = &tf->slots[i];
		size_t n = s->word ? strlen(s->word) : 0;
		if (n < 5 || s->kind != T_WORD || s->word[n - 1] != 's' || s->word[n - 2] == 's' || is_proper(s))
			continue;
		char sing[TEXT_WORD_MAX + 1];
		memcpy(sing, s->word, n - 1);
		sing[n - 1] = '\0';
		struct slot *t = (struct slot *)map_find(tf, sing);
		if (!t || t->kind != T_WORD || t == s)
			continue;
		t->count += s->count;
		t->body += s->body;
		t->in_title |= s->in_title;
		t->lower += s->lower;
		s->count = 0;
	}
}

/* A two-word name the body uses once ("Ron Rivest", "Task Scheduler") is a topic like one it
 * repeats, where capitals mark names: not in German, whose nouns are all capitalised ("Hersteller
 * Landspace"), and not when every use of it sits inside a longer run of capitalised words ("CEO
 * Sam" of "CEO Sam Altman", "Ian Lance" of "Ian Lance Taylor"), which a pair would cut. */
static int
name_phrase(const struct slot *s, enum lang lang)
{
	return lang != LANG_DE && s->in_name < s->body;
}

/* A word spelt like an identifier of code: lower camel case (a lower-case run of two letters
 * or more, then a capital and a lower-case letter: "itemsPerPage", "thePath") or three capitals
 * each right after a lower-case letter or ending an acronym ("ThereIsNoCutlery",
 * "CTFontManagerRegisterFontsForURL", "NSFontSizeAttribute": "UIFont" and "SQLite" join fewer).
 * Names are shorter ("iPhone", "eBay"), end in capitals ("macOS", "watchOS") or join fewer parts
 * ("JavaScript", "OpenStreetMap", "LifeProTips"). Every word of a phrase is checked. */
static int
code_spelling(const char *s)
{
	for (const char *w = s; *w;) {
		size_t i = 0;
		while (w[i] >= 'a' && w[i] <= 'z')
			i++;
		if (i >= 2 && w[i] >= 'A' && w[i] <= 'Z' && w[i + 1] >= 'a' && w[i + 1] <= 'z')
			return 1;
		int humps = 0; /* a capital right after a lower-case letter, or after an acronym ("NSFont") */
		for (i = 0; w[i] && w[i] != ' '; i++)
			humps += i > 0 && w[i] >= 'A' && w[i] <= 'Z' &&
			         ((w[i - 1] >= 'a' && w[i - 1] <= 'z') ||
			          (w[i - 1] >= 'A' && w[i - 1] <= 'Z' && w[i + 1] >= 'a' && w[i + 1] <= 'z'));
		if (humps >= 3)
			return 1;
		w += i;
		while (*w == ' ')
			w++;
	}
	return 0;
}

/* True when a dotted word has a part of one letter ("r.l", "u.s"): initials, no identifier. */
static int
initials(const char *w)
{
	size_t part = 0;
	for (const char *p = w;; p++) {
		if (*p == '.' || !*p) {
			if (part == 1)
				return 1;
			if (!*p)
				return 0;
			part = 0;
		} else {
			part++;
		}
	}
}

static double
term_score(const struct kw_index *idx, const struct slot *s, enum lang lang, int caps_mark_names)
{
	/* A variable from a post's code is no topic; a name spelt so ("rssCloud", "remoteStorage")
	 * is one when the headline uses it. */
	if (s->kind != T_CJK && s->surface && !s->in_title && code_spelling(s->surface))
		return 0;
	/* An identifier of code ("hardened_malloc", "crypto.GenerateRandomBytes") is the topic
	 * when the headline names it, alone: not in a phrase, not in the body only, and not a
	 * name's initials ("R.L. Stine"). */
	if (s->kind != T_CJK && (strchr(s->word, '_') || (s->surface && kws_code_identifier(s->surface, strlen(s->surface)))) &&
	    (!s->in_title || s->kind == T_PHRASE || initials(s->word)))
		return 0;
	uint32_t n = df_count(idx, s->word);
	double df = n > 0 ? n : 1;
	/* A title word that the body never uses is the headline's wording, not the topic. */
	double tf = s->body > 0 || is_proper(s) ? s->count : 1.5;
	if (s->kind == T_CJK)
		tf = s->body > 0 ? s->count : 1.5;
	double score = (1.0 + log(tf)) * log(1.0 + (double)idx->docs / df);
	if (s->kind == T_WORD) {
		/* The last word of a longer name wherever the body uses it ("Francisco" of "San
		 * Francisco", "Studio" of "LM Studio", "Act" of "EU AI Act") is a fragment, not a topic:
		 * the name itself is the phrase, when it qualifies. */
		if (caps_mark_names && is_proper(s) && !s->in_title && s->body > 0 && s->in_name == s->body)
			return 0;
		if (opens_sentences_only(s) && df_lower(idx, s->word))
			return 0;
		if (is_proper(s))
			score *= 1.8;
		else if (kws_adjective_like(s->word))
			score *= 0.55;
	} else if (s->kind == T_PHRASE) {
		/* A phrase counts when the body repeats it, or a name ("Hugging Face") in title and body,
		 * or the title holds it past its first word and the body uses it ("Allison Sullivan on
		 * the Benefits of Unit Tests …": "unit tests"; a headline's first word is often its verb,
		 * "Parse podcast categories"). Used once only, it weighs as a word: "in-ear earphones"
		 * does not push out "earphones", which the body says again and again. */
		if (s->body < 2 && !(s->title_inner && s->body >= 1) && !(s->title_name && s->body == 0) &&
		    !(is_proper(s) && s->body >= 1 && (s->in_title || (caps_mark_names && name_phrase(s, lang)))))
			return 0;
		score *= is_proper(s) ? 2.2 : s->body < 2 ? 1.0 : 1.4;
	} else {
		size_t chars = utf8_count(s->word, strlen(s->word));
		if (s->count < 2)
			return 0;
		score *= chars == 2 ? 1.0 : chars == 3 ? 1.2 : 1.35;
		score *= 1.0 + (s->cap_mid > 0 ? 0.3 : 0) + (s->lower > 0 ? 0.3 : 0);
	}
	return score;
}

/* True when a and b share a word (ASCII) or one contains the other (CJK). */
static int
overlaps(const char *a, const char *b)
{
	if (strstr(a, b) || strstr(b, a)) {
		if ((unsigned char)*a >= 0x80 || (unsigned char)*b >= 0x80)
			return 1;
	}
	struct text_iter x, y;
	text_iter_init(&x, a, strlen(a));
	while (text_next(&x)) {
		text_iter_init(&y, b, strlen(b));
		while (text_next(&y))
			if (strcmp(x.word, y.word) == 0)
				return 1;
	}
	return 0;
}

/* True when term overlaps one of out[0..m) (overlaps). */
static int
overlaps_any(const char *const *out, size_t m, const char *term)
{
	for (size_t j = 0; j < m; j++)
		if (overlaps(out[j], term))
			return 1;
	return 0;
}

struct scored {
	const char *word;
	const char *display;
	double score;
};

/* True when phrase is two words and word one of them ("unit tests", "tests"). */
static int
phrase_of(const char *phrase, const char *word)
{
	const char *sp = strchr(phrase, ' ');
	size_t wl = strlen(word);
	if (!sp || strchr(word, ' '))
		return 0;
	return ((size_t)(sp - phrase) == wl && strncmp(phrase, word, wl) == 0) || strcmp(sp + 1, word) == 0;
}

/* How a term is shown: a name in the article's own spelling ("Taalas", "GitHub", "Überwachung"),
 * anything else in lower case ("inference"). */
static const char *
display_form(const struct slot *s)
{
	if (s->kind == T_CJK || !s->surface)
		return s->word;
	/* A name, a mixed-case word ("GitHub"), or a word the article never writes in lower case
	 * ("Taalas" at the start of its only sentence, a German noun). */
	if (is_proper(s) || s->lower == 0 || (s->kind == T_WORD && kws_inner_upper(s->surface, strlen(s->surface))))
		return s->surface;
	return s->word;
}

#define HEAD_MAX_BYTES 48 /* "Mac Power Users #336", "Red Dead Redemption 2": a name, not a clause */
#define HEAD_MAX_WORDS 4

/* A headline's name as the other terms are kept, lower case, built word by word (title_head,
 * title_product). */
struct head_words {
	char text[HEAD_MAX_BYTES + 1];
	size_t len;
};

/* Append the word w (wl bytes) to h: 0, or -1 when the name would be too long. */
static int
head_append(struct head_words *h, const char *w, size_t wl)
{
	if (h->len + 1 + wl + 1 > sizeof h->text)
		return -1;
	if (h->len)
		h->text[h->len++] = ' ';
	memcpy(h->text + h->len, w, wl);
	h->len += wl;
	h->text[h->len] = '\0';
	return 0;
}

/* True when s[0..len) holds an ASCII digit ("2", "v1"): such a word may stand in a name
 * without a capital ("Red Dead Redemption 2"). */
static int
has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (is_ascii_digit((unsigned char)s[i]))
			return 1;
	return 0;
}

/* A trailing episode or issue number of a series' head ("#336", "603", "KVM Forum 2024"): two
 * digits or more, or any number after '#'. A single digit stays: it is part of the name ("Red
 * Dead Redemption 2"). */
static int
episode_number(const char *start, size_t raw)
{
	if (start[-1] == '#')
		return 1;
	for (size_t i = 0; i < raw; i++)
		if (!is_ascii_digit((unsigned char)start[i]))
			return 0;
	return raw >= 2;
}

/* The subject a headline names before its colon, when it is a name: "Star Wars: Boba-Fett-Film
 * ist tot", "Tom Waits: Sänger lässt den Teufel raus", "Mac Power Users #336: iPhone
 * Productivity" (the series, without its number). A reader tags the story with it; as separate
 * words the name falls apart ("Wars", "Tom") or never counts, since a phrase needs the body to
 * repeat it. A name is one to four words, only spaces between them, every one capitalised (or
 * mixed case, or with a digit), none a function word, the first no generic word ("Code Health"
 * and "First Look" are none), one at least a usable word; a single word must also be a name
 * where the body uses it (capitalised mid-sentence, never in lower case), mixed case or all
 * capitals: a label heads many a feed's titles ("Link:", "Sponsor:", "Doc:") and is none.
 * Written into out (cap bytes) in the title's spelling; returns its length, 0 when the title
 * has no such head. */
static size_t
title_head(const char *title, enum lang lang, const struct wordmap *tf, const struct source_words *sw, char *out,
           size_t cap)
{
	const char *colon = title ? strstr(title, ": ") : NULL;
	if (!colon || colon == title || (size_t)(colon - title) > HEAD_MAX_BYTES || !colon[2])
		return 0;
	struct text_iter it;
	text_iter_init(&it, title, (size_t)(colon - title));
	const char *first = NULL, *last_end = NULL, *prev_end = NULL;
	size_t words = 0;
	int named = 0;
	struct head_words lower = {"", 0};
	while (text_next(&it)) {
		size_t raw = (size_t)(it.stem_end - it.start);
		if (it.is_cjk || it.stem_end != it.p)
			return 0; /* CJK has no capitals to tell a name by; a possessive is a phrase */
		for (const char *q = prev_end ? prev_end : title; q < it.start; q++)
			if (*q != ' ' && !(*q == '#' && q + 1 == it.start && prev_end))
				return 0; /* "Linux, BSD", "(Update)", a leading "[Sponsor]" */
		if (prev_end && episode_number(it.start, raw) && it.p == colon) {
			prev_end = it.p;
			break; /* the series' number ends the head */
		}
		/* A generic word may name something in company ("Mac Power Users") but never leads
		 * a name ("First Look", "Best MacBook"). */
		if (++words > HEAD_MAX_WORDS || lang_is_stopword(lang, it.word) || (words == 1 && kw_is_generic(it.word)))
			return 0;
		if (!kws_capitalised(it.start, raw) && !has_digit(it.start, raw))
			return 0;
		named |= kws_usable_word(&it, lang);
		if (!first)
			first = it.start;
		if (head_append(&lower, it.word, it.len) < 0)
			return 0;
		last_end = it.stem_end;
		prev_end = it.p;
	}
	if (!first || !named || (prev_end != colon && last_end != colon) || names_source(sw, lower.text))
		return 0;
	size_t len = (size_t)(last_end - first);
	if (words == 1) {
		const struct slot *s = map_find(tf, lower.text);
		if (!(s && is_proper(s)) && !kws_inner_upper(first, len) && !kws_shouted(first, len))
			return 0;
	}
	if (len + 1 > cap)
		return 0;
	memcpy(out, first, len);
	out[len] = '\0';
	return len;
}

/* A word that numbers what follows it ("Version 1.2 of …", "Chapter 3", "Season 2"): no name. */
static int
numbering_word(const char *w)
{
	static const char *const words[] = {"beta", "build", "chapter", "edition", "episode", "issue", "part",
	                                    "patch", "phase", "release", "revision", "round", "season", "update",
	                                    "version", "volume"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/* The product a release headline opens with, before its version: "PCLinuxOS 2009.2 released",
 * "Palm Pre 1.0.4 update", "Kaspersky Mobile Security 8.0 release" after a colon,
 * "fortify-headers 2.1". One to four words from the title's start (or right after its colon) to
 * the version, only spaces between them, each capitalised (or mixed case, or with a digit),
 * but for a single word, which may be in lower case ("mat2 0.13.4"). Not a clause ("Taalas serves
 * Llama 3.1" is no release of Taalas), no function, generic or numbering word first ("Version 1.2
 * of …"), one word at least usable. Written into out (cap bytes) in the title's spelling; 0 when
 * there is none. */
static size_t
title_product(const char *title, enum lang lang, const struct source_words *sw, char *out, size_t cap)
{
	if (!title)
		return 0;
	const char *starts[2] = {title, NULL};
	const char *colon = strstr(title, ": ");
	if (colon)
		starts[1] = colon + 2;
	for (int k = 0; k < 2 && starts[k]; k++) {
		struct text_iter it;
		text_iter_init(&it, starts[k], strlen(starts[k]));
		const char *first = NULL, *last_end = NULL, *prev_end = starts[k];
		size_t words = 0;
		int all_named = 1, named = 0;
		struct head_words lower = {"", 0};
		while (text_next(&it)) {
			for (const char *q = prev_end; q < it.start; q++)
				if (*q != ' ')
					goto next_start;
			if (it.is_cjk || it.stem_end != it.p)
				break;
			if (text_has_version(it.word)) {
				if (!first || !named || (!all_named && words > 1) || names_source(sw, lower.text))
					break;
				size_t len = (size_t)(last_end - first);
				if (len + 1 > cap)
					break;
				memcpy(out, first, len);
				out[len] = '\0';
				return len;
			}
			size_t raw = (size_t)(it.stem_end - it.start);
			if (++words > HEAD_MAX_WORDS || lang_is_stopword(lang, it.word) ||
			    (words == 1 && (kw_is_generic(it.word) || numbering_word(it.word))) ||
			    head_append(&lower, it.word, it.len) < 0)
				break;
			all_named &= kws_capitalised(it.start, raw) || has_digit(it.start, raw);
			named |= kws_usable_word(&it, lang);
			if (!first)
				first = it.start;
			last_end = it.stem_end;
			prev_end = it.p;
		}
	next_start:;
	}
	return 0;
}

/* The name two words make together where the body writes them side by side, in either order
 * and both capitalised, and not only inside a longer name (name_phrase: so not in German, whose
 * nouns all have capitals): "Andreas Zeller" for "zeller" and "andreas"; NULL when it does not. */
static const struct slot *
name_of(const struct wordmap *tf, const struct slot *x, const struct slot *y, enum lang lang)
{
	char buf[2 * TEXT_WORD_MAX + 2];
	for (int k = 0; k < 2; k++) {
		const struct slot *a = k ? y : x, *b = k ? x : y;
		size_t al = strlen(a->word), bl = strlen(b->word);
		if (al + 1 + bl + 1 > sizeof buf)
			return NULL;
		memcpy(buf, a->word, al);
		buf[al] = ' ';
		memcpy(buf + al + 1, b->word, bl + 1);
		/* Written so in the body, both words capitalised (a title may be in Title Case). */
		const struct slot *p = map_find(tf, buf);
		if (p && p->kind == T_PHRASE && p->surface && !p->in_title_surface && name_phrase(p, lang) &&
		    !strchr(p->word, '_') && !kws_code_identifier(p->surface, strlen(p->surface)) &&
		    kws_starts_upper(p->surface, al) &&
		    kws_capitalised(p->surface + al + 1, bl))
			return p;
	}
	return NULL;
}

/* The name the headline gives a taken word in full, where the body writes it so too: "Apple
 * Pencil" for "pencil" ("… Navigate iPad UI With Apple Pencil"), "Brian Merchant" for "merchant"
 * (a review that names the author once, then by surname). A name the body only capitalises at a
 * sentence's start, or writes in lower case, is none. The most used such name; NULL when none. */
static const struct slot *
title_name_of(const struct wordmap *tf, const struct slot *w, enum lang lang)
{
	const struct slot *best = NULL;
	for (size_t i = 0; i < tf->cap; i++) {
		const struct slot *p = &tf->slots[i];
		if (!p->word || p->kind != T_PHRASE || !p->in_title || p->body < 1 || !is_proper(p) ||
		    !name_phrase(p, lang) || !phrase_of(p->word, w->word))
			continue;
		if (!best || p->count > best->count || (p->count == best->count && strcmp(p->word, best->word) < 0))
			best = p;
	}
	return best;
}

/* The full name a first name stands for: the two-word name the body writes with w first and a
 * capitalised word after it ("Clemens Schrimpe" for "clemens"), where the body gives the name in
 * full at its first use of w and goes on with w alone ("Clemens explains ..."), as show notes and
 * interviews speak of a guest. A first name is written as one ("Clemens"): not an acronym, not
 * mixed case, no lexicon topic ("Apple" of "Apple Inc"). The name must be w's usual
 * continuation, used more often than every other capitalised word after w together: a word the
 * text puts before several names ("Taalas Cloud", "Taalas Studio") is a company or a product
 * line, and two people of one first name ("Scott Herz", "Scott Forstall") leave it open who
 * "Scott" is. It must not be cut from a longer name ("Yoon Suk" of "Yoon Suk Yeol", "Zimbabwe
 * President" of "Zimbabwe President Robert Mugabe"), and its second word must be a name where the
 * body uses it alone (capitalised mid-sentence, never in lower case). NULL when there is none. */
static const struct slot *
first_name_of(const struct wordmap *tf, const struct slot *w, const char *text)
{
	if (w->kind != T_WORD || !is_proper(w) || !text || !w->surface ||
	    kws_inner_upper(w->surface, strlen(w->surface)) || lexicon_topic(w->word))
		return NULL;
	size_t wl = strlen(w->word);
	const struct slot *best = NULL;
	int uses = 0; /* uses of w before a capitalised word, whichever */
	for (size_t i = 0; i < tf->cap; i++) {
		const struct slot *p = &tf->slots[i];
		if (!p->word || p->kind != T_PHRASE || p->body < 1 || !p->surface || p->in_title_surface ||
		    strncmp(p->word, w->word, wl) != 0 || p->word[wl] != ' ')
			continue;
		const char *second = strchr(p->surface, ' ');
		if (!second || !kws_capitalised(second + 1, strlen(second + 1)))
			continue;
		uses += p->body;
		if (!best || p->body > best->body || (p->body == best->body && strcmp(p->word, best->word) < 0))
			best = p;
	}
	if (!best || best->body * 2 <= uses)
		return NULL;
	const char *second = strchr(best->surface, ' ') + 1;
	const struct slot *surname = map_find(tf, best->word + wl + 1);
	if (kws_shouted(second, strlen(second)) || kws_code_identifier(best->surface, strlen(best->surface)) ||
	    best->in_name >= best->body || !surname || !is_proper(surname))
		return NULL;
	/* The first use of w in the body: the name in full, or no first name. */
	struct text_iter it;
	text_iter_init(&it, text, strlen(text));
	while (text_next(&it)) {
		if (strcmp(it.word, w->word) != 0)
			continue;
		const char *end = it.p;
		return text_next(&it) && it.start == end + 1 && *end == ' ' && strcmp(it.word, best->word + wl + 1) == 0
		           ? best
		           : NULL;
	}
	return NULL;
}

/* A word of the headline that a body of TITLE_ONLY_BODY words or more never uses is how the
 * headline put it ("plans", "subscribers", "recover", "Chip" of "Chip maker plans …"), not what
 * the story is about: the body says that. A word the headline capitalises past its first word
 * may be a name the body leaves out ("… for Gmail"), and stays, as does a mixed-case one
 * ("iPhone"); a text too short to say it all (a title-only item) keeps its title's words, and
 * so does a caseless alphabet's (Urdu), whose stop lists are thin: there the title's words are
 * the topic and the body's best terms often function words. */
static int
headline_wording(const struct slot *s, const char *title, size_t body_words)
{
	uint32_t cp = 0;
	utf8_decode(s->word, strlen(s->word), &cp);
	if (s->kind != T_WORD || !s->in_title || s->body > 0 || body_words < TITLE_ONLY_BODY || is_proper(s) ||
	    utf8_is_caseless(cp))
		return 0;
	if (!s->surface)
		return 1; /* written in lower case */
	size_t sl = strlen(s->surface);
	if (kws_inner_upper(s->surface, sl))
		return 0;
	while (title && *title && !kws_starts_upper(title, strlen(title)))
		title++; /* to the title's first letter: a quotation mark or a star may lead */
	return title && strncmp(title, s->surface, sl) == 0;
}

size_t
kw_top(const struct kw_index *idx, const struct article *a, enum lang lang, const char **out, size_t max,
       struct arena *arena)
{
	struct arena scratch = ARENA_INIT;
	struct wordmap tf;
	map_init(&tf, 256, &scratch);
	struct tf_ctx c = {&tf, &scratch, 0, 0};
	kws_scan_article(a, lang, count_tf, &c);
	merge_plurals(&tf);
	/* Capitals mark names only in running prose: a short text, or one written in Title Case
	 * (a headline used as the text: "Why Tech Needs Personalization"), capitalises words that
	 * are no names, and longer runs of them say nothing about a name's extent. */
	int caps_mark_names = c.body_words >= 6 && c.body_caps * 10 <= c.body_words * 4;
	struct source_words sw;
	source_words_read(a, &sw);
	struct scored best[CANDIDATES];
	size_t n = 0;
	for (size_t i = 0; i < tf.cap; i++) {
		struct slot *s = &tf.slots[i];
		if (!s->word || s->count == 0 || names_source(&sw, s->word) || headline_wording(s, a->title, c.body_words))
			continue;
		double score = term_score(idx, s, lang, caps_mark_names);
		if (score <= 0)
			continue;
		/* Insert into the small sorted best list (score desc, a phrase before a word of its own,
		 * which it names more precisely: "unit tests" before "tests"; then word asc). */
		size_t k = n;
		while (k > 0 && (best[k - 1].score < score ||
		                 (best[k - 1].score == score &&
		                  (phrase_of(s->word, best[k - 1].word) ||
		                   (!phrase_of(best[k - 1].word, s->word) && strcmp(best[k - 1].word, s->word) > 0)))))
			k--;
		if (k >= CANDIDATES)
			continue;
		if (n < CANDIDATES)
			n++;
		memmove(&best[k + 1], &best[k], (n - 1 - k) * sizeof best[0]);
		best[k] = (struct scored){s->word, display_form(s), score};
	}
	/* The headline's named subject (before its colon, else a release's product before its
	 * version) first, then the best terms, skipping terms that overlap a better one ("hugging"
	 * after "hugging face", "Wars" after "Star Wars"). */
	size_t m = 0;
	char head[HEAD_MAX_BYTES + 1];
	size_t head_len = max > 0 ? title_head(a->title, lang, &tf, &sw, head, sizeof head) : 0;
	if (head_len == 0 && max > 0)
		head_len = title_product(a->title, lang, &sw, head, sizeof head);
	if (head_len > 0)
		out[m++] = arena_strndup(arena, head, head_len);
	const struct slot *taken[CANDIDATES + 1] = {0}; /* out[j]'s term (NULL for the head) */
	for (size_t i = 0; i < n && m < max; i++) {
		if (overlaps_any(out, m, best[i].word))
			continue;
		const struct slot *s = map_find(&tf, best[i].word);
		/* Two words of one name both taken ("Zeller", "Andreas"): the name, once, in the
		 * article's order ("Andreas Zeller"), and the slot goes to the next term. */
		const struct slot *name = NULL;
		size_t at = 0;
		for (size_t j = 0; j < m && !name && s->kind == T_WORD; j++)
			if (taken[j] && taken[j]->kind == T_WORD && (name = name_of(&tf, taken[j], s, lang)) != NULL)
				at = j;
		if (name) {
			out[at] = arena_strdup(arena, display_form(name));
			taken[at] = name;
			continue;
		}
		/* A word the headline names in full ("Pencil" of "… With Apple Pencil"): the name. */
		const struct slot *full = s->kind == T_WORD ? title_name_of(&tf, s, lang) : NULL;
		/* A first name the body gives in full ("Clemens" of "Clemens Schrimpe"): the name. */
		if (!full && caps_mark_names) {
			full = first_name_of(&tf, s, a->text);
			if (full && overlaps_any(out, m, full->word))
				full = NULL; /* the name's other word is taken: the word alone */
		}
		if (full && overlaps_any(out, m, full->word))
			continue;
		taken[m] = full ? full : s;
		out[m++] = arena_strdup(arena, full ? display_form(full) : best[i].display);
	}
	arena_free(&scratch);
	return m;
}
