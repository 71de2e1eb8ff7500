/* kwscan.c: the candidate terms of an article as they occur (kwscan.h): words with their
 * casing, two-word phrases, CJK n-grams cut at function characters and generic pairs, and the
 * word lists that decide what is no term (generic words, CJK stop characters). */
#include "ai/offline/kwscan.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/offline/keywords.h"
#include "ai/offline/lexicon.h"
#include "util/str.h"
#include "util/utf8.h"

/* Only the head of long articles is read: keywords come from what the piece is about, and the
 * bound keeps the window's cost linear in the number of articles. */
#define KW_TEXT_BYTES 12000
#define CJK_RUN_MAX 64 /* code points of a CJK run read at once for n-grams (a window) */

/* Sorted for bsearch: words that are common in any article and name no topic (numbers, units,
 * dates, generic nouns, verbs and adjectives). Function words are in text_is_stopword(). */
static const char *const generic_words[] = {
	"able", "across", "actual", "actually", "add", "added", "adds", "allow", "allowed", "allows", "almost",
	"along", "already", "also", "although", "always", "among", "amount", "announce", "announced",
	"announces", "announcing", "answer", "answers", "anyone",
	"anything", "anywhere", "apr", "april", "area", "areas", "aren", "around", "article", "articles", "ask",
	"asked", "asks", "attack", "attacker", "attackers", "attacks", "aug", "august", "available", "away", "bad",
	"basically", "became", "become", "becomes", "began", "begin", "behind", "believe", "best", "better",
	"beyond", "big", "billion", "billions", "bit",
	"bits", "blog", "blogs", "bring", "brings", "brought", "call", "called", "calls", "came", "can", "cannot",
	"case", "cases", "cents", "certain", "certainly", "change", "changed", "changes", "clearly", "code",
	"codes", "come", "comes", "coming", "comment", "comments", "companies", "company", "cool", "cost", "costs",
	"couldn", "crawl",
	"currently", "day", "days", "dec", "decade", "decades", "december", "didn", "different", "doesn", "dollar",
	"dollars", "don", "double", "early", "easy", "eight", "eleven", "else", "end", "ended", "ends", "enough",
	"entire", "especially", "etc", "even", "evening", "everyone", "everything", "everywhere", "exactly",
	"example", "examples", "fact", "facts", "fairly", "fast", "faster", "feature", "features", "feb",
	"february", "feel", "feels", "fifth", "fifty", "finally", "find", "finds", "first", "five", "folks",
	"forty", "found", "four", "fourth", "fps", "free", "friday", "full", "gave", "gb", "get", "gets", "getting",
	"ghz", "give", "given", "gives", "giving", "global", "go", "goes", "gone", "good", "got", "great", "guide",
	"guides", "guy",
	"guys", "half", "happen", "happened", "happens", "hard", "help", "helped", "helps", "hence", "here", "high",
	"higher", "hold", "holds", "home", "hope", "hoped", "hopes", "hour", "hours", "how", "however", "href",
	"huge", "hundred", "hundreds", "hz", "i'd", "i'm", "i've", "idea", "ideas", "important", "impossible",
	"inch", "inches", "include", "included", "includes", "including", "inside", "instead", "interesting",
	"introduce", "introduced", "introduces", "introducing", "isn", "it's",
	"jan", "january", "join", "joined", "joins", "jul", "july", "jun", "june", "just", "kb", "keep", "keeps",
	"kept", "kind", "kinds", "km", "knew", "know", "known", "knows", "large", "last", "late", "latest", "least",
	"leave", "left", "less", "let", "lets", "level", "levels", "life", "like", "liked", "likely", "likes",
	"link", "links", "local", "long", "longer", "look", "looked", "looking", "looks", "lot", "lots", "love",
	"loved", "loves", "low", "lower", "made", "main", "major", "make", "makes", "making", "man", "many", "mar",
	"march", "maybe", "mb", "mean", "means", "meant", "men", "mhz", "million", "millions", "minor", "minute",
	"minutes", "monday", "month", "months", "more", "morning", "most", "move", "moved", "moves", "mph", "ms",
	"much", "need", "needed", "needs", "never", "new", "next", "nice", "night", "nights", "nine", "nobody",
	"nothing", "nov", "november", "nowhere", "number", "numbers", "oct", "october", "ok", "okay", "old", "once",
	"one", "onto", "otherwise", "outside", "page", "pages", "part", "parts", "people", "per", "percent",
	"perhaps", "person", "piece", "pieces", "pile", "piles", "place", "places", "point", "points", "possible",
	"post", "posts", "pretty", "previous", "pro", "probably", "product", "products", "project", "projects",
	"provide", "provided", "provides", "put", "puts", "question", "questions", "quick", "quite", "quote",
	"quoted", "quotes", "quoting", "ran", "rather", "read", "reading", "reads", "real", "really", "reason",
	"reasons", "recent", "recently", "result", "results", "rise", "rises", "rose", "run", "running", "runs",
	"said", "same", "saturday", "saw", "say", "saying", "says", "second", "seconds", "see", "seem", "seemed",
	"seems", "seen", "sees", "sep", "sept", "september", "serve", "served", "serves", "set", "sets", "seven",
	"several", "ship", "shipped", "ships", "short", "shouldn", "show", "showed", "shown", "shows", "side",
	"sides", "similar", "simple", "simply", "single", "site", "six", "slow", "slower", "small", "somebody",
	"someone", "sometimes", "somewhere", "sort", "start", "started", "starts", "still", "stories", "story",
	"stuff", "submitted", "sunday", "sure", "system", "systems", "take", "taken", "takes", "taking", "tb", "team",
	"teams",
	"tell", "tells", "ten", "thank", "thanks", "that's", "there", "therefore", "they're", "thing", "things",
	"think", "thinks", "third", "thirty", "though", "thought", "thoughts", "thousand", "thousands", "three",
	"thursday",
	"thus", "time", "times", "tiny", "today", "today's", "told", "tomorrow", "tonight", "too", "took", "tool",
	"tools", "toward", "towards", "tried", "tries", "trillion", "truly", "try", "trying", "tuesday", "turn",
	"turned", "turns", "twelve", "twenty", "twice", "two", "type", "types", "unable", "unlikely", "upon", "url",
	"urls", "usd",
	"use", "used", "user", "users", "uses", "using", "usually", "value", "values", "various", "very", "via",
	"want", "wanted", "wants", "wasn", "way", "ways", "we're", "website", "wednesday", "week", "weekend",
	"weeks", "went", "weren", "what", "when", "whenever", "where", "whereas", "wherever", "which", "who",
	"whole", "whom", "whose", "why", "within", "without", "woman", "women", "won", "work", "worked", "working",
	"works", "world", "worse", "worst", "wouldn", "write", "writes", "written", "wrote", "year", "years", "yes",
	"yesterday", "yesterday's", "you're", "zero",
};

/* CJK characters that are function words; an n-gram containing one is not a term. */
static const char cjk_stop_chars[] = "的了是在和与及或也就都而被把这那有个们我你他她它一不为以于之其将从对等让要还又很更最已并但如所该此每些么什吗呢吧啊着过来去到说做篇第月日号次种后前时里没给向由";

/* Common two-character words of tech writing that an n-gram must not cut in half ("非正经技"
 * of "非正经技术"); they are terms themselves, unlike cjk_generic, so n-grams holding them
 * whole stay ("技术债务"). The lexicon's two-character CJK terms count the same way. */
static const char *const cjk_words[] = {
	"技术", "开发", "数据", "系统", "软件", "工具", "模型", "用户", "产品", "公司", "服务", "平台", "应用",
	"设计", "性能", "网络", "程序", "编程", "语言", "智能", "人工", "学习", "生活", "工作", "成长",
	"经验", "团队", "项目", "管理", "市场", "行业", "企业", "时间", "博客", "文档", "版本", "功能",
};

/* Two-character CJK words that are common in any Chinese article and name no topic; an n-gram
 * containing one is not a term. Longer generic words are covered by a pair inside them (越来越
 * by 越来, 科技爱好者 by 爱好), so the list is pairs only, looked up per character pair. */
static const char *const cjk_generic[] = {
	"可以", "已经", "另外", "关于", "文章", "因为", "所以", "但是", "如果", "自己", "今天", "现在",
	"时候", "知道", "觉得", "需要", "越来", "来越", "通过", "进行", "目前", "非常", "收录",
	"本文", "笔记", "这篇", "一篇", "发布", "日期", "判断", "窗口", "首次", "抓取", "周刊",
	"技爱", "好者", "爱好",
	/* verbs and frames of any news text ("正式发布", "支持…", "核心主题") */
	"支持", "正式", "提供", "使用", "包括", "实现", "成为", "开始", "表示", "认为", "可能", "主题",
	"核心", "基础", "关注", "发展", "推出", "带来", "相关", "方面", "方式", "问题", "内容",
	/* 年 is no function character ("年度复盘", "年终"), but these are only dates */
	"今年", "去年", "明年", "每年", "多年", "年来",
};

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

int
kw_is_generic(const char *w)
{
	return bsearch(w, generic_words, sizeof generic_words / sizeof generic_words[0], sizeof generic_words[0],
	               cmp_word) != NULL;
}

/* A word that names an institution only with its name before it: "Stanford University" is a
 * keyword, "University" alone (the authors' affiliations under a paper) is not. */
static int
phrase_only(const char *w)
{
	static const char *const words[] = {"college", "institute", "universities", "university"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/* True when w is a number with an ordinal's or a clock's letters ("8th", "21st", "2am",
 * "8pm"): a date or a time, a number like any other; or with a unit of measure glued to it
 * ("1TB", "120Hz", "5000mAh", "3nm", "60fps"): a quantity, what a product has, not what a
 * story is about ("iCloud storage: 1TB → 2TB"). w is lower-case. Not "5g" (a network), "4k"
 * (a format), nor a chip's or model's name ("m2", "h100", which start with letters). */
static int
suffixed_number(const char *w)
{
	static const char *const suffixes[] = {"st",  "nd",  "rd",  "th",  "am",   "pm",   "kb",   "mb",  "gb", "tb",
	                                       "pb",  "kib", "mib", "gib", "tib",  "hz",   "khz",  "mhz", "ghz", "ms",
	                                       "fps", "mah", "wh",  "kwh", "mm",   "cm",   "km",   "nm",  "mp", "px",
	                                       "dpi", "ppi", "kbps", "mbps", "gbps", "tbps"};
	size_t digits = strspn(w, "0123456789.,");
	if (digits == 0)
		return 0;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (strcmp(w + digits, suffixes[i]) == 0)
			return 1;
	return 0;
}

/* A word that can be a keyword: three characters or more, two letters or more (any script), not a
 * function word of English or of the article's language, not generic, not a version with a
 * pre-release tag ("4.0rc1", "2.0b1": its letters made it pass as a word; a version is what
 * changed, never the topic), not an ordinal, a time or a quantity ("8th", "2am", "1TB"). */
int
kws_usable_word(const struct text_iter *it, enum lang lang)
{
	if (it->is_cjk || it->len < 3 || lang_is_stopword(lang, it->word) || kw_is_generic(it->word))
		return 0;
	if (is_ascii_digit((unsigned char)it->word[0]) &&
	    (text_has_version(it->word) || suffixed_number(it->word)))
		return 0;
	int letters = 0, chars = 0;
	for (size_t i = 0; i < it->len; chars++) {
		uint32_t cp;
		size_t n = utf8_decode(it->word + i, it->len - i, &cp);
		letters += utf8_is_letter(cp);
		i += n ? n : 1;
	}
	return letters >= 2 && chars >= 3; /* bytes would let Cyrillic "из" and Urdu "کے" through */
}

/* The first code point of s[0..len) is an upper-case letter ("Über", "Rust"). */
int
kws_starts_upper(const char *s, size_t len)
{
	uint32_t cp;
	return len && utf8_decode(s, len, &cp) && utf8_is_upper(cp);
}

/* The first code point of s[0..len) is a lower-case letter. */
static int
starts_lower(const char *s, size_t len)
{
	uint32_t cp;
	return len && utf8_decode(s, len, &cp) && utf8_is_lower(cp);
}

static int
is_cjk_stop(uint32_t cp)
{
	char tmp[8];
	size_t n = utf8_encode(cp, tmp);
	tmp[n] = '\0';
	return strstr(cjk_stop_chars, tmp) != NULL;
}

#define CJK_PAIRS_MAX 512 /* two-character words of the lists below and the lexicon */

/* Two-character words as keys a << 32 | b of their code points, sorted: looked up once per
 * character pair of every CJK run, so a binary search over integers, not a walk over strings.
 * generic_pairs: cjk_generic; word_pairs: those, cjk_words and the lexicon's CJK terms. Built
 * once per process (pthread_once: the pre-scorer builds keyword indexes on threads). */
struct pair_set {
	uint64_t keys[CJK_PAIRS_MAX];
	size_t count;
};
static struct pair_set generic_pairs, word_pairs;

static int
cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* Add w to set when it is two code points long. */
static void
pair_set_add(struct pair_set *set, const char *w)
{
	uint32_t a, b;
	size_t len = strlen(w), n = utf8_decode(w, len, &a);
	if (n == 0 || n >= len)
		return;
	size_t m = utf8_decode(w + n, len - n, &b);
	if (m == 0 || n + m != len || set->count == CJK_PAIRS_MAX)
		return;
	set->keys[set->count++] = (uint64_t)a << 32 | b;
}

static void
build_pair_sets(void)
{
	for (size_t i = 0; i < sizeof cjk_generic / sizeof cjk_generic[0]; i++) {
		pair_set_add(&generic_pairs, cjk_generic[i]);
		pair_set_add(&word_pairs, cjk_generic[i]);
	}
	for (size_t i = 0; i < sizeof cjk_words / sizeof cjk_words[0]; i++)
		pair_set_add(&word_pairs, cjk_words[i]);
	size_t count;
	const struct lexicon_entry *lex = lexicon_cjk(&count);
	for (size_t i = 0; i < count; i++)
		pair_set_add(&word_pairs, lex[i].term);
	qsort(generic_pairs.keys, generic_pairs.count, sizeof generic_pairs.keys[0], cmp_u64);
	qsort(word_pairs.keys, word_pairs.count, sizeof word_pairs.keys[0], cmp_u64);
}

/* True when the code points a, b are one of set's two-character words. */
static int
pair_in(const struct pair_set *set, uint32_t a, uint32_t b)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, build_pair_sets);
	uint64_t key = (uint64_t)a << 32 | b;
	return bsearch(&key, set->keys, set->count, sizeof set->keys[0], cmp_u64) != NULL;
}

/* Hiragana (U+3040..U+309F) writes Japanese grammar: particles and the endings of verbs and
 * adjectives ("している", "化して", "使ってい"). Japanese topics are kanji compounds and katakana
 * loanwords (暗号化, アプリ), so hiragana works like a function character: no n-gram holds
 * one, and one next to a run of kanji marks a word's edge. */
static int
is_hiragana(uint32_t cp)
{
	return cp >= 0x3040 && cp <= 0x309F;
}

/* Katakana (U+30A0..U+30FF, with the long-vowel mark ー) spells loanwords, often longer than
 * four characters (エンジニア, セキュリティ): an n-gram must not cut one. */
static int
is_katakana(uint32_t cp)
{
	return cp >= 0x30A0 && cp <= 0x30FF;
}

#define KATAKANA_WORD_MAX 16 /* characters of a katakana word kept as one term */

/* A word with an adjective's or adverb's ending, or a verb's (-ing, -ed): it weighs less as a
 * keyword, and opens no name at a headline's start ("Announcing FeedMail"). */
int
kws_adjective_like(const char *w)
{
	static const char *const suffixes[] = {"able", "ible", "ful", "ous", "ive", "ly", "less", "ish", "ing", "ed"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (str_ends(w, suffixes[i]))
			return 1;
	return 0;
}

/* True when the word at start opens a sentence (so its capital says nothing): after . ! ? : or
 * a line break, and after an ellipsis written as one character as after "..." ("from my talk
 * today… Continue reading"). */
int
kws_sentence_initial(const char *base, const char *start)
{
	const char *p = start;
	while (p > base && (is_ascii_space((unsigned char)p[-1]) || p[-1] == '"' || p[-1] == '(' || p[-1] == '\'' ||
	                    (unsigned char)p[-1] >= 0x80)) {
		if (p - base >= 3 && memcmp(p - 3, "\u2026", 3) == 0)
			return 1;
		p--;
	}
	return p == base || p[-1] == '.' || p[-1] == '!' || p[-1] == '?' || p[-1] == ':' || p[-1] == '\n';
}

/* The word at start opens a quotation or an aside: right after an opening quote mark or a
 * parenthesis (a quoted headline, “How Google’s Pixel Buds will …”, capitalises its first word). */
static int
opens_quote(const char *base, const char *start)
{
	const unsigned char *p = (const unsigned char *)start, *b = (const unsigned char *)base;
	if (p > b && (p[-1] == '"' || p[-1] == '\'' || p[-1] == '(' || p[-1] == '['))
		return 1;
	if (p - b >= 3 && p[-3] == 0xE2 && p[-2] == 0x80 && (p[-1] == 0x9C || p[-1] == 0x98)) /* “ ‘ */
		return 1;
	return p - b >= 2 && p[-2] == 0xC2 && p[-1] == 0xAB; /* « */
}

/* Mixed case after the first letter ("GitHub", "MFA", "iPad") marks a name wherever it is. */
int
kws_inner_upper(const char *start, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (start[i] >= 'A' && start[i] <= 'Z')
			return 1;
	return start[0] >= 'a' && start[0] <= 'z' && len > 1 && start[1] >= 'A' && start[1] <= 'Z';
}

/* Written with a capital: at its start ("Rust") or inside, in mixed case ("iPhone"). */
int
kws_capitalised(const char *s, size_t len)
{
	return kws_starts_upper(s, len) || kws_inner_upper(s, len);
}

/* A word in capitals longer than an acronym ("CONGRATULATIONS", "EXECUTIVE" of a heading):
 * shouted or a heading's, not a name; it counts as the word in lower case. In a title only
 * when it has two such words or no lower case at all ("PROFESOR/A TÉCNICO/A (INGENIE. …)"):
 * one among words in lower case is an identifier or a name ("my HMODULE", "NVIDIA ships"). */
int
kws_shouted(const char *s, size_t len)
{
	size_t letters = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	return letters > 5;
}

/* True when s[0..len) has an upper-case letter (so its spelling is worth keeping). */
static int
has_upper(const char *s, size_t len)
{
	return utf8_has(s, len, utf8_is_upper);
}

/* True when s[0..len) has a lower-case letter (a name in mixed case, not an acronym or shouting). */
static int
has_lower(const char *s, size_t len)
{
	return utf8_has(s, len, utf8_is_lower);
}

/* Whether a title's long words in capitals are shouting (see shouted): it has two of them,
 * or no ASCII lower-case letter. */
static int
title_shouts(const char *s, size_t len)
{
	int has_lower = 0, shouts = 0;
	for (size_t i = 0; i < len; i++)
		has_lower |= s[i] >= 'a' && s[i] <= 'z';
	struct text_iter it;
	text_iter_init(&it, s, len);
	while (shouts < 2 && text_next(&it))
		shouts += !it.is_cjk && kws_shouted(it.start, (size_t)(it.stem_end - it.start));
	return shouts >= 2 || !has_lower;
}

/* Whether a title is written in Title Case: three or more of its words of four letters or more
 * begin with a capital, and at most one does not ("Designing the Worst Volume Sliders Possible").
 * Such a title capitalises words that start no name; one in sentence case capitalises names. */
int
kws_title_cased(const char *s, size_t len)
{
	int upper = 0, lower = 0;
	struct text_iter it;
	text_iter_init(&it, s, len);
	while (text_next(&it)) {
		size_t raw = (size_t)(it.stem_end - it.start);
		if (it.is_cjk || it.len < 3)
			continue;
		upper += kws_starts_upper(it.start, raw);
		lower += starts_lower(it.start, raw);
	}
	return upper >= 3 && lower <= 1;
}

/* A CJK run longer than CJK_RUN_MAX is read in windows of it that overlap by CJK_RUN_KEEP
 * characters, enough for the longest katakana word and a 4-gram with its neighbours. */
#define CJK_RUN_KEEP (KATAKANA_WORD_MAX + 1)

/* Report the n-grams (and whole katakana words) of one window cps[0..n) of a CJK run. from: 1
 * when the window continues the previous one (whose last CJK_RUN_KEEP characters are its
 * first), so what starts at 0 was reported then; 0 when the run starts here. more: the run
 * goes on past the window, so only what starts at n - CJK_RUN_KEEP or before is reported (the
 * next window reports the rest) and the window's end is no word boundary. */
static void
emit_cjk_run(const uint32_t *cps, size_t n, size_t from, int more, int in_title, occ_fn fn,
             void *ctx)
{
	/* Each character and each pair of neighbours is looked up once, not once per n-gram:
	 * is_stop[i]: a function character (or hiragana: 通信を暗号化して is 通信 | 暗号化);
	 * generic[i]: cps[i] cps[i + 1] is a generic word; inside_word[i]: they are one word (a
	 * generic, common or lexicon word, or katakana), so no n-gram ends between them, which
	 * would cut it in half ("正式发" of "正式发布", "エンジニ" of "エンジニア"). */
	int is_stop[CJK_RUN_MAX], generic[CJK_RUN_MAX], inside_word[CJK_RUN_MAX];
	for (size_t i = 0; i < n; i++) {
		is_stop[i] = is_cjk_stop(cps[i]) || is_hiragana(cps[i]);
		generic[i] = i + 1 < n && pair_in(&generic_pairs, cps[i], cps[i + 1]);
		inside_word[i] = i + 1 < n && ((is_katakana(cps[i]) && is_katakana(cps[i + 1])) ||
		                               pair_in(&word_pairs, cps[i], cps[i + 1]));
	}
	size_t to = more ? n - CJK_RUN_KEEP + 1 : n; /* n-grams starting before `to` */
	for (size_t i = from; i < to; i++)
		for (size_t k = 2; k <= 4 && i + k <= n; k++) {
			/* n-grams from i grow by one character: the new one, or the pair it ends, is a
			 * function character or a generic word, which every longer n-gram holds too */
			if ((k == 2 && is_stop[i]) || is_stop[i + k - 1] || generic[i + k - 2])
				break;
			if ((i > 0 && inside_word[i - 1]) || inside_word[i + k - 1])
				continue;
			char buf[24];
			size_t len = 0;
			for (size_t j = i; j < i + k; j++)
				len += utf8_encode(cps[j], buf + len);
			buf[len] = '\0';
			/* Edges (the run's ends, or a function character next to it) mark word boundaries:
			 * "的推理成本。" has both, "型推理成" in "模型推理成本" has neither. */
			int left = i == 0 || is_stop[i - 1];
			int right = i + k == n ? !more : is_stop[i + k];
			struct occ o = {buf, len, T_CJK, in_title, left, right, 0, NULL, 0, 0, 0};
			fn(ctx, &o);
		}
	/* Katakana words longer than the n-grams, whole; one that starts at 0 in a continued
	 * window or runs into the next window is the other window's (or too long). */
	for (size_t a = 0; a < n;) {
		size_t b = a;
		while (b < n && is_katakana(cps[b]))
			b++;
		if (b - a > 4 && b - a <= KATAKANA_WORD_MAX && a >= from && a < to && !(more && b == n)) {
			char buf[4 * KATAKANA_WORD_MAX + 1];
			size_t len = 0;
			for (size_t j = a; j < b; j++)
				len += utf8_encode(cps[j], buf + len);
			buf[len] = '\0';
			struct occ o = {buf, len, T_CJK, in_title, 1, 1, 0, NULL, 0, 0, 0};
			fn(ctx, &o);
		}
		a = b > a ? b : a + 1;
	}
}

/* CJK runs of s as 2..4-character n-grams without function characters, and katakana words whole. */
static void
scan_cjk(const char *s, size_t len, int in_title, occ_fn fn, void *ctx)
{
	uint32_t cps[CJK_RUN_MAX];
	size_t n = 0, from = 0;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp = (unsigned char)*p;
		size_t step = 1;
		if (cp >= 0x80)
			step = utf8_decode(p, (size_t)(end - p), &cp);
		if (step == 0)
			step = 1;
		p += step;
		if (cp >= 0x80 && text_is_cjk(cp)) {
			if (n == CJK_RUN_MAX) { /* the run goes on: report this window, keep its tail */
				emit_cjk_run(cps, n, from, 1, in_title, fn, ctx);
				memmove(cps, cps + n - CJK_RUN_KEEP, CJK_RUN_KEEP * sizeof cps[0]);
				n = CJK_RUN_KEEP;
				from = 1;
			}
			cps[n++] = cp;
			continue;
		}
		if (n >= 2)
			emit_cjk_run(cps, n, from, 0, in_title, fn, ctx);
		n = 0;
		from = 0;
	}
	if (n >= 2)
		emit_cjk_run(cps, n, from, 0, in_title, fn, ctx);
}

/* "response.GetRows", "my_var": an identifier from pasted code, not a topic. */
int
kws_code_identifier(const char *start, size_t len)
{
	const char *dot = NULL;
	for (size_t i = 0; i < len; i++) {
		if (start[i] == '_')
			return 1;
		if (start[i] == '.')
			dot = start + i;
		else if (dot && start[i] >= 'A' && start[i] <= 'Z')
			return 1;
	}
	return 0;
}

/* One or two capital letters ("ID", "TV", "X"): an abbreviation that may end a name. A single
 * letter before a full stop is a person's initial ("Raghavendra Bhat M."), before an apostrophe
 * the start of a name ("Tom O'Neil"). */
static int
abbreviation(const char *s, size_t len)
{
	if (len < 1 || len > 2 || (len == 1 && (s[1] == '.' || s[1] == '\'' || strncmp(s + 1, "\u2019", 3) == 0)))
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* A word in capitals of two to five letters ("APFS", "WWDC", "EU"): an acronym. Two side by
 * side are two names ("the APFS WWDC session", "EU AI Act" of which "AI Act" is the name), not
 * one: an editor tags each. */
static int
acronym(const char *s, size_t len)
{
	return len >= 2 && len <= 5 && has_upper(s, len) && !has_lower(s, len);
}

/* One occurrence held back until the token after it is known (scan_article). */
struct pending {
	struct occ o;
	char term[2 * TEXT_WORD_MAX + 2];
	int set;
};

static void
pending_set(struct pending *pd, struct occ o)
{
	memcpy(pd->term, o.term, o.len + 1);
	o.term = pd->term;
	pd->o = o;
	pd->set = 1;
}

/* Count the held occurrence, if any; name_next: a capitalised word follows it, so it is part
 * of a longer name ("San" of "San Francisco", "CEO Sam" of "CEO Sam Altman"). */
static void
pending_flush(struct pending *pd, int name_next, occ_fn fn, void *ctx)
{
	if (!pd->set)
		return;
	pd->o.in_name |= name_next;
	fn(ctx, &pd->o);
	pd->set = 0;
}

/* Every term occurrence of a's title and text: usable words, adjacent pairs of them, CJK n-grams.
 * lang: a's language, LANG_COUNT when not known yet. */
void
kws_scan_article(const struct article *a, enum lang lang, occ_fn fn, void *ctx)
{
	const char *parts[2] = {a->title ? a->title : "", a->text ? a->text : ""};
	if (lang == LANG_COUNT)
		lang = lang_detect(parts[0], parts[1]);
	for (int p = 0; p < 2; p++) {
		size_t len = strlen(parts[p]);
		if (len > KW_TEXT_BYTES)
			len = utf8_prefix_chars(parts[p], KW_TEXT_BYTES, KW_TEXT_BYTES);
		struct text_iter it;
		text_iter_init(&it, parts[p], len);
		int may_shout = p == 1 || title_shouts(parts[p], len);
		int sentence_case = p == 0 && !kws_title_cased(parts[p], len);
		char prev[TEXT_WORD_MAX + 1] = "";
		const char *prev_start = NULL;
		size_t prev_raw = 0;
		int prev_cap = 0, prev_tail = 0, prev_shout = 0, prev_head = 0;
		/* The token before this one, usable or not ("LM" of "LM Studio", "AI" of "EU AI Act"):
		 * where it ended and whether it was capitalised mid-sentence. */
		const char *tok_end = NULL;
		int tok_cap = 0;
		/* A word and a phrase wait for the next token before they are counted: whether a
		 * capitalised word follows tells that they are part of a longer name. */
		struct pending word = {0}, phrase = {0};
		const char *lead = NULL; /* the part's first word: a headline's verb ("Fix …", "Parse …") */
		while (text_next(&it)) {
			if (it.is_cjk) {
				pending_flush(&word, 0, fn, ctx);
				pending_flush(&phrase, 0, fn, ctx);
				prev[0] = '\0';
				tok_end = NULL;
				continue;
			}
			size_t raw = (size_t)(it.stem_end - it.start); /* the word as written, without a clitic */
			if (!lead)
				lead = it.start;
			int clitic = it.stem_end != it.p; /* "Alibaba's Qwen": the name ends at the clitic */
			/* Code identifiers too (term_score weighs them), but not a topic's name called as a
			 * function in code ("aes(x = hour)" of ggplot2), which the lexicon does not count either. */
			int ok = kws_usable_word(&it, lang) && !(text_is_call(&it) && lexicon_topic(it.word));
			int shout = may_shout && kws_shouted(it.start, raw);
			int cap = !shout && (kws_inner_upper(it.start, raw) ||
			                     (kws_starts_upper(it.start, raw) && !kws_sentence_initial(parts[p], it.start)));
			int lower = starts_lower(it.start, raw) && !kws_inner_upper(it.start, raw);
			int joined = tok_end != NULL; /* only spaces since the token before */
			for (const char *q = tok_end; joined && q < it.start; q++)
				joined = *q == ' ';
			int name_next = p == 1 && joined && cap; /* this token continues a capitalised run */
			pending_flush(&word, name_next, fn, ctx);
			pending_flush(&phrase, name_next, fn, ctx);
			int tail = name_next && tok_cap;
			int run_inner = joined && tok_cap; /* a capitalised token precedes this one */
			tok_end = it.p;
			tok_cap = cap;
			if (ok && !phrase_only(it.word))
				pending_set(&word, (struct occ){it.word, it.len, T_WORD, p == 0, p == 1 && cap, p == 1 && lower, tail,
				                                has_upper(it.start, raw) && !shout ? it.start : NULL, raw, 0, 0});
			/* Two usable words with only spaces between them form a phrase (prev is set only when
			 * the token before this one was a usable word), and so does a name in mixed case with
			 * its one- or two-letter abbreviation ("Face ID", "Apple TV", "iPhone X"), too short
			 * to be a word of its own, not to end a name. A name's common first word (name_head,
			 * below) forms one only with a capitalised word ("New Zealand", not "Person class"). */
			if (prev[0] && joined && (!prev_head || cap) && !(acronym(prev_start, prev_raw) && acronym(it.start, raw)) &&
			    (ok || (abbreviation(it.start, raw) && has_upper(prev_start, (size_t)(it.start - prev_start)) &&
			            has_lower(prev_start, (size_t)(it.start - prev_start))))) {
				char buf[2 * TEXT_WORD_MAX + 2];
				size_t pl = strlen(prev);
				memcpy(buf, prev, pl);
				buf[pl] = ' ';
				memcpy(buf + pl + 1, it.word, it.len + 1);
				size_t praw = (size_t)(it.stem_end - prev_start);
				int shown = has_upper(prev_start, praw) && !shout && !prev_shout;
				/* Two capitalised words side by side in a headline written in sentence case are a
				 * name ("Character actor Abe Vigoda has passed away", "Pearl Jam donates …"). */
				int title_name = sentence_case && shown && kws_capitalised(prev_start, prev_raw) && kws_capitalised(it.start, raw) &&
				                 (prev_start != lead || !kws_adjective_like(prev));
				pending_set(&phrase, (struct occ){buf, pl + 1 + it.len, T_PHRASE, p == 0, p == 1 && cap && prev_cap,
				                                  p == 1 && lower, prev_tail, shown ? prev_start : NULL, praw,
				                                  p == 0 && prev_start != lead, title_name});
			}
			/* A common word capitalised mid-sentence, first of a capitalised run, opens a name
			 * with the capitalised word after it ("New Zealand", "Whole Foods", "Time Warner",
			 * "World Series"), though it is no keyword on its own. Not as a quotation's first
			 * word (“How Google’s …”), nor inside a longer capitalised run ("Ingrid Goes West"). */
			int name_head = !ok && cap && !run_inner && !clitic && it.len >= 3 &&
			                kw_is_generic(it.word) && !opens_quote(parts[p], it.start);
			if (ok || name_head) {
				memcpy(prev, it.word, it.len + 1);
				prev_start = it.start;
				prev_raw = raw;
				prev_cap = cap;
				prev_tail = tail;
				prev_shout = shout;
				prev_head = name_head;
			} else {
				prev[0] = '\0';
			}
			if (clitic) { /* no phrase or name runs on past a possessive */
				prev[0] = '\0';
				tok_end = NULL;
			}
		}
		pending_flush(&word, 0, fn, ctx);
		pending_flush(&phrase, 0, fn, ctx);
		scan_cjk(parts[p], len, p == 0, fn, ctx);
	}
}
