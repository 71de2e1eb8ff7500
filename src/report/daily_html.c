/* daily_html.c: the daily digest as one self-contained HTML page: inline CSS (light and
 * dark), charts as inline SVG, a Content-Security-Policy that forbids every request and
 * script, and every feed-supplied string escaped. Same sections as the Markdown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "feed/feed.h"
#include "report/escape.h"
#include "report/page.h"
#include "report/mdsubset.h"
#include "report/render.h"
#include "report/svg.h"
#include "util/str.h"
#include "util/timeutil.h"

/* default-src 'none' blocks every fetch (scripts, images, fonts, frames, connections);
 * only inline styles and data: images are allowed. */

static const char css[] =
	":root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1d1d1f;--muted:#6b6b70;--card:#f3f3f1;"
	"--line:#dcdcd8;--link:#0b5cad;--accent:#c2410c;--c0:#6366f1;--c1:#dc2626;--c2:#0891b2;"
	"--c3:#16a34a;--c4:#d97706;--c5:#78716c}\n"
	"@media (prefers-color-scheme:dark){:root{--bg:#121214;--fg:#e8e8ea;--muted:#a0a0a8;--card:#1d1d21;"
	"--line:#34343a;--link:#7cb7ff;--accent:#fb923c;--c0:#818cf8;--c1:#f87171;--c2:#22d3ee;"
	"--c3:#4ade80;--c4:#fbbf24;--c5:#a8a29e}}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.65 system-ui,-apple-system,\"Segoe UI\","
	"\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;overflow-wrap:anywhere}\n"
	"main{max-width:46rem;margin:0 auto;padding:1rem 1rem 3rem}\n"
	"h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .8rem;"
	"padding-bottom:.3rem;border-bottom:1px solid var(--line)}h3{font-size:1.08rem;margin:1.4rem 0 .4rem}\n"
	"a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}\n"
	".src{color:var(--muted);border-left:3px solid var(--accent);padding-left:.7rem}\n"
	".meta{color:var(--muted);font-size:.9rem;margin:.2rem 0}.meta a{color:var(--link)}\n"
	"blockquote{margin:.6rem 0;padding:.5rem .9rem;background:var(--card);border-radius:6px;"
	"border-left:3px solid var(--line)}blockquote p{margin:.3rem 0}\n"
	".pick{background:var(--card);border-radius:10px;padding:.8rem 1rem;margin:1rem 0}"
	".pick blockquote{background:var(--bg)}\n"
	".medal{font-size:1.3rem;margin-right:.3rem}.why{margin:.4rem 0}.kw{color:var(--muted);font-size:.9rem}\n"
	"table{border-collapse:collapse;width:100%;text-align:center}th,td{border:1px solid var(--line);"
	"padding:.4rem}th{background:var(--card)}\n"
	".donut{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}.ring{stroke:var(--line)}\n"
	".donut-total{font-size:6px;fill:var(--fg)}.legend{list-style:none;padding:0;margin:0}\n"
	".sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em}\n"
	".c0{stroke:var(--c0);background:var(--c0)}.c1{stroke:var(--c1);background:var(--c1)}"
	".c2{stroke:var(--c2);background:var(--c2)}.c3{stroke:var(--c3);background:var(--c3)}"
	".c4{stroke:var(--c4);background:var(--c4)}.c5{stroke:var(--c5);background:var(--c5)}\n"
	".bars text{font-size:12px;fill:var(--fg)}.bar{fill:var(--accent)}\n"
	".tags{line-height:2}.tag{display:inline-block;background:var(--card);border-radius:999px;"
	"padding:0 .6rem;margin:0 .2rem .3rem 0;font-size:.9rem}.tag.top{font-weight:700;"
	"border:1px solid var(--accent)}.tag small{color:var(--muted)}\n"
	".item{border-bottom:1px solid var(--line);padding-bottom:.6rem}.score{color:var(--accent)}\n"
	"details{background:var(--card);border-radius:6px;padding:.5rem .9rem}summary{cursor:pointer}\n"
	"footer{margin-top:2rem;color:var(--muted);font-size:.85rem}\n"
	"@media (max-width:480px){body{font-size:15px}h1{font-size:1.35rem}}\n";

static void
html_link(struct buf *out, const char *text, const char *url)
{
	if (esc_url_ok(url)) {
		buf_puts(out, "<a href=\"");
		esc_html(out, url);
		buf_puts(out, "\" rel=\"noopener noreferrer\" dir=\"auto\">");
		esc_html(out, text);
		buf_puts(out, "</a>");
	} else {
		buf_puts(out, "<span dir=\"auto\">");
		esc_html(out, text);
		buf_puts(out, "</span>");
	}
}

static void
html_keywords(struct buf *out, const struct report_item *it)
{
	if (it->keyword_count == 0)
		return;
	buf_puts(out, "<p class=\"kw\">🏷️ ");
	for (size_t k = 0; k < it->keyword_count; k++) {
		if (k)
			buf_puts(out, ", ");
		buf_puts(out, "<bdi>");
		esc_html(out, it->keywords[k]);
		buf_puts(out, "</bdi>");
	}
	buf_puts(out, "</p>\n");
}

/* An item's heading: the translated title, or the original as the link when there is no
 * translation (then the meta line does not repeat it). */
static void
html_title(struct buf *out, const struct report_item *it)
{
	if (render_has_translation(it))
		esc_html(out, render_item_title(it));
	else
		html_link(out, it->title, it->link);
}

static void
html_meta(const struct report *r, const struct i18n *t, const struct report_item *it, struct buf *out,
          int with_category)
{
	buf_puts(out, "<p class=\"meta\">");
	if (render_has_translation(it)) {
		html_link(out, it->title, it->link);
		buf_puts(out, " — ");
	}
	buf_puts(out, "<b><bdi>");
	esc_html(out, it->source_count ? it->sources[0].name : "");
	buf_puts(out, "</bdi></b>");
	for (size_t s = 1; s < it->source_count; s++) {
		if (s == 1) {
			buf_puts(out, " · ");
			esc_html(out, t->also_in);
			buf_putc(out, ' ');
		} else {
			buf_puts(out, ", ");
		}
		if (render_same_article(it, &it->sources[s])) {
			buf_puts(out, "<bdi>");
			esc_html(out, it->sources[s].name);
			buf_puts(out, "</bdi>");
		} else {
			html_link(out, it->sources[s].name, it->sources[s].link);
		}
	}
	buf_puts(out, " · ");
	if (it->published != FEED_NO_DATE) {
		char iso[32];
		time_format_rfc3339(it->published, iso, sizeof iso);
		buf_printf(out, "<time datetime=\"%s\" title=\"", iso);
		i18n_local(out, it->published, I18N_DATETIME);
		buf_puts(out, "\">");
		render_ago(r, t, it, out);
		buf_puts(out, "</time>");
	} else {
		render_ago(r, t, it, out);
	}
	if (with_category)
		buf_printf(out, " · %s %s", category_emoji(it->category), category_label(it->category, r->lang));
	else
		buf_printf(out, " · <span class=\"score\">⭐ %d/30</span>", it->total);
	buf_puts(out, "</p>\n");
}

static void
html_summary(struct buf *out, const char *summary)
{
	if (!summary || !*summary)
		return;
	buf_puts(out, "<blockquote>");
	esc_html_paras(out, summary);
	buf_puts(out, "</blockquote>\n");
}

static void
html_must_read(const struct report *r, const struct i18n *t, struct buf *out)
{
	buf_printf(out, "<section id=\"must-read\">\n<h2>🏆 %s</h2>\n", t->h_must_read);
	for (size_t i = 0; i < r->item_count && i < RENDER_MUST_READ; i++) {
		const struct report_item *it = &r->items[i];
		buf_printf(out, "<article class=\"pick\">\n<h3 dir=\"auto\"><span class=\"medal\">%s</span>", t->rank_medal[i]);
		html_title(out, it);
		buf_puts(out, "</h3>\n");
		html_meta(r, t, it, out, 1);
		html_summary(out, it->summary);
		if (it->reason && *it->reason) {
			buf_printf(out, "<p class=\"why\" dir=\"auto\">💡 <b>%s</b>: ", t->why_read);
			esc_html(out, it->reason);
			buf_puts(out, "</p>\n");
		}
		html_keywords(out, it);
		buf_puts(out, "</article>\n");
	}
	buf_puts(out, "</section>\n");
}

static void
html_overview(const struct report *r, const struct i18n *t, struct buf *out)
{
	struct buf cells[4] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	render_stat_cells(r, t, cells);
	buf_printf(out, "<section id=\"overview\">\n<h2>📊 %s</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n"
	                "<tr><td>%s</td><td>%s</td><td>%s</td><td><b>%s",
	           t->h_overview, t->col_feeds, t->col_articles, t->col_hours, t->col_selected, buf_str(&cells[0]),
	           buf_str(&cells[1]), buf_str(&cells[2]), buf_str(&cells[3]));
	for (int i = 0; i < 4; i++)
		buf_free(&cells[i]);
	buf_printf(out, "</b></td></tr>\n</table>\n<h3>%s</h3>\n", t->h_categories);
	if (r->category_count)
		svg_category_donut(r, t, out);
	else
		buf_printf(out, "<p>%s</p>\n", t->nothing);
	buf_printf(out, "<h3>%s</h3>\n", t->h_keywords);
	if (r->keyword_count)
		svg_keyword_bars(r, t, out);
	else
		buf_printf(out, "<p>%s</p>\n", t->nothing);
	buf_printf(out, "<h3>🏷️ %s</h3>\n<p class=\"tags\">", t->h_tags);
	for (size_t i = 0; i < r->keyword_count && i < RENDER_TAG_KEYWORDS; i++) {
		buf_printf(out, "<span class=\"tag%s\"><bdi>", i < RENDER_TAG_BOLD ? " top" : "");
		esc_html(out, r->keywords[i].word);
		buf_printf(out, "</bdi> <small>%d</small></span>\n", r->keywords[i].count);
	}
	if (r->keyword_count == 0)
		buf_puts(out, t->nothing);
	buf_puts(out, "</p>\n</section>\n");
}

static void
html_categories(const struct report *r, const struct i18n *t, struct buf *out)
{
	size_t *idx = xcalloc(r->item_count + 1, sizeof *idx);
	int number = 0;
	for (size_t c = 0; c < r->category_count; c++) {
		enum category cat = r->categories[c].category;
		size_t n = render_items_of(r, cat, idx);
		if (n == 0)
			continue;
		buf_printf(out, "<section class=\"category\" id=\"cat-%s\">\n<h2>%s ", category_id(cat), category_emoji(cat));
		esc_html(out, category_label(cat, r->lang));
		buf_puts(out, "</h2>\n");
		for (size_t k = 0; k < n; k++) {
			const struct report_item *it = &r->items[idx[k]];
			buf_printf(out, "<article class=\"item\">\n<h3 dir=\"auto\">%d. ", ++number);
			html_title(out, it);
			buf_puts(out, "</h3>\n");
			html_meta(r, t, it, out, 0);
			html_summary(out, it->summary);
			html_keywords(out, it);
			buf_puts(out, "</article>\n");
		}
		buf_puts(out, "</section>\n");
	}
	free(idx);
}

/* error in <code>, escaped. */
static void
html_code(struct buf *out, const char *error)
{
	buf_puts(out, "<code>");
	esc_html(out, error);
	buf_puts(out, "</code>");
}

static void
html_problems(struct buf *out, const char *heading, const struct report_problem *p, size_t n,
              const struct i18n *t, int kind)
{
	if (n == 0)
		return;
	buf_puts(out, "<h3>");
	esc_html(out, heading);
	buf_printf(out, " (%zu)</h3>\n<ul>\n", n);
	size_t shown = n < RENDER_HEALTH_LIST_MAX ? n : RENDER_HEALTH_LIST_MAX;
	for (size_t i = 0; i < shown; i++) {
		buf_puts(out, "<li>");
		if (kind <= 1) {
			html_link(out, p[i].name ? p[i].name : p[i].url, p[i].url);
			buf_puts(out, kind == 0 ? ": " : " — ");
			if (kind == 0) {
				render_fetch_error(t, p[i].detail, html_code, out);
			} else {
				render_stale_detail(t, &p[i], out);
			}
		} else {
			buf_puts(out, "<bdi>");
			esc_html(out, p[i].detail);
			buf_puts(out, "</bdi> — <bdi>");
			esc_html(out, p[i].name);
			buf_puts(out, "</bdi>");
			if (kind == 3) {
				buf_puts(out, " · ");
				i18n_local(out, p[i].when, I18N_DATE);
			}
		}
		buf_puts(out, "</li>\n");
	}
	if (shown < n) {
		struct buf more = BUF_INIT;
		render_health_more(t, n - shown, &more);
		buf_puts(out, "<li>");
		esc_html(out, buf_str(&more));
		buf_puts(out, "</li>\n");
		buf_free(&more);
	}
	buf_puts(out, "</ul>\n");
}

static void
html_health(const struct report *r, const struct i18n *t, struct buf *out)
{
	const struct report_health *h = &r->health;
	buf_printf(out, "<section id=\"health\">\n<h2>🩺 %s</h2>\n", t->h_health);
	if (h->failed_count + h->stale_count + h->undated_count + h->future_count == 0) {
		buf_printf(out, "<p>%s</p>\n</section>\n", t->health_ok);
		return;
	}
	buf_puts(out, "<details>\n<summary>");
	render_health_summary(r, t, out);
	buf_puts(out, "</summary>\n");
	struct buf stale = BUF_INIT;
	render_stale_heading(r, t, &stale);
	html_problems(out, t->h_failed, h->failed, h->failed_count, t, 0);
	html_problems(out, buf_str(&stale), h->stale, h->stale_count, t, 1);
	html_problems(out, t->h_undated, h->undated, h->undated_count, t, 2);
	html_problems(out, t->h_future, h->future, h->future_count, t, 3);
	buf_free(&stale);
	buf_puts(out, "</details>\n</section>\n");
}

void
report_daily_html(const struct report *r, struct buf *out)
{
	const struct i18n *t = i18n_get(r->lang);
	struct buf title = BUF_INIT;
	report_daily_title(r, &title);
	page_head(out, PAGE_STATIC, t->code, buf_str(&title), r->brand ? r->brand->cover : NULL, NULL, css);
	buf_puts(out, "<main>\n<header>\n<h1>📰 ");
	esc_html(out, buf_str(&title));
	buf_free(&title);
	buf_puts(out, "</h1>\n<p class=\"src\">");
	render_header_line(r, t, out);
	buf_puts(out, "</p>\n");
	report_brand_top_html(r->brand, out);
	buf_printf(out, "</header>\n<section id=\"highlights\">\n<h2>📝 %s</h2>\n", t->h_highlights);
	if (r->highlights && *r->highlights)
		esc_html_paras(out, r->highlights);
	else
		buf_printf(out, "<p>%s</p>\n", t->no_highlights);
	buf_puts(out, "</section>\n");
	html_must_read(r, t, out);
	html_overview(r, t, out);
	html_categories(r, t, out);
	html_health(r, t, out);
	if (r->brand && r->brand->outro) {
		buf_puts(out, "<section id=\"outro\">\n");
		mds_html(out, r->brand->outro, NULL, NULL);
		buf_puts(out, "</section>\n");
	}
	buf_puts(out, "<footer>\n<p>");
	render_footer_line(r, t, out);
	buf_puts(out, "</p>\n<p>");
	render_engine_line(r, t, esc_html, out);
	buf_printf(out, "</p>\n<p>%s</p>\n", r->is_default_list ? t->credit_default_html : t->credit_custom);
	report_brand_line_html(r->brand, out);
	buf_puts(out, "</footer>\n</main>\n</body>\n</html>\n");
}
