/* page.h: the one head of every HTML page brief writes or serves, and its
 * Content-Security-Policy, one per kind of page. */
#ifndef BRIEF_REPORT_PAGE_H
#define BRIEF_REPORT_PAGE_H

#include "util/buf.h"

enum page_kind {
	PAGE_STATIC,        /* a report file (daily, weekly, article, archive index): fetches nothing but
	                     * inline styles, data: images and the configured cover; no forms, no base */
	PAGE_SERVED,        /* a page of `brief serve`: the same, plus its own search form */
	PAGE_SERVED_REPORT, /* a stored report as `brief serve` sends it: PAGE_STATIC's rules, sandboxed */
};

/* Append the Content-Security-Policy of kind; cover (an http(s) URL checked by the caller, or
 * NULL) is the one image source allowed besides data:. */
void page_csp(struct buf *out, enum page_kind kind, const char *cover);

/* Append the page's start, through <body>: doctype, <html lang>, charset, the CSP of kind,
 * no-referrer, viewport, light/dark colour scheme, an empty icon (no /favicon.ico request),
 * extra_head (trusted markup, e.g. an Atom alternate link; may be NULL), the title (escaped)
 * and css as the inline style sheet. */
void page_head(struct buf *out, enum page_kind kind, const char *lang, const char *title, const char *cover,
               const char *extra_head, const char *css);

#endif
