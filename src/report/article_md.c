/* article_md.c: the commentary article as Markdown, HTML and JSON (article.h). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report/article.h"
#include "report/escape.h"
#include "report/i18n.h"
#include "util/json.h"
#include "util/str.h"

static const char *const zh_numbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                         "十一", "十二"};

struct words {
	const char *conclusion, *interact, *refs, *note;
};

static const struct words *
words_of(const char *lang)
{
	static const struct words zh = {"结语", "今日互动：", "参考资料",
	                                "本文由 brief 调用模型 $1 根据所列来源撰写，发布前已通过结构、篇幅、引用与语言检查。"};
	static const struct words en = {"Conclusion", "Over to you:", "References",
	                                "Written by brief with $1 from the sources listed; checked for structure, "
	                                "length, citations and language before publishing."};
	return lang && strcmp(lang, "en") == 0 ? &en : &zh;
}

size_t
article_number_prefix(const char *h)
{
	const char *p = h;
	while (*p == ' ')
		p++;
	if (str_starts(p, "第")) /* 第一层： / 第1部分： */
		p += strlen("第");
	const char *start = p;
	for (int moved = 1; moved;) {
		moved = 0;
		for (size_t i = 0; i < 10; i++) /* the single-character numerals */
			if (str_starts(p, zh_numbers[i])) {
				p += strlen(zh_numbers[i]);
				moved = 1;
			}
		while (is_ascii_digit((unsigned char)*p)) {
			p++;
			moved = 1;
		}
	}
	if (p == start)
		return 0;
	static const char *const seps[] = {"、", "层：", "层:", "部分：", "：", ". ", "．", ":", ")", "）"};
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (str_starts(p, seps[i])) {
			p += strlen(seps[i]);
			while (*p == ' ')
				p++;
			return (size_t)(p - h);
		}
	return 0;
}

/* One paragraph with its [n] citations turned into links to the sources. */
static void
md_para(const struct article_doc *d, const char *s, size_t len, struct buf *out)
{
	struct buf piece = BUF_INIT;
	for (size_t i = 0; i < len;) {
		size_t j = i + 1;
		long id = 0;
		if (s[i] == '[') {
			while (j < len && is_ascii_digit((unsigned char)s[j]) && j - i < 6)
				id = id * 10 + (s[j++] - '0');
		}
		if (s[i] == '[' && j > i + 1 && j < len && s[j] == ']' && id >= 1 && (size_t)id <= d->ref_count) {
			esc_md_inline(out, buf_str(&piece));
			if (piece.len && is_ascii_space((unsigned char)piece.data[piece.len - 1]))
				buf_putc(out, ' ');
			buf_clear(&piece);
			const char *link = d->refs[id - 1].link;
			if (esc_url_ok(link)) {
				buf_printf(out, "[\\[%ld\\]](", id);
				esc_md_url(out, link);
				buf_putc(out, ')');
			} else {
				buf_printf(out, "\\[%ld\\]", id);
			}
			i = j + 1;
			continue;
		}
		buf_putc(&piece, s[i]);
		i++;
	}
	esc_md_inline(out, buf_str(&piece));
	buf_free(&piece);
	buf_puts(out, "\n\n");
}

/* Paragraphs separated by blank lines. */
static void
md_paras(const struct article_doc *d, const char *s, struct buf *out)
{
	while (s && *s) {
		const char *end = strstr(s, "\n\n");
		size_t len = end ? (size_t)(end - s) : strlen(s);
		const char *p = s;
		size_t l = len;
		str_trim(&p, &l);
		if (l)
			md_para(d, p, l, out);
		s += len;
		while (*s == '\n')
			s++;
	}
}

static void
section_number(const struct article_doc *d, size_t i, struct buf *out)
{
	if (d->lang && strcmp(d->lang, "en") == 0)
		buf_printf(out, "%zu. ", i + 1);
	else if (i < sizeof zh_numbers / sizeof zh_numbers[0])
		buf_printf(out, "%s、", zh_numbers[i]);
	else
		buf_printf(out, "%zu、", i + 1);
}

void
article_render_md(const struct article_doc *d, struct buf *out)
{
	const struct words *w = words_of(d->lang);
	const struct article_draft *a = d->draft;
	buf_puts(out, "# ");
	esc_md_inline(out, a->headline);
	buf_puts(out, "\n\n");
	md_paras(d, a->hook, out);
	for (size_t i = 0; i < a->section_count; i++) {
		buf_puts(out, "**");
		section_number(d, i, out);
		esc_md_inline(out, a->sections[i].heading + article_number_prefix(a->sections[i].heading));
		buf_puts(out, "**\n\n");
		md_paras(d, a->sections[i].body, out);
	}
	buf_printf(out, "**%s**\n\n", w->conclusion);
	md_paras(d, a->conclusion, out);
	buf_printf(out, "**%s**\n\n", w->interact);
	md_paras(d, a->question, out);
	buf_printf(out, "---\n\n**%s**\n\n", w->refs);
	weekly_refs_md(d->refs, d->ref_count, out);
	buf_puts(out, "\n*");
	struct buf note = BUF_INIT;
	const char *model_arg[] = {d->model ? d->model : "?"};
	i18n_fill(&note, w->note, model_arg, 1);
	esc_md_inline(out, buf_str(&note));
	buf_free(&note);
	buf_puts(out, "*\n");
}

static void
html_paras(const struct article_doc *d, const char *s, struct buf *out)
{
	while (s && *s) {
		const char *end = strstr(s, "\n\n");
		size_t len = end ? (size_t)(end - s) : strlen(s);
		char *para = xstrndup(s, len);
		if (*para) {
			buf_puts(out, "<p dir=\"auto\">");
			/* Citations become links to the reference list. */
			struct buf piece = BUF_INIT;
			for (const char *p = para; *p;) {
				long id = 0;
				const char *q = p + 1;
				while (*p == '[' && is_ascii_digit((unsigned char)*q) && q - p < 6)
					id = id * 10 + (*q++ - '0');
				if (*p == '[' && q > p + 1 && *q == ']' && id >= 1 && (size_t)id <= d->ref_count) {
					esc_html(out, buf_str(&piece));
					buf_clear(&piece);
					buf_printf(out, "<a class=\"ref\" href=\"#ref-%ld\">[%ld]</a>", id, id);
					p = q + 1;
					continue;
				}
				buf_putc(&piece, *p++);
			}
			esc_html(out, buf_str(&piece));
			buf_free(&piece);
			buf_puts(out, "</p>\n");
		}
		free(para);
		s += len;
		while (*s == '\n')
			s++;
	}
}

void
article_render_html(const struct article_doc *d, struct buf *out)
{
	const struct words *w = words_of(d->lang);
	const struct article_draft *a = d->draft;
	int en = d->lang && strcmp(d->lang, "en") == 0;
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
	                "'unsafe-inline'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	           en ? "en" : "zh");
	esc_html(out, a->headline);
	buf_puts(out, "</title>\n<style>body{max-width:44rem;margin:2rem auto;padding:0 1rem;font:17px/1.8 "
	              "system-ui,sans-serif}a.ref{font-size:.8em}footer{color:#777;font-size:.9em}"
	              "@media(prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8cf}}</style>\n"
	              "</head>\n<body>\n<article>\n<h1>");
	esc_html(out, a->headline);
	buf_puts(out, "</h1>\n");
	html_paras(d, a->hook, out);
	for (size_t i = 0; i < a->section_count; i++) {
		buf_puts(out, "<h2>");
		struct buf num = BUF_INIT;
		section_number(d, i, &num);
		esc_html(out, buf_str(&num));
		buf_free(&num);
		esc_html(out, a->sections[i].heading + article_number_prefix(a->sections[i].heading));
		buf_puts(out, "</h2>\n");
		html_paras(d, a->sections[i].body, out);
	}
	buf_printf(out, "<h2>%s</h2>\n", w->conclusion);
	html_paras(d, a->conclusion, out);
	buf_printf(out, "<h2>%s</h2>\n", w->interact);
	html_paras(d, a->question, out);
	buf_printf(out, "<h2>%s</h2>\n<ol>\n", w->refs);
	weekly_refs_html(d->refs, d->ref_count, out);
	buf_puts(out, "</ol>\n<footer><p>");
	struct buf note = BUF_INIT;
	const char *model_arg[] = {d->model ? d->model : "?"};
	i18n_fill(&note, w->note, model_arg, 1);
	esc_html(out, buf_str(&note));
	buf_free(&note);
	buf_puts(out, "</p></footer>\n</article>\n</body>\n</html>\n");
}

void
article_render_json(const struct article_doc *d, struct buf *out)
{
	const struct article_draft *a = d->draft;
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string("article"));
	json_object_set_new(o, "story", json_text(d->story_id));
	json_object_set_new(o, "date", json_text(d->date));
	json_object_set_new(o, "generated_at", json_text(d->generated_at));
	json_object_set_new(o, "lang", json_text(d->lang));
	json_object_set_new(o, "model", json_text(d->model));
	json_object_set_new(o, "headline", json_text(a->headline));
	json_object_set_new(o, "hook", json_text(a->hook));
	json_t *secs = json_array();
	for (size_t i = 0; i < a->section_count; i++)
		json_array_append_new(secs, json_pack("{s:o,s:o}", "heading",
		                                      json_text(a->sections[i].heading +
		                                                      article_number_prefix(a->sections[i].heading)),
		                                      "body", json_text(a->sections[i].body)));
	json_object_set_new(o, "sections", secs);
	json_object_set_new(o, "conclusion", json_text(a->conclusion));
	json_object_set_new(o, "question", json_text(a->question));
	json_object_set_new(o, "chars", json_integer((json_int_t)check_article_chars(a)));
	json_t *refs = json_array();
	for (size_t i = 0; i < d->ref_count; i++)
		json_array_append_new(refs, json_pack("{s:I,s:o,s:o,s:o}", "id", (json_int_t)i + 1, "title",
		                                      json_text(d->refs[i].title), "link",
		                                      json_text(d->refs[i].link), "source",
		                                      json_text(d->refs[i].source)));
	json_object_set_new(o, "references", refs);
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(o);
}
