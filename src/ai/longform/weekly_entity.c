/* weekly_entity.c: who a story is about (the built-in company/project list and its aliases)
 * and what kind of item it is (news, rumour, open-source release), by lexical cues. */
#include <string.h>

#include "ai/longform/weekly.h"
#include "ai/offline/names.h"
#include "ai/offline/text.h"
#include "util/str.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ALIAS_VERSIONED: the alias names the company's product only with a version after it:
 * "GPT-5", "GPT4o" are OpenAI's, a bare "GPT" is the architecture anyone trains ("最小可运行
 * GPT", "nanoGPT"). ALIAS_PLATFORM: the alias is a platform others build on, which a story
 * names as where its own subject runs ("Signal now available on Windows", "runs on Android",
 * "Overcast for iPhone"): there it is no news of the platform's company (platform_place). */
enum { ALIAS_ANY_CASE = 0, ALIAS_KEEP_CASE = 1, ALIAS_VERSIONED = 2, ALIAS_PLATFORM = 4 };

/* Alias -> canonical name. Aliases that are also ordinary words ("Meta", "Apple", "Edge")
 * must keep their capital letter to count. Adding a company is adding rows. */
static const struct alias {
	const char *alias;
	const char *name;
	int flags;
} aliases[] = {
	{"OpenAI", "OpenAI", 0}, {"ChatGPT", "OpenAI", 0}, {"GPT", "OpenAI", ALIAS_KEEP_CASE | ALIAS_VERSIONED},
	{"Sora", "OpenAI", ALIAS_KEEP_CASE}, {"Codex", "OpenAI", ALIAS_KEEP_CASE}, {"Sam Altman", "OpenAI", 0},
	{"Google", "Google", 0}, {"Gemini", "Google", ALIAS_KEEP_CASE}, {"DeepMind", "Google", 0},
	{"Alphabet", "Google", ALIAS_KEEP_CASE}, {"Android", "Google", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"Chrome", "Google", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"YouTube", "Google", ALIAS_PLATFORM},
	{"Anthropic", "Anthropic", 0}, {"Claude", "Anthropic", ALIAS_KEEP_CASE},
	{"Meta", "Meta", ALIAS_KEEP_CASE}, {"Llama", "Meta", ALIAS_KEEP_CASE}, {"Facebook", "Meta", 0},
	{"Instagram", "Meta", ALIAS_PLATFORM}, {"WhatsApp", "Meta", ALIAS_PLATFORM}, {"Zuckerberg", "Meta", 0},
	{"Microsoft", "Microsoft", 0}, {"Copilot", "Microsoft", ALIAS_KEEP_CASE},
	{"Azure", "Microsoft", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"Windows", "Microsoft", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"Apple", "Apple", ALIAS_KEEP_CASE}, {"iPhone", "Apple", ALIAS_PLATFORM}, {"macOS", "Apple", ALIAS_PLATFORM},
	{"iOS", "Apple", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"iPad", "Apple", ALIAS_PLATFORM},
	{"Nvidia", "Nvidia", 0}, {"CUDA", "Nvidia", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"DeepSeek", "DeepSeek", 0},
	{"Alibaba", "Alibaba", 0}, {"Qwen", "Alibaba", 0},
	{"Mistral", "Mistral", 0},
	{"Hugging Face", "Hugging Face", 0}, {"HuggingFace", "Hugging Face", 0},
	{"Amazon", "Amazon", ALIAS_KEEP_CASE}, {"AWS", "Amazon", ALIAS_KEEP_CASE | ALIAS_PLATFORM},
	{"xAI", "xAI", ALIAS_KEEP_CASE}, {"Grok", "xAI", ALIAS_KEEP_CASE},
	{"Tesla", "Tesla", 0},
	{"ByteDance", "ByteDance", 0}, {"TikTok", "ByteDance", ALIAS_PLATFORM},
	{"Baidu", "Baidu", 0},
	{"Tencent", "Tencent", 0},
	{"Huawei", "Huawei", 0},
	{"Xiaomi", "Xiaomi", 0},
	{"AMD", "AMD", ALIAS_KEEP_CASE}, {"Radeon", "AMD", 0},
	{"Intel", "Intel", ALIAS_KEEP_CASE},
	{"Samsung", "Samsung", 0},
	{"GitHub", "GitHub", ALIAS_PLATFORM}, {"Cloudflare", "Cloudflare", 0}, {"IBM", "IBM", ALIAS_KEEP_CASE},
	{"Mozilla", "Mozilla", 0}, {"Firefox", "Mozilla", ALIAS_PLATFORM},
	{"Perplexity", "Perplexity", ALIAS_KEEP_CASE},
	{"Moonshot", "Moonshot AI", ALIAS_KEEP_CASE}, {"Kimi", "Moonshot AI", ALIAS_KEEP_CASE}, {"Zhipu", "Zhipu AI", 0},
	{"GLM", "Zhipu AI", ALIAS_KEEP_CASE | ALIAS_VERSIONED},
	{"Stability AI", "Stability AI", 0}, {"Stable Diffusion", "Stability AI", 0},
	{"Cursor", "Cursor", ALIAS_KEEP_CASE}, {"TSMC", "TSMC", ALIAS_KEEP_CASE},
	{"Oracle", "Oracle", ALIAS_KEEP_CASE}, {"Salesforce", "Salesforce", 0}, {"Netflix", "Netflix", 0},
	{"SpaceX", "SpaceX", 0}, {"Starlink", "SpaceX", 0},
	{"Linux", "Linux", ALIAS_KEEP_CASE}, {"Rust", "Rust", ALIAS_KEEP_CASE}, {"Python", "Python", ALIAS_KEEP_CASE},
	{"PostgreSQL", "PostgreSQL", 0}, {"Postgres", "PostgreSQL", 0}, {"SQLite", "SQLite", 0},
	{"Kubernetes", "Kubernetes", 0}, {"WebAssembly", "WebAssembly", 0},
};

const char *
weekly_entity_label(const char *name, const char *lang)
{
	static const char *const zh[][2] = {
		{"Alibaba", "阿里巴巴"}, {"Baidu", "百度"}, {"ByteDance", "字节跳动"}, {"Huawei", "华为"},
		{"Moonshot AI", "月之暗面"}, {"TSMC", "台积电"}, {"Tencent", "腾讯"}, {"Xiaomi", "小米"},
		{"Zhipu AI", "智谱"}, {"Other AI", "其它AI"},
	};
	if (!name || (lang && strcmp(lang, "en") == 0))
		return name;
	for (size_t i = 0; i < sizeof zh / sizeof zh[0]; i++)
		if (strcmp(name, zh[i][0]) == 0)
			return zh[i][1];
	return name;
}

/* True when the ASCII alias occurs in s at [p, p+len) on word boundaries. A version number
 * may follow directly ("Qwen2.5", "Llama3"), a letter may not ("Metadata"). */
static int
on_boundary(const char *s, const char *p, size_t len)
{
	if (p > s && is_ascii_alnum((unsigned char)p[-1]))
		return 0;
	return !is_ascii_alpha((unsigned char)p[len]);
}

static int
is_ascii_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* True when the word after an alias makes it a person's past ("Facebook Cofounder's startup",
 * "Cloudera Founder debuts", "ex-Google", "Google veteran"): the story is about that person's
 * new venture, not the company. */
static int
former_of(const char *s, const char *hit, size_t alen)
{
	static const char *const next[] = {"cofounder", "co-founder", "founder", "alum", "veteran"};
	if (hit - s >= 3 && str_ncasecmp(hit - 3, "ex-", 3) == 0)
		return 1;
	const char *w = hit + alen;
	while (*w == ' ')
		w++;
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++) {
		size_t l = strlen(next[i]);
		if (str_ncasecmp(w, next[i], l) != 0)
			continue;
		const char *e = w + l + (w[l] == 's'); /* "founders" */
		if (!is_ascii_alpha((unsigned char)*e))
			return 1;
	}
	return 0;
}

/* The word that ends just before p (after spaces): its start in *w and its length, 0 when
 * punctuation or the string's start comes first. */
static size_t
word_before(const char *s, const char *p, const char **w)
{
	while (p > s && p[-1] == ' ')
		p--;
	const char *end = p;
	while (p > s && is_ascii_alnum((unsigned char)p[-1]))
		p--;
	*w = p;
	return (size_t)(end - p);
}

static int
word_is(const char *w, size_t len, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (len == strlen(list[i]) && str_ncasecmp(w, list[i], len) == 0)
			return 1;
	return 0;
}

/* True when the alias at hit is the means of the story, not its subject: "Writing Prolog with
 * ChatGPT", "Formalizing a theorem with Lean 4 and Claude", "Summarising mail using Gemini",
 * "用 ChatGPT 写周报". A reader looks for a company's news under its name; a piece that merely
 * used its product belongs with its own subject. English: "using" or "via" among the four
 * words before the alias in its clause (a comma or other punctuation ends the look); "with"
 * right before it, or before a list ending in it ("with X and Claude"), unless "with" joins
 * parties ("partners with Apple", "a deal with OpenAI"): then the company is in the news.
 * Chinese: 用 (使用, 采用) or 借助 just before it. */
static int
instrument_before(const char *s, const char *hit)
{
	static const char *const means[] = {"using", "via"};
	static const char *const parties[] = {
		"partner", "partners", "partnered", "partnering", "partnership", "up", "deal", "deals",
		"agreement", "talks", "signs", "signed", "merges", "merger", "compete", "competes", "competing",
		"collaborate", "collaborates", "collaboration", "sides", "settles", "settlement", "clash",
		"clashes", "feud", "spat", "fight", "fights", "battle", "ties", "contract", "works", "joins",
		"in" /* "Sign in with Apple" is Apple's product */};
	const char *p = hit;
	while (p > s && p[-1] == ' ')
		p--;
	if ((p - s >= 3 && memcmp(p - 3, "用", 3) == 0) || (p - s >= 6 && memcmp(p - 6, "借助", 6) == 0))
		return 1;
	int listed = 0; /* an "and" between "with" and the alias */
	for (int words = 0; words < 4; words++) {
		const char *w;
		size_t len = word_before(s, p, &w);
		if (len == 0)
			return 0; /* punctuation or the start ends the clause */
		if (word_is(w, len, means, sizeof means / sizeof means[0]))
			return 1;
		if (len == 4 && str_ncasecmp(w, "with", 4) == 0) {
			if (words > 0 && !listed)
				return 0;
			const char *v;
			size_t vlen = word_before(s, w, &v);
			return !word_is(v, vlen, parties, sizeof parties / sizeof parties[0]);
		}
		listed |= len == 3 && str_ncasecmp(w, "and", 3) == 0;
		p = w;
	}
	return 0;
}

/* True when the platform alias at hit is named as the place another subject runs: right after
 * "on", "for", "to" or "onto", an article or possessive between allowed ("now available on
 * Windows", "runs on Android", "Overcast for iPhone", "comes to the iPad", "for your iPhone").
 * The story is about what runs there; its company, if any, is named elsewhere in the title.
 * After a word of discourse or conflict "on" means about ("Report on iPhone Security", "a ban on
 * TikTok"): that is the platform's news. Limit: a piece about the platform's users ("bad news
 * for Android users") or its maker's feature there ("Face ID on the iPhone X") is no company's. */
static int
platform_place(const char *s, const char *hit)
{
	static const char *const places[] = {"on", "for", "to", "onto"};
	static const char *const determiners[] = {"the", "your", "their", "its", "my", "our"};
	/* after these "on" is "about": "Report on iPhone Security" is the platform's news */
	static const char *const about[] = {"report", "reports", "study", "paper", "thoughts", "notes", "essay",
	                                    "article", "piece", "take", "views", "ban", "bans", "crackdown",
	                                    "lawsuit", "probe", "investigation", "attack", "attacks", "war"};
	const char *w;
	size_t len = word_before(s, hit, &w);
	if (len && word_is(w, len, determiners, N(determiners)))
		len = word_before(s, w, &w);
	if (!len || !word_is(w, len, places, N(places)))
		return 0;
	const char *v;
	size_t vlen = word_before(s, w, &v);
	return !(len == 2 && word_is(v, vlen, about, N(about)));
}

/* True when a version follows the alias at hit: "-5", "4o", "-4.1", " 5.2" ("GLM 5.2"). */
static int
version_after(const char *hit, size_t alen)
{
	const char *v = hit + alen;
	return is_ascii_digit((unsigned char)v[0]) || ((v[0] == '-' || v[0] == ' ') && is_ascii_digit((unsigned char)v[1]));
}

/* Offset of the first acceptable match of alias in s (flags: ALIAS_*), or -1. */
static long
find_alias(const char *s, const char *alias, size_t alen, int flags)
{
	int keep_case = flags & ALIAS_KEEP_CASE;
	if (!is_ascii_text(alias)) {
		const char *p = strstr(s, alias);
		return p ? (long)(p - s) : -1;
	}
	size_t slen = strlen(s);
	for (const char *p = s; p < s + slen;) {
		const char *hit = keep_case ? strstr(p, alias) : str_icasestr(p, slen - (size_t)(p - s), alias);
		if (!hit)
			return -1;
		if (on_boundary(s, hit, alen) && !former_of(s, hit, alen) && !instrument_before(s, hit) &&
		    (!(flags & ALIAS_VERSIONED) || version_after(hit, alen)) &&
		    (!(flags & ALIAS_PLATFORM) || !platform_place(s, hit)))
			return (long)(hit - s);
		p = hit + 1;
	}
	return -1;
}

/* A name found at pos (alen bytes long) for name: keeps the earliest (then the longest) in *best. */
static void
keep_best(long pos, size_t alen, const char *name, size_t name_len,
          long *best_pos, size_t *best_alen, const char **best, size_t *best_len)
{
	if (*best_pos < 0 || pos < *best_pos || (pos == *best_pos && alen > *best_alen)) {
		*best_pos = pos;
		*best_alen = alen;
		*best = name;
		*best_len = name_len;
	}
}

/* Match one alias; keeps the earliest (then the longest) in *best. */
static void
try_alias(const char *s, const char *alias, size_t alen, int flags, const char *name, size_t name_len,
          long *best_pos, size_t *best_alen, const char **best, size_t *best_len)
{
	long pos = alen ? find_alias(s, alias, alen, flags) : -1;
	if (pos >= 0)
		keep_best(pos, alen, name, name_len, best_pos, best_alen, best, best_len);
}

const char *
weekly_entity(const char *s, const struct config *cfg, struct arena *arena)
{
	if (!s || !*s)
		return NULL;
	long best_pos = -1;
	size_t best_alen = 0, best_len = 0;
	const char *best = NULL;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		const struct alias *a = &aliases[i];
		try_alias(s, a->alias, strlen(a->alias), a->flags, a->name, strlen(a->name),
		          &best_pos, &best_alen, &best, &best_len);
	}
	/* The Chinese names are clustering's table (names.h), with its everyday words: 苹果汁 is
	 * apple juice, 三星堆 an archaeological site, neither a company. The first that stands for
	 * a company of the list, and is not the piece's means ("用豆包写周报"), counts; a name
	 * right after a means is part of it ("借助通义千问", one product). */
	const char *means_end = NULL;
	for (const char *p = s; *p; p++) {
		const struct zh_name *zh = zh_name_at(s, p);
		if (zh && (p == means_end || instrument_before(s, p))) {
			means_end = p + strlen(zh->zh);
			p = means_end - 1;
			continue;
		}
		if (!zh || !zh->entity)
			continue;
		keep_best((long)(p - s), strlen(zh->zh), zh->entity, strlen(zh->entity), &best_pos, &best_alen, &best,
		          &best_len);
		break;
	}
	/* [weekly] entities = Name=alias|alias; Name2=alias: the name itself counts as an alias.
	 * Matched case-sensitively (the user wrote them as they are spelled). */
	const char *v = config_values(cfg)->weekly_entities;
	const char *user_best = NULL;
	size_t user_len = 0;
	long before = best_pos;
	while (v && *v) {
		size_t elen = strcspn(v, ";");
		const char *eq = memchr(v, '=', elen);
		const char *name = v;
		size_t nlen = eq ? (size_t)(eq - v) : elen;
		str_trim(&name, &nlen);
		const char *p = v, *end = v + elen;
		while (p < end) {
			size_t alen = strcspn(p, "|=;");
			if ((size_t)(end - p) < alen)
				alen = (size_t)(end - p);
			const char *al = p;
			size_t l = alen;
			str_trim(&al, &l);
			char alias[128];
			if (l > 0 && l < sizeof alias && nlen > 0) {
				memcpy(alias, al, l);
				alias[l] = 0;
				try_alias(s, alias, l, ALIAS_KEEP_CASE, name, nlen, &best_pos, &best_alen, &user_best, &user_len);
			}
			p += alen + 1;
		}
		v += elen + (v[elen] ? 1 : 0);
	}
	if (user_best && best_pos != before)
		return arena_strndup(arena, user_best, user_len);
	return best;
}

/* Cues, matched case-insensitively at a word start (ASCII) or as substrings (CJK). */
static const char *const rumor_cues[] = {
	"reportedly", "rumor",   "rumour",   "leak",     "sources say", "people familiar", "unconfirmed",
	"allegedly",  "speculat", "insiders", "in talks", "said to be",  "tipster",         "据悉",
	"传闻",       "传言",    "爆料",     "疑似",     "曝光",        "消息人士",        "知情人士",
	"或将",       "网传",    "小道消息", "据报道",
};
/* Opening code up (an act: "Meta open-sources X", "DeepSeek 开源 DeepGEMM"), and the nouns of it,
 * which in a title make a project's news only beside a launch (open_source_title). */
static const char *const oss_acts[] = {"open-sources", "open-sourced", "open-sourcing", "open sources",
                                       "open sourced", "open sourcing", "开源"};
static const char *const oss_cues[] = {"open source", "open-source", "open-sourced", "opensource", "开源",
                                       "open weights", "open-weight"};
static const char *const release_cues[] = {"release", "released", "releases", "is out", "announcing",
                                           "发布", "now available", "launches"};
static const char *const launch_words[] = {"introducing", "launch", "launched", "launches", "launching"};
static const char *const launch_phrases[] = {"show hn", "now open", "an open", "a new open", "a free and open"};
static const char *const forges[] = {"://github.com/", "://gitlab.com/", "://codeberg.org/", "://git.sr.ht/",
                                     "://sr.ht/"};

/* Number of distinct cues of list found in s[0..len). */
static int
cue_count(const char *s, size_t len, const char *const *list, size_t n)
{
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		const char *cue = list[i];
		size_t clen = strlen(cue);
		for (const char *p = s; p < s + len;) {
			const char *hit = str_icasestr(p, len - (size_t)(p - s), cue);
			if (!hit || hit + clen > s + len)
				break;
			int ok = (unsigned char)cue[0] >= 0x80 || hit == s || !is_ascii_alnum((unsigned char)hit[-1]);
			/* "memory leak" is engineering, not a leak of news. */
			if (ok && strcmp(cue, "leak") == 0 && hit - s >= 7 && str_ncasecmp(hit - 7, "memory ", 7) == 0)
				ok = 0;
			if (ok) {
				found++;
				break;
			}
			p = hit + 1;
		}
	}
	return found;
}

/* True for the entities of the built-in list that are open-source projects, whose versioned
 * releases are open-source news. */
static int
is_open_project(const char *name)
{
	static const char *const open[] = {"Linux", "Rust", "Python", "PostgreSQL", "SQLite", "Kubernetes",
	                                   "WebAssembly", "Mozilla"};
	for (size_t i = 0; i < N(open); i++)
		if (strcmp(name, open[i]) == 0)
			return 1;
	return 0;
}

/* True when the item comes from a release or tag feed: a forge's ".../releases/tag/..." or
 * ".../tags/..." link, or a feed URL ending in releases.atom or tags.atom (GitHub, Gitea,
 * Forgejo and GitLab publish these). */
static int
release_feed(const char *link, const char *feed_url)
{
	static const char *const feeds[] = {"/releases.atom", "/tags.atom", "/releases.rss", "/tags.rss"};
	if (strstr(link, "/releases/tag/") || strstr(link, "/-/tags/") || strstr(link, "/-/releases/"))
		return 1;
	for (size_t i = 0; feed_url && i < N(feeds); i++)
		if (str_ends(feed_url, feeds[i]))
			return 1;
	return 0;
}

/* True when a title announces open code: an act of opening it ("open-sources", 开源), or the
 * noun ("open source", "open-weight") describing a project being launched: after "an" ("Foo,
 * an open-source Bar", "a new open-source …"), or beside a version, a release or a launch word
 * ("Introducing X, open source", "Show HN: …"). The noun alone is a piece about open source ("Open Source vs
 * the Invisible Hand", "the NHS's retreat from open source"): news, or an essay, not a project. */
static int
open_source_title(const char *title, size_t tlen)
{
	if (cue_count(title, tlen, oss_acts, N(oss_acts)) > 0)
		return 1;
	if (cue_count(title, tlen, oss_cues, N(oss_cues)) == 0)
		return 0;
	return text_has_version(title) || cue_count(title, tlen, release_cues, N(release_cues)) > 0 ||
	       text_has_word(title, launch_words, N(launch_words)) ||
	       cue_count(title, tlen, launch_phrases, N(launch_phrases)) > 0;
}

/* The hedges and attributions that keep a rumour a rumour (weekly_hedged). */
static const char *const hedge_cues[] = {
	"reportedly",   "report",       "according to",  "rumor",            "rumour",          "leak",
	"sources say",  "sources said", "sources told",  "sources close",    "sources familiar", "a source",
	"people familiar", "insider",   "unconfirmed",   "unverified",       "not confirmed",   "not yet confirmed",
	"not announced", "allegedly",   "alleged",       "claim",            "said to",         "is said",
	"purported",    "speculat",     "tipster",       "apparently",       "might",           "possibly",
	"据报道",       "据悉",         "据称",          "据传",             "据知情",          "报道",
	"报告",         "消息称",       "消息人士",      "知情人士",         "有消息",          "传闻",
	"传言",         "爆料",         "疑似",          "网传",             "小道消息",        "未经证实",
	"尚未证实",     "未获证实",     "未证实",        "尚未确认",         "未经确认",        "未确认",
	"尚未宣布",     "未宣布",       "未公布",        "可能",             "或将",            "援引",
};

int
weekly_hedged(const char *text)
{
	return text && cue_count(text, strlen(text), hedge_cues, N(hedge_cues)) > 0;
}

enum weekly_kind
weekly_classify(const struct article *a)
{
	const char *title = a->title ? a->title : "";
	const char *text = a->text ? a->text : "";
	size_t tlen = strlen(title), head = strlen(text);
	if (head > 600)
		head = 600;
	if (cue_count(title, tlen, rumor_cues, N(rumor_cues)) > 0)
		return WEEKLY_RUMOR;
	if (open_source_title(title, tlen))
		return WEEKLY_OPEN_SOURCE;
	const char *link = a->link ? a->link : "";
	for (size_t i = 0; i < N(forges); i++)
		if (str_icasestr(link, strlen(link), forges[i]))
			return WEEKLY_OPEN_SOURCE;
	size_t body = strlen(text) < 2000 ? strlen(text) : 2000;
	if (text_has_version(title) && cue_count(title, tlen, release_cues, N(release_cues)) > 0 &&
	    (cue_count(text, body, oss_cues, N(oss_cues)) > 0 || str_icasestr(text, body, "github.com") ||
	     str_icasestr(text, body, "license")))
		return WEEKLY_OPEN_SOURCE;
	if (release_feed(link, a->source_url))
		return WEEKLY_OPEN_SOURCE;
	/* A versioned release ("QEMU version 10.1.0 released", a bare "v3.9.0") of something that
	 * is not a company's product ("iOS 18.4 released" stays news). */
	if (text_is_release(title)) {
		const char *who = weekly_entity(title, NULL, NULL);
		if (!who || is_open_project(who))
			return WEEKLY_OPEN_SOURCE;
	}
	if (cue_count(text, head, rumor_cues, N(rumor_cues)) >= 2)
		return WEEKLY_RUMOR;
	return WEEKLY_NEWS;
}
