/* dom.h: what the extractor's passes share about a libxml2 HTML tree: walking it without
 * recursion (hostile pages nest deeply), tag tests, visible text measures, class/id
 * weights and the per-node scores kept in node->_private. Internal to src/extract/. */
#ifndef BRIEF_EXTRACT_DOM_H
#define BRIEF_EXTRACT_DOM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"

/* The rules a pass applies; an attempt that finds too little text retries with fewer. */
enum {
	FLAG_STRIP_UNLIKELY = 1, /* drop elements whose class/id says boilerplate */
	FLAG_WEIGHT_CLASSES = 2, /* class/id words move scores */
	FLAG_CLEAN_COND = 4,     /* drop link lists, forms and the like from the result */
	FLAG_ALL = 7,
};

/* What the scorer knows about an element, hung on node->_private. */
struct node_info {
	double score;
	int is_candidate;
	int is_para; /* a <div> that holds only phrasing content: scored as a paragraph */
	int is_data_table;
};

/* One extraction attempt's state. */
struct dom_ctx {
	struct arena *a;
	int flags;
	xmlDocPtr doc;
	xmlNodePtr body;
	const char *title; /* the page title, to recognise the heading that repeats it */
};

/* The next node after n in document order, descending into children unless skip_children;
 * NULL past the end of root's subtree. */
xmlNodePtr dom_next(xmlNodePtr n, xmlNodePtr root, int skip_children);

/* Visit root's subtree in document order: enter(n) before n's children (return 0 to skip
 * them), leave(n) after them (also for skipped children and for leaves). */
void dom_walk(xmlNodePtr root, int (*enter)(xmlNodePtr, void *), void (*leave)(xmlNodePtr, void *), void *ctx);

/* True when n is an element named name (lower case). */
int dom_is(const xmlNode *n, const char *name);
/* True when n is an element whose name is one of the NULL-terminated names. */
int dom_is_any(const xmlNode *n, const char *const *names);
/* True for h1..h6. */
int dom_is_heading(const xmlNode *n);
/* True for elements that start a block (p, div, table, lists, headings, ...). */
int dom_is_block(const xmlNode *n);
/* True when some ancestor of n (within max_depth levels, 0 = unlimited) is named name. */
int dom_has_ancestor(const xmlNode *n, const char *name, int max_depth);

/* The value of attribute name, or NULL; points into the tree (no copy). */
const char *dom_attr(const xmlNode *n, const char *name);

/* Number of characters (code points) of n's visible text, whitespace runs counted as one and
 * both ends trimmed. */
size_t dom_text_len(xmlNodePtr n);
/* True when n has any visible (non-whitespace) text; stops at the first character. */
int dom_has_text(xmlNodePtr n);
/* Append n's text with whitespace collapsed (for short strings: titles, bylines). */
void dom_text(xmlNodePtr n, struct buf *out);
/* Commas (Latin, CJK, Arabic) in n's text. */
size_t dom_commas(xmlNodePtr n);
/* Share of n's text that sits inside links (in-page "#" links count 0.3); 0 for no text. */
double dom_link_density(xmlNodePtr n);

/* How much of b is made of words that a has too: 1 - (characters of b's words missing
 * from a) / (characters of all b's words); words are runs of ASCII letters and digits and
 * non-ASCII bytes, matched whole and ASCII case-insensitively. 0 when b has no word. */
double dom_similarity(const char *a, const char *b);

/* What one walk over a subtree measures (character counts as dom_text_len counts them). */
struct dom_stats {
	size_t chars;         /* visible text */
	size_t commas;
	double link_chars;    /* text inside links, in-page "#" links weighted 0.3 */
	size_t heading_chars; /* text inside h1..h6 */
	size_t list_chars;    /* text inside ul/ol */
	size_t prose_chars;   /* text of paragraphs (p, pre, paragraph-like divs) of 80+
	                       * characters with link density under 0.25 */
	size_t p, img, li;    /* element counts */
};
/* Measure n's subtree in one walk. */
void dom_stats(xmlNodePtr n, struct dom_stats *st);

/* The class/id weight: -25 for each of class and id that reads like boilerplate, +25 for
 * each that reads like content; 0 without FLAG_WEIGHT_CLASSES. */
int dom_class_weight(const struct dom_ctx *c, const xmlNode *n);
/* True when n's class, id or role name boilerplate (menus, comments, share bars, ...) and
 * nothing says it may still be content. */
int dom_is_unlikely(const xmlNode *n);
/* True when class/id/rel/itemprop mark n as the author line. */
int dom_is_byline(const xmlNode *n);
/* True when n is hidden from readers (hidden, aria-hidden, display:none, visibility:hidden). */
int dom_is_hidden(const xmlNode *n);

/* n's score record, created (zeroed) on first use. */
struct node_info *dom_info(struct dom_ctx *c, xmlNodePtr n);
/* n's score record, or NULL when it has none. */
static inline struct node_info *dom_info_get(const xmlNode *n) { return (struct node_info *)n->_private; }

/* Unlink n from the tree and free it. */
void dom_remove(xmlNodePtr n);

#endif
