/* offline.c: the offline engine: lexicon- and rule-based scoring, TF-IDF keywords,
 * extractive summaries and template highlights. No I/O, no clock but ctx->now. */
#include "ai/offline/offline.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "ai/offline/forms.h"
#include "ai/offline/kwscan.h"
#include "ai/offline/lang.h"
#include "ai/offline/lexicon.h"
#include "ai/offline/text.h"
#include "ai/offline/versions.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/strlist.h"
#include "util/utf8.h"

#define SCAN_BYTES 16000    /* head of the text the scorer reads */
#define MAX_MATCHES 160     /* distinct lexicon entries (topics and cues) remembered per article */
#define TAG_MAX 8           /* feed categories of an item read as cues */

/* ---- preferences ---- */

/* s[0..len) in lower case, every script as text_next() folds a word (utf8_tolower: "Über"
 * is "über", "Шифрование" "шифрование"), into b (appended; not NUL-terminated). */
static void
fold_into(const char *s, size_t len, struct buf *b)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 1 && (unsigned char)s[i] >= 0x80) /* a stray byte is kept as it is */
			buf_putc(b, s[i]);
		else
			utf8_put(b, utf8_tolower(cp));
		i += n;
	}
}

/* The entries of the comma-separated list v into arena; returns the count. Sources are
 * lower-cased in ASCII (they are compared with str_casecmp); topics in every script
 * (fold_into), as the words and CJK text they are matched against are. */
static size_t
split_list(const char *v, int is_topics, struct arena *arena, const char ***out)
{
	size_t n = strlist_split(v, ",", arena, out);
	for (size_t i = 0; i < n; i++) {
		if (!is_topics) {
			str_lower((char *)(*out)[i]); /* the arena's copy, not the config's text */
			continue;
		}
		struct buf b = BUF_INIT;
		fold_into((*out)[i], strlen((*out)[i]), &b);
		(*out)[i] = arena_strndup(arena, buf_str(&b), b.len);
		buf_free(&b);
	}
	return n;
}

void
offline_prefs_load(const struct config *cfg, struct arena *arena, struct offline_prefs *out)
{
	memset(out, 0, sizeof *out);
	const struct config_values *v = config_values(cfg);
	out->interest_count = split_list(v->interests_topics, 1, arena, &out->interests);
	out->mute_count = split_list(v->mute_topics, 1, arena, &out->mutes);
	out->muted_source_count = split_list(v->mute_sources, 0, arena, &out->muted_sources);
}

/* ---- analysis of one article ---- */

#define PERSONAL_FIRST_PERSON 5.0 /* % of words in the first person: a personal post */

struct match {
	const struct lexicon_entry *entry;
	int count;
	int in_title;
	int surnames; /* uses of the term as a person's surname ("Taylor Swift"): surname_of */
};

struct offline_analysis {
	enum lang lang;
	size_t words, numbers, sentences;
	int opinion_cues, news_cues;
	struct piece_form form; /* what the headline and the feed announce (forms.h) */
	int feed_column; /* the feed describes itself as opinion ("Tech opinion and analysis from …") */
	int interest_hits, is_muted;
	struct match *matches; /* up to MAX_MATCHES: the caller's scratch while analysing, then its own copy */
	size_t match_count;
};

/* The share of an's words (in %) that are the first person or personal words (CUE_OPINION,
 * lexicon_is_first_person): a personal post writes 5 % or more. */
static double
first_person_rate(const struct offline_analysis *an)
{
	return an->words ? 100.0 * an->opinion_cues / (double)an->words : 0;
}

struct offline_source_tally {
	int count[CAT_COUNT]; /* the source's window articles by own category */
	int total;
};

/* The index of a in the window, found by address (as integers: a may be an article of another
 * array); SIZE_MAX when a is not a window article. */
static size_t
window_index(const struct offline_ctx *ctx, const struct article *a)
{
	uintptr_t first = (uintptr_t)ctx->articles, at = (uintptr_t)a;
	if (ctx->articles && at >= first && at < first + ctx->article_count * sizeof *a && (at - first) % sizeof *a == 0)
		return (at - first) / sizeof *a;
	return SIZE_MAX;
}

/* What add_match did for one hit, so that a longer term found at the next word can take it
 * back: "hacker" is an attack word until "news" follows it. */
struct match_undo {
	const struct lexicon_entry *entry; /* NULL: no hit */
	int existed, old_in_title;         /* the entry's match before this hit */
	int span;                          /* words the hit's term spans (set by the caller) */
};

/* Count a hit of e, and return how to take it back (undo_match). */
static struct match_undo
add_match(struct offline_analysis *an, const struct lexicon_entry *e, int in_title)
{
	struct match_undo u = {e, 0, 0, 1};
	for (size_t i = 0; i < an->match_count; i++)
		if (an->matches[i].entry == e) {
			u.existed = 1;
			u.old_in_title = an->matches[i].in_title;
			an->matches[i].count++;
			an->matches[i].in_title |= in_title;
			return u;
		}
	if (an->match_count < MAX_MATCHES)
		an->matches[an->match_count++] = (struct match){e, 1, in_title, 0};
	return u;
}

/* Take back the hit u recorded: the match's count and title flag as they were before it, or
 * no match at all when it was the entry's first. */
static void
undo_match(struct offline_analysis *an, const struct match_undo *u)
{
	for (size_t i = 0; i < an->match_count; i++) {
		if (an->matches[i].entry != u->entry)
			continue;
		if (!u->existed) {
			an->matches[i] = an->matches[--an->match_count];
		} else {
			an->matches[i].count--;
			an->matches[i].in_title = u->old_in_title;
		}
		return;
	}
}

static int
term_in_list(const char *term, const char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(term, list[i]) == 0)
			return 1;
	return 0;
}

static int
has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* True when s contains a CJK character (such terms match as substrings, not as words). */
static int
has_cjk(const char *s)
{
	return utf8_has(s, strlen(s), text_is_cjk);
}

/* Substring checks for CJK lexicon entries and CJK preference terms. The terms are in lower
 * case (split_list), so they are looked for in a lower-case copy: "nft数字藏品" in "NFT数字藏品". */
static void
scan_cjk(struct offline_analysis *an, const char *s, size_t len, int in_title, const struct offline_prefs *prefs)
{
	if (!has_non_ascii(s))
		return;
	size_t n;
	const struct lexicon_entry *cjk = lexicon_cjk(&n);
	struct buf copy = BUF_INIT;
	fold_into(s, len, &copy);
	const char *folded = buf_str(&copy);
	for (size_t i = 0; i < n; i++)
		if (strstr(folded, cjk[i].term))
			add_match(an, &cjk[i], in_title);
	for (size_t i = 0; prefs && i < prefs->interest_count; i++)
		if (has_cjk(prefs->interests[i]) && strstr(folded, prefs->interests[i]))
			an->interest_hits++;
	for (size_t i = 0; prefs && i < prefs->mute_count; i++)
		if (has_cjk(prefs->mutes[i]) && strstr(folded, prefs->mutes[i]))
			an->is_muted = 1;
	buf_free(&copy);
}

#define COMPOUND_MIN 10 /* bytes: shorter German words are seldom compounds */
#define PART_MIN 6      /* bytes: shorter parts are too often parts of unrelated words */

/* A German compound's lexicon part: "Datenschutzbehörde" is about Datenschutz, "Staatstrojaner"
 * is a Trojaner, "Trojanerfirma" sells them. German writes as one word what English writes as
 * two, so the longest German lexicon term that begins or ends the word (at least PART_MIN
 * bytes, a clear term of weight 2 or more) stands for it. Only German terms: an English one
 * inside a German word is too often a loan ("Geocaching" is no caching). NULL when none does. */
static const struct lexicon_entry *
compound_part(const char *w, size_t len)
{
	if (len < COMPOUND_MIN || strchr(w, '-'))
		return NULL;
	char part[TEXT_WORD_MAX + 1];
	for (size_t n = len - 1; n >= PART_MIN; n--) {
		/* the first n bytes, then the last n, each on a UTF-8 character boundary */
		const char *starts[2] = {w, w + len - n};
		for (int k = 0; k < 2; k++) {
			if (((unsigned char)starts[k][0] & 0xC0) == 0x80 || ((unsigned char)starts[k][n] & 0xC0) == 0x80)
				continue;
			memcpy(part, starts[k], n);
			part[n] = '\0';
			const struct lexicon_entry *e = lexicon_find(part);
			if (e && e->weight >= 2 && e->langs && lexicon_applies(e, LANG_DE) && !lexicon_applies(e, LANG_EN))
				return e;
		}
	}
	return NULL;
}

/* True when w (lower case) ends as an adjective of a people or place does in English
 * ("japanese", "american", "korean", "british", "french", "arabic"): capitalised, it is
 * no first name. */
static int
demonym_like(const char *w)
{
	static const char *const endings[] = {"an", "ch", "ese", "ic", "ish"};
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (str_ends(w, endings[i]))
			return 1;
	return 0;
}

/* True when the word at it (raw bytes as written) is a surname: written with a capital right
 * after a possible first name that ended at name_end (scan), only spaces between them. */
static int
surname_of(const char *name_end, const struct text_iter *it, size_t raw)
{
	if (!name_end || name_end >= it->start || !kws_starts_upper(it->start, raw))
		return 0;
	for (const char *q = name_end; q < it->start; q++)
		if (*q != ' ')
			return 0;
	return 1;
}

static void
scan(struct offline_analysis *an, const char *s, int in_title, const struct offline_prefs *prefs)
{
	size_t len = strlen(s);
	if (len > SCAN_BYTES)
		len = utf8_prefix_chars(s, SCAN_BYTES, SCAN_BYTES);
	char prev[2][TEXT_WORD_MAX + 1] = {"", ""};
	struct match_undo last = {0}; /* the previous word's hit */
	/* The previous token could be a person's first name (surname_of): where it ended, NULL when
	 * it cannot. A title in Title Case capitalises every word, so there it tells nothing. */
	const char *name_end = NULL;
	int title_case = in_title && kws_title_cased(s, len);
	struct text_iter it;
	text_iter_init(&it, s, len);
	while (text_next(&it)) {
		if (it.is_cjk) {
			an->words++;
			prev[0][0] = prev[1][0] = '\0';
			last.entry = NULL;
			name_end = NULL;
			continue;
		}
		an->words++;
		if (is_ascii_digit((unsigned char)it.word[0]))
			an->numbers++;
		if (lexicon_is_cue(CUE_OPINION, it.word) || lexicon_is_first_person(an->lang, it.word))
			an->opinion_cues++;
		if (lexicon_is_cue(CUE_NEWS, it.word))
			an->news_cues++;
		/* The longest lexicon term ending at this word wins: "language models" is one topic. */
		char gram[3 * (TEXT_WORD_MAX + 1)];
		const struct lexicon_entry *hit = NULL;
		int span = 1;
		const char *pref_hit = NULL;
		for (int n = 3; n >= 1; n--) {
			if (n == 3 && (!prev[0][0] || !prev[1][0]))
				continue;
			if (n == 2 && !prev[1][0])
				continue;
			if (n == 3)
				snprintf(gram, sizeof gram, "%s %s %s", prev[0], prev[1], it.word);
			else if (n == 2)
				snprintf(gram, sizeof gram, "%s %s", prev[1], it.word);
			else
				snprintf(gram, sizeof gram, "%s", it.word);
			if (!hit) {
				hit = lexicon_find(gram);
				if (hit && !lexicon_applies(hit, an->lang))
					hit = NULL;
				span = n;
			}
			if (prefs && !pref_hit) {
				if (term_in_list(gram, prefs->interests, prefs->interest_count)) {
					an->interest_hits++;
					pref_hit = gram;
				}
				if (term_in_list(gram, prefs->mutes, prefs->mute_count))
					an->is_muted = 1;
			}
		}
		/* "gpt-5.3-codex", "llama-3": a lexicon term with a version or variant attached. */
		const char *dash = strchr(it.word, '-');
		if (!hit && dash && dash > it.word) {
			char stem[TEXT_WORD_MAX + 1];
			str_copy(stem, it.word, (size_t)(dash - it.word) + 1);
			hit = lexicon_find(stem);
			/* German and Dutch join words with hyphens ("5G-Netz", "KI-Modell", "Linux-Kernel"):
			 * there any term is a cue as a compound's head; elsewhere only a core term is. */
			int compounding = an->lang == LANG_DE || an->lang == LANG_NL;
			if (hit && (hit->weight < (compounding ? 2 : 3) || !lexicon_applies(hit, an->lang)))
				hit = NULL;
		}
		if (!hit && an->lang == LANG_DE)
			hit = compound_part(it.word, it.len);
		/* A term called as a function in code ("aes(x = hour)" of ggplot2) is the code's, no
		 * cue: three R charting tutorials had been cryptography. */
		if (hit && text_is_call(&it))
			hit = NULL;
		/* A longer term that gives the previous word a non-technical sense takes back that
		 * word's own hit: "hacker news" is a site, not an attack and a site. A longer term of
		 * the same field ("security" → "security firm", "linux" → "linux kernel") adds to the
		 * shorter one, as it always did. */
		if (hit && span >= 2 && last.entry && last.span < span && hit->category == CAT_OTHER &&
		    last.entry->category != CAT_OTHER)
			undo_match(an, &last);
		size_t raw = (size_t)(it.stem_end - it.start);
		last.entry = NULL;
		if (hit) {
			last = add_match(an, hit, in_title);
			last.span = span;
			/* a one-word term as a surname ("Taylor Swift"): drop_surnames weighs it */
			if (span == 1 && hit->keyword && kws_starts_upper(hit->keyword, strlen(hit->keyword)) &&
			    surname_of(name_end, &it, raw))
				for (size_t i = 0; i < an->match_count; i++)
					an->matches[i].surnames += an->matches[i].entry == hit;
		}
		/* This word may be a first name: a capital mid-sentence (one opening a sentence, "Fix
		 * JavaScript linter path", says nothing), then lower-case letters only (not an
		 * acronym, a product's mixed case or a code: "XYZ197 IPv6"), in a text whose capitals
		 * mean names, a word that can be a term, no verb's form ("Learning Swift") nor a
		 * people's adjective ("Japanese Ruby developer", "American", "British"), no term
		 * itself ("Apple Swift"), not a possessive ("Apple's Swift"). */
		name_end = !title_case && !hit && it.stem_end == it.p && kws_starts_upper(it.start, raw) &&
		                   !kws_sentence_initial(s, it.start) &&
		                   !kws_inner_upper(it.start, raw) && strcspn(it.word, "0123456789") == it.len &&
		                   kws_usable_word(&it, an->lang) && !kws_adjective_like(it.word) && !demonym_like(it.word)
		               ? it.p
		               : NULL;
		memcpy(prev[0], prev[1], sizeof prev[0]);
		memcpy(prev[1], it.word, it.len + 1);
	}
	scan_cjk(an, s, len, in_title, prefs);
}


/* True when a feed's description says it carries news ("IT news, reviews, and analysis",
 * "Latest US news, …, opinion, analysis", "aktuelle Nachrichten"): then its "opinion" is one
 * section among others, not what every item is. */
static int
describes_news(const char *desc)
{
	static const char *const words[] = {"actualités", "breaking", "headlines", "nachrichten", "news", "nieuws",
	                                    "noticias", "notícias", "notizie", "správy", "новости"};
	return text_has_word(desc, words, sizeof words / sizeof words[0]) || strstr(desc, "新闻") != NULL;
}

/* True when the feed's description of itself (desc, plain text, may be NULL) announces a
 * column: a clear opinion cue of the lexicon (weight 2 or more, in the description's language:
 * "Tech opinion and analysis from John C. Dvorak", "Thoughts on software", "Meinung"), in a
 * description that does not also say the feed carries news. A weak cue ("wrong" in "I just
 * said what I said and it was wrong") is a tagline's joke, not a genre. The description's
 * subject words are not read: measured on the dev labels they cost items (a personal blog
 * "related to software development" has posts on politics and productivity; docs/ai.md). */
static int
is_column_feed(const char *desc)
{
	if (!desc || !*desc)
		return 0;
	struct match scratch[MAX_MATCHES];
	struct offline_analysis d;
	memset(&d, 0, sizeof d);
	d.matches = scratch;
	d.lang = lang_detect(desc, desc);
	scan(&d, desc, 0, NULL);
	for (size_t i = 0; i < d.match_count; i++)
		if (d.matches[i].entry->category == CAT_OPINION && d.matches[i].entry->weight >= 2)
			return !describes_news(desc);
	return 0;
}

#define HEADLINE_CHARS 200 /* an untitled item's headline: its first sentence, at most this long */

/* The headline of a: its title, or, for an item its feed publishes without one (a link blog's
 * or a microblog's post, a JSON Feed's content_text), its first sentence, which is what a
 * reader takes for its headline and what the title rules and title weights should read. buf
 * (at least 4 * HEADLINE_CHARS + 1 bytes) holds the copy. Never NULL. */
static const char *
headline(const struct article *a, char *buf)
{
	if (a->title && *a->title)
		return a->title;
	struct text_span first;
	if (!a->text || text_sentences(a->text, &first, 1) == 0)
		return "";
	size_t n = utf8_prefix_chars(first.p, first.len, HEADLINE_CHARS);
	memcpy(buf, first.p, n);
	buf[n] = '\0';
	return buf;
}

/* A term the article writes as a person's surname, after a capitalised word that is no term
 * ("Taylor Swift", "Jonathan Swift"), names that person, here and where the text goes on with
 * the surname alone ("… accusing Swift of ruining his career"), unless other terms of its
 * field say the story is about the field: a story about Taylor Swift was the programming
 * language's, engineering, tagged "Swift"; one about "Arch Linux" or "Enterprise Linux" names
 * packages, kernels or servers too, and keeps "Linux". Such matches are taken out. */
static void
drop_surnames(struct offline_analysis *an)
{
	for (size_t i = 0; i < an->match_count;) {
		const struct match *m = &an->matches[i];
		int field = 0;
		for (size_t j = 0; j < an->match_count && !field && m->surnames > 0; j++)
			field = j != i && an->matches[j].entry->category == m->entry->category &&
			        an->matches[j].surnames == 0;
		if (m->surnames > 0 && !field)
			an->matches[i] = an->matches[--an->match_count];
		else
			i++;
	}
}

/* Read a into an. The matches go into scratch (MAX_MATCHES of them), which an points at until
 * the caller copies them (offline_prepare keeps a window's analyses: 160 inline slots each
 * were 40 MB of a daily at 3M items). */
static void
analyse(const struct article *a, const struct offline_prefs *prefs, struct match *scratch,
        struct offline_analysis *an)
{
	memset(an, 0, sizeof *an);
	an->matches = scratch;
	char hbuf[4 * HEADLINE_CHARS + 1];
	const char *title = headline(a, hbuf);
	an->lang = lang_detect(a->title, a->text);
	form_read(a, title, an->lang, &an->form);
	an->feed_column = is_column_feed(a->source_description);
	scan(an, title, 1, prefs);
	/* The feed's own categories are its editor's label for the item ("security", "Meinung",
	 * "Programmierung"): they weigh like the title, word by word as in the text, so a tag
	 * "Linux kernel" or "Kommentar" is a cue even when it is no lexicon term as a whole. At
	 * most TAG_MAX of them: some feeds tag every item with a dozen words. */
	for (size_t i = 0; i < a->category_count && i < TAG_MAX; i++)
		if (a->categories[i])
			scan(an, a->categories[i], 1, prefs);
	an->words = 0;
	an->numbers = 0;
	scan(an, a->text ? a->text : "", 0, prefs);
	drop_surnames(an);
	for (size_t i = 0; prefs && i < prefs->muted_source_count; i++)
		if ((a->source_name && str_casecmp(a->source_name, prefs->muted_sources[i]) == 0) ||
		    (a->source_url && str_icasestr(a->source_url, strlen(a->source_url), prefs->muted_sources[i])))
			an->is_muted = 1;
	struct text_span spans[256];
	an->sentences = text_sentences(a->text ? a->text : "", spans, 256);
	/* A review of the writer's year is an essay when the writer speaks in it (is_year_review). */
	if (an->form.year_review && (an->lang == LANG_ZH || first_person_rate(an) >= PERSONAL_FIRST_PERSON))
		an->form.essay_title = 1;
}

static int
clamp10(long v)
{
	return v < 1 ? 1 : v > 10 ? 10 : (int)v;
}

static int
relevance(const struct offline_analysis *an)
{
	if (an->is_muted)
		return 1;
	int points = 0;
	for (size_t i = 0; i < an->match_count; i++) {
		if (!an->matches[i].entry->keyword) /* a category cue says what, not how relevant */
			continue;
		int w = an->matches[i].entry->weight;
		points += w + (an->matches[i].in_title ? 2 * w : 0) + (an->matches[i].count >= 3 ? 1 : 0);
	}
	if (points > 60)
		points = 60;
	long r = lround(2.0 + sqrt((double)points) * 1.2);
	r += an->interest_hits > 2 ? 4 : 2 * an->interest_hits;
	return clamp10(r);
}

#define OFF_TOPIC_RELEVANCE 3 /* relevance at or below it: at most one weak technical term */
#define OFF_TOPIC_QUALITY 3   /* ... and the most such an item's quality can be */
#define SHORT_NEWS_GAP 3      /* quality is at least relevance minus this */

/* 1..10 from the article's length, figures and sentences; a post of a prolific feed weighs
 * less. Quality is for the digest's technical reader (seed 000's rubric; the labelled set's
 * 1-2 for off-topic news, 2-3 for short link posts): an item with no technical subject
 * (relevance <= OFF_TOPIC_RELEVANCE) is at most OFF_TOPIC_QUALITY however long it is; a long
 * match report or election story had scored 6-8. And a story on a core technical subject
 * that its feed sums up in two sentences is news a reader wants (the rules' 5-6 for solid
 * news), not a link post: its quality is at least relevance - SHORT_NEWS_GAP, since length
 * says nothing about a story told that briefly ("MD6 withdrawn from the SHA-3 competition"
 * had quality 1). Rank correlation with the labelled quality, dev 0.584 -> 0.613 -> 0.629, a
 * second editor's 150 items 0.535 -> 0.596 -> 0.611, the probes unchanged or up (docs/ai.md).
 * k: a's index in the window (window_index()). */
static int
quality(const struct offline_analysis *an, const struct article *a, const struct offline_ctx *ctx, size_t k,
        int relevance)
{
	size_t w = an->words;
	long q = w < 30 ? 2 : w < 100 ? 3 : w < 250 ? 5 : w < 600 ? 6 : w < 1500 ? 7 : 8;
	if (an->numbers >= 5)
		q++;
	if (an->sentences >= 5) {
		double avg = (double)w / (double)an->sentences;
		if (avg >= 8 && avg <= 40)
			q++;
	}
	size_t same_source = 0;
	int tallied = ctx->tallies && k != SIZE_MAX;
	if (tallied)
		same_source = (size_t)ctx->tallies[ctx->tally_of[k]].total;
	for (size_t i = 0; !tallied && i < ctx->article_count; i++)
		same_source += ctx->articles[i].source_id == a->source_id;
	if (same_source > 8) /* a prolific feed (link blog, aggregator): each post weighs less */
		q--;
	if (an->form.sponsored) /* an advertisement: the labelled set's 1 whatever it sells */
		return 1;
	if (relevance <= OFF_TOPIC_RELEVANCE && q > OFF_TOPIC_QUALITY)
		q = OFF_TOPIC_QUALITY;
	if (q < relevance - SHORT_NEWS_GAP)
		q = relevance - SHORT_NEWS_GAP;
	return clamp10(q);
}

static int
timeliness(const struct offline_analysis *an, const struct article *a, const struct offline_ctx *ctx)
{
	double hours = ctx->hours > 0 ? ctx->hours : 48;
	double age = (double)(ctx->now - a->when) / 3600.0;
	if (age < 0)
		age = 0;
	double f = age / hours;
	long t = f < 0.125 ? 10 : f < 0.25 ? 9 : f < 0.5 ? 8 : f < 0.75 ? 7 : f <= 1.0 ? 6 : f < 3.5 ? 4 : 2;
	if (an->news_cues >= 2 && t < 10)
		t++;
	return clamp10(t);
}

/* The evidence for one category. */
struct evidence {
	int score;    /* weights of the entries that count, tripled in the title */
	int topics;   /* the part of score from topic entries (not mere cues) */
	int distinct; /* entries that count */
	int top;      /* the strongest weight among them */
	int title;    /* the strongest weight among those in the title */
};

/* The evidence for each category: every distinct lexicon entry (topic or cue) counts once, its
 * weight tripled in the title (a title says what the piece is about; a body mentions much), plus
 * 2 when it recurs often. A weak cue (weight 1) met once in the body of a long article is not
 * evidence: long texts mention everything once. */
static void
evidence(const struct offline_analysis *an, struct evidence ev[CAT_COUNT])
{
	memset(ev, 0, CAT_COUNT * sizeof *ev);
	for (size_t i = 0; i < an->match_count; i++) {
		const struct match *m = &an->matches[i];
		const struct lexicon_entry *e = m->entry;
		if (e->weight < 2 && !m->in_title && m->count < 2 && an->words > 150)
			continue;
		struct evidence *v = &ev[e->category];
		int points = e->weight * (m->in_title ? 3 : 1) + (m->count > 3 ? 2 : 0);
		v->score += points;
		v->topics += e->keyword ? points : 0;
		v->distinct++;
		if (e->weight > v->top)
			v->top = e->weight;
		if (m->in_title && e->weight > v->title)
			v->title = e->weight;
	}
	/* A versioned release in the title ("NetBeans 6.7 released", "QEMU 9.1.0") is evidence for
	 * tools of its own, like a clear tools term in the title: the product's name need not be
	 * in the lexicon for an editor to see a release. */
	if (an->form.release) {
		struct evidence *v = &ev[CAT_TOOLS];
		v->score += 6;
		v->distinct++;
		if (v->top < 2)
			v->top = 2;
		if (v->title < 2)
			v->title = 2;
	}
}

/* The technical categories, in the order ties are broken (the first wins). */
static const enum category tech[] = {CAT_AI_ML, CAT_SECURITY, CAT_ENGINEERING, CAT_TOOLS};

/* True when the title carries a term of a technical category of at least weight (1: any, 2: a
 * clear one, 3: a core topic): what a notice, a podcast episode or a buyer's guide must lack to
 * be filed as other whatever its body says. */
static int
title_names_tech(const struct evidence ev[CAT_COUNT], int weight)
{
	for (size_t i = 0; i < sizeof tech / sizeof tech[0]; i++)
		if (ev[tech[i]].title >= weight)
			return 1;
	return 0;
}

#define OPINION_MIN 5 /* argument markers needed before a piece is an opinion piece */
#define PERSONAL_DENSITY 15.0     /* evidence points per 1000 words below which a subject is an aside */
#define ESSAY_TITLE_WEIGHT 2 /* an essay's title form counts as a clear opinion cue in the title */

/* The category an editor would file the piece under, from the evidence and the source's prior
 * (prior[c]: points for the subjects the source's other items in the window get; all 0 when
 * unknown). Rules, in order:
 *   - a versioned release is tools (an editor files "QEMU 10.1.0 released" under tools), unless
 *     it is a security matter or nothing technical is said;
 *   - a how-to about a tool is tools even in the first person ("How I set up vim"), but only
 *     when a tool is named ("How to stop buying things" is not tools) and the title does not
 *     name only a consumer gadget ("How to choose a smartphone" is a buyer's guide);
 *   - a product named in the title beside a security term ("Hole in VLC") is a security
 *     report, not the product's news;
 *   - otherwise the category with the most evidence (plus prior) wins. A technical category
 *     needs real evidence of its own: a core term (weight 3), or a weight-2 term in the title,
 *     with another distinct term, or with the source's prior behind it ("Swift" alone in the
 *     body of a story about a singer is not programming); with the prior behind them, two weak
 *     terms, or one in the title ("X on the Bimodality of Software" in a research-talk feed).
 *     Opinion needs argument markers ("I think", "considered harmful", Kommentar, tribune),
 *     not just the first person: most first-person tech posts are reports; only a long
 *     first-person piece that names no subject at all is taken for an essay. The form decides
 *     over the subject where it is announced: a genre label in the title or the feed's tags
 *     (Kommentar, tribune) always, an essay's title or an argument in the title unless the
 *     title names a core topic. "other" has cues of its own (business, politics, sport,
 *     culture, health, gadgets) and is also what is left when no category has evidence.
 *     Ties go to the technical category. */
static enum category
categorize(const struct offline_analysis *an, const int prior[CAT_COUNT])
{
	struct evidence ev[CAT_COUNT];
	evidence(an, ev);
	enum category best = CAT_OTHER;
	int best_score = 0;
	for (size_t i = 0; i < sizeof tech / sizeof tech[0]; i++) {
		enum category c = tech[i];
		const struct evidence *v = &ev[c];
		int real = v->top >= 3 || (v->top >= 2 && (v->distinct >= 2 || v->title >= 2 || prior[c] > 0)) ||
		           (prior[c] > 0 && (v->distinct >= 2 || v->title >= 1)) || v->distinct >= 4;
		if (real && v->score + prior[c] >= 3 && v->score + prior[c] > best_score) {
			best = c;
			best_score = v->score + prior[c];
		}
	}
	/* A product named in the title is what the news is about, not what kind of news it is: a
	 * security term beside it ("Hole in VLC Media Player", "Flaw in Firefox's PDF viewer")
	 * makes a security report. A release or a how-to is still the tool's (below). */
	if (best == CAT_TOOLS && ev[CAT_SECURITY].title >= 2 && !an->form.release && !an->form.howto) {
		best = CAT_SECURITY;
		best_score = ev[CAT_SECURITY].score + prior[CAT_SECURITY];
	}
	/* A commit, release or tag of a project is its news: tools, unless the title names a core
	 * security topic (a commit "Fix CVE-2024-1234 in the parser"). */
	if (an->form.code_feed && ev[CAT_SECURITY].title < 3)
		return CAT_TOOLS;
	int techy = best != CAT_OTHER || ev[CAT_TOOLS].top >= 2 || ev[CAT_ENGINEERING].top >= 2;
	/* A release of a model is AI news, of any other product a tool's (releases_a_model). */
	if (an->form.model_release && best != CAT_SECURITY)
		return CAT_AI_ML;
	if (an->form.release && techy && best != CAT_SECURITY)
		return CAT_TOOLS;
	/* A notice (a call for papers, an offer, a birthday) is other whatever its subject, unless
	 * the title names a core topic ("Black Friday phishing wave" is security). */
	if (an->form.notice && !title_names_tech(ev, 3))
		return CAT_OTHER;
	/* A sponsor's post sells whatever it names: other, as the labelling rules file sponsor
	 * posts, not the tool or the security product it advertises. */
	if (an->form.sponsored)
		return CAT_OTHER;
	/* a how-to about a tool, not about buying less or watching films: a tool must be named. A
	 * model product as the how-to's only AI word is its means, a tool ("Reading lists in
	 * FeedLand via Gemini"); several AI words make an AI task ("Fine-tuning a model with LoRA").
	 * A how-to whose title names only a consumer subject ("How to choose a smartphone", a clear
	 * cue of other in the title and no technical term there) is a buyer's guide: other's to win
	 * on its evidence, however many app and update words its body has. */
	int consumer_howto = ev[CAT_OTHER].title >= 2 && !title_names_tech(ev, 1);
	if (an->form.howto && !consumer_howto && (ev[CAT_TOOLS].topics >= 2 ||
	                  (techy && best != CAT_SECURITY && (best != CAT_AI_ML || ev[CAT_AI_ML].distinct < 2))))
		return CAT_TOOLS;
	/* A podcast episode is about what its title says: its show notes name everything the hosts
	 * touched on. With no clear technical term in the title it is other, a show about many things. */
	if (an->form.episode && !title_names_tech(ev, 2))
		return CAT_OTHER;
	/* First-person writing adds to argument markers already there; it is not one itself. */
	double first_person = first_person_rate(an);
	int opinion = ev[CAT_OPINION].score + (an->form.essay_title ? 3 * ESSAY_TITLE_WEIGHT : 0);
	if (an->feed_column)
		opinion += OPINION_MIN;
	if (opinion > 0 && first_person >= 3.0 && an->words >= 80)
		opinion += 2;
	/* The form of a piece, where its writer or its feed announces it, decides over its subject:
	 * a genre label ("Kommentar", "Meinung", "tribune", a column, and the arguments that name
	 * themselves: "The case for X", "X considered harmful", "Thoughts on X"; a weight-3 cue in
	 * the title or the feed's tags) always; a weaker argument marker in the title ("the problem
	 * with", "we need to"), an essay's title ("On X", "Why I X", "Stop X") or a feed that
	 * calls itself a column (its description: is_column_feed; worth OPINION_MIN, so an item
	 * needs nothing more) unless the title names a core topic of another category ("On
	 * CVE-2024-3094 and the xz backdoor" stays security; a columnist's "GPT-5 released" is AI). */
	int label = ev[CAT_OPINION].title >= 3;
	int announced = ev[CAT_OPINION].title >= 2 || an->form.essay_title || an->feed_column;
	if (opinion >= OPINION_MIN && (label || (announced && (best == CAT_OTHER || ev[best].title < 3) &&
	                                        ev[CAT_OTHER].title < 3)))
		return CAT_OPINION;
	if (opinion >= OPINION_MIN && opinion > best_score) {
		best = CAT_OPINION;
		best_score = opinion;
	}
	/* A long piece in the first person that names no subject at all is a personal essay; the
	 * source's prior for "other" is no evidence of a subject (it only tips a balance). */
	if (best == CAT_OTHER && ev[CAT_OTHER].score == 0 && first_person >= 5.0 && an->words >= 150)
		return CAT_OPINION;
	if (ev[CAT_OTHER].score + prior[CAT_OTHER] > best_score)
		return CAT_OTHER;
	/* A personal post (much first-person writing) whose technical words are asides: no
	 * technical term in its title or tags, no core term, and few points of evidence for the
	 * length of the text (an anniversary at a software company, which computer to buy, a
	 * blogging meme that mentions PHP). An editor files it as other; a first-person write-up of
	 * a technical subject names that subject in its title or keeps returning to it. */
	if (best != CAT_OTHER && best != CAT_OPINION && ev[best].title == 0 && ev[best].top < 3 &&
	    first_person >= PERSONAL_FIRST_PERSON && an->words >= 150 &&
	    1000.0 * ev[best].score / (double)an->words < PERSONAL_DENSITY)
		return CAT_OTHER;
	return best;
}

#define FOLD_MAX 128

/* The lower-case form of s into out (FOLD_MAX bytes): keywords compare case-insensitively, so
 * the lexicon's "Rust" and a TF-IDF "rust" are one topic. */
static const char *
fold(const char *s, char *out)
{
	size_t o = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		char enc[4];
		size_t el = utf8_encode(utf8_tolower(cp), enc);
		if (o + el >= FOLD_MAX)
			break;
		memcpy(out + o, enc, el);
		o += el;
		i += n ? n : 1;
	}
	out[o] = '\0';
	return out;
}

/* True when k is already among kws, or is a word of one of them ("face" of "hugging face"). */
static int
has_keyword(const char **kws, size_t n, const char *k)
{
	char kf[FOLD_MAX], wf[FOLD_MAX];
	fold(k, kf);
	size_t kl = strlen(kf);
	for (size_t i = 0; i < n; i++) {
		const char *w = fold(kws[i], wf);
		if (strcmp(w, kf) == 0)
			return 1;
		for (const char *p = strstr(w, kf); p; p = strstr(p + 1, kf))
			if ((p == w || p[-1] == ' ') && (p[kl] == '\0' || p[kl] == ' '))
				return 1;
	}
	return 0;
}

/* True when most of the article's words are CJK (its keywords are then Chinese terms). */
static int
mostly_cjk(const struct article *a)
{
	size_t cjk = 0, ascii = 0;
	const char *parts[2] = {a->title ? a->title : "", a->text ? a->text : ""};
	for (int p = 0; p < 2; p++) {
		size_t len = strlen(parts[p]);
		struct text_iter it;
		text_iter_init(&it, parts[p], len < 4000 ? len : utf8_prefix_chars(parts[p], 4000, 4000));
		while (text_next(&it))
			*(it.is_cjk ? &cjk : &ascii) += 1;
	}
	return cjk > ascii;
}

/* The keyword a lexicon match stands for: its topic in display form ("LLM", "大模型"). */
static const char *
match_keyword(const struct match *m, int zh)
{
	(void)zh;
	return m->entry->keyword;
}

/* Add up to limit lexicon topics (n < limit), strongest first: title, weight, frequency. A
 * weak topic (weight < 3) counts only when it is in the title or recurs; a broad one only when
 * broad_ok; with title_only, only one the title names. The order is a full ordering so the
 * result does not depend on match order. */
static size_t
add_lexicon(const struct offline_analysis *an, int zh, int *used, const char **out, size_t n, size_t limit,
            int broad_ok, int title_only)
{
	while (n < limit) {
		int best = -1, best_score = 0;
		for (size_t i = 0; i < an->match_count; i++) {
			const struct match *m = &an->matches[i];
			int s = m->entry->weight * 2 + (m->in_title ? 6 : 0) + (m->count > 4 ? 4 : m->count);
			const char *k = match_keyword(m, zh);
			if (used[i] || !k || m->entry->weight < 2 || has_keyword(out, n, k) || (!broad_ok && lexicon_is_broad(k)) ||
			    (title_only && !m->in_title) ||
			    (m->entry->weight < 3 && !m->in_title && m->count < 2 && an->words > 150))
				continue;
			if (best < 0 || s > best_score ||
			    (s == best_score && strcmp(k, match_keyword(&an->matches[best], zh)) < 0)) {
				best = (int)i;
				best_score = s;
			}
		}
		if (best < 0)
			break;
		used[best] = 1;
		out[n++] = match_keyword(&an->matches[best], zh);
	}
	return n;
}

/* True when k is a word of one of kws, or one of kws is a word of k ("llama" and "llama 3"), or
 * one extends the other with a version or a plural s. */
static int
overlaps_keyword(const char **kws, size_t n, const char *k)
{
	if (has_keyword(kws, n, k))
		return 1;
	char kbuf[FOLD_MAX], wbuf[FOLD_MAX];
	k = fold(k, kbuf);
	size_t kl = strlen(k);
	for (size_t i = 0; i < n; i++) {
		const char *one[1] = {k};
		const char *w = fold(kws[i], wbuf);
		size_t il = strlen(w);
		/* "gpt" and "gpt-5.3-codex"; "gpu" and "gpus". */
		if ((il < kl && strncmp(k, w, il) == 0 && strchr("-. s", k[il]) && (k[il] != 's' || kl == il + 1)) ||
		    (kl < il && strncmp(w, k, kl) == 0 && strchr("-. s", w[kl]) && (w[kl] != 's' || il == kl + 1)))
			return 1;
		if (has_keyword(one, 1, w) || (has_cjk(k) && (strstr(k, w) || strstr(w, k))))
			return 1;
	}
	return 0;
}

#define CVE_ID_MAX 24 /* "CVE-2024-1234567" and its NUL, with room */

/* The first CVE identifier in s ("CVE-2023-6246", any case), upper-cased into out
 * (CVE_ID_MAX bytes); returns where it ends in s, NULL when s names none. */
static const char *
find_cve(const char *s, char *out)
{
	for (const char *p = s ? s : ""; (p = strchr(p, '-')) != NULL; p++) {
		if (p - s < 3 || str_ncasecmp(p - 3, "CVE", 3) != 0 || (p - s > 3 && is_ascii_alnum((unsigned char)p[-4])))
			continue;
		size_t y = 0, k = 0;
		while (is_ascii_digit((unsigned char)p[1 + y]))
			y++;
		if (y != 4 || p[5] != '-')
			continue;
		while (is_ascii_digit((unsigned char)p[6 + k]))
			k++;
		if (k < 4 || k > 7 || is_ascii_alnum((unsigned char)p[6 + k]))
			continue;
		memcpy(out, "CVE", 3);
		memcpy(out + 3, p, 6 + k);
		out[9 + k] = '\0';
		return p + 6 + k;
	}
	return NULL;
}

/* The one CVE identifier s names (as often as it likes) into out; 0 when it names none or
 * several (a round-up of fixes is about none of them in particular). */
static int
sole_cve(const char *s, char *out)
{
	char other[CVE_ID_MAX];
	const char *p = find_cve(s, out);
	if (!p)
		return 0;
	while ((p = find_cve(p, other)) != NULL)
		if (strcmp(other, out) != 0)
			return 0;
	return 1;
}

/* A vulnerability's identifier is its tag, not the word "CVE": stories about one flaw share it
 * across sources, where every security story would share "CVE". The identifier the title names
 * takes the lexicon's "CVE" slot, or leads when there is none; the only one the body names
 * takes that slot; when a TF-IDF term took the identifier already, the "CVE" slot goes (named,
 * it would be the same tag twice). */
static size_t
name_the_cve(const struct article *a, struct arena *arena, const char **out, size_t n)
{
	char id[CVE_ID_MAX];
	int in_title = find_cve(a->title, id) != NULL;
	if (!in_title && !sole_cve(a->text, id))
		return n;
	for (size_t i = 0; i < n; i++)
		if (str_casecmp(out[i], "CVE") == 0) {
			if (has_keyword(out, n, id)) {
				memmove(out + i, out + i + 1, (n - i - 1) * sizeof *out);
				return n - 1;
			}
			out[i] = arena_strdup(arena, id);
			return n;
		}
	if (!in_title || has_keyword(out, n, id))
		return n;
	if (n == 4)
		n--;
	memmove(out + 1, out, n * sizeof *out);
	out[0] = arena_strdup(arena, id);
	return n + 1;
}

/* Up to 4 keywords: the two strongest lexicon topics, then the window's TF-IDF terms (names and
 * phrases first), then more lexicon topics; none when nothing qualifies. In a story filed
 * `other` only a topic its title names leads: the field's words it uses in passing ("machine
 * learning" in a story about an earthquake) come after what it is about. */
static size_t
pick_keywords(const struct offline_analysis *an, const struct offline_ctx *ctx, const struct article *a,
              enum category category, struct arena *arena, const char **out)
{
	int zh = mostly_cjk(a);
	int used[MAX_MATCHES] = {0};
	size_t n = add_lexicon(an, zh, used, out, 0, 2, 0, category == CAT_OTHER);
	const char *tf[8];
	struct arena scratch = ARENA_INIT; /* the candidates; only the ones taken are kept in arena */
	size_t m = ctx->kw ? kw_top(ctx->kw, a, an->lang, tf, 8, &scratch) : 0;
	for (size_t i = 0; i < m && n < 4; i++) {
		/* a sponsor's post: its "[Sponsor]" label is no subject */
		if (an->form.sponsored && (str_casecmp(tf[i], "sponsor") == 0 || str_casecmp(tf[i], "sponsored") == 0))
			continue;
		if (!overlaps_keyword(out, n, tf[i]) && (zh || !has_cjk(tf[i])))
			out[n++] = arena_strdup(arena, tf[i]);
	}
	arena_free(&scratch);
	n = add_lexicon(an, zh, used, out, n, 4, 1, 0);
	n = name_the_cve(a, arena, out, n);
	n = kw_name_versions(a, arena, out, n);
	/* Nothing to say about it: no tag, rather than a made-up one. (The category's id used to
	 * stand in: "🏷️ other" under a Chinese digest's item, and "other" counted as a topic the
	 * day's stories share in its tag cloud.) The renderers leave the tag line out. */
	return n;
}

#define PRIOR_POINTS 3 /* what a source's typical category is worth: a weak prior, one title cue */

/* The prior of a's source: PRIOR_POINTS shared out by the categories the source's other items
 * in the window got on their own evidence (offline_prepare); nothing when the window has fewer
 * than two other items of the source, or was not prepared. It is the engine's own reading of
 * the feed, no label of anyone's: a data-science blog's posts are mostly ai-ml, so its post with
 * thin vocabulary probably is too. It only tips the balance between categories the item itself
 * has evidence for (categorize()). k: a's index in the window (window_index()). */
static void
source_prior(const struct offline_ctx *ctx, const struct article *a, size_t k, int prior[CAT_COUNT])
{
	int count[CAT_COUNT] = {0}, others = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		prior[c] = 0;
	if (ctx->tallies && k != SIZE_MAX) { /* the source's tally without a itself */
		const struct offline_source_tally *t = &ctx->tallies[ctx->tally_of[k]];
		memcpy(count, t->count, sizeof count);
		count[ctx->own_categories[k]]--;
		others = t->total - 1;
	} else {
		for (size_t i = 0; ctx->own_categories && i < ctx->article_count; i++)
			if (ctx->articles[i].source_id == a->source_id && &ctx->articles[i] != a &&
			    ctx->articles[i].id != a->id) {
				count[ctx->own_categories[i]]++;
				others++;
			}
	}
	if (others < 2)
		return;
	for (int c = 0; c < CAT_COUNT; c++)
		prior[c] = (2 * PRIOR_POINTS * count[c] + others) / (2 * others);
	prior[CAT_OPINION] = 0; /* how a piece is written is its own, not its feed's */
}

struct source_slot {
	int64_t source_id, id;
	size_t idx;
};

static int
cmp_source_slot(const void *a, const void *b)
{
	const struct source_slot *x = a, *y = b;
	if (x->source_id != y->source_id)
		return x->source_id < y->source_id ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Count each source's window articles by own category (ctx->tallies, ctx->tally_of). Left
 * NULL when two articles of one source share an id: source_prior's walk leaves out every
 * article with a's id, which a tally minus a alone would not. */
static void
tally_sources(struct offline_ctx *ctx, struct arena *arena)
{
	size_t n = ctx->article_count;
	if (n == 0)
		return;
	struct source_slot *order = xcalloc(n, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = (struct source_slot){ctx->articles[i].source_id, ctx->articles[i].id, i};
	qsort(order, n, sizeof *order, cmp_source_slot);
	for (size_t i = 1; i < n; i++)
		if (order[i].source_id == order[i - 1].source_id && order[i].id == order[i - 1].id) {
			free(order);
			return;
		}
	struct offline_source_tally *tallies = arena_alloc(arena, n * sizeof *tallies);
	size_t *tally_of = arena_alloc(arena, n * sizeof *tally_of), t = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && order[i].source_id != order[i - 1].source_id)
			t++;
		tallies[t].count[ctx->own_categories[order[i].idx]]++;
		tallies[t].total++;
		tally_of[order[i].idx] = t;
	}
	free(order);
	ctx->tallies = tallies;
	ctx->tally_of = tally_of;
}

void
offline_prepare(struct offline_ctx *ctx, struct arena *arena)
{
	static const int none[CAT_COUNT] = {0};
	size_t n = ctx->article_count ? ctx->article_count : 1;
	struct offline_analysis *ans = arena_alloc(arena, n * sizeof *ans);
	enum category *cats = arena_alloc(arena, n * sizeof *cats);
	enum lang *langs = arena_alloc(arena, n * sizeof *langs);
	struct match scratch[MAX_MATCHES];
	for (size_t i = 0; i < ctx->article_count; i++) {
		analyse(&ctx->articles[i], ctx->prefs, scratch, &ans[i]);
		ans[i].matches = ans[i].match_count ? arena_alloc(arena, ans[i].match_count * sizeof *scratch) : NULL;
		if (ans[i].match_count)
			memcpy(ans[i].matches, scratch, ans[i].match_count * sizeof *scratch);
		cats[i] = categorize(&ans[i], none);
		langs[i] = ans[i].lang;
	}
	ctx->analyses = ans;
	ctx->langs = langs;
	ctx->own_categories = cats;
	tally_sources(ctx, arena);
}

void
offline_verdict(const struct offline_ctx *ctx, const struct article *a, struct arena *arena, struct verdict *out)
{
	/* A window article of a prepared context was analysed once already. Found by address (as
	 * integers: a may be an article of another array), not by a walk of the window, which
	 * made a daily of 16,000 articles quadratic. */
	const struct offline_analysis *an = NULL;
	size_t k = window_index(ctx, a); /* SIZE_MAX: not a window article */
	if (ctx->analyses && k != SIZE_MAX)
		an = &ctx->analyses[k];
	struct offline_analysis own;
	struct match scratch[MAX_MATCHES];
	if (!an) {
		analyse(a, ctx->prefs, scratch, &own);
		an = &own;
	}
	int prior[CAT_COUNT];
	source_prior(ctx, a, k, prior);
	memset(out, 0, sizeof *out);
	out->relevance = relevance(an);
	out->quality = quality(an, a, ctx, k, out->relevance);
	out->timeliness = timeliness(an, a, ctx);
	out->category = categorize(an, prior);
	const char **kws = arena_alloc(arena, 4 * sizeof *kws);
	out->keyword_count = pick_keywords(an, ctx, a, out->category, arena, kws);
	out->keywords = kws;
	out->is_offline = 1;
	out->model = NULL;
}
