/* score.c: find the article's container. Every paragraph with some text gives points
 * (one, plus one per comma, plus one per 100 characters up to three) to its parent, half
 * to its grandparent and less to older ancestors; a container's points shrink with its
 * link density; class/id words and the tag set its starting score. The best container
 * may give way to a common ancestor of its near-equals or to a parent that scores better,
 * and siblings that score well, or read like prose, join it. */
#include <stdlib.h>
#include <string.h>

#include "extract/passes.h"
#include "util/str.h"

#define TOP_N 5
#define MIN_PARA_CHARS 25
#define ANCESTOR_LEVELS 5

/* Starting score of a container by its tag, plus its class/id weight. */
static void
init_candidate(struct dom_ctx *c, xmlNodePtr n)
{
	struct node_info *in = dom_info(c, n);
	static const char *const good[] = {"pre", "td", "blockquote", NULL};
	static const char *const poor[] = {"address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL};
	double s = 0;
	if (dom_is(n, "div") || dom_is(n, "article"))
		s = 5;
	else if (dom_is_any(n, good))
		s = 3;
	else if (dom_is_any(n, poor))
		s = -3;
	else if (dom_is_heading(n) || dom_is(n, "th"))
		s = -5;
	in->score = s + dom_class_weight(c, n);
	in->is_candidate = 1;
}

static int
is_scored(struct dom_ctx *c, xmlNodePtr n)
{
	static const char *const tags[] = {"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL};
	if (dom_is_any(n, tags))
		return 1;
	struct node_info *in = dom_info_get(n);
	return in && in->is_para;
}

static double
score_of(const xmlNode *n)
{
	const struct node_info *in = dom_info_get(n);
	return in && in->is_candidate ? in->score : 0;
}

/* A growable list of nodes. */
struct list {
	xmlNodePtr *v;
	size_t n, cap;
};

static void
list_push(struct list *l, xmlNodePtr x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = x;
}

static int
is_ancestor(const xmlNode *anc, const xmlNode *n)
{
	for (const xmlNode *p = n->parent; p; p = p->parent)
		if (p == anc)
			return 1;
	return 0;
}

/* Text that reads like a sentence: a full stop followed by a space or the end. */
static int
reads_like_sentence(xmlNodePtr n)
{
	struct buf b = BUF_INIT;
	dom_text(n, &b);
	const char *s = buf_str(&b);
	int yes = 0;
	for (const char *p = s; (p = strchr(p, '.')); p++)
		if (p[1] == ' ' || p[1] == '\0') {
			yes = 1;
			break;
		}
	if (!yes && strstr(s, "\xE3\x80\x82")) /* ideographic full stop */
		yes = 1;
	buf_free(&b);
	return yes;
}

/* Score every paragraph into its ancestors; returns the candidates in cands. */
static void
score_paragraphs(struct dom_ctx *c, struct list *cands)
{
	for (xmlNodePtr n = c->body; n; n = dom_next(n, c->body, 0)) {
		if (n->type != XML_ELEMENT_NODE || !is_scored(c, n))
			continue;
		size_t len = dom_text_len(n);
		if (len < MIN_PARA_CHARS)
			continue;
		double pts = 1 + (double)dom_commas(n) + (double)(len / 100 < 3 ? len / 100 : 3);
		int level = 0;
		for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE && level < ANCESTOR_LEVELS;
		     a = a->parent, level++) {
			if (!a->parent || a->parent->type == XML_DOCUMENT_NODE || a->parent->type == XML_HTML_DOCUMENT_NODE)
				break; /* the root element is no container */
			struct node_info *in = dom_info_get(a);
			if (!in || !in->is_candidate) {
				init_candidate(c, a);
				list_push(cands, a);
			}
			double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
			dom_info(c, a)->score += pts / div;
		}
	}
}

size_t
score_pick(struct dom_ctx *c, xmlNodePtr *nodes, size_t max)
{
	if (!c->body || max == 0)
		return 0;
	struct list cands = {NULL, 0, 0};
	score_paragraphs(c, &cands);
	xmlNodePtr top[TOP_N] = {NULL};
	for (size_t i = 0; i < cands.n; i++) {
		xmlNodePtr n = cands.v[i];
		struct node_info *in = dom_info(c, n);
		in->score *= 1 - dom_link_density(n);
		for (int k = 0; k < TOP_N; k++) {
			if (!top[k] || in->score > score_of(top[k])) {
				memmove(top + k + 1, top + k, (TOP_N - 1 - (size_t)k) * sizeof top[0]);
				top[k] = n;
				break;
			}
		}
	}
	free(cands.v);
	xmlNodePtr best = top[0];
	if (!best) {
		/* No paragraph anywhere: the page is its body (what Readability does), unless that
		 * is empty or mostly links (an index or navigation page): then there is no article. */
		struct dom_stats st;
		dom_stats(c->body, &st);
		if (st.chars == 0 || st.link_chars > 0.5 * (double)st.chars)
			return 0;
		nodes[0] = c->body;
		return 1;
	}
	if (best == c->body || dom_is(best, "html") || dom_is(best, "body")) {
		nodes[0] = c->body;
		return 1;
	}
	/* Several near-equal candidates under one ancestor: the article is that ancestor
	 * (pages that split the text into sibling blocks). */
	int alts = 0;
	for (int k = 1; k < TOP_N && top[k]; k++)
		if (score_of(top[k]) / score_of(best) >= 0.75)
			alts++;
	if (alts >= 3) {
		for (xmlNodePtr p = best->parent; p && p != c->body && p->type == XML_ELEMENT_NODE; p = p->parent) {
			int under = 0;
			for (int k = 1; k < TOP_N && top[k]; k++)
				if (score_of(top[k]) / score_of(best) >= 0.75 && is_ancestor(p, top[k]))
					under++;
			if (under >= 3) {
				best = p;
				break;
			}
		}
	}
	if (!dom_info_get(best) || !dom_info_get(best)->is_candidate)
		init_candidate(c, best);
	/* A parent that scores better than its child holds more of the article. */
	double last = score_of(best), threshold = last / 3;
	for (xmlNodePtr p = best->parent; p && p != c->body && p->type == XML_ELEMENT_NODE; p = p->parent) {
		struct node_info *in = dom_info_get(p);
		if (!in || !in->is_candidate)
			continue;
		if (in->score < threshold)
			break;
		if (in->score > last) {
			best = p;
			break;
		}
		last = in->score;
	}
	/* A lone child is its parent's content. */
	while (best->parent && best->parent != c->body && best->parent->type == XML_ELEMENT_NODE &&
	       xmlChildElementCount(best->parent) == 1)
		best = best->parent;
	if (!dom_info_get(best) || !dom_info_get(best)->is_candidate)
		init_candidate(c, best);
	/* Siblings that belong to the article. */
	double best_score = score_of(best);
	double sib_threshold = best_score * 0.2 > 10 ? best_score * 0.2 : 10;
	const char *best_class = dom_attr(best, "class");
	size_t count = 0;
	if (!best->parent || best->parent->type != XML_ELEMENT_NODE) {
		nodes[0] = best;
		return 1;
	}
	for (xmlNodePtr s = best->parent->children; s && count < max; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		int take = s == best;
		if (!take) {
			const char *cls = dom_attr(s, "class");
			double bonus = cls && best_class && *cls && strcmp(cls, best_class) == 0 ? best_score * 0.2 : 0;
			struct node_info *in = dom_info_get(s);
			if (in && in->is_candidate && in->score + bonus >= sib_threshold) {
				take = 1;
			} else if (dom_is(s, "p") || (in && in->is_para)) {
				double ld = dom_link_density(s);
				size_t len = dom_text_len(s);
				if (len > 80 && ld < 0.25)
					take = 1;
				else if (len > 0 && len < 80 && ld == 0 && reads_like_sentence(s))
					take = 1;
			}
		}
		if (take)
			nodes[count++] = s;
	}
	return count;
}
