/* weekly_html.c: the weekly post as a self-contained HTML page and as a JSON object. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "report/claims.h"
#include "report/escape.h"
#include "report/page.h"
#include "report/mdsubset.h"
#include "report/weekly.h"
#include "util/json.h"
#include "util/timeutil.h"
#include "util/utf8.h"

/* No request may leave the page: styles inline, nothing else loads. */
static const char weekly_css[] =
	"body{max-width:46rem;margin:2rem auto;padding:0 1rem;font:16px/1.75 system-ui,sans-serif}"
	"header p{color:#666;margin:.2rem 0}blockquote{border-left:4px solid #ccc;margin:1.5rem 0;"
	"padding:.2rem 1rem;font-style:italic}h2{border-bottom:1px solid #ddd}a.ref{font-size:.8em}"
	"footer{color:#777;font-size:.9em;margin-top:2rem}"
	"@media(prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8cf}}";

static void
html_para(const struct weekly_post *p, const struct weekly_para *para, struct buf *out)
{
	buf_puts(out, "<p dir=\"auto\">");
	mds_html_inline(out, para->text, NULL, NULL);
	for (size_t r = 0; r < para->ref_count; r++) {
		int id = para->refs[r];
		if (id < 1 || (size_t)id > p->ref_count)
			continue;
		buf_printf(out, " <a class=\"ref\" href=\"#ref-%d\">[%d]</a>", id, id);
	}
	buf_puts(out, "</p>\n");
}

void
weekly_refs_html(const char *heading, const struct weekly_ref *refs, size_t n, struct buf *out)
{
	buf_puts(out, "<h2>");
	esc_html(out, heading);
	buf_puts(out, "</h2>\n<ol>\n");
	for (size_t i = 0; i < n; i++) {
		const struct weekly_ref *r = &refs[i];
		buf_printf(out, "<li id=\"ref-%zu\">", i + 1);
		if (esc_url_ok(r->link)) {
			buf_puts(out, "<a href=\"");
			esc_html(out, r->link);
			buf_puts(out, "\" rel=\"noopener noreferrer\">");
			esc_html(out, r->title && *r->title ? r->title : r->link);
			buf_puts(out, "</a>");
		} else {
			esc_html(out, r->title);
		}
		if (r->source && *r->source) {
			buf_puts(out, " — ");
			esc_html(out, r->source);
		}
		buf_puts(out, "</li>\n");
	}
	buf_puts(out, "</ol>\n");
}

void
weekly_render_html(const struct weekly_post *p, struct buf *out)
{
	int en = p->lang && strcmp(p->lang, "en") == 0;
	page_head(out, PAGE_STATIC, en ? "en" : "zh", p->title, p->brand ? p->brand->cover : NULL, NULL, weekly_css);
	buf_puts(out, "<article>\n<header>\n<h1>");
	esc_html(out, p->title);
	buf_puts(out, "</h1>\n<p>");
	esc_html(out, p->subtitle);
	buf_puts(out, "</p>\n<p><time>");
	esc_html(out, p->date);
	buf_puts(out, "</time> · ");
	esc_html(out, p->author);
	buf_puts(out, "</p>\n</header>\n");
	report_brand_top_html(p->brand, out);
	if (p->epigraph_open) {
		buf_puts(out, "<blockquote><p dir=\"auto\">");
		esc_html(out, p->epigraph_open);
		buf_puts(out, "</p></blockquote>\n");
	}
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		const struct weekly_section *sec = &p->sections[k];
		buf_puts(out, "<section>\n<h2>");
		esc_html(out, weekly_section_title((enum weekly_kind)k, p->lang));
		buf_puts(out, "</h2>\n");
		if (sec->group_count == 0)
			buf_puts(out, en ? "<p>Nothing this week.</p>\n" : "<p>本周暂无。</p>\n");
		int number = 0;
		for (size_t g = 0; g < sec->group_count; g++) {
			const struct weekly_group *grp = &sec->groups[g];
			if (grp->name) {
				buf_printf(out, "<h3>%d. ", ++number);
				esc_html(out, grp->name);
				buf_puts(out, "</h3>\n");
			}
			for (size_t i = 0; i < grp->para_count; i++)
				html_para(p, &grp->paras[i], out);
		}
		buf_puts(out, "</section>\n");
	}
	if (p->epigraph_close) {
		buf_puts(out, "<blockquote><p dir=\"auto\">");
		esc_html(out, p->epigraph_close);
		buf_puts(out, "</p></blockquote>\n");
	}
	if (p->brand)
		mds_html(out, p->brand->outro, NULL, NULL);
	buf_puts(out, "<section>\n");
	weekly_refs_html(weekly_refs_title(p->lang), p->refs, p->ref_count, out);
	buf_puts(out, "</section>\n");
	struct buf note = BUF_INIT;
	weekly_engine_note(p, &note);
	report_footer_html(buf_str(&note), p->brand, out);
	buf_free(&note);
}

static json_t *
json_time(int64_t t)
{
	if (t == FEED_NO_DATE) /* undated: null, as in the daily JSON */
		return json_null();
	char s[32];
	time_format_rfc3339(t, s, sizeof s);
	return json_string(s);
}

static json_t *
json_refs_of(const struct weekly_para *para)
{
	json_t *a = json_array();
	for (size_t r = 0; r < para->ref_count; r++)
		json_array_append_new(a, json_integer(para->refs[r]));
	return a;
}

void
weekly_render_json(const struct weekly_post *p, struct buf *out)
{
	static const char *const kinds[] = {"news", "rumors", "open_source"};
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string("weekly"));
	json_object_set_new(o, "issue", json_integer(p->issue));
	json_object_set_new(o, "week", json_text(p->week));
	json_object_set_new(o, "title", json_text(p->title));
	json_object_set_new(o, "subtitle", json_text(p->subtitle));
	json_object_set_new(o, "date", json_text(p->date));
	json_object_set_new(o, "generated_at", json_text(p->datetime));
	json_object_set_new(o, "author", json_text(p->author));
	json_object_set_new(o, "lang", json_text(p->lang));
	json_object_set_new(o, "engine", json_text(p->engine));
	json_object_set_new(o, "model", json_text(p->model));
	json_object_set_new(o, "days", json_integer(p->days));
	json_object_set_new(o, "articles_in_window", json_integer(p->articles_in_window));
	json_t *tags = json_array();
	for (size_t i = 0; i < p->tag_count; i++)
		json_array_append_new(tags, json_text(p->tags[i]));
	json_object_set_new(o, "tags", tags);
	json_t *ep = json_array();
	if (p->epigraph_open)
		json_array_append_new(ep, json_text(p->epigraph_open));
	if (p->epigraph_close)
		json_array_append_new(ep, json_text(p->epigraph_close));
	json_object_set_new(o, "epigraphs", ep);
	json_t *sections = json_array();
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		const struct weekly_section *sec = &p->sections[k];
		json_t *js = json_object();
		json_object_set_new(js, "kind", json_string(kinds[k]));
		json_object_set_new(js, "title", json_text(weekly_section_title((enum weekly_kind)k, p->lang)));
		json_t *groups = json_array();
		for (size_t g = 0; g < sec->group_count; g++) {
			json_t *jg = json_object();
			json_object_set_new(jg, "name", json_text(sec->groups[g].name));
			if (strcmp(p->engine, "llm") == 0)
				json_object_set_new(jg, "written_by",
				                    json_string(sec->groups[g].is_extractive ? "extractive" : "model"));
			json_t *paras = json_array();
			for (size_t i = 0; i < sec->groups[g].para_count; i++) {
				const struct weekly_para *para = &sec->groups[g].paras[i];
				json_t *jp = json_object();
				struct buf text = BUF_INIT; /* the line the post shows, not the model's raw text */
				mds_text_inline(&text, para->text);
				json_object_set_new(jp, "text", json_text(buf_str(&text)));
				buf_free(&text);
				json_object_set_new(jp, "refs", json_refs_of(para));
				json_array_append_new(paras, jp);
			}
			json_object_set_new(jg, "paragraphs", paras);
			json_array_append_new(groups, jg);
		}
		json_object_set_new(js, "groups", groups);
		json_array_append_new(sections, js);
	}
	json_object_set_new(o, "sections", sections);
	json_t *refs = json_array();
	for (size_t i = 0; i < p->ref_count; i++) {
		json_t *jr = json_object();
		json_object_set_new(jr, "id", json_integer((json_int_t)i + 1));
		json_object_set_new(jr, "title", json_text(p->refs[i].title));
		json_object_set_new(jr, "link", json_text(p->refs[i].link));
		json_object_set_new(jr, "source", json_text(p->refs[i].source));
		json_object_set_new(jr, "published", json_time(p->refs[i].published));
		json_array_append_new(refs, jr);
	}
	json_object_set_new(o, "references", refs);
	if (p->ground) /* model-written paragraphs: their claim list (offline posts quote the sources) */
		json_object_set_new(o, "grounding", claims_json(p->ground));
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(o);
}
