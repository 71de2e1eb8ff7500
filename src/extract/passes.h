/* passes.h: the extractor's passes, in the order extract.c runs them. Internal to src/extract/. */
#ifndef BRIEF_EXTRACT_PASSES_H
#define BRIEF_EXTRACT_PASSES_H

#include "extract/dom.h"
#include "extract/extract.h"

/* decode.c: the page as UTF-8: BOM, then the HTTP charset, then <meta charset> / http-equiv
 * in the first 8 KiB, else UTF-8 when it is (mostly) valid, else windows-1252. Sets
 * *encoding; the result lives in a. */
const char *decode_page(const char *data, size_t len, const char *http_charset, struct arena *a, size_t *out_len,
                        const char **encoding);

/* extract.c: the page (UTF-8, len bytes) as a libxml2 HTML tree, the way browsers read a broken
 * page (recover mode, no network, no error output); NULL when libxml2 cannot build one. */
xmlDocPtr page_parse(const char *utf8, size_t len, const char *url);

/* meta.c: title, byline, published date, language, excerpt and site name from <meta> (Open
 * Graph, article:*, Dublin Core, Twitter), JSON-LD, <title>, <html lang> and <time>. Run it
 * on the untouched tree (prep removes the scripts that carry JSON-LD). */
void meta_read(xmlDocPtr doc, struct arena *a, struct extract_result *out);
/* meta.c: the base for the page's relative links: its first <base href> resolved against
 * page_url when that gives an http(s) URL, else page_url (may be NULL). */
const char *meta_base_url(xmlDocPtr doc, const char *page_url, struct arena *a);

/* prep.c: make the tree ready for scoring: drop what is never content (scripts, styles,
 * forms, hidden elements, comments), boilerplate by class/id (FLAG_STRIP_UNLIKELY), empty
 * containers, and turn <div>s that hold only phrasing content into paragraphs. Sets c->body. */
void prep_page(struct dom_ctx *c);

/* score.c: score the paragraphs, pick the best container and the siblings that belong with
 * it. Returns the number of nodes stored in nodes (at most max), 0 when nothing was found. */
size_t score_pick(struct dom_ctx *c, xmlNodePtr *nodes, size_t max);

/* clean.c: tidy the picked nodes: drop link lists, share bars, forms, captions and the like
 * (FLAG_CLEAN_COND), the heading that repeats the title, the byline, empty paragraphs. A
 * picked sibling that turns out to be boilerplate becomes NULL in nodes (render skips it). */
void clean_article(struct dom_ctx *c, xmlNodePtr *nodes, size_t n);

/* render.c: the picked nodes (NULL entries skipped) as plain text (blocks separated by a blank line, list items
 * and <br> by a newline) and as safe HTML (a whitelist of structural tags and attributes,
 * links absolutised against base_url, scripts, event handlers and javascript: links gone). */
void render_text(xmlNodePtr *nodes, size_t n, struct buf *out);
void render_html(xmlNodePtr *nodes, size_t n, const char *base_url, struct buf *out);

#endif
