/* weekly.h: the weekly roundup post (seed 001) as data, and its renderers.
 *
 * A struct weekly_post holds everything the renderers print: the front matter fields, the
 * epigraphs, three sections (news grouped by company or topic, rumours, open-source
 * releases), each made of groups of paragraphs, and the numbered reference list every
 * paragraph cites into. Paragraph text never carries its citations inline: each paragraph
 * lists the reference numbers it rests on and the renderers append the markers, so a
 * citation can only point at a reference that exists. Renderers are pure (no I/O, no
 * clock; dates come formatted in the post), so golden tests are byte-exact. */
#ifndef BRIEF_REPORT_WEEKLY_H
#define BRIEF_REPORT_WEEKLY_H

#include <stddef.h>
#include <stdint.h>

#include "report/brand.h"
#include "util/buf.h"
#include "util/json.h"

enum weekly_kind { WEEKLY_NEWS, WEEKLY_RUMOR, WEEKLY_OPEN_SOURCE, WEEKLY_KIND_COUNT };

enum weekly_front_matter { WEEKLY_FM_JEKYLL, WEEKLY_FM_HUGO, WEEKLY_FM_NONE };

/* One source link the post cites; numbered from 1 in the order of first citation. */
struct weekly_ref {
	const char *title;
	const char *link;
	const char *source;  /* the feed's display name */
	int64_t published;   /* UTC seconds of the item (its "when") */
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

struct weekly_post {
	/* Front matter. */
	enum weekly_front_matter front_matter;
	int issue;               /* the issue number (increments per week) */
	const char *title;       /* with the issue number already filled in */
	const char *subtitle;
	const char *date;        /* YYYY-MM-DD, local */
	const char *datetime;    /* RFC 3339 of the run's now (Hugo's date) */
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
};

/* The section heading in lang: "一、科技新闻" / "News" etc. (without "# "). */
const char *weekly_section_title(enum weekly_kind k, const char *lang);
/* The heading of the references ("参考资料" / "References"). */
const char *weekly_refs_title(const char *lang);

/* The closing sentence saying which engine wrote the post (plain text), appended to out. */
void weekly_engine_note(const struct weekly_post *p, struct buf *out);

/* Render p as Markdown (with the front matter it asks for), a self-contained HTML page,
 * or a JSON object, appended to out. Pure. */
/* The numbered reference list the weekly post and the article share: Markdown lines
 * "N. [title](link) — source", or HTML <li id="ref-N"> items (without the <ol>). A missing
 * title shows the link; a link that is not http(s) is not made clickable. */
void weekly_refs_md(const struct weekly_ref *refs, size_t n, struct buf *out);
void weekly_refs_html(const struct weekly_ref *refs, size_t n, struct buf *out);
void weekly_render_md(const struct weekly_post *p, struct buf *out);
void weekly_render_html(const struct weekly_post *p, struct buf *out);
void weekly_render_json(const struct weekly_post *p, struct buf *out);


/* Append s as a YAML scalar for a front matter value: plain when that is unambiguous,
 * else double-quoted with escapes. Controls are dropped. */
void weekly_yaml_scalar(struct buf *out, const char *s);

#endif
