/* extractive.c: extractive prose shared by the offline long-form writers (extractive.h). */
#include "ai/longform/extractive.h"

#include <string.h>
#include <time.h>

#include "ai/offline/text.h"
#include "util/str.h"
#include "util/utf8.h"

void
extractive_date(struct buf *b, int64_t t, int is_zh)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	if (is_zh)
		buf_printf(b, "%d月%d日", tm.tm_mon + 1, tm.tm_mday);
	else
		buf_printf(b, "%s %d", mon[tm.tm_mon], tm.tm_mday);
}

double
extractive_cjk_share(const char *s, size_t len)
{
	size_t cjk = 0, words = 0;
	int in_word = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		int alpha = cp < 0x80 && is_ascii_alpha((int)cp);
		if (alpha && !in_word)
			words++;
		in_word = alpha;
		cjk += text_is_cjk(cp) != 0;
	}
	return cjk + words ? (double)cjk / (double)(cjk + words) : 0.0;
}

int
extractive_ends_sentence(const char *p, size_t len)
{
	static const char *const closers[] = {"\"", "'", ")", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe3\x80\x8d",
	                                      "\xe3\x80\x8f", "\xef\xbc\x89"}; /* ” ’ 」 』 ） */
	for (int again = 1; again && len > 0;) {
		again = 0;
		for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++) {
			size_t cl = strlen(closers[i]);
			if (len > cl && memcmp(p + len - cl, closers[i], cl) == 0) {
				len -= cl;
				again = 1;
				break;
			}
		}
	}
	/* 。！？, and the stops of the scripts whose full stop is no "." (before the weekly2 review
	 * an Urdu sentence ending in "۔" was given a "." after it): ۔ ؟ (Arabic script), । ॥
	 * (Devanagari, Bengali) */
	static const char *const stops[] = {"\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f", "\xdb\x94",
	                                    "\xd8\x9f",       "\xe0\xa5\xa4", "\xe0\xa5\xa5"};
	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		size_t sl = strlen(stops[i]);
		if (len >= sl && memcmp(p + len - sl, stops[i], sl) == 0)
			return 1;
	}
	return len > 0 && strchr(".!?", p[len - 1]) != NULL && (len < 3 || memcmp(p + len - 3, "...", 3) != 0);
}

size_t
extractive_quote_len(const char *summary, size_t limit, int *add_stop)
{
	struct text_span sp[24];
	size_t n = text_sentences(summary, sp, sizeof sp / sizeof sp[0]);
	size_t keep = 0;
	*add_stop = 0;
	if (text_word_count(summary, strlen(summary)) < 4)
		return 0;
	for (size_t k = 0; k < n; k++) {
		size_t end = (size_t)(sp[k].p + sp[k].len - summary);
		size_t most = k == 0 ? 2 * limit : limit;
		if (utf8_prefix_chars(summary, end, most) < end)
			break;
		if (extractive_ends_sentence(sp[k].p, sp[k].len)) {
			keep = end;
			continue;
		}
		/* No stop: the end of the summary without its full stop, or a cut. */
		const char *last = sp[k].p + sp[k].len;
		int cut = sp[k].len < 3 || memcmp(last - 3, "\xe2\x80\xa6", 3) == 0 || memcmp(last - 3, "...", 3) == 0 ||
		          strchr(",;:-", last[-1]) != NULL;
		if (k == n - 1 && !cut) {
			const char *rest = last;
			while (*rest && is_ascii_space((unsigned char)*rest))
				rest++;
			if (!*rest) {
				keep = end;
				*add_stop = 1;
			}
		}
		break;
	}
	return keep;
}

/* Append s[0..len) as quoted data: on one line, without "**" and without bracketed numbers
 * ("[3]", the source's own footnote markers), spaces collapsed. */
void
extractive_put_quote(struct buf *b, const char *s, size_t len)
{
	int space = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '*' && i + 1 < len && s[i + 1] == '*') {
			i++;
			continue;
		}
		if (c == '[') {
			size_t j = i + 1;
			while (j < len && is_ascii_digit((unsigned char)s[j]))
				j++;
			if (j > i + 1 && j < len && s[j] == ']') {
				i = j;
				continue;
			}
		}
		if (is_ascii_space((unsigned char)c)) {
			space = 1;
			continue;
		}
		if (space && b->len && b->data[b->len - 1] != ' ')
			buf_putc(b, ' ');
		space = 0;
		buf_putc(b, c);
	}
}

const char *
extractive_quoted(const char *s, struct arena *arena)
{
	struct buf b = BUF_INIT;
	extractive_put_quote(&b, s ? s : "", s ? strlen(s) : 0);
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}
