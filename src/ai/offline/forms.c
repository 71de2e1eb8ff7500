/* forms.c: the form a piece announces (forms.h): title patterns in the languages the engine
 * tells apart, versions and release words, and the feed URLs of code hosts. */
#include "ai/offline/forms.h"

#include <string.h>

#include "ai/offline/text.h"
#include "util/str.h"

/* A how-to or a write-up about using a tool, from its title ("How to…", "How I…", "Using X",
 * "Consider using X", "Tips", "Setting up", "Fixing…", "Integrating X", "Adding X to Y", "X
 * 101:", "Managing X via Y") or its opening ("In this post I show…"). */
static int
is_howto(const char *title, const char *text)
{
	/* Titles in the imperative of using a tool ("Troubleshoot AKS clusters with ...", "Deploy X
	 * on Y") are how-tos too: vendor and documentation blogs write them that way. "Debugging
	 * X" is not among them: a debugging story is about how software is built. */
	static const char *const starts[] = {"how to ", "how i ", "using ", "consider using ", "setting up ",
	                                     "set up ", "fixing ", "getting started", "tips ", "a guide",
	                                     "the easiest way", "build a ", "building a ", "let's code", "tutorial",
	                                     "troubleshoot ", "deploy ", "deploying ", "configure ", "configuring ",
	                                     "install ", "installing ", "migrate ", "migrating ", "automate ",
	                                     "get started", "introduction to ",
	                                     "an introduction to ", "quickstart", "quick start", "walkthrough", "integrating ", "adding "};
	static const char *const anywhere[] = {" tips", "tutorial", "step by step", "step-by-step", " how-to",
	                                       "cheat sheet", " with vim", " in vim", "how to ", " 101:",
	                                       /* a guide that says it teaches ("A Practical Migration
	                                        * Guide"), not one that argues ("The Hater's Guide to X") */
	                                       "practical guide", "complete guide", "beginner's guide",
	                                       "beginners guide", "beginner\xe2\x80\x99s guide", "ultimate guide",
	                                       "migration guide", "installation guide", "setup guide", "quick guide",
	                                       "step-by-step guide"};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
		if (str_istarts(title, starts[i]))
			return 1;
	size_t tl = strlen(title);
	for (size_t i = 0; i < sizeof anywhere / sizeof anywhere[0]; i++)
		if (str_icasestr(title, tl, anywhere[i]))
			return 1;
	/* A gerund that does something with a named means: "Managing a bouncer via OpenRC", "Making
	 * use of pygments' filters with Pelican", "Tracking leftover packages with pacman". */
	size_t first = strcspn(title, " :");
	if (first >= 5 && title[first] == ' ' && str_istarts(title + first - 3, "ing") &&
	    (str_icasestr(title, tl, " with ") || str_icasestr(title, tl, " via ") || str_icasestr(title, tl, " using ")))
		return 1;
	size_t head = strlen(text) < 400 ? strlen(text) : 400;
	return str_icasestr(text, head, "in this post i show") || str_icasestr(text, head, "this post documents") ||
	       str_icasestr(text, head, "here's how") || str_icasestr(text, head, "here is how");
}

/* True when t[0..len) is a pre-release tag that ends the token: an optional '-' or '.', then
 * a, b, rc, alpha, beta, pre or dev, then an optional '.' and digits ("rc1", "-beta.3", "b1",
 * "a7", "-rc.2"). */
static int
is_prerelease_tag(const char *t, size_t len)
{
	static const char *const tags[] = {"alpha", "beta", "pre", "dev", "rc", "a", "b"};
	size_t i = len && (t[0] == '-' || t[0] == '.') ? 1 : 0;
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
		size_t n = strlen(tags[k]);
		if (len - i < n || str_ncasecmp(t + i, tags[k], n) != 0)
			continue;
		size_t j = i + n;
		if (j < len && t[j] == '.')
			j++;
		while (j < len && is_ascii_digit((unsigned char)t[j]))
			j++;
		if (j == len && t[len - 1] != '.')
			return 1;
	}
	return 0;
}

/* True when t[0..len) is a version number: an optional v (or "v."), then digits with at least
 * min_dots dots between digit groups ("2.1", "0.10.0", "v3.9.0", "v.4.15"). A pre-release tag
 * after them ("4.0rc1", "2.0b1", "1.2.0-beta.3") makes any x.y a version: no plain number is
 * written that way. */
static int
is_version_token(const char *t, size_t len, int min_dots)
{
	size_t i = (len && (t[0] == 'v' || t[0] == 'V')) ? 1 : 0;
	if (i && len > 2 && t[1] == '.') /* "v.4.15", as some catalogues write it */
		i = 2;
	int dots = 0, digits = 0;
	for (; i < len; i++) {
		if (is_ascii_digit((unsigned char)t[i]))
			digits++;
		else if (t[i] == '.' && digits && i + 1 < len && is_ascii_digit((unsigned char)t[i + 1]))
			dots++, digits = 0;
		else if (digits && dots >= 1 && is_prerelease_tag(t + i, len - i))
			return 1;
		else
			return 0;
	}
	return digits && dots >= min_dots;
}

/* A title that names a product and its version up front: "fortify-headers 2.1", "Snuffleupagus
 * 0.10.0 - Babar the Elephant", "The new Maven 2.2.0 requires Java 5". The version is among the
 * first four words and is either x.y.z or ends the title's head (the title itself, or the part
 * before " - " or ":"), so that "3.5 mag earthquake" or "up 2.5 percent" is no release; or it
 * opens the part after the last colon and cannot be a plain number (x.y.z, "v.4.15"). These
 * titles carry no "released" for text_is_release() to see. */
static int
leads_with_version(const char *title)
{
	const char *p = title;
	for (int word = 0; word < 4 && *p; word++) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " :");
		const char *next = p + n;
		while (*next == ' ')
			next++;
		int ends_head = *next == '\0' || *next == ':' || *next == '-' || strncmp(next, "\xe2\x80\x93", 3) == 0 ||
		                strncmp(next, "\xe2\x80\x94", 3) == 0;
		if (is_version_token(p, n, 2) || (ends_head && is_version_token(p, n, 1)))
			return 1;
		p += n;
		if (*p == ':')
			break;
	}
	/* A catalogue's title names the product after a colon ("Apps for Nokia N97: Smart Movie
	 * v.4.15"): among the first four words of the last part, a version that cannot be a plain
	 * number (x.y.z, or with a v) is a release too. */
	const char *tail = strrchr(title, ':');
	for (int word = 0; tail && word < 4 && *tail; word++) {
		while (*tail == ' ' || *tail == ':')
			tail++;
		size_t n = strcspn(tail, " ");
		if (is_version_token(tail, n, 2) || ((tail[0] == 'v' || tail[0] == 'V') && is_version_token(tail, n, 1)))
			return 1;
		tail += n;
	}
	return 0;
}

/* True when a versioned title releases a model rather than a tool: a model family names the
 * product (it comes before or carries the title's first version: "Claude Opus 4.6", "GPT-5.3
 * released", "Qwen3.5 available"), or the title says it ships weights ("Nemo 2.1: open-weight
 * models"; "models" alone is no cue: "macOS 14.2 supports the new Mac models"). An editor
 * files a model under AI ("ai-ml: the subject is AI, machine learning, models",
 * data/editorial/README.md; seed 000's "Gemini 3.1 Pro") and the software
 * that runs or trains models under tools like any release ("Ollama 0.6.2", "PyTorch 2.7",
 * "llama.cpp b4500"; "Ollama 0.7 adds Llama 4": the product is Ollama). A family matches as a
 * word or a word's head before a dash or a digit ("gpt-5.3", "qwen3"), never before a dot
 * ("llama.cpp"). The singular "model" is left out ("Model 3 2.1 update" is a car), and so is
 * "LLM" ("LLM 0.27 released" is a command-line tool's release). */
static int
releases_a_model(const char *title)
{
	static const char *const families[] = {"chatgpt", "claude", "deepseek", "gemini", "gemma", "gpt", "grok",
	                                       "llama", "mistral", "mixtral", "phi", "qwen"};
	static const char *const shipped[] = {"weights", "open-weight", "open-weights"};
	if (text_has_word(title, shipped, sizeof shipped / sizeof shipped[0]))
		return 1;
	struct text_iter it;
	text_iter_init(&it, title, strlen(title));
	while (text_next(&it)) {
		if (it.is_cjk)
			continue;
		for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
			size_t n = strlen(families[i]);
			if (strncmp(it.word, families[i], n) == 0 &&
			    (it.word[n] == '\0' || it.word[n] == '-' || is_ascii_digit((unsigned char)it.word[n])))
				return 1;
		}
		if (text_has_version(it.word)) /* the first version: a family after it is no product */
			return 0;
	}
	return 0;
}

/* True when s (what follows a title's "On ", "Über ", …) begins with a word of time: "On this
 * day in 2019: …", "On Monday, …", "Über Ostern …" date a story; they are no essay's "On X". */
static int
names_a_time(const char *s)
{
	static const char *const times[] = {
	    "this",   "that",    "today",    "day",      "monday",    "tuesday",  "wednesday", "thursday",
	    "friday", "saturday", "sunday",  "january",  "february",  "march",    "april",     "may",
	    "june",   "july",    "august",   "september", "october",  "november", "december",  "heute",
	    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",   "ostern",
	    "weihnachten"};
	size_t n = strcspn(s, " ,:");
	for (size_t k = 0; k < sizeof times / sizeof times[0]; k++)
		if (strlen(times[k]) == n && str_ncasecmp(s, times[k], n) == 0)
			return 1;
	return str_istarts(s, "the day ");
}

/* True when the title has the form essayists and columnists give a piece that argues: "On
 * X" / "Über X" (the essay's title since Montaigne and Seneca), a title in the imperative of
 * stopping ("Stop X", "Don't X", "Knock It Off With X"), and a personal "Why": "Why I left
 * Google", "Why we stopped using X". Other "why" headlines are explainers, questions too ("Why
 * radiation causes dry mouth", "Why does the dialog manager use extra bytes …?"). Each only in
 * its language (English "Over 100 …" is no Dutch essay); a short item whose language is not
 * known is read as English. How-tos ("How to stop …") never get here: they start otherwise.
 * A date after "On" ("On this day in 2019: …", "On Monday …": names_a_time) is no essay. */
static int
is_essay_title(const char *title, enum lang lang)
{
	static const struct {
		const char *start;
		enum lang lang;
		int why; /* counts only with a personal pronoun after it */
	} starts[] = {
	    {"on ", LANG_EN, 0},      {"stop ", LANG_EN, 0},    {"don't ", LANG_EN, 0},     {"don’t ", LANG_EN, 0},
	    {"do not ", LANG_EN, 0},  {"quit ", LANG_EN, 0},    {"knock it off", LANG_EN, 0}, {"über ", LANG_DE, 0},
	    {"Über ", LANG_DE, 0},    {"over ", LANG_NL, 0},    {"sobre ", LANG_ES, 0},     {"sobre ", LANG_PT, 0},
	    {"why ", LANG_EN, 1},     {"warum ", LANG_DE, 1},   {"pourquoi ", LANG_FR, 1},  {"waarom ", LANG_NL, 1},
	    {"por qué ", LANG_ES, 1}, {"por que ", LANG_PT, 1},
	};
	static const char *const personal[] = {"i", "i'm", "i’m", "we", "we're", "we’re", "you", "ich", "wir",
	                                       "je", "j'ai", "j’ai", "nous", "ik", "yo", "eu"};
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		if (!str_istarts(title, starts[i].start) ||
		    !(lang == starts[i].lang || (starts[i].lang == LANG_EN && lang == LANG_OTHER)))
			continue;
		if (!starts[i].why)
			return !names_a_time(title + strlen(starts[i].start));
		const char *next = title + strlen(starts[i].start);
		size_t n = strcspn(next, " ,:");
		for (size_t k = 0; k < sizeof personal / sizeof personal[0]; k++)
			if (strlen(personal[k]) == n && str_istarts(next, personal[k]))
				return 1;
	}
	/* Chinese puts the personal "why" mid-title: 「我为什么离开…」 */
	return lang == LANG_ZH && strstr(title, "我为什么") != NULL;
}

#define TITLE_WORDS_MAX 1024 /* bytes of a title's words kept for phrase checks */

/* The words of a title, lower-case, each between single spaces (" call for papers "), into
 * out (TITLE_WORDS_MAX bytes, cut at a word): phrases are then found as whole words by strstr. */
static const char *
title_words(const char *title, char *out)
{
	size_t o = 0;
	out[o++] = ' ';
	struct text_iter it;
	text_iter_init(&it, title, strlen(title));
	while (text_next(&it) && o + it.len + 2 < TITLE_WORDS_MAX) {
		if (it.is_cjk)
			continue;
		memcpy(out + o, it.word, it.len);
		o += it.len;
		out[o++] = ' ';
	}
	out[o] = '\0';
	return out;
}

/* True when the title looks back on what its writer learned: "What I learned in ten years as
 * a developer", "Things I wish I knew …", "Was ich in über 10 Jahren … gelernt habe", "Ce que
 * j'ai appris", "Lo que aprendí", "O que aprendi", "Wat ik heb geleerd". A personal
 * retrospective is an essay (its point is the writer's view), like "Why I left Google"; a
 * "Lessons learned" write-up of a named system stays its subject's, as the title's core term
 * decides in categorize(). Each form only in its language; tw: title_words(). */
static int
is_retrospective_title(const char *tw, enum lang lang)
{
	static const struct {
		enum lang lang;
		const char *phrase, *also; /* both must be in the title (also: NULL for none) */
	} forms[] = {
	    {LANG_EN, " what i learned ", NULL},      {LANG_EN, " what i have learned ", NULL},
	    {LANG_EN, " things i learned ", NULL},    {LANG_EN, " what i wish i ", NULL},
	    {LANG_EN, " things i wish i ", NULL},     {LANG_DE, " was ich ", " gelernt "},
	    {LANG_FR, " ce que ", " appris "},        {LANG_ES, " lo que ", " aprendí "},
	    {LANG_ES, " lo que ", " aprendido "},     {LANG_PT, " o que ", " aprendi "},
	    {LANG_NL, " wat ik ", " geleerd "},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if ((lang == forms[i].lang || (forms[i].lang == LANG_EN && lang == LANG_OTHER)) &&
		    strstr(tw, forms[i].phrase) && (!forms[i].also || strstr(tw, forms[i].also)))
			return 1;
	return 0;
}

/* True when the title reviews the writer's year: "Summing up 2025", "2025 in review", "My
 * 2025", "Looking back on 2024", "Jahresrückblick 2025", 年度复盘 / 年终复盘 (复盘: going over
 * one's own moves). Personal only where the text is in the first person (analyse() checks;
 * Chinese 复盘 is personal in itself): a company's "2025 in review" is its news. A week's
 * review ("Week in review") is a roundup, not this. tw: title_words(); title: for CJK. */
static int
is_year_review(const char *tw, const char *title, enum lang lang)
{
	if (lang == LANG_ZH)
		return strstr(title, "年度复盘") || strstr(title, "年终复盘");
	static const char *const forms[] = {" summing up ", " in review ", " looking back on ", " looking back at ",
	                                    " my ", " jahresrückblick ", " rückblick auf "};
	/* a year of this century in the title, as a word of its own */
	int year = 0;
	for (const char *p = tw; (p = strstr(p, " 20")) != NULL; p++)
		if (is_ascii_digit((unsigned char)p[3]) && is_ascii_digit((unsigned char)p[4]) && p[5] == ' ')
			year = 1;
	if (!year && !strstr(tw, " year in review ") && !strstr(tw, " jahresrückblick "))
		return 0;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strstr(tw, forms[i]))
			return 1;
	return 0;
}

/* True when an English title states the writer's verdict on its subject with a copula: "LLMs
 * are good for programmers", "The sharing economy is a lie", "X is dead", "Y is overrated". A
 * news headline reports what happened; a verdict in the present tense is an argument. */
static int
claims_in_title(const char *tw, enum lang lang)
{
	if (lang != LANG_EN && lang != LANG_OTHER)
		return 0;
	static const char *const verbs[] = {" is ", " are ", " isn ", " aren "};
	static const char *const verdicts[] = {
	    "good ",      "bad ",       "dead ",      "broken ",  "overrated ", "underrated ", "a lie ",
	    "a trap ",    "a mistake ", "a scam ",    "harmful ", "pointless ", "useless ",    "the future ",
	    "not the future ", "terrible ", "awful ", "boring ", "not enough ", "a bubble "};
	for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++)
		for (const char *p = strstr(tw, verbs[v]); p; p = strstr(p + 1, verbs[v])) {
			const char *after = p + strlen(verbs[v]);
			if (strncmp(after, "t ", 2) == 0) /* "isn't": the clitic is its own word */
				after += 2;
			for (size_t k = 0; k < sizeof verdicts / sizeof verdicts[0]; k++)
				if (strncmp(after, verdicts[k], strlen(verdicts[k])) == 0)
					return 1;
		}
	return 0;
}

/* True when the title names a price: a currency sign before or after digits ("$15", "($30)",
 * "99 €", "£5"). */
static int
names_price(const char *t)
{
	static const char *const signs[] = {"$", "\xe2\x82\xac", "\xc2\xa3"}; /* $, €, £ */
	for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		size_t n = strlen(signs[i]);
		for (const char *p = strstr(t, signs[i]); p; p = strstr(p + n, signs[i])) {
			const char *before = p;
			while (before > t && before[-1] == ' ')
				before--;
			if (is_ascii_digit((unsigned char)p[n]) || (before > t && is_ascii_digit((unsigned char)before[-1])))
				return 1;
		}
	}
	return 0;
}

/* True when an English headline passes a judgement, as a columnist's does: "Tech
 * 'Improvements' That Actually Make Things Worse", "… Kicks Off Face-Recognition Mania", "Mac
 * Malaise", "Apple Is Ready to Ditch the Mac", "Kickstarting failure". News headlines report
 * ("shares fall", "outage hits"); these words say what the writer thinks of it. */
static int
judges_in_title(const char *title, enum lang lang)
{
	static const char *const words[] = {"worse", "mania", "malaise", "ditch", "failure", "hype", "doomed", "sucks"};
	if (lang != LANG_EN && lang != LANG_OTHER)
		return 0;
	return text_has_word(title, words, sizeof words / sizeof words[0]);
}

/* True when the title is a notice rather than a story: an event's logistics ("KVM Forum 2024:
 * Call for presentations", "GTAC 2017 - Registration is open!", "Schedule Posted"), a sales
 * offer ("Cyber Monday Steal: … for $15", "Save 80% on …") or a celebration ("Happy 10th
 * Birthday …", "… turns 20" is no notice: that is a story). An editor files these under other
 * whatever the event or product is about: the reader learns nothing about the subject.
 * tw: title_words() of the title, made once by analyse(). */
static int
is_notice_title(const char *title, const char *tw)
{
	static const char *const phrases[] = {
	    /* events */
	    " call for papers ", " call for proposals ", " call for presentations ", " call for participation ",
	    " call for speakers ", " call for talks ", " call for submissions ", " registration is open ",
	    " registration open ", " registration now open ", " registration opens ", " registration deadline ",
	    " registrations open ", " schedule posted ", " schedule announced ", " schedule is live ",
	    " schedule is out ", " save the date ", " anmeldung offen ", " appel à communications ",
	    /* offers */
	    " cyber monday ", " black friday ", " prime day ", " lifetime subscription ", " promo code ",
	    " coupon ", " giveaway ",
	    /* celebrations */
	    " birthday ", " anniversary ", " geburtstag ", " jubiläum ", " anniversaire ", " aniversario ",
	};
	static const char *const sales[] = {"save", "steal", "deal", "deals", "sale", "discount", "off", "bundle",
	                                    "lifetime"};
	for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
		if (strstr(tw, phrases[i]))
			return 1;
	/* "Save 80% On …", "$100 off Fenix 5": a price or a percentage with a word of selling */
	return (names_price(title) || strchr(title, '%')) && text_has_word(title, sales, sizeof sales / sizeof sales[0]);
}

/* True when a is a sponsor's post: a link blog's weekly ad ("[Sponsor] Timing — Automatic
 * Time Tracking", "Sponsor: Inbox Zero With MailButler", "Sponsored: …", "… (Sponsor)"), or a
 * text whose first sentence thanks its sponsor ("My thanks to Squarespace for sponsoring last
 * week's DF RSS feed", "This post is sponsored by …"). A story about a sponsorship ("Google
 * sponsors the Rust Foundation") wears no label and thanks no one. An editor rates these 1 of
 * 10 whatever they sell: the reader learns nothing from an advertisement. */
static int
is_sponsored(const char *title, const char *text)
{
	static const char *const labels[] = {"[sponsor]", "[sponsored]", "(sponsor)", "(sponsored)"};
	static const char *const heads[] = {"sponsor:", "sponsored:", "sponsor post:", "sponsored post:",
	                                    "sponsored content:", "advertisement:"};
	size_t tl = strlen(title);
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (str_icasestr(title, tl, labels[i]))
			return 1;
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (str_istarts(title, heads[i]))
			return 1;
	/* the first sentence: up to its full stop, at most 240 bytes */
	size_t n = 0;
	while (text[n] && n < 240 && !(text[n] == '.' && (text[n + 1] == ' ' || text[n + 1] == '\0')))
		n++;
	static const char *const opens[] = {"this post is sponsored by", "this is a sponsored post",
	                                    "sponsored post", "sponsored by "};
	for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++)
		if (str_istarts(text, opens[i]))
			return 1;
	const char *thanks = str_icasestr(text, n, "thanks to ");
	if (!thanks)
		thanks = str_icasestr(text, n, "thank you to ");
	return thanks && str_icasestr(thanks, n - (size_t)(thanks - text), " for sponsoring") != NULL;
}

/* True when the title is a podcast episode's: a show code with its number ("CRE195 Das
 * Gehirn"), "#332", "Episode 12" / "Ep. 12" / "Folge 12" / "Épisode 12", a number heading the
 * title ("221 - The Glow Cloud") or a number of three or more digits before a colon ("Giant
 * Bombcast 603: …"; a year is no episode number, nor "Typepad 101:", a beginner's guide).
 * tw: title_words() of the title. */
static int
is_episode_title(const char *title, const char *tw)
{
	static const char *const words[] = {" episode ", " ep ", " folge ", " épisode ", " episodio "};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *p = strstr(tw, words[i]);
		if (p && is_ascii_digit((unsigned char)p[strlen(words[i])]))
			return 1;
	}
	for (const char *p = strchr(title, '#'); p; p = strchr(p + 1, '#'))
		if (is_ascii_digit((unsigned char)p[1]))
			return 1;
	/* a show code: two or more capitals and three or more digits, as the first word */
	size_t caps = 0, digits = 0, first = strcspn(title, " :");
	while (caps < first && title[caps] >= 'A' && title[caps] <= 'Z')
		caps++;
	while (caps + digits < first && is_ascii_digit((unsigned char)title[caps + digits]))
		digits++;
	if (caps >= 2 && digits >= 3 && caps + digits == first)
		return 1;
	/* "221 - …", "221: …" */
	if (digits == 0 && caps == 0) {
		size_t n = 0;
		while (is_ascii_digit((unsigned char)title[n]))
			n++;
		if (n && (str_istarts(title + n, " - ") || title[n] == ':'))
			return 1;
	}
	/* "Giant Bombcast 603: …" within the first five words */
	const char *p = title;
	for (int word = 0; word < 5 && *p; word++) {
		while (*p == ' ')
			p++;
		size_t n = 0;
		while (is_ascii_digit((unsigned char)p[n]))
			n++;
		int year = n == 4 && (str_istarts(p, "19") || str_istarts(p, "20"));
		int intro = n == 3 && str_istarts(p, "101"); /* "Typepad 101: …" is a beginner's guide */
		if (n >= 3 && p[n] == ':' && !year && !intro)
			return 1;
		p += strcspn(p, " ");
	}
	return 0;
}

/* True when the item comes from a code host's feed of a project's commits, releases or tags
 * (GitHub's "Recent Commits to repo:main", "Release notes from repo", "Tags from repo", their
 * URLs …/commits/main.atom, …/releases.atom, …/tags.atom, and GitLab's and Gitea's likes). Such
 * an item is the project's news however it is worded ("Parse podcast categories", "Refactor RSS
 * parser"), which an editor files under tools. By the feed's name or its URL. */
static int
is_code_feed(const struct article *a)
{
	static const char *const names[] = {"recent commits to ", "release notes from ", "tags from ", "commits to "};
	static const char *const urls[] = {"/commits/", "/commits.atom", "/releases.atom", "/tags.atom", "/-/commits",
	                                   "/-/tags", "/-/releases", "/releases.rss", "/tags.rss"};
	for (size_t i = 0; a->source_name && i < sizeof names / sizeof names[0]; i++)
		if (str_istarts(a->source_name, names[i]))
			return 1;
	size_t ul = a->source_url ? strlen(a->source_url) : 0;
	for (size_t i = 0; ul && i < sizeof urls / sizeof urls[0]; i++)
		if (str_icasestr(a->source_url, ul, urls[i]))
			return 1;
	return 0;
}

void
form_read(const struct article *a, const char *title, enum lang lang, struct piece_form *out)
{
	memset(out, 0, sizeof *out);
	out->howto = is_howto(title, a->text ? a->text : "");
	/* A roadmap names the version it plans ("Roadmap for Ruby 1.9.2"): a language's or a
	 * project's design ahead, not a release. */
	static const char *const plans[] = {"roadmap", "roadmaps"};
	out->release = (text_is_release(title) || leads_with_version(title)) && !text_has_word(title, plans, 2);
	out->model_release = out->release && releases_a_model(title);
	char tw[TITLE_WORDS_MAX];
	title_words(title, tw);
	out->essay_title = is_essay_title(title, lang) || judges_in_title(title, lang) ||
	                   is_retrospective_title(tw, lang) || claims_in_title(tw, lang);
	out->notice = is_notice_title(title, tw);
	out->sponsored = is_sponsored(title, a->text ? a->text : "");
	out->code_feed = is_code_feed(a);
	out->episode = is_episode_title(title, tw);
	out->year_review = is_year_review(tw, title, lang);
}
