/* utf8.c: UTF-8 decoding, validation, repair and display width. */
#include "util/utf8.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = v;
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

void
utf8_put(struct buf *b, uint32_t cp)
{
	char tmp[4];
	buf_append(b, tmp, utf8_encode(cp, tmp));
}

/* Where the first byte that is >= 0x80 or NUL lies in [p, end): plain ASCII is most
 * of a feed, so it is skipped sixteen bytes (SSE2) or eight bytes at a time. */
static const unsigned char *
skip_ascii(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
	const __m128i zero = _mm_setzero_si128();
	while (end - p >= 32) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
		/* high bits of either, or a NUL in either */
		__m128i nul = _mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero));
		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), nul)) != 0)
			break;
		p += 32;
	}
#endif
	while (end - p >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		if ((w & 0x8080808080808080ull) || ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
			break;
		p += 8;
	}
	while (p < end && *p && *p < 0x80)
		p++;
	return p;
}

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char *p = (const unsigned char *)str, *end = p + len;
	for (;;) {
		p = skip_ascii(p, end);
		/* a run of multi-byte sequences (CJK text is nothing else), checked by the
		 * table of well-formed sequences (Unicode 15, table 3-7) */
		for (;;) {
			if (p == end)
				return 1;
			unsigned c = *p;
			if (c < 0x80) {
				if (c == 0)
					return 0;
				break;
			}
			if (c < 0xC2 || c > 0xF4)
				return 0;
			if (c < 0xE0) {
				if (end - p < 2 || (p[1] & 0xC0) != 0x80)
					return 0;
				p += 2;
				continue;
			}
			/* the second byte's range depends on the first (overlongs, surrogates, > U+10FFFF) */
			unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
			unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
			size_t n = c < 0xF0 ? 3 : 4;
			if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 ||
			    (n == 4 && (p[3] & 0xC0) != 0x80))
				return 0;
			p += n;
		}
	}
}

void
utf8_sanitize(struct buf *b, const char *s, size_t len)
{
	buf_reserve(b, len);
	size_t i = 0;
	while (i < len) {
		/* Copy runs of plain ASCII in one go: the common case. */
		size_t run = i;
		while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F)
			run++;
		if (run > i) {
			buf_append(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c == '\t' || c == '\n' || c == '\r')
				buf_putc(b, (char)c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp >= 0x80 && cp <= 0x9F) {
			i += n; /* C1 controls: never meaningful in feed text */
			continue;
		}
		if (n == 1 || cp == UTF8_REPLACEMENT)
			utf8_put(b, UTF8_REPLACEMENT);
		else
			buf_append(b, s + i, n);
		i += n;
	}
}

/* Ranges of double-width code points (East Asian Wide/Fullwidth and emoji). */
static const uint32_t wide_ranges[][2] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
	{0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
	{0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
	{0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
	{0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
	{0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
	{0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
	{0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Ranges of code points that take no column: the combining marks (Mn, Me) of the scripts
 * brief reads as words (Latin diacritics, Cyrillic, Hebrew points, Arabic vowel marks,
 * Devanagari's vowel signs below and above and the virama; the spacing signs, Mc, keep their
 * column), Hangul's vowel and final jamo (drawn in the syllable of the consonant before them),
 * the kana voicing marks, combining marks for symbols, variation selectors, and the format
 * characters (zero-width space, ZWNJ/ZWJ, direction marks and embeddings, word joiner, BOM,
 * tags). From UnicodeData's categories; Arabic's prepended number signs (U+0600-U+0605) are
 * seen, so they are not here. */
static const uint32_t zero_ranges[][2] = {
	{0x300, 0x36F}, {0x483, 0x489}, {0x591, 0x5BD}, {0x5BF, 0x5BF}, {0x5C1, 0x5C2}, {0x5C4, 0x5C5},
	{0x5C7, 0x5C7}, {0x610, 0x61A}, {0x61C, 0x61C}, {0x64B, 0x65F}, {0x670, 0x670}, {0x6D6, 0x6DC},
	{0x6DF, 0x6E4}, {0x6E7, 0x6E8}, {0x6EA, 0x6ED}, {0x900, 0x902}, {0x93A, 0x93A}, {0x93C, 0x93C},
	{0x941, 0x948}, {0x94D, 0x94D}, {0x951, 0x957}, {0x962, 0x963}, {0x1160, 0x11FF},
	{0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},
	{0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0001, 0xE0001},
	{0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};

/* True when cp lies in one of the n sorted ranges. */
static int
in_ranges(const uint32_t (*ranges)[2], size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < ranges[mid][0])
			hi = mid;
		else if (cp > ranges[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
utf8_cp_width(uint32_t cp)
{
	if (cp == 0)
		return 0;
	if (cp < 0x300)
		return 1;
	if (in_ranges(zero_ranges, sizeof zero_ranges / sizeof zero_ranges[0], cp))
		return 0;
	return in_ranges(wide_ranges, sizeof wide_ranges / sizeof wide_ranges[0], cp) ? 2 : 1;
}

size_t
utf8_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		w += (size_t)utf8_cp_width(cp);
	}
	return w;
}

/* True when s[0..len) is the start of a multi-byte sequence that len cuts short: a lead byte
 * wanting more bytes than len holds, followed only by continuation bytes. */
static int
is_cut_sequence(const unsigned char *s, size_t len)
{
	unsigned c = s[0];
	size_t want = c < 0xC2 || c > 0xF4 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (want <= len)
		return 0;
	for (size_t k = 1; k < len; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return 1;
}

size_t
utf8_prefix_chars(const char *s, size_t len, size_t max_chars)
{
	size_t i = 0, n = 0;
	while (i < len && n < max_chars) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		/* callers cut a long text at a byte count (len): a code point that count splits is
		 * left out whole, not kept as its first bytes */
		if (k == 1 && cp == UTF8_REPLACEMENT && is_cut_sequence((const unsigned char *)s + i, len - i))
			break;
		i += k;
		n++;
	}
	return i;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

uint32_t
utf8_last(const char *s, size_t len)
{
	size_t at = len;
	while (at > 0 && ((unsigned char)s[at - 1] & 0xC0) == 0x80)
		at--;
	if (at == 0)
		return 0;
	uint32_t cp = 0;
	return utf8_decode(s + at - 1, len - at + 1, &cp) ? cp : 0;
}

int
utf8_has(const char *s, size_t len, int (*is)(uint32_t cp))
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (is(cp))
			return 1;
		i += n ? n : 1;
	}
	return 0;
}

int
utf8_is_caseless(uint32_t cp)
{
	return (cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x5F0 && cp <= 0x5F2) || /* Hebrew */
	       (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x66E && cp <= 0x66F) || /* Arabic */
	       (cp >= 0x671 && cp <= 0x6D3) || cp == 0x6D5 || (cp >= 0x6EE && cp <= 0x6EF) ||
	       (cp >= 0x6FA && cp <= 0x6FC) || cp == 0x6FF || (cp >= 0x750 && cp <= 0x77F) ||
	       (cp >= 0x904 && cp <= 0x939) || cp == 0x93D || cp == 0x950 || /* Devanagari */
	       (cp >= 0x958 && cp <= 0x961) || (cp >= 0x971 && cp <= 0x97F) ||
	       (cp >= 0x10D0 && cp <= 0x10FA); /* Georgian */
}

int
utf8_is_word_mark(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x591 && cp <= 0x5BD) || cp == 0x5BF ||
	       (cp >= 0x5C1 && cp <= 0x5C2) || (cp >= 0x5C4 && cp <= 0x5C5) || cp == 0x5C7 ||
	       (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 ||
	       (cp >= 0x6D6 && cp <= 0x6DC) || (cp >= 0x6DF && cp <= 0x6E4) || (cp >= 0x6E7 && cp <= 0x6E8) ||
	       (cp >= 0x6EA && cp <= 0x6ED) || (cp >= 0x900 && cp <= 0x903) || (cp >= 0x93A && cp <= 0x93C) ||
	       (cp >= 0x93E && cp <= 0x94F) || (cp >= 0x951 && cp <= 0x957) || (cp >= 0x962 && cp <= 0x963);
}

int
utf8_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp >= 0xC0 && cp <= 0x24F) /* Latin-1 letters, Latin Extended-A/B (not × or ÷) */
		return cp != 0xD7 && cp != 0xF7;
	return (cp >= 0x386 && cp <= 0x3FF && cp != 0x387) || (cp >= 0x400 && cp <= 0x481) ||
	       (cp >= 0x48A && cp <= 0x52F) || (cp >= 0x531 && cp <= 0x556) || /* Armenian */
	       (cp >= 0x560 && cp <= 0x588) || (cp >= 0x1E00 && cp <= 0x1EFF) || utf8_is_caseless(cp);
}

/* The capitals of the letters utf8_is_letter admits, as runs: every code point of
 * [first, last] (step 1), or every other one from first (step 2: the upper/lower pairs of
 * Latin Extended-A/B and Additional, Greek and Cyrillic), is the capital of cp + delta. From
 * UnicodeData's simple lower-case mappings; U+0130 (İ) is left out: its lower case is two code
 * points, and dotless ı (U+0131) has no capital of its own. Sorted by first. */
static const struct {
	uint16_t first, last;
	uint8_t step;
	int16_t delta;
} lower_runs[] = {
	{0xC0, 0xD6, 1, 32}, {0xD8, 0xDE, 1, 32}, {0x100, 0x12E, 2, 1}, {0x132, 0x136, 2, 1},
	{0x139, 0x147, 2, 1}, {0x14A, 0x176, 2, 1}, {0x178, 0x178, 1, -121}, {0x179, 0x17D, 2, 1},
	{0x181, 0x181, 1, 210}, {0x182, 0x184, 2, 1}, {0x186, 0x186, 1, 206}, {0x187, 0x187, 1, 1},
	{0x189, 0x18A, 1, 205}, {0x18B, 0x18B, 1, 1}, {0x18E, 0x18E, 1, 79}, {0x18F, 0x18F, 1, 202},
	{0x190, 0x190, 1, 203}, {0x191, 0x191, 1, 1}, {0x193, 0x193, 1, 205}, {0x194, 0x194, 1, 207},
	{0x196, 0x196, 1, 211}, {0x197, 0x197, 1, 209}, {0x198, 0x198, 1, 1}, {0x19C, 0x19C, 1, 211},
	{0x19D, 0x19D, 1, 213}, {0x19F, 0x19F, 1, 214}, {0x1A0, 0x1A4, 2, 1}, {0x1A6, 0x1A6, 1, 218},
	{0x1A7, 0x1A7, 1, 1}, {0x1A9, 0x1A9, 1, 218}, {0x1AC, 0x1AC, 1, 1}, {0x1AE, 0x1AE, 1, 218},
	{0x1AF, 0x1AF, 1, 1}, {0x1B1, 0x1B2, 1, 217}, {0x1B3, 0x1B5, 2, 1}, {0x1B7, 0x1B7, 1, 219},
	{0x1B8, 0x1B8, 1, 1}, {0x1BC, 0x1BC, 1, 1}, {0x1C4, 0x1C4, 1, 2}, {0x1C5, 0x1C5, 1, 1},
	{0x1C7, 0x1C7, 1, 2}, {0x1C8, 0x1C8, 1, 1}, {0x1CA, 0x1CA, 1, 2}, {0x1CB, 0x1DB, 2, 1},
	{0x1DE, 0x1EE, 2, 1}, {0x1F1, 0x1F1, 1, 2}, {0x1F2, 0x1F4, 2, 1}, {0x1F6, 0x1F6, 1, -97},
	{0x1F7, 0x1F7, 1, -56}, {0x1F8, 0x21E, 2, 1}, {0x220, 0x220, 1, -130}, {0x222, 0x232, 2, 1},
	{0x23A, 0x23A, 1, 10795}, {0x23B, 0x23B, 1, 1}, {0x23D, 0x23D, 1, -163}, {0x23E, 0x23E, 1, 10792},
	{0x241, 0x241, 1, 1}, {0x243, 0x243, 1, -195}, {0x244, 0x244, 1, 69}, {0x245, 0x245, 1, 71},
	{0x246, 0x24E, 2, 1}, {0x386, 0x386, 1, 38}, {0x388, 0x38A, 1, 37}, {0x38C, 0x38C, 1, 64},
	{0x38E, 0x38F, 1, 63}, {0x391, 0x3A1, 1, 32}, {0x3A3, 0x3AB, 1, 32}, {0x3CF, 0x3CF, 1, 8},
	{0x3D8, 0x3EE, 2, 1}, {0x3F4, 0x3F4, 1, -60}, {0x3F7, 0x3F7, 1, 1}, {0x3F9, 0x3F9, 1, -7},
	{0x3FA, 0x3FA, 1, 1}, {0x3FD, 0x3FF, 1, -130}, {0x400, 0x40F, 1, 80}, {0x410, 0x42F, 1, 32},
	{0x460, 0x480, 2, 1}, {0x48A, 0x4BE, 2, 1}, {0x4C0, 0x4C0, 1, 15}, {0x4C1, 0x4CD, 2, 1},
	{0x4D0, 0x52E, 2, 1}, {0x531, 0x556, 1, 48}, {0x1E00, 0x1E94, 2, 1}, {0x1E9E, 0x1E9E, 1, -7615},
	{0x1EA0, 0x1EFE, 2, 1},
};

uint32_t
utf8_tolower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp > lower_runs[sizeof lower_runs / sizeof lower_runs[0] - 1].last)
		return cp;
	/* the last run starting at or before cp */
	size_t lo = 0, hi = sizeof lower_runs / sizeof lower_runs[0];
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (lower_runs[mid].first <= cp)
			lo = mid;
		else
			hi = mid;
	}
	uint32_t first = lower_runs[lo].first;
	if (cp < first || cp > lower_runs[lo].last || (cp - first) % lower_runs[lo].step)
		return cp;
	return (uint32_t)((int32_t)cp + lower_runs[lo].delta);
}

int
utf8_is_upper(uint32_t cp)
{
	return utf8_is_letter(cp) && utf8_tolower(cp) != cp;
}

int
utf8_is_lower(uint32_t cp)
{
	return utf8_is_letter(cp) && !utf8_is_upper(cp) && !utf8_is_caseless(cp);
}
