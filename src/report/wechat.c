/* wechat.c: the 公众号 fragment of the article, the weekly and the daily (wechat.h).
 * Every element is written with its full inline style so that nothing depends on a
 * stylesheet, a class or the editor's defaults. */
#include "report/wechat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "report/escape.h"
#include "report/mdsubset.h"
#include "report/render.h"
#include "util/str.h"
#include "util/utf8.h"

/* Styles that do not depend on the theme. */
#define ST_ROOT                                                                                                \
	"margin:0;padding:0 4px;font-size:16px;line-height:1.75;color:#333333;letter-spacing:0.5px;"          \
	"text-align:justify;word-wrap:break-word;font-family:-apple-system,BlinkMacSystemFont,"                \
	"'PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif"
#define ST_P "margin:0 0 1.2em;font-size:16px;line-height:1.75;color:#333333"
#define ST_LIST "margin:0 0 1.2em;padding-left:1.6em;font-size:16px;line-height:1.75;color:#333333"
#define ST_LI "margin:0 0 0.5em"
#define ST_MUTED "margin:0 0 0.6em;font-size:13px;line-height:1.6;color:#888888;text-align:left"
#define ST_LINE "margin:0 0 1.2em;font-size:15px;line-height:1.75;color:#333333;text-align:left"
#define ST_ITEM "margin:1.4em 0 0.4em;font-size:17px;line-height:1.6;font-weight:bold;color:#222222"
#define ST_REF "margin:0 0 0.6em;font-size:12px;line-height:1.6;color:#888888;word-break:break-all"
#define ST_REFS_H "margin:2em 0 0.8em;font-size:15px;font-weight:bold;color:#333333"
#define ST_HEADLINE "margin:0 0 1.2em;font-size:20px;line-height:1.4;font-weight:bold;color:#222222"
#define ST_NOTE "margin:1.2em 0 0;font-size:12px;line-height:1.6;color:#aaaaaa;text-align:center"
#define ST_DISCLAIMER                                                                                          \
	"margin:1.8em 0 1.2em;padding-top:0.8em;border-top:1px solid #e5e5e5;font-size:13px;"                  \
	"line-height:1.6;color:#999999;text-align:center"
#define ST_COVER "margin:0 0 1.2em"
#define ST_IMG "display:block;width:100%;height:auto"

/* The rendering context: the output, the theme's styles, the citation targets. */
struct wx {
	struct buf *out;
	char h2[256], strong[96], cite[128], quote[256], box[256], box_h[128], group[160];
	struct mds_style body, quote_body;
	struct mds_refs refs;
};

static void
wx_init(struct wx *w, const struct wechat_theme *t, struct buf *out, size_t ref_count)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	snprintf(w->h2, sizeof w->h2,
	         "margin:1.8em 0 1em;padding-left:10px;border-left:4px solid %s;font-size:18px;"
	         "line-height:1.5;font-weight:bold;color:%s",
	         t->accent, t->accent);
	snprintf(w->strong, sizeof w->strong, "font-weight:bold;color:%s", t->accent);
	snprintf(w->cite, sizeof w->cite, "font-size:12px;line-height:0;vertical-align:super;color:%s", t->accent);
	snprintf(w->quote, sizeof w->quote,
	         "margin:0 0 1.2em;padding:10px 14px;border-left:3px solid %s;background-color:%s;"
	         "font-size:15px;line-height:1.7;color:#555555",
	         t->accent, t->soft);
	snprintf(w->box, sizeof w->box,
	         "margin:2em 0 1.2em;padding:14px 16px;border:1px dashed %s;border-radius:6px;background-color:%s",
	         t->accent, t->soft);
	snprintf(w->box_h, sizeof w->box_h, "margin:0 0 0.6em;font-size:16px;font-weight:bold;color:%s", t->accent);
	snprintf(w->group, sizeof w->group, "margin:1.4em 0 0.6em;font-size:16px;font-weight:bold;color:%s",
	         t->accent);
	w->body = (struct mds_style){ST_P, w->strong, ST_LIST, ST_LI, w->cite};
	w->quote_body = (struct mds_style){"margin:0 0 0.4em", w->strong, ST_LIST, ST_LI, w->cite};
	w->refs = (struct mds_refs){ref_count, NULL};
	buf_puts(out, "<section style=\"" ST_ROOT "\">\n");
}

static void
wx_end(struct wx *w)
{
	buf_puts(w->out, "</section>\n");
}

/* <p style="style">text</p> with text escaped (plain text, no subset). */
static void
wx_p(struct wx *w, const char *style, const char *text)
{
	buf_printf(w->out, "<p style=\"%s\">", style);
	esc_html(w->out, text);
	buf_puts(w->out, "</p>\n");
}

static void
wx_h2(struct wx *w, const char *text)
{
	wx_p(w, w->h2, text); /* a styled <p>: the editor keeps it exactly, as it may not an <h2> */
}

static void
wx_cite(struct wx *w, long id)
{
	buf_printf(w->out, "<sup style=\"%s\">[%ld]</sup>", w->cite, id);
}

/* A block quote of plain text lines (epigraphs, summaries): one paragraph per line. */
static void
wx_quote(struct wx *w, const char *text)
{
	if (!text || !*text)
		return;
	buf_printf(w->out, "<section style=\"%s\">\n", w->quote);
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *s = p;
		str_trim(&s, &len);
		if (len) {
			char *line = xstrndup(s, len);
			wx_p(w, "margin:0 0 0.4em", line);
			free(line);
		}
		p = nl ? nl + 1 : p + strlen(p);
	}
	buf_puts(w->out, "</section>\n");
}

/* The configured cover and intro. */
static void
wx_brand_top(struct wx *w, const struct report_brand *b)
{
	if (!b)
		return;
	if (b->cover) {
		buf_puts(w->out, "<p style=\"" ST_COVER "\"><img style=\"" ST_IMG "\" alt=\"\" src=\"");
		esc_html(w->out, b->cover);
		buf_puts(w->out, "\"></p>\n");
	}
	if (b->intro)
		mds_html(w->out, b->intro, NULL, &w->body);
}

static void
wx_brand_line(struct wx *w, const struct report_brand *b)
{
	if (b && b->line)
		wx_p(w, ST_NOTE, b->line);
}

/* One reference: "[n] title — source" and the URL as plain text on its own line. Only an
 * http(s) URL is shown (esc_url_ok, as the Markdown and HTML link only those): a feed's
 * "javascript:alert(1)" or relative path is no address of the source, and a reader who
 * copies it from the article gets the feed's payload, not the story. */
static void
wx_ref(struct wx *w, size_t n, const char *title, const char *source, const char *link)
{
	int linkable = esc_url_ok(link);
	buf_printf(w->out, "<p style=\"" ST_REF "\">[%zu] ", n);
	esc_html(w->out, title && *title ? title : linkable ? link : NULL);
	if (source && *source) {
		buf_puts(w->out, " — ");
		esc_html(w->out, source);
	}
	if (linkable) {
		buf_puts(w->out, "<br>");
		esc_html(w->out, link);
	}
	buf_puts(w->out, "</p>\n");
}

static void
wx_weekly_refs(struct wx *w, const char *heading, const struct weekly_ref *refs, size_t n)
{
	if (n == 0)
		return;
	wx_p(w, ST_REFS_H, heading);
	for (size_t i = 0; i < n; i++)
		wx_ref(w, i + 1, refs[i].title, refs[i].source, refs[i].link);
}

void
wechat_article(const struct commentary_doc *d, const struct wechat_theme *t, struct buf *out)
{
	const struct article_words *words = article_words(d->lang);
	const struct commentary_draft *a = d->draft;
	const struct report_brand *br = d->brand;
	struct wx w;
	wx_init(&w, t, out, d->ref_count);
	wx_brand_top(&w, br);
	mds_html(out, a->hook, &w.refs, &w.body);
	struct buf h = BUF_INIT;
	for (size_t i = 0; i < a->section_count; i++) {
		buf_clear(&h);
		article_section_number(d->lang, i, &h);
		article_heading_text(a->sections[i].heading, &h);
		wx_h2(&w, buf_str(&h));
		mds_html(out, a->sections[i].body, &w.refs, &w.body);
	}
	wx_h2(&w, words->conclusion);
	mds_html(out, a->conclusion, &w.refs, &w.body);
	/* 今日互动 in its own box. */
	buf_printf(out, "<section style=\"%s\">\n", w.box);
	buf_clear(&h);
	buf_printf(&h, "💬 %s", words->interact);
	wx_p(&w, w.box_h, buf_str(&h));
	mds_html(out, a->question, &w.refs, &w.quote_body);
	buf_puts(out, "</section>\n");
	if (br && br->outro)
		mds_html(out, br->outro, NULL, &w.body);
	if (br && br->disclaimer)
		wx_p(&w, ST_DISCLAIMER, br->disclaimer);
	wx_weekly_refs(&w, words->refs, d->refs, d->ref_count);
	buf_clear(&h);
	article_note(d, &h);
	wx_p(&w, ST_NOTE, buf_str(&h));
	wx_brand_line(&w, br);
	buf_free(&h);
	wx_end(&w);
}

void
wechat_weekly(const struct weekly_post *p, const struct wechat_theme *t, struct buf *out)
{
	int en = p->lang && strcmp(p->lang, "en") == 0;
	struct wx w;
	wx_init(&w, t, out, p->ref_count);
	wx_brand_top(&w, p->brand);
	wx_quote(&w, p->epigraph_open);
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		const struct weekly_section *sec = &p->sections[k];
		wx_h2(&w, weekly_section_title((enum weekly_kind)k, p->lang));
		if (sec->group_count == 0)
			wx_p(&w, ST_P, en ? "Nothing this week." : "本周暂无。");
		int number = 0;
		for (size_t g = 0; g < sec->group_count; g++) {
			const struct weekly_group *grp = &sec->groups[g];
			if (grp->name) {
				char num[16];
				snprintf(num, sizeof num, "%d. ", ++number);
				buf_printf(out, "<p style=\"%s\">%s", w.group, num);
				esc_html(out, grp->name);
				buf_puts(out, "</p>\n");
			}
			for (size_t i = 0; i < grp->para_count; i++) {
				const struct weekly_para *para = &grp->paras[i];
				buf_puts(out, "<p style=\"" ST_P "\">");
				mds_html_inline(out, para->text, NULL, &w.body);
				for (size_t r = 0; r < para->ref_count; r++)
					if (para->refs[r] >= 1 && (size_t)para->refs[r] <= p->ref_count)
						wx_cite(&w, para->refs[r]);
				buf_puts(out, "</p>\n");
			}
		}
	}
	wx_quote(&w, p->epigraph_close);
	if (p->brand && p->brand->outro)
		mds_html(out, p->brand->outro, NULL, &w.body);
	wx_weekly_refs(&w, weekly_refs_title(p->lang), p->refs, p->ref_count);
	struct buf note = BUF_INIT;
	weekly_engine_note(p, &note);
	wx_p(&w, ST_NOTE, buf_str(&note));
	buf_free(&note);
	wx_brand_line(&w, p->brand);
	wx_end(&w);
}

/* text with Markdown links "[label](url)" reduced to their labels (the i18n credit line). */
static void
md_links_to_text(struct buf *out, const char *s)
{
	while (*s) {
		const char *close = *s == '[' ? strstr(s, "](") : NULL;
		const char *end = close ? strchr(close, ')') : NULL;
		if (close && end) {
			buf_append(out, s + 1, (size_t)(close - s - 1));
			s = end + 1;
		} else {
			buf_putc(out, *s++);
		}
	}
}

/* A daily item: title (with its reference number cite), original title when translated, the
 * meta line, the summary, and (must-read) why-read or (sections) the keywords. lean (see
 * wechat_daily_fit()) leaves out a section item's summary (1), and its original title and
 * keywords as well (2); a must-read item is always whole. */
static void
wx_daily_item(struct wx *w, const struct report *r, const struct i18n *t, const struct report_item *it,
              const char *prefix, long cite, int must_read, int lean)
{
	int brief_item = !must_read && lean > 0;
	buf_printf(w->out, "<p style=\"%s\">%s", ST_ITEM, prefix);
	esc_html(w->out, render_item_title(it));
	wx_cite(w, cite);
	buf_puts(w->out, "</p>\n");
	if (render_has_translation(it) && !(brief_item && lean > 1))
		wx_p(w, ST_MUTED, it->title);
	struct buf meta = BUF_INIT;
	buf_puts(&meta, it->source_count ? it->sources[0].name : "");
	for (size_t s = 1; s < it->source_count; s++) {
		buf_puts(&meta, s == 1 ? " · " : ", ");
		if (s == 1) {
			buf_puts(&meta, t->also_in);
			buf_putc(&meta, ' ');
		}
		buf_puts(&meta, it->sources[s].name ? it->sources[s].name : "");
	}
	buf_puts(&meta, " · ");
	render_ago(r, t, it, &meta);
	if (must_read) {
		buf_printf(&meta, " · %s %s", category_emoji(it->category), category_label(it->category, r->lang));
	} else {
		char s[16];
		snprintf(s, sizeof s, "%d", it->total);
		const char *score[] = {s};
		buf_puts(&meta, " · ⭐ ");
		i18n_fill(&meta, t->score, score, 1);
	}
	wx_p(w, ST_MUTED, buf_str(&meta));
	buf_free(&meta);
	if (!brief_item)
		wx_quote(w, it->summary);
	if (brief_item && lean > 1)
		return;
	if (must_read && it->reason && *it->reason) {
		buf_printf(w->out, "<p style=\"" ST_P "\"><strong style=\"%s\">💡 %s</strong>%s", w->strong, t->why_read, t->colon);
		esc_html(w->out, it->reason);
		buf_puts(w->out, "</p>\n");
	} else if (!must_read && it->keyword_count) {
		struct buf kw = BUF_INIT;
		buf_puts(&kw, "🏷️ ");
		for (size_t k = 0; k < it->keyword_count; k++) {
			if (k)
				buf_puts(&kw, ", ");
			buf_puts(&kw, it->keywords[k]);
		}
		wx_p(w, ST_MUTED, buf_str(&kw));
		buf_free(&kw);
	}
}

/* The daily's fragment at a level of leanness (wx_daily_item()). */
static void
daily_fragment(const struct report *r, const struct wechat_theme *th, int lean, struct buf *out)
{
	const struct i18n *t = i18n_get(r->lang);
	struct wx w;
	wx_init(&w, th, out, r->item_count);
	struct buf line = BUF_INIT;
	render_header_line(r, t, &line);
	wx_p(&w, ST_MUTED, buf_str(&line));
	wx_brand_top(&w, r->brand);

	buf_clear(&line);
	buf_printf(&line, "📝 %s", t->h_highlights);
	wx_h2(&w, buf_str(&line));
	wx_quote(&w, r->highlights && *r->highlights ? r->highlights : t->no_highlights);

	/* The numbers the category sections show, in their order: each item's citation and
	 * reference number (shown[k] is the item numbered k + 1; number[i] is item i's). */
	size_t *idx = xcalloc(r->item_count + 1, sizeof *idx);
	size_t *shown = xcalloc(r->item_count + 1, sizeof *shown);
	long *number = xcalloc(r->item_count + 1, sizeof *number);
	size_t shown_count = 0;
	for (size_t c = 0; c < r->category_count; c++) {
		size_t n = render_items_of(r, r->categories[c].category, idx);
		for (size_t k = 0; k < n && shown_count < r->item_count; k++)
			if (number[idx[k]] == 0) {
				shown[shown_count++] = idx[k];
				number[idx[k]] = (long)shown_count;
			}
	}
	for (size_t i = 0; i < r->item_count; i++) /* in no section: after the rest */
		if (number[i] == 0) {
			shown[shown_count++] = i;
			number[i] = (long)shown_count;
		}

	buf_clear(&line);
	buf_printf(&line, "🏆 %s", t->h_must_read);
	wx_h2(&w, buf_str(&line));
	for (size_t i = 0; i < r->item_count && i < RENDER_MUST_READ; i++) {
		char medal[32];
		snprintf(medal, sizeof medal, "%s ", t->rank_medal[i]);
		wx_daily_item(&w, r, t, &r->items[i], medal, number[i], 1, lean);
	}

	buf_clear(&line);
	buf_printf(&line, "📊 %s", t->h_overview);
	wx_h2(&w, buf_str(&line));
	struct buf cells[4] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	render_stat_cells(r, t, cells);
	buf_clear(&line);
	buf_printf(&line, "%s %s · %s %s · %s %s · %s %s", t->col_feeds, buf_str(&cells[0]), t->col_articles,
	           buf_str(&cells[1]), t->col_hours, buf_str(&cells[2]), t->col_selected, buf_str(&cells[3]));
	for (int i = 0; i < 4; i++)
		buf_free(&cells[i]);
	wx_p(&w, ST_LINE, buf_str(&line));
	if (r->category_count) {
		buf_clear(&line);
		buf_printf(&line, "%s%s", t->h_categories, t->colon);
		for (size_t i = 0; i < r->category_count; i++)
			buf_printf(&line, "%s%s %s %d", i ? " · " : "", category_emoji(r->categories[i].category),
			           category_label(r->categories[i].category, r->lang), r->categories[i].count);
		wx_p(&w, ST_LINE, buf_str(&line));
	}
	if (r->keyword_count) {
		buf_clear(&line);
		buf_printf(&line, "🏷️ %s%s", t->h_tags, t->colon);
		for (size_t i = 0; i < r->keyword_count && i < RENDER_TAG_KEYWORDS; i++)
			buf_printf(&line, "%s%s(%d)", i ? " · " : "", r->keywords[i].word, r->keywords[i].count);
		wx_p(&w, ST_LINE, buf_str(&line));
	}

	for (size_t c = 0; c < r->category_count; c++) {
		enum category cat = r->categories[c].category;
		size_t n = render_items_of(r, cat, idx);
		if (n == 0)
			continue;
		buf_clear(&line);
		buf_printf(&line, "%s %s", category_emoji(cat), category_label(cat, r->lang));
		wx_h2(&w, buf_str(&line));
		for (size_t k = 0; k < n; k++) {
			char num[24];
			snprintf(num, sizeof num, "%ld. ", number[idx[k]]);
			wx_daily_item(&w, r, t, &r->items[idx[k]], num, number[idx[k]], 0, lean);
		}
	}

	if (r->brand && r->brand->outro)
		mds_html(out, r->brand->outro, NULL, &w.body);
	if (r->item_count)
		wx_p(&w, ST_REFS_H, article_words(r->lang)->refs);
	for (size_t k = 0; k < shown_count; k++) {
		const struct report_item *it = &r->items[shown[k]];
		wx_ref(&w, k + 1, it->title, it->source_count ? it->sources[0].name : NULL, it->link);
	}
	free(idx);
	free(shown);
	free(number);
	buf_clear(&line);
	render_footer_line(r, t, &line);
	wx_p(&w, ST_NOTE, buf_str(&line));
	buf_clear(&line);
	render_engine_line(r, t, esc_html, &line); /* the model name escaped here, so written raw below */
	buf_printf(out, "<p style=\"" ST_NOTE "\">%s</p>\n", buf_str(&line));
	buf_clear(&line);
	md_links_to_text(&line, r->is_default_list ? t->credit_default : t->credit_custom);
	wx_p(&w, ST_NOTE, buf_str(&line));
	buf_free(&line);
	wx_brand_line(&w, r->brand);
	wx_end(&w);
}

void
wechat_daily(const struct report *r, const struct wechat_theme *th, struct buf *out)
{
	daily_fragment(r, th, 0, out);
}

int
wechat_daily_fit(const struct report *r, const struct wechat_theme *th, size_t max_chars, struct buf *out)
{
	size_t start = out->len;
	int lean = 0;
	for (;; lean++) {
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		daily_fragment(r, th, lean, out);
		if (lean == WECHAT_LEANEST || utf8_count(out->data + start, out->len - start) < max_chars)
			return lean;
	}
}

/* "#abc" / "#aabbcc" -> "#aabbcc" in out[8]; 0, or -1 when s is not a hex colour. */
static int
hex_colour(const char *s, char out[8])
{
	size_t n = s ? strlen(s) : 0;
	if ((n != 4 && n != 7) || s[0] != '#')
		return -1;
	for (size_t i = 1; i < n; i++)
		if (!is_ascii_xdigit((unsigned char)s[i]))
			return -1;
	if (n == 7)
		snprintf(out, 8, "#%c%c%c%c%c%c", ascii_lower(s[1]), ascii_lower(s[2]), ascii_lower(s[3]),
		         ascii_lower(s[4]), ascii_lower(s[5]), ascii_lower(s[6]));
	else
		snprintf(out, 8, "#%c%c%c%c%c%c", ascii_lower(s[1]), ascii_lower(s[1]), ascii_lower(s[2]),
		         ascii_lower(s[2]), ascii_lower(s[3]), ascii_lower(s[3]));
	return 0;
}

int
wechat_theme_load(const struct config *cfg, struct wechat_theme *t, struct err *e)
{
	static const struct {
		const char *name, *accent, *soft;
	} themes[] = {
		{"green", "#07c160", "#f2fbf5"}, /* WeChat's own green */
		{"blue", "#1e6fd9", "#f0f6fd"},
		{"red", "#c0392b", "#fcf1ef"},
		{"ink", "#333333", "#f5f5f5"},
	};
	const struct config_values *v = config_values(cfg);
	const char *name = v->wechat_theme;
	size_t i = 0;
	if (name && *name) {
		while (i < sizeof themes / sizeof themes[0] && str_casecmp(themes[i].name, name) != 0)
			i++;
		if (i == sizeof themes / sizeof themes[0])
			return err_set(e, "[wechat] theme \"%s\" is not one of green, blue, red, ink", name), -1;
	}
	str_copy(t->accent, themes[i].accent, sizeof t->accent);
	str_copy(t->soft, themes[i].soft, sizeof t->soft);
	const char *accent = v->wechat_accent;
	if (accent && *accent && hex_colour(accent, t->accent) < 0)
		return err_set(e, "[wechat] accent \"%s\" is not a colour like #07c160", accent), -1;
	const char *soft = v->wechat_background;
	if (soft && *soft && hex_colour(soft, t->soft) < 0)
		return err_set(e, "[wechat] background \"%s\" is not a colour like #f2fbf5", soft), -1;
	return 0;
}

void
wechat_digest(const char *text, struct buf *out)
{
	struct buf plain = BUF_INIT;
	mds_strip(&plain, text);
	const char *p = buf_str(&plain);
	int space = 0, started = 0;
	while (*p) {
		size_t j = 1;
		while (p[0] == '[' && is_ascii_digit((unsigned char)p[j]) && j < 5)
			j++;
		if (p[0] == '[' && j > 1 && p[j] == ']') { /* a citation marker */
			p += j + 1;
			continue;
		}
		if (is_ascii_space((unsigned char)*p)) {
			space = started;
			p++;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = 0;
		started = 1;
		buf_putc(out, *p++);
	}
	buf_free(&plain);
}

void
wechat_with_headline(const char *fragment, const char *title, struct buf *out)
{
	/* After the root section's opening tag, so the headline takes the fragment's font. */
	const char *body = fragment;
	if (str_starts(fragment, "<section ")) {
		const char *gt = strchr(fragment, '>');
		if (gt)
			body = gt[1] == '\n' ? gt + 2 : gt + 1;
	}
	buf_append(out, fragment, (size_t)(body - fragment));
	buf_printf(out, "<p style=\"%s\">", ST_HEADLINE);
	esc_html(out, title);
	buf_puts(out, "</p>\n");
	buf_puts(out, body);
}
