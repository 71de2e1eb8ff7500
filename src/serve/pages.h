/* pages.h: the pages of `brief serve`, rendered from the store without knowing about HTTP
 * (internal to src/serve/). */
#ifndef BRIEF_SERVE_PAGES_H
#define BRIEF_SERVE_PAGES_H

#include "store/store.h"
#include "util/buf.h"

/* What a page needs from the request. */
struct page_req {
	const char *path;  /* decoded path, e.g. "/r/daily/2026-02-21" */
	const char *q;     /* ?q= (may be NULL) */
	const char *lang;  /* ?lang= (may be NULL) */
	const char *cursor; /* the keyset cursor of the page: ?before= (lists) or ?after= (search);
	                     * NULL for the first page (store/search.h) */
	int newer;          /* cursor is the latest items' or the index's ?after=, or a search's ?before=: the page
	                     * before it ("newer") */
	const char *base;  /* "http://host:port" for absolute links (Atom) */
	const char *accept_language; /* the Accept-Language header (may be NULL) */
	const char *ui;    /* set by pages_answer: the language of serve's own words, "en" or "zh" */
	int ui_from_query; /* set by pages_answer: ui came from ?lang= (links keep it) */
};

/* What a page produces. */
struct page {
	int status;                /* HTTP status */
	const char *content_type;  /* static string */
	int is_report;             /* stored report HTML: served under the strictest policy */
	struct buf body;
};

/* The page a GET of rq->path asks for, rendered into pg: the one router of `brief serve`,
 * labelled in the language pages_ui_lang picks (set in rq->ui).
 * rq->cursor is the raw ?after= (with a search) or ?before= value (with rq->newer set, the
 * other). A search longer or with more
 * terms than the store answers is refused with a 400 page (never answered as another page); an
 * empty lang counts as none; a cursor that is not a keyset cursor (store/search.h) is ignored,
 * giving the first page. An unknown path is a 404 page, a store failure a 500 page. rq->lang and
 * rq->cursor may be changed. */
void pages_answer(struct store *st, struct page_req *rq, struct page *pg);

/* Each renders into pg (status 200, or 404/500 with an HTML error page). Return 0, or -1 when
 * the store failed (pg then holds a 500 page). */
int pages_index(struct store *st, const struct page_req *rq, struct page *pg);
int pages_report(struct store *st, const struct page_req *rq, struct page *pg);
int pages_items(struct store *st, const struct page_req *rq, struct page *pg);
int pages_item(struct store *st, const struct page_req *rq, struct page *pg);
int pages_atom(struct store *st, const struct page_req *rq, struct page *pg);
/* A plain error page with status and message (escaped), labelled in lang (pages_ui_lang). */
void pages_error(struct page *pg, const char *lang, int status, const char *message);

/* The language serve labels its own pages in ("en" or "zh"): lang (a ?lang=) when it names one
 * of them (any subtag: "zh-CN"), else the Accept-Language range of highest weight that does,
 * else "en". A report page's bar is in the report's language instead. */
const char *pages_ui_lang(const char *lang, const char *accept_language);

#endif
