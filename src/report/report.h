/* report.h: the daily digest as data (struct report) and its three renderers.
 *
 * A struct report holds everything a renderer needs and nothing it must look up:
 * renderers are pure functions of it (no I/O, no clock; local dates use the process
 * TZ through localtime_r), so golden tests are byte-exact. report_build.c fills one
 * from the curation result and the store; cmd_daily.c writes the bytes out. */
#ifndef BRIEF_REPORT_REPORT_H
#define BRIEF_REPORT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "draft.h"
#include "model.h"
#include "report/brand.h"
#include "util/buf.h"

/* One source carrying a story (a story reported by several feeds lists them all). */
struct report_source {
	const char *name;
	const char *link; /* that source's link to the story; may be NULL */
};

/* One selected story, as rendered. */
struct report_item {
	int rank;                      /* 1-based overall rank */
	const char *id;                /* story id ("s" + 12 hex), may be NULL */
	const char *title;             /* the original title */
	const char *title_translated;  /* in the reader's language; NULL or "" = same as title */
	const char *link;
	struct report_source *sources; /* lead source first; at least one */
	size_t source_count;
	int64_t published;             /* UTC seconds; FEED_NO_DATE when the item is undated */
	int64_t when;                  /* the date used for "N hours ago" (published, else first seen) */
	enum category category;
	int relevance, quality, timeliness, total;
	const char *summary;           /* may span lines; NULL = none */
	const char *reason;            /* "why read"; NULL = none */
	const char **keywords;         /* as the engine wrote them */
	size_t keyword_count;
};

struct report_keyword {
	const char *word; /* normalised (lower-case) */
	int count;
};

struct report_category {
	enum category category;
	int count;
};

struct report_stats {
	int feeds_total, feeds_ok;
	long articles_total;     /* items the feeds served (or stored, with --no-fetch) */
	long articles_in_window; /* articles in the time window */
	int selected;
	int hours;
	int full_text;           /* article pages were fetched for thin items in this run */
	int pages_fetched, pages_failed;
	int is_checked;          /* the model's titles, summaries and highlights were checked (ai/longform/daily_check.h) */
	long claims, claims_unsupported; /* claims found in them; of those, in no article */
	int sentences_removed;
};

struct report {
	const char *date;        /* YYYY-MM-DD in the reader's time zone */
	int64_t generated_at;    /* the run's "now", UTC seconds */
	const char *lang;        /* "zh" or "en" */
	const char *engine;      /* "llm" or "offline" */
	const char *model;       /* NULL for offline */
	int top_n;               /* --top */
	int is_default_list;     /* the sources are the built-in HN Popularity Contest list */
	struct report_stats stats;
	const char *highlights;  /* may be NULL */
	struct report_item *items; /* best first */
	size_t item_count;
	struct report_keyword *keywords; /* count desc, then first appearance */
	size_t keyword_count;
	struct report_category *categories; /* count desc, then category order; zero counts omitted */
	size_t category_count;
	struct report_health health;
	const struct report_brand *brand; /* the publisher's blocks (brand.h); NULL = none */
};

/* Render r as Markdown / a self-contained HTML page / the JSON object of docs/cli.md, appended
 * to out. Pure: same report (and TZ) in, same bytes out. */
void report_daily_md(const struct report *r, struct buf *out);
void report_daily_html(const struct report *r, struct buf *out);
void report_daily_json(const struct report *r, struct buf *out);

/* The digest as a post of a Jekyll or Hugo site (fm: WEEKLY_FM_JEKYLL or WEEKLY_FM_HUGO, the
 * weekly's kinds of front matter), appended to out: front matter (title; date: the day for
 * Jekyll, which dates a post by its file name, the generation time for Hugo; tags: 日报 /
 * daily and the day's five most frequent keywords without markup characters; Hugo also
 * categories, the 今日看点 as summary, Markdown-escaped as Hugo renders it, draft: false), then report_daily_md without its title line (the theme prints the
 * title) and with "<!--more-->" after 今日看点, where both cut a post's excerpt. Pure. */
void report_daily_post_md(const struct report *r, enum weekly_front_matter fm, struct buf *out);

/* The title line text ("AI 博客每日精选 — 2026-02-21"), appended to out. */
void report_daily_title(const struct report *r, struct buf *out);

/* One digest in an archive directory, for the index pages and the Atom feed. */
struct report_digest {
	const char *date;        /* YYYY-MM-DD; files are DATE.md / DATE.html / DATE.json */
	const char *lang;
	int64_t generated_at;
	const char *title;       /* the digest's title line */
	const char *highlights;  /* may be NULL */
	const char **top_titles; /* the first few items' titles */
	size_t top_count;
	int selected;
};

/* The archive's main index lists the newest digests; each month has its own page. */
enum { REPORT_INDEX_RECENT = 31 };
/* Index of an archive directory (digests newest first) as Markdown and HTML: month NULL =
 * the main index (the newest REPORT_INDEX_RECENT digests, then every month with its count,
 * linking MONTH.md/.html); month "2026-02" = that month's page (d = its digests, all listed). */
void report_index_md(const struct report_digest *d, size_t n, const char *lang, const char *month, struct buf *out);
void report_index_html(const struct report_digest *d, size_t n, const char *lang, const char *month,
                       struct buf *out);
/* Atom 1.0 feed of the digests (newest first). base_url (may be NULL) makes entry links
 * absolute; without it they are relative to the feed ("2026-02-21.html"). updated = the
 * newest digest's time. Ids: urn:brief:daily:LANG for the feed (lang), and
 * urn:brief:daily:LANG:DATE for an entry, LANG the digest's own (lang when it has none). */
void report_index_atom(const struct report_digest *d, size_t n, const char *lang, const char *base_url,
                       struct buf *out);

#endif
