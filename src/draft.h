/* draft.h: the long-form documents as data, shared by the writers (ai/longform) and the
 * renderers (report/): the weekly roundup post (seed 001) and the commentary draft (seed 002).
 * Both live here, beside model.h, so a writer never includes a renderer's header. Strings
 * belong to the run's arena. */
#ifndef BRIEF_DRAFT_H
#define BRIEF_DRAFT_H

#include <stddef.h>
#include <stdint.h>

struct report_brand; /* report/brand.h: the renderers read it, the writers only carry it */

/* The weekly post. A struct weekly_post holds everything the renderers print (see
 * report/weekly.h): paragraphs never carry their citations inline, they list the reference
 * numbers they rest on. */
enum weekly_kind { WEEKLY_NEWS, WEEKLY_RUMOR, WEEKLY_OPEN_SOURCE, WEEKLY_KIND_COUNT };

enum weekly_front_matter { WEEKLY_FM_JEKYLL, WEEKLY_FM_HUGO, WEEKLY_FM_NONE };

/* One source link the post cites; numbered from 1 in the order of first citation. */
struct weekly_ref {
	const char *title;
	const char *link;
	const char *source;  /* the feed's display name */
	int64_t published;   /* UTC seconds of publication; FEED_NO_DATE when the item is undated
	                      * (never the time brief first saw it, which is no publication date) */
};

struct weekly_para {
	const char *text;    /* one paragraph in the safe subset's inline part (report/mdsubset.h:
	                      * bold is rendered, everything else escaped on output) */
	int *refs;           /* 1-based reference numbers */
	size_t ref_count;
};

/* A paragraph group: one company, topic or project. */
struct weekly_group {
	const char *name;    /* heading ("OpenAI", "其他新闻"); NULL = no heading (open source) */
	struct weekly_para *paras;
	size_t para_count;
	int is_extractive;   /* written with an LLM on, but the model's paragraphs failed the
	                      * checks twice: these are the extractive ones (said in the post) */
};

struct weekly_section {
	enum weekly_kind kind;
	struct weekly_group *groups;
	size_t group_count;
};

struct grounding_report; /* ai/longform/grounding.h */

struct weekly_post {
	/* Front matter. */
	enum weekly_front_matter front_matter;
	int issue;               /* the issue number (increments per week) */
	const char *title;       /* with the issue number already filled in */
	const char *subtitle;
	const char *date;        /* YYYY-MM-DD, local */
	const char *datetime;    /* RFC 3339 UTC of the run's now (the JSON's generated_at) */
	const char *datetime_local; /* the same with the local offset (Hugo's date); NULL = datetime */
	const char *week;        /* ISO week slug, "2026-W08" */
	const char *author;
	const char *header_img;  /* may be NULL */
	const char **tags;
	size_t tag_count;
	/* Body. */
	const char *lang;        /* "zh" or "en" */
	const char *engine;      /* "llm" or "offline" */
	const char *model;       /* NULL offline */
	const char *epigraph_open, *epigraph_close; /* NULL = none */
	int days;                /* the window */
	long articles_in_window;
	struct weekly_section sections[WEEKLY_KIND_COUNT]; /* indexed by kind */
	struct weekly_ref *refs;
	size_t ref_count;
	const struct report_brand *brand; /* cover, intro, outro, closing line; NULL = none */
	const struct grounding_report *ground; /* the model-written paragraphs' claims (NULL offline) */
};

/* A commentary draft, as the model wrote it and ai/longform/check.c checked it. */
struct commentary_section {
	const char *heading;
	const char *body;    /* paragraphs separated by blank lines */
};

struct commentary_draft {
	const char *headline;
	const char *hook;
	struct commentary_section *sections;
	size_t section_count;
	const char *conclusion;
	const char *question;
};

#endif
