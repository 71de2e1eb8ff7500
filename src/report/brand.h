/* brand.h: the publisher's own blocks around every output (seed 000's closing 公众号 line,
 * seed 001's cover image and epigraph-like intro, a disclaimer under the article), read
 * from the config with safe defaults: nothing is added unless the user configured it
 * (the article's disclaimer has a default, as seed 002 always prints one).
 *
 * Config (a kind's own section overrides [brand]):
 *     [brand]                 line = 由「懂点儿AI」制作，欢迎关注同名微信公众号
 *                             intro = …   outro = …   cover = https://…/cover.webp
 *     [daily] / [weekly] / [article]    brand_line, intro, outro, cover
 *     [article]               disclaimer = 本文仅代表作者观点，欢迎讨论（"none" = no line）
 * intro and outro are long-form text in the safe Markdown subset (mdsubset.h); the
 * two characters "\n" in a value start a new line. line and disclaimer are plain text.
 * cover must be an http(s) URL without spaces, quotes, ';' or ','; anything else is
 * ignored. The HTML pages allow exactly that URL in their Content-Security-Policy. */
#ifndef BRIEF_REPORT_BRAND_H
#define BRIEF_REPORT_BRAND_H

#include "util/arena.h"
#include "util/buf.h"
#include "util/config.h"

struct report_brand {
	const char *line;       /* closing line, plain text; NULL = none */
	const char *intro;      /* block under the title (subset); NULL = none */
	const char *outro;      /* block before the references / footer (subset); NULL = none */
	const char *cover;      /* http(s) image URL under the title; NULL = none */
	const char *disclaimer; /* article only: the line before 今日互动; NULL = none */
};

/* Fill b for kind ("daily", "weekly", "article") in lang ("zh"/"en") from cfg (may be
 * NULL: the defaults). Strings live in the arena. */
void report_brand_load(const struct config *cfg, const char *kind, const char *lang, struct arena *a,
                       struct report_brand *b);

/* An article the offline engine compiled from quotations (it adds no judgement, so "the
 * author's views" would be false): the default disclaimer becomes one that gives the views
 * to the quoted authors. A configured [article] disclaimer, "none" included, is kept. */
void report_brand_compiled(const struct config *cfg, const char *lang, struct report_brand *b);

/* The blocks under the title: the cover image and the intro (nothing when b is NULL or
 * has neither), as Markdown or HTML. */
void report_brand_top_md(const struct report_brand *b, struct buf *out);
void report_brand_top_html(const struct report_brand *b, struct buf *out);
/* The closing line: Markdown "\n*line*\n", HTML "<p>line</p>\n"; nothing without one. */
void report_brand_line_md(const struct report_brand *b, struct buf *out);
void report_brand_line_html(const struct report_brand *b, struct buf *out);
/* The end of an article page (the weekly post, a commentary): <footer> with note (plain
 * text, escaped) and b's closing line, then the closing tags of article, body and html. */
void report_footer_html(const char *note, const struct report_brand *b, struct buf *out);

#endif
