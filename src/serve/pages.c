/* pages.c: the HTML pages and the Atom feed of `brief serve`, from the store. Every string that
 * comes from the store goes through html_escape; links are only made from http(s) URLs. */
#include "serve/pages.h"

#include <jansson.h>
#include <limits.h>
#include <string.h>
#include <time.h>

#include "ai/offline/text.h"
#include "category.h"
#include "report/page.h"
#include "store/archive.h"
#include "store/search.h"
#include "util/html.h"
#include "util/log.h"
#include "util/str.h"
#include "util/timeutil.h"
#include "util/utf8.h"

#define PAGE_SIZE 50

static const char css[] =
	":root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--mute:#6e6e73;--line:#e5e5ea;--acc:#0a66c2}"
	"@media(prefers-color-scheme:dark){:root{--fg:#f2f2f7;--bg:#111114;--mute:#a1a1a6;--line:#2c2c30;"
	"--acc:#64a8ff}}"
	"body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI','PingFang SC','Noto Sans CJK SC',"
	"sans-serif;color:var(--fg);background:var(--bg)}"
	"header,main{max-width:860px;margin:0 auto;padding:12px 16px}"
	"header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;border-bottom:1px solid var(--line)}"
	"header a{font-weight:600}a{color:var(--acc);text-decoration:none}a:hover{text-decoration:underline}"
	"form{margin-left:auto}input{font:inherit;padding:4px 8px;border:1px solid var(--line);"
	"border-radius:6px;background:var(--bg);color:var(--fg);max-width:60vw}"
	"ul.list{list-style:none;padding:0}ul.list li{padding:10px 0;border-bottom:1px solid var(--line)}"
	".meta{color:var(--mute);font-size:.875em}.text{white-space:pre-wrap;overflow-wrap:anywhere}"
	"mark{background:#ffe58f;color:#000}pre{white-space:pre-wrap;overflow-wrap:anywhere}"
	"table{border-collapse:collapse}td,th{padding:4px 10px 4px 0;text-align:left;vertical-align:top}"
	"nav.pager{display:flex;justify-content:space-between;margin:16px 0}";

/* The words of serve's own pages (not of the stored reports), in one language. */
struct words {
	const char *code; /* "en" / "zh": <html lang> and ?lang= */
	const char *items, *search_box, *not_found, *error;
	const char *reports, *reports_h1, *no_reports;
	const char *pager[3]; /* newest, newer, older */
	const char *search_h1, *search_help, *latest, *latest_h1, *untitled;
	const char *nothing_matches, *nothing_to_search, *no_newer, *no_older, *no_items;
	const char *source, *author, *published, *first_seen, *categories, *score, *category, *keywords;
	const char *relevance, *quality, *timeliness, *score_open, *score_sep, *score_close, *score_end;
	const char *article, *extracted_from, *feed_text;
	const char *nav_all, *nav_newer, *nav_older, *nav_older_end;
	const char *no_report, *no_item, *no_page, *store_failed;
	const char *kinds[3][2]; /* a report kind and its name */
	const char *engine_offline; /* a verdict's engine "offline"; "llm" is shown as "LLM" */
};

static const struct words words_en = {
	"en", "items", "search items", "not found", "error",
	"reports", "Reports", "<p>No reports yet: <code>brief daily</code> writes one.</p>\n",
	{"← newest", "← newer", "older →"},
	"Search: ",
	"Every word must match; <code>\"two words\"</code> is a phrase, <code>word*</code> a prefix. <code>-</code> "
	"and <code>OR</code> are searched as words, not operators: <code>-rust</code> finds rust.",
	"items", "Latest items", "(untitled)",
	"<p>Nothing matches.</p>\n",
	"<p>Nothing to search for: punctuation, symbols and emoji are not indexed; search for a word.</p>\n",
	"<p>No newer items.</p>\n", "<p>No older items.</p>\n",
	"<p>No items yet: <code>brief fetch</code> stores some.</p>\n",
	"source", "author", "published", "first seen", "categories", "score", "category", "keywords",
	"relevance", "quality", "timeliness", " (", ", ", "; ", ")",
	"Article", "extracted from ", "The feed's text",
	"brief · all reports", "← newer: ", "older: ", " →",
	"no such report", "no such item", "no such page", "the store could not be read; the server's log says why",
	{{"daily", "daily"}, {"weekly", "weekly"}, {"article", "article"}},
	"offline engine",
};

static const struct words words_zh = {
	"zh", "条目", "搜索条目", "找不到", "出错了",
	"归档", "全部报告", "<p>还没有报告：<code>brief daily</code> 会写下第一篇。</p>\n",
	{"← 最新", "← 较新", "较早 →"},
	"搜索：",
	"每个词都须匹配；<code>\"两个词\"</code> 是短语，<code>词*</code> 是前缀。<code>-</code> 和 "
	"<code>OR</code> 按普通词搜索，不是运算符：<code>-rust</code> 会找到 rust。",
	"条目", "最新条目", "（无标题）",
	"<p>没有结果。</p>\n", "<p>没有可搜索的字词：标点、符号和表情不进索引，请输入文字。</p>\n",
	"<p>没有更新的条目。</p>\n", "<p>没有更早的条目。</p>\n",
	"<p>还没有条目：<code>brief fetch</code> 会存入一些。</p>\n",
	"来源", "作者", "发布时间", "首次抓取", "分类", "评分", "类别", "关键词",
	"相关性", "质量", "时效性", "（", "，", "；", "）",
	"原文", "提取自 ", "订阅源中的文字",
	"brief · 全部报告", "← 较新：", "较早：", " →",
	"没有这篇报告", "没有这个条目", "没有这个页面", "无法读取存储；原因见服务器日志",
	{{"daily", "日报"}, {"weekly", "周报"}, {"article", "文章"}},
	"离线引擎",
};

/* The words for language lang: Chinese for "zh" and its subtags ("zh-CN", "zh-Hant"), else
 * English. */
static const struct words *
words_for(const char *lang)
{
	return lang && str_istarts(lang, "zh") && (!lang[2] || lang[2] == '-' || lang[2] == '_') ? &words_zh
	                                                                                           : &words_en;
}

/* 1 when lang names a language serve's pages have words in (en, zh, with any subtag). */
static int
is_ui_lang(const char *lang)
{
	return lang && (str_istarts(lang, "zh") || str_istarts(lang, "en")) &&
	       (!lang[2] || lang[2] == '-' || lang[2] == '_');
}

const char *
pages_ui_lang(const char *lang, const char *accept)
{
	if (is_ui_lang(lang))
		return words_for(lang)->code;
	/* Accept-Language: "zh-CN,zh;q=0.9,en;q=0.8": the first range of the highest weight that
	 * names zh or en (weights in thousandths; q=0 is "not this one"). */
	const char *best = "en";
	int best_q = 0;
	for (const char *p = accept; p && *p;) {
		size_t n = strcspn(p, ","), tl = 0;
		while (tl < n && is_ascii_space((unsigned char)p[tl]))
			p++, n--;
		while (tl < n && p[tl] != ';' && !is_ascii_space((unsigned char)p[tl]))
			tl++;
		int q = 1000;
		const char *qp = str_icasestr(p, n, "q=");
		if (qp) {
			q = qp[2] == '1' ? 1000 : 0;
			if (qp[2] == '0' && qp[3] == '.')
				for (int k = 4, f = 100; k < 7 && is_ascii_digit((unsigned char)qp[k]); k++, f /= 10)
					q += (qp[k] - '0') * f;
		}
		char range[64];
		if (tl < sizeof range) {
			memcpy(range, p, tl);
			range[tl] = '\0';
			if (q > best_q && is_ui_lang(range)) {
				best = words_for(range)->code;
				best_q = q;
			}
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return best;
}

/* The ?lang= a link of serve's own pages carries: the reader's choice, when it came as ?lang=
 * (NULL when it came from Accept-Language, which the next request sends again). */
static const char *
link_lang(const struct page_req *rq)
{
	return rq->ui_from_query ? rq->ui : NULL;
}

/* Append "?lang=L" (first is true) or "&lang=L" to href for lang (NULL: nothing). */
static void
put_lang_param(struct buf *href, const char *lang, int first)
{
	if (lang)
		buf_printf(href, "%slang=%s", first ? "?" : "&", lang);
}

/* Start an HTML page in language lang (its <html lang>) with w's words for serve's header;
 * its links carry ?lang=keep (NULL: none). title and q are escaped here. */
static void
page_begin(struct page *pg, const char *lang, const struct words *w, const char *keep, const char *title,
           const char *q)
{
	struct buf *b = &pg->body;
	pg->status = 200;
	pg->content_type = "text/html; charset=utf-8";
	struct buf full = BUF_INIT, alt = BUF_INIT, lq = BUF_INIT;
	put_lang_param(&lq, keep, 1); /* the feed too: a reader subscribing gets it in this language */
	buf_printf(&full, "%s · brief", title ? title : "");
	buf_printf(&alt, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"brief\" href=\"/feed.atom%s\">\n",
	           buf_str(&lq));
	page_head(b, PAGE_SERVED, lang, buf_str(&full), NULL, buf_str(&alt), css);
	buf_free(&full);
	buf_free(&alt);
	buf_printf(b, "<header><a href=\"/%s\">brief</a><a href=\"/items%s\">%s</a>", buf_str(&lq), buf_str(&lq),
	           w->items);
	buf_printf(b, "<a href=\"/feed.atom%s\">atom</a><form action=\"/items\" method=\"get\" role=\"search\">",
	           buf_str(&lq));
	if (keep)
		buf_printf(b, "<input type=\"hidden\" name=\"lang\" value=\"%s\">", keep);
	buf_printf(b, "<input type=\"search\" name=\"q\" placeholder=\"%s\" value=\"", w->search_box);
	html_escape_str(b, q);
	buf_puts(b, "\"></form></header><main>\n");
	buf_free(&lq);
}

static void
page_end(struct page *pg)
{
	buf_puts(&pg->body, "</main></body></html>\n");
}

void
pages_error(struct page *pg, const char *lang, int status, const char *message)
{
	const struct words *w = words_for(lang);
	buf_clear(&pg->body);
	page_begin(pg, w->code, w, NULL, status == 404 ? w->not_found : w->error, NULL);
	pg->status = status;
	pg->is_report = 0;
	buf_printf(&pg->body, "<h1>%d</h1><p>", status);
	html_escape_str(&pg->body, message);
	buf_puts(&pg->body, "</p>");
	page_end(pg);
}

/* The 500 page for a store error e, which is logged: the page says only that the store
 * failed, since e names the database file's path and the SQL's words, which are no client's
 * business. Returns -1. */
static int
store_failed(struct page *pg, const char *lang, const struct err *e)
{
	log_error("serve: %s", e->msg);
	pages_error(pg, lang, 500, words_for(lang)->store_failed);
	return -1;
}

/* "2026-02-21 08:30" in the server's local time zone (TZ), or "" for 0. */
static void
put_time(struct buf *b, int64_t t)
{
	if (t <= 0)
		return;
	time_t tt = (time_t)t;
	struct tm tm;
	char s[32];
	if (localtime_r(&tt, &tm) && strftime(s, sizeof s, "%Y-%m-%d %H:%M", &tm))
		buf_puts(b, s);
}

static int
is_web_url(const char *u)
{
	return u && (str_istarts(u, "http://") || str_istarts(u, "https://"));
}

/* <a href="url">text</a> when url is a web URL, else just the text; both escaped. */
static void
put_link(struct buf *b, const char *url, const char *text)
{
	if (is_web_url(url)) {
		buf_puts(b, "<a href=\"");
		html_escape_str(b, url);
		buf_puts(b, "\" rel=\"noopener noreferrer nofollow\" dir=\"auto\">");
		html_escape_str(b, text && *text ? text : url);
		buf_puts(b, "</a>");
	} else {
		html_escape_str(b, text);
	}
}

static void
put_report_href(struct buf *b, const char *kind, const char *slug, const char *lang, const char *suffix)
{
	buf_puts(b, "/r/");
	html_url_encode(b, kind);
	buf_putc(b, '/');
	html_url_encode(b, slug);
	buf_puts(b, suffix);
	if (lang) {
		buf_puts(b, "?lang=");
		html_url_encode(b, lang);
	}
}

/* The pager of the page rq asked for, labelled in w's words: back to the first page when this
 * one is not it, to the page before when there is one (its cursor in prev, asked for as
 * prev_param), on when there is a next (next, as param); each link keeps rq's ?lang=. */
static void
put_pager(struct buf *b, const struct page_req *rq, const struct words *w, const char *path, const char *q,
          const char *param, const char *next, const char *prev_param, const char *prev)
{
	const char *cursor = rq->cursor;
	if (!cursor && !(next && *next))
		return;
	const char *const *labels = w->pager;
	const char *params[] = {NULL, prev_param, param}, *values[] = {NULL, prev, next};
	buf_puts(b, "<nav class=\"pager\"><span>");
	for (int k = 0; k < 3; k++) {
		if (k == 0 ? cursor != NULL : values[k] && *values[k]) {
			struct buf href = BUF_INIT;
			buf_puts(&href, path);
			if (k > 0) {
				buf_printf(&href, "?%s=", params[k]);
				html_url_encode(&href, values[k]);
			}
			if (q && *q) {
				buf_puts(&href, k > 0 ? "&q=" : "?q=");
				html_url_encode(&href, q);
			}
			put_lang_param(&href, link_lang(rq), href.len == strlen(path));
			buf_puts(b, k == 1 ? " <a href=\"" : "<a href=\"");
			html_escape(b, href.data, href.len);
			buf_printf(b, "\">%s</a>", labels[k]);
			buf_free(&href);
		}
		if (k == 1)
			buf_puts(b, "</span><span>");
	}
	buf_puts(b, "</span></nav>");
}

/* ---- / ---- */

/* The text of the first ATX heading ("# Title", "## Title #") of Markdown md, into out;
 * nothing when md has none. */
static void
md_first_heading(const char *md, struct buf *out)
{
	for (const char *line = md; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line), h = 0;
		while (h < n && h < 6 && line[h] == '#')
			h++;
		if (h > 0 && h < n && (line[h] == ' ' || line[h] == '\t')) {
			const char *t = line + h, *te = line + n;
			while (t < te && is_ascii_space((unsigned char)*t))
				t++;
			while (te > t && is_ascii_space((unsigned char)te[-1]))
				te--;
			const char *close = te; /* a closing "##" counts only after a space: "C#" stays */
			while (close > t && close[-1] == '#')
				close--;
			if (close < te && (close == t || is_ascii_space((unsigned char)close[-1])))
				for (te = close; te > t && is_ascii_space((unsigned char)te[-1]);)
					te--;
			if (te > t) {
				buf_append(out, t, (size_t)(te - t));
				return;
			}
		}
		line = end ? end + 1 : NULL;
	}
}

/* The title a report is listed and shown by, appended to out: its saved title, else the first
 * heading of its Markdown (NULL: none), else its slug (slug[0..slug_len)). */
static void
report_title(const char *title, const char *markdown, const char *slug, size_t slug_len, struct buf *out)
{
	if (title && *title) {
		buf_puts(out, title);
		return;
	}
	size_t len = out->len;
	md_first_heading(markdown, out);
	if (out->len == len && slug)
		buf_append(out, slug, slug_len);
}

/* The name of report kind (NULL: "") in w's words; an unknown kind is its own name. */
static const char *
kind_name(const struct words *w, const char *kind)
{
	for (size_t i = 0; kind && i < sizeof w->kinds / sizeof w->kinds[0]; i++)
		if (strcmp(kind, w->kinds[i][0]) == 0)
			return w->kinds[i][1];
	return kind ? kind : "";
}

int
pages_index(struct store *st, const struct page_req *rq, struct page *pg)
{
	struct arena arena = ARENA_INIT;
	struct archive_report *r;
	size_t n;
	struct err e;
	/* One more than a page: whether there are more beyond it (older, or newer with rq->newer). */
	if (archive_reports(st, rq->cursor, rq->newer, PAGE_SIZE + 1, 0, &arena, &r, &n, &e) < 0) {
		arena_free(&arena);
		return store_failed(pg, rq->ui, &e);
	}
	int more = n > PAGE_SIZE;
	size_t rows = more ? PAGE_SIZE : n;
	if (more && rq->newer) /* the extra one is the newest, above the page */
		r++;
	const struct words *w = words_for(rq->ui);
	page_begin(pg, w->code, w, link_lang(rq), w->reports, NULL);
	struct buf *b = &pg->body;
	buf_printf(b, "<h1>%s</h1>\n<ul class=\"list\">\n", w->reports_h1);
	for (size_t i = 0; i < rows; i++) {
		const char *kind = r[i].kind, *slug = r[i].slug, *lang = r[i].lang, *title = r[i].title;
		buf_puts(b, "<li><a href=\"");
		struct buf href = BUF_INIT;
		put_report_href(&href, kind ? kind : "", slug ? slug : "", lang, "");
		html_escape(b, href.data, href.len);
		buf_free(&href);
		if (lang && *lang) { /* a title in its report's language, whatever the page's */
			buf_puts(b, "\" lang=\"");
			html_escape_str(b, lang);
		}
		buf_puts(b, "\">");
		struct buf shown = BUF_INIT;
		report_title(title, r[i].markdown, slug, slug ? strlen(slug) : 0, &shown);
		html_escape(b, shown.data, shown.len);
		buf_free(&shown);
		buf_puts(b, "</a><div class=\"meta\">");
		html_escape_str(b, kind_name(w, kind));
		buf_puts(b, " · ");
		html_escape_str(b, slug);
		buf_puts(b, " · ");
		html_escape_str(b, lang);
		buf_puts(b, " · ");
		put_time(b, r[i].created_at);
		buf_puts(b, "</div></li>\n");
	}
	buf_puts(b, "</ul>\n");
	if (rows == 0 && !rq->cursor)
		buf_puts(b, w->no_reports);
	/* "older" from the last shown, "newer" from the first: a page with a cursor has reports
	 * above it (a "newer" page only when it did not reach the top). */
	char next[64] = "", prev[64] = "";
	if (rows && (rq->newer || more))
		snprintf(next, sizeof next, "%lld.%lld", (long long)r[rows - 1].created_at, (long long)r[rows - 1].id);
	if (rows && rq->cursor && (!rq->newer || more))
		snprintf(prev, sizeof prev, "%lld.%lld", (long long)r[0].created_at, (long long)r[0].id);
	arena_free(&arena);
	put_pager(b, rq, w, "/", NULL, "before", next, "after", prev);
	page_end(pg);
	return 0;
}

/* ---- /r/KIND/SLUG[.md|.json|.html] ---- */

/* Put the newest stored body in column of report kind/slug[0..slug_len) into pg with its
 * content type, and its saved title into title (NULL: not wanted); *found says whether there
 * was one. Returns 0, or -1 (500 page) on a store error. */
static int
report_lookup(struct store *st, const char *kind, const char *slug, size_t slug_len, const char *lang,
              const char *column, struct page *pg, struct buf *title, int *found)
{
	struct err e;
	int rc = archive_report_body(st, kind, slug, slug_len, lang, column, &pg->body, title, &e);
	if (rc < 0)
		return store_failed(pg, lang, &e);
	*found = rc;
	if (*found) {
		pg->status = 200;
		if (strcmp(column, "html") == 0) {
			/* The stored page is brief's own, self-contained and escaped when written. */
			pg->content_type = "text/html; charset=utf-8";
			pg->is_report = 1;
		} else if (strcmp(column, "json") == 0) {
			pg->content_type = "application/json; charset=utf-8";
		} else {
			pg->content_type = "text/plain; charset=utf-8";
		}
	}
	return 0;
}

/* serve's bar over a report page, into b: back to the archive, and the reports of the same
 * kind and language just newer and just older (archive_report_neighbours), each linked with
 * its ?lang=. Everything from the store is escaped. Returns 0, or -1 (500 page in pg) on a
 * store error. */
static int
put_report_nav(struct store *st, const char *kind, const char *slug, size_t slug_len, const char *lang,
               struct page *pg, struct buf *b)
{
	struct arena arena = ARENA_INIT;
	struct archive_report side[2]; /* newer, older */
	struct err e;
	if (archive_report_neighbours(st, kind, slug, slug_len, lang, &arena, &side[1], &side[0], &e) < 0) {
		arena_free(&arena);
		return store_failed(pg, lang, &e);
	}
	/* In the report's language: the bar sits inside its page, among its words. */
	const struct words *w = words_for(lang);
	buf_puts(b, "<nav id=\"brief-serve-nav\" lang=\"");
	html_escape_str(b, lang);
	buf_printf(b, "\" style=\"max-width:46rem;margin:0 auto;padding:.5rem 1rem;"
	              "display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;font-size:.875rem;"
	              "border-bottom:1px solid rgba(128,128,128,.35)\"><a href=\"/?lang=%s\">%s</a>",
	           w->code, w->nav_all);
	const char *const labels[][2] = {{w->nav_newer, ""}, {w->nav_older, w->nav_older_end}};
	for (int k = 0; k < 2; k++) {
		if (!side[k].id)
			continue;
		struct buf href = BUF_INIT;
		put_report_href(&href, kind, side[k].slug ? side[k].slug : "", lang, "");
		buf_puts(b, "<a href=\"");
		html_escape(b, href.data, href.len);
		buf_free(&href);
		buf_printf(b, "\">%s<bdi>", labels[k][0]);
		struct buf shown = BUF_INIT;
		report_title(side[k].title, side[k].markdown, side[k].slug, side[k].slug ? strlen(side[k].slug) : 0,
		             &shown);
		html_escape(b, shown.data, shown.len);
		buf_free(&shown);
		buf_printf(b, "</bdi>%s</a>", labels[k][1]);
	}
	buf_puts(b, "</nav>\n");
	arena_free(&arena);
	return 0;
}

/* Where serve's bar goes in a stored report page: just after its <body> tag, else (a page
 * without one: a fragment) at its start. */
static size_t
body_start(const struct buf *html)
{
	const char *p = html->data, *end = html->data + html->len;
	while (p && (p = str_icasestr(p, (size_t)(end - p), "<body")) != NULL) {
		const char *q = p + 5;
		if (q < end && (*q == '>' || is_ascii_space((unsigned char)*q))) {
			const char *gt = memchr(q, '>', (size_t)(end - q));
			return gt ? (size_t)(gt + 1 - html->data) : 0;
		}
		p = q;
	}
	return 0;
}

/* The page of report kind/slug[0..slug_len) in lang (NULL: the newest report's language, as
 * the index lists it first): its stored HTML, else (a report stored without HTML, or with it
 * empty) its Markdown escaped inside a page; *found says whether there was either. serve's
 * bar (put_report_nav) goes at the top of the body; the stored HTML around it is served as it
 * is. Returns 0, or -1 (500 page) on a store error. */
static int
report_page(struct store *st, const char *kind, const char *slug, size_t slug_len, const char *lang,
            struct page *pg, int *found)
{
	/* Not "the newest with HTML": an older report in another language would stand in for
	 * the newest one stored with Markdown only. */
	char newest[32];
	struct err e;
	if (!lang) {
		int rc = archive_report_lang(st, kind, slug, slug_len, newest, sizeof newest, &e);
		if (rc < 0)
			return store_failed(pg, lang, &e);
		*found = 0;
		if (rc == 0)
			return 0;
		lang = newest;
	}
	if (report_lookup(st, kind, slug, slug_len, lang, "html", pg, NULL, found) < 0)
		return -1;
	if (*found) {
		struct buf stored = pg->body, nav = BUF_INIT;
		memset(&pg->body, 0, sizeof pg->body);
		int rc = put_report_nav(st, kind, slug, slug_len, lang, pg, &nav);
		if (rc == 0) {
			size_t at = body_start(&stored);
			buf_append(&pg->body, stored.data, at);
			buf_append(&pg->body, nav.data, nav.len);
			buf_append(&pg->body, stored.data + at, stored.len - at);
		}
		buf_free(&nav);
		buf_free(&stored);
		return rc;
	}
	struct buf title = BUF_INIT;
	if (report_lookup(st, kind, slug, slug_len, lang, "markdown", pg, &title, found) < 0) {
		buf_free(&title);
		return -1;
	}
	if (*found) {
		struct buf md = pg->body, nav = BUF_INIT;
		memset(&pg->body, 0, sizeof pg->body);
		if (put_report_nav(st, kind, slug, slug_len, lang, pg, &nav) < 0) {
			buf_free(&md);
			buf_free(&title);
			return -1;
		}
		/* Titled as the index lists it. */
		struct buf shown = BUF_INIT;
		report_title(buf_str(&title), buf_str(&md), slug, slug_len, &shown);
		page_begin(pg, lang, words_for(lang), words_for(lang)->code, buf_str(&shown), NULL);
		buf_free(&shown);
		buf_append(&pg->body, nav.data, nav.len);
		buf_free(&nav);
		buf_puts(&pg->body, "<pre>");
		html_escape(&pg->body, buf_str(&md), md.len);
		buf_puts(&pg->body, "</pre>");
		page_end(pg);
		buf_free(&md);
	}
	buf_free(&title);
	return 0;
}

int
pages_report(struct store *st, const struct page_req *rq, struct page *pg)
{
	const char *p = rq->path + 3; /* after "/r/" */
	const char *slash = strchr(p, '/');
	if (!slash || slash == p || !slash[1] || strchr(slash + 1, '/')) {
		pages_error(pg, rq->ui, 404, words_for(rq->ui)->no_report);
		return 0;
	}
	char kind[32];
	size_t kl = (size_t)(slash - p);
	if (kl >= sizeof kind) {
		pages_error(pg, rq->ui, 404, words_for(rq->ui)->no_report);
		return 0;
	}
	memcpy(kind, p, kl);
	kind[kl] = '\0';
	const char *slug = slash + 1;
	size_t sl = strlen(slug);
	int found = 0;
	/* The slug as given first (the page); then a form suffix: .html (the page too), .md, .json. */
	static const struct {
		const char *suffix, *column;
	} forms[] = {{"", "html"}, {".html", "html"}, {".md", "markdown"}, {".json", "json"}};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0] && !found; i++) {
		size_t fl = strlen(forms[i].suffix);
		if (fl && (sl <= fl || !str_ends(slug, forms[i].suffix)))
			continue;
		int page = strcmp(forms[i].column, "html") == 0;
		if (page ? report_page(st, kind, slug, sl - fl, rq->lang, pg, &found) < 0
		         : report_lookup(st, kind, slug, sl - fl, rq->lang, forms[i].column, pg, NULL, &found) < 0)
			return -1;
	}
	if (!found)
		pages_error(pg, rq->ui, 404, words_for(rq->ui)->no_report);
	return 0;
}

/* ---- /items?q= ---- */

/* The clock a list or a search is paged by: now, to the hour. A first page pins it in its
 * "older" link's cursor, so a clock to the second made the page, and so its ETag, new every
 * second (no client ever got a 304). An hour moves an item's age, counted in 30-day units, by
 * 1/720 of one. */
#define PAGE_CLOCK_STEP 3600
static int64_t
page_clock(void)
{
	int64_t now = (int64_t)time(NULL);
	return now - now % PAGE_CLOCK_STEP;
}

/* Append s to out with \x01/\x02 (snippet markers) turned into <mark> and the rest escaped. */
static void
put_snippet(struct buf *b, const char *s)
{
	if (!s)
		return;
	while (*s) {
		size_t n = strcspn(s, "\x01\x02");
		html_escape(b, s, n);
		s += n;
		if (*s == '\x01')
			buf_puts(b, "<mark>");
		else if (*s == '\x02')
			buf_puts(b, "</mark>");
		if (*s)
			s++;
	}
}

int
pages_items(struct store *st, const struct page_req *rq, struct page *pg)
{
	const char *q = rq->q && *rq->q ? rq->q : NULL;
	struct arena arena = ARENA_INIT;
	struct store_hits h;
	struct err e;
	/* A search ranks by age against the clock; its cursor pins that for the pages after. */
	int64_t now = page_clock();
	/* A search of nothing the index holds (only spaces, punctuation, emoji) asks the store
	 * nothing: its page says so rather than that nothing matched what the reader typed. */
	struct buf fq = BUF_INIT;
	if (q)
		store_search_query(NULL, q, &fq);
	int unsearchable = q && fq.len == 0;
	buf_free(&fq);
	memset(&h, 0, sizeof h);
	int rc = 0;
	if (q && !unsearchable)
		rc = (rq->newer ? store_search_newer : store_search_page)(st, q, rq->cursor, now, PAGE_SIZE, &arena, &h,
		                                                          &e);
	else if (!q)
		rc = (rq->newer ? store_items_newer : store_items_page)(st, rq->cursor, now, PAGE_SIZE, &arena, &h, &e);
	if (rc < 0) {
		arena_free(&arena);
		return store_failed(pg, rq->ui, &e);
	}

	const struct words *w = words_for(rq->ui);
	page_begin(pg, w->code, w, link_lang(rq), q ? q : w->latest, q);
	struct buf *b = &pg->body;
	if (q) {
		buf_printf(b, "<h1>%s", w->search_h1);
		html_escape_str(b, q);
		/* What the box reads (store/search.h), so that "-word" or "a OR b", which many search
		 * boxes take as operators, are not read as a filter this list did not apply. */
		buf_printf(b, "</h1>\n<p class=\"meta\">%s</p>\n", w->search_help);
	} else {
		buf_printf(b, "<h1>%s</h1>\n", w->latest_h1);
	}
	buf_puts(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < h.count; i++) {
		/* An untitled post (a microblog's) is listed by its first sentence, as the digests
		 * head it; a search hit's snippet is a window of its text, not its start, so the
		 * link stands in for it there. */
		const char *title = text_display_title(h.hits[i].title, q ? NULL : h.hits[i].snippet, h.hits[i].link,
		                                       TEXT_DISPLAY_TITLE_CHARS, &arena);
		buf_printf(b, "<li><a href=\"/items/%lld", (long long)h.hits[i].id);
		struct buf lq = BUF_INIT;
		put_lang_param(&lq, link_lang(rq), 1);
		buf_printf(b, "%s\" dir=\"auto\">", buf_str(&lq));
		buf_free(&lq);
		html_escape_str(b, title ? title : w->untitled);
		/* Feed text may be right-to-left: isolated (<bdi>, dir=auto), as the digests do, so
		 * a Hebrew or Arabic source's name does not pull the date before it. */
		buf_puts(b, "</a><div class=\"meta\"><bdi>");
		html_escape_str(b, h.hits[i].source);
		buf_puts(b, "</bdi> · ");
		put_time(b, h.hits[i].when);
		buf_puts(b, "</div><div dir=\"auto\">");
		if (q)
			put_snippet(b, h.hits[i].snippet);
		else /* the text's start, as stored: its \x01/\x02 are no marks */
			html_escape_str(b, h.hits[i].snippet);
		buf_puts(b, "</div></li>\n");
	}
	buf_puts(b, "</ul>\n");
	/* A cursor past the last item (an old link, items pruned since) is the list's end, not an
	 * empty store. */
	if (h.count == 0)
		buf_puts(b, unsearchable ? w->nothing_to_search : q ? w->nothing_matches : rq->cursor ? (rq->newer ? w->no_newer : w->no_older) : w->no_items);
	put_pager(b, rq, w, "/items", q, q ? "after" : "before", h.next, q ? "before" : "after", h.prev);
	arena_free(&arena);
	page_end(pg);
	return 0;
}

/* ---- /items/ID ---- */

/* A verdict's engine as the store names it ("offline", "llm") in the page's words. */
static void
put_engine(struct buf *b, const struct words *w, const char *engine)
{
	if (engine && strcmp(engine, "offline") == 0)
		buf_puts(b, w->engine_offline);
	else if (engine && strcmp(engine, "llm") == 0)
		buf_puts(b, "LLM");
	else
		html_escape_str(b, engine);
}

/* A verdict's category as the store keeps it (its id, "ai-ml") by its label in the page's
 * language ("🤖 AI / ML", "🔒 安全"), as the digests show it; a value that is no category
 * (an older store's) as it is. */
static void
put_category(struct buf *b, const struct words *w, const char *id)
{
	enum category c;
	if (!id || category_parse(id, &c) < 0) {
		html_escape_str(b, id);
		return;
	}
	buf_printf(b, "%s %s", category_emoji(c), category_label(c, w->code));
}

/* A JSON array of strings (categories, keywords) as an escaped, comma-separated list. */
static void
put_json_list(struct buf *b, const char *json)
{
	json_t *a = json ? json_loads(json, 0, NULL) : NULL;
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v)
	{
		if (!json_is_string(v))
			continue;
		if (i)
			buf_puts(b, ", ");
		html_escape_str(b, json_string_value(v));
	}
	json_decref(a);
}

static void
row(struct buf *b, const char *label)
{
	buf_puts(b, "<tr><th>");
	buf_puts(b, label);
	buf_puts(b, "</th><td>");
}

int
pages_item(struct store *st, const struct page_req *rq, struct page *pg)
{
	long id;
	if (str_to_long(rq->path + 7, 1, LONG_MAX, &id) < 0) {
		pages_error(pg, rq->ui, 404, words_for(rq->ui)->no_item);
		return 0;
	}
	struct arena arena = ARENA_INIT;
	struct archive_item_detail it;
	struct err e;
	int rc = archive_item(st, id, &arena, &it, &e);
	if (rc <= 0) {
		arena_free(&arena);
		if (rc < 0)
			return store_failed(pg, rq->ui, &e);
		pages_error(pg, rq->ui, 404, words_for(rq->ui)->no_item);
		return 0;
	}
	const char *title = text_display_title(it.title, it.text, it.link, TEXT_DISPLAY_TITLE_CHARS, &arena);
	const struct words *w = words_for(rq->ui);
	page_begin(pg, w->code, w, link_lang(rq), title ? title : w->untitled, NULL);
	struct buf *b = &pg->body;
	buf_puts(b, "<h1 dir=\"auto\">");
	put_link(b, it.link, title ? title : w->untitled);
	buf_puts(b, "</h1>\n<table>");
	row(b, w->source);
	put_link(b, it.source_html_url, it.source);
	if (it.author) {
		row(b, w->author);
		html_escape_str(b, it.author);
	}
	if (it.published > 0) { /* an undated item has only its first-seen time */
		row(b, w->published);
		put_time(b, it.published);
	}
	row(b, w->first_seen);
	put_time(b, it.first_seen);
	if (it.categories) {
		row(b, w->categories);
		put_json_list(b, it.categories);
	}
	if (it.engine) {
		int rel = it.relevance, qual = it.quality, tim = it.timeliness;
		row(b, w->score);
		buf_printf(b, "%d/30%s%s %d%s%s %d%s%s %d%s", rel + qual + tim, w->score_open, w->relevance, rel,
		           w->score_sep, w->quality, qual, w->score_sep, w->timeliness, tim, w->score_close);
		put_engine(b, w, it.engine);
		buf_puts(b, w->score_end);
		row(b, w->category);
		put_category(b, w, it.category);
		row(b, w->keywords);
		put_json_list(b, it.keywords);
	}
	buf_puts(b, "</td></tr></table>\n");
	for (size_t i = 0; i < it.enrichment_count; i++) {
		const struct archive_enrichment *en = &it.enrichments[i];
		buf_puts(b, "<section><h2>");
		html_escape_str(b, en->title);
		buf_puts(b, " <span class=\"meta\">");
		html_escape_str(b, en->lang);
		buf_puts(b, "</span></h2><blockquote dir=\"auto\">");
		html_escape_str(b, en->summary);
		buf_puts(b, "</blockquote><p dir=\"auto\">");
		html_escape_str(b, en->reason);
		buf_puts(b, "</p></section>\n");
	}
	/* The article of a thin item's page (--full-text) is what a reader came for; the feed's
	 * couple of lines stay one click away. */
	if (it.page_text && *it.page_text) {
		buf_printf(b, "<section><h2>%s</h2><p class=\"meta\">%s", w->article, w->extracted_from);
		put_link(b, it.page_url, it.page_url);
		buf_puts(b, "</p><div class=\"text\" dir=\"auto\">");
		html_escape_str(b, it.page_text);
		buf_printf(b, "</div></section>\n<details><summary>%s</summary><div class=\"text\" dir=\"auto\">",
		           w->feed_text);
		html_escape_str(b, it.text ? it.text : "");
		buf_puts(b, "</div></details>\n");
	} else {
		buf_puts(b, "<div class=\"text\" dir=\"auto\">");
		html_escape_str(b, it.text ? it.text : "");
		buf_puts(b, "</div>\n");
	}
	arena_free(&arena);
	page_end(pg);
	return 0;
}

/* ---- /feed.atom ---- */

int
pages_atom(struct store *st, const struct page_req *rq, struct page *pg)
{
	struct arena arena = ARENA_INIT;
	struct archive_report *r;
	size_t n;
	struct err e;
	if (archive_reports(st, NULL, 0, PAGE_SIZE, 1, &arena, &r, &n, &e) < 0) {
		arena_free(&arena);
		return store_failed(pg, rq->ui, &e);
	}
	struct buf *b = &pg->body;
	pg->status = 200;
	pg->content_type = "application/atom+xml; charset=utf-8";
	char ts[32];
	time_format_rfc3339(n ? r[0].created_at : 0, ts, sizeof ts);
	/* The feed's own words in the reader's language; each entry in its report's (xml:lang). */
	const struct words *w = words_for(rq->ui);
	buf_printf(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	              "xml:lang=\"%s\">\n<title>%s</title>\n<id>urn:brief:archive</id>\n<link rel=\"self\" href=\"",
	           w->code, w->nav_all);
	html_escape_str(b, rq->base);
	struct buf lq = BUF_INIT; /* a ?lang= the feed was asked with is kept in its links */
	put_lang_param(&lq, link_lang(rq), 1);
	buf_printf(b, "/feed.atom%s\"/>\n<link href=\"", buf_str(&lq));
	html_escape_str(b, rq->base);
	/* RFC 4287 wants an author of the feed or of every entry: brief writes the reports. */
	buf_printf(b, "/%s\"/>\n<updated>%s</updated>\n<author><name>brief</name></author>\n", buf_str(&lq), ts);
	buf_free(&lq);
	buf_puts(b, "<generator>brief</generator>\n");
	for (size_t i = 0; i < n; i++) {
		const char *kind = r[i].kind, *slug = r[i].slug, *lang = r[i].lang, *title = r[i].title;
		struct buf href = BUF_INIT;
		buf_puts(&href, rq->base);
		put_report_href(&href, kind ? kind : "", slug ? slug : "", lang, "");
		time_format_rfc3339(r[i].created_at, ts, sizeof ts);
		buf_puts(b, "<entry");
		if (lang && *lang) {
			buf_puts(b, " xml:lang=\"");
			html_escape_str(b, lang);
			buf_putc(b, '"');
		}
		buf_puts(b, ">\n<title>");
		struct buf shown = BUF_INIT;
		report_title(title, r[i].markdown, slug, slug ? strlen(slug) : 0, &shown);
		html_escape(b, shown.data, shown.len);
		buf_free(&shown);
		/* Ids stay the same whatever host name the feed was fetched by. */
		buf_puts(b, "</title>\n<id>urn:brief:");
		html_url_encode(b, kind ? kind : "");
		buf_putc(b, ':');
		html_url_encode(b, slug ? slug : "");
		buf_putc(b, ':');
		html_url_encode(b, lang ? lang : "");
		buf_puts(b, "</id>\n<link href=\"");
		html_escape(b, href.data, href.len);
		buf_printf(b, "\"/>\n<updated>%s</updated>\n<category term=\"", ts);
		html_escape_str(b, kind);
		buf_puts(b, "\" label=\"");
		html_escape_str(b, kind_name(w, kind));
		buf_puts(b, "\"/>\n");
		if (r[i].html) {
			buf_puts(b, "<content type=\"html\">");
			html_escape_str(b, r[i].html);
			buf_puts(b, "</content>\n");
		} else if (r[i].markdown) {
			buf_puts(b, "<content type=\"text\">");
			html_escape_str(b, r[i].markdown);
			buf_puts(b, "</content>\n");
		}
		buf_puts(b, "</entry>\n");
		buf_free(&href);
	}
	arena_free(&arena);
	buf_puts(b, "</feed>\n");
	return 0;
}

/* Replace e's message, why store_search_check refused q, with the same in Chinese. */
static void
search_refusal_zh(const char *q, struct err *e)
{
	size_t len = strlen(q);
	const char *p = q, *term;
	size_t n;
	int terms = 0;
	while (store_search_next_term(&p, &term, &n))
		terms++;
	if (len > SEARCH_QUERY_MAX)
		err_set(e, "搜索有 %zu 字节长；最多搜索 %d 字节，请缩短", len, SEARCH_QUERY_MAX);
	else if (terms > QUERY_MAX_TERMS)
		err_set(e, "搜索有 %d 个词；最多搜索 %d 个，请删去一些", terms, QUERY_MAX_TERMS);
	else
		err_set(e, "搜索里有控制字符；请去掉它");
}

void
pages_answer(struct store *st, struct page_req *rq, struct page *pg)
{
	if (rq->lang && !*rq->lang)
		rq->lang = NULL;
	rq->ui = pages_ui_lang(rq->lang, rq->accept_language);
	rq->ui_from_query = is_ui_lang(rq->lang);
	struct err qe;
	if (rq->q && store_search_check(rq->q, &qe) < 0) {
		if (words_for(rq->ui) == &words_zh)
			search_refusal_zh(rq->q, &qe);
		pages_error(pg, rq->ui, 400, qe.msg);
		return;
	}
	/* Keyset cursors: digits, '.', '_' and '-' only; anything else starts over. */
	const char *c = rq->cursor;
	if (c && (!*c || strlen(c) >= 64 || c[strspn(c, "0123456789._-")]))
		rq->cursor = NULL;
	const char *url = rq->path;
	if (rq->newer && strcmp(url, "/items") != 0 && strcmp(url, "/items/") != 0 && strcmp(url, "/") != 0 &&
	    strcmp(url, "/index.html") != 0) /* only a list's */
		rq->cursor = NULL, rq->newer = 0;
	if (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0)
		pages_index(st, rq, pg);
	else if (strcmp(url, "/items") == 0 || strcmp(url, "/items/") == 0)
		pages_items(st, rq, pg);
	else if (str_starts(url, "/items/"))
		pages_item(st, rq, pg);
	else if (str_starts(url, "/r/"))
		pages_report(st, rq, pg);
	else if (strcmp(url, "/feed.atom") == 0)
		pages_atom(st, rq, pg);
	else
		pages_error(pg, rq->ui, 404, words_for(rq->ui)->no_page);
}
