/* offline.c: the offline engine: lexicon- and rule-based scoring, TF-IDF keywords,
 * extractive summaries and template highlights. No I/O, no clock but ctx->now. */
#include "ai/offline/offline.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "ai/offline/lang.h"
#include "ai/offline/lexicon.h"
#include "ai/offline/text.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/strlist.h"
#include "util/utf8.h"

#define SCAN_BYTES 16000    /* head of the text the scorer reads */
#define MAX_MATCHES 160     /* distinct lexicon entries (topics and cues) remembered per article */
#define TAG_MAX 8           /* feed categories of an item read as cues */

/* ---- preferences ---- */

/* The entries of the comma-separated list v, lower-cased (topics and sources are matched
 * without case), into arena; returns the count. */
static size_t
split_list(const char *v, struct arena *arena, const char ***out)
{
	size_t n = strlist_split(v, ",", arena, out);
	for (size_t i = 0; i < n; i++)
		str_lower((char *)(*out)[i]); /* the arena's copy, not the config's text */
	return n;
}

void
offline_prefs_load(const struct config *cfg, struct arena *arena, struct offline_prefs *out)
{
	memset(out, 0, sizeof *out);
	const struct config_values *v = config_values(cfg);
	out->interest_count = split_list(v->interests_topics, arena, &out->interests);
	out->mute_count = split_list(v->mute_topics, arena, &out->mutes);
	out->muted_source_count = split_list(v->mute_sources, arena, &out->muted_sources);
}

/* ---- analysis of one article ---- */

#define PERSONAL_FIRST_PERSON 5.0 /* % of words in the first person: a personal post */

struct match {
	const struct lexicon_entry *entry;
	int count;
	int in_title;
};

struct offline_analysis {
	enum lang lang;
	size_t words, numbers, sentences;
	int opinion_cues, news_cues;
	int howto;   /* a how-to or a tool write-up ("How I set up vim", "Using X with Y", "Tips") */
	int release; /* a versioned release ("Mercurial 1.3 released", "v3.9.0") */
	int model_release; /* a release of a model ("Claude Opus 4.6", "GPT-5.3 released"), not of a tool */
	int essay_title; /* the title has an essay's form ("On X", "Why I X", "Stop X", "Über X") or
	                  * passes a judgement ("… Makes Things Worse", "Mac Malaise") */
	int notice;      /* the title is a notice: an event's logistics, a sales offer, a celebration */
	int code_feed;   /* the feed is a code host's feed of a project's commits, releases or tags */
	int episode;     /* the title is a podcast episode's ("CRE195 Das Gehirn", "#332", "Episode 12") */
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
		an->matches[an->match_count++] = (struct match){e, 1, in_title};
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
	for (size_t i = 0, len = strlen(s); i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (text_is_cjk(cp))
			return 1;
		i += n ? n : 1;
	}
	return 0;
}

/* Substring checks for CJK lexicon entries and CJK preference terms. */
static void
scan_cjk(struct offline_analysis *an, const char *s, size_t len, int in_title, const struct offline_prefs *prefs)
{
	if (!has_non_ascii(s))
		return;
	size_t n;
	const struct lexicon_entry *cjk = lexicon_cjk(&n);
	char *copy = xstrndup(s, len);
	for (size_t i = 0; i < n; i++)
		if (strstr(copy, cjk[i].term))
			add_match(an, &cjk[i], in_title);
	for (size_t i = 0; prefs && i < prefs->interest_count; i++)
		if (has_cjk(prefs->interests[i]) && strstr(copy, prefs->interests[i]))
			an->interest_hits++;
	for (size_t i = 0; prefs && i < prefs->mute_count; i++)
		if (has_cjk(prefs->mutes[i]) && strstr(copy, prefs->mutes[i]))
			an->is_muted = 1;
	free(copy);
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

static void
scan(struct offline_analysis *an, const char *s, int in_title, const struct offline_prefs *prefs)
{
	size_t len = strlen(s);
	if (len > SCAN_BYTES)
		len = utf8_prefix_chars(s, SCAN_BYTES, SCAN_BYTES);
	char prev[2][TEXT_WORD_MAX + 1] = {"", ""};
	struct match_undo last = {0}; /* the previous word's hit */
	struct text_iter it;
	text_iter_init(&it, s, len);
	while (text_next(&it)) {
		if (it.is_cjk) {
			an->words++;
			prev[0][0] = prev[1][0] = '\0';
			last.entry = NULL;
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
		/* A longer term that gives the previous word a non-technical sense takes back that
		 * word's own hit: "hacker news" is a site, not an attack and a site. A longer term of
		 * the same field ("security" → "security firm", "linux" → "linux kernel") adds to the
		 * shorter one, as it always did. */
		if (hit && span >= 2 && last.entry && last.span < span && hit->category == CAT_OTHER &&
		    last.entry->category != CAT_OTHER)
			undo_match(an, &last);
		last.entry = NULL;
		if (hit) {
			last = add_match(an, hit, in_title);
			last.span = span;
		}
		memcpy(prev[0], prev[1], sizeof prev[0]);
		memcpy(prev[1], it.word, it.len + 1);
	}
	scan_cjk(an, s, len, in_title, prefs);
}

/* A how-to or a write-up about using a tool, from its title ("How to…", "How I…", "Using X",
 * "Consider using X", "Tips", "Setting up", "Fixing…", "Integrating X", "Adding X to Y", "X
 * 101:", "Managing X via Y") or its opening ("In this post I show…"). */
static int
is_howto(const char *title, const char *text)
{
	/* Titles in the imperative of using a tool ("Troubleshoot AKS clusters with ...", "Deploy X
	 * on Y") are how-tos too: vendor and documentation blogs write them that way. "Debugging
	 * X" is not among them: a debugging story is about how software is built. */
	static const char *const starts[] = {"how to ", "how i ", "using ", "consider using ", "setting up ",
	                                     "set up ", "fixing ", "getting started", "tips ", "a guide",
	                                     "the easiest way", "build a ", "building a ", "let's code", "tutorial",
	                                     "troubleshoot ", "deploy ", "deploying ", "configure ", "configuring ",
	                                     "install ", "installing ", "migrate ", "migrating ", "automate ",
	                                     "get started", "introduction to ",
	                                     "an introduction to ", "quickstart", "quick start", "walkthrough", "integrating ", "adding "};
	static const char *const anywhere[] = {" tips", "tutorial", "step by step", "step-by-step", " how-to",
	                                       "cheat sheet", " with vim", " in vim", "how to ", " 101:",
	                                       /* a guide that says it teaches ("A Practical Migration
	                                        * Guide"), not one that argues ("The Hater's Guide to X") */
	                                       "practical guide", "complete guide", "beginner's guide",
	                                       "beginners guide", "beginner\xe2\x80\x99s guide", "ultimate guide",
	                                       "migration guide", "installation guide", "setup guide", "quick guide",
	                                       "step-by-step guide"};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
		if (str_istarts(title, starts[i]))
			return 1;
	size_t tl = strlen(title);
	for (size_t i = 0; i < sizeof anywhere / sizeof anywhere[0]; i++)
		if (str_icasestr(title, tl, anywhere[i]))
			return 1;
	/* A gerund that does something with a named means: "Managing a bouncer via OpenRC", "Making
	 * use of pygments' filters with Pelican", "Tracking leftover packages with pacman". */
	size_t first = strcspn(title, " :");
	if (first >= 5 && title[first] == ' ' && str_istarts(title + first - 3, "ing") &&
	    (str_icasestr(title, tl, " with ") || str_icasestr(title, tl, " via ") || str_icasestr(title, tl, " using ")))
		return 1;
	size_t head = strlen(text) < 400 ? strlen(text) : 400;
	return str_icasestr(text, head, "in this post i show") || str_icasestr(text, head, "this post documents") ||
	       str_icasestr(text, head, "here's how") || str_icasestr(text, head, "here is how");
}

/* True when t[0..len) is a pre-release tag that ends the token: an optional '-' or '.', then
 * a, b, rc, alpha, beta, pre or dev, then an optional '.' and digits ("rc1", "-beta.3", "b1",
 * "a7", "-rc.2"). */
static int
is_prerelease_tag(const char *t, size_t len)
{
	static const char *const tags[] = {"alpha", "beta", "pre", "dev", "rc", "a", "b"};
	size_t i = len && (t[0] == '-' || t[0] == '.') ? 1 : 0;
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
		size_t n = strlen(tags[k]);
		if (len - i < n || str_ncasecmp(t + i, tags[k], n) != 0)
			continue;
		size_t j = i + n;
		if (j < len && t[j] == '.')
			j++;
		while (j < len && is_ascii_digit((unsigned char)t[j]))
			j++;
		if (j == len && t[len - 1] != '.')
			return 1;
	}
	return 0;
}

/* True when t[0..len) is a version number: an optional v (or "v."), then digits with at least
 * min_dots dots between digit groups ("2.1", "0.10.0", "v3.9.0", "v.4.15"). A pre-release tag
 * after them ("4.0rc1", "2.0b1", "1.2.0-beta.3") makes any x.y a version: no plain number is
 * written that way. */
static int
is_version_token(const char *t, size_t len, int min_dots)
{
	size_t i = (len && (t[0] == 'v' || t[0] == 'V')) ? 1 : 0;
	if (i && len > 2 && t[1] == '.') /* "v.4.15", as some catalogues write it */
		i = 2;
	int dots = 0, digits = 0;
	for (; i < len; i++) {
		if (is_ascii_digit((unsigned char)t[i]))
			digits++;
		else if (t[i] == '.' && digits && i + 1 < len && is_ascii_digit((unsigned char)t[i + 1]))
			dots++, digits = 0;
		else if (digits && dots >= 1 && is_prerelease_tag(t + i, len - i))
			return 1;
		else
			return 0;
	}
	return digits && dots >= min_dots;
}

/* A title that names a product and its version up front: "fortify-headers 2.1", "Snuffleupagus
 * 0.10.0 - Babar the Elephant", "The new Maven 2.2.0 requires Java 5". The version is among the
 * first four words and is either x.y.z or ends the title's head (the title itself, or the part
 * before " - " or ":"), so that "3.5 mag earthquake" or "up 2.5 percent" is no release; or it
 * opens the part after the last colon and cannot be a plain number (x.y.z, "v.4.15"). These
 * titles carry no "released" for text_is_release() to see. */
static int
leads_with_version(const char *title)
{
	const char *p = title;
	for (int word = 0; word < 4 && *p; word++) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " :");
		const char *next = p + n;
		while (*next == ' ')
			next++;
		int ends_head = *next == '\0' || *next == ':' || *next == '-' || strncmp(next, "\xe2\x80\x93", 3) == 0 ||
		                strncmp(next, "\xe2\x80\x94", 3) == 0;
		if (is_version_token(p, n, 2) || (ends_head && is_version_token(p, n, 1)))
			return 1;
		p += n;
		if (*p == ':')
			break;
	}
	/* A catalogue's title names the product after a colon ("Apps for Nokia N97: Smart Movie
	 * v.4.15"): among the first four words of the last part, a version that cannot be a plain
	 * number (x.y.z, or with a v) is a release too. */
	const char *tail = strrchr(title, ':');
	for (int word = 0; tail && word < 4 && *tail; word++) {
		while (*tail == ' ' || *tail == ':')
			tail++;
		size_t n = strcspn(tail, " ");
		if (is_version_token(tail, n, 2) || ((tail[0] == 'v' || tail[0] == 'V') && is_version_token(tail, n, 1)))
			return 1;
		tail += n;
	}
	return 0;
}

/* True when a versioned title releases a model rather than a tool: a model family names the
 * product (it comes before or carries the title's first version: "Claude Opus 4.6", "GPT-5.3
 * released", "Qwen3.5 available"), or the title says it ships weights ("Nemo 2.1: open-weight
 * models"; "models" alone is no cue: "macOS 14.2 supports the new Mac models"). An editor
 * files a model under AI ("ai-ml: the subject is AI, machine learning, models",
 * data/editorial/README.md; seed 000's "Gemini 3.1 Pro") and the software
 * that runs or trains models under tools like any release ("Ollama 0.6.2", "PyTorch 2.7",
 * "llama.cpp b4500"; "Ollama 0.7 adds Llama 4": the product is Ollama). A family matches as a
 * word or a word's head before a dash or a digit ("gpt-5.3", "qwen3"), never before a dot
 * ("llama.cpp"). The singular "model" is left out ("Model 3 2.1 update" is a car), and so is
 * "LLM" ("LLM 0.27 released" is a command-line tool's release). */
static int
releases_a_model(const char *title)
{
	static const char *const families[] = {"chatgpt", "claude", "deepseek", "gemini", "gemma", "gpt", "grok",
	                                       "llama", "mistral", "mixtral", "phi", "qwen"};
	static const char *const shipped[] = {"weights", "open-weight", "open-weights"};
	if (text_has_word(title, shipped, sizeof shipped / sizeof shipped[0]))
		return 1;
	struct text_iter it;
	text_iter_init(&it, title, strlen(title));
	while (text_next(&it)) {
		if (it.is_cjk)
			continue;
		for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
			size_t n = strlen(families[i]);
			if (strncmp(it.word, families[i], n) == 0 &&
			    (it.word[n] == '\0' || it.word[n] == '-' || is_ascii_digit((unsigned char)it.word[n])))
				return 1;
		}
		if (text_has_version(it.word)) /* the first version: a family after it is no product */
			return 0;
	}
	return 0;
}

/* True when s (what follows a title's "On ", "Über ", …) begins with a word of time: "On this
 * day in 2019: …", "On Monday, …", "Über Ostern …" date a story; they are no essay's "On X". */
static int
names_a_time(const char *s)
{
	static const char *const times[] = {
	    "this",   "that",    "today",    "day",      "monday",    "tuesday",  "wednesday", "thursday",
	    "friday", "saturday", "sunday",  "january",  "february",  "march",    "april",     "may",
	    "june",   "july",    "august",   "september", "october",  "november", "december",  "heute",
	    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",   "ostern",
	    "weihnachten"};
	size_t n = strcspn(s, " ,:");
	for (size_t k = 0; k < sizeof times / sizeof times[0]; k++)
		if (strlen(times[k]) == n && str_ncasecmp(s, times[k], n) == 0)
			return 1;
	return str_istarts(s, "the day ");
}

/* True when the title has the form essayists and columnists give a piece that argues: "On
 * X" / "Über X" (the essay's title since Montaigne and Seneca), a title in the imperative of
 * stopping ("Stop X", "Don't X", "Knock It Off With X"), and a personal "Why": "Why I left
 * Google", "Why we stopped using X". Other "why" headlines are explainers, questions too ("Why
 * radiation causes dry mouth", "Why does the dialog manager use extra bytes …?"). Each only in
 * its language (English "Over 100 …" is no Dutch essay); a short item whose language is not
 * known is read as English. How-tos ("How to stop …") never get here: they start otherwise.
 * A date after "On" ("On this day in 2019: …", "On Monday …": names_a_time) is no essay. */
static int
is_essay_title(const char *title, enum lang lang)
{
	static const struct {
		const char *start;
		enum lang lang;
		int why; /* counts only with a personal pronoun after it */
	} starts[] = {
	    {"on ", LANG_EN, 0},      {"stop ", LANG_EN, 0},    {"don't ", LANG_EN, 0},     {"don’t ", LANG_EN, 0},
	    {"do not ", LANG_EN, 0},  {"quit ", LANG_EN, 0},    {"knock it off", LANG_EN, 0}, {"über ", LANG_DE, 0},
	    {"Über ", LANG_DE, 0},    {"over ", LANG_NL, 0},    {"sobre ", LANG_ES, 0},     {"sobre ", LANG_PT, 0},
	    {"why ", LANG_EN, 1},     {"warum ", LANG_DE, 1},   {"pourquoi ", LANG_FR, 1},  {"waarom ", LANG_NL, 1},
	    {"por qué ", LANG_ES, 1}, {"por que ", LANG_PT, 1},
	};
	static const char *const personal[] = {"i", "i'm", "i’m", "we", "we're", "we’re", "you", "ich", "wir",
	                                       "je", "j'ai", "j’ai", "nous", "ik", "yo", "eu"};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		if (!str_istarts(title, starts[i].start) ||
		    !(lang == starts[i].lang || (starts[i].lang == LANG_EN && lang == LANG_OTHER)))
			continue;
		if (!starts[i].why)
			return !names_a_time(title + strlen(starts[i].start));
		const char *next = title + strlen(starts[i].start);
		size_t n = strcspn(next, " ,:");
		for (size_t k = 0; k < sizeof personal / sizeof personal[0]; k++)
			if (strlen(personal[k]) == n && str_istarts(next, personal[k]))
				return 1;
	}
	/* Chinese puts the personal "why" mid-title: 「我为什么离开…」 */
	return lang == LANG_ZH && strstr(title, "我为什么") != NULL;
}

#define TITLE_WORDS_MAX 1024 /* bytes of a title's words kept for phrase checks */

/* The words of a title, lower-case, each between single spaces (" call for papers "), into
 * out (TITLE_WORDS_MAX bytes, cut at a word): phrases are then found as whole words by strstr. */
static const char *
title_words(const char *title, char *out)
{
	size_t o = 0;
	out[o++] = ' ';
	struct text_iter it;
	text_iter_init(&it, title, strlen(title));
	while (text_next(&it) && o + it.len + 2 < TITLE_WORDS_MAX) {
		if (it.is_cjk)
			continue;
		memcpy(out + o, it.word, it.len);
		o += it.len;
		out[o++] = ' ';
	}
	out[o] = '\0';
	return out;
}

/* True when the title looks back on what its writer learned: "What I learned in ten years as
 * a developer", "Things I wish I knew …", "Was ich in über 10 Jahren … gelernt habe", "Ce que
 * j'ai appris", "Lo que aprendí", "O que aprendi", "Wat ik heb geleerd". A personal
 * retrospective is an essay (its point is the writer's view), like "Why I left Google"; a
 * "Lessons learned" write-up of a named system stays its subject's, as the title's core term
 * decides in categorize(). Each form only in its language; tw: title_words(). */
static int
is_retrospective_title(const char *tw, enum lang lang)
{
	static const struct {
		enum lang lang;
		const char *phrase, *also; /* both must be in the title (also: NULL for none) */
	} forms[] = {
	    {LANG_EN, " what i learned ", NULL},      {LANG_EN, " what i have learned ", NULL},
	    {LANG_EN, " things i learned ", NULL},    {LANG_EN, " what i wish i ", NULL},
	    {LANG_EN, " things i wish i ", NULL},     {LANG_DE, " was ich ", " gelernt "},
	    {LANG_FR, " ce que ", " appris "},        {LANG_ES, " lo que ", " aprendí "},
	    {LANG_ES, " lo que ", " aprendido "},     {LANG_PT, " o que ", " aprendi "},
	    {LANG_NL, " wat ik ", " geleerd "},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if ((lang == forms[i].lang || (forms[i].lang == LANG_EN && lang == LANG_OTHER)) &&
		    strstr(tw, forms[i].phrase) && (!forms[i].also || strstr(tw, forms[i].also)))
			return 1;
	return 0;
}

/* True when the title reviews the writer's year: "Summing up 2025", "2025 in review", "My
 * 2025", "Looking back on 2024", "Jahresrückblick 2025", 年度复盘 / 年终复盘 (复盘: going over
 * one's own moves). Personal only where the text is in the first person (analyse() checks;
 * Chinese 复盘 is personal in itself): a company's "2025 in review" is its news. A week's
 * review ("Week in review") is a roundup, not this. tw: title_words(); title: for CJK. */
static int
is_year_review(const char *tw, const char *title, enum lang lang)
{
	if (lang == LANG_ZH)
		return strstr(title, "年度复盘") || strstr(title, "年终复盘");
	static const char *const forms[] = {" summing up ", " in review ", " looking back on ", " looking back at ",
	                                    " my ", " jahresrückblick ", " rückblick auf "};
	/* a year of this century in the title, as a word of its own */
	int year = 0;
	for (const char *p = tw; (p = strstr(p, " 20")) != NULL; p++)
		if (is_ascii_digit((unsigned char)p[3]) && is_ascii_digit((unsigned char)p[4]) && p[5] == ' ')
			year = 1;
	if (!year && !strstr(tw, " year in review ") && !strstr(tw, " jahresrückblick "))
		return 0;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strstr(tw, forms[i]))
			return 1;
	return 0;
}

/* True when an English title states the writer's verdict on its subject with a copula: "LLMs
 * are good for programmers", "The sharing economy is a lie", "X is dead", "Y is overrated". A
 * news headline reports what happened; a verdict in the present tense is an argument. */
static int
claims_in_title(const char *tw, enum lang lang)
{
	if (lang != LANG_EN && lang != LANG_OTHER)
		return 0;
	static const char *const verbs[] = {" is ", " are ", " isn ", " aren "};
	static const char *const verdicts[] = {
	    "good ",      "bad ",       "dead ",      "broken ",  "overrated ", "underrated ", "a lie ",
	    "a trap ",    "a mistake ", "a scam ",    "harmful ", "pointless ", "useless ",    "the future ",
	    "not the future ", "terrible ", "awful ", "boring ", "not enough ", "a bubble "};
	for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++)
		for (const char *p = strstr(tw, verbs[v]); p; p = strstr(p + 1, verbs[v])) {
			const char *after = p + strlen(verbs[v]);
			if (strncmp(after, "t ", 2) == 0) /* "isn't": the clitic is its own word */
				after += 2;
			for (size_t k = 0; k < sizeof verdicts / sizeof verdicts[0]; k++)
				if (strncmp(after, verdicts[k], strlen(verdicts[k])) == 0)
					return 1;
		}
	return 0;
}

/* True when the title names a price: a currency sign before or after digits ("$15", "($30)",
 * "99 €", "£5"). */
static int
names_price(const char *t)
{
	static const char *const signs[] = {"$", "\xe2\x82\xac", "\xc2\xa3"}; /* $, €, £ */
	for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		size_t n = strlen(signs[i]);
		for (const char *p = strstr(t, signs[i]); p; p = strstr(p + n, signs[i])) {
			const char *before = p;
			while (before > t && before[-1] == ' ')
				before--;
			if (is_ascii_digit((unsigned char)p[n]) || (before > t && is_ascii_digit((unsigned char)before[-1])))
				return 1;
		}
	}
	return 0;
}

/* True when an English headline passes a judgement, as a columnist's does: "Tech
 * 'Improvements' That Actually Make Things Worse", "… Kicks Off Face-Recognition Mania", "Mac
 * Malaise", "Apple Is Ready to Ditch the Mac", "Kickstarting failure". News headlines report
 * ("shares fall", "outage hits"); these words say what the writer thinks of it. */
static int
judges_in_title(const char *title, enum lang lang)
{
	static const char *const words[] = {"worse", "mania", "malaise", "ditch", "failure", "hype", "doomed", "sucks"};
	if (lang != LANG_EN && lang != LANG_OTHER)
		return 0;
	return text_has_word(title, words, sizeof words / sizeof words[0]);
}

/* True when the title is a notice rather than a story: an event's logistics ("KVM Forum 2024:
 * Call for presentations", "GTAC 2017 - Registration is open!", "Schedule Posted"), a sales
 * offer ("Cyber Monday Steal: … for $15", "Save 80% on …") or a celebration ("Happy 10th
 * Birthday …", "… turns 20" is no notice: that is a story). An editor files these under other
 * whatever the event or product is about: the reader learns nothing about the subject.
 * tw: title_words() of the title, made once by analyse(). */
static int
is_notice_title(const char *title, const char *tw)
{
	static const char *const phrases[] = {
	    /* events */
	    " call for papers ", " call for proposals ", " call for presentations ", " call for participation ",
	    " call for speakers ", " call for talks ", " call for submissions ", " registration is open ",
	    " registration open ", " registration now open ", " registration opens ", " registration deadline ",
	    " registrations open ", " schedule posted ", " schedule announced ", " schedule is live ",
	    " schedule is out ", " save the date ", " anmeldung offen ", " appel à communications ",
	    /* offers */
	    " cyber monday ", " black friday ", " prime day ", " lifetime subscription ", " promo code ",
	    " coupon ", " giveaway ",
	    /* celebrations */
	    " birthday ", " anniversary ", " geburtstag ", " jubiläum ", " anniversaire ", " aniversario ",
	};
	static const char *const sales[] = {"save", "steal", "deal", "deals", "sale", "discount", "off", "bundle",
	                                    "lifetime"};
	for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
		if (strstr(tw, phrases[i]))
			return 1;
	/* "Save 80% On …", "$100 off Fenix 5": a price or a percentage with a word of selling */
	return (names_price(title) || strchr(title, '%')) && text_has_word(title, sales, sizeof sales / sizeof sales[0]);
}

/* True when the title is a podcast episode's: a show code with its number ("CRE195 Das
 * Gehirn"), "#332", "Episode 12" / "Ep. 12" / "Folge 12" / "Épisode 12", a number heading the
 * title ("221 - The Glow Cloud") or a number of three or more digits before a colon ("Giant
 * Bombcast 603: …"; a year is no episode number, nor "Typepad 101:", a beginner's guide).
 * tw: title_words() of the title. */
static int
is_episode_title(const char *title, const char *tw)
{
	static const char *const words[] = {" episode ", " ep ", " folge ", " épisode ", " episodio "};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *p = strstr(tw, words[i]);
		if (p && is_ascii_digit((unsigned char)p[strlen(words[i])]))
			return 1;
	}
	for (const char *p = strchr(title, '#'); p; p = strchr(p + 1, '#'))
		if (is_ascii_digit((unsigned char)p[1]))
			return 1;
	/* a show code: two or more capitals and three or more digits, as the first word */
	size_t caps = 0, digits = 0, first = strcspn(title, " :");
	while (caps < first && title[caps] >= 'A' && title[caps] <= 'Z')
		caps++;
	while (caps + digits < first && is_ascii_digit((unsigned char)title[caps + digits]))
		digits++;
	if (caps >= 2 && digits >= 3 && caps + digits == first)
		return 1;
	/* "221 - …", "221: …" */
	if (digits == 0 && caps == 0) {
		size_t n = 0;
		while (is_ascii_digit((unsigned char)title[n]))
			n++;
		if (n && (str_istarts(title + n, " - ") || title[n] == ':'))
			return 1;
	}
	/* "Giant Bombcast 603: …" within the first five words */
	const char *p = title;
	for (int word = 0; word < 5 && *p; word++) {
		while (*p == ' ')
			p++;
		size_t n = 0;
		while (is_ascii_digit((unsigned char)p[n]))
			n++;
		int year = n == 4 && (str_istarts(p, "19") || str_istarts(p, "20"));
		int intro = n == 3 && str_istarts(p, "101"); /* "Typepad 101: …" is a beginner's guide */
		if (n >= 3 && p[n] == ':' && !year && !intro)
			return 1;
		p += strcspn(p, " ");
	}
	return 0;
}

/* True when the item comes from a code host's feed of a project's commits, releases or tags
 * (GitHub's "Recent Commits to repo:main", "Release notes from repo", "Tags from repo", their
 * URLs …/commits/main.atom, …/releases.atom, …/tags.atom, and GitLab's and Gitea's likes). Such
 * an item is the project's news however it is worded ("Parse podcast categories", "Refactor RSS
 * parser"), which an editor files under tools. By the feed's name or its URL. */
static int
is_code_feed(const struct article *a)
{
	static const char *const names[] = {"recent commits to ", "release notes from ", "tags from ", "commits to "};
	static const char *const urls[] = {"/commits/", "/commits.atom", "/releases.atom", "/tags.atom", "/-/commits",
	                                   "/-/tags", "/-/releases", "/releases.rss", "/tags.rss"};
	for (size_t i = 0; a->source_name && i < sizeof names / sizeof names[0]; i++)
		if (str_istarts(a->source_name, names[i]))
			return 1;
	size_t ul = a->source_url ? strlen(a->source_url) : 0;
	for (size_t i = 0; ul && i < sizeof urls / sizeof urls[0]; i++)
		if (str_icasestr(a->source_url, ul, urls[i]))
			return 1;
	return 0;
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
	an->howto = is_howto(title, a->text ? a->text : "");
	/* A roadmap names the version it plans ("Roadmap for Ruby 1.9.2"): a language's or a
	 * project's design ahead, not a release. */
	static const char *const plans[] = {"roadmap", "roadmaps"};
	an->release = (text_is_release(title) || leads_with_version(title)) && !text_has_word(title, plans, 2);
	an->model_release = an->release && releases_a_model(title);
	char tw[TITLE_WORDS_MAX];
	title_words(title, tw);
	an->essay_title = is_essay_title(title, an->lang) || judges_in_title(title, an->lang) ||
	                  is_retrospective_title(tw, an->lang) || claims_in_title(tw, an->lang);
	an->notice = is_notice_title(title, tw);
	an->code_feed = is_code_feed(a);
	an->episode = is_episode_title(title, tw);
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
	for (size_t i = 0; prefs && i < prefs->muted_source_count; i++)
		if ((a->source_name && str_casecmp(a->source_name, prefs->muted_sources[i]) == 0) ||
		    (a->source_url && str_icasestr(a->source_url, strlen(a->source_url), prefs->muted_sources[i])))
			an->is_muted = 1;
	struct text_span spans[256];
	an->sentences = text_sentences(a->text ? a->text : "", spans, 256);
	/* A review of the writer's year is an essay when the writer speaks in it (is_year_review). */
	if (is_year_review(tw, title, an->lang) &&
	    (an->lang == LANG_ZH || first_person_rate(an) >= PERSONAL_FIRST_PERSON))
		an->essay_title = 1;
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
	if (an->release) {
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
	if (best == CAT_TOOLS && ev[CAT_SECURITY].title >= 2 && !an->release && !an->howto) {
		best = CAT_SECURITY;
		best_score = ev[CAT_SECURITY].score + prior[CAT_SECURITY];
	}
	/* A commit, release or tag of a project is its news: tools, unless the title names a core
	 * security topic (a commit "Fix CVE-2024-1234 in the parser"). */
	if (an->code_feed && ev[CAT_SECURITY].title < 3)
		return CAT_TOOLS;
	int techy = best != CAT_OTHER || ev[CAT_TOOLS].top >= 2 || ev[CAT_ENGINEERING].top >= 2;
	/* A release of a model is AI news, of any other product a tool's (releases_a_model). */
	if (an->model_release && best != CAT_SECURITY)
		return CAT_AI_ML;
	if (an->release && techy && best != CAT_SECURITY)
		return CAT_TOOLS;
	/* A notice (a call for papers, an offer, a birthday) is other whatever its subject, unless
	 * the title names a core topic ("Black Friday phishing wave" is security). */
	if (an->notice && !title_names_tech(ev, 3))
		return CAT_OTHER;
	/* a how-to about a tool, not about buying less or watching films: a tool must be named. A
	 * model product as the how-to's only AI word is its means, a tool ("Reading lists in
	 * FeedLand via Gemini"); several AI words make an AI task ("Fine-tuning a model with LoRA").
	 * A how-to whose title names only a consumer subject ("How to choose a smartphone", a clear
	 * cue of other in the title and no technical term there) is a buyer's guide: other's to win
	 * on its evidence, however many app and update words its body has. */
	int consumer_howto = ev[CAT_OTHER].title >= 2 && !title_names_tech(ev, 1);
	if (an->howto && !consumer_howto && (ev[CAT_TOOLS].topics >= 2 ||
	                  (techy && best != CAT_SECURITY && (best != CAT_AI_ML || ev[CAT_AI_ML].distinct < 2))))
		return CAT_TOOLS;
	/* A podcast episode is about what its title says: its show notes name everything the hosts
	 * touched on. With no clear technical term in the title it is other, a show about many things. */
	if (an->episode && !title_names_tech(ev, 2))
		return CAT_OTHER;
	/* First-person writing adds to argument markers already there; it is not one itself. */
	double first_person = first_person_rate(an);
	int opinion = ev[CAT_OPINION].score + (an->essay_title ? 3 * ESSAY_TITLE_WEIGHT : 0);
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
	int announced = ev[CAT_OPINION].title >= 2 || an->essay_title || an->feed_column;
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
 * takes that slot. */
static size_t
name_the_cve(const struct article *a, struct arena *arena, const char **out, size_t n)
{
	char id[CVE_ID_MAX];
	int in_title = find_cve(a->title, id) != NULL;
	if (!in_title && !sole_cve(a->text, id))
		return n;
	for (size_t i = 0; i < n; i++)
		if (str_casecmp(out[i], "CVE") == 0) {
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
	for (size_t i = 0; i < m && n < 4; i++)
		if (!overlaps_keyword(out, n, tf[i]) && (zh || !has_cjk(tf[i])))
			out[n++] = arena_strdup(arena, tf[i]);
	arena_free(&scratch);
	n = add_lexicon(an, zh, used, out, n, 4, 1, 0);
	n = name_the_cve(a, arena, out, n);
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
