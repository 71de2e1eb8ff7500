/* weekly.h: the weekly roundup's editor: which company or topic each story is about, whether
 * it is news, a rumour or an open-source release, how stories group into paragraph groups,
 * and the paragraphs themselves (extractive offline; written by the model with an LLM).
 *
 * Configuration ([weekly] in the config file):
 *     max_stories = 30     stories the post covers at most (best first)
 *     max_groups  = 6      named company/topic groups in the news section (the rest go
 *                          into "其他新闻" / "Other news")
 *     entities    = Zed=zed.dev|Zed editor; Bun=bun.sh   extra names: Canonical=alias|alias;... */
#ifndef BRIEF_AI_LONGFORM_WEEKLY_H
#define BRIEF_AI_LONGFORM_WEEKLY_H

#include <stddef.h>
#include <stdint.h>

#include "draft.h"
#include "model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/config.h"
#include "util/err.h"

struct weekly_opts {
	int64_t now;
	int days;                 /* the window */
	const char *lang;         /* "zh" or "en" */
	int force_offline;        /* --offline */
	int max_stories;          /* 0 = config or 30 */
	int max_groups;           /* 0 = config or 6 */
	const struct config *cfg; /* may be NULL */
	int strict;               /* --strict: refuse the post when a group keeps unsupported claims */
};

/* The canonical name of the best-known company or project s mentions: the built-in list
 * (OpenAI, Google, Anthropic, Meta, Microsoft, Apple, Nvidia, DeepSeek, Alibaba, Mistral,
 * Hugging Face, ... with aliases such as Gemini -> Google, Claude -> Anthropic, Llama -> Meta,
 * Qwen -> Alibaba) plus the config's [weekly] entities. The earliest mention in s wins.
 * ASCII aliases match whole words (case-insensitively, except aliases that are also common
 * words, which must keep their capital); CJK aliases match as substrings. NULL when none; a name from the config is copied
 * into arena, built-in names are static. */
const char *weekly_entity(const char *s, const struct config *cfg, struct arena *arena);

/* The heading for an entity in lang: Chinese companies under their Chinese names in zh
 * ("Xiaomi" -> "小米"), everything else as is. */
const char *weekly_entity_label(const char *name, const char *lang);

/* Classify an article by lexical cues: WEEKLY_RUMOR when its title carries a rumour cue
 * ("reportedly", "rumor", "leak", "sources say", "据悉", "传闻", ...) or its opening text
 * carries two; WEEKLY_OPEN_SOURCE when its title says open source ("open-source", "开源"),
 * it links to a code forge, it comes from a release or tag feed (".../releases/tag/...",
 * releases.atom), or it announces a versioned release ("QEMU version 10.1.0 released", a
 * bare "v3.9.0") of something that is not a company's product ("iOS 18.4 released" stays
 * news) or that its text calls open source; else WEEKLY_NEWS. */
enum weekly_kind weekly_classify(const struct article *a);

/* Whether text (a paragraph under 小道消息 / Rumours) tells its news as reported, not as
 * fact: it carries a hedge or an attribution, matched as rumour cues are (ASCII at a word
 * start, case-insensitively; CJK as substrings): reportedly, report(ed/s), according to,
 * rumour, leak, sources, people familiar, unconfirmed, unverified, allegedly, claims, said to,
 * might, possibly, 据报道, 据悉, 据称, 据传, 报道, 消息称, 传闻, 爆料, 疑似, 网传, 未经证实,
 * 尚未确认, 可能, 或将, … (docs/weekly.md). */
int weekly_hedged(const char *text);

/* Build the post's body from the window's articles[0..count): curate them into ranked
 * stories (LLM or offline, as curate_run decides), keep the best max_stories, classify and
 * group them, and write the paragraphs. Fills post->sections, refs, engine, model and
 * articles_in_window; the front matter is the caller's. Everything lives in arena.
 * Returns 0, or -1 with e set. */
int weekly_build(struct store *st, struct article *articles, size_t count, const struct weekly_opts *opts,
                 struct arena *arena, struct weekly_post *post, struct err *e);

#endif
