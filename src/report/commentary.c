/* commentary.c: the commentary article as Markdown, HTML and JSON (commentary.h). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/commentary.h" /* check_commentary_chars */
#include "report/commentary.h"
#include "report/claims.h"
#include "report/escape.h"
#include "report/page.h"
#include "report/mdsubset.h"
#include "report/i18n.h"
#include "report/weekly.h" /* weekly_refs_md/html */
#include "util/json.h"
#include "util/str.h"

static const char *const zh_numbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                         "十一", "十二"};

const struct article_words *
article_words(const char *lang)
{
	static const struct article_words zh = {
		"结语", "今日互动：", "参考资料",
		"本文由 brief 调用模型 $1 根据所列来源撰写，发布前已通过结构、篇幅、引用与语言检查。",
		"本文由 brief 的离线引擎从所列来源摘录整理，未使用模型：引文保留原文语言，未经翻译或改写。"};
	static const struct article_words en = {
		"Conclusion", "Over to you:", "References",
		"Written by brief with $1 from the sources listed; checked for structure, length, citations and "
		"language before publishing.",
		"Compiled by brief's offline engine from the sources listed, without a model: quotes are in the "
		"sources' own words and language."};
	return lang && strcmp(lang, "en") == 0 ? &en : &zh;
}

void
article_note(const struct commentary_doc *d, struct buf *out)
{
	const struct article_words *w = article_words(d->lang);
	if (!d->model) {
		buf_puts(out, w->note_offline);
		return;
	}
	const char *model_arg[] = {d->model};
	i18n_fill(out, w->note, model_arg, 1);
}

/* The citation targets of d: reference i+1 links to refs[i].link. Free with free(). */
static const char **
ref_links(const struct commentary_doc *d)
{
	const char **links = xcalloc(d->ref_count + 1, sizeof *links);
	for (size_t i = 0; i < d->ref_count; i++)
		links[i] = d->refs[i].link;
	return links;
}

void
article_section_number(const char *lang, size_t i, struct buf *out)
{
	if (lang && strcmp(lang, "en") == 0)
		buf_printf(out, "%zu. ", i + 1);
	else if (i < sizeof zh_numbers / sizeof zh_numbers[0])
		buf_printf(out, "%s、", zh_numbers[i]);
	else
		buf_printf(out, "%zu、", i + 1);
}

/* The length of the Markdown heading marks that open s ("## ", "###一、"): one to six "#"
 * after any spaces, then spaces, or a letter that is not ASCII (a Chinese heading often has
 * no space); else 0 ("#MeToo" and "C#" keep their "#"). */
static size_t
heading_marks(const char *s)
{
	size_t i = 0;
	while (s[i] == ' ')
		i++;
	size_t start = i;
	while (s[i] == '#')
		i++;
	if (i == start || i - start > 6 || !(s[i] == ' ' || s[i] == '\t' || (unsigned char)s[i] >= 0x80))
		return 0;
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return i;
}

void
article_heading_text(const char *heading, struct buf *out)
{
	struct buf plain = BUF_INIT;
	mds_strip(&plain, heading);
	const char *s = buf_str(&plain);
	s += heading_marks(s);
	s += commentary_number_prefix(s);
	/* A heading cites nothing: its "[n]" would show as a bracket no link follows. */
	size_t start = out->len;
	for (const char *p = s; *p;) {
		long id;
		size_t n = check_citation(p, &id);
		if (!n) {
			buf_putc(out, *p++);
			continue;
		}
		while (out->len > start && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
		p += n;
	}
	buf_free(&plain);
}

void
commentary_render_md(const struct commentary_doc *d, struct buf *out)
{
	const struct article_words *w = article_words(d->lang);
	const struct commentary_draft *a = d->draft;
	const struct report_brand *br = d->brand;
	const char **links = ref_links(d);
	struct mds_refs refs = {d->ref_count, links}, none = {0, NULL};
	struct buf h = BUF_INIT;
	buf_puts(out, "# ");
	article_heading_text(a->headline, &h);
	esc_md_inline(out, buf_str(&h));
	buf_puts(out, "\n\n");
	report_brand_top_md(br, out);
	mds_md(out, a->hook, &refs);
	for (size_t i = 0; i < a->section_count; i++) {
		buf_puts(out, "**");
		article_section_number(d->lang, i, out);
		buf_clear(&h);
		article_heading_text(a->sections[i].heading, &h);
		esc_md_inline(out, buf_str(&h));
		buf_puts(out, "**\n\n");
		mds_md(out, a->sections[i].body, &refs);
	}
	buf_printf(out, "**%s**\n\n", w->conclusion);
	mds_md(out, a->conclusion, &refs);
	if (br && br->disclaimer) {
		buf_puts(out, "**");
		esc_md_inline(out, br->disclaimer);
		buf_puts(out, "**\n\n");
	}
	buf_printf(out, "**%s**\n\n", w->interact);
	mds_md(out, a->question, &refs);
	if (br)
		mds_md(out, br->outro, &none);
	buf_printf(out, "---\n\n**%s**\n\n", w->refs);
	weekly_refs_md(d->refs, d->ref_count, out);
	buf_puts(out, "\n*");
	struct buf note = BUF_INIT;
	article_note(d, &note);
	esc_md_inline(out, buf_str(&note));
	buf_free(&note);
	buf_puts(out, "*\n");
	report_brand_line_md(br, out);
	buf_free(&h);
	free(links);
}

void
commentary_render_html(const struct commentary_doc *d, struct buf *out)
{
	const struct article_words *w = article_words(d->lang);
	const struct commentary_draft *a = d->draft;
	int en = d->lang && strcmp(d->lang, "en") == 0;
	const struct report_brand *br = d->brand;
	const char **links = ref_links(d);
	struct mds_refs refs = {d->ref_count, links}, none = {0, NULL};
	struct buf h = BUF_INIT;
	article_heading_text(a->headline, &h);
	page_head(out, PAGE_STATIC, en ? "en" : "zh", buf_str(&h), br ? br->cover : NULL, NULL,
	          "body{max-width:44rem;margin:2rem auto;padding:0 1rem;font:17px/1.8 "
	          "system-ui,sans-serif}a.ref{font-size:.8em}footer{color:#777;font-size:.9em}"
	          "@media(prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8cf}}\n");
	buf_puts(out, "<article>\n<h1>");
	esc_html(out, buf_str(&h));
	buf_puts(out, "</h1>\n");
	report_brand_top_html(br, out);
	mds_html(out, a->hook, &refs, NULL);
	for (size_t i = 0; i < a->section_count; i++) {
		buf_puts(out, "<h2>");
		struct buf num = BUF_INIT;
		article_section_number(d->lang, i, &num);
		esc_html(out, buf_str(&num));
		buf_free(&num);
		buf_clear(&h);
		article_heading_text(a->sections[i].heading, &h);
		esc_html(out, buf_str(&h));
		buf_puts(out, "</h2>\n");
		mds_html(out, a->sections[i].body, &refs, NULL);
	}
	buf_printf(out, "<h2>%s</h2>\n", w->conclusion);
	mds_html(out, a->conclusion, &refs, NULL);
	if (br && br->disclaimer) {
		buf_puts(out, "<p><strong>");
		esc_html(out, br->disclaimer);
		buf_puts(out, "</strong></p>\n");
	}
	buf_printf(out, "<h2>%s</h2>\n", w->interact);
	mds_html(out, a->question, &refs, NULL);
	if (br)
		mds_html(out, br->outro, &none, NULL);
	weekly_refs_html(w->refs, d->refs, d->ref_count, out);
	struct buf note = BUF_INIT;
	article_note(d, &note);
	report_footer_html(buf_str(&note), br, out);
	buf_free(&note);
	buf_free(&h);
	free(links);
}

/* A long-form text for JSON: normalised to the subset (mdsubset.h), unescaped. */
static json_t *
subset_json(const char *text)
{
	struct buf b = BUF_INIT;
	mds_text(&b, text);
	json_t *j = json_text(buf_str(&b));
	buf_free(&b);
	return j;
}

void
commentary_render_json(const struct commentary_doc *d, struct buf *out)
{
	const struct commentary_draft *a = d->draft;
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string("article"));
	json_object_set_new(o, "story", json_text(d->story_id));
	json_object_set_new(o, "date", json_text(d->date));
	json_object_set_new(o, "generated_at", json_text(d->generated_at));
	json_object_set_new(o, "lang", json_text(d->lang));
	json_object_set_new(o, "engine", json_string(d->model ? "llm" : "offline"));
	json_object_set_new(o, "model", json_text(d->model));
	struct buf t = BUF_INIT;
	article_heading_text(a->headline, &t);
	json_object_set_new(o, "headline", json_text(buf_str(&t)));
	json_object_set_new(o, "hook", subset_json(a->hook));
	json_t *secs = json_array();
	for (size_t i = 0; i < a->section_count; i++) {
		buf_clear(&t);
		article_heading_text(a->sections[i].heading, &t);
		json_array_append_new(secs, json_pack("{s:o,s:o}", "heading", json_text(buf_str(&t)), "body",
		                                      subset_json(a->sections[i].body)));
	}
	buf_free(&t);
	json_object_set_new(o, "sections", secs);
	json_object_set_new(o, "conclusion", subset_json(a->conclusion));
	if (d->brand && d->brand->disclaimer)
		json_object_set_new(o, "disclaimer", json_text(d->brand->disclaimer));
	json_object_set_new(o, "question", subset_json(a->question));
	json_object_set_new(o, "chars", json_integer((json_int_t)check_commentary_chars(a)));
	json_t *refs = json_array();
	for (size_t i = 0; i < d->ref_count; i++)
		json_array_append_new(refs, json_pack("{s:I,s:o,s:o,s:o}", "id", (json_int_t)i + 1, "title",
		                                      json_text(d->refs[i].title), "link",
		                                      json_text(d->refs[i].link), "source",
		                                      json_text(d->refs[i].source)));
	json_object_set_new(o, "references", refs);
	json_object_set_new(o, "grounding", claims_json(d->ground));
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(o);
}
