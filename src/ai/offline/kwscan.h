/* kwscan.h: the candidate terms of an article as they occur, for keywords.c: usable words,
 * two-word phrases and CJK n-grams, each occurrence with how it is written (in the title, with
 * a capital mid-sentence, in lower case, inside a longer name). keywords.c counts them into
 * document and term frequencies and ranks them; the word tests it shares with the scanner are
 * here too. Internal to the offline engine. */
#ifndef BRIEF_AI_OFFLINE_KWSCAN_H
#define BRIEF_AI_OFFLINE_KWSCAN_H

#include <stddef.h>

#include "ai/offline/lang.h"
#include "ai/offline/text.h"
#include "model.h"

enum { T_WORD, T_PHRASE, T_CJK }; /* what a term is: struct occ's kind */

/* One occurrence of a term, as the scanner reports it. */
struct occ {
	const char *term;
	size_t len;
	int kind, in_title, cap_mid, lower;
	int in_name;         /* body only: a capitalised word right before or after it, a space
	                      * between: part of a longer name */
	const char *surface; /* the occurrence as written, when it has capitals; else NULL */
	size_t surface_len;
	int title_inner;     /* a title phrase that does not start with the title's first word */
	int title_name;      /* a title phrase of two capitalised words, the title in sentence case */
};

typedef void (*occ_fn)(void *ctx, const struct occ *o);

/* Every term occurrence of a's title and text: usable words, adjacent pairs of them, CJK n-grams
 * (only the head of a long text is read). lang: a's language, LANG_COUNT when not known yet. */
void kws_scan_article(const struct article *a, enum lang lang, occ_fn fn, void *ctx);

/* Word tests keywords.c shares with the scanner (kwscan.c says why each decides what it does). */

/* The word at it can be a keyword: three characters or more, two letters or more, no function
 * word of English or of lang, not generic (kw_is_generic), no version with a pre-release tag,
 * no ordinal or time ("8th", "2am"). */
int kws_usable_word(const struct text_iter *it, enum lang lang);
/* The first code point of s[0..len) is an upper-case letter ("Über", "Rust"). */
int kws_starts_upper(const char *s, size_t len);
/* Mixed case after the first letter ("GitHub", "MFA", "iPad"): a name wherever it stands. */
int kws_inner_upper(const char *start, size_t len);
/* Written with a capital: at its start ("Rust") or inside, in mixed case ("iPhone"). */
int kws_capitalised(const char *s, size_t len);
/* A word in capitals longer than an acronym ("CONGRATULATIONS"): shouted or a heading's. */
int kws_shouted(const char *s, size_t len);
/* True when the word at start opens a sentence of the text at base (so its capital says
 * nothing): after . ! ? : a line break or an ellipsis, or at the text's start. */
int kws_sentence_initial(const char *base, const char *start);
/* A title in Title Case: three or more of its words of four letters or more begin with a
 * capital, and at most one does not. Its capitals mark no names. */
int kws_title_cased(const char *s, size_t len);
/* An adjective's, adverb's or verb's ending (-able, -ly, -ing, -ed, ...). */
int kws_adjective_like(const char *w);
/* An identifier from pasted code ("response.GetRows", "my_var"), not a topic. */
int kws_code_identifier(const char *start, size_t len);

#endif
