/* claims.c: extraction of figures, dates, quotations and names from model-written text, with
 * their normalised forms (rules in claims.h). Pure functions: no I/O, arena-owned results. */
#include "ai/longform/claims.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/offline/names.h"      /* zh_name_at */
#include "ai/longform/commentary.h" /* check_citation */
#include "util/str.h"
#include "util/utf8.h"

void
claims_fold(const char *s, size_t len, struct buf *out)
{
	buf_reserve(out, len + 1);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			buf_putc(out, (char)c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			buf_putc(out, (char)(cp - 0xFEE0));
		else if (cp == 0x3000 || cp == 0xA0)
			buf_putc(out, ' ');
		else
			buf_append(out, s + i, n);
		i += n;
	}
}

/* Punctuation and quote marks a quotation key drops (besides ASCII punctuation and space). */
static int
is_cjk_punct(uint32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x2010 && cp <= 0x205E) || cp == 0xB7 || cp == 0x30FB ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

/* Whether the word f[a..b) is a negation: not, never, no, nor, cannot, none, neither (any
 * case; a word before n't is read by the caller). */
static int
negation_word(const char *f, size_t a, size_t b)
{
	static const char *const words[] = {"not", "never", "no", "nor", "cannot", "none", "neither"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t j = 0;
		while (a + j < b && words[k][j] && ascii_lower(f[a + j]) == words[k][j])
			j++;
		if (a + j == b && !words[k][j])
			return 1;
	}
	return 0;
}

/* Whether code point cp is a Chinese negation written before what it negates. */
static int
negation_cjk(uint32_t cp)
{
	return cp == 0x4E0D /* 不 */ || cp == 0x6CA1 /* 没 */ || cp == 0x672A /* 未 */ || cp == 0x975E /* 非 */ ||
	       cp == 0x65E0 /* 无 */ || cp == 0x522B /* 别 */ || cp == 0x52FF /* 勿 */;
}

/* claims_quote_key, and when marks is not NULL one byte appended to it per byte of the key:
 * CLAIMS_WORD_START, CLAIMS_WORD_END, CLAIMS_AFTER_NEG (see claims.h). */
static void
quote_key(const char *s, size_t len, struct buf *out, struct buf *marks)
{
	struct buf f = BUF_INIT;
	claims_fold(s, len, &f);
	int neg = 0; /* the last word or CJK character seen was a negation */
	for (size_t i = 0; i < f.len;) {
		unsigned char c = (unsigned char)f.data[i];
		if (c < 0x80) {
			if (is_ascii_alnum(c)) {
				size_t e = i;
				while (e < f.len && is_ascii_alnum((unsigned char)f.data[e]))
					e++;
				/* A word before n't (straight or curly apostrophe) is a negation, its t part
				 * of it ("don't": dont, one word). */
				size_t ap = e < f.len && f.data[e] == '\'' ? 1
				            : e + 2 < f.len && memcmp(f.data + e, "\xE2\x80\x99", 3) == 0 ? 3
				                                                                       : 0;
				int nt = ap && e > i + 1 && ascii_lower(f.data[e - 1]) == 'n' && e + ap < f.len &&
				         ascii_lower(f.data[e + ap]) == 't' &&
				         (e + ap + 1 >= f.len || !is_ascii_alnum((unsigned char)f.data[e + ap + 1]));
				int is_neg = nt || negation_word(f.data, i, e);
				for (size_t k = i; k < e; k++) {
					buf_putc(out, (char)ascii_lower(f.data[k]));
					if (marks)
						buf_putc(marks, (char)((k == i ? CLAIMS_WORD_START | (neg ? CLAIMS_AFTER_NEG : 0) : 0) |
						                       (k + 1 == e && !nt ? CLAIMS_WORD_END : 0)));
				}
				if (nt) {
					buf_putc(out, 't');
					if (marks)
						buf_putc(marks, CLAIMS_WORD_END);
					e += ap + 1;
				}
				neg = is_neg;
				i = e;
				continue;
			}
			if (c == '.' && i + 2 < f.len && f.data[i + 1] == '.' && f.data[i + 2] == '.') {
				buf_putc(out, CLAIMS_GAP), i += 2;
				if (marks)
					buf_putc(marks, CLAIMS_WORD_START | CLAIMS_WORD_END);
			} else if (c == '.' || c == '!' || c == '?' || c == ';') {
				/* a sentence's end: "…really isn't. “Law enforcement…” quotes the next
				 * sentence whole, it leaves out no negation */
				neg = 0;
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(f.data + i, f.len - i, &cp);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B) /* 。！？； end a sentence */
			neg = 0;
		if (cp == 0x2026) {
			buf_putc(out, CLAIMS_GAP);
			if (marks)
				buf_putc(marks, CLAIMS_WORD_START | CLAIMS_WORD_END);
		} else if (!is_cjk_punct(cp)) {
			buf_append(out, f.data + i, n);
			for (size_t k = 0; marks && k < n; k++)
				buf_putc(marks, (char)(CLAIMS_WORD_START | CLAIMS_WORD_END | (neg ? CLAIMS_AFTER_NEG : 0)));
			neg = negation_cjk(cp);
		}
		i += n;
	}
	buf_free(&f);
}

void
claims_quote_key(const char *s, size_t len, struct buf *out)
{
	quote_key(s, len, out, NULL);
}

void
claims_quote_key_marked(const char *s, size_t len, struct buf *out, struct buf *marks)
{
	quote_key(s, len, out, marks);
}

const char *
claim_kind_name(enum claim_kind k)
{
	static const char *const names[] = {"figure", "date", "quote", "name"};
	return names[k];
}

/* The extraction state of one sentence: the folded text, which bytes a date already took,
 * and the output array. */
struct ex {
	const char *t;   /* folded sentence */
	size_t len;
	char *taken;     /* 1 = part of a date */
	int is_en;
	int all_figures; /* keep bare small integers too (source text) */
	struct arena *arena;
	struct claim **out;
	size_t *count, *cap;
	size_t range_next; /* where the second end of a measured range in words starts ("two to
	                    * |five days"), 0 when none */
	struct buf offs;   /* where each claim pushed begins and ends in t (size_t pairs) */
};

/* Whether t[0..i) ends with the ASCII word w (any case, a word boundary before it). */
static int
word_ends_at(const char *t, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (i < n || (i > n && is_ascii_alnum((unsigned char)t[i - n - 1])))
		return 0;
	for (size_t k = 0; k < n; k++)
		if (ascii_lower(t[i - n + k]) != w[k])
			return 0;
	return 1;
}

/* Whether t[0..i) ends with one of the count words. */
static int
ends_with_any(const char *t, size_t i, const char *const *words, size_t count, int ascii)
{
	for (size_t k = 0; k < count; k++) {
		size_t n = strlen(words[k]);
		if (ascii ? word_ends_at(t, i, words[k]) : i >= n && memcmp(t + i - n, words[k], n) == 0)
			return 1;
	}
	return 0;
}

#define N_(a) (sizeof a / sizeof *a)

/* The direction of change written before the figure at t[i] in its clause (nearest word,
 * back to a comma, stop or another figure, at most 48 bytes): 1 up ("rose", "grew", "up",
 * 增长, 上涨), -1 down ("fell", "dropped", "down", 下降, 减少), 0 none ("up to" is a bound). */
static int
direction_before(const char *t, size_t i)
{
	static const char *const up[] = {"rose", "rise", "rises", "rising", "risen", "up", "increased", "increase",
	                                 "increases", "increasing", "grew", "grow", "grows", "growing", "grown",
	                                 "gained", "gain", "gains", "jumped", "jump", "jumps", "climbed", "climb",
	                                 "climbs", "surged", "soared", "raised", "boosted", "higher"};
	static const char *const down[] = {"fell", "fall", "falls", "falling", "fallen", "down", "decreased",
	                                   "decrease", "decreases", "declined", "decline", "declines", "dropped",
	                                   "drop", "drops", "shrank", "shrunk", "shrink", "shrinks", "cut", "cuts",
	                                   "reduced", "reduce", "reduces", "slid", "slipped", "plunged", "plummeted",
	                                   "sank", "tumbled", "lower"};
	static const char *const up_zh[] = {"增长", "上涨", "上升", "提高", "提升", "增加", "增至", "涨至",
	                                    "升至", "涨了", "增长了", "上涨了", "上升了", "提高了", "提升了", "增加了",
	                                    "涨幅", "增幅"};
	static const char *const down_zh[] = {"下降", "下跌", "下滑", "减少", "降低", "降至", "跌至", "减至",
	                                      "缩减", "削减", "下降了", "下跌了", "下滑了", "减少了", "降低了",
	                                      "降幅", "跌幅"};
	size_t floor = i > 48 ? i - 48 : 0;
	for (size_t j = i; j > floor;) {
		unsigned char c = (unsigned char)t[j - 1];
		if (is_ascii_digit(c) || c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')')
			return 0;
		if (is_ascii_alpha(c)) {
			if (ends_with_any(t, j, up, N_(up), 1))
				return word_ends_at(t, j, "up") && strncmp(t + j, " to", 3) == 0 ? 0 : 1; /* up to */
			if (ends_with_any(t, j, down, N_(down), 1))
				return -1;
			while (j > floor && is_ascii_alpha((unsigned char)t[j - 1]))
				j--;
			continue;
		}
		if (c >= 0x80) {
			if (ends_with_any(t, j, up_zh, N_(up_zh), 0))
				return 1;
			if (ends_with_any(t, j, down_zh, N_(down_zh), 0))
				return -1;
			size_t b = j - 1;
			while (b > 0 && ((unsigned char)t[b] & 0xC0) == 0x80)
				b--;
			uint32_t cp;
			utf8_decode(t + b, j - b, &cp);
			if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0x3001)
				return 0; /* ， 。 ； ： 、 */
			j = b;
			continue;
		}
		j--;
	}
	return 0;
}

/* The direction of change written right after the figure ending at t[e], when none is
 * written before it: an English noun or comparative after spaces only ("a 12% drop", "5%
 * higher", "a 20% increase") or a Chinese noun after 的 (5%的增长, 8%的降幅); 1 up, -1 down,
 * 0 none. "more" and "less"
 * are not read ("5% more efficient" and "5% less energy" can say the same thing). */
static int
direction_after(const char *t, size_t len, size_t e)
{
	static const char *const up[] = {"increase", "increases", "rise", "rises", "gain", "gains", "jump", "jumps",
	                                 "growth", "higher", "surge", "hike", "hikes", "boost", "uptick"};
	static const char *const down[] = {"drop", "drops", "decline", "declines", "decrease", "decreases", "fall",
	                                   "falls", "cut", "cuts", "reduction", "reductions", "lower", "slump",
	                                   "dip", "plunge", "downturn"};
	static const char *const up_zh[] = {"增长", "增幅", "涨幅", "上涨", "上升", "提升", "提高", "增加"};
	static const char *const down_zh[] = {"下降", "降幅", "跌幅", "下跌", "下滑", "减少", "降低", "缩减"};
	size_t i = e;
	while (i < len && t[i] == ' ')
		i++;
	size_t w = 0;
	while (i + w < len && is_ascii_alpha((unsigned char)t[i + w]))
		w++;
	if (w) {
		for (size_t k = 0; k < N_(up); k++)
			if (strlen(up[k]) == w && str_ncasecmp(t + i, up[k], w) == 0)
				return 1;
		for (size_t k = 0; k < N_(down); k++)
			if (strlen(down[k]) == w && str_ncasecmp(t + i, down[k], w) == 0)
				return -1;
		return 0;
	}
	if (len - i < strlen("的") || memcmp(t + i, "的", strlen("的")) != 0)
		return 0; /* 5%的增长; a verb right after a figure may be the next clause's */
	i += strlen("的");
	for (size_t k = 0; k < N_(up_zh); k++)
		if (strncmp(t + i, up_zh[k], strlen(up_zh[k])) == 0)
			return 1;
	for (size_t k = 0; k < N_(down_zh); k++)
		if (strncmp(t + i, down_zh[k], strlen(down_zh[k])) == 0)
			return -1;
	return 0;
}

/* t[0..i) without the spaces and the currency sign (and ~ when tilde) that end it. */
static size_t
sign_back(const char *t, size_t i, int tilde)
{
	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '$' || (tilde && t[i - 1] == '~')))
		i--;
	if (i >= 2 && (memcmp(t + i - 2, "\xC2\xA3", 2) == 0))
		i -= 2; /* £ */
	if (i >= 3 && (memcmp(t + i - 3, "\xE2\x82\xAC", 3) == 0 || memcmp(t + i - 3, "\xEF\xBF\xA5", 3) == 0))
		i -= 3; /* € ￥ */
	while (i > 0 && t[i - 1] == ' ')
		i--;
	return i;
}

/* The bytes of the word among words[0..count) that t[0..i) ends with (ascii: an ASCII word,
 * any case, a word boundary before it), 0 when none. */
static size_t
ending_word(const char *t, size_t i, const char *const *words, size_t count, int ascii)
{
	for (size_t k = 0; k < count; k++)
		if (ends_with_any(t, i, words + k, 1, ascii))
			return strlen(words[k]);
	return 0;
}

/* Whether the bound word that begins at t[i] is negated: "no" or "not" before it ("no more
 * than", "not less than"), or 不 未 没 (不超过, 不少于, 未超过, 不低于). */
static int
bound_negated(const char *t, size_t i)
{
	while (i > 0 && t[i - 1] == ' ')
		i--;
	return word_ends_at(t, i, "no") || word_ends_at(t, i, "not") ||
	       ends_with_any(t, i, (const char *const[]){"不", "未", "没"}, 3, 0);
}

/* The bound written right before the figure at t[i] (spaces, a currency sign or ~ between):
 * 1 "over", "above", "more than", "at least", 超过, 逾, 高于, 多于, 至少; -1 "under", "below",
 * "less than", "fewer than", 不到, 不足, 低于, 少于; -2 a maximum, "up to", "at most", 最多, 至多;
 * 0 none. A negated bound is the other side: "no more than", 不超过 -1 (true of less, as
 * "under"); "no fewer than", "not less than", 不少于, 不低于 1. */
static int
bound_before(const char *t, size_t i)
{
	static const char *const over[] = {"over", "above", "more than", "greater than", "at least", "exceeding"};
	static const char *const under[] = {"under", "below", "less than", "fewer than"};
	static const char *const over_zh[] = {"超过", "逾", "高于", "多于", "超", "至少"};
	static const char *const under_zh[] = {"不到", "不足", "低于", "少于"};
	static const char *const most[] = {"up to", "at most"};
	static const char *const most_zh[] = {"最多", "至多"};
	i = sign_back(t, i, 1);
	size_t n;
	if ((n = ending_word(t, i, over, N_(over), 1)) || (n = ending_word(t, i, over_zh, N_(over_zh), 0)))
		return bound_negated(t, i - n) ? -1 : 1;
	if (ending_word(t, i, most, N_(most), 1) || ending_word(t, i, most_zh, N_(most_zh), 0))
		return -2; /* a maximum: "up to 50%" is not "up to 40%" */
	if ((n = ending_word(t, i, under, N_(under), 1)) || (n = ending_word(t, i, under_zh, N_(under_zh), 0)))
		return bound_negated(t, i - n) ? 1 : -1;
	return 0;
}

/* The bound written right after the figure ending at t[e], a counted noun or unit between in
 * Chinese (5000名以上, 六成以上, 50%以下): 1 以上, 及以上, 或以上, "or more", "or above", "and above",
 * "or higher"; -1 以下, 及以下, "or less", "or fewer", "or below", "and below", "or lower"; 0 none. */
static int
bound_after(const char *t, size_t len, size_t e)
{
	static const char *const over[] = {"以上", "及以上", "或以上", " or more", " or above", " and above", " or higher"};
	static const char *const under[] = {"以下", "及以下", "或以下", " or less",
	                                    " or fewer", " or below", " and below", " or lower"};
	for (int noun = 0; noun < 2; noun++) {
		for (size_t k = 0; k < N_(over); k++)
			if (e + strlen(over[k]) <= len && memcmp(t + e, over[k], strlen(over[k])) == 0 &&
			    !(e + strlen(over[k]) < len && is_ascii_alpha((unsigned char)t[e + strlen(over[k])])))
				return 1;
		for (size_t k = 0; k < N_(under); k++)
			if (e + strlen(under[k]) <= len && memcmp(t + e, under[k], strlen(under[k])) == 0 &&
			    !(e + strlen(under[k]) < len && is_ascii_alpha((unsigned char)t[e + strlen(under[k])])))
				return -1;
		if (e + 3 > len || (unsigned char)t[e] < 0xE4 || (unsigned char)t[e] > 0xE9 ||
		    memcmp(t + e, "以", 3) == 0)
			break; /* one CJK character between, U+4E00..U+9FFF: 5000名以上 */
		e += 3;
	}
	return 0;
}

/* Whether t[0..i) ends with 约 that is a word's second character, not "about": 合约 (a
 * contract), 纽约 (New York), 预约, 条约 ... */
static int
yue_in_word(const char *t, size_t i)
{
	static const char *const words[] = {"合约", "纽约", "签约", "预约", "契约", "条约", "公约", "节约", "制约",
	                                    "邀约", "履约", "违约", "特约", "婚约", "解约", "续约", "毁约", "赴约",
	                                    "要约", "盟约", "相约", "失约", "践约", "爽约", "誓约", "协约"};
	return ends_with_any(t, i, words, N_(words), 0);
}

/* Whether t[0..i) ends with 近 that says "nearly": not the end of 最近 ("the last", 最近5000次
 * is the last 5,000 times, an exact count) or 附近 (nearby). */
static int
jin_nearly_at(const char *t, size_t i)
{
	static const char *const words[] = {"最近", "附近"};
	return i >= strlen("近") && memcmp(t + i - strlen("近"), "近", strlen("近")) == 0 &&
	       !ends_with_any(t, i, words, N_(words), 0);
}

/* The qualifier written around the figure t[start..end): CLAIM_ABOUT for "about", "around",
 * "roughly", "approximately", "some", ~, 约, 大约, 大概, or 左右, 上下, "or so" after it (a
 * counted noun between: 5000家左右);
 * CLAIM_NEARLY for "nearly", "almost", "close to", 近, 将近, 接近 (not 近 before a time: 近5年
 * is "the last five years", nor the 近 of 最近 or 附近: jin_nearly_at); 0 none. A word may come between an English qualifier and its
 * figure, "a" or "an" ("roughly a 30% share", "nearly a 50% drop"), and between a Chinese one
 * and its figure, 有 为 是 达 占 在 (约有30%, 大约在5000, 将近有一半); 约 ending a word (合约, 纽约)
 * is none. */
static int
qualifier_near(const char *t, size_t len, size_t start, size_t end, int time_after)
{
	static const char *const about[] = {"about", "around", "roughly", "approximately", "some", "circa"};
	static const char *const about_zh[] = {"约", "约为", "约合", "大概", "大致", "≈"};
	static const char *const nearly[] = {"nearly", "almost", "close to"};
	static const char *const after[] = {"左右", "上下", " or so"};
	static const char *const article[] = {"a", "an"};
	static const char *const verb_zh[] = {"有", "为", "是", "达", "占", "在"};
	static const char *const about_zh2[] = {"约", "大约", "大概", "大致"};
	static const char *const nearly_zh2[] = {"将近", "接近"};
	size_t i = sign_back(t, start, 0);
	if (i > 0 && t[i - 1] == '~')
		return CLAIM_ABOUT;
	i = sign_back(t, i, 1);
	if ((ends_with_any(t, i, about, N_(about), 1) || ends_with_any(t, i, about_zh, N_(about_zh), 0)) &&
	    !yue_in_word(t, i))
		return CLAIM_ABOUT;
	if (ends_with_any(t, i, nearly, N_(nearly), 1) || (!time_after && jin_nearly_at(t, i)))
		return CLAIM_NEARLY;
	/* One word between: "roughly a 30% share", 约有30% */
	for (size_t k = 0; k < N_(article); k++)
		if (word_ends_at(t, i, article[k])) {
			size_t b = i - strlen(article[k]);
			if (b == 0 || t[b - 1] != ' ')
				break;
			while (b > 0 && t[b - 1] == ' ')
				b--;
			if (ends_with_any(t, b, about, N_(about), 1))
				return CLAIM_ABOUT;
			if (ends_with_any(t, b, nearly, N_(nearly), 1))
				return CLAIM_NEARLY;
		}
	for (size_t k = 0; k < N_(verb_zh); k++) {
		size_t l = strlen(verb_zh[k]);
		if (i < l || memcmp(t + i - l, verb_zh[k], l) != 0)
			continue;
		if (ends_with_any(t, i - l, about_zh2, N_(about_zh2), 0) && !yue_in_word(t, i - l))
			return CLAIM_ABOUT;
		if (ends_with_any(t, i - l, nearly_zh2, N_(nearly_zh2), 0))
			return CLAIM_NEARLY;
	}
	for (int noun = 0; noun < 2; noun++) { /* 5000左右, 5000家左右: one counted noun between */
		for (size_t k = 0; k < N_(after); k++)
			if (end + strlen(after[k]) <= len && memcmp(t + end, after[k], strlen(after[k])) == 0)
				return CLAIM_ABOUT;
		if (end + 3 > len || (unsigned char)t[end] < 0xE4 || (unsigned char)t[end] > 0xE9)
			break; /* a CJK character, U+4E00..U+9FFF */
		end += 3;
	}
	return 0;
}

/* Whether t[i..] begins with a clause stop (, ; : . ， 。 ； ： 、) or a digit. */
static int
clause_stop_at(const char *t, size_t i)
{
	static const char *const stops[] = {"，", "。", "；", "：", "、"};
	if (is_ascii_digit((unsigned char)t[i]) || t[i] == ',' || t[i] == ';' || t[i] == ':' ||
	    (t[i] == '.' && !is_ascii_digit((unsigned char)t[i + 1])))
		return 1;
	for (size_t k = 0; k < N_(stops); k++)
		if (strncmp(t + i, stops[k], strlen(stops[k])) == 0)
			return 1;
	return 0;
}

/* The basis of the change written in the clause of the figure at t[start..end) (at most 48
 * bytes either side, not past a clause stop or another figure): 1 year on year (同比,
 * "year over year", "year-on-year", YoY), 2 sequential (环比, "quarter over quarter",
 * "month over month", "quarter-on-quarter", "month-on-month", "sequentially", QoQ, MoM),
 * 0 none. */
static int
basis_near(const char *t, size_t len, size_t start, size_t end)
{
	static const char *const yoy[] = {"同比", "year over year", "year-over-year", "year-on-year", "year on year",
	                                  "yoy"};
	static const char *const seq[] = {"环比", "quarter over quarter", "quarter-over-quarter", "quarter-on-quarter",
	                                  "quarter on quarter", "month over month", "month-over-month",
	                                  "month-on-month", "month on month", "sequentially", "qoq", "mom"};
	size_t a = start, b = end;
	while (a > 0 && start - a < 48 && !clause_stop_at(t, a - 1))
		a--;
	while (b < len && b - end < 48 && !clause_stop_at(t, b))
		b++;
	for (size_t i = a; i < b; i++) {
		if (i >= start && i < end)
			continue;
		for (int kind = 1; kind <= 2; kind++) {
			const char *const *w = kind == 1 ? yoy : seq;
			size_t count = kind == 1 ? N_(yoy) : N_(seq);
			for (size_t k = 0; k < count; k++) {
				size_t n = strlen(w[k]), j = 0;
				if (i + n > b || (i > 0 && is_ascii_alpha((unsigned char)w[k][0]) &&
				                  is_ascii_alpha((unsigned char)t[i - 1])))
					continue;
				while (j < n && ascii_lower(t[i + j]) == w[k][j])
					j++;
				if (j == n && !(is_ascii_alpha((unsigned char)w[k][n - 1]) && is_ascii_alpha((unsigned char)t[i + n])))
					return kind;
			}
		}
	}
	return 0;
}

static struct claim *
push(struct ex *x, enum claim_kind kind, size_t start, size_t end)
{
	if (*x->count == *x->cap) {
		size_t cap = *x->cap ? *x->cap * 2 : 16;
		struct claim *n = arena_alloc(x->arena, cap * sizeof *n);
		if (*x->count)
			memcpy(n, *x->out, *x->count * sizeof *n);
		*x->out = n;
		*x->cap = cap;
	}
	struct claim *c = &(*x->out)[(*x->count)++];
	memset(c, 0, sizeof *c);
	size_t at[2] = {start, end};
	buf_append(&x->offs, (const char *)at, sizeof at);
	c->kind = kind;
	c->text = arena_strndup(x->arena, x->t + start, end - start);
	if (kind == CLAIM_FIGURE) {
		c->direction = direction_before(x->t, start);
		if (!c->direction)
			c->direction = direction_after(x->t, x->len, end);
		c->bound = bound_before(x->t, start);
		if (!c->bound)
			c->bound = bound_after(x->t, x->len, end);
		c->basis = basis_near(x->t, x->len, start, end);
	}
	return c;
}

/* Digits at t[i..] (at most max): their count, value in *v. */
static size_t
digits(const char *t, size_t len, size_t i, size_t max, int *v)
{
	size_t n = 0;
	*v = 0;
	while (i + n < len && n < max && is_ascii_digit((unsigned char)t[i + n]))
		*v = *v * 10 + (t[i + n++] - '0');
	return n;
}

static int
at(const struct ex *x, size_t i, const char *s)
{
	size_t n = strlen(s);
	return i + n <= x->len && memcmp(x->t + i, s, n) == 0;
}

/* The bytes of the CJK word s at t[i..], glued or after one space ("5 万", "2026 年 3 月":
 * Chinese text spaced between digits and characters, as the seeds write it), 0 when not
 * there. */
static size_t
at_spaced(const struct ex *x, size_t i, const char *s)
{
	size_t sp = i < x->len && x->t[i] == ' ' ? 1 : 0;
	return at(x, i + sp, s) ? sp + strlen(s) : 0;
}

/* i past one space at t[i], if there is one (the space after a CJK word before digits). */
static size_t
past_space(const struct ex *x, size_t i)
{
	return i < x->len && x->t[i] == ' ' && i + 1 < x->len && is_ascii_digit((unsigned char)x->t[i + 1]) ? i + 1 : i;
}

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const month_names[] = {"january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"};

/* An English month name (capitalised; full, 3-letter or "Sept", optional '.') at t[i..]:
 * its number, the bytes in *n; 0 when none. */
static int
month_at(const struct ex *x, size_t i, size_t *n)
{
	if (i >= x->len || !(x->t[i] >= 'A' && x->t[i] <= 'Z') || (i > 0 && is_ascii_alpha((unsigned char)x->t[i - 1])))
		return 0;
	size_t w = 0;
	while (i + w < x->len && is_ascii_alpha((unsigned char)x->t[i + w]))
		w++;
	char word[16];
	if (w < 3 || w >= sizeof word)
		return 0;
	for (size_t k = 0; k < w; k++)
		word[k] = (char)ascii_lower((unsigned char)x->t[i + k]);
	word[w] = 0;
	for (int m = 0; m < 12; m++)
		if (strcmp(word, month_names[m]) == 0 || strcmp(word, months[m]) == 0 || (m == 8 && strcmp(word, "sept") == 0)) {
			*n = w + (i + w < x->len && x->t[i + w] == '.');
			return m + 1;
		}
	return 0;
}

static void
take(struct ex *x, size_t a, size_t b)
{
	memset(x->taken + a, 1, b - a);
}

static void
date_claim(struct ex *x, size_t a, size_t b, int y, int m, int d)
{
	if (m < 1 || m > 12 || d < 0 || d > 31 || (y && (y < 1900 || y > 2200)))
		return;
	struct claim *c = push(x, CLAIM_DATE, a, b);
	c->year = y;
	c->month = m;
	c->day = d;
	take(x, a, b);
}

/* Find the dates of the sentence (ISO, Chinese, English), marking their bytes taken. */
static void
find_dates(struct ex *x)
{
	const char *t = x->t;
	for (size_t i = 0; i < x->len; i++) {
		if (x->taken[i])
			continue;
		int prev_alnum = i > 0 && is_ascii_alnum((unsigned char)t[i - 1]);
		size_t mn;
		int month = prev_alnum ? 0 : month_at(x, i, &mn);
		if (month) {
			/* Month D[th][, YYYY] | Month YYYY */
			size_t j = i + mn;
			int d = 0, y = 0;
			if (j < x->len && t[j] == ' ') {
				size_t n = digits(t, x->len, j + 1, 4, &d);
				if (n == 4) {
					date_claim(x, i, j + 5, d, month, 0);
					continue;
				}
				if (n >= 1 && n <= 2 && !(j + 1 + n < x->len && is_ascii_digit((unsigned char)t[j + 1 + n]))) {
					size_t e = j + 1 + n;
					if (at(x, e, "st") || at(x, e, "nd") || at(x, e, "rd") || at(x, e, "th"))
						e += 2;
					if (at(x, e, ", ") && digits(t, x->len, e + 2, 4, &y) == 4)
						e += 6;
					else
						y = 0;
					date_claim(x, i, e, y, month, d);
					continue;
				}
			}
			continue;
		}
		if (prev_alnum || !is_ascii_digit((unsigned char)t[i]))
			continue;
		int a = 0, b = 0, c = 0;
		size_t n1 = digits(t, x->len, i, 5, &a);
		size_t j = i + n1;
		/* ISO and slashed: YYYY-MM-DD, YYYY/M/D, YYYY.M.D */
		if (n1 == 4 && j < x->len && (t[j] == '-' || t[j] == '/' || t[j] == '.')) {
			char sep = t[j];
			size_t n2 = digits(t, x->len, j + 1, 2, &b);
			size_t k = j + 1 + n2;
			if (n2 && k < x->len && t[k] == sep) {
				size_t n3 = digits(t, x->len, k + 1, 2, &c);
				size_t e = k + 1 + n3;
				if (n3 && !(e < x->len && is_ascii_digit((unsigned char)t[e]))) {
					date_claim(x, i, e, a, b, c);
					i = e - 1;
					continue;
				}
			}
		}
		/* Chinese: [YYYY年][M月][D日|号], glued or spaced ("2026 年 3 月 5 日") */
		size_t yl = n1 == 4 ? at_spaced(x, j, "年") : 0, ml, dl;
		if (yl) {
			size_t k = past_space(x, j + yl);
			size_t n2 = digits(t, x->len, k, 2, &b);
			if (n2 && (ml = at_spaced(x, k + n2, "月")) > 0) {
				size_t e = k + n2 + ml, d0 = past_space(x, e);
				size_t n3 = digits(t, x->len, d0, 2, &c);
				if (n3 && ((dl = at_spaced(x, d0 + n3, "日")) > 0 || (dl = at_spaced(x, d0 + n3, "号")) > 0))
					e = d0 + n3 + dl;
				else
					c = 0;
				date_claim(x, i, e, a, b, c);
				i = e - 1;
			}
			continue; /* "2026年" alone is a figure (a year) */
		}
		if (n1 >= 1 && n1 <= 2 && (ml = at_spaced(x, j, "月")) > 0) {
			size_t e = j + ml, d0 = past_space(x, e);
			size_t n3 = digits(t, x->len, d0, 2, &c);
			if (n3 && ((dl = at_spaced(x, d0 + n3, "日")) > 0 || (dl = at_spaced(x, d0 + n3, "号")) > 0))
				e = d0 + n3 + dl;
			else
				c = 0;
			date_claim(x, i, e, 0, a, c);
			i = e - 1;
			continue;
		}
		/* English: D Month [YYYY] */
		if (n1 >= 1 && n1 <= 2 && j < x->len && t[j] == ' ') {
			int m = month_at(x, j + 1, &mn);
			if (m) {
				size_t e = j + 1 + mn;
				int y = 0;
				if (e < x->len && t[e] == ' ' && digits(t, x->len, e + 1, 4, &y) == 4)
					e += 5;
				else
					y = 0;
				date_claim(x, i, e, y, m, a);
				i = e - 1;
			}
		}
	}
}

/* The closing mark of a quotation opened by pair k at in: the first pairs[k][1] after it,
 * and for single curly quotes (‘…’) the first ’ not followed by a letter (don’t, it’s are
 * apostrophes). NULL when none. */
static const char *
quote_close(const char *in, const char *close, int single)
{
	const char *c = strstr(in, close); /* t is NUL-terminated at end */
	while (single && c && is_ascii_alpha((unsigned char)c[strlen(close)]))
		c = strstr(c + strlen(close), close);
	return c;
}

/* Open/close quote pairs: 「」 『』 “” ‘’ and ASCII "" (paired in order). Straight single
 * quotes are no quotation marks ('90s, students'). */
/* Whether a negation (claims.h, CLAIMS_AFTER_NEG) comes right before t[o] (spaces between). */
static int
negation_before(const char *t, size_t o)
{
	while (o > 0 && t[o - 1] == ' ')
		o--;
	size_t b = o;
	while (b > 0 && is_ascii_alnum((unsigned char)t[b - 1]))
		b--;
	if (b < o)
		return negation_word(t, b, o) ||
		       (o - b == 1 && ascii_lower(t[b]) == 't' &&
		        ((b >= 2 && t[b - 1] == '\'' && ascii_lower(t[b - 2]) == 'n') ||
		         (b >= 4 && memcmp(t + b - 3, "\xE2\x80\x99", 3) == 0 && ascii_lower(t[b - 4]) == 'n')));
	size_t c = o;
	while (c > 0 && ((unsigned char)t[c - 1] & 0xC0) == 0x80)
		c--;
	if (c == 0 || c == o)
		return 0;
	uint32_t cp;
	utf8_decode(t + c - 1, o - c + 1, &cp);
	return negation_cjk(cp);
}

/* Whether a verb of saying and a colon (说：, 表示：, 写道: ...) end the text before the opening
 * mark at o (spaces between): what they open is someone's words (他说：“我们绝不会涨价”), a
 * quotation however short, not a term (关键词：「推论引擎」 stays a term). */
static int
colon_before(const char *t, const char *o)
{
	static const char *const verbs[] = {"说", "表示", "称", "道", "指出", "强调", "坦言", "回应", "认为", "提到",
	                                    "透露", "解释", "回答", "问", "答", "宣布", "承认", "补充"};
	while (o > t && o[-1] == ' ')
		o--;
	if (o > t && o[-1] == ':')
		o--;
	else if (o - t >= 3 && memcmp(o - 3, "：", 3) == 0)
		o -= 3;
	else
		return 0;
	while (o > t && o[-1] == ' ')
		o--;
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		size_t l = strlen(verbs[k]);
		if ((size_t)(o - t) >= l && memcmp(o - l, verbs[k], l) == 0)
			return 1;
	}
	return 0;
}

/* Whether the text around a short quotation o..p (opening mark at o, p after the closing
 * one) says it is someone's words with no colon: a verb of saying right before it (他称“我们绝
 * 不会涨价”, 坦言“……”; not 人称, 号称, 简称, 俗称, 被称 or 小说, which name a thing) or 的说法 /
 * 一说 right after it (“免费午餐已经结束”的说法). */
static int
saying_near(const char *t, const char *o, const char *p)
{
	static const char *const verbs[] = {"说", "称", "表示", "强调", "指出", "坦言", "直言", "透露", "写道",
	                                    "回应", "宣称", "声称", "断言", "感叹", "承认"};
	static const char *const naming[] = {"人称", "号称", "简称", "俗称", "昵称", "名称", "统称", "戏称", "被称",
	                                     "自称", "小说", "学说", "传说", "据说", "听说"};
	if (strncmp(p, "的说法", strlen("的说法")) == 0 || strncmp(p, "一说", strlen("一说")) == 0)
		return 1;
	while (o > t && o[-1] == ' ')
		o--;
	for (size_t k = 0; k < sizeof naming / sizeof *naming; k++) {
		size_t l = strlen(naming[k]);
		if ((size_t)(o - t) >= l && memcmp(o - l, naming[k], l) == 0)
			return 0;
	}
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		size_t l = strlen(verbs[k]);
		if ((size_t)(o - t) >= l && memcmp(o - l, verbs[k], l) == 0)
			return 1;
	}
	return 0;
}

static void
find_quotes(struct ex *x)
{
	static const char *const pairs[][2] = {{"「", "」"}, {"『", "』"}, {"“", "”"}, {"‘", "’"}, {"\"", "\""}};
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
		size_t ol = strlen(pairs[k][0]), cl = strlen(pairs[k][1]);
		const char *p = x->t, *end = x->t + x->len;
		for (;;) {
			const char *o = strstr(p, pairs[k][0]); /* t is NUL-terminated at end */
			if (!o)
				break;
			const char *in = o + ol;
			const char *c = quote_close(in, pairs[k][1], strcmp(pairs[k][0], "‘") == 0);
			if (!c)
				break;
			p = c + cl;
			/* Long enough to be a quotation, not a term? */
			size_t cjk = 0, words = 0, stops = 0;
			int in_word = 0;
			for (const char *q = in; q < c;) {
				uint32_t cp;
				q += utf8_decode(q, (size_t)(c - q), &cp);
				int alnum = cp < 0x80 && is_ascii_alnum((int)cp);
				words += alnum && !in_word;
				in_word = alnum;
				cjk += cp >= 0x3400 && cp < 0xA000;
				stops += cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == 0x3002 || cp == '!' || cp == '?' ||
				         cp == ';' || (cp == '.' && q < c && *q == ' ');
			}
			if (cjk < 8 && words < 4 && !(stops && cjk + words >= 4) && !(cjk >= 4 && (colon_before(x->t, o) || saying_near(x->t, o, p))))
				continue;
			struct claim *cl_ = push(x, CLAIM_QUOTE, (size_t)(o - x->t), (size_t)(p - x->t));
			struct buf key = BUF_INIT;
			claims_quote_key(in, (size_t)(c - in), &key);
			cl_->key = arena_strdup(x->arena, buf_str(&key));
			cl_->is_negated = negation_before(x->t, (size_t)(o - x->t));
			buf_free(&key);
			/* A translation mark right after the closing quote. */
			const char *m = p;
			while (m < end && *m == ' ')
				m++;
			static const char *const marks[] = {"(译)", "(译文)", "(translated)", "(translation)",
			                                    "(Translated)", "(translation)"};
			for (size_t j = 0; j < sizeof marks / sizeof *marks; j++)
				if ((size_t)(end - m) >= strlen(marks[j]) && memcmp(m, marks[j], strlen(marks[j])) == 0)
					cl_->is_translated = 1;
		}
	}
}

/* Generic words and acronyms that are not names to check. */
static const char *const generic[] = {
	"a", "about", "after", "ai", "all", "also", "am", "an", "and", "another", "any", "api", "apis", "app", "apps",
	"are", "as", "at", "be", "before", "both", "but", "by", "can", "ceo", "cfo", "could", "coo", "cpu", "cpus",
	"cto", "did", "do", "does", "dr", "each", "eu", "even", "every", "finally", "first", "for", "from", "gpu",
	"gpus", "had", "has", "have", "he", "her", "here", "his", "how", "however", "i", "if", "in", "into", "ipo", "is",
	"it", "its", "just", "last", "less", "llm", "llms", "many", "may", "meanwhile", "might", "ml", "more", "most",
	"mr", "ms", "much", "must", "new", "next", "no", "not", "now", "of", "ok", "on", "one", "only", "or", "other",
	"our", "over", "pc", "pcs", "pm", "sdk", "second", "she", "should", "so", "some", "still", "such", "than",
	"that", "the", "their", "then", "there", "these", "they", "third", "this", "those", "to", "today", "tomorrow",
	"ui", "uk", "under", "us", "usa", "ux", "very", "vs", "was", "we", "were", "what", "when", "where", "which",
	"while", "who", "why", "will", "with", "without", "would", "yes", "yesterday", "yet", "you", "your",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static int
is_generic(const char *w, size_t len)
{
	char low[24];
	if (len >= sizeof low)
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)ascii_lower((unsigned char)w[i]);
	low[len] = 0;
	size_t lo = 0, hi = sizeof generic / sizeof *generic;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(generic[mid], low);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int m = 0; m < 12; m++)
		if (strcmp(low, month_names[m]) == 0 || strcmp(low, months[m]) == 0)
			return 1;
	return 0;
}

/* The multiplier of a CJK or English unit word at t[i..] (after at most one space): its
 * bytes in *n, *pct set for percent words (2 for percentage points). 1 with *n = 0 when none.
 * The French and German scales are read too (3,5 millions, 2 milliards, 40 Millionen, 2
 * Milliarden); "billions" is not, since the French billion is 1e12. */
static double
unit_after(const struct ex *x, size_t i, size_t *n, int *pct)
{
	static const struct {
		const char *w;
		double mul;
		int pct;
	} units[] = {
		{"万亿", 1e12, 0}, {"千亿", 1e11, 0}, {"百亿", 1e10, 0}, {"十亿", 1e9, 0}, {"亿", 1e8, 0},
		{"千万", 1e7, 0},  {"百万", 1e6, 0},  {"十万", 1e5, 0},  {"万", 1e4, 0},   {"千", 1e3, 0}, {"%", 1, 1},
		{"‰", 0.1, 1}, {"个百分点", 1, 2}, {"percentage points", 1, 2}, {"percentage point", 1, 2}, {"percent", 1, 1},
		{"per cent", 1, 1}, {"pct", 1, 1}, {"thousand", 1e3, 0}, {"million", 1e6, 0}, {"billion", 1e9, 0},
		{"trillion", 1e12, 0}, {"mn", 1e6, 0}, {"bn", 1e9, 0}, {"lakh", 1e5, 0}, {"lakhs", 1e5, 0},
		{"crore", 1e7, 0}, {"crores", 1e7, 0}, {"millions", 1e6, 0}, {"milliard", 1e9, 0},
		{"milliards", 1e9, 0}, {"Millionen", 1e6, 0}, {"Milliarde", 1e9, 0}, {"Milliarden", 1e9, 0},
	};
	*n = 0;
	*pct = 0;
	int hyphen = i < x->len && x->t[i] == '-';
	size_t sp = i < x->len && (x->t[i] == ' ' || hyphen) ? 1 : 0;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		size_t l = strlen(units[k].w);
		if (!at(x, i + sp, units[k].w))
			continue;
		/* A hyphen joins an English word of three letters or more: "a 30-percent rise", "a
		 * $5-million deal" (not "4-K", nor a range, "3-5") */
		if (hyphen && (l < 3 || !is_ascii_alpha((unsigned char)units[k].w[0])))
			continue;
		/* An English word must end there. */
		if (is_ascii_alpha((unsigned char)units[k].w[0]) && i + sp + l < x->len &&
		    is_ascii_alpha((unsigned char)x->t[i + sp + l]))
			continue;
		/* "3 %", and "3 万", "5 个百分点": Chinese text spaced between digits and characters */
		if (strcmp(units[k].w, "千") == 0 && (at(x, i + sp + l, "米") || at(x, i + sp + l, "克") ||
		                                     at(x, i + sp + l, "瓦") || at(x, i + sp + l, "兆")))
			continue; /* 5千米 is 5 km, 3千克 3 kg, 10千瓦 10 kW (measures[]), 千兆 giga: no scale */
		*n = sp + l;
		*pct = units[k].pct;
		return units[k].mul;
	}
	return 1;
}

static int
currency_before(const struct ex *x, size_t i)
{
	static const char *const signs[] = {"$", "¥", "￥", "€", "£", "₹"};
	for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
		size_t l = strlen(signs[k]);
		if (i >= l && memcmp(x->t + i - l, signs[k], l) == 0)
			return (int)l;
	}
	return 0;
}

static int
currency_after(const struct ex *x, size_t i)
{
	static const char *const words[] = {"美元", "元", "人民币", "欧元", "英镑", "日元", " dollars", " USD", " yuan",
	                                    " RMB", " euros", " rupees"};
	size_t sp = i < x->len && x->t[i] == ' ' && (unsigned char)x->t[i + 1] >= 0x80 ? 1 : 0; /* "5 美元" */
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (at(x, i + (words[k][0] == ' ' ? 0 : sp), words[k]))
			return 1;
	return 0;
}

/* The period of a rate, the figure t[start..end) is per: after it, past a currency word
 * ("$20 per month", "20 dollars a year", "500 GB/day", "grew 50% annually", "20美元/月") or
 * before it (每月20美元, 每秒 500 次); its name ("s", "min", "h", "d", "wk", "mo", "yr", the
 * same in both languages), NULL when none. */
static const char *
period_near(const struct ex *x, size_t start, size_t end)
{
	static const struct {
		const char *w;
		const char *period;
	} after[] = {
		{" per second", "s"}, {"/s", "s"},       {"/sec", "s"},         {" per minute", "min"}, {" a minute", "min"},
		{"/min", "min"},      {" per hour", "h"}, {" an hour", "h"},     {"/hour", "h"},         {"/hr", "h"},
		{" per day", "d"},    {" a day", "d"},    {"/day", "d"},         {" daily", "d"},        {" per week", "wk"},
		{" a week", "wk"},    {"/week", "wk"},    {" weekly", "wk"},     {" per month", "mo"},   {" a month", "mo"},
		{"/month", "mo"},     {"/mo", "mo"},      {" monthly", "mo"},    {" per year", "yr"},    {" a year", "yr"},
		{"/year", "yr"},      {"/yr", "yr"},      {" annually", "yr"},   {" per annum", "yr"},   {"/秒", "s"},
		{"/分钟", "min"},     {"/小时", "h"},     {"/天", "d"},          {"/日", "d"},           {"/周", "wk"},
		{"/月", "mo"},        {"/年", "yr"},      {"每秒", "s"},         {"每分钟", "min"},      {"每小时", "h"},
		{"每天", "d"},        {"每日", "d"},      {"每周", "wk"},        {"每月", "mo"},         {"每年", "yr"},
	};
	static const char *const money[] = {"美元", "元", "人民币", "欧元", " dollars", " USD", " yuan", " euros"};
	size_t e = end;
	for (size_t k = 0; k < sizeof money / sizeof *money; k++)
		if (at(x, e, money[k])) {
			e += strlen(money[k]);
			break;
		}
	for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
		size_t l = strlen(after[k].w);
		if (at(x, e, after[k].w) && !(e + l < x->len && is_ascii_alpha((unsigned char)x->t[e + l])))
			return after[k].period;
	}
	size_t b = start > 0 && x->t[start - 1] == ' ' ? start - 1 : start;
	for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
		size_t l = strlen(after[k].w);
		if ((unsigned char)after[k].w[0] >= 0x80 && b >= l && memcmp(x->t + b - l, after[k].w, l) == 0)
			return after[k].period;
	}
	return NULL;
}

/* The length of the letters at t[i..]. */
static size_t
letters_at(const struct ex *x, size_t i)
{
	size_t n = 0;
	while (i + n < x->len && is_ascii_alpha((unsigned char)x->t[i + n]))
		n++;
	return n;
}

/* Whether t[i..], right after "times", "x" or "twice", makes it a frequency ("3 times a week",
 * "2–3x weekly", "twice per day", "5x/day"): a count of events, not a multiple. */
static int
frequency_after(const struct ex *x, size_t i)
{
	static const char *const periods[] = {"second", "minute", "hour", "day", "night", "week", "month",
	                                      "quarter", "year"};
	static const char *const adverbs[] = {" hourly", " daily", " nightly", " weekly", " monthly", " quarterly",
	                                      " yearly", " annually"};
	static const char *const leads[] = {" a ", " an ", " per ", " each ", " every ", "/", " a-", " /"};
	for (size_t k = 0; k < sizeof adverbs / sizeof *adverbs; k++)
		if (at(x, i, adverbs[k]) && letters_at(x, i + 1) == strlen(adverbs[k]) - 1)
			return 1;
	for (size_t k = 0; k < sizeof leads / sizeof *leads; k++) {
		if (!at(x, i, leads[k]))
			continue;
		size_t p = i + strlen(leads[k]), w = letters_at(x, p);
		for (size_t q = 0; q < sizeof periods / sizeof *periods; q++) {
			size_t l = strlen(periods[q]);
			if ((w == l || (w == l + 1 && x->t[p + l] == 's')) && str_ncasecmp(x->t + p, periods[q], l) == 0)
				return 1;
		}
	}
	return 0;
}

/* The bytes of a multiple's mark at t[i..] right after a figure: "倍", "×" or " times" (a
 * word of its own, not a frequency: "3 times a week" is a count); 0 when none. "×" before a
 * digit is a product or a size (1920×1080). */
static size_t
multiple_after(const struct ex *x, size_t i)
{
	size_t sp = i < x->len && x->t[i] == ' ' ? 1 : 0;
	if (at(x, i, "倍"))
		return strlen("倍");
	if (at(x, i + sp, "×") && !(i + sp + 2 < x->len && is_ascii_digit((unsigned char)x->t[i + sp + 2])))
		return sp + strlen("×");
	if (at(x, i, " times") && !(i + 6 < x->len && is_ascii_alpha((unsigned char)x->t[i + 6])) &&
	    !frequency_after(x, i + 6))
		return 6;
	if ((at(x, i, "-fold") || at(x, i, " fold")) && letters_at(x, i + 1) == 4)
		return 5; /* 10-fold */
	return 0;
}

/* The unit of a fraction read as a percentage (a third = 33.3 %): a source's percentage
 * within a point supports it. */
#define FRACTION_UNIT 2.0

/* Push the figure t[start..end): value times mul, unit the place of its last written digit
 * (before mul), pct and cur whether a percent (2: percentage points) or a currency came with
 * it, mult whether it is a multiple (3倍, 3x). A bare count (a whole number up to 10 with none
 * of these) is no claim: counting, not quoting, unless CLAIMS_ALL_FIGURES. Returns end. */
static size_t
push_figure(struct ex *x, size_t start, size_t end, double value, double unit, double mul, int pct, int cur,
            int mult)
{
	if (!pct && !cur && !mult && mul == 1 && unit >= 1 && value <= 10 && !x->all_figures)
		return end;
	struct claim *c = push(x, CLAIM_FIGURE, start, end);
	if (mult && value == 1 && end >= strlen("倍") && memcmp(x->t + end - strlen("倍"), "倍", strlen("倍")) == 0 &&
	    !at(x, end, "速"))
		value = 2; /* 增长了一倍, 快1倍: one more time over, doubled (1倍速, a playback speed, is no multiple) */
	c->value = value * mul;
	c->unit = unit * mul;
	c->is_percent = pct != 0;
	c->is_points = pct == 2;
	c->is_multiple = mult;
	return end;
}

/* Whether the comma at t[j], after a figure's digits, is a decimal comma (3,5 %, 3,5
 * million, 1.234,56 €): one or two digits after it, then a scale, a percent or a currency.
 * A comma between figures with no unit stays a separator or a list's comma (12,15). */
static int
decimal_comma_at(const struct ex *x, size_t j)
{
	size_t k = j + 1;
	while (k < x->len && k - j <= 3 && is_ascii_digit((unsigned char)x->t[k]))
		k++;
	if (k == j + 1 || k - j > 3 || (k < x->len && is_ascii_digit((unsigned char)x->t[k])))
		return 0;
	size_t n;
	int pct;
	unit_after(x, k, &n, &pct);
	size_t sp = k < x->len && x->t[k] == ' ' ? 1 : 0;
	return n > 0 || at(x, k + sp, "€") || at(x, k, " EUR") || currency_after(x, k);
}

/* Whether the comma at t[j] opens Indian digit grouping (1,00,000; 12,34,56,789): groups of
 * two digits, then a last group of three. */
static int
indian_grouping_at(const struct ex *x, size_t j)
{
	const char *t = x->t;
	size_t k = j;
	int twos = 0;
	while (k + 3 < x->len && t[k] == ',' && is_ascii_digit((unsigned char)t[k + 1]) &&
	       is_ascii_digit((unsigned char)t[k + 2]) && t[k + 3] == ',') {
		k += 3;
		twos++;
	}
	return twos > 0 && k + 3 < x->len + 1 && t[k] == ',' && is_ascii_digit((unsigned char)t[k + 1]) &&
	       is_ascii_digit((unsigned char)t[k + 2]) && is_ascii_digit((unsigned char)t[k + 3]) &&
	       !(k + 4 < x->len && is_ascii_digit((unsigned char)t[k + 4]));
}

/* Whether the figure 180 ending at t[i] is the idiom of a reversal ("180度大转弯", "180度的转变",
 * 一百八十度转弯, "a 180-degree turn"): a change of mind, no measure to check. */
static int
reversal_idiom_at(const struct ex *x, size_t i, double value)
{
	static const char *const tails[] = {"度大转弯", "度转弯", "度的大转弯", "度的转变", "度转变", "度大转变",
	                                    "度的转弯", "-degree turn", " degree turn", "-degree shift",
	                                    "-degree reversal", "-degree change", "-degree u-turn"};
	if (value != 180)
		return 0;
	for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
		size_t l = strlen(tails[k]);
		if (i + l <= x->len && str_ncasecmp(x->t + i, tails[k], l) == 0)
			return 1;
	}
	return 0;
}

/* Whether a minus sign is right before t[i]: U+2212, an en dash, an ASCII '-' or 负, not
 * glued to a word before it (GPT-4, Top-5: a hyphen) and with no figure before it, nor a
 * figure and its unit word (3–5 %, 10 - 15, 3 Mbps -5 Mbps: a range). */
static int
sign_before(const struct ex *x, size_t i)
{
	static const char *const signs[] = {"−", "–", "-", "负"};
	for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
		size_t l = strlen(signs[k]);
		if (i < l || memcmp(x->t + i - l, signs[k], l) != 0)
			continue;
		if (k == 3)
			return 1;
		size_t b = i - l;
		if (b > 0 && (is_ascii_alnum((unsigned char)x->t[b - 1]) || x->t[b - 1] == '_'))
			return 0; /* a hyphen: GPT-4, Top-5 */
		while (b > 0 && x->t[b - 1] == ' ')
			b--;
		if (b > 0 && (is_ascii_digit((unsigned char)x->t[b - 1]) || x->t[b - 1] == '%'))
			return 0; /* a range: 3–5 %, 10 - 15 */
		/* A range after a figure's unit word: "3 Mbps -5 Mbps", "2 GB - 4 GB" */
		size_t w = b;
		while (w > 0 && (is_ascii_alpha((unsigned char)x->t[w - 1]) || x->t[w - 1] == '/'))
			w--;
		if (w < b && w > 0 && x->t[w - 1] == ' ') {
			while (w > 0 && x->t[w - 1] == ' ')
				w--;
			if (w > 0 && is_ascii_digit((unsigned char)x->t[w - 1]))
				return 0;
		}
		return 1;
	}
	return 0;
}

/* The scale of a percentage word right before t[i]: 百分之 1 (百分之三十 is 30 %), 千分之 0.1
 * (千分之五 is 0.5 %), 万分之 0.01; its bytes in *n. 0 when none. */
static double
per_before(const struct ex *x, size_t i, size_t *n)
{
	static const struct {
		const char *w;
		double mul;
	} per[] = {{"百分之", 1}, {"千分之", 0.1}, {"万分之", 0.01}};
	for (size_t k = 0; k < sizeof per / sizeof *per; k++) {
		*n = strlen(per[k].w);
		if (i >= *n && memcmp(x->t + i - *n, per[k].w, *n) == 0)
			return per[k].mul;
	}
	*n = 0;
	return 0;
}

/* The units of measure: each word or sign and the unit it names (the same unit in every
 * language and spelling: "30 min", "30 minutes" and 30分钟 are one; GB and GiB are one, as a
 * writer does not tell them apart). A count's noun (users, 个, 家) is none. */
static const struct {
	const char *w;
	const char *unit;
} measures[] = {
	{"KB", "KB"}, {"kB", "KB"}, {"KiB", "KB"}, {"kilobyte", "KB"}, {"kilobytes", "KB"}, {"MB", "MB"},
	{"MiB", "MB"}, {"megabyte", "MB"}, {"megabytes", "MB"}, {"GB", "GB"}, {"GiB", "GB"}, {"gigabyte", "GB"},
	{"gigabytes", "GB"}, {"TB", "TB"}, {"TiB", "TB"}, {"terabyte", "TB"}, {"terabytes", "TB"}, {"PB", "PB"},
	{"petabyte", "PB"}, {"petabytes", "PB"}, {"Kbps", "Kbps"}, {"Mbps", "Mbps"}, {"Gbps", "Gbps"},
	{"kHz", "kHz"}, {"MHz", "MHz"}, {"GHz", "GHz"}, {"ms", "ms"}, {"millisecond", "ms"},
	{"milliseconds", "ms"}, {"毫秒", "ms"}, {"sec", "s"}, {"secs", "s"}, {"second", "s"}, {"seconds", "s"},
	{"秒", "s"}, {"min", "min"}, {"mins", "min"}, {"minute", "min"}, {"minutes", "min"}, {"Minuten", "min"},
	{"分钟", "min"}, {"hr", "h"}, {"hrs", "h"}, {"hour", "h"}, {"hours", "h"}, {"Stunden", "h"},
	{"heures", "h"}, {"小时", "h"}, {"day", "d"}, {"days", "d"}, {"Tage", "d"}, {"jours", "d"}, {"天", "d"},
	{"week", "wk"}, {"weeks", "wk"}, {"Wochen", "wk"}, {"周", "wk"}, {"星期", "wk"}, {"month", "mo"},
	{"months", "mo"}, {"Monate", "mo"}, {"mois", "mo"}, {"个月", "mo"}, {"year", "yr"}, {"years", "yr"},
	{"Jahre", "yr"}, {"ans", "yr"}, {"年", "yr"}, {"km", "km"}, {"公里", "km"}, {"千米", "km"}, {"cm", "cm"},
	{"mm", "mm"}, {"nm", "nm"}, {"kg", "kg"}, {"kW", "kW"}, {"MW", "MW"}, {"GW", "GW"},
	{"kilometer", "km"}, {"kilometers", "km"}, {"kilometre", "km"}, {"kilometres", "km"}, {"mile", "mi"},
	{"miles", "mi"}, {"mi", "mi"}, {"英里", "mi"}, {"kilogram", "kg"}, {"kilograms", "kg"}, {"kilo", "kg"},
	{"kilos", "kg"}, {"公斤", "kg"}, {"千克", "kg"}, {"lb", "lb"}, {"lbs", "lb"}, {"pound", "lb"},
	{"pounds", "lb"}, {"磅", "lb"}, {"ton", "t"}, {"tons", "t"}, {"tonne", "t"}, {"tonnes", "t"}, {"吨", "t"},
	{"W", "W"}, {"watt", "W"}, {"watts", "W"}, {"kilowatt", "kW"}, {"kilowatts", "kW"}, {"megawatt", "MW"},
	{"megawatts", "MW"}, {"gigawatt", "GW"}, {"gigawatts", "GW"}, {"千瓦时", "kWh"}, {"千瓦", "kW"},
	{"兆瓦", "MW"}, {"吉瓦", "GW"}, {"瓦", "W"}, {"kWh", "kWh"}, {"MWh", "MWh"}, {"GWh", "GWh"},
	{"TWh", "TWh"}, {"°C", "C"}, {"℃", "C"}, {"摄氏度", "C"}, {"°F", "F"}, {"℉", "F"}, {"华氏度", "F"},
};

/* The unit of measure at t[i..] (glued or after one space: "GB", " days", "天", " 个月"): its
 * bytes in *n and its name (measures[]), NULL with *n = 0 when none. */
static const char *
measure_unit_at(const struct ex *x, size_t i, size_t *n)
{
	size_t sp = i < x->len && x->t[i] == ' ' ? 1 : 0;
	size_t w = letters_at(x, i + sp);
	*n = 0;
	for (size_t k = 0; k < sizeof measures / sizeof *measures; k++) {
		const char *m = measures[k].w;
		size_t l = strlen(m);
		if (is_ascii_alpha((unsigned char)m[0]) ? l == w && memcmp(x->t + i + sp, m, w) == 0 : at(x, i + sp, m)) {
			*n = sp + l;
			return measures[k].unit;
		}
	}
	return NULL;
}

/* The bytes of a unit of measure at t[i..] (measure_unit_at), 0 when none. */
static size_t
measure_after(const struct ex *x, size_t i)
{
	size_t n;
	measure_unit_at(x, i, &n);
	return n;
}

/* Whether m, a unit's name (measures[]), is a unit of time (ms to years); NULL is none. */
static int
is_time(const char *m)
{
	static const char *const times[] = {"ms", "s", "min", "h", "d", "wk", "mo", "yr"};
	for (size_t k = 0; m && k < sizeof times / sizeof *times; k++)
		if (strcmp(m, times[k]) == 0)
			return 1;
	return 0;
}

/* Whether a unit of time (ms to years: measures[]) is at t[i..], glued or after a space. */
static int
time_unit_at(const struct ex *x, size_t i)
{
	size_t n;
	return is_time(measure_unit_at(x, i, &n));
}

double
claims_measure_scale(const char *measure, const char **base)
{
	static const struct {
		const char *unit, *base;
		double scale;
	} scales[] = {
		{"W", "W", 1},         {"kW", "W", 1e3},      {"MW", "W", 1e6},      {"GW", "W", 1e9},
		{"kWh", "Wh", 1e3},    {"MWh", "Wh", 1e6},    {"GWh", "Wh", 1e9},    {"TWh", "Wh", 1e12},
		{"KB", "B", 1e3},      {"MB", "B", 1e6},      {"GB", "B", 1e9},      {"TB", "B", 1e12},
		{"PB", "B", 1e15},     {"Kbps", "bps", 1e3},  {"Mbps", "bps", 1e6},  {"Gbps", "bps", 1e9},
		{"kHz", "Hz", 1e3},    {"MHz", "Hz", 1e6},    {"GHz", "Hz", 1e9},    {"nm", "m", 1e-9},
		{"mm", "m", 1e-3},     {"cm", "m", 1e-2},     {"km", "m", 1e3},      {"kg", "g", 1e3},
		{"t", "g", 1e6},       {"ms", "s", 1e-3},     {"s", "s", 1},         {"min", "s", 60},
		{"h", "s", 3600},      {"d", "s", 86400},     {"wk", "s", 604800},
	};
	for (size_t k = 0; measure && k < sizeof scales / sizeof *scales; k++)
		if (strcmp(measure, scales[k].unit) == 0) {
			*base = scales[k].base;
			return scales[k].scale;
		}
	*base = measure;
	return 1;
}

/* The bytes of a range's mark at t[i..] ("–", "-", "—", "~", "～", " to ", "至", "到", with
 * the spaces around a dash), 0 when none. */
static size_t
range_mark_at(const struct ex *x, size_t i)
{
	static const char *const marks[] = {"–", "—", "-", "~", "～", "至", "到"};
	size_t b = i;
	while (b < x->len && x->t[b] == ' ')
		b++;
	if (at(x, i, " to "))
		return 4;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (at(x, b, marks[k])) {
			size_t e = b + strlen(marks[k]);
			while (e < x->len && x->t[e] == ' ')
				e++;
			return e - i;
		}
	return 0;
}

/* Whether the digits t[i..j) are an end of a range with a unit of measure ("2–4 GB", "2 GB
 * – 4 GB", "3 to 5 days", "3至5天"): then a small number is a claim like any figure (a
 * changed end is caught), since it is a measure, not a count. */
static int
measured_range_end(const struct ex *x, size_t i, size_t j)
{
	/* The first end: [unit] mark digits unit. */
	size_t p = j + measure_after(x, j), m = range_mark_at(x, p);
	if (m && p + m < x->len && is_ascii_digit((unsigned char)x->t[p + m])) {
		size_t q = p + m;
		while (q < x->len && (is_ascii_digit((unsigned char)x->t[q]) ||
		                      (x->t[q] == '.' && q + 1 < x->len && is_ascii_digit((unsigned char)x->t[q + 1]))))
			q++; /* 2–4.5 GB */
		if (measure_after(x, q))
			return 1;
	}
	/* The second end: digits [unit] mark, then this one and a unit. */
	if (!measure_after(x, j))
		return 0;
	for (size_t b = i; b > 0 && i - b <= 12; b--) {
		if (!is_ascii_digit((unsigned char)x->t[b - 1]) || is_ascii_digit((unsigned char)x->t[b]))
			continue;
		size_t u = b + measure_after(x, b);
		if (range_mark_at(x, u) == i - u && u < i)
			return 1;
	}
	return 0;
}

/* The unit of measure of the number ending at t[e] (measures[]): the one right after it ("4
 * GB", "five days", 三天), or after a range's mark, the other end (digits, number words or
 * Chinese numerals) and a unit ("2 to 4 GB", "three to five days", 三到五天); NULL when none. */
static const char *
measure_near(const struct ex *x, size_t e)
{
	size_t n;
	const char *own = measure_unit_at(x, e, &n);
	static const char *const cjk[] = {"零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千"};
	if (own)
		return own;
	size_t m = range_mark_at(x, e);
	if (!m)
		return NULL;
	size_t q = e + m, start = q;
	while (q < x->len && (is_ascii_digit((unsigned char)x->t[q]) || x->t[q] == '.'))
		q++;
	while (q == start && letters_at(x, q) > 0) {
		q += letters_at(x, q); /* three, twenty-five */
		if (q + 1 < x->len && x->t[q] == '-' && is_ascii_alpha((unsigned char)x->t[q + 1]))
			start = ++q;
	}
	for (int more = 1; more && q < x->len;) {
		more = 0;
		for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
			if (at(x, q, cjk[k])) {
				q += strlen(cjk[k]);
				more = 1;
				break;
			}
	}
	return q > e + m ? measure_unit_at(x, q, &n) : NULL;
}

/* The unit of value: the place of its last non-zero digit (3500 -> 100, 3e8 -> 1e8), 1 for
 * values below 10 or with a fraction. Numbers in words carry no false zeros. */
static double
last_digit_place(double value)
{
	double u = 1;
	while (value >= 10 * u && fmod(value, 10 * u) == 0)
		u *= 10;
	return u;
}

/* The bytes of 多, 余 or 几 at t[i..] right after a number (二十多, 十几, 4000多, 百余, 3万多),
 * or of "-odd" and "-some" (20-odd, twenty-some): the number is an approximation, "N and
 * more", up to the next step of its last written place; 0 when none. Not 几十, 几百, 几千
 * (一百几十 is another number), nor "-something" or "-oddity". */
static size_t
more_at(const struct ex *x, size_t i)
{
	if (at(x, i, "多") || at(x, i, "余"))
		return strlen("多");
	if ((at(x, i, "-odd") || at(x, i, "-some")) && letters_at(x, i + 1) == (x->t[i + 1] == 'o' ? 3u : 4u))
		return 1 + letters_at(x, i + 1);
	if (at(x, i, "几") && !at(x, i + 3, "十") && !at(x, i + 3, "百") && !at(x, i + 3, "千"))
		return strlen("几");
	return 0;
}

/* Whether a counted noun or a scale starts at t[i]: 个 名 人 家 ... 用户 参数, 万 亿 元 美元 (二十来名,
 * 百万用户, 千亿参数 count things). */
static int
counted_noun_at(const struct ex *x, size_t i)
{
	static const char *const nouns[] = {"个", "名", "人", "家", "位", "岁", "次", "篇", "款", "种", "件",
	                                    "台", "所", "条", "项", "只", "张", "部", "本", "座", "场", "辆",
	                                    "份", "例", "页", "块", "万", "亿", "元", "美元", "用户", "参数"};
	for (size_t k = 0; k < N_(nouns); k++)
		if (at(x, i, nouns[k]))
			return 1;
	return 0;
}

/* The bytes of 来 at t[i..] right after a number when it makes the number "about N" (二十来个,
 * 20来名, 四十来人, 十来天): a counted noun, a scale or a unit of measure after it; 0 when
 * none (来自, 来说, 来看 are words of their own). */
static size_t
lai_at(const struct ex *x, size_t i)
{
	size_t n;
	if (!at(x, i, "来"))
		return 0;
	if (counted_noun_at(x, i + strlen("来")))
		return strlen("来");
	return measure_unit_at(x, i + strlen("来"), &n) && n > 0 && x->t[i + strlen("来")] != ' ' ? strlen("来") : 0;
}

static double cjk_place(uint32_t cp);
static uint32_t cp_at(const struct ex *x, size_t i, size_t *n);

/* The lower places written in digits after a figure's Chinese scale mul (千, 万 or 亿) at t[e]:
 * 1万2千, 3千5百, 1亿2000万 (digits and a smaller place), or 1万2000 (two to four digits, no
 * place: a count written out); their amount in *tail and the place of their last digit in
 * *unit. Returns their bytes, 0 when none (1万2, spoken for 12,000 or 10,002, is none). */
static size_t
lower_places_at(const struct ex *x, size_t e, double mul, double *tail, double *unit)
{
	if (mul != 1e3 && mul != 1e4 && mul != 1e8)
		return 0;
	size_t k = e, n;
	double d = 0;
	while (k < x->len && k - e < 4 && is_ascii_digit((unsigned char)x->t[k]))
		d = d * 10 + (x->t[k++] - '0');
	if (k == e || (k < x->len && is_ascii_digit((unsigned char)x->t[k])))
		return 0;
	double p = cjk_place(cp_at(x, k, &n));
	if (p > 0 && p < mul && p >= 10 && d * p < mul) { /* 2千, 2000万 after 亿 */
		*tail = d * p;
		*unit = p;
		return k + n - e;
	}
	if (p > 0 || k - e < 2 || d >= mul)
		return 0;
	*tail = d;
	*unit = 1;
	return k - e;
}

/* A figure starting at t[i] (a digit, not preceded by a letter or digit): returns the byte
 * after it. Separators: thousands commas (17,000), Indian grouping (1,80,000), a decimal
 * point, or a decimal comma before a scale, percent or currency (3,5 %; 1.234,56 €, whose
 * dot then groups thousands). */
static size_t
figure_at(struct ex *x, size_t i)
{
	const char *t = x->t;
	size_t j = i, dots = 0, decimals = 0;
	int version_v = i > 0 && (t[i - 1] == 'v' || t[i - 1] == 'V') && !(i > 1 && is_ascii_alpha((unsigned char)t[i - 2]));
	struct buf num = BUF_INIT;
	int grouped = 0; /* a thousands comma read: a comma after it is no decimal comma */
	while (j < x->len) {
		char c = t[j];
		if (is_ascii_digit((unsigned char)c)) {
			buf_putc(&num, c);
			decimals += dots > 0;
			j++;
		} else if (c == ',' && !grouped && j + 1 < x->len && (dots == 0 || (dots == 1 && decimals == 3)) &&
		           !version_v && decimal_comma_at(x, j)) {
			if (dots) { /* 1.234,56: the dot groups thousands */
				char *dot = strchr(num.data, '.');
				memmove(dot, dot + 1, strlen(dot + 1) + 1);
				num.len--;
			}
			buf_putc(&num, '.');
			dots = 1;
			decimals = 0;
			j++;
		} else if (c == ',' && dots == 0 && indian_grouping_at(x, j)) {
			grouped = 1;
			j++;
		} else if (c == ',' && dots == 0 && j + 3 < x->len + 1 && is_ascii_digit((unsigned char)t[j + 1]) &&
		           is_ascii_digit((unsigned char)t[j + 2]) && is_ascii_digit((unsigned char)t[j + 3]) &&
		           !(j + 4 < x->len && is_ascii_digit((unsigned char)t[j + 4]))) {
			grouped = 1;
			j++; /* thousands separator */
		} else if (c == '.' && j + 1 < x->len && is_ascii_digit((unsigned char)t[j + 1])) {
			buf_putc(&num, '.');
			dots++;
			decimals = 0;
			j++;
		} else {
			break;
		}
	}
	/* The European thousands dot: each dot before exactly three digits, at most three before
	 * the first (40.000, 1.250.000). With a currency ($40.000, €1.250.000, 40.000 €) it groups
	 * thousands; without one it may be a decimal point or a version (12.500 seconds), so
	 * source text (CLAIMS_ALL_FIGURES) is read both ways: "40.000 Nutzer" supports a draft's
	 * 40,000 as well as 40. */
	double thousands = 0;
	if (!version_v && dots >= 1 && j - i == num.len) {
		size_t lead = strcspn(num.data, ".");
		int groups = lead >= 1 && lead <= 3 && num.data[0] != '0';
		for (size_t k = lead; groups && k < num.len; k += 4)
			groups = num.data[k] == '.' && strspn(num.data + k + 1, "0123456789") == 3;
		if (groups) {
			struct buf g = BUF_INIT;
			for (size_t k = 0; k < num.len; k++)
				if (num.data[k] != '.')
					buf_putc(&g, num.data[k]);
			thousands = strtod(buf_str(&g), NULL);
			if (currency_before(x, i) || currency_after(x, j) || at(x, j, " €") || at(x, j, "€")) {
				buf_clear(&num);
				buf_append(&num, g.data, g.len);
				dots = decimals = 0;
				thousands = 0;
			} else if (!x->all_figures) {
				thousands = 0;
			}
			buf_free(&g);
		}
	}
	size_t start = i;
	if (version_v || dots >= 2) {
		if (version_v)
			start = i - 1;
		struct claim *c = push(x, CLAIM_FIGURE, start, j);
		c->is_version = 1;
		c->key = arena_strdup(x->arena, buf_str(&num));
		buf_free(&num);
		if (thousands > 0)
			push_figure(x, start, j, thousands, 1, 1, 0, 0, 0);
		return j;
	}
	double value = strtod(buf_str(&num), NULL);
	buf_free(&num);
	if (reversal_idiom_at(x, j, value))
		return j;
	double unit = pow(10.0, -(double)decimals);
	double mul = 1, more = 0; /* more: the place of "N and more" (4000多 is 4000 to 5000) */
	int pct = 0, cur = 0, mult = 0, lai = 0;
	size_t e = j, me = j; /* me: where its unit of measure is read */
	/* Letters glued to the digits: k/m/b multipliers, x, ordinals, measurement units. */
	size_t w = 0;
	while (e + w < x->len && is_ascii_alpha((unsigned char)t[e + w]))
		w++;
	if (w) {
		char suf[8] = "";
		if (w < sizeof suf) {
			memcpy(suf, t + e, w);
			suf[w] = 0;
		}
		if (strcmp(suf, "k") == 0 || strcmp(suf, "K") == 0)
			mul = 1e3;
		else if (strcmp(suf, "m") == 0 || strcmp(suf, "M") == 0 || strcmp(suf, "mn") == 0)
			mul = 1e6;
		else if (strcmp(suf, "b") == 0 || strcmp(suf, "B") == 0 || strcmp(suf, "bn") == 0)
			mul = 1e9;
		else if (strcmp(suf, "pct") == 0)
			pct = 1;
		else if ((strcmp(suf, "x") == 0 || strcmp(suf, "X") == 0) &&
		         !(e + 1 < x->len && is_ascii_digit((unsigned char)t[e + 1])) && !frequency_after(x, e + 1))
			mult = 1; /* 3x faster; 3x weekly is a count */
		else if (strcmp(suf, "st") == 0 || strcmp(suf, "nd") == 0 || strcmp(suf, "rd") == 0 ||
		         strcmp(suf, "th") == 0)
			return e + w; /* an ordinal: not a claim */
		if (!(w == 1 && (suf[0] == 'x' || suf[0] == 'X') && !mult))
			e += w; /* 854x480 is a size: its figure 854 ends before the x ("854x" would be a multiple) */
	} else {
		size_t n = more_at(x, e);
		if (n) { /* 4000多, 20余 */
			more = decimals ? unit : last_digit_place(value);
			e += n;
			me = e;
		} else if ((n = lai_at(x, e)) > 0) { /* 20来名: about 20 */
			lai = 1;
			e += n;
			me = e;
		}
		mul = unit_after(x, e, &n, &pct);
		e += n;
		double tail, tail_unit;
		size_t tn = !more && !decimals && n ? lower_places_at(x, e, mul, &tail, &tail_unit) : 0;
		if (tn) {
			value += tail / mul; /* 1万2千 = 12,000, rounded to its last place */
			unit = tail_unit / mul;
			e += tn;
		}
		if (!more && n && (n = more_at(x, e)) > 0) { /* 3万多, 1万2千多 */
			more = decimals || tn ? unit : last_digit_place(value);
			e += n;
		}
		if (!pct && !more && (n = multiple_after(x, e)) > 0) {
			mult = 1;
			e += n;
		}
	}
	size_t pn;
	double per = pct ? 0 : per_before(x, i, &pn);
	if (per > 0) {
		pct = 1;
		mul *= per;
		start = i - pn;
	}
	int cs = currency_before(x, start);
	if (cs) {
		cur = 1;
		start -= (size_t)cs;
		if (start >= 2 && t[start - 1] == 'S' && t[start - 2] == 'U')
			start -= 2;
	}
	cur |= currency_after(x, e);
	size_t before = *x->count;
	int all = x->all_figures;
	x->all_figures |= unit == 1 && measured_range_end(x, i, j); /* a small end of "2–4 GB" is a claim */
	e = more > 0 ? push_figure(x, start, e, value + more / 2, more, mul, pct, cur, 0)
	             : push_figure(x, start, e, value, unit, mul, pct, cur, mult);
	x->all_figures = all;
	if (*x->count > before) {
		struct claim *c = &(*x->out)[before];
		c->period = period_near(x, start, e);
		c->measure = measure_near(x, me);
		size_t un;
		if (!c->measure && e > me)
			c->measure = measure_unit_at(x, e, &un); /* 120万千瓦, "3 million tons" */
		c->is_measure = c->measure || measured_range_end(x, i, j);
		if (c->measure && measure_unit_at(x, e, &un))
			e += un; /* "16 GB", "32°F": the figure's unit, compared with it, not a name */
		c->qualifier = lai ? CLAIM_ABOUT : qualifier_near(x->t, x->len, start, e, is_time(c->measure));
	}
	if (thousands > 0 && !pct && !mult)
		push_figure(x, start, e, thousands, 1, mul, 0, cur, 0); /* the other reading of 40.000 */
	if (*x->count > before && sign_before(x, start))
		(*x->out)[before].is_negative = 1;
	return e;
}

/* A figure in words t[start..end) of value (unit: the place of its last digit; pct: 百分之
 * before it), with the unit word, percent and currency read after it (push_figure). Returns
 * the byte after all of it. */
static size_t
push_words_figure(struct ex *x, size_t start, size_t end, double value, double unit, int pct)
{
	size_t n;
	int unit_pct;
	const char *measure = measure_near(x, end);
	double mul = unit_after(x, end, &n, &unit_pct);
	end += n;
	if (!measure && n)
		measure = measure_unit_at(x, end, &n); /* 一百二十万千瓦 */
	size_t m = pct || unit_pct ? 0 : multiple_after(x, end);
	end += m;
	size_t before = *x->count, own;
	/* Each end of a range in words with a unit of measure is a claim, as with digits ("two to
	 * five days", 三到五天): the first has its unit after the other end, the second starts
	 * where the first's mark ends. */
	int all = x->all_figures, range_end = measure && start > 0 && start == x->range_next;
	if (measure && !measure_unit_at(x, end, &own)) {
		range_end = 1;
		x->range_next = end + range_mark_at(x, end);
	}
	x->all_figures |= range_end;
	end = push_figure(x, start, end, value, unit, mul, pct | unit_pct, currency_after(x, end), m > 0);
	x->all_figures = all;
	if (*x->count > before) {
		(*x->out)[before].is_measure = measure != NULL;
		(*x->out)[before].measure = measure;
		(*x->out)[before].period = period_near(x, start, end);
		size_t un;
		if (measure && measure_unit_at(x, end, &un))
			end += un; /* "five GB": the unit is no name */
		(*x->out)[before].qualifier = qualifier_near(x->t, x->len, start, end, is_time(measure));
	}
	return end;
}

/* The value of a Chinese digit character (零〇 0, 一 1, 二两 2 ... 九 9), else -1. */
static int
cjk_digit(uint32_t cp)
{
	static const uint32_t d[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (int k = 0; k < 10; k++)
		if (cp == d[k])
			return k;
	if (cp == 0x3007) /* 〇 */
		return 0;
	if (cp == 0x4E24) /* 两 */
		return 2;
	return -1;
}

/* The place value of a Chinese unit character: 十 10, 百 100, 千 1e3, 万 1e4, 亿 1e8, else 0. */
static double
cjk_place(uint32_t cp)
{
	switch (cp) {
	case 0x5341: return 10;
	case 0x767E: return 100;
	case 0x5343: return 1e3;
	case 0x4E07: return 1e4;
	case 0x4EBF: return 1e8;
	default: return 0;
	}
}

/* The code point at t[i] (0 past the end), its length in *n. */
static uint32_t
cp_at(const struct ex *x, size_t i, size_t *n)
{
	uint32_t cp = 0;
	*n = i < x->len ? utf8_decode(x->t + i, x->len - i, &cp) : 0;
	return cp;
}

/* Whether s, a word that makes numerals a date, an approximation or an idiom, starts at t[i]. */
static int
word_at_any(const struct ex *x, size_t i, const char *const *words, size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (at(x, i, words[k]))
			return 1;
	return 0;
}

/* Push an approximate amount t[start..end) ("dozens of", 数十亿, 近百) whose value lies in
 * [lo, hi]: the middle as its value and the width as its unit, so a source figure in the
 * range supports it (a source's 3,000 supports 数千 and "thousands of", not 数千万). None
 * when a unit of time follows (数十年, "dozens of hours" are as often vague as counted: a
 * source's "for decades" says the same). Returns end. */
static size_t
push_approx(struct ex *x, size_t start, size_t end, double lo, double hi)
{
	size_t n, e = end;
	if (at(x, e, " of "))
		e += 3;
	const char *m = measure_unit_at(x, e, &n);
	if (time_unit_at(x, e))
		return end;
	size_t before = *x->count;
	push_figure(x, start, end, (lo + hi) / 2, hi - lo, 1, 0, currency_after(x, end), 0);
	if (*x->count > before) {
		(*x->out)[before].measure = m;
		(*x->out)[before].is_range = 1;
	}
	return end;
}

/* An approximate amount in Chinese at t[i]: 数 or 几 (several), 上 (reaching) or 近 (nearly)
 * before a run of 十 百 千 万 亿 whose product P is its place: 数十 几百 数千万 数十亿 上百 上万
 * are [P, 10P] (数十 for a source's 12 passes: the check is of the order of magnitude), 近百
 * 近千万 [0.8P, P] (not 近十: 近十年 is vague); so is 数以P计 (数以万计, "by the tens of
 * thousands"), and the idioms 成百上千 and 成千上万 span both their places, [P, 100P] (read
 * whole: their 上千 or 上万 alone would make a faithful 成千上万 for 3,000 users an order too
 * high). Returns the byte after it, i when none: not 百度, 千问, 百分之, nor the 数 that ends a
 * word (参数, 函数, 人数, 无数). */
static size_t
approx_cjk_at(struct ex *x, size_t i)
{
	static const struct {
		const char *w;
		double lo;
	} idioms[] = {{"成百上千", 100}, {"成千上万", 1e3}, {"成千成万", 1e3}, {"成百成千", 100}};
	for (size_t k = 0; k < N_(idioms); k++)
		if (at(x, i, idioms[k].w))
			return push_approx(x, i, i + strlen(idioms[k].w), idioms[k].lo, 100 * idioms[k].lo);
	static const char *const words_with_shu[] = {"参", "函", "指", "系", "次", "人", "总", "个", "分", "倍", "天",
	                                             "变", "多", "少", "无", "位", "字", "条", "页", "件", "户", "台",
	                                             "张", "篇", "行", "算", "岁", "年", "礼", "心", "定", "读"};
	int shu = at(x, i, "数"), ji = at(x, i, "几"), shang = at(x, i, "上"), jin = at(x, i, "近");
	if (!(shu || ji || shang || jin) || (jin && !jin_nearly_at(x->t, i + strlen("近"))))
		return i; /* 最近百次: the last hundred */
	int yi = shu && at(x, i + strlen("数"), "以"); /* 数以万计, also after 用户 (用户数以万计) */
	if (shu && !yi)
		for (size_t k = 0; k < sizeof words_with_shu / sizeof *words_with_shu; k++) {
			size_t l = strlen(words_with_shu[k]);
			if (i >= l && memcmp(x->t + i - l, words_with_shu[k], l) == 0)
				return i;
		}
	size_t j = i + strlen("数"), n;
	if (yi)
		j += strlen("以");
	double place = 1, last = 0;
	for (;;) {
		double p = cjk_place(cp_at(x, j, &n));
		if (p == 0)
			break;
		place *= p;
		last = p;
		j += n;
	}
	if (place == 1 || ((shang || jin) && j == i + 6 && last == 10))
		return i; /* 上十, 近十 */
	if (yi)
		return at(x, j, "计") ? push_approx(x, i, j + strlen("计"), place, 10 * place) : i;
	if (at(x, j, "分") || at(x, j, "几") || at(x, j, "多") || at(x, j, "来") || (last == 100 && at(x, j, "度")) ||
	    (last == 100 && at(x, j, "科")) || (last == 1e3 && at(x, j, "问")))
		return i; /* 百分之, 数十几, 百度, 百科, 千问 */
	return jin ? push_approx(x, i, j, 0.8 * place, place) : push_approx(x, i, j, place, 10 * place);
}

/* A range in Chinese numerals at t[i]: two digits side by side, the second the next one (or
 * 三五, "three or five"), and the run of places after them (二三十 20 to 30, 两三千 2,000 to
 * 3,000, 七八百万, 一两百): [a P, b P] in *lo, *hi. Returns the byte after it, i when none (一二三
 * and 二〇二六 are no range; 三四十五 neither). */
static size_t
pair_range_at(const struct ex *x, size_t i, double *lo, double *hi)
{
	size_t n1, n2, n;
	int a = cjk_digit(cp_at(x, i, &n1));
	uint32_t second = cp_at(x, i + n1, &n2);
	int b = cjk_digit(second);
	if (a <= 0 || second == 0x3007 || !(b == a + 1 || (a == 3 && b == 5)))
		return i;
	size_t j = i + n1 + n2;
	double place = 1, p, last = 0;
	while ((p = cjk_place(cp_at(x, j, &n))) > last) { /* 三四十万: each place above the last */
		place *= p;
		last = p;
		j += n;
	}
	if (cjk_digit(cp_at(x, j, &n)) >= 0 || (last > 0 && cjk_place(cp_at(x, j, &n)) > 0))
		return i;
	*lo = a * place;
	*hi = b * place;
	return j;
}

/* Push the range t[i..e) in Chinese numerals from lo to hi (pair_range_at), unless it is a
 * date, an ordinal or a period's name (七八月, 第二三, 二三十年代: before and after, cjk_figure_at's
 * words): its middle as value and its width as unit, so a source figure in it supports it;
 * with the unit of measure after it. A small range (三五天, 一两个) is a claim only with a unit
 * of measure, like "3 to 5 days". Returns the byte after it. */
static size_t
push_pair_range(struct ex *x, size_t i, size_t e, double lo, double hi, const char *const *before, size_t nbefore,
                const char *const *after, size_t nafter)
{
	size_t n;
	if (ends_with_any(x->t, i, before, nbefore, 0) || word_at_any(x, e, after, nafter))
		return e;
	const char *m = measure_unit_at(x, e, &n);
	if (hi <= 10 && !m)
		return e; /* 一两个, 三五成群: a count */
	size_t count = *x->count;
	int all = x->all_figures;
	x->all_figures = 1;
	push_figure(x, i, e, (lo + hi) / 2, hi - lo, 1, 0, currency_after(x, e), 0);
	x->all_figures = all;
	if (*x->count > count) {
		struct claim *c = &(*x->out)[count];
		c->measure = m;
		c->is_measure = m != NULL;
		c->is_range = 1;
	}
	return e;
}

/* Push the share t[i..k) as the range lo to hi percent, its qualifier or bound already in the
 * range (in_window, ground.c, would widen a qualifier again by the step of its last place).
 * Returns k. */
static size_t
push_share_range(struct ex *x, size_t i, size_t k, double lo, double hi)
{
	size_t before = *x->count;
	push_figure(x, i, k, (lo + hi) / 2, hi - lo, 1, 1, 0, 0);
	if (*x->count > before) {
		(*x->out)[before].qualifier = 0;
		(*x->out)[before].is_range = 1;
	}
	return k;
}

/* Push the share t[i..k), pct percent written as a tenth (四成), a fraction (一半, "half of",
 * a third) or a ratio ("one in five", 1/3), unit its plain rounding (a tenth ± 5, a fraction within a point), as the range its
 * qualifier says: with "about", 约 (qualifier_near) pct ± 5; with "nearly", 近, 将近, 接近 pct − 5
 * to pct (a quarter of pct for a share under 20 %: 近一成 7.5 to 10 %), since a share further below is said with the share under it (32 % is 三成多, not
 * 近四成; 42 % is "two in five", not "nearly half"); a bound, true of more, a tenth: "less than
 * half", 不到四成 pct − 10 to pct, "more than half", 超过四成 pct to pct + 10 (in_window widens a
 * bound by half a tenth again). The range holds the qualifier, which in_window (ground.c) would
 * widen by the step of the figure's last place. Returns k. */
static size_t
push_share(struct ex *x, size_t i, size_t k, double pct, double unit)
{
	int q = qualifier_near(x->t, x->len, i, k, 0), b = bound_before(x->t, i);
	if (!b)
		b = bound_after(x->t, x->len, k);
	double lo = pct - unit / 2, hi = pct + unit / 2, span = fmin(5, pct / 4);
	if (q == CLAIM_NEARLY)
		lo = pct - span, hi = pct;
	else if (b == -1)
		lo = pct - 10, hi = pct;
	else if (b == 1)
		lo = pct, hi = pct + 10;
	else if (q == CLAIM_ABOUT)
		lo = fmin(lo, pct - span), hi = fmax(hi, pct + span);
	return push_share_range(x, i, k, lo, hi);
}

/* Push the tenths t[i..k) (四成, 成 included), pct percent: push_share of a rounding to tenths,
 * pct ± 5, or with 多 or 余 after it (三成多) pct to pct + 10. Returns the byte after it. */
static size_t
push_tenths(struct ex *x, size_t i, size_t k, double pct)
{
	if (at(x, k, "多") || at(x, k, "余"))
		return push_figure(x, i, k + strlen("多"), pct + 5, 10, 1, 1, 0, 0);
	return push_share(x, i, k, pct, 10);
}

/* Whether t[0..i) ends with a word that says "over" a bare scale after it, 超, 超过, 破, 突破, 过,
 * 逾 (用户超千万, 破亿, 过万), not negated (不超过, 未破, 没过) nor ending another word (不过
 * "but", 经过, 通过, 度过). */
static int
over_scale_before(const struct ex *x, size_t i)
{
	static const char *const over[] = {"超", "破", "过", "逾", "超出"};
	static const char *const other[] = {"不超", "不过", "未超", "没超", "未破", "没破", "不破", "未过", "没过",
	                                    "经过", "通过", "度过", "错过", "路过", "跳过", "难过"};
	return ends_with_any(x->t, i, over, N_(over), 0) && !ends_with_any(x->t, i, other, N_(other), 0) &&
	       !ends_with_any(x->t, i, (const char *const[]){"不超过", "未超过", "没超过"}, 3, 0);
}

/* Whether a bare scale ending at t[e] ends its phrase: the text, a clause or a word ends there
 * (no CJK ideograph, letter or digit follows: 用户超千万，), or a counted noun, a currency, 级
 * or 大关 follows (破亿大关, 过万人). */
static int
scale_phrase_end(const struct ex *x, size_t e)
{
	static const char *const after[] = {"大关", "关口", "级", "量级", "美元", "人民币", "欧元", "规模"};
	size_t n;
	uint32_t cp = cp_at(x, e, &n);
	if (cp == 0 || counted_noun_at(x, e) || word_at_any(x, e, after, N_(after)))
		return 1;
	return !(cp >= 0x4E00 && cp <= 0x9FFF) && !(cp < 0x80 && is_ascii_alnum((unsigned char)cp));
}

/* Half after a word of "over" or "nearly" at t[i] (过半, 逾半, 超半, 近半 用户, and 过半数, whose
 * 过 bound_before does not read): a share of 50 to 60 % or 45 to 50 %, as push_share reads 超过半数
 * and 近半数; after a negated "over" (不过半数, 未过半, 不超半数) 40 to 50 %, as 不到一半. Not half of
 * a time or a thing (近半年, 过半个月, 逾半世纪, 半导体, 半场, 半岛), nor after another word (经过半,
 * over_scale_before). Returns the byte after it, i when
 * none. */
static size_t
half_share_at(struct ex *x, size_t i)
{
	static const char *const things[] = {"个", "世纪", "导体", "场", "岛", "径", "价", "山", "夜",
	                                     "天", "日", "生", "辈子", "边", "截", "壁", "路", "空", "身"};
	static const char *const not_over[] = {"不过", "未过", "没过", "不超", "未超", "没超"};
	if (!at(x, i, "半"))
		return i;
	int over = over_scale_before(x, i), under = ends_with_any(x->t, i, not_over, N_(not_over), 0);
	if (!over && !under && !jin_nearly_at(x->t, i))
		return i;
	size_t k = i + strlen("半");
	if (at(x, k, "数"))
		k += strlen("数");
	else if (time_unit_at(x, k) || word_at_any(x, k, things, N_(things)))
		return i;
	if (under) /* 不过半数: "no more than half", true of less, as 不到一半 */
		return push_share_range(x, i, k, 40, 50);
	return over ? push_share_range(x, i, k, 50, 60) : push_share_range(x, i, k, 45, 50);
}

/* A share said in words of proportion at t[i]: 十之八九 and 十有八九 (eight or nine in ten) 80 to
 * 90 %, 绝大多数 and 绝大部分 (the vast majority) 70 to 100 %, 大半 and 一大半 (the greater part) 50
 * to 100 %, each marked vague (claims.h): a writer's word, not a count, so a source that gives no
 * percentage does not contradict it. Not 大半 of a time or a thing (大半年, 大半个月, 大半夜,
 * 强大半导体), nor 大多数 (most), which a commentary writes of anything. Returns the byte after
 * it, i when none. */
static size_t
proportion_at(struct ex *x, size_t i)
{
	static const struct {
		const char *w;
		double lo, hi;
	} words[] = {{"十之八九", 80, 90}, {"十有八九", 80, 90}, {"绝大多数", 70, 100},
	             {"绝大部分", 70, 100}, {"一大半", 50, 100},  {"大半", 50, 100}};
	static const char *const things[] = {"个", "世纪", "导体", "场", "岛", "径", "价", "山", "夜", "天",
	                                     "日", "生", "辈子", "边", "截", "壁", "路", "空", "身", "年", "月"};
	for (size_t k = 0; k < N_(words); k++) {
		size_t e = i + strlen(words[k].w);
		if (!at(x, i, words[k].w) || (words[k].hi == 100 && words[k].lo == 50 &&
		                              (time_unit_at(x, e) || word_at_any(x, e, things, N_(things)))))
			continue;
		size_t before = *x->count;
		push_share_range(x, i, e, words[k].lo, words[k].hi);
		if (*x->count > before)
			(*x->out)[before].is_vague = 1;
		return e;
	}
	return i;
}

/* A figure in Chinese numerals at t[i] (a digit or 十: 三千, 两亿, 三千五百万, 一万五, 二十五,
 * 一点五亿, 百分之三十, 七成 = 70%): returns the byte after it (and after a unit or percent word read with
 * it), i when t[i] starts none. A run that is no number (一二三, 二〇二六; 两三千 is a range, pair_range_at) is skipped
 * whole; so is one that is a date, an ordinal, an approximation not read as a range or part
 * of a word (十二月, 第十二, 十几年, 八十年代, 二十一世纪, 十万火急; 数千, 几十万 are ranges:
 * approx_cjk_at, and so are 十几, 二十多, 百余: more_at); 百度, 千问 and 千万 (must) start
 * with a unit, which no figure here does. */
static size_t
cjk_figure_at(struct ex *x, size_t i)
{
	static const char *const before[] = {"第", "几", "数", "上", "成", "好", "星期", "周"};
	static const char *const after[] = {"月", "日", "号", "世纪", "年代", "几", "来", "届"};
	static const char *const idioms[] = {"十万火急", "十万八千里"};
	size_t n;
	size_t ae = approx_cjk_at(x, i);
	if (ae > i)
		return ae;
	size_t ve = proportion_at(x, i);
	if (ve > i)
		return ve;
	size_t he = half_share_at(x, i);
	if (he > i)
		return he;
	if (at(x, i, "半数")) /* a fraction: half */
		return push_share(x, i, i + strlen("半数"), 50, FRACTION_UNIT);
	if (at(x, i, "翻倍") || at(x, i, "翻番")) /* doubled: a multiple of 2, as 翻了一番 */
		return push_figure(x, i, i + strlen("翻倍"), 2, 1, 1, 0, 0, 1);
	if (at(x, i, "减半")) /* cut by half: 50 % */
		return push_figure(x, i, i + strlen("减半"), 50, FRACTION_UNIT, 1, 1, 0, 0);
	uint32_t cp = cp_at(x, i, &n);
	int d0 = cjk_digit(cp);
	double lead = cjk_place(cp);
	if (lead >= 100) {
		/* A bare scale, no digit before it: 千亿元, 百万级, 亿元, 万亿级 are the order of
		 * magnitude P they name, [P, 10P], as 数千亿 is (a source's 3200亿 supports 千亿元, its
		 * 120万 does not 千万级); P of 万 or more before a currency, of 千 or more before 级 or
		 * 量级, of 百万 or more before a counted noun (百万用户, 千亿参数, 千万次). Not 千万 (must),
		 * 百万富翁, 千元机, 万一, 万人迷, 亿万 (countless). */
		static const char *const money[] = {"元", "美元", "人民币", "欧元", "英镑", "日元"};
		static const char *const level[] = {"级", "量级"};
		double place = 1, p, last = 0;
		size_t e = i;
		int rising = 1; /* each place above the one before: 百万, 千亿, 万亿, not 亿万 (countless) */
		while ((p = cjk_place(cp_at(x, e, &n))) >= 100) {
			rising &= p > last;
			place *= p;
			last = p;
			e += n;
		}
		if (rising && over_scale_before(x, i) && scale_phrase_end(x, e)) {
			/* 用户超千万, 破亿, 过万人: over the scale, within its order of magnitude (one past it
			 * would be said with that: 破亿, not 超千万, for 1.2亿); the range is the bound */
			size_t before_n = *x->count;
			push_approx(x, i, e, place, 10 * place);
			if (*x->count > before_n)
				(*x->out)[before_n].bound = 0;
			return e;
		}
		if (rising && at(x, e, "余")) { /* 百余, 万余, 百万余: P to 2P (not 万余 in 百万余: 1.5万) */
			e += strlen("余");
			return time_unit_at(x, e) ? e : push_words_figure(x, i, e, 1.5 * place, place, 0);
		}
		if ((place >= 1e4 && word_at_any(x, e, money, N_(money))) ||
		    (place >= 1e3 && word_at_any(x, e, level, N_(level))) ||
		    (place >= 1e6 && rising && counted_noun_at(x, e)))
			return push_approx(x, i, e, place, 10 * place);
		return i;
	}
	if (!(d0 > 0 || cp == 0x5341))
		return i;
	double lo, hi;
	size_t pe = pair_range_at(x, i, &lo, &hi);
	if (pe > i) /* 二三十人, 两三千, 三五天 */
		return push_pair_range(x, i, pe, lo, hi, before, N_(before), after, N_(after));
	double total = 0, wan = 0, section = 0, number = 0, last_place = 1;
	int bad = 0, after_digit = 0, after_zero = 0;
	size_t j = i;
	for (;;) {
		cp = cp_at(x, j, &n);
		int d = cjk_digit(cp);
		double place = cjk_place(cp);
		if (cp == 0x5343 && j > i && (at(x, j + n, "瓦") || at(x, j + n, "克") || at(x, j + n, "米")))
			break; /* 一百二十万千瓦: 千瓦 is the unit kW (unit_after) */
		if (d >= 0) {
			if ((after_digit && !after_zero) || cp == 0x3007)
				bad = 1; /* 一二三, 二〇二六: digits side by side (两三千 is pair_range_at's) */
			number = d;
			after_zero = d == 0;
			after_digit = 1;
		} else if (place >= 10 && place <= 1e3) {
			if (number == 0 && !(place == 10 && !after_digit))
				bad = 1; /* 百 with no digit before it */
			section += (number ? number : 1) * place;
			number = 0;
			after_digit = after_zero = 0;
			last_place = place;
		} else if (place == 1e4) {
			wan = (section + number) * 1e4;
			section = number = 0;
			after_digit = after_zero = 0;
			last_place = place;
		} else if (place == 1e8) {
			total = (total + wan + section + number) * 1e8;
			wan = section = number = 0;
			after_digit = after_zero = 0;
			last_place = place;
		} else {
			break;
		}
		j += n;
	}
	if (number && last_place >= 100 && j >= i + 6) {
		/* the spoken form: 一万五 is 15000, 三千五 3500 (a digit right after a unit of 百 or more) */
		uint32_t prev = 0;
		utf8_decode(x->t + j - 6, 3, &prev);
		if (cjk_place(prev) >= 100)
			number *= last_place / 10;
	}
	double value = total + wan + section + number;
	double unit = last_digit_place(value);
	/* a decimal: 一点五 (and a unit after it, read by push_words_figure: 一点五亿) */
	if (!bad && total == 0 && wan == 0 && at(x, j, "点")) {
		size_t k = j + strlen("点"), frac_digits = 0;
		double frac = 0, scale = 1;
		int dd;
		while ((dd = cjk_digit(cp_at(x, k, &n))) >= 0 && cp_at(x, k, &n) != 0x3007) {
			scale /= 10;
			frac += dd * scale;
			frac_digits++;
			k += n;
		}
		if (frac_digits) {
			value += frac;
			unit = scale;
			j = k;
		}
	}
	if (bad || value == 0)
		return j;
	/* 翻了一番 doubled, 翻两番 quadrupled: N doublings, a multiple of 2^N */
	if (value == floor(value) && value <= 4 && at(x, j, "番") &&
	    (ends_with_any(x->t, i, (const char *const[]){"翻", "翻了"}, 2, 0)))
		return push_figure(x, i, j + strlen("番"), pow(2, value), 1, 1, 0, 0, 1);
	/* fractions: 三分之一 (33.3 %), 四分之三, 十分之一; 一半 (50 %, not 另一半 or 一半导体) */
	if (total == 0 && wan == 0 && value == floor(value) && value >= 2 && value <= 100 && at(x, j, "分之")) {
		size_t k = j + strlen("分之");
		int num = cjk_digit(cp_at(x, k, &n));
		size_t e = k + n;
		if (num > 0 && num < value && cjk_digit(cp_at(x, e, &n)) < 0 && cjk_place(cp_at(x, e, &n)) == 0)
			return push_share(x, i, e, 100.0 * num / value, FRACTION_UNIT);
	}
	if (value == 1 && j == i + strlen("一") && at(x, j, "半") && !at(x, j, "半导") &&
	    !(i >= strlen("另") && memcmp(x->t + i - strlen("另"), "另", strlen("另")) == 0))
		return push_share(x, i, j + strlen("半"), 50, FRACTION_UNIT);
	for (size_t k = 0; k < sizeof before / sizeof *before; k++) {
		size_t l = strlen(before[k]);
		if (i >= l && memcmp(x->t + i - l, before[k], l) == 0)
			return j;
	}
	/* N and more: 十几 and 十多 are 10 to 20, 二十多 20 to 30, 一百多 100 to 200, 两万多 20,000 to
	 * 30,000 (a vague time, 十几年, is none, as with 数十年) */
	size_t mn = value == floor(value) ? more_at(x, j) : 0;
	if (mn) {
		if (j == i + strlen("十") && time_unit_at(x, j + mn))
			return j + mn;
		return push_words_figure(x, i, j + mn, value + unit / 2, unit, 0);
	}
	/* About N: 二十来个, 四十来人 (a vague time with no digit before its place, 十来年, stays
	 * none, as 十几年 does) */
	size_t ln = value == floor(value) ? lai_at(x, j) : 0;
	if (ln) {
		if (j == i + strlen("十") && time_unit_at(x, j + ln))
			return j + ln;
		size_t before_n = *x->count;
		size_t e = push_words_figure(x, i, j + ln, value, unit, 0);
		if (*x->count > before_n)
			(*x->out)[before_n].qualifier = CLAIM_ABOUT;
		return e;
	}
	if (word_at_any(x, j, after, sizeof after / sizeof *after) ||
	    word_at_any(x, i, idioms, sizeof idioms / sizeof *idioms) || reversal_idiom_at(x, j, value))
		return j;
	/* tenths: 七成 is 70 percent and 一成 10 (not the idiom 一成不变), 九成五 95 (a digit after
	 * 成 is the next place), unless 成 opens a word of its own (三成员国, 五成为, 十成本) */
	static const char *const cheng_words[] = {"员", "为", "功", "本", "立", "果", "长", "熟", "绩", "交", "就",
	                                          "品", "都", "型", "效", "真", "名", "年", "人", "形", "分", "材",
	                                          "家", "行", "语", "像", "群", "批", "套", "对", "片", "堆", "千",
	                                          "全", "败", "事", "色"};
	if (j == i + 3 && value >= 1 && value <= 9 && at(x, j, "成") && !(value == 1 && at(x, j + 3, "不变")) &&
	    !word_at_any(x, j + 3, cheng_words, sizeof cheng_words / sizeof *cheng_words)) {
		size_t k = j + 3, e;
		int d = cjk_digit(cp_at(x, k, &n));
		e = k + n;
		if (d > 0 && cjk_digit(cp_at(x, e, &n)) < 0 && cjk_place(cp_at(x, e, &n)) == 0)
			return push_figure(x, i, e, value * 10 + d, 1, 1, 1, 0, 0);
		return push_tenths(x, i, k, value * 10);
	}
	size_t pn;
	double per = per_before(x, i, &pn);
	if (per > 0)
		return push_words_figure(x, i - pn, j, value * per, unit * per, 1);
	return push_words_figure(x, i, j, value, unit, 0);
}

/* The value of the English number word w[0..len) (one..nineteen, twenty..ninety), 0 when it
 * is none; case-insensitive. */
static int
number_word(const char *w, size_t len)
{
	static const char *const words[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
	};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == len && str_ncasecmp(w, words[k], len) == 0)
			return k < 19 ? (int)k + 1 : 20 + 10 * (int)(k - 19);
	return 0;
}

/* An English number word at t[i]: one..ninety-nine, "twenty-five" read as one. Returns the
 * byte after it with its value in *v; i when there is none, or when the word is a compound
 * that is no number ("twenty-first", "two-thirds"). */
static size_t
number_words_at(const struct ex *x, size_t i, int *v)
{
	size_t w = letters_at(x, i);
	int n = number_word(x->t + i, w);
	size_t j = i + w;
	if (!n)
		return i;
	if (n >= 20 && more_at(x, j)) { /* twenty-odd: word_figure_at reads the "-odd" */
		*v = n;
		return j;
	}
	if (n >= 20 && j + 1 < x->len && x->t[j] == '-') {
		size_t w2 = letters_at(x, j + 1);
		int ones = number_word(x->t + j + 1, w2);
		if (!(ones >= 1 && ones <= 9))
			return i;
		n += ones;
		j += 1 + w2;
	}
	if (j < x->len && (x->t[j] == '-' || is_ascii_alnum((unsigned char)x->t[j])))
		return i;
	*v = n;
	return j;
}

/* A fraction in English words at t[i] (a word's first letter): "a third of", "two-thirds",
 * "half of", "a quarter of", "three quarters" ...; pushed as the percentage it is (a third:
 * 33.3 %, within a point). "half of" after first, second, other ... is a part of something
 * (the first half of 2026), no fraction; after "by" no "of" is needed ("cut by a third",
 * "by half"; not "by a third party"). Returns the byte after it ("of" left out), i when
 * none. */
static size_t
fraction_words_at(struct ex *x, size_t i)
{
	static const struct {
		const char *w; /* the words; "of" when it must follow */
		int num, den;
	} fr[] = {
		{"a third of", 1, 3}, {"one third of", 1, 3}, {"one-third", 1, 3}, {"two-thirds", 2, 3},
		{"two thirds", 2, 3}, {"a quarter of", 1, 4}, {"one quarter of", 1, 4}, {"one-quarter", 1, 4},
		{"three quarters", 3, 4}, {"three-quarters", 3, 4}, {"half of", 1, 2}, {"one half", 1, 2},
		{"one-half", 1, 2}, {"a fifth of", 1, 5}, {"one fifth of", 1, 5}, {"one-fifth", 1, 5},
		{"two-fifths", 2, 5}, {"two fifths", 2, 5}, {"three-fifths", 3, 5}, {"three fifths", 3, 5},
		{"four-fifths", 4, 5}, {"four fifths", 4, 5}, {"a tenth of", 1, 10}, {"one tenth of", 1, 10},
		{"one-tenth", 1, 10}, {"halved", 1, 2},
	};
	static const char *const parts[] = {"first", "second", "other", "latter", "former", "back", "front", "better"};
	for (size_t k = 0; k < sizeof fr / sizeof *fr; k++) {
		size_t l = strlen(fr[k].w);
		if (i + l > x->len || str_ncasecmp(x->t + i, fr[k].w, l) != 0 ||
		    (i + l < x->len && (is_ascii_alnum((unsigned char)x->t[i + l]) || x->t[i + l] == '-')))
			continue;
		if (strcmp(fr[k].w, "half of") == 0) {
			size_t e = i;
			while (e > 0 && x->t[e - 1] == ' ')
				e--;
			size_t b = e;
			while (b > 0 && is_ascii_alpha((unsigned char)x->t[b - 1]))
				b--;
			int part = 0;
			for (size_t p = 0; p < sizeof parts / sizeof *parts; p++)
				part |= e - b == strlen(parts[p]) && str_ncasecmp(x->t + b, parts[p], e - b) == 0;
			if (part)
				return i;
		}
		if (l > 3 && memcmp(fr[k].w + l - 3, " of", 3) == 0)
			l -= 3;
		return push_share(x, i, i + l, 100.0 * fr[k].num / fr[k].den, FRACTION_UNIT);
	}
	/* After "by", with no "of": "cut costs by a third", "by half" (not "by a third party",
	 * "by half a point", "by a quarter point"). */
	static const struct {
		const char *w;
		int num, den;
	} by[] = {{"a third", 1, 3}, {"one third", 1, 3}, {"a quarter", 1, 4}, {"one quarter", 1, 4},
	          {"half", 1, 2}, {"a half", 1, 2}, {"a fifth", 1, 5}, {"a tenth", 1, 10}};
	static const char *const not_after[] = {" party", " parties", " a ", " an ", " point", " percent", " per"};
	if (i < 3 || str_ncasecmp(x->t + i - 3, "by ", 3) != 0 || (i > 3 && is_ascii_alpha((unsigned char)x->t[i - 4])))
		return i;
	for (size_t k = 0; k < sizeof by / sizeof *by; k++) {
		size_t l = strlen(by[k].w), e = i + l;
		if (e > x->len || str_ncasecmp(x->t + i, by[k].w, l) != 0 ||
		    (e < x->len && (is_ascii_alnum((unsigned char)x->t[e]) || x->t[e] == '-')))
			continue;
		int noun = 0;
		for (size_t n = 0; n < sizeof not_after / sizeof *not_after; n++)
			noun |= str_ncasecmp(x->t + e, not_after[n], strlen(not_after[n])) == 0 &&
			        e + strlen(not_after[n]) <= x->len;
		if (!noun)
			return push_figure(x, i, e, 100.0 * by[k].num / by[k].den, FRACTION_UNIT, 1, 1, 0, 0);
	}
	return i;
}

/* A whole number of a ratio at t[i]: digits (at most 4, none glued after them) or an English
 * number word (one..ninety-nine). Returns the byte after it with its value in *v, i when
 * none; *words set when written in words. */
static size_t
ratio_number_at(const struct ex *x, size_t i, int *v, int *words)
{
	*words = 0;
	if (i < x->len && is_ascii_digit((unsigned char)x->t[i])) {
		size_t n = digits(x->t, x->len, i, 5, v);
		if (n > 4 || (i + n < x->len && (is_ascii_alpha((unsigned char)x->t[i + n]) ||
		                                 ((x->t[i + n] == '.' || x->t[i + n] == ',') && i + n + 1 < x->len &&
		                                  is_ascii_digit((unsigned char)x->t[i + n + 1])))))
			return i;
		return i + n;
	}
	*words = 1;
	return number_words_at(x, i, v);
}

/* A ratio at t[i] (a word's or a number's first character): "one in five", "three in ten",
 * "1 in 20", "nine out of ten", "9 out of 10", "2/3 of" (or "2/3的"), a bare fraction of
 * single digits ("1/3", "cut costs by 2/3", "4/4 passed"; not "on 3/4", 1/3/2026, 24/7), pushed as the
 * percentage it is, matched within a point (no more than its value: "1 in 1000" is 0.1 %).
 * Its numbers are read on their own too (the caller goes on at t[i]). With digits, "in"
 * takes a 1 only ("scored 2 in 10 minutes" is no ratio), and the second number is at most
 * 1000 and no unit follows it ("one in five million" is not read). */
static void
ratio_at(struct ex *x, size_t i)
{
	int a, b, aw, bw, whole = 0; /* whole: a bare fraction may be all of it (4/4) */
	size_t j = ratio_number_at(x, i, &a, &aw), k, e;
	if (j == i || a < 1)
		return;
	if (!aw && at(x, j, "/")) {
		k = j + 1;
		e = ratio_number_at(x, k, &b, &bw);
		if (e == k || bw)
			return;
		/* Without "of" (1/3 der Nutzer, cut costs by 1/3): a fraction of single digits only,
		 * standing alone (not 1/3/2026, 3/4-inch, 24/7, a path's /1/3, a thread's "(1/3)"),
		 * and not "on 3/4" (a date). */
		if (!(at(x, e, " of ") || at(x, e, "的")) &&
		    (j - i != 1 || e - k != 1 || (i > 0 && strchr("/.:-", x->t[i - 1])) ||
		     (e < x->len && (x->t[e] == '/' || x->t[e] == '-')) || (i > 0 && x->t[i - 1] == '(' && at(x, e, ")")) ||
		     (i >= 3 && str_ncasecmp(x->t + i - 3, "on ", 3) == 0)))
			return;
		whole = !(at(x, e, " of ") || at(x, e, "的"));
	} else {
		if (at(x, j, " in ") && (aw || a == 1))
			k = j + 4;
		else if (at(x, j, " out of "))
			k = j + 8;
		else
			return;
		e = ratio_number_at(x, k, &b, &bw);
		size_t n;
		int pct;
		if (e == k || aw != bw)
			return;
		unit_after(x, e, &n, &pct);
		if (n || multiple_after(x, e) || (e < x->len && x->t[e] == '%'))
			return;
	}
	if (b < 2 || a > b || (a == b && !whole) || b > 1000)
		return;
	double value = 100.0 * a / b;
	push_share(x, i, e, value, fmin(FRACTION_UNIT, value));
}

/* Push the dozens t[start..end) of n things ("a dozen" 12, "two dozen" 24): n − n/6 to n + n/6
 * (10 to 14, 20 to 28), a round count's range; with "about", "roughly", "some" or "or so"
 * (qualifier_near) half that range more on each side (8 to 16), since the draft says it rounded
 * further ("a dozen or so" for 15). Returns end. */
static size_t
push_dozens(struct ex *x, size_t start, size_t end, double n)
{
	double lo = n - n / 6, hi = n + n / 6, w = hi - lo;
	if (qualifier_near(x->t, x->len, start, end, 0) == CLAIM_ABOUT)
		lo -= w / 2, hi += w / 2;
	return push_approx(x, start, end, lo, hi);
}

/* An approximate amount in English words at t[i] (a word's first letter): "a dozen" (10 to 14;
 * not "half a dozen", a small count), "two dozen" and "a couple (of) dozen" (20 to 28), each
 * rounded further with "about" or "or so" (push_dozens), "dozens of" and "scores of" (20 to 100), "hundreds
 * of", "thousands of", "tens of thousands of", "hundreds of millions of", "millions of",
 * "billions of", "several hundred", "a few thousand" ([P, 10P] for the place P, as 数百 数千);
 * pushed by push_approx. Returns the byte after it, i when none. */
static size_t
approx_words_at(struct ex *x, size_t i)
{
	static const struct {
		const char *w;
		double place;
	} scales[] = {{"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};
	size_t w = letters_at(x, i);
	if (w == 1 && str_ncasecmp(x->t + i, "a dozen", 7) == 0 && letters_at(x, i + 2) == 5 &&
	    !(i >= 5 && str_ncasecmp(x->t + i - 5, "half ", 5) == 0))
		return push_dozens(x, i, i + 7, 12);
	int v;
	size_t j = number_words_at(x, i, &v);
	if (j > i && v >= 2 && v <= 12 && at(x, j, " dozen") && letters_at(x, j + 1) == 5)
		return push_dozens(x, i, j + 6, 12.0 * v);
	if (w == 1 && str_ncasecmp(x->t + i, "a couple ", 9) == 0) { /* a couple of dozen, a couple dozen */
		size_t k = at(x, i + 9, "of ") ? i + 12 : i + 9;
		if (str_ncasecmp(x->t + k, "dozen", 5) == 0 && letters_at(x, k) == 5)
			return push_dozens(x, i, k + 5, 24);
	}
	if ((w == 6 && str_ncasecmp(x->t + i, "dozens of ", 10) == 0) ||
	    (w == 6 && str_ncasecmp(x->t + i, "scores of ", 10) == 0))
		return push_approx(x, i, i + 6, 20, 100);
	/* [tens of | hundreds of] hundreds/thousands/millions/billions of; several/a few <scale> */
	size_t k = i;
	double times = 1;
	if (w == 4 && str_ncasecmp(x->t + i, "tens of ", 8) == 0)
		times = 10, k = i + 8;
	else if (w == 8 && str_ncasecmp(x->t + i, "hundreds of ", 12) == 0 &&
	         (str_ncasecmp(x->t + i + 12, "thousands", 9) == 0 || str_ncasecmp(x->t + i + 12, "millions", 8) == 0 ||
	          str_ncasecmp(x->t + i + 12, "billions", 8) == 0))
		times = 100, k = i + 12; /* hundreds of thousands; "hundreds of users" is read below */
	int few = 0;
	if (k == i && w == 7 && str_ncasecmp(x->t + i, "several ", 8) == 0)
		few = 1, k = i + 8;
	else if (k == i && w == 1 && str_ncasecmp(x->t + i, "a few ", 6) == 0)
		few = 1, k = i + 6;
	size_t kw = letters_at(x, k);
	for (size_t s = 0; s < sizeof scales / sizeof *scales; s++) {
		size_t l = strlen(scales[s].w);
		if (str_ncasecmp(x->t + k, scales[s].w, l) != 0)
			continue;
		if (few ? kw == l : kw == l + 1 && x->t[k + l] == 's' && at(x, k + l + 1, " of ")) {
			if (times > 1 && kw != l + 1)
				break;
			double p = scales[s].place * times;
			return push_approx(x, i, k + kw, p, 10 * p);
		}
	}
	return i;
}

/* A multiple in "-fold" words at t[i] (a word's first letter): "tenfold", "five-fold",
 * "hundredfold" (3 and up: "twofold" is as often "of two parts", "the reason is twofold"), read
 * only with a change written around it ("grew fivefold", "a tenfold increase"), since "a
 * threefold plan" counts parts. Returns the byte after it, i when none. */
static size_t
fold_words_at(struct ex *x, size_t i)
{
	size_t w = letters_at(x, i), e = 0;
	int v = 0;
	if (w > 4 && str_ncasecmp(x->t + i + w - 4, "fold", 4) == 0) {
		v = w == 11 && str_ncasecmp(x->t + i, "hundredfold", 11) == 0 ? 100 : number_word(x->t + i, w - 4);
		e = i + w;
	} else if (w && at(x, i + w, "-fold") && letters_at(x, i + w + 1) == 4) {
		v = number_word(x->t + i, w);
		e = i + w + 5;
	}
	if (v < 3 || (e < x->len && (x->t[e] == '-' || is_ascii_alnum((unsigned char)x->t[e]))))
		return i;
	if (!direction_before(x->t, i) && !direction_after(x->t, x->len, e))
		return i;
	return push_figure(x, i, e, v, 1, 1, 0, 0, 1);
}

/* A figure in English number words at t[i] (a word's first letter): "nine million",
 * "forty-two percent", "two hundred and fifty thousand", "twenty", "half a million". Returns the byte after it,
 * i when t[i] starts none. */
static size_t
word_figure_at(struct ex *x, size_t i)
{
	/* A multiple in one word: twice, doubled (2), tripled (3), quadrupled (4). */
	static const struct {
		const char *w;
		int v;
	} multiples[] = {
		{"twice", 2}, {"doubled", 2}, {"doubles", 2}, {"doubling", 2}, {"thrice", 3}, {"tripled", 3},
		{"triples", 3}, {"tripling", 3}, {"quadrupled", 4}, {"quadruples", 4}, {"quadrupling", 4},
	};
	/* Idioms that hold no multiple: "think twice", "once or twice", "doubled down". */
	static const char *const idiom_before[] = {"think ", "thinks ", "thought ", "thinking ", "once or "};
	size_t w = letters_at(x, i);
	size_t fe = fraction_words_at(x, i);
	if (fe > i)
		return fe;
	if ((fe = approx_words_at(x, i)) > i)
		return fe;
	if ((fe = fold_words_at(x, i)) > i)
		return fe;
	/* Half a scale: "half a million" is 500,000 (its unit a tenth of the scale). */
	if (w == 4 && str_ncasecmp(x->t + i, "half a ", 7) == 0) {
		size_t n;
		int pct;
		double mul = unit_after(x, i + 6, &n, &pct);
		if (n && !pct && mul >= 1e3 && x->t[i + 6] == ' ') {
			size_t e = i + 6 + n;
			return push_figure(x, i, e, 0.5, 0.1, mul, 0, currency_after(x, e), 0);
		}
	}
	/* A scale with "a": "a billion users" is one billion, rounded (a source's 1.2 billion
	 * supports it, its 3 billion does not). Not "one in a million", "thanks a million", nor a
	 * compound, "a million-dollar question". */
	if (w == 1 && (x->t[i] == 'a' || x->t[i] == 'A') && at(x, i + 1, " ") &&
	    !(i > 0 && (word_ends_at(x->t, i - 1, "in") || word_ends_at(x->t, i - 1, "thanks")))) {
		size_t n;
		int pct;
		double mul = unit_after(x, i + 1, &n, &pct);
		size_t e = i + 1 + n;
		if (n && !pct && mul >= 1e3 && is_ascii_alpha((unsigned char)x->t[i + 2]) && !(e < x->len && x->t[e] == '-'))
			return push_figure(x, i, e, 1, 1, mul, 0, currency_after(x, e), 0);
	}
	for (size_t k = 0; k < sizeof multiples / sizeof *multiples; k++)
		if (strlen(multiples[k].w) == w && str_ncasecmp(x->t + i, multiples[k].w, w) == 0 &&
		    !(i + w < x->len && x->t[i + w] == '-')) {
			for (size_t b = 0; b < sizeof idiom_before / sizeof *idiom_before; b++) {
				size_t l = strlen(idiom_before[b]);
				if (i >= l && str_ncasecmp(x->t + i - l, idiom_before[b], l) == 0 &&
				    !(i > l && is_ascii_alpha((unsigned char)x->t[i - l - 1])))
					return i;
			}
			if (at(x, i + w, " down") && !(i + w + 5 < x->len && is_ascii_alpha((unsigned char)x->t[i + w + 5])))
				return i;
			if (frequency_after(x, i + w))
				return i + w; /* "twice a week": a count of events */
			return push_figure(x, i, i + w, multiples[k].v, 1, 1, 0, 0, 1);
		}
	int v;
	size_t j = number_words_at(x, i, &v);
	if (j == i)
		return i;
	if (at(x, j, " hundred") && !(j + 8 < x->len && is_ascii_alpha((unsigned char)x->t[j + 8]))) {
		v *= 100;
		j += 8;
		size_t k = at(x, j, " and ") ? j + 4 : j; /* at the space before the rest */
		int rest;
		size_t e;
		if (k < x->len && x->t[k] == ' ' && (e = number_words_at(x, k + 1, &rest)) > k + 1) {
			v += rest;
			j = e;
		}
	}
	size_t mn = more_at(x, j);
	if (mn) /* twenty-odd, a hundred-odd: 20 to 30, 100 to 200 */
		return push_words_figure(x, i, j + mn, v + last_digit_place(v) / 2, last_digit_place(v), 0);
	return push_words_figure(x, i, j, v, last_digit_place(v), 0);
}

static int
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Names and figures, left to right, skipping dates and citation markers. */
static void
find_tokens(struct ex *x)
{
	const char *t = x->t;
	size_t run_start = 0, run_end = 0; /* the current name run in t */
	struct buf key = BUF_INIT;
	int seen_word = 0;
	for (size_t i = 0; i <= x->len;) {
		long id;
		size_t m = i < x->len ? check_citation(t + i, &id) : 0;
		int flush = i == x->len || m || x->taken[i] || !(is_ascii_alnum((unsigned char)t[i]) || t[i] == ' ');
		if (!flush && t[i] == ' ' && !(i + 1 < x->len && is_ascii_alnum((unsigned char)t[i + 1])))
			flush = 1;
		if (flush && key.len) {
			struct claim *c = push(x, CLAIM_NAME, run_start, run_end);
			c->key = arena_strdup(x->arena, buf_str(&key));
			buf_clear(&key);
		}
		if (i == x->len)
			break;
		if (m) {
			i += m;
			continue;
		}
		if (x->taken[i]) {
			seen_word = 1;
			i++;
			continue;
		}
		unsigned char c = (unsigned char)t[i];
		if (c == ' ') {
			i++;
			continue;
		}
		if (!is_ascii_alnum(c)) {
			size_t e = c >= 0x80 ? cjk_figure_at(x, i) : i;
			if (e > i) {
				seen_word = 1;
				i = e;
				continue;
			}
			if (c >= 0x80) {
				uint32_t cp;
				size_t n = utf8_decode(t + i, x->len - i, &cp);
				seen_word |= cp >= 0x3400;
				i += n;
			} else {
				i++;
			}
			continue;
		}
		if (i > 0 && is_ascii_alnum((unsigned char)t[i - 1])) {
			i++;
			continue;
		}
		ratio_at(x, i);
		if (is_ascii_digit(c)) {
			if (key.len) {
				struct claim *cl = push(x, CLAIM_NAME, run_start, run_end);
				cl->key = arena_strdup(x->arena, buf_str(&key));
				buf_clear(&key);
			}
			i = figure_at(x, i);
			seen_word = 1;
			continue;
		}
		if ((c == 'v' || c == 'V') && i + 1 < x->len && is_ascii_digit((unsigned char)t[i + 1])) {
			i = figure_at(x, i + 1); /* v2.0.1 */
			seen_word = 1;
			continue;
		}
		size_t fe = word_figure_at(x, i);
		if (fe > i) {
			if (key.len) {
				struct claim *cl = push(x, CLAIM_NAME, run_start, run_end);
				cl->key = arena_strdup(x->arena, buf_str(&key));
				buf_clear(&key);
			}
			seen_word = 1;
			i = fe;
			continue;
		}
		/* A Latin token: letters and digits, joined by - . _ + between them. */
		size_t j = i, upper = 0, digit = 0;
		while (j < x->len) {
			char ch = t[j];
			if (is_ascii_alnum((unsigned char)ch)) {
				upper += is_upper(ch) && j > i;
				digit += is_ascii_digit((unsigned char)ch);
				j++;
			} else if ((ch == '-' || ch == '.' || ch == '_' || ch == '+') && j + 1 < x->len &&
			           is_ascii_alnum((unsigned char)t[j + 1])) {
				j++;
			} else {
				break;
			}
		}
		int initial = !seen_word;
		seen_word = 1;
		size_t len = j - i;
		int capital = is_upper(t[i]);
		int is_name = (capital || upper || (digit && digit < len)) && !is_generic(t + i, len);
		/* In English, one ordinary capitalised word opening a sentence is not a name. */
		if (is_name && x->is_en && initial && capital && !upper && !digit)
			is_name = 0;
		if (is_name) {
			if (!key.len)
				run_start = i;
			else
				buf_putc(&key, ' ');
			for (size_t k = i; k < j; k++)
				buf_putc(&key, (char)ascii_lower((unsigned char)t[k]));
			run_end = j;
		} else if (key.len) {
			struct claim *cl = push(x, CLAIM_NAME, run_start, run_end);
			cl->key = arena_strdup(x->arena, buf_str(&key));
			buf_clear(&key);
		}
		i = j;
	}
	buf_free(&key);
}

/* Blank the markers of the long-form Markdown subset (report/mdsubset.h) in t[0..len): the
 * "**" of bold runs and the list markers opening a line ("1. ", "2、", "3) ", "- ", "* ", "• "),
 * so that "**Cost**" is not read as a name after a figure and "1." is not a figure. Blanked
 * with spaces, so offsets stay. */
static void
blank_markup(char *t, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (t[i] == '*' && t[i + 1] == '*') {
			t[i] = t[i + 1] = ' ';
			i++; /* a pair at a time: in "***" the third star stays */
		}
	for (size_t line = 0; line < len;) {
		size_t i = line;
		while (i < len && t[i] == ' ')
			i++;
		size_t d = i;
		while (d < len && d - i < 3 && is_ascii_digit((unsigned char)t[d]))
			d++;
		size_t marker = 0;
		if (d > i && d + 1 < len && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ')
			marker = d + 1 - i;
		else if (d > i && len - d >= 3 && memcmp(t + d, "、", 3) == 0)
			marker = d + 3 - i;
		else if (d == i && i + 1 < len && (t[i] == '-' || t[i] == '*') && t[i + 1] == ' ')
			marker = 1;
		else if (d == i && len - i >= 4 && memcmp(t + i, "• ", 4) == 0)
			marker = 3;
		memset(t + i, ' ', marker);
		const char *nl = memchr(t + line, '\n', len - line);
		line = nl ? (size_t)(nl - t) + 1 : len;
	}
}

/* Whether t[i..] begins a clause break: , ; : and the CJK stops, or a word joining two
 * clauses (" and ", " while ", " whereas ", " but ", " compared with ", " versus ", " vs ",
 * 而, 但, 相比); its bytes, 0 when none. */
static size_t
clause_break_at(const char *t, size_t len, size_t i)
{
	static const char *const words[] = {" and ", " while ", " whereas ", " but ", " compared with ",
	                                    " compared to ", " versus ", " vs ", " vs. "};
	static const char *const cjk[] = {"，", "；", "：", "、", "。", "！", "？", "而", "但", "相比"};
	unsigned char c = (unsigned char)t[i];
	if (c == ',' || c == ':')
		return i > 0 && is_ascii_digit((unsigned char)t[i - 1]) && i + 1 < len &&
		               is_ascii_digit((unsigned char)t[i + 1])
		           ? 0 /* 4,800, 12:30 */
		           : 1;
	if (c == ';' || c == '!' || c == '?' || c == '\n')
		return 1;
	if (c == '.')
		return i + 1 == len || t[i + 1] == ' ' || t[i + 1] == '\n' ? 1 : 0;
	if (c == ' ') {
		int first = i + 1 < len ? ascii_lower(t[i + 1]) : 0;
		if (first != 'a' && first != 'w' && first != 'b' && first != 'c' && first != 'v')
			return 0;
		for (size_t k = 0; k < N_(words); k++) {
			size_t l = strlen(words[k]);
			if (i + l <= len && str_ncasecmp(t + i, words[k], l) == 0)
				return l;
		}
		return 0;
	}
	if (c < 0x80)
		return 0;
	for (size_t k = 0; k < N_(cjk); k++) {
		size_t l = strlen(cjk[k]);
		if (i + l <= len && memcmp(t + i, cjk[k], l) == 0)
			return l;
	}
	return 0;
}

/* Whether t[i..] begins a sentence's end (. ! ? ; 。！？； or a line break). */
static int
sentence_end_at(const char *t, size_t len, size_t i)
{
	if (t[i] == '!' || t[i] == '?' || t[i] == ';' || t[i] == '\n' ||
	    (t[i] == '.' && (i + 1 == len || t[i + 1] == ' ' || t[i + 1] == '\n')))
		return 1;
	return strncmp(t + i, "。", 3) == 0 || strncmp(t + i, "！", 3) == 0 || strncmp(t + i, "？", 3) == 0 ||
	       strncmp(t + i, "；", 3) == 0;
}

/* Whether the Latin token t[a..b) can be a figure's subject: a capital letter in it, not a
 * generic word, a month, a unit of measure or a currency code, a quarter or half (Q3, H1,
 * FY2025). */
static int
subject_token(const char *t, size_t a, size_t b)
{
	static const char *const money[] = {"USD", "EUR", "RMB", "CNY", "GBP", "JPY", "US"};
	int upper = 0;
	for (size_t i = a; i < b; i++)
		upper |= is_upper(t[i]);
	if (!upper || is_generic(t + a, b - a))
		return 0;
	for (size_t k = 0; k < N_(measures); k++)
		if (strlen(measures[k].w) == b - a && memcmp(measures[k].w, t + a, b - a) == 0)
			return 0; /* a unit of measure: "16 GB" */
	for (size_t k = 0; k < N_(money); k++)
		if (strlen(money[k]) == b - a && memcmp(money[k], t + a, b - a) == 0)
			return 0;
	if ((t[a] == 'Q' || t[a] == 'H') && b - a == 2 && is_ascii_digit((unsigned char)t[a + 1]))
		return 0;
	return !(t[a] == 'F' && b - a > 2 && t[a + 1] == 'Y' && is_ascii_digit((unsigned char)t[a + 2]));
}

/* Whether the name at t[i] is the object of a Chinese preposition written right before it, in
 * the clause from t[lo] (spaces between): 向 对 给 从 被 替 (苹果向谷歌支付200亿美元: 谷歌 is paid,
 * 苹果 pays; 苹果被Samsung索赔: 苹果 is claimed from), so the figure is not its own. */
static int
object_before(const char *t, size_t lo, size_t i)
{
	static const char *const preps[] = {"向", "对", "给", "从", "被", "替"};
	while (i > lo && t[i - 1] == ' ')
		i--;
	return i - lo >= strlen("向") && ends_with_any(t, i, preps, N_(preps), 0);
}

/* A name in a figure's clause that may be its subject (figure_subjects). */
struct subject_cand {
	size_t a, b;       /* where it is in the text */
	const char *latin; /* the Latin name of a Chinese one (苹果: "apple"), else NULL */
	int object;        /* the object of a Chinese preposition right before it (向谷歌) */
	int weak;          /* an ordinary capitalised word opening an English sentence (weak_opener) */
};

/* Append the candidate subject c, before the figure or not, to cand[0..n) of room cap, in text
 * order; returns the new count. A full list drops its first name for one before the figure
 * (the nearest ones decide) and is kept for one after it (only the first after is picked). */
static size_t
add_cand(struct subject_cand *cand, size_t n, size_t cap, struct subject_cand c, int before)
{
	if (n < cap) {
		cand[n] = c;
		return n + 1;
	}
	if (!before)
		return n;
	memmove(cand, cand + 1, (cap - 1) * sizeof *cand);
	cand[cap - 1] = c;
	return n;
}

/* Whether the Latin token t[i..j) is one ordinary capitalised word opening an English sentence
 * ("Analysts said", "Revenue rose"): a capital, then only lower-case letters, at the text's
 * start or after a sentence's end or a colon (a source's "text: Revenue rose ...", quote marks
 * and brackets between), and a lower-case English
 * word after it (not a possessive, "Apple's", another capitalised word of its run, "Morgan
 * Stanley", nor Chinese, "Apple向Google支付", where it is the subject). Such a word is a subject
 * only when its clause names nothing else (figure_subjects): read in sources too, whose
 * language the index does not know. */
static int
weak_opener(const char *t, size_t len, size_t i, size_t j)
{
	if (!is_upper(t[i]) || zh_name_latin(t + i, j - i))
		return 0; /* "Meta invested $14 billion in Scale AI": Meta's, a company, not "Revenue" */
	for (size_t k = i + 1; k < j; k++)
		if (!(t[k] >= 'a' && t[k] <= 'z'))
			return 0;
	size_t k = i;
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '"' || t[k - 1] == '(' || t[k - 1] == '['))
		k--;
	if (k > 0 && !(t[k - 1] == '.' || t[k - 1] == '!' || t[k - 1] == '?' || t[k - 1] == '\n' || t[k - 1] == ':'))
		return 0;
	return j + 1 < len && t[j] == ' ' && t[j + 1] >= 'a' && t[j + 1] <= 'z';
}

/* Whether t[e..a), between a name and the figure at t[a], holds no word but a qualifier, an
 * article or a generic capitalised word that ends the name ("Google $20 billion", "Google about
 * $20 billion", "Scale AI $14 billion", 谷歌200亿): the name is then the
 * figure's indirect object when another name comes before it with a word between ("Apple pays
 * Google $20 billion", 苹果支付谷歌200亿美元: Apple pays; figure_subjects). */
static int
bare_gap(const char *t, size_t e, size_t a)
{
	static const char *const words[] = {"a", "an", "about", "around", "roughly", "nearly", "almost",
	                                    "some", "over", "US", "约", "近", "超过"};
	while (e < a) {
		if (t[e] == ' ' || t[e] == '$') {
			e++;
			continue;
		}
		size_t w = e;
		while (w < a && is_ascii_alnum((unsigned char)t[w]))
			w++;
		if (w > e && is_upper(t[e]) && is_generic(t + e, w - e)) {
			e = w; /* the generic end of the name, "Scale AI", "Stability AI" */
			continue;
		}
		size_t k = 0;
		while (k < N_(words) && !(strlen(words[k]) <= a - e && memcmp(t + e, words[k], strlen(words[k])) == 0 &&
		                          (e + strlen(words[k]) == a || !is_ascii_alpha((unsigned char)t[e + strlen(words[k])]))))
			k++;
		if (k == N_(words))
			return 0;
		e += strlen(words[k]);
	}
	return 1;
}

/* Whether t[e..a), between two names, holds a word: a lower-case Latin letter or a CJK
 * ideograph ("Apple pays Google", 苹果支付谷歌; not the space inside "Morgan Stanley"). */
static int
word_between(const char *t, size_t e, size_t a)
{
	for (size_t k = e; k < a; k++)
		if ((t[k] >= 'a' && t[k] <= 'z') || (unsigned char)t[k] >= 0xE4)
			return 1;
	return 0;
}

/* The subject among the names c[0..n) of the clause of the figure t[a..b) (claims.h): a weak
 * opener only when the clause names nothing else before the figure nor after it with at, for,
 * of, in or from ("Revenue rose 8% at Apple": Apple's); then
 * the nearest before it, unless it is an object and another name is before it (苹果向Google支付:
 * Apple's), else the first after; and a
 * name before it with nothing but a qualifier between is an indirect object when the name
 * before it (or before its run, "Goldman Sachs") comes with a word between ("Apple pays Google
 * $20 billion": Apple's). NULL when none. */
static const struct subject_cand *
pick_subject(const char *t, const struct subject_cand *c, size_t n, size_t a, const struct subject_cand **payee)
{
	*payee = NULL;
	static const char *const owner[] = {"at", "for", "of", "in", "from"};
	int strong = 0; /* a name that outranks a weak opener: before the figure, or after it as its
	                 * owner ("Revenue rose 8% at Apple"; not "Apple grew 8% faster than Google") */
	for (size_t k = 0; k < n; k++)
		strong |= !c[k].weak && (c[k].b <= a || ends_with_any(t, c[k].a - (c[k].a > 0 && t[c[k].a - 1] == ' '),
		                                                                owner, N_(owner), 1));
	const struct subject_cand *best = NULL;
	size_t best_k = 0;
	for (size_t k = 0; k < n; k++) {
		if (strong && c[k].weak)
			continue;
		int before = c[k].b <= a;
		if ((before && (!c[k].object || !best || best->object)) || !best) {
			best = &c[k];
			best_k = k;
		}
	}
	if (!best || best->b > a || best->object || !bare_gap(t, best->b, a))
		return best;
	size_t run = best->a; /* where the run of capitalised words ending at best begins */
	for (size_t k = best_k; k-- > 0;) {
		if (!word_between(t, c[k].b, run))
			run = c[k].a; /* "Goldman Sachs": one name */
		else if (c[k].object)
			return best;
		else {
			*payee = best;
			return &c[k];
		}
	}
	return best;
}

/* Whether the verb before the payee at t[i] (spaces between) makes the figure's subject the one
 * paid, not the payer: "Apple charges Google $5 billion", bills, fines, costs, 罚, 收取, 索赔. */
static int
charged_before(const char *t, size_t i)
{
	static const char *const en[] = {"charge", "charges", "charged", "charging", "bill", "bills", "billed",
	                                 "billing", "fine", "fines", "fined", "fining", "cost", "costs", "costing"};
	static const char *const zh[] = {"罚", "罚款", "收", "收取", "索赔", "索要", "起诉"};
	while (i > 0 && t[i - 1] == ' ')
		i--;
	return ends_with_any(t, i, en, N_(en), 1) || ends_with_any(t, i, zh, N_(zh), 0);
}

/* The name of candidate c in the text t as a subject is written (claims.h): its Latin name,
 * lower case, in the arena. */
static const char *
cand_name(const char *t, const struct subject_cand *c, struct arena *arena)
{
	char *w = c->latin ? arena_strdup(arena, c->latin) : arena_strndup(arena, t + c->a, c->b - c->a);
	for (char *p = w; *p; p++)
		*p = (char)ascii_lower((unsigned char)*p);
	return w;
}

/* Set the subject and sentence of the figures out[from..count) found in the folded text
 * t[0..len) (claims.h); offs holds where each claim from `from` on begins and ends in t. */
static void
figure_subjects(const char *t, size_t len, struct claim *out, const size_t *offs, size_t from, size_t count,
                struct arena *arena)
{
	size_t *clause = xmalloc((len + 1) * sizeof *clause), *sentence = xmalloc((len + 1) * sizeof *sentence);
	size_t c = 0, sn = 0;
	for (size_t i = 0; i <= len;) {
		size_t m = i < len ? clause_break_at(t, len, i) : 0;
		int stop = i < len && sentence_end_at(t, len, i);
		if (m) {
			c++;
			for (size_t k = i; k < i + m; k++)
				clause[k] = SIZE_MAX, sentence[k] = sn;
			sn += stop;
			c++;
			i += m;
			continue;
		}
		clause[i] = c;
		sentence[i] = sn;
		sn += stop;
		i++;
	}
	struct subject_cand cand[32];
	for (size_t k = from; k < count; k++) {
		if (out[k].kind != CLAIM_FIGURE)
			continue;
		size_t a = offs[2 * (k - from)], b = offs[2 * (k - from) + 1];
		out[k].sentence = sentence[a];
		size_t ca = a, cb = b, id = clause[a], n = 0;
		while (ca > 0 && clause[ca - 1] == id)
			ca--;
		while (cb < len && clause[cb] == id)
			cb++;
		struct buf all = BUF_INIT;
		for (size_t i = ca; i < cb;) {
			const struct zh_name *name = (unsigned char)t[i] >= 0x80 ? zh_name_at(t, t + i) : NULL;
			const char *zh = name ? name->latin : NULL;
			size_t zn = name ? strlen(name->zh) : 0;
			if (zh && i + zn <= cb && (i + zn <= a || i >= b)) { /* 苹果营收增长8%: Apple's */
				n = add_cand(cand, n, N_(cand), (struct subject_cand){i, i + zn, zh, i + zn <= a && object_before(t, ca, i), 0},
				             i + zn <= a);
				if (all.len)
					buf_putc(&all, ' ');
				buf_puts(&all, zh);
				i += zn;
				continue;
			}
			if (!is_ascii_alpha((unsigned char)t[i]) || (i > 0 && is_ascii_alnum((unsigned char)t[i - 1]))) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < cb && (is_ascii_alnum((unsigned char)t[j]) ||
			                  ((t[j] == '-' || t[j] == '.') && j + 1 < cb && is_ascii_alnum((unsigned char)t[j + 1]))))
				j++;
			if (subject_token(t, i, j) && (j <= a || i >= b)) {
				n = add_cand(cand, n, N_(cand),
				             (struct subject_cand){i, j, NULL, j <= a && object_before(t, ca, i), weak_opener(t, len, i, j)},
				             j <= a);
				if (all.len)
					buf_putc(&all, ' ');
				for (size_t q = i; q < j; q++)
					buf_putc(&all, (char)ascii_lower((unsigned char)t[q]));
			}
			i = j;
		}
		const struct subject_cand *payee;
		const struct subject_cand *best = pick_subject(t, cand, n, a, &payee);
		if (best) {
			out[k].subject = cand_name(t, best, arena);
			out[k].subjects = arena_strdup(arena, buf_str(&all));
		}
		if (payee) {
			out[k].payee = cand_name(t, payee, arena);
			out[k].charged = charged_before(t, payee->a);
		}
		buf_free(&all);
	}
	free(clause);
	free(sentence);
}

void
claims_extract(const char *s, size_t len, int flags, struct arena *arena, struct claim **out, size_t *count,
               size_t *cap)
{
	struct buf f = BUF_INIT;
	claims_fold(s, len, &f);
	if (f.len)
		blank_markup(f.data, f.len);
	struct ex x = {buf_str(&f), f.len, xcalloc(f.len + 1, 1), (flags & CLAIMS_EN) != 0, (flags & CLAIMS_ALL_FIGURES) != 0,
	               arena, out, count, cap, 0, BUF_INIT};
	size_t from = *count;
	find_dates(&x);
	find_quotes(&x);
	find_tokens(&x);
	if (*count > from)
		figure_subjects(x.t, x.len, *out, (const size_t *)(const void *)x.offs.data, from, *count, arena);
	buf_free(&x.offs);
	free(x.taken);
	buf_free(&f);
}
