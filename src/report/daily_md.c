/* daily_md.c: the daily digest as Markdown, in seed 000's order: title, source line,
 * highlights, must-read top 3, overview table, category pie, keyword bar chart (mermaid
 * and plain text), tag cloud, one section per category, feed health, footer. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "feed/feed.h"
#include "report/escape.h"
#include "report/mdsubset.h"
#include "report/render.h"
#include "report/weekly.h"
#include "util/str.h"
#include "util/utf8.h"

static void
md_link(struct buf *out, const char *text, const char *url)
{
	if (esc_url_ok(url)) {
		buf_putc(out, '[');
		esc_md_inline(out, text);
		buf_puts(out, "](");
		esc_md_url(out, url);
		buf_putc(out, ')');
	} else {
		esc_md_inline(out, text);
	}
}

static void
md_keywords(struct buf *out, const struct report_item *it)
{
	if (it->keyword_count == 0)
		return;
	buf_puts(out, "🏷️ ");
	for (size_t k = 0; k < it->keyword_count; k++) {
		if (k)
			buf_puts(out, ", ");
		esc_md_inline(out, it->keywords[k]);
	}
	buf_puts(out, "\n\n");
}

/* "— **a** · 同时见于 [b](…), [c](…)" (without the dash when it starts the line) */
static void
md_sources(struct buf *out, const struct i18n *t, const struct report_item *it, int bold, int dash)
{
	if (dash)
		buf_puts(out, " — ");
	if (bold)
		buf_puts(out, "**");
	esc_md_inline(out, it->source_count ? it->sources[0].name : "");
	if (bold)
		buf_puts(out, "**");
	for (size_t s = 1; s < it->source_count; s++) {
		buf_puts(out, s == 1 ? " · " : ", ");
		if (s == 1) {
			buf_puts(out, t->also_in);
			buf_putc(out, ' ');
		}
		/* A link post of the lead's own article gives the reader nothing to follow: the name only. */
		if (render_same_article(it, &it->sources[s]))
			esc_md_inline(out, it->sources[s].name);
		else
			md_link(out, it->sources[s].name, it->sources[s].link);
	}
}

/* An item's heading: the translated title, or, with no translation, the original title as
 * the link (so the title is not printed twice). */
static void
md_title(struct buf *out, const struct report_item *it)
{
	if (render_has_translation(it))
		esc_md_inline(out, render_item_title(it));
	else
		md_link(out, it->title, it->link);
}

/* The line under the heading: the original title's link (only when the heading is a
 * translation) and the sources. */
static void
md_title_link(struct buf *out, const struct i18n *t, const struct report_item *it, int bold)
{
	int tr = render_has_translation(it);
	if (tr)
		md_link(out, it->title, it->link);
	md_sources(out, t, it, bold, tr);
}

static void
md_must_read(const struct report *r, const struct i18n *t, struct buf *out)
{
	buf_puts(out, "## 🏆 ");
	buf_puts(out, t->h_must_read);
	buf_puts(out, "\n\n");
	for (size_t i = 0; i < r->item_count && i < RENDER_MUST_READ; i++) {
		const struct report_item *it = &r->items[i];
		buf_puts(out, t->rank_medal[i]);
		buf_puts(out, " **");
		md_title(out, it);
		buf_puts(out, "**\n\n");
		md_title_link(out, t, it, 0);
		buf_puts(out, " · ");
		render_ago(r, t, it, out);
		buf_puts(out, " · ");
		buf_puts(out, category_emoji(it->category));
		buf_putc(out, ' ');
		buf_puts(out, category_label(it->category, r->lang));
		buf_puts(out, "\n\n");
		if (it->summary && *it->summary) {
			esc_md_quote(out, it->summary);
			buf_putc(out, '\n');
		}
		if (it->reason && *it->reason) {
			buf_puts(out, "💡 **");
			buf_puts(out, t->why_read);
			buf_puts(out, "**: ");
			esc_md_inline(out, it->reason);
			buf_puts(out, "\n\n");
		}
		md_keywords(out, it);
	}
	buf_puts(out, "---\n\n");
}

static void
md_overview(const struct report *r, const struct i18n *t, struct buf *out)
{
	struct buf cells[4] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	render_stat_cells(r, t, cells);
	buf_printf(out, "## 📊 %s\n\n| %s | %s | %s | %s |\n|:---:|:---:|:---:|:---:|\n| %s | %s | %s | **%s** |\n\n",
	           t->h_overview, t->col_feeds, t->col_articles, t->col_hours, t->col_selected, buf_str(&cells[0]),
	           buf_str(&cells[1]), buf_str(&cells[2]), buf_str(&cells[3]));
	for (int i = 0; i < 4; i++)
		buf_free(&cells[i]);

	buf_printf(out, "### %s\n\n", t->h_categories);
	if (r->category_count == 0) {
		buf_printf(out, "%s\n\n", t->nothing);
	} else {
		buf_printf(out, "```mermaid\npie showData\n    title \"%s\"\n", t->pie_title);
		for (size_t i = 0; i < r->category_count; i++)
			buf_printf(out, "    \"%s %s\" : %d\n", category_emoji(r->categories[i].category),
			           category_label(r->categories[i].category, r->lang), r->categories[i].count);
		buf_puts(out, "```\n\n");
	}
}

static void
md_keyword_charts(const struct report *r, const struct i18n *t, struct buf *out)
{
	buf_printf(out, "### %s\n\n", t->h_keywords);
	if (r->keyword_count == 0) {
		buf_printf(out, "%s\n\n", t->nothing);
		return;
	}
	size_t n = r->keyword_count < RENDER_CHART_KEYWORDS ? r->keyword_count : RENDER_CHART_KEYWORDS;
	int max = r->keywords[0].count;
	buf_printf(out, "```mermaid\nxychart-beta horizontal\n    title \"%s\"\n    x-axis [", t->h_keywords);
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, i ? ", \"" : "\"");
		esc_mermaid(out, r->keywords[i].word, 32);
		buf_putc(out, '"');
	}
	buf_printf(out, "]\n    y-axis \"%s\" 0 --> %d\n    bar [", t->bar_axis, render_axis_max(max));
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%d", i ? ", " : "", r->keywords[i].count);
	buf_puts(out, "]\n```\n\n");

	/* The text chart: labels padded by display width so CJK labels line up. */
	n = r->keyword_count < RENDER_ASCII_KEYWORDS ? r->keyword_count : RENDER_ASCII_KEYWORDS;
	struct buf labels[RENDER_ASCII_KEYWORDS];
	size_t width = 0, fence = 3;
	for (size_t i = 0; i < n; i++) {
		labels[i] = (struct buf)BUF_INIT;
		esc_fit_width(&labels[i], r->keywords[i].word, RENDER_ASCII_LABEL);
		size_t w = utf8_width(buf_str(&labels[i]), labels[i].len);
		if (w > width)
			width = w;
		if (esc_backtick_run(buf_str(&labels[i])) >= fence)
			fence = esc_backtick_run(buf_str(&labels[i])) + 1;
	}
	buf_printf(out, "<details>\n<summary>📈 %s</summary>\n\n", t->ascii_summary);
	for (size_t f = 0; f < fence; f++)
		buf_putc(out, '`');
	buf_putc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, buf_str(&labels[i]));
		for (size_t w = utf8_width(buf_str(&labels[i]), labels[i].len); w < width; w++)
			buf_putc(out, ' ');
		buf_puts(out, " │ ");
		int cells = render_bar_cells(r->keywords[i].count, max, RENDER_ASCII_BAR);
		for (int c = 0; c < RENDER_ASCII_BAR; c++)
			buf_puts(out, c < cells ? "█" : "░");
		buf_printf(out, " %d\n", r->keywords[i].count);
		buf_free(&labels[i]);
	}
	for (size_t f = 0; f < fence; f++)
		buf_putc(out, '`');
	buf_puts(out, "\n\n</details>\n\n");
}

static void
md_tags(const struct report *r, const struct i18n *t, struct buf *out)
{
	buf_printf(out, "### 🏷️ %s\n\n", t->h_tags);
	if (r->keyword_count == 0)
		buf_puts(out, t->nothing);
	for (size_t i = 0; i < r->keyword_count && i < RENDER_TAG_KEYWORDS; i++) {
		if (i)
			buf_puts(out, " · ");
		if (i < RENDER_TAG_BOLD)
			buf_puts(out, "**");
		esc_md_inline(out, r->keywords[i].word);
		if (i < RENDER_TAG_BOLD)
			buf_puts(out, "**");
		buf_printf(out, "(%d)", r->keywords[i].count);
	}
	buf_puts(out, "\n\n---\n\n");
}

static void
md_categories(const struct report *r, const struct i18n *t, struct buf *out)
{
	size_t *idx = xcalloc(r->item_count + 1, sizeof *idx);
	int number = 0;
	for (size_t c = 0; c < r->category_count; c++) {
		enum category cat = r->categories[c].category;
		size_t n = render_items_of(r, cat, idx);
		if (n == 0)
			continue;
		buf_printf(out, "## %s %s\n\n", category_emoji(cat), category_label(cat, r->lang));
		for (size_t k = 0; k < n; k++) {
			const struct report_item *it = &r->items[idx[k]];
			buf_printf(out, "### %d. ", ++number);
			md_title(out, it);
			buf_puts(out, "\n\n");
			md_title_link(out, t, it, 1);
			buf_puts(out, " · ");
			render_ago(r, t, it, out);
			buf_puts(out, " · ⭐ ");
			char s[16];
			snprintf(s, sizeof s, "%d", it->total);
			const char *score[] = {s};
			i18n_fill(out, t->score, score, 1);
			buf_puts(out, "\n\n");
			if (it->summary && *it->summary) {
				esc_md_quote(out, it->summary);
				buf_putc(out, '\n');
			}
			md_keywords(out, it);
			buf_puts(out, "---\n\n");
		}
	}
	free(idx);
}

/* error as a one-line code span: backticks become quotes, line breaks spaces, the rest
 * literal (a code span shows it as the fetcher wrote it). */
static void
md_code_span(struct buf *out, const char *error)
{
	buf_putc(out, '`');
	for (const char *c = error; *c; c++)
		buf_putc(out, *c == '`' ? '\'' : (*c == '\n' || *c == '\r') ? ' ' : *c);
	buf_putc(out, '`');
}

static void
md_problem_list(struct buf *out, const char *heading, const struct report_problem *p, size_t n,
                const struct report *r, const struct i18n *t, int kind)
{
	if (n == 0)
		return;
	buf_printf(out, "**%s** (%zu)\n\n", heading, n);
	size_t shown = n < RENDER_HEALTH_LIST_MAX ? n : RENDER_HEALTH_LIST_MAX;
	for (size_t i = 0; i < shown; i++) {
		buf_puts(out, "- ");
		if (kind == 0 || kind == 1) {
			md_link(out, p[i].name ? p[i].name : p[i].url, p[i].url);
			buf_puts(out, kind == 0 ? ": " : " — ");
			if (kind == 0) {
				render_fetch_error(t, p[i].detail, md_code_span, out);
			} else {
				render_stale_detail(t, &p[i], out);
			}
		} else {
			esc_md_inline(out, p[i].detail);
			buf_puts(out, " — ");
			esc_md_inline(out, p[i].name);
			if (kind == 3) {
				buf_puts(out, " · ");
				i18n_local(out, p[i].when, I18N_DATE);
			}
		}
		buf_putc(out, '\n');
	}
	if (shown < n) {
		buf_puts(out, "- ");
		render_health_more(t, n - shown, out);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
	(void)r;
}

static void
md_health(const struct report *r, const struct i18n *t, struct buf *out)
{
	const struct report_health *h = &r->health;
	buf_printf(out, "## 🩺 %s\n\n", t->h_health);
	if (h->failed_count + h->stale_count + h->undated_count + h->future_count == 0) {
		buf_printf(out, "%s\n\n---\n\n", t->health_ok);
		return;
	}
	buf_puts(out, "<details>\n<summary>");
	render_health_summary(r, t, out);
	buf_puts(out, "</summary>\n\n");
	struct buf stale = BUF_INIT;
	render_stale_heading(r, t, &stale);
	md_problem_list(out, t->h_failed, h->failed, h->failed_count, r, t, 0);
	md_problem_list(out, buf_str(&stale), h->stale, h->stale_count, r, t, 1);
	md_problem_list(out, t->h_undated, h->undated, h->undated_count, r, t, 2);
	md_problem_list(out, t->h_future, h->future, h->future_count, r, t, 3);
	buf_free(&stale);
	buf_puts(out, "</details>\n\n---\n\n");
}

/* The digest's Markdown: with its title line, or as a site's post body (is_post: the theme
 * prints the title from the front matter, and "<!--more-->" ends the post's summary after
 * 今日看点). */
static void
daily_md(const struct report *r, int is_post, struct buf *out)
{
	const struct i18n *t = i18n_get(r->lang);
	if (!is_post) {
		buf_puts(out, "# 📰 ");
		report_daily_title(r, out);
		buf_puts(out, "\n\n");
	}
	buf_puts(out, "> ");
	render_header_line(r, t, out);
	buf_puts(out, "\n\n");
	report_brand_top_md(r->brand, out);
	buf_printf(out, "## 📝 %s\n\n", t->h_highlights);
	if (r->highlights && *r->highlights)
		esc_md_block(out, r->highlights, "");
	else
		buf_printf(out, "%s\n", t->no_highlights);
	if (is_post)
		buf_puts(out, "\n<!--more-->\n");
	buf_puts(out, "\n---\n\n");
	md_must_read(r, t, out);
	md_overview(r, t, out);
	md_keyword_charts(r, t, out);
	md_tags(r, t, out);
	md_categories(r, t, out);
	md_health(r, t, out);
	if (r->brand)
		mds_md(out, r->brand->outro, NULL);
	buf_puts(out, "*");
	render_footer_line(r, t, out);
	buf_puts(out, "*\n\n*");
	render_engine_line(r, t, esc_md_inline, out);
	buf_printf(out, "*\n\n*%s*\n", r->is_default_list ? t->credit_default : t->credit_custom);
	report_brand_line_md(r->brand, out);
}

void
report_daily_md(const struct report *r, struct buf *out)
{
	daily_md(r, 0, out);
}

#define POST_TAGS 5 /* the day's most frequent keywords a post is tagged with */

void
report_daily_post_md(const struct report *r, enum weekly_front_matter fm, struct buf *out)
{
	int zh = strcmp(r->lang, "en") != 0;
	const char *kind = zh ? "日报" : "daily";
	struct buf title = BUF_INIT;
	report_daily_title(r, &title);
	buf_puts(out, "---\n");
	if (fm == WEEKLY_FM_JEKYLL)
		buf_puts(out, "layout: post\n");
	buf_puts(out, "title: ");
	weekly_yaml_scalar(out, buf_str(&title));
	buf_puts(out, "\ndate: ");
	/* The moment it was made, with the local offset: Hugo shows and files the post by it, and
	 * Jekyll reads a bare "2026-02-21" as midnight in the zone it builds in and skips a post
	 * dated in its future, so a digest made at 07:00 in Shanghai and built at once in UTC (GitHub
	 * Pages) was not published. Jekyll's file name keeps the local day. */
	struct buf when = BUF_INIT;
	i18n_local(&when, r->generated_at, I18N_RFC3339);
	weekly_yaml_scalar(out, buf_str(&when));
	buf_free(&when);
	buf_puts(out, "\ntags:\n  - ");
	weekly_yaml_scalar(out, kind);
	/* A keyword with markup characters is no tag a site could name a page after. */
	for (size_t i = 0, n = 0; i < r->keyword_count && n < POST_TAGS; i++) {
		if (strpbrk(r->keywords[i].word, "<>&\"'`\\[]{}|*_#"))
			continue;
		buf_puts(out, "\n  - ");
		weekly_yaml_scalar(out, r->keywords[i].word);
		n++;
	}
	if (fm == WEEKLY_FM_HUGO) {
		buf_puts(out, "\ncategories:\n  - ");
		weekly_yaml_scalar(out, kind);
		if (r->highlights && *r->highlights) {
			/* Hugo renders a front matter summary as Markdown: escaped as the body's 今日看点
			 * is, on one line, then quoted for YAML. */
			struct buf summary = BUF_INIT;
			esc_md_inline(&summary, r->highlights);
			buf_puts(out, "\nsummary: ");
			weekly_yaml_scalar(out, buf_str(&summary));
			buf_free(&summary);
		}
		buf_puts(out, "\ndraft: false");
	}
	buf_puts(out, "\n---\n\n");
	buf_free(&title);
	struct buf body = BUF_INIT;
	daily_md(r, 1, &body);
	esc_site_body(out, buf_str(&body)); /* no Liquid or shortcode from feed text */
	buf_free(&body);
}
