/* text.h: the word and sentence splitting the offline engine, keywords and clustering share.
 *
 * Locale-free and deterministic. Words are lower-cased runs of letters and digits of the Latin
 * (accents included: "über", "sécurité"), Greek and Cyrillic scripts, UTF-8, that may keep inner
 * '.', '-', '_' and trailing '+'/'#' (so "node.js", "c++", "gpt-4" stay one word); a French
 * elision is dropped ("l'IA" is "ia"), an English clitic too ("don't" is "don"); each CJK
 * character run is emitted as overlapping character bigrams (a cheap, dictionary-free
 * segmentation good enough for TF-IDF and shingles). A soft hyphen or word joiner inside a
 * word is skipped ("Sicherheits&shy;lücke" is "sicherheitslücke"). Also: whether a title carries a version
 * or announces a release (the offline categories and the weekly's 开源项目 share them). */
#ifndef BRIEF_AI_OFFLINE_TEXT_H
#define BRIEF_AI_OFFLINE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#define TEXT_WORD_MAX 48

struct text_iter {
	const char *p, *end;
	char word[TEXT_WORD_MAX + 1]; /* the current word, lower-case UTF-8, NUL-terminated */
	size_t len;
	const char *start;            /* where the current (non-CJK) word starts in the input */
	const char *stem_end;         /* where its letters end: before a clitic text_next() dropped
	                               * ("'s" of "Microsoft's", "'t" of "don't"), else at p */
	int is_cjk;                   /* the word is a CJK bigram (or single CJK character) */
	uint32_t pending_cjk;         /* internal: previous CJK code point of the current run */
};

/* Start iterating over s[0..len). */
void text_iter_init(struct text_iter *it, const char *s, size_t len);
/* Advance to the next word; returns 1 with it->word set, or 0 at the end. */
int text_next(struct text_iter *it);
/* True for English function words that carry no topic ("the", "and", "with", ...). */
int text_is_stopword(const char *w);
/* True when cp is a CJK ideograph, kana or hangul. */
int text_is_cjk(uint32_t cp);
/* True when cp is of a script written without spaces between words and sentences: Han
 * ideographs and kana (text_is_cjk but hangul: Korean spaces its words, "줄였습니다. 증분"). */
int text_is_unspaced(uint32_t cp);
/* True when s starts with such a character (text_is_unspaced: no space is put before it
 * between sentences). */
int text_is_cjk_start(const char *s);
/* The space Chinese text puts before s: none before a Chinese or Japanese character, one
 * before a Latin (or Korean) word ("涉及 Rust", "涉及人工智能"). */
const char *text_zh_gap(const char *s);

struct text_span {
	const char *p;
	size_t len;
};

/* Split s into sentences (at . ! ? followed by a space or a no-break space, at 。！？ with the closing quotation
 * marks and brackets after them, at Urdu's ۔ and ؟ and at the Devanagari danda, at the end of
 * a line break that text_line_breaks reads as one: after a heading or a list item), trimmed; a
 * dot after a one-letter word or a title ("e.g.", "Mr."), after an abbreviated month before a
 * day or a year ("Oct. 27"), or before a space and a word in lower case ("Inc. has"), ends none. Fills at most max spans and returns how many were found (never
 * more than max). */
size_t text_sentences(const char *s, struct text_span *out, size_t max);
/* True when the line p[0..len) ends on a word that cannot end a sentence (an article, a
 * preposition, a conjunction: "for", "der", "et"), in the languages of the stop-word lists:
 * the line goes on after a <br> even when the next starts with a capital ("our SDK for<br>
 * Android"). */
int text_ends_open(const char *p, size_t len);
/* True when a line break after line[0..len) before a line that opens with code point next
 * ends a sentence: the line ends with no stop (nor a comma, a colon, a dash or a word no
 * sentence ends on, text_ends_open), so it is a heading or a list item, and next is a capital,
 * a figure or a mark (a sentence broken by a <br> goes on in lower case, or in a script
 * without case: "타입 검사<br>결과를"). */
int text_line_breaks(const char *line, size_t len, uint32_t next);
/* The length of the wire story's dateline that opens s[0..len), the spaces after it included,
 * or 0: the place in capitals, maybe a state or a date after a comma, the agency in brackets and
 * a dash ("WASHINGTON (AP) — ", "SAN FRANCISCO (Reuters) - ", "SPRINGFIELD, Ill. (AP) — ",
 * "LONDON, Nov 8 (Reuters) - "). It is the wire's furniture, no word of the story: a summary
 * had opened "WASHINGTON (AP) — President …". The brackets are required: a sentence may open
 * with a name in capitals and a dash ("NASA — the agency …"). */
size_t text_dateline(const char *s, size_t len);
/* The length of s[0..len) before the line that opens its sponsors' copy ("Sponsored by:",
 * "Sponsors:", "This episode is sponsored by …": a podcast's show notes end with the ads), or
 * len when there is none or nothing but blanks comes before it (a post that is an ad). */
size_t text_before_sponsors(const char *s, size_t len);
/* True when s shows nothing: NULL, empty, or only spaces and invisible format characters
 * (ASCII and Unicode spaces, U+200B-U+200F zero-width and direction marks, the line and
 * paragraph separators and bidi controls U+2028-U+202F, U+2060-U+2064, U+FEFF); a title like
 * that reads as none. */
int text_is_blank(const char *s);
/* The headline a reader sees for an item: title when it shows something (text_is_blank; a
 * title that is only a version, a tag feed's "0.1.1", with link a forge's .../owner/REPO/
 * releases/tag/... page reads "REPO 0.1.1"),
 * else, as feed readers do for a microblog's untitled post, the first sentence of text cut to
 * max_chars characters (at a space for Latin text, with "…"; never right after a figure, whose
 * scale the cut may have dropped: "$300 million" is no "$300…"), else link, else NULL.
 * Arena-owned, or title or link itself. */
const char *text_display_title(const char *title, const char *text, const char *link, size_t max_chars,
                               struct arena *arena);
#define TEXT_DISPLAY_TITLE_CHARS 60 /* an untitled post's heading: about a headline's length */
/* True when the word text_next just read is written as a call in code: an opening bracket right
 * after it ("aes(x = hour)", "md5($pass)"), which prose puts a space before ("AES (the
 * standard)"); a plural's bracket ("file(s)", "entr(ies)") is no call. */
int text_is_call(const struct text_iter *it);
/* True when one of s's words (as text_next spells them: lower case) is one of words[0..n). */
int text_has_word(const char *s, const char *const *words, size_t n);
/* Number of words in s (as text_next counts them; CJK counts one per character pair). */
size_t text_word_count(const char *s, size_t len);
/* True when t carries a version number: digits with a dot and more digits ("0.14", "3.1.0",
 * "10.1.0") or digits right after a word-initial v ("v2"). Used to spot releases. */
int text_has_version(const char *t);
/* True when t is a version and nothing else: no letters but a v before digits, and
 * text_has_version (a tag feed's entry title: "v3.9.0", "1.2.0"). */
int text_is_bare_version(const char *t);
/* True when a title announces a release: a version with a release word ("QEMU version 10.1.0
 * released", "Zig 0.14 ships", "5.4 beta", "Go 1.24 veröffentlicht", "Go 1.24正式发布", "Выпуск
 * … Go 1.24"), or nothing but a version (tag feeds: "v3.9.0"). */
int text_is_release(const char *title);
/* True when s[0..len) is source code, markup or a terminal's output pasted into prose rather
 * than a sentence: many brackets, operators and semicolons, a line of a code listing (ending
 * in ; { or } with code's symbols and an _identifier, =, a brace, -> or ::), or several of a commit id or
 * checksum (12+ hex digits with a digit and a letter), a file path ("test/unit/a_test.rb",
 * "/usr/bin/env"), a file name of code ("some_test.rb"), a snake_case identifier and a command
 * flag (" -n ", " --verbose"). One of them alone is prose ("edit /etc/hosts", "read_csv()"). */
int text_is_code_like(const char *s, size_t len);

#endif
