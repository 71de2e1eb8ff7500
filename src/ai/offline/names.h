/* names.h: the one table of the Chinese names of companies, products and people that tech news
 * also writes in Latin letters, with the English word each stands for and the company the
 * weekly groups it under. Clustering (cluster_title_text) and the weekly's entities
 * (weekly_entity) read the same rows, so a name both know, or an everyday word both must not
 * take for a name (苹果汁, 小米粥, 三星堆, 阿里山), is written once. */
#ifndef BRIEF_AI_OFFLINE_NAMES_H
#define BRIEF_AI_OFFLINE_NAMES_H

#include <stddef.h>

struct zh_name {
	const char *zh;         /* the Chinese name: "苹果" */
	const char *latin;      /* the word an English title writes for it, lower case: "apple" */
	const char *entity;     /* the weekly's company or project it belongs to ("Apple"), NULL when
	                         * it is none of the weekly's list (索尼, 库克) */
	const char *not_before; /* space-separated words that, right after the name, make it an
	                         * everyday word ("汁 树 …": 苹果汁 is apple juice); "" when none */
	const char *not_after;  /* space-separated words that, right before the name, make it the
	                         * end of an everyday word ("红 …": 红豆包 is a red-bean bun); "" when
	                         * none */
};

/* The name that starts at p, or NULL: the first row whose Chinese name p starts with, not
 * followed by one of its not_before words nor preceded (within s, the text p points into) by
 * one of its not_after words. A longer name comes before a shorter one it starts with
 * (阿里巴巴 before 阿里), so the longest name is read. s and p are NUL-terminated UTF-8,
 * s <= p. */
const struct zh_name *zh_name_at(const char *s, const char *p);

/* Whether the Latin word w[0..len) is, in any case, the English word or the company of a row
 * ("Apple", "Meta", "Nvidia"): a known name, not an ordinary word, when it opens a sentence. */
int zh_name_latin(const char *w, size_t len);

#endif
