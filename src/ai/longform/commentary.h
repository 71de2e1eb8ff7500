/* commentary.h: the long-form commentary (seed 002): the draft as data, the checks a draft
 * must pass before it is saved (check.c), and writing one with the LLM (commentary.c).
 *
 * The model answers a fixed shape (headline, hook, sections, conclusion, question) and cites
 * the story's sources as [1], [2] ... (ids in the order of the story's members, lead first).
 * A draft that fails the checks is re-asked once with the findings; if the second draft
 * fails too, nothing is saved and the findings are reported. */
#ifndef BRIEF_AI_LONGFORM_COMMENTARY_H
#define BRIEF_AI_LONGFORM_COMMENTARY_H

#include <stddef.h>
#include <stdint.h>

#include "draft.h"
#include "model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/err.h"

/* Of each source's text, what the model is sent and what claims are checked against. */
#define COMMENTARY_TEXT_TOKENS 3000

/* What a draft must satisfy. */
struct check_rules {
	const char *lang;          /* "zh" or "en" */
	size_t min_chars, max_chars; /* non-space characters of the body, citation markers excluded */
	size_t min_sections, max_sections; /* 4..6 */
	size_t source_count;       /* valid citation ids are 1..source_count */
	double max_foreign;        /* share of letters in another script allowed (0.15 zh, 0.02 en) */
	const char *allowed_terms; /* text whose Latin words count as names/terms (the sources) */
	size_t max_para_chars;     /* check_paragraphs: the longest paragraph, counted as min_chars */
};

/* Defaults for lang: zh 1500..3000 characters, en 2500..9000; 4..6 sections; a free paragraph
 * at most zh 1200, en 3600 characters (seed 001's longest is under 500). */
void check_rules_default(struct check_rules *r, const char *lang);

/* Check d against r. Appends one finding per line ("- ...") to findings and returns how many
 * there were (0 = the draft passes): a required part missing or empty (headline, hook, each
 * section's heading and body, conclusion, question), the section count out of range, the
 * closing question not a question, a section heading that repeats an earlier one or is a
 * bare label ("背景", "影响分析", "Background", "结语": a topic, not a claim), the length out
 * of bounds, no citation at all, a citation of an id the story does not have, or too much
 * text in another language than r->lang (Latin words that occur in allowed_terms,
 * capitalised words and acronyms count as names). */
int check_commentary(const struct commentary_draft *d, const struct check_rules *r, struct buf *findings);

/* The same citation and language checks on free paragraphs (the weekly's model-written
 * groups): at least one paragraph, none blank, none longer than r->max_para_chars (0 = any),
 * none with markup the post would show as literal characters (a Markdown heading, rule, code
 * fence, link or image, an HTML tag, a Liquid tag: only **bold** and [n] are rendered), at
 * least one citation, every [n] within 1..r->source_count, and the foreign-text share;
 * the total length and sections are not checked.
 * Appends findings as check_commentary does and returns how many there were. */
int check_paragraphs(const char *const *texts, size_t count, const struct check_rules *r, struct buf *findings);

/* The length of a section-number prefix the model may have written itself ("一、", "1. ",
 * "第一层：", "第2部分："), so the renderer's own numbering is not doubled and the checks
 * compare headings without it. */
size_t commentary_number_prefix(const char *heading);

/* The length of a citation marker at p ("[12]", id stored in *id), else 0. */
size_t check_citation(const char *p, long *id);

/* text (NULL = "") with the citation lists a model writes for several sources made single
 * markers, in arena: "[1, 2]", "[1,2]", "[1，2]", "[1、2]" and a range "[1-3]" / "[1–3]" (at
 * most 20 ids) become "[1][2]" / "[1][2][3]", as do the full-width "【1】", "［1］" and
 * "【1，2】". Only numbers of one to three digits (a bracketed year is no citation); every
 * other character is copied as it is. Without this the list stayed text, a bracket that
 * links nowhere, and counted as no citation. */
const char *check_citation_lists(const char *text, struct arena *arena);

/* The body length check_commentary measures (non-space code points, citations excluded). */
size_t check_commentary_chars(const struct commentary_draft *d);

struct grounding_report;

struct commentary_opts {
	const char *lang;
	size_t min_chars, max_chars; /* 0 = the defaults (shortened for thin sources) */
	int64_t now;
	const struct config *cfg;
	int strict;                  /* refuse rather than remove sentences with unsupported claims */
	struct grounding_report *ground; /* when not NULL: the claims and what was removed */
};

enum commentary_status {
	COMMENTARY_OK = 0,
	COMMENTARY_ERROR = -1,   /* e says why (the LLM could not be reached or refused, for the first
	                          * draft or the re-ask; findings has the first draft's when it failed) */
	COMMENTARY_NO_LLM = -2,  /* no LLM is configured, or its provider is stopped for the run (a
	                          * spent quota or balance, a refused key: llm.h), warned once */
	COMMENTARY_REJECTED = 1, /* both drafts failed the checks; findings says why */
	COMMENTARY_REFUSED = 2,  /* strict: the second draft still had unsupported claims (findings) */
};

/* Write the article on story s: serve it from the cache when this exact request was answered
 * (and passed) before, else ask the model, check its shape (check.c) and its claims
 * (grounding.h), re-ask once with the findings; a second draft whose only fault is claims
 * that no source supports loses the sentences that carry them (o->ground says which), or is
 * refused with o->strict. Thin sources shorten the default length (grounding_thin). On
 * COMMENTARY_OK, *out (arena) holds a checked draft and *model the model's name. Every draft's
 * findings are appended to findings. */
enum commentary_status commentary_write(struct store *st, const struct story *s, const struct commentary_opts *o,
                                  struct arena *arena, struct commentary_draft *out, const char **model,
                                  struct buf *findings, struct err *e);

struct verdict;

/* Write the article on story s without a model (commentary_offline.c): seed 002's shape
 * filled with the sources' own sentences, quoted in their language (the lead's extract, the
 * sentences that carry figures as a numbered list, each other source's opening), framed by
 * fixed text in lang ("zh" or "en") with a closing question chosen by v's category about
 * v's first keyword (v: the lead's verdict). Deterministic; every quote is cited. Strings in
 * arena. Not held to check_commentary()'s length and language rules, which are a model's.
 * When ground is not NULL it gets the claim check of the draft against the sources, as a
 * model's draft is checked (nothing is removed: a claim found unsupported is reported). */
void commentary_offline(const struct story *s, const struct verdict *v, const char *lang, struct arena *arena,
                        struct commentary_draft *out, struct grounding_report *ground);

#endif
