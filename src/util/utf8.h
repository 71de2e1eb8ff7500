/* utf8.h: UTF-8 decoding, validation, repair and display width. */
#ifndef BRIEF_UTIL_UTF8_H
#define BRIEF_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

#define UTF8_REPLACEMENT 0xFFFD

/* Decode one code point from s[0..len). Returns the number of bytes consumed
 * (1..4) and sets *cp; an invalid or truncated sequence consumes 1 byte and
 * yields UTF8_REPLACEMENT. len must be > 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp as UTF-8 into out (4 bytes room); returns the byte count. Surrogates and
 * values above U+10FFFF encode as U+FFFD. */
size_t utf8_encode(uint32_t cp, char *out);
/* Append cp to b as UTF-8. */
void utf8_put(struct buf *b, uint32_t cp);
/* True when s[0..len) is valid UTF-8 (no overlongs, surrogates or NULs). */
int utf8_valid(const char *s, size_t len);
/* Append s[0..len) to b with every invalid sequence replaced by U+FFFD and
 * control characters other than tab/newline/CR dropped. */
void utf8_sanitize(struct buf *b, const char *s, size_t len);
/* Columns a code point takes in a terminal: 0 for combining marks and format characters
 * (zero-width space, ZWNJ/ZWJ, direction marks, BOM), 2 for East Asian wide/fullwidth and
 * emoji, else 1. */
int utf8_cp_width(uint32_t cp);
/* Display width of a UTF-8 string. */
size_t utf8_width(const char *s, size_t len);
/* Length in bytes of the longest prefix of s[0..len) that is at most max_chars
 * code points and does not split a code point. A sequence that len cuts short (its first
 * bytes end s[0..len)) is left out whole, so a longer text can be cut at a byte count:
 * utf8_prefix_chars(text, cap, cap). Other invalid bytes count as one code point each. */
size_t utf8_prefix_chars(const char *s, size_t len, size_t max_chars);
/* Number of code points. */
size_t utf8_count(const char *s, size_t len);
/* The last code point of s[0..len) (what text joined after it follows), 0 when len is 0. */
uint32_t utf8_last(const char *s, size_t len);
/* True when a code point of s[0..len) satisfies is (a class such as utf8_is_upper). An
 * invalid byte is skipped as one byte. */
int utf8_has(const char *s, size_t len, int (*is)(uint32_t cp));
/* True for a letter of the Latin (with accents: ä, é, ß, ø), Greek, Cyrillic or Armenian
 * scripts, ASCII included, or of a caseless alphabet written with spaces between words
 * (utf8_is_caseless).
 * CJK is not covered (callers treat it apart). */
int utf8_is_letter(uint32_t cp);
/* True for a letter of the Hebrew, Arabic (Arabic, Persian, Urdu), Georgian or Devanagari
 * alphabets: scripts without capitals, whose words a space ends as in Latin text. (Armenian
 * has capitals, Ա/ա: it is one of utf8_is_letter's cased scripts.) */
int utf8_is_caseless(uint32_t cp);
/* True for a combining mark that belongs inside a word: Latin diacritics (U+0300-U+036F),
 * Hebrew points, Arabic vowel marks, Devanagari vowel signs. */
int utf8_is_word_mark(uint32_t cp);
/* The lower-case form of cp for those scripts ("Ü" -> "ü", "É" -> "é", "Σ" -> "σ"); any other
 * code point is returned unchanged. Locale-free. */
uint32_t utf8_tolower(uint32_t cp);
/* True when cp is an upper-case letter of those scripts. */
int utf8_is_upper(uint32_t cp);
/* True when cp is a lower-case letter: a letter of a script with capitals that is not one
 * (a caseless alphabet's letters are neither). */
int utf8_is_lower(uint32_t cp);

#endif
