/* keywords.c: document frequencies over a window and TF-IDF ranking of an article's terms:
 * single words, two-word phrases and CJK n-grams, with proper names and phrases preferred over
 * common words, generic words filtered and the source's own name excluded. */
#include "ai/offline/keywords.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/offline/lang.h"
#include "ai/offline/lexicon.h"
#include "ai/offline/text.h"
#include "util/hash.h"
#include "util/str.h"
#include "util/utf8.h"

/* Only the head of long articles is read: keywords come from what the piece is about, and the
 * bound keeps the window's cost linear in the number of articles. */
#define KW_TEXT_BYTES 12000
#define CJK_RUN_MAX 64  /* code points of one CJK run considered for n-grams */
#define CANDIDATES 24   /* best-scored terms kept before the overlap filter */

enum { T_WORD, T_PHRASE, T_CJK };

struct slot {
	const char *word;
	const char *surface; /* the article's own spelling when written with capitals ("GitHub", "Überwachung") */
	int in_title_surface; /* that spelling comes from the title */
	int count;      /* weighted occurrences (title x3) in the article, or df in the index */
	int body;       /* occurrences in the body */
	int cap_mid;    /* body occurrences capitalised in mid-sentence ("... by Taalas ...") */
	int lower;      /* body occurrences written in lower case */
	int in_name;    /* body occurrences inside a longer capitalised name ("Francisco" of "San
	                 * Francisco", "CEO Sam" of "CEO Sam Altman") */
	int in_title;
	int title_inner; /* a phrase the title holds past its first word (struct occ) */
	int title_name;  /* a name in a headline written in sentence case (struct occ) */
	int kind;
	int last_doc;   /* the document that last counted this term (for df) */
};

struct wordmap {
	struct slot *slots;
	size_t cap, used;
};

/* Document frequencies of a window's terms, by the term's 64-bit hash: a window of 16,000
 * articles holds ~250,000 distinct terms, and 16 bytes each without the strings (rather than
 * a struct slot and a copy of the word) is what keeps a daily at 3M items small. Two terms
 * with one hash would share a count; at 2^-64 per pair that is left to chance. */
struct df_entry {
	uint64_t hash;    /* 0 = empty (hash64_key is never 0) */
	uint32_t count;   /* articles that use the term */
	int32_t last_doc; /* the article that last counted it */
};

struct kw_index {
	struct df_entry *slots;
	size_t cap, used; /* cap a power of two, at most half used */
	size_t docs;
};

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

static void
map_init(struct wordmap *m, size_t cap, struct arena *arena)
{
	m->cap = cap;
	m->used = 0;
	m->slots = arena_alloc(arena, cap * sizeof *m->slots);
	memset(m->slots, 0, cap * sizeof *m->slots);
}

static struct slot *map_get(struct wordmap *m, const char *w, size_t len, struct arena *arena);

static void
map_grow(struct wordmap *m, struct arena *arena)
{
	struct wordmap bigger;
	map_init(&bigger, m->cap * 2, arena);
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].word) {
			struct slot *s = map_get(&bigger, m->slots[i].word, strlen(m->slots[i].word), NULL);
			*s = m->slots[i];
		}
	*m = bigger;
}

/* Find or insert w (copied into arena on insert; arena NULL = the caller guarantees w lives). */
static struct slot *
map_get(struct wordmap *m, const char *w, size_t len, struct arena *arena)
{
	if ((m->used + 1) * 2 > m->cap && arena)
		map_grow(m, arena);
	size_t i = (size_t)hash64(w, len, HASH_SEED) & (m->cap - 1);
	for (;; i = (i + 1) & (m->cap - 1)) {
		struct slot *s = &m->slots[i];
		if (!s->word) {
			memset(s, 0, sizeof *s);
			s->word = arena ? arena_strndup(arena, w, len) : w;
			s->last_doc = -1;
			m->used++;
			return s;
		}
		if (strncmp(s->word, w, len) == 0 && s->word[len] == '\0')
			return s;
	}
}

static const struct slot *
map_find(const struct wordmap *m, const char *w)
{
	size_t i = (size_t)hash64(w, strlen(w), HASH_SEED) & (m->cap - 1);
	for (;; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].word)
			return NULL;
		if (strcmp(m->slots[i].word, w) == 0)
			return &m->slots[i];
	}
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

/* A word that can be a keyword: three characters or more, two letters or more (any script), not a
 * function word of English or of the article's language, not generic, not a version with a
 * pre-release tag ("4.0rc1", "2.0b1": its letters made it pass as a word; a version is what
 * changed, never the topic). */
static int
usable_word(const struct text_iter *it, enum lang lang)
{
	if (it->is_cjk || it->len < 3 || lang_is_stopword(lang, it->word) || kw_is_generic(it->word))
		return 0;
	if (is_ascii_digit((unsigned char)it->word[0]) && text_has_version(it->word))
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
static int
starts_upper(const char *s, size_t len)
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
static int
adjective_like(const char *w)
{
	static const char *const suffixes[] = {"able", "ible", "ful", "ous", "ive", "ly", "less", "ish", "ing", "ed"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (str_ends(w, suffixes[i]))
			return 1;
	return 0;
}

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

/* True when the word at start opens a sentence (so its capital says nothing). */
static int
sentence_initial(const char *base, const char *start)
{
	const char *p = start;
	while (p > base && (is_ascii_space((unsigned char)p[-1]) || p[-1] == '"' || p[-1] == '(' || p[-1] == '\'' ||
	                    (unsigned char)p[-1] >= 0x80))
		p--;
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
static int
inner_upper(const char *start, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (start[i] >= 'A' && start[i] <= 'Z')
			return 1;
	return start[0] >= 'a' && start[0] <= 'z' && len > 1 && start[1] >= 'A' && start[1] <= 'Z';
}

/* Written with a capital: at its start ("Rust") or inside, in mixed case ("iPhone"). */
static int
capitalised(const char *s, size_t len)
{
	return starts_upper(s, len) || inner_upper(s, len);
}

/* A word in capitals longer than an acronym ("CONGRATULATIONS", "EXECUTIVE" of a heading):
 * shouted or a heading's, not a name; it counts as the word in lower case. In a title only
 * when it has two such words or no lower case at all ("PROFESOR/A TÉCNICO/A (INGENIE. …)"):
 * one among words in lower case is an identifier or a name ("my HMODULE", "NVIDIA ships"). */
static int
shouted(const char *s, size_t len)
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
		shouts += !it.is_cjk && shouted(it.start, (size_t)(it.stem_end - it.start));
	return shouts >= 2 || !has_lower;
}

/* Whether a title is written in Title Case: three or more of its words of four letters or more
 * begin with a capital, and at most one does not ("Designing the Worst Volume Sliders Possible").
 * Such a title capitalises words that start no name; one in sentence case capitalises names. */
static int
title_cased(const char *s, size_t len)
{
	int upper = 0, lower = 0;
	struct text_iter it;
	text_iter_init(&it, s, len);
	while (text_next(&it)) {
		size_t raw = (size_t)(it.stem_end - it.start);
		if (it.is_cjk || it.len < 3)
			continue;
		upper += starts_upper(it.start, raw);
		lower += starts_lower(it.start, raw);
	}
	return upper >= 3 && lower <= 1;
}

static void
emit_cjk_run(const uint32_t *cps, size_t n, int in_title, occ_fn fn, void *ctx)
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
	for (size_t i = 0; i < n; i++)
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
			int right = i + k == n || is_stop[i + k];
			struct occ o = {buf, len, T_CJK, in_title, left, right, 0, NULL, 0, 0, 0};
			fn(ctx, &o);
		}
	/* Katakana words longer than the n-grams, whole. */
	for (size_t a = 0; a < n;) {
		size_t b = a;
		while (b < n && is_katakana(cps[b]))
			b++;
		if (b - a > 4 && b - a <= KATAKANA_WORD_MAX) {
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
	size_t n = 0;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp = (unsigned char)*p;
		size_t step = 1;
		if (cp >= 0x80)
			step = utf8_decode(p, (size_t)(end - p), &cp);
		if (step == 0)
			step = 1;
		p += step;
		if (cp >= 0x80 && text_is_cjk(cp) && n < CJK_RUN_MAX) {
			cps[n++] = cp;
			continue;
		}
		if (n >= 2)
			emit_cjk_run(cps, n, in_title, fn, ctx);
		n = 0;
	}
	if (n >= 2)
		emit_cjk_run(cps, n, in_title, fn, ctx);
}

/* "response.GetRows", "my_var": an identifier from pasted code, not a topic. */
static int
code_identifier(const char *start, size_t len)
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
static void
scan_article(const struct article *a, enum lang lang, occ_fn fn, void *ctx)
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
		int sentence_case = p == 0 && !title_cased(parts[p], len);
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
			int ok = usable_word(&it, lang); /* code identifiers too: term_score weighs them */
			int shout = may_shout && shouted(it.start, raw);
			int cap = !shout && (inner_upper(it.start, raw) ||
			                     (starts_upper(it.start, raw) && !sentence_initial(parts[p], it.start)));
			int lower = starts_lower(it.start, raw) && !inner_upper(it.start, raw);
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
			if (prev[0] && joined && (!prev_head || cap) &&
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
				int title_name = sentence_case && shown && capitalised(prev_start, prev_raw) && capitalised(it.start, raw) &&
				                 (prev_start != lead || !adjective_like(prev));
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

/* The entry of hash h: its slot, or the empty slot where it belongs. */
static struct df_entry *
df_slot(struct df_entry *slots, size_t cap, uint64_t h)
{
	for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1))
		if (slots[i].hash == h || slots[i].hash == 0)
			return &slots[i];
}

/* Double the table (the old one is freed: growing in the run's arena would leave every
 * smaller table behind). */
static void
df_grow(struct kw_index *idx)
{
	size_t cap = idx->cap * 2;
	struct df_entry *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < idx->cap; i++)
		if (idx->slots[i].hash)
			*df_slot(slots, cap, idx->slots[i].hash) = idx->slots[i];
	free(idx->slots);
	idx->slots = slots;
	idx->cap = cap;
}

struct df_ctx {
	struct kw_index *idx;
	int doc;
};

static void
count_df(void *vctx, const struct occ *o)
{
	struct df_ctx *c = vctx;
	struct kw_index *idx = c->idx;
	if ((idx->used + 1) * 2 > idx->cap)
		df_grow(idx);
	uint64_t h = hash64_key(o->term, o->len);
	struct df_entry *e = df_slot(idx->slots, idx->cap, h);
	if (e->hash == 0) {
		*e = (struct df_entry){h, 0, -1};
		idx->used++;
	}
	if (e->last_doc != c->doc) {
		e->last_doc = c->doc;
		e->count++;
	}
}

struct kw_index *
kw_index_build(const struct article *articles, const enum lang *langs, size_t count)
{
	struct kw_index *idx = xcalloc(1, sizeof *idx);
	idx->cap = 1024;
	idx->slots = xcalloc(idx->cap, sizeof *idx->slots);
	idx->docs = count;
	for (size_t d = 0; d < count; d++) {
		struct df_ctx c = {idx, (int)d};
		scan_article(&articles[d], langs ? langs[d] : LANG_COUNT, count_df, &c);
	}
	return idx;
}

void
kw_index_free(struct kw_index *idx)
{
	if (!idx)
		return;
	free(idx->slots);
	free(idx);
}

/* The number of window articles that use the term w (0: none). */
static uint32_t
df_count(const struct kw_index *idx, const char *w)
{
	const struct df_entry *e = df_slot(idx->slots, idx->cap, hash64_key(w, strlen(w)));
	return e->hash ? e->count : 0;
}

struct tf_ctx {
	struct wordmap *tf;
	struct arena *arena;
	size_t body_words, body_caps; /* the body's words, and those capitalised mid-sentence */
};

static void
count_tf(void *vctx, const struct occ *o)
{
	struct tf_ctx *c = vctx;
	struct slot *s = map_get(c->tf, o->term, o->len, c->arena);
	if (o->kind == T_WORD && !o->in_title) {
		c->body_words++;
		c->body_caps += (size_t)o->cap_mid;
	}
	s->kind = o->kind;
	s->count += o->in_title ? 3 : 1;
	s->in_title |= o->in_title;
	s->title_inner |= o->title_inner;
	s->title_name |= o->title_name;
	s->body += !o->in_title;
	s->cap_mid += o->cap_mid; /* CJK: occurrences at a left word boundary */
	s->lower += o->lower;     /* CJK: occurrences at a right word boundary */
	s->in_name += o->in_name;
	/* The first capitalised spelling in the body (a title may be in Title Case), else the title's. */
	if (o->surface && o->surface_len <= 2 * TEXT_WORD_MAX + 1 && (!s->surface || (!o->in_title && s->in_title_surface))) {
		s->surface = arena_strndup(c->arena, o->surface, o->surface_len);
		s->in_title_surface = o->in_title;
	}
}

/* A name: capitalised mid-sentence in the body and never written in lower case there. */
static int
is_proper(const struct slot *s)
{
	return s->kind != T_CJK && s->cap_mid > 0 && s->lower == 0;
}

/* The words of an article's source name and host ("Krebs on Security", krebsonsecurity.com),
 * read once per article: every candidate term is checked against them. */
#define SOURCE_WORDS_MAX 64 /* words beyond are not checked (a name and host have a handful) */

struct source_words {
	char word[SOURCE_WORDS_MAX][TEXT_WORD_MAX + 1];
	int in_host[SOURCE_WORDS_MAX];
	size_t count;
};

static void
source_words_read(const struct article *a, struct source_words *sw)
{
	const char *names[2] = {a->source_name, a->source_url};
	sw->count = 0;
	for (int i = 0; i < 2; i++) {
		if (!names[i])
			continue;
		struct text_iter it;
		text_iter_init(&it, names[i], strlen(names[i]));
		while (text_next(&it) && sw->count < SOURCE_WORDS_MAX) {
			memcpy(sw->word[sw->count], it.word, it.len + 1);
			sw->in_host[sw->count++] = i == 1;
		}
	}
}

/* Words of the source's name and host are never keywords. */
static int
names_source(const struct source_words *sw, const char *term)
{
	size_t tl = strlen(term);
	for (size_t i = 0; i < sw->count; i++) {
		if (strcmp(sw->word[i], term) == 0)
			return 1;
		/* "krebsonsecurity" in the host contains "krebs"; only for words of 5+ letters. */
		if (sw->in_host[i] && tl >= 5 && strstr(sw->word[i], term) && !strchr(term, ' '))
			return 1;
	}
	return 0;
}

/* A plural whose singular the article also uses counts as the singular ("prompts" -> "prompt"). */
static void
merge_plurals(struct wordmap *tf)
{
	for (size_t i = 0; i < tf->cap; i++) {
		struct slot *s = &tf->slots[i];
		size_t n = s->word ? strlen(s->word) : 0;
		if (n < 5 || s->kind != T_WORD || s->word[n - 1] != 's' || s->word[n - 2] == 's' || is_proper(s))
			continue;
		char sing[TEXT_WORD_MAX + 1];
		memcpy(sing, s->word, n - 1);
		sing[n - 1] = '\0';
		struct slot *t = (struct slot *)map_find(tf, sing);
		if (!t || t->kind != T_WORD || t == s)
			continue;
		t->count += s->count;
		t->body += s->body;
		t->in_title |= s->in_title;
		t->lower += s->lower;
		s->count = 0;
	}
}

/* A two-word name the body uses once ("Ron Rivest", "Task Scheduler") is a topic like one it
 * repeats, where capitals mark names: not in German, whose nouns are all capitalised ("Hersteller
 * Landspace"), and not when every use of it sits inside a longer run of capitalised words ("CEO
 * Sam" of "CEO Sam Altman", "Ian Lance" of "Ian Lance Taylor"), which a pair would cut. */
static int
name_phrase(const struct slot *s, enum lang lang)
{
	return lang != LANG_DE && s->in_name < s->body;
}

/* A word spelt like an identifier of code: lower camel case (a lower-case run of two letters
 * or more, then a capital and a lower-case letter: "itemsPerPage", "thePath") or three capitals
 * each right after a lower-case letter or ending an acronym ("ThereIsNoCutlery",
 * "CTFontManagerRegisterFontsForURL", "NSFontSizeAttribute": "UIFont" and "SQLite" join fewer).
 * Names are shorter ("iPhone", "eBay"), end in capitals ("macOS", "watchOS") or join fewer parts
 * ("JavaScript", "OpenStreetMap", "LifeProTips"). Every word of a phrase is checked. */
static int
code_spelling(const char *s)
{
	for (const char *w = s; *w;) {
		size_t i = 0;
		while (w[i] >= 'a' && w[i] <= 'z')
			i++;
		if (i >= 2 && w[i] >= 'A' && w[i] <= 'Z' && w[i + 1] >= 'a' && w[i + 1] <= 'z')
			return 1;
		int humps = 0; /* a capital right after a lower-case letter, or after an acronym ("NSFont") */
		for (i = 0; w[i] && w[i] != ' '; i++)
			humps += i > 0 && w[i] >= 'A' && w[i] <= 'Z' &&
			         ((w[i - 1] >= 'a' && w[i - 1] <= 'z') ||
			          (w[i - 1] >= 'A' && w[i - 1] <= 'Z' && w[i + 1] >= 'a' && w[i + 1] <= 'z'));
		if (humps >= 3)
			return 1;
		w += i;
		while (*w == ' ')
			w++;
	}
	return 0;
}

/* True when a dotted word has a part of one letter ("r.l", "u.s"): initials, no identifier. */
static int
initials(const char *w)
{
	size_t part = 0;
	for (const char *p = w;; p++) {
		if (*p == '.' || !*p) {
			if (part == 1)
				return 1;
			if (!*p)
				return 0;
			part = 0;
		} else {
			part++;
		}
	}
}

static double
term_score(const struct kw_index *idx, const struct slot *s, enum lang lang, int caps_mark_names)
{
	/* A variable from a post's code is no topic; a name spelt so ("rssCloud", "remoteStorage")
	 * is one when the headline uses it. */
	if (s->kind != T_CJK && s->surface && !s->in_title && code_spelling(s->surface))
		return 0;
	/* An identifier of code ("hardened_malloc", "crypto.GenerateRandomBytes") is the topic
	 * when the headline names it, alone: not in a phrase, not in the body only, and not a
	 * name's initials ("R.L. Stine"). */
	if (s->kind != T_CJK && (strchr(s->word, '_') || (s->surface && code_identifier(s->surface, strlen(s->surface)))) &&
	    (!s->in_title || s->kind == T_PHRASE || initials(s->word)))
		return 0;
	uint32_t n = df_count(idx, s->word);
	double df = n > 0 ? n : 1;
	/* A title word that the body never uses is the headline's wording, not the topic. */
	double tf = s->body > 0 || is_proper(s) ? s->count : 1.5;
	if (s->kind == T_CJK)
		tf = s->body > 0 ? s->count : 1.5;
	double score = (1.0 + log(tf)) * log(1.0 + (double)idx->docs / df);
	if (s->kind == T_WORD) {
		/* The last word of a longer name wherever the body uses it ("Francisco" of "San
		 * Francisco", "Studio" of "LM Studio", "Act" of "EU AI Act") is a fragment, not a topic:
		 * the name itself is the phrase, when it qualifies. */
		if (caps_mark_names && is_proper(s) && !s->in_title && s->body > 0 && s->in_name == s->body)
			return 0;
		if (is_proper(s))
			score *= 1.8;
		else if (adjective_like(s->word))
			score *= 0.55;
	} else if (s->kind == T_PHRASE) {
		/* A phrase counts when the body repeats it, or a name ("Hugging Face") in title and body,
		 * or the title holds it past its first word and the body uses it ("Allison Sullivan on
		 * the Benefits of Unit Tests …": "unit tests"; a headline's first word is often its verb,
		 * "Parse podcast categories"). Used once only, it weighs as a word: "in-ear earphones"
		 * does not push out "earphones", which the body says again and again. */
		if (s->body < 2 && !(s->title_inner && s->body >= 1) && !(s->title_name && s->body == 0) &&
		    !(is_proper(s) && s->body >= 1 && (s->in_title || (caps_mark_names && name_phrase(s, lang)))))
			return 0;
		score *= is_proper(s) ? 2.2 : s->body < 2 ? 1.0 : 1.4;
	} else {
		size_t chars = utf8_count(s->word, strlen(s->word));
		if (s->count < 2)
			return 0;
		score *= chars == 2 ? 1.0 : chars == 3 ? 1.2 : 1.35;
		score *= 1.0 + (s->cap_mid > 0 ? 0.3 : 0) + (s->lower > 0 ? 0.3 : 0);
	}
	return score;
}

/* True when a and b share a word (ASCII) or one contains the other (CJK). */
static int
overlaps(const char *a, const char *b)
{
	if (strstr(a, b) || strstr(b, a)) {
		if ((unsigned char)*a >= 0x80 || (unsigned char)*b >= 0x80)
			return 1;
	}
	struct text_iter x, y;
	text_iter_init(&x, a, strlen(a));
	while (text_next(&x)) {
		text_iter_init(&y, b, strlen(b));
		while (text_next(&y))
			if (strcmp(x.word, y.word) == 0)
				return 1;
	}
	return 0;
}

/* True when term overlaps one of out[0..m) (overlaps). */
static int
overlaps_any(const char *const *out, size_t m, const char *term)
{
	for (size_t j = 0; j < m; j++)
		if (overlaps(out[j], term))
			return 1;
	return 0;
}

struct scored {
	const char *word;
	const char *display;
	double score;
};

/* True when phrase is two words and word one of them ("unit tests", "tests"). */
static int
phrase_of(const char *phrase, const char *word)
{
	const char *sp = strchr(phrase, ' ');
	size_t wl = strlen(word);
	if (!sp || strchr(word, ' '))
		return 0;
	return ((size_t)(sp - phrase) == wl && strncmp(phrase, word, wl) == 0) || strcmp(sp + 1, word) == 0;
}

/* How a term is shown: a name in the article's own spelling ("Taalas", "GitHub", "Überwachung"),
 * anything else in lower case ("inference"). */
static const char *
display_form(const struct slot *s)
{
	if (s->kind == T_CJK || !s->surface)
		return s->word;
	/* A name, a mixed-case word ("GitHub"), or a word the article never writes in lower case
	 * ("Taalas" at the start of its only sentence, a German noun). */
	if (is_proper(s) || s->lower == 0 || (s->kind == T_WORD && inner_upper(s->surface, strlen(s->surface))))
		return s->surface;
	return s->word;
}

#define HEAD_MAX_BYTES 48 /* "Mac Power Users #336", "Red Dead Redemption 2": a name, not a clause */
#define HEAD_MAX_WORDS 4

/* A headline's name as the other terms are kept, lower case, built word by word (title_head,
 * title_product). */
struct head_words {
	char text[HEAD_MAX_BYTES + 1];
	size_t len;
};

/* Append the word w (wl bytes) to h: 0, or -1 when the name would be too long. */
static int
head_append(struct head_words *h, const char *w, size_t wl)
{
	if (h->len + 1 + wl + 1 > sizeof h->text)
		return -1;
	if (h->len)
		h->text[h->len++] = ' ';
	memcpy(h->text + h->len, w, wl);
	h->len += wl;
	h->text[h->len] = '\0';
	return 0;
}

/* True when s[0..len) holds an ASCII digit ("2", "v1"): such a word may stand in a name
 * without a capital ("Red Dead Redemption 2"). */
static int
has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (is_ascii_digit((unsigned char)s[i]))
			return 1;
	return 0;
}

/* A trailing episode or issue number of a series' head ("#336", "603", "KVM Forum 2024"): two
 * digits or more, or any number after '#'. A single digit stays: it is part of the name ("Red
 * Dead Redemption 2"). */
static int
episode_number(const char *start, size_t raw)
{
	if (start[-1] == '#')
		return 1;
	for (size_t i = 0; i < raw; i++)
		if (!is_ascii_digit((unsigned char)start[i]))
			return 0;
	return raw >= 2;
}

/* The subject a headline names before its colon, when it is a name: "Star Wars: Boba-Fett-Film
 * ist tot", "Tom Waits: Sänger lässt den Teufel raus", "Mac Power Users #336: iPhone
 * Productivity" (the series, without its number). A reader tags the story with it; as separate
 * words the name falls apart ("Wars", "Tom") or never counts, since a phrase needs the body to
 * repeat it. A name is one to four words, only spaces between them, every one capitalised (or
 * mixed case, or with a digit), none a function word, the first no generic word ("Code Health"
 * and "First Look" are none), one at least a usable word; a single word must also be a name
 * where the body uses it (capitalised mid-sentence, never in lower case), mixed case or all
 * capitals: a label heads many a feed's titles ("Link:", "Sponsor:", "Doc:") and is none.
 * Written into out (cap bytes) in the title's spelling; returns its length, 0 when the title
 * has no such head. */
static size_t
title_head(const char *title, enum lang lang, const struct wordmap *tf, const struct source_words *sw, char *out,
           size_t cap)
{
	const char *colon = title ? strstr(title, ": ") : NULL;
	if (!colon || colon == title || (size_t)(colon - title) > HEAD_MAX_BYTES || !colon[2])
		return 0;
	struct text_iter it;
	text_iter_init(&it, title, (size_t)(colon - title));
	const char *first = NULL, *last_end = NULL, *prev_end = NULL;
	size_t words = 0;
	int named = 0;
	struct head_words lower = {"", 0};
	while (text_next(&it)) {
		size_t raw = (size_t)(it.stem_end - it.start);
		if (it.is_cjk || it.stem_end != it.p)
			return 0; /* CJK has no capitals to tell a name by; a possessive is a phrase */
		for (const char *q = prev_end ? prev_end : title; q < it.start; q++)
			if (*q != ' ' && !(*q == '#' && q + 1 == it.start && prev_end))
				return 0; /* "Linux, BSD", "(Update)", a leading "[Sponsor]" */
		if (prev_end && episode_number(it.start, raw) && it.p == colon) {
			prev_end = it.p;
			break; /* the series' number ends the head */
		}
		/* A generic word may name something in company ("Mac Power Users") but never leads
		 * a name ("First Look", "Best MacBook"). */
		if (++words > HEAD_MAX_WORDS || lang_is_stopword(lang, it.word) || (words == 1 && kw_is_generic(it.word)))
			return 0;
		if (!capitalised(it.start, raw) && !has_digit(it.start, raw))
			return 0;
		named |= usable_word(&it, lang);
		if (!first)
			first = it.start;
		if (head_append(&lower, it.word, it.len) < 0)
			return 0;
		last_end = it.stem_end;
		prev_end = it.p;
	}
	if (!first || !named || (prev_end != colon && last_end != colon) || names_source(sw, lower.text))
		return 0;
	size_t len = (size_t)(last_end - first);
	if (words == 1) {
		const struct slot *s = map_find(tf, lower.text);
		if (!(s && is_proper(s)) && !inner_upper(first, len) && !shouted(first, len))
			return 0;
	}
	if (len + 1 > cap)
		return 0;
	memcpy(out, first, len);
	out[len] = '\0';
	return len;
}

/* A word that numbers what follows it ("Version 1.2 of …", "Chapter 3", "Season 2"): no name. */
static int
numbering_word(const char *w)
{
	static const char *const words[] = {"beta", "build", "chapter", "edition", "episode", "issue", "part",
	                                    "patch", "phase", "release", "revision", "round", "season", "update",
	                                    "version", "volume"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/* The product a release headline opens with, before its version: "PCLinuxOS 2009.2 released",
 * "Palm Pre 1.0.4 update", "Kaspersky Mobile Security 8.0 release" after a colon,
 * "fortify-headers 2.1". One to four words from the title's start (or right after its colon) to
 * the version, only spaces between them, each capitalised (or mixed case, or with a digit),
 * but for a single word, which may be in lower case ("mat2 0.13.4"). Not a clause ("Taalas serves
 * Llama 3.1" is no release of Taalas), no function, generic or numbering word first ("Version 1.2
 * of …"), one word at least usable. Written into out (cap bytes) in the title's spelling; 0 when
 * there is none. */
static size_t
title_product(const char *title, enum lang lang, const struct source_words *sw, char *out, size_t cap)
{
	if (!title)
		return 0;
	const char *starts[2] = {title, NULL};
	const char *colon = strstr(title, ": ");
	if (colon)
		starts[1] = colon + 2;
	for (int k = 0; k < 2 && starts[k]; k++) {
		struct text_iter it;
		text_iter_init(&it, starts[k], strlen(starts[k]));
		const char *first = NULL, *last_end = NULL, *prev_end = starts[k];
		size_t words = 0;
		int all_named = 1, named = 0;
		struct head_words lower = {"", 0};
		while (text_next(&it)) {
			for (const char *q = prev_end; q < it.start; q++)
				if (*q != ' ')
					goto next_start;
			if (it.is_cjk || it.stem_end != it.p)
				break;
			if (text_has_version(it.word)) {
				if (!first || !named || (!all_named && words > 1) || names_source(sw, lower.text))
					break;
				size_t len = (size_t)(last_end - first);
				if (len + 1 > cap)
					break;
				memcpy(out, first, len);
				out[len] = '\0';
				return len;
			}
			size_t raw = (size_t)(it.stem_end - it.start);
			if (++words > HEAD_MAX_WORDS || lang_is_stopword(lang, it.word) ||
			    (words == 1 && (kw_is_generic(it.word) || numbering_word(it.word))) ||
			    head_append(&lower, it.word, it.len) < 0)
				break;
			all_named &= capitalised(it.start, raw) || has_digit(it.start, raw);
			named |= usable_word(&it, lang);
			if (!first)
				first = it.start;
			last_end = it.stem_end;
			prev_end = it.p;
		}
	next_start:;
	}
	return 0;
}

/* The name two words make together where the body writes them side by side, in either order
 * and both capitalised, and not only inside a longer name (name_phrase: so not in German, whose
 * nouns all have capitals): "Andreas Zeller" for "zeller" and "andreas"; NULL when it does not. */
static const struct slot *
name_of(const struct wordmap *tf, const struct slot *x, const struct slot *y, enum lang lang)
{
	char buf[2 * TEXT_WORD_MAX + 2];
	for (int k = 0; k < 2; k++) {
		const struct slot *a = k ? y : x, *b = k ? x : y;
		size_t al = strlen(a->word), bl = strlen(b->word);
		if (al + 1 + bl + 1 > sizeof buf)
			return NULL;
		memcpy(buf, a->word, al);
		buf[al] = ' ';
		memcpy(buf + al + 1, b->word, bl + 1);
		/* Written so in the body, both words capitalised (a title may be in Title Case). */
		const struct slot *p = map_find(tf, buf);
		if (p && p->kind == T_PHRASE && p->surface && !p->in_title_surface && name_phrase(p, lang) &&
		    !strchr(p->word, '_') && !code_identifier(p->surface, strlen(p->surface)) &&
		    starts_upper(p->surface, al) &&
		    capitalised(p->surface + al + 1, bl))
			return p;
	}
	return NULL;
}

/* The name the headline gives a taken word in full, where the body writes it so too: "Apple
 * Pencil" for "pencil" ("… Navigate iPad UI With Apple Pencil"), "Brian Merchant" for "merchant"
 * (a review that names the author once, then by surname). A name the body only capitalises at a
 * sentence's start, or writes in lower case, is none. The most used such name; NULL when none. */
static const struct slot *
title_name_of(const struct wordmap *tf, const struct slot *w, enum lang lang)
{
	const struct slot *best = NULL;
	for (size_t i = 0; i < tf->cap; i++) {
		const struct slot *p = &tf->slots[i];
		if (!p->word || p->kind != T_PHRASE || !p->in_title || p->body < 1 || !is_proper(p) ||
		    !name_phrase(p, lang) || !phrase_of(p->word, w->word))
			continue;
		if (!best || p->count > best->count || (p->count == best->count && strcmp(p->word, best->word) < 0))
			best = p;
	}
	return best;
}

size_t
kw_top(const struct kw_index *idx, const struct article *a, enum lang lang, const char **out, size_t max,
       struct arena *arena)
{
	struct arena scratch = ARENA_INIT;
	struct wordmap tf;
	map_init(&tf, 256, &scratch);
	struct tf_ctx c = {&tf, &scratch, 0, 0};
	scan_article(a, lang, count_tf, &c);
	merge_plurals(&tf);
	/* Capitals mark names only in running prose: a short text, or one written in Title Case
	 * (a headline used as the text: "Why Tech Needs Personalization"), capitalises words that
	 * are no names, and longer runs of them say nothing about a name's extent. */
	int caps_mark_names = c.body_words >= 6 && c.body_caps * 10 <= c.body_words * 4;
	struct source_words sw;
	source_words_read(a, &sw);
	struct scored best[CANDIDATES];
	size_t n = 0;
	for (size_t i = 0; i < tf.cap; i++) {
		struct slot *s = &tf.slots[i];
		if (!s->word || s->count == 0 || names_source(&sw, s->word))
			continue;
		double score = term_score(idx, s, lang, caps_mark_names);
		if (score <= 0)
			continue;
		/* Insert into the small sorted best list (score desc, a phrase before a word of its own,
		 * which it names more precisely: "unit tests" before "tests"; then word asc). */
		size_t k = n;
		while (k > 0 && (best[k - 1].score < score ||
		                 (best[k - 1].score == score &&
		                  (phrase_of(s->word, best[k - 1].word) ||
		                   (!phrase_of(best[k - 1].word, s->word) && strcmp(best[k - 1].word, s->word) > 0)))))
			k--;
		if (k >= CANDIDATES)
			continue;
		if (n < CANDIDATES)
			n++;
		memmove(&best[k + 1], &best[k], (n - 1 - k) * sizeof best[0]);
		best[k] = (struct scored){s->word, display_form(s), score};
	}
	/* The headline's named subject (before its colon, else a release's product before its
	 * version) first, then the best terms, skipping terms that overlap a better one ("hugging"
	 * after "hugging face", "Wars" after "Star Wars"). */
	size_t m = 0;
	char head[HEAD_MAX_BYTES + 1];
	size_t head_len = max > 0 ? title_head(a->title, lang, &tf, &sw, head, sizeof head) : 0;
	if (head_len == 0 && max > 0)
		head_len = title_product(a->title, lang, &sw, head, sizeof head);
	if (head_len > 0)
		out[m++] = arena_strndup(arena, head, head_len);
	const struct slot *taken[CANDIDATES + 1] = {0}; /* out[j]'s term (NULL for the head) */
	for (size_t i = 0; i < n && m < max; i++) {
		if (overlaps_any(out, m, best[i].word))
			continue;
		const struct slot *s = map_find(&tf, best[i].word);
		/* Two words of one name both taken ("Zeller", "Andreas"): the name, once, in the
		 * article's order ("Andreas Zeller"), and the slot goes to the next term. */
		const struct slot *name = NULL;
		size_t at = 0;
		for (size_t j = 0; j < m && !name && s->kind == T_WORD; j++)
			if (taken[j] && taken[j]->kind == T_WORD && (name = name_of(&tf, taken[j], s, lang)) != NULL)
				at = j;
		if (name) {
			out[at] = arena_strdup(arena, display_form(name));
			taken[at] = name;
			continue;
		}
		/* A word the headline names in full ("Pencil" of "… With Apple Pencil"): the name. */
		const struct slot *full = s->kind == T_WORD ? title_name_of(&tf, s, lang) : NULL;
		if (full && overlaps_any(out, m, full->word))
			continue;
		taken[m] = full ? full : s;
		out[m++] = arena_strdup(arena, full ? display_form(full) : best[i].display);
	}
	arena_free(&scratch);
	return m;
}
