/* model.h: the types every stage after the store shares (docs/architecture.md).
 *
 * Data flows one way: the store yields articles; ai/cluster groups them into
 * stories; ai/rank gives each story a verdict; ai/enrich adds an enrichment to the
 * top ones; report/ renders a struct report built from all of that. All strings in
 * these structs belong to the run's arena unless stated otherwise. */
#ifndef BRIEF_MODEL_H
#define BRIEF_MODEL_H

#include <stddef.h>
#include <stdint.h>

/* A missing or unparseable date. Never 0 (1970 is a real, if unlikely, date). */
#define FEED_NO_DATE INT64_MIN

/* One stored item, as later stages see it. */
struct article {
	int64_t id;              /* items.id */
	int64_t source_id;
	const char *source_name; /* sources.name, else feed title, else host of the feed URL */
	const char *source_url;  /* the feed URL */
	const char *source_description; /* the feed's description of itself (subtitle), or NULL */
	const char *title;
	const char *link;
	const char *canonical_link;
	const char *author;
	const char *text;        /* plain text of content (else summary) */
	int64_t published;       /* UTC seconds; FEED_NO_DATE (INT64_MIN) when undated */
	int64_t first_seen;
	int64_t when;            /* published when dated and not in the future, else first_seen */
	const char **categories; /* the feed's own categories */
	size_t category_count;
};

enum category {
	CAT_AI_ML,
	CAT_SECURITY,
	CAT_ENGINEERING,
	CAT_TOOLS,
	CAT_OPINION,
	CAT_OTHER,
	CAT_COUNT
};

/* The score of one story, by the LLM or the offline engine. */
struct verdict {
	int relevance, quality, timeliness; /* 1..10 each */
	enum category category;
	const char **keywords;              /* 1..4 topics in display form ("LLM", "Rust", "inference"); English from
	                                     * the LLM, the article's language offline */
	size_t keyword_count;
	int is_offline;                     /* 1 when the offline engine decided (fallback or default) */
	const char *model;                  /* model name, NULL for offline */
};

/* Reader-language additions for a top story. */
struct enrichment {
	const char *title;    /* translated title */
	const char *summary;  /* 4-6 sentences */
	const char *reason;   /* one-sentence "why read" */
	int is_offline;       /* extractive, by the offline engine */
	int is_quoted;        /* the summary is the article's own sentences, untranslated (the offline
	                       * engine's, or the daily check's in place of a model's): an excerpt */
};

/* A cluster of articles about one thing. */
struct story {
	const char *id;              /* stable id: 's' + 12 hex digits of the representative's dedupe hash */
	struct article *lead;        /* the representative article */
	struct article **members;    /* all articles, lead first */
	size_t member_count;
	size_t site_count;           /* distinct publishers of their feeds (host and name; cluster.c):
	                              * one blog's RSS and Atom feeds are one; 0 when not counted */
	struct verdict verdict;
	int has_enrichment;
	struct enrichment enrichment;
	int score;                   /* relevance + quality + timeliness, 3..30 */
};

/* How many sources carried s, as a reader is told ("2 个来源"): its sites when clustering
 * counted them, else its articles. */
static inline size_t
story_sources(const struct story *s)
{
	return s->site_count ? s->site_count : s->member_count;
}

/* A feed or item the reader should know about (feed health: the store finds them, the daily
 * renders them). */
struct report_problem {
	const char *name;   /* source name */
	const char *url;    /* feed URL */
	const char *detail; /* failed: the error; stale: NULL; dates: the item title */
	int64_t when;       /* stale: newest item date (FEED_NO_DATE = never had one); future: the date */
};

struct report_health {
	struct report_problem *failed;  /* feeds whose last fetch failed */
	size_t failed_count;
	struct report_problem *stale;   /* feeds with nothing newer than stale_days */
	size_t stale_count;
	int stale_days;
	struct report_problem *undated; /* items in the window without a date */
	size_t undated_count;
	struct report_problem *future;  /* items dated more than a day ahead */
	size_t future_count;
};

#endif
