/* render.h: pieces the Markdown, HTML and JSON renderers share (internal to report/). */
#ifndef BRIEF_REPORT_RENDER_H
#define BRIEF_REPORT_RENDER_H

#include <stddef.h>

#include "report/i18n.h"
#include "report/report.h"

/* How many keywords each view shows (seed 000: 12 in the chart, 10 in the text chart,
 * 20 in the tag cloud, the first 3 bold) and how many stories are "must read". */
enum {
	RENDER_CHART_KEYWORDS = 12,
	RENDER_ASCII_KEYWORDS = 10,
	RENDER_TAG_KEYWORDS = 20,
	RENDER_TAG_BOLD = 3,
	RENDER_MUST_READ = 3,
	RENDER_ASCII_BAR = 20,  /* cells of the longest text bar */
	RENDER_ASCII_LABEL = 24 /* display columns of a text-chart label at most */
};

/* The header line under the title, plain text (no feed-supplied strings). */
void render_header_line(const struct report *r, const struct i18n *t, struct buf *out);
/* The title to show for an item: the translation when there is one, else the original. */
const char *render_item_title(const struct report_item *it);
/* True when the translation differs from the original (so both are shown). */
int render_has_translation(const struct report_item *it);
/* "3 小时前", or "日期不详" for an undated item. */
void render_ago(const struct report *r, const struct i18n *t, const struct report_item *it, struct buf *out);
/* Append the decimal form of v. */
void render_long(struct buf *out, long v);
/* The footer's "generated" sentence, plain text. */
void render_footer_line(const struct report *r, const struct i18n *t, struct buf *out);
/* True when a further source of it links to the lead's own article (a link post: the same
 * URL), so its name is shown without a link that would only repeat the lead's. */
int render_same_article(const struct report_item *it, const struct report_source *src);

/* How many entries a health list of the Markdown and HTML digests shows: a thousand undated
 * items would bury the digest's end (the heading keeps the whole count; `brief feeds list`
 * shows every feed's health). */
#define RENDER_HEALTH_LIST_MAX 20

/* The line that ends a capped health list ("……另有 95 条未列出…"), plain text: n of them
 * were not shown. */
void render_health_more(const struct i18n *t, size_t n, struct buf *out);

/* The feed-health summary line ("2 个源抓取失败 · 1 条缺少日期"), plain text: only the counts
 * that are not zero, an English count of 1 in the singular ("1 feed failed"). */
void render_health_summary(const struct report *r, const struct i18n *t, struct buf *out);
/* The four overview cells (feeds ok/total, fetched → in window, hours, selected), plain
 * text, into cells[0..4) (appended). */
void render_stat_cells(const struct report *r, const struct i18n *t, struct buf cells[4]);
/* "超过 30 天未更新" */
void render_stale_heading(const struct report *r, const struct i18n *t, struct buf *out);
/* A failed feed's error for the reader, appended to out: with t's reason for its class
 * (i18n fetch_reason), "REASON（" + the line through code() + "）", else the line through
 * code() alone. code appends the fetcher's line as the format shows technical text. */
void render_fetch_error(const struct i18n *t, const char *error, void (*code)(struct buf *, const char *),
                        struct buf *out);
/* A stale feed's detail: "最新一篇：2025-11-23" or "从未有带日期的文章". */
void render_stale_detail(const struct i18n *t, const struct report_problem *p, struct buf *out);
/* The footer's engine sentence; esc escapes the model name for the output format. */
void render_engine_line(const struct report *r, const struct i18n *t, void (*esc)(struct buf *, const char *),
                        struct buf *out);
/* Items of category c in rank order: fills idx (capacity r->item_count), returns count. */
size_t render_items_of(const struct report *r, enum category c, size_t *idx);
/* Bar length in cells for count against max (rounded, at least 1 for count > 0). */
int render_bar_cells(int count, int max, int cells);
/* Upper end of a chart axis for a maximum value. */
int render_axis_max(int max);

#endif
