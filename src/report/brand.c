/* brand.c: reading the publisher's blocks from the config (brand.h). */
#include "report/brand.h"

#include <string.h>

#include "report/escape.h"
#include "report/mdsubset.h"
#include "util/str.h"

/* The kind's own value, else [brand]'s, else NULL; empty values count as unset. */
static const char *
pick(const char *kind_value, const char *brand_value)
{
	const char *v = kind_value && *kind_value ? kind_value : brand_value;
	return v && *v ? v : NULL;
}

/* v with each two-character "\n" turned into a newline (INI values are one line). */
static const char *
unescape_lines(struct arena *a, const char *v)
{
	if (!v)
		return NULL;
	char *s = arena_strdup(a, v), *w = s;
	for (const char *p = v; *p; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			*w++ = '\n';
			p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return s;
}

void
report_brand_load(const struct config *cfg, const char *kind, const char *lang, struct arena *a,
                  struct report_brand *b)
{
	memset(b, 0, sizeof *b);
	const struct config_values *v = config_values(cfg);
	/* The kind's own keys ([daily], [weekly] or [article]): line, intro, outro, cover. */
	const char *own[4] = {NULL, NULL, NULL, NULL};
	if (strcmp(kind, "daily") == 0)
		own[0] = v->daily_brand_line, own[1] = v->daily_intro, own[2] = v->daily_outro, own[3] = v->daily_cover;
	else if (strcmp(kind, "weekly") == 0)
		own[0] = v->weekly_brand_line, own[1] = v->weekly_intro, own[2] = v->weekly_outro, own[3] = v->weekly_cover;
	else if (strcmp(kind, "article") == 0)
		own[0] = v->article_brand_line, own[1] = v->article_intro, own[2] = v->article_outro,
		own[3] = v->article_cover;
	b->line = pick(own[0], v->brand_line);
	b->intro = unescape_lines(a, pick(own[1], v->brand_intro));
	b->outro = unescape_lines(a, pick(own[2], v->brand_outro));
	const char *cover = pick(own[3], v->brand_cover);
	/* The cover also goes into the pages' Content-Security-Policy img-src: no character
	 * that could end a source expression or an attribute. */
	b->cover = esc_url_ok(cover) && !strpbrk(cover, " ;,'\"<>\\") ? cover : NULL;
	if (strcmp(kind, "article") == 0) {
		const char *d = v->article_disclaimer;
		if (!d || !*d)
			d = lang && strcmp(lang, "en") == 0 ? "The views in this article are the author's own; "
			                                      "discussion welcome."
			                                    : "本文仅代表作者观点，欢迎讨论";
		b->disclaimer = str_casecmp(d, "none") == 0 ? NULL : d;
	}
}

void
report_brand_compiled(const struct config *cfg, const char *lang, struct report_brand *b)
{
	const char *d = config_values(cfg)->article_disclaimer;
	if (d && *d)
		return; /* the publisher's own line (or "none") stands */
	b->disclaimer = lang && strcmp(lang, "en") == 0 ? "The views quoted are their authors' own; discussion welcome."
	                                                : "文中观点均属原文作者，欢迎讨论";
}

void
report_brand_top_md(const struct report_brand *b, struct buf *out)
{
	if (!b)
		return;
	if (b->cover) {
		buf_puts(out, "![](");
		esc_md_url(out, b->cover);
		buf_puts(out, ")\n\n");
	}
	mds_md(out, b->intro, NULL);
}

void
report_brand_top_html(const struct report_brand *b, struct buf *out)
{
	if (!b)
		return;
	if (b->cover) {
		buf_puts(out, "<p><img alt=\"\" style=\"max-width:100%\" src=\"");
		esc_html(out, b->cover);
		buf_puts(out, "\"></p>\n");
	}
	mds_html(out, b->intro, NULL, NULL);
}

void
report_brand_line_md(const struct report_brand *b, struct buf *out)
{
	if (!b || !b->line)
		return;
	buf_puts(out, "\n*");
	esc_md_inline(out, b->line);
	buf_puts(out, "*\n");
}

void
report_brand_line_html(const struct report_brand *b, struct buf *out)
{
	if (!b || !b->line)
		return;
	buf_puts(out, "<p>");
	esc_html(out, b->line);
	buf_puts(out, "</p>\n");
}

void
report_footer_html(const char *note, const struct report_brand *b, struct buf *out)
{
	buf_puts(out, "<footer><p>");
	esc_html(out, note);
	buf_puts(out, b && b->line ? "</p>\n" : "</p>");
	report_brand_line_html(b, out);
	buf_puts(out, "</footer>\n</article>\n</body>\n</html>\n");
}
