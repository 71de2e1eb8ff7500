/* lang.h: the language of an article and its stop words, for the offline engine.
 *
 * Detection is by function words (the, und, les, het, los, não, che, ...) and the share of CJK
 * characters; it only has to be good enough to pick the stop-word list and to decide which
 * language-bound lexicon cues apply ("KI" means AI only in German, "IA" only in French and
 * Spanish, Dutch "rust" is rest, not the language). Locale-free and deterministic. */
#ifndef BRIEF_AI_OFFLINE_LANG_H
#define BRIEF_AI_OFFLINE_LANG_H

#include <stddef.h>

enum lang { LANG_EN, LANG_DE, LANG_FR, LANG_NL, LANG_ES, LANG_PT, LANG_IT, LANG_ZH, LANG_OTHER, LANG_COUNT };

/* The language of a title and text (only their head is read). Short Latin texts without
 * enough function words count as English, the lingua franca of tech feeds; a text that is
 * neither CJK nor written in a known language's function words is LANG_OTHER. */
enum lang lang_detect(const char *title, const char *text);
/* "en", "de", "fr", "nl", "es", "pt", "it", "zh", "other". */
const char *lang_code(enum lang l);
/* Parse a code as lang_code() writes it; LANG_COUNT when unknown. */
enum lang lang_parse(const char *code, size_t len);
/* True when w (lower case, UTF-8) is a function word of English or of l: English words occur
 * in every language's tech writing, so they are always skipped. */
int lang_is_stopword(enum lang l, const char *w);

#endif
