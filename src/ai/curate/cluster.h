/* cluster.h: story clustering across sources.
 *
 * Two articles are one story when they share a canonical URL (scheme, "www.", fragment,
 * trailing slash and utm_* parameters ignored; but two links naming different fragments are
 * two anchors of one page, two posts: Scripting News's "24.html#a090648", "#a100632"; and a
 * link to a site's home page or to the feed itself names no article: a podcast whose every
 * episode links to the show's page), when their titles are near-duplicates across
 * different sources (Jaccard similarity of the significant title words, folded by
 * cluster_fold_word, >= CLUSTER_TITLE_JACCARD,
 * at least 3 such words each; or >= CLUSTER_TITLE_CONTAINED when every word of the shorter title
 * is in the longer one: "OpenAI unveils GPT-5" and "OpenAI unveils GPT-5 with enhanced
 * multimodal capabilities"; but never when both titles carry numbers, words with a digit, and
 * not the same ones: "Linux 6.12" and "Linux 6.13", "Llama 2" and "Llama 3" are two stories;
 * a Chinese title, whose CJK character pairs word Jaccard cannot match across two wordings or
 * with an English title, joins when the Latin words of the title with fewer, at least
 * CLUSTER_TITLE_LATIN_MIN and one a number, are all in the other (and when one says a release
 * and the other not, the other says nothing more), "OpenAI 发布 GPT-5" and
 * "OpenAI releases GPT-5", two Chinese titles sharing a CJK word too; two Chinese titles in
 * other words, without a version, when they share a name (a Latin word, or a company's Chinese
 * name, cluster_title_text) and what happened (a CJK phrase, or a release word in both), names
 * and phrases CLUSTER_TITLE_ZH_SHARED at least and half the shorter title's words: "苹果起诉
 * Masimo 侵犯智能手表专利" and "苹果与 Masimo 专利纠纷升级：苹果提起诉讼"; an English and a
 * Chinese title without a number when every name of the Chinese one (Latin, one-letter or
 * read from Chinese), two at least, is in the English one and both say one event happened
 * (cluster_title_acts, or a release word in both), names and events CLUSTER_TITLE_ZH_SHARED
 * at least and half the shorter title's words: "Apple sues Masimo over patents" and "苹果起诉
 * Masimo 专利侵权"; two release headlines
 * of one version, "Rust 1.84.0 released" and "Announcing Rust 1.84.0": one title at least has
 * a release word, neither a series word nor CJK, and their words but the release words are
 * the same, two or more, one a number and one not), or when their texts
 * are near-duplicates (64-bit SimHash over
 * 3-word shingles within CLUSTER_SIMHASH_BITS bits, both texts at least 40 words). The
 * thresholds were tuned on the shared corpus (docs/ai.md). */
#ifndef BRIEF_AI_CURATE_CLUSTER_H
#define BRIEF_AI_CURATE_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "util/arena.h"

#define CLUSTER_TITLE_JACCARD 0.6
#define CLUSTER_TITLE_CONTAINED 0.5 /* a title inside the other: the longer at most twice as long */
#define CLUSTER_TITLE_LATIN_MIN 2 /* a Chinese title: Latin words of the other, one a number */
#define CLUSTER_TITLE_ZH_SHARED 3 /* two Chinese titles: names and CJK phrases shared */
#define CLUSTER_SIMHASH_BITS 6
#define CLUSTER_SAME_POST_SECONDS 86400 /* one post's dates in two feeds: a day apart at most */

struct text_iter;
struct buf;

/* Group articles[0..count) into stories (verdicts zeroed). The lead of a story is its earliest
 * article (ties: lowest id); the story id is 's' + 12 hex digits of a hash of the lead's URL key
 * with its link's fragment (else of its title, feed URL and date), so it is stable across runs. Stories come out in the order of their first
 * article in the input. Everything lives in arena. */
void cluster_stories(struct article *articles, size_t count, struct arena *arena, struct story **out,
                     size_t *story_count);
/* Whether id names s: its id, or the id s had when one of its members led it (a story that
 * another source joined with an earlier article: the id the reader saved from the digest,
 * before the lead changed). Scratch memory in arena. */
int cluster_story_has_id(const struct story *s, const char *id, struct arena *arena);
/* The URL key used for "same canonical URL" (lower-case host without www., no scheme, fragment,
 * utm_* parameters or trailing slash), in arena; NULL for NULL. */
const char *cluster_url_key(const char *url, struct arena *arena);
/* Whether a and b are one post of one publisher, carried by two of its feeds (its RSS and Atom
 * feeds, a FeedBurner copy whose link is a redirect): the same publisher (host of the feed URL
 * and source name, as site_count counts them) and either one article link (URL key with a path,
 * same anchor) or the same title dated within CLUSTER_SAME_POST_SECONDS of each other (both
 * dated). A reader is given such a post once: one reference, one source of an article. */
int cluster_same_post(const struct article *a, const struct article *b);
/* *out = s with the members that repeat an earlier member's post (cluster_same_post) left
 * out; the lead stays first. The member list lives in arena; the articles are s's. */
void cluster_distinct_posts(const struct story *s, struct arena *arena, struct story *out);
/* Whether the word text_next() gave (it) is a significant title word: a CJK word, or a word
 * of two letters or more that is no stopword, or a digit ("Llama 3"). */
int cluster_title_word(const struct text_iter *it);
/* Fold a significant non-CJK title word w[0..*len) (lower case, NUL-terminated) in place to
 * the form two wordings of one story share: a version's "v" dropped ("v1.32" is "1.32"), and
 * a word of five or more letters a-z without its inflection ("released", "releases" and
 * "release" are "releas"; "unveils" and "unveiled" "unveil"; "fines" and "fined" "fin"), the
 * stem three letters at least. Titles are compared by their folded words. */
void cluster_fold_word(char *w, size_t *len);
/* Whether w (a folded title word, or a stop word as text_next() gives it) says that something
 * came out: "releas", "announc", "availabl", "out", "now", "here" ... */
int cluster_release_word(const char *w);
/* Whether w (folded) names one issue of a series ("episod", "issu", "part", "week" ...), so
 * a number beside it is a serial number, not a version. */
int cluster_serial_word(const char *w);
/* Append title (NULL: none) to out as the title rules read it: a company's Chinese name that
 * tech news also writes in Latin letters ("苹果", "谷歌", "微软", "英伟达") as that name
 * ("apple", "google", "microsoft", "nvidia") between spaces, so "苹果起诉 Masimo" and "Apple
 * sues Masimo" share "apple"; an amount in 亿 (hundred millions) in billions, in 万亿 in
 * trillions ("75 亿美元" is "7.5 billion 美元", as "$7.5 billion"); with blank_release, a
 * Chinese release word ("发布", "推出", "上线",
 * "正式") as a space. Returns whether the title has a Chinese release word. */
int cluster_title_text(const char *title, int blank_release, struct buf *out);
/* What happened, as a title's text (cluster_title_text) says it: bit k for the k-th event of
 * cluster.c's list whose English words (folded, cluster_fold_word: "sues", "recalls",
 * "outage") or Chinese words ("起诉", "召回", "宕机") the text has. */
uint32_t cluster_title_acts(const char *text);
/* 64-bit SimHash of s over 3-word shingles. */
uint64_t cluster_simhash(const char *s);

#endif
