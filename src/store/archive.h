/* archive.h: what the web archive (`brief serve`) and `brief doctor` read from the store: the
 * saved reports, the stored items with their verdicts and enrichments, full-text search, and a
 * read-only health check of a store file. (SQL stays under src/store/.) Strings live in the
 * caller's arena; nothing here writes. */
#ifndef BRIEF_STORE_ARCHIVE_H
#define BRIEF_STORE_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* One saved report (the reports table). */
struct archive_report {
	int64_t id;
	const char *kind, *slug, *lang, *title; /* any may be NULL */
	int64_t created_at;
	const char *html, *markdown;            /* only with with_bodies (the Markdown also of a
	                                         * report saved without a title, for its first
	                                         * heading); NULL when not saved (or saved empty) */
};

/* The saved reports that have a page to show (HTML or Markdown, not saved empty), newest first
 * (created_at, then id), after the keyset cursor before
 * ("CREATED.ID" of the last report shown; NULL or unreadable = from the newest), at most limit.
 * With newer set, the cursor names the first report of a page and these are the at most limit
 * reports just newer than it (still listed newest first; an unreadable cursor = from the
 * newest). with_bodies also reads the HTML and Markdown; without it, the Markdown of a report
 * saved without a title is read still (it is listed by its first heading). Returns 0 or -1 with
 * e set. */
int archive_reports(struct store *st, const char *before, int newer, int limit, int with_bodies,
                    struct arena *arena, struct archive_report **out, size_t *count, struct err *e);

/* The newest saved body in column ("html", "json" or "markdown") of the report kind/slug
 * (slug[0..slug_len)), in language lang (NULL: any), appended to body, and its saved title to
 * title (NULL: not wanted; nothing appended when none was saved); a body saved empty counts as
 * none. Returns 1 when found, 0 when not, -1 with e set. */
int archive_report_body(struct store *st, const char *kind, const char *slug, size_t slug_len, const char *lang,
                        const char *column, struct buf *body, struct buf *title, struct err *e);

/* The language of the newest saved report kind/slug (slug[0..slug_len)) that has a page to show
 * (HTML or Markdown, not saved empty), into lang (size bytes, "" when none). Returns 1 when
 * found, 0 when not, -1 with e set. */
int archive_report_lang(struct store *st, const char *kind, const char *slug, size_t slug_len, char *lang,
                        size_t size, struct err *e);

/* The reports of the same kind and language just older and just newer than the report
 * kind/slug/lang (slug[0..slug_len)) in the index's order (created_at, then id), among those
 * with a page to show (HTML or Markdown, not saved empty), into *older and *newer (slug and
 * title in arena, and the Markdown of one saved without a title, for its first heading; id 0
 * when there is none). Returns 1 when the report is stored, 0 when not
 * (both id 0), -1 with e set. */
int archive_report_neighbours(struct store *st, const char *kind, const char *slug, size_t slug_len,
                              const char *lang, struct arena *arena, struct archive_report *older,
                              struct archive_report *newer, struct err *e);

/* Item lists and search are in store/search.h (keyset pages). */

/* One enrichment of an item, in one language. */
struct archive_enrichment {
	const char *lang, *title, *summary, *reason;
};

/* One item with everything the store knows about it. */
struct archive_item_detail {
	const char *title, *link, *author;
	int64_t published, first_seen;
	const char *text;             /* the feed's text */
	const char *page_text;        /* the article extracted from its page (--full-text), or NULL */
	const char *page_url;         /* the page it came from; set with page_text */
	const char *categories;       /* JSON array of strings, or NULL */
	const char *source;           /* url_display_name of its source */
	const char *source_html_url;  /* the source's site, or NULL */
	const char *engine;           /* the verdict's engine; NULL when the item has no verdict */
	int relevance, quality, timeliness;
	const char *category;
	const char *keywords;         /* JSON array of strings, or NULL */
	struct archive_enrichment *enrichments; /* by language */
	size_t enrichment_count;
};

/* Item id with its verdict and enrichments. Returns 1 when found, 0 when not, -1 with e set. */
int archive_item(struct store *st, int64_t id, struct arena *arena, struct archive_item_detail *out,
                 struct err *e);

/* What `brief doctor` learns about a store file. */
struct archive_health {
	long version;          /* PRAGMA user_version */
	char integrity[1024];  /* "ok", or what PRAGMA quick_check found (cut short) */
	int has_counts;        /* 1 when version is 1..store_schema_version(): the counts below are set */
	long sources, failing, items, reports; /* -1 when a count could not be read */
	long own_sources;      /* added or imported by the user (not built-in, not --feeds); -1 unknown */
	int64_t last_success;  /* newest last_success_at; 0 = never */
	int64_t file_bytes;    /* the database's pages (the WAL not counted) */
	int64_t index_bytes;   /* the full-text index's share of them; -1 when unknown */
	int64_t pruned_at;     /* the last `brief prune`; 0 = never */
	long pruned_items, pruned_keep_days;
	/* The full-text index against the items (schema 5 on; -1 unknown): items it should hold
	 * and does not, and entries for rows no items row has. Either means searches miss or
	 * mis-find items; store_fts_rebuild (brief doctor --repair) mends it. */
	long index_missing, index_orphans;
};

enum archive_health_status {
	ARCHIVE_HEALTH_OK = 0,
	ARCHIVE_HEALTH_CANNOT_OPEN = -1, /* e: SQLite's reason */
	ARCHIVE_HEALTH_UNREADABLE = -2,  /* opened, but not a database SQLite can read; e: why */
};

/* Open the store file path read-only (never creating, migrating or repairing it) and fill
 * out. Returns an archive_health_status. */
enum archive_health_status archive_health(const char *path, struct archive_health *out, struct err *e);

#endif
