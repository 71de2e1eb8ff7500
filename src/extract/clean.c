/* clean.c: tidy the article the scorer picked. Containers that look like link lists, share
 * bars, forms or teasers go (judged by link density, image and list counts, class/id
 * weight), as do the heading that repeats the page title, the author line, captions, and
 * paragraphs left empty. Data tables stay whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/passes.h"
#include "util/str.h"

static size_t
count_tag(xmlNodePtr n, const char *name)
{
	size_t k = 0;
	for (xmlNodePtr m = n->children; m; m = dom_next(m, n, 0))
		if (dom_is(m, name))
			k++;
	return k;
}

/* A growable list of nodes, in document order. */
struct nodes {
	xmlNodePtr *v;
	size_t n, cap;
};

static void
collect(xmlNodePtr root, const char *const *names, struct nodes *out)
{
	for (xmlNodePtr m = root; m; m = dom_next(m, root, 0))
		if (dom_is_any(m, names)) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 32;
				out->v = xrealloc(out->v, out->cap * sizeof *out->v);
			}
			out->v[out->n++] = m;
		}
}

/* Tables that hold data rather than layout (Readability's rules). */
static int
is_data_table(xmlNodePtr t)
{
	const char *role = dom_attr(t, "role");
	if (role && str_casecmp(role, "presentation") == 0)
		return 0;
	const char *dt = dom_attr(t, "datatable");
	if (dt && strcmp(dt, "0") == 0)
		return 0;
	if (dom_attr(t, "summary"))
		return 1;
	for (xmlNodePtr ch = t->children; ch; ch = ch->next)
		if (dom_is(ch, "caption") && dom_text_len(ch) > 0)
			return 1;
	static const char *const data_parts[] = {"col", "colgroup", "tfoot", "thead", "th", NULL};
	size_t rows = 0, cols = 0;
	for (xmlNodePtr m = t->children; m; m = dom_next(m, t, 0)) {
		if (dom_is_any(m, data_parts))
			return 1;
		if (dom_is(m, "table"))
			return 0; /* nested tables mean layout */
		if (dom_is(m, "tr")) {
			rows++;
			size_t k = 0;
			for (xmlNodePtr cell = m->children; cell; cell = cell->next)
				if (dom_is(cell, "td"))
					k++;
			if (k > cols)
				cols = k;
		}
	}
	if (rows == 1 || cols == 1)
		return 0;
	return rows >= 10 || cols > 4 || rows * cols > 10;
}

static void
mark_data_tables(struct dom_ctx *c, xmlNodePtr root)
{
	for (xmlNodePtr m = root; m; m = dom_next(m, root, 0))
		if (dom_is(m, "table"))
			dom_info(c, m)->is_data_table = is_data_table(m);
}

static int
in_data_table(const xmlNode *n)
{
	for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (dom_is(p, "table") && dom_info_get(p) && dom_info_get(p)->is_data_table)
			return 1;
	return 0;
}

/* Readability's conditional cleaning: should this container go? */
static int
should_drop(struct dom_ctx *c, xmlNodePtr n)
{
	if (dom_is(n, "table") && in_data_table(n))
		return 0;
	if (in_data_table(n) || dom_has_ancestor(n, "code", 0) || dom_has_ancestor(n, "pre", 0))
		return 0;
	int weight = dom_class_weight(c, n);
	if (weight < 0)
		return 1;
	struct dom_stats st;
	dom_stats(n, &st);
	if (st.commas >= 10)
		return 0;
	size_t len = st.chars;
	int is_list = dom_is(n, "ul") || dom_is(n, "ol");
	if (!is_list && len > 0)
		is_list = (double)st.list_chars / (double)len > 0.9;
	/* a container that is mostly prose is article, whatever teasers sit inside it */
	if (st.prose_chars >= 400 && (double)st.prose_chars >= 0.6 * (double)len)
		return 0;
	double p = (double)st.p, img = (double)st.img, li = (double)st.li - 100;
	double heading_density = len ? (double)st.heading_chars / (double)len : 0;
	double ld = len ? st.link_chars / (double)len : 0;
	int in_figure = dom_has_ancestor(n, "figure", 0);
	if (img > 1 && p / img < 0.5 && !in_figure)
		return 1;
	if (!is_list && li > p)
		return 1;
	if (!is_list && heading_density < 0.9 && len < 25 && (img == 0 || img > 2) && !in_figure)
		return 1;
	if (!is_list && weight < 25 && ld > 0.2)
		return 1;
	if (weight >= 25 && ld > 0.5)
		return 1;
	return 0;
}

/* Drop the containers named names inside root that should_drop() condemns. Returns 1 when
 * root itself should go too (checked only with include_root; root stays in the tree). */
static int
clean_conditionally(struct dom_ctx *c, xmlNodePtr root, const char *const *names, int include_root)
{
	struct nodes l = {NULL, 0, 0};
	collect(root, names, &l);
	int drop_root = 0;
	/* inner containers first: dropping an outer one frees them, and they are done by then */
	for (size_t i = l.n; i-- > 0;) {
		if (l.v[i] == root)
			drop_root = include_root && should_drop(c, root);
		else if (should_drop(c, l.v[i]))
			dom_remove(l.v[i]);
	}
	free(l.v);
	return drop_root;
}

/* The first h1/h2 that repeats the page title. */
static void
drop_title_heading(struct dom_ctx *c, xmlNodePtr root)
{
	if (!c->title || !*c->title)
		return;
	for (xmlNodePtr m = root; m; m = dom_next(m, root, 0)) {
		if (!dom_is(m, "h1") && !dom_is(m, "h2"))
			continue;
		struct buf b = BUF_INIT;
		dom_text(m, &b);
		int same = b.len > 0 && dom_similarity(c->title, buf_str(&b)) > 0.75;
		buf_free(&b);
		if (same && m != root)
			dom_remove(m);
		return;
	}
}

/* Class/id words of share bars and of captions and photo credits (human gold sets leave
 * captions out of an article's text). */
static const char *const share_words[] = {"share", "social", NULL};
static const char *const caption_words[] = {"caption", "credit", NULL};

static int
word_in(const char *cls, const char *id, const char *const *words)
{
	for (; *words; words++)
		if ((cls && str_icasestr(cls, strlen(cls), *words)) || (id && str_icasestr(id, strlen(id), *words)))
			return 1;
	return 0;
}

void
clean_article(struct dom_ctx *c, xmlNodePtr *nodes, size_t n)
{
	static const char *const cond[] = {"form", "fieldset", "table", "ul", "ol", "div", "section", "dl", NULL};
	static const char *const gone[] = {"footer", "aside", "figcaption", "nav", NULL};
	static const char *const heads[] = {"h1", "h2", NULL};
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr root = nodes[i];
		mark_data_tables(c, root);
		drop_title_heading(c, root);
		struct nodes l = {NULL, 0, 0};
		collect(root, gone, &l);
		for (size_t k = l.n; k-- > 0;)
			if (l.v[k] != root)
				dom_remove(l.v[k]);
		l.n = 0;
		/* author lines and share bars inside the article */
		for (xmlNodePtr m = root->children; m;) {
			xmlNodePtr next = dom_next(m, root, 0);
			if (m->type == XML_ELEMENT_NODE && !dom_is(m, "a")) {
				const char *cls = dom_attr(m, "class"), *id = dom_attr(m, "id");
				int share = word_in(cls, id, share_words);
				int caption = word_in(cls, id, caption_words);
				size_t limit = share ? 500 : caption ? 400 : 100;
				if ((share || caption || dom_is_byline(m)) && dom_text_len(m) < limit) {
					next = dom_next(m, root, 1);
					dom_remove(m);
				}
			}
			m = next;
		}
		if ((c->flags & FLAG_CLEAN_COND) && clean_conditionally(c, root, cond, n > 1)) {
			nodes[i] = NULL; /* a sibling block that is no article after all */
			free(l.v);
			continue;
		}
		/* headings marked as boilerplate */
		collect(root, heads, &l);
		for (size_t k = l.n; k-- > 0;)
			if (l.v[k] != root && dom_class_weight(c, l.v[k]) < 0)
				dom_remove(l.v[k]);
		l.n = 0;
		/* paragraphs with nothing in them */
		static const char *const paras[] = {"p", NULL};
		collect(root, paras, &l);
		for (size_t k = l.n; k-- > 0;)
			if (l.v[k] != root && !dom_has_text(l.v[k]) && count_tag(l.v[k], "img") == 0)
				dom_remove(l.v[k]);
		free(l.v);
	}
}
