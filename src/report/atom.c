/* atom.c: the archive directory's index (index.md, index.html) and its Atom feed
 * (index.atom), so readers can browse and subscribe to the digests themselves. */
#include <stdio.h>
#include <string.h>

#include "report/escape.h"
#include "report/page.h"
#include "report/i18n.h"
#include "report/report.h"
#include "util/timeutil.h"

/* How many of d a page lists: the newest REPORT_INDEX_RECENT on the main index, all on a month page. */
static size_t
listed(size_t n, const char *month)
{
	return month || n < REPORT_INDEX_RECENT ? n : REPORT_INDEX_RECENT;
}

/* Each month of d (newest first) with its count: calls fn for each. */
static void
each_month(const struct report_digest *d, size_t n, void (*fn)(const char *month, int count, void *ctx), void *ctx)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && strncmp(d[j].date, d[i].date, 7) == 0)
			j++;
		char month[8];
		snprintf(month, sizeof month, "%.7s", d[i].date);
		fn(month, (int)(j - i), ctx);
		i = j;
	}
}

static void
month_md(const char *month, int count, void *ctx)
{
	buf_printf(ctx, "- [%s](%s.md) (%d)\n", month, month, count);
}

static void
month_html(const char *month, int count, void *ctx)
{
	buf_printf(ctx, "<li><a href=\"%s.html\">%s</a> <small>(%d)</small></li>\n", month, month, count);
}

void
report_index_md(const struct report_digest *d, size_t n, const char *lang, const char *month, struct buf *out)
{
	const struct i18n *t = i18n_get(lang);
	buf_printf(out, "# 📚 %s%s%s\n\n", t->index_title, month ? " — " : "", month ? month : "");
	for (size_t i = 0; i < listed(n, month); i++) {
		char sel[16];
		snprintf(sel, sizeof sel, "%d", d[i].selected);
		const char *args[] = {sel};
		buf_puts(out, "- [");
		esc_md_inline(out, d[i].date);
		buf_puts(out, "](");
		esc_md_url(out, d[i].date);
		buf_puts(out, ".md) · ");
		i18n_fill(out, t->index_items, args, 1);
		for (size_t k = 0; k < d[i].top_count; k++) {
			buf_puts(out, k ? " · " : " — ");
			esc_md_inline(out, d[i].top_titles[k]);
		}
		buf_putc(out, '\n');
	}
	if (month) {
		buf_printf(out, "\n[%s](index.md) · [Atom](index.atom)\n", t->index_back);
		return;
	}
	buf_printf(out, "\n## %s\n\n", t->index_months);
	each_month(d, n, month_md, out);
	buf_puts(out, "\n[Atom](index.atom)\n");
}

void
report_index_html(const struct report_digest *d, size_t n, const char *lang, const char *month, struct buf *out)
{
	const struct i18n *t = i18n_get(lang);
	char title[256];
	snprintf(title, sizeof title, "%s%s%s", t->index_title, month ? " — " : "", month ? month : "");
	page_head(out, PAGE_STATIC, t->code, title, NULL,
	          "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"index.atom\">\n",
	          "body{margin:0;font:16px/1.6 system-ui,sans-serif;background:#fdfdfc;color:#1d1d1f}"
	          "main{max-width:46rem;margin:0 auto;padding:1rem}a{color:#0b5cad}li{margin:.6rem 0}"
	          "small{color:#6b6b70}\n@media (prefers-color-scheme:dark){body{background:#121214;color:#e8e8ea}"
	          "a{color:#7cb7ff}small{color:#a0a0a8}}\n");
	buf_puts(out, "<main>\n<h1>📚 ");
	esc_html(out, title);
	buf_puts(out, "</h1>\n<ul>\n");
	for (size_t i = 0; i < listed(n, month); i++) {
		char sel[16];
		snprintf(sel, sizeof sel, "%d", d[i].selected);
		const char *args[] = {sel};
		buf_puts(out, "<li><a href=\"");
		esc_html(out, d[i].date);
		buf_puts(out, ".html\">");
		esc_html(out, d[i].date);
		buf_puts(out, "</a> <small>");
		i18n_fill(out, t->index_items, args, 1);
		buf_puts(out, "</small>");
		for (size_t k = 0; k < d[i].top_count; k++) {
			buf_puts(out, k ? " · <bdi>" : "<br><bdi>");
			esc_html(out, d[i].top_titles[k]);
			buf_puts(out, "</bdi>");
		}
		buf_puts(out, "</li>\n");
	}
	buf_puts(out, "</ul>\n");
	if (month) {
		buf_printf(out, "<p><a href=\"index.html\">%s</a> · <a href=\"index.atom\">Atom</a></p>\n", t->index_back);
	} else {
		buf_printf(out, "<h2>%s</h2>\n<ul>\n", t->index_months);
		each_month(d, n, month_html, out);
		buf_puts(out, "</ul>\n<p><a href=\"index.atom\">Atom</a></p>\n");
	}
	buf_puts(out, "</main>\n</body>\n</html>\n");
}

static void
atom_link(struct buf *out, const char *base_url, const char *date, const char *ext)
{
	if (base_url) {
		esc_xml(out, base_url);
		if (*base_url && base_url[strlen(base_url) - 1] != '/')
			buf_putc(out, '/');
	}
	esc_xml(out, date);
	buf_puts(out, ext);
}

void
report_index_atom(const struct report_digest *d, size_t n, const char *lang, const char *base_url,
                  struct buf *out)
{
	const struct i18n *t = i18n_get(lang);
	char updated[32] = "1970-01-01T00:00:00Z";
	if (n > 0)
		time_format_rfc3339(d[0].generated_at, updated, sizeof updated);
	buf_printf(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n"
	                "<title>%s</title>\n<id>urn:brief:daily:%s</id>\n<updated>%s</updated>\n"
	                "<generator>brief</generator>\n<link rel=\"self\" href=\"",
	           t->code, t->index_title, lang ? lang : "zh", updated);
	atom_link(out, base_url, "index", ".atom");
	buf_puts(out, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
	atom_link(out, base_url, "index", ".html");
	buf_puts(out, "\"/>\n");
	for (size_t i = 0; i < n; i++) {
		char when[32];
		time_format_rfc3339(d[i].generated_at, when, sizeof when);
		buf_puts(out, "<entry>\n<title>");
		esc_xml(out, d[i].title);
		buf_puts(out, "</title>\n<id>urn:brief:daily:");
		/* the digest's own language: an id never changes with a later run's --lang */
		esc_xml(out, d[i].lang ? d[i].lang : lang ? lang : "zh");
		buf_putc(out, ':');
		esc_xml(out, d[i].date);
		buf_printf(out, "</id>\n<updated>%s</updated>\n<author><name>brief</name></author>\n<link rel=\"alternate\" type=\"text/html\" href=\"",
		           when);
		atom_link(out, base_url, d[i].date, ".html");
		buf_puts(out, "\"/>\n<summary type=\"html\">");
		/* Escaped HTML inside escaped XML: the summary is HTML text per RFC 4287. */
		struct buf html = BUF_INIT;
		if (d[i].highlights)
			esc_html_paras(&html, d[i].highlights);
		if (d[i].top_count) {
			buf_puts(&html, "<ol>");
			for (size_t k = 0; k < d[i].top_count; k++) {
				buf_puts(&html, "<li>");
				esc_html(&html, d[i].top_titles[k]);
				buf_puts(&html, "</li>");
			}
			buf_puts(&html, "</ol>");
		}
		esc_xml(out, buf_str(&html));
		buf_free(&html);
		buf_puts(out, "</summary>\n</entry>\n");
	}
	buf_puts(out, "</feed>\n");
}
