/* claims.h: the checkable claims of a piece of model-written text (the weekly's paragraphs, a
 * commentary's parts): figures, dates, quotations and Latin-script names, each normalised so
 * that it can be compared with the sources (ground.h does the comparing).
 *
 * Normalisation rules (docs/grounding.md has the full list with examples):
 * - text is folded first: full-width ASCII (０-９, Ａ-Ｚ, ％, ．, ，...) becomes ASCII, the
 *   ideographic space and no-break space become spaces; the markers of the long-form
 *   Markdown subset (report/mdsubset.h: "**" and list markers opening a line, "1. ", "2、",
 *   "- ") become spaces, so "1. **Cost**" holds neither a figure nor a name;
 * - a share said in words of proportion (十之八九, 绝大多数, 大半) is vague: supported by a
 *   source percentage in its range or by a source that gives none;
 * - a figure is digits with optional thousands separators ("17,000", Indian "1,80,000") and
 *   decimals (a decimal comma before a scale, percent or currency: "3,5 %"), scaled by
 *   a unit that follows it: 万 (1e4), 十万, 百万, 千万, 千 (1e3), 亿 (1e8), 万亿 (1e12), thousand, million,
 *   billion, trillion, lakh, crore, k/K, m/M/mn, b/B/bn; "%", "％", "percent", "per cent", "pct", "percentage
 *   point(s)", "个百分点" and a leading "百分之" make it a percentage (compared only with
 *   percentages); currency signs and words are kept in the text but not compared; a figure
 *   with two or more dots ("1.2.3", "v2.0.1") is a version, compared as a string; a figure
 *   before 倍, "x" (not "1920x1080"), "×" or "times", and twice / doubled / tripled /
 *   quadrupled, is a multiple, however small, compared only with multiples (not a frequency:
 *   "3 times a week", "2-3x weekly", "twice a day" are counts); a fraction in
 *   words (三分之一, 半数, 一半, "a third of", "two-thirds", "half of", "a quarter of", "a fifth of") and a ratio ("one in
 *   five", "nine out of ten", "2/3 of", a bare "1/3" of single digits) is the
 *   percentage of its value with a unit of 2 (a source's percentage within a point supports it);
 * - bare integers 0..10 with no unit, percent or currency are not claims (counting and
 *   ordinals are inference, not quotation), except the ends of a range with a unit of
 *   measure ("2–4 GB", "3 to 5 days", 3至5天); Chinese numerals (三千, 两亿, 一万五, 百分之三十)
 *   and English number words (nine million, forty-two percent) are figures by the same rules,
 *   except runs that are dates, ordinals or parts of words (十二月, 第十二, 百度, twenty-first;
 *   docs/grounding.md); an approximate amount (数十亿, 上百, 近百万, 二十多, 百余, 4000多, "a
 *   dozen", "dozens of", "thousands of") is the range it names, its middle as value and its
 *   width as unit;
 * - a date is ISO (2026-02-24, 2026/2/24), Chinese (2026年2月24日, 2月24日, 2026年2月) or English
 *   (Feb 24, February 24, 2026, 24 February 2026, February 2026); missing parts match anything;
 * - a quotation is the text inside 「」, 『』, “”, ‘’ (a ’ before a letter is an apostrophe) or
 *   "" when it is long enough to be a quote
 *   rather than a term: at least 8 CJK characters or 4 Latin words, or an inner comma or stop;
 *   shorter quoted spans are terms (their names and figures are still claims); a quotation
 *   directly followed by "(译)", "（译）", "(译文)", "(translated)" or "(translation)" is
 *   marked as translated;
 * - a name is a Latin-script token with a capital letter or a digit among letters (DeepSeek,
 *   GPT-4o, H800, iPhone) or a run of them ("Hugging Face"); a generic acronym (AI, API, CEO,
 *   GPU, ...) is not a claim, nor, in English text, a single ordinary capitalised word at
 *   the start of a sentence (The, Behind, Observers). */
#ifndef BRIEF_AI_LONGFORM_CLAIMS_H
#define BRIEF_AI_LONGFORM_CLAIMS_H

#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"

enum claim_kind { CLAIM_FIGURE, CLAIM_DATE, CLAIM_QUOTE, CLAIM_NAME };
enum { CLAIM_ABOUT = 1, CLAIM_NEARLY = 2 }; /* struct claim's qualifier */

struct claim {
	enum claim_kind kind;
	const char *text;   /* as written, folded (arena) */
	const char *key;    /* QUOTE: folded, lowercased, without spaces and punctuation;
	                     * NAME: lowercase words separated by single spaces;
	                     * FIGURE with is_version: the dotted digits ("2.0.1"); else NULL */
	double value;       /* FIGURE: the value with its unit applied (1.2亿 = 120000000) */
	double unit;        /* FIGURE: the place value of the last written digit, unit applied
	                     * (1.2亿: 1e7); a source figure within unit/2 supports it (rounding) */
	int is_percent;     /* FIGURE: a percentage (30% = 30 percent = 百分之30) */
	int is_points;      /* FIGURE: percentage points (5个百分点, "5 percentage points"), a
	                     * difference of percentages, compared only with points: "rose 5%"
	                     * is not "rose 5 percentage points" */
	int is_multiple;    /* FIGURE: a multiple (3倍 = 3x = three times; twice, doubled = 2),
	                     * compared only with multiples */
	int is_version;     /* FIGURE: compared by key */
	int is_measure;     /* FIGURE: a unit of measure after it, or after the other end of its
	                     * range ("2–4 GB", "three to five days"); a draft's small range end
	                     * (0..10, a claim only as a measure) needs a source figure with one */
	const char *measure; /* FIGURE: the unit of measure after it or after the other end of its
	                      * range, named the same in every language and spelling ("GB", "min"
	                      * for min, minutes, 分钟), NULL when none; a draft's figure with one is
	                      * not supported by a source figure with another ("16 TB" by "16 GB") */
	const char *period;  /* FIGURE: the period of a rate ("$20 per month", 每秒 500 次, "50% a
	                      * year"), named the same in both languages ("mo", "s"), NULL when
	                      * none; a source figure per another period does not support it */
	int is_negative;    /* FIGURE: a minus sign (−, -, an en dash, 负) right before it, not
	                     * between two figures; a signed draft figure needs a signed source one */
	int direction;      /* FIGURE: the change written before it in its clause: 1 up ("rose",
	                     * "up", 增长), -1 down ("fell", "down", 下降), 0 none */
	int bound;          /* FIGURE: 1 "over", "more than", 超过 right before it; -1 "under",
	                     * "less than", 不到; -2 a maximum, "up to", "at most"; 0 none */
	int qualifier;      /* FIGURE: CLAIM_ABOUT ("about", "around", ~, 约, 左右 after it) or
	                     * CLAIM_NEARLY ("nearly", "almost", 近, 接近) written at it, 0 none: a
	                     * draft's rounded figure is supported within the step of its last
	                     * non-zero place ("近5000" by 4,800; docs/grounding.md) */
	int is_range;       /* FIGURE: an amount written as a range (数千, "a dozen", 二三十, 近四成,
	                     * "more than half"): value its middle, unit its width, a qualifier or
	                     * bound already in it; else a figure rounded to its last place, which a
	                     * qualifier or bound rounds on its own side only ("近4万" is not 4.4万) */
	int is_vague;       /* FIGURE: a share said in words of proportion, not counted (十之八九,
	                     * 绝大多数, 大半): supported by a source percentage in its range, or by a
	                     * source that gives no percentage at all, which it cannot contradict */
	int basis;          /* FIGURE: the basis of a change written in its clause: 1 year on year
	                     * (同比, "year over year", YoY), 2 sequential (环比, "quarter over
	                     * quarter", "month-on-month", "sequentially"), 0 none */
	const char *subject; /* FIGURE: the subject written in its clause, a Latin-script name
	                     * (lowercase, "apple"; an ordinary capitalised word opening the
	                     * sentence, "Revenue", only when no name before the figure nor its
	                     * owner after it, "at Apple", is in the clause) or a company's Chinese name as that name (苹果: "apple",
	                     * zh_name_at), the nearest before it (not an indirect object: in
	                     * "Apple pays Google $20 billion" Apple's), else after it; NULL when none. A
	                     * source figure of another subject does not support it when the
	                     * source's sentence gives this subject another figure (ground.c) */
	const char *payee;  /* FIGURE: the indirect object its subject was read over, the one
	                     * paid in "Apple pays Google $20 billion" or 苹果支付谷歌200亿美元
	                     * ("google"), NULL when none; a source figure with the two roles the
	                     * other way round, in a sentence of the same shape, does not support it */
	int charged;        /* FIGURE: with a payee, the verb before it makes the subject the one
	                     * paid ("Apple charges Google", bills, fines, 罚, 收取): the shape's
	                     * other reading, so no swap is read against a "pays" sentence */
	const char *subjects; /* FIGURE: every such name in its clause, separated by spaces (the
	                       * subject among them), NULL when none */
	size_t sentence;    /* FIGURE: the index of its sentence in the text extracted */
	int year, month, day; /* DATE: 0 = not given */
	int is_translated;  /* QUOTE: marked as a translation */
	int is_negated;     /* QUOTE: a negation (not, never, no ... n't; 不 没 未 非 无 别 勿) right
	                     * before its opening mark: the draft keeps the source's negation outside */
};

/* Fold s[0..len) into out (appended): full-width ASCII forms to ASCII, U+3000 and U+00A0 to
 * ' ', everything else unchanged (valid UTF-8 in, valid UTF-8 out). */
void claims_fold(const char *s, size_t len, struct buf *out);

/* Append s[0..len) to out as a quotation key: folded, ASCII lowercased, with whitespace,
 * ASCII and CJK punctuation and quote marks removed, and an ellipsis ("…", "...") written
 * as CLAIMS_GAP (a quotation with a gap is checked piece by piece). */
#define CLAIMS_GAP '\x01'
void claims_quote_key(const char *s, size_t len, struct buf *out);

/* claims_quote_key, with one byte appended to marks per byte appended to out: a Latin word
 * (ASCII letters and digits) starts or ends there, or a CJK character or a gap, which is
 * both; and CLAIMS_AFTER_NEG where the word or CJK character before (punctuation and spaces
 * between) is a negation (not, never, no, nor, cannot, none, neither, a word ending in n't;
 * 不 没 未 非 无 别 勿) in the same sentence (a . ! ? ; 。！？； between ends it), so a quotation
 * that starts there left it out. */
enum { CLAIMS_WORD_START = 1, CLAIMS_WORD_END = 2, CLAIMS_AFTER_NEG = 4 };
void claims_quote_key_marked(const char *s, size_t len, struct buf *out, struct buf *marks);

enum {
	CLAIMS_EN = 1,          /* the text is English (sentence-initial capitalised words) */
	CLAIMS_ALL_FIGURES = 2, /* keep bare integers 0..10 too (for reading source text) */
};

/* The claims of one sentence s[0..len) (citation markers "[n]" are skipped): appended to
 * *out (an arena array grown by the call: *count in, *count out; *cap its capacity).
 * flags: CLAIMS_EN, CLAIMS_ALL_FIGURES. */
void claims_extract(const char *s, size_t len, int flags, struct arena *arena, struct claim **out, size_t *count,
                    size_t *cap);

/* The scale of a unit of measure's name (struct claim's measure) to the base unit of its kind,
 * *base set to that base's name: "GW" 1e9 of "W", "min" 60 of "s", "km" 1e3 of "m", "kg" 1e3
 * of "g" (so 1.2 GW, 1,200 MW and 120万千瓦 are one amount); 1 and the name itself for a unit
 * with no scale (mi, lb, °F, months, years) or NULL. */
double claims_measure_scale(const char *measure, const char **base);

/* The kind's name: "figure", "date", "quote", "name". */
const char *claim_kind_name(enum claim_kind k);

#endif
