/* extractive.h: the pieces of extractive prose the offline long-form writers share (the
 * weekly's paragraphs, the offline article): a short date, how much of a summary to quote in
 * whole sentences, whether a span ends a sentence, and how Chinese a text is. */
#ifndef BRIEF_AI_LONGFORM_EXTRACTIVE_H
#define BRIEF_AI_LONGFORM_EXTRACTIVE_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"

/* Append "2月24日" (is_zh) or "Feb 24" for t (UTC seconds) in local time to b. */
void extractive_date(struct buf *b, int64_t t, int is_zh);

/* Share of CJK characters among the CJK characters and Latin words of s[0..len) (0 when
 * there are none): a Chinese text with English names stays well above one half. */
double extractive_cjk_share(const char *s, size_t len);

/* True when p[0..len) ends a sentence: . ! ? 。！？ ۔ ؟ । ॥ (not "..."), possibly inside closing
 * quotes or brackets. */
int extractive_ends_sentence(const char *p, size_t len);

/* How much of an extractive summary to quote: whole sentences (text_sentences: at . ! ?
 * before a space and at 。！？, not inside "v1.2" or after "e.g.") while they fit in limit
 * characters (the first may take twice that). A last sentence that lacks its stop (feed
 * summaries often drop it) is kept and *add_stop set; one cut off upstream ("…", "...") is
 * not. Returns the byte length, 0 when nothing fits or the summary is too short to say
 * anything (a bare "3.9.0"). */
size_t extractive_quote_len(const char *summary, size_t limit, int *add_stop);

/* Append s[0..len) to b as quoted data inside the long-form Markdown subset's text
 * (report/mdsubset.h): on one line, spaces collapsed, without "**" and without bracketed
 * numbers ("[3]", a source's own footnote markers), so that a source can neither embolden
 * nor cite. Everything else is escaped by the renderers. */
void extractive_put_quote(struct buf *b, const char *s, size_t len);
/* s (NULL = "") quoted so, as a string in arena. */
const char *extractive_quoted(const char *s, struct arena *arena);

#endif
