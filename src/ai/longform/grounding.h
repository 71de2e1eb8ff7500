/* grounding.h: the claim checks (ground.h) applied to whole long-form pieces: a commentary
 * draft (every part, per sentence) and a weekly group's paragraphs; the repair of a piece
 * after its one re-ask (sentences with unsupported claims removed, missing citations added,
 * a paragraph or section kept only if what remains stands); the thin-sources rule; and the
 * report of it all for stderr and the JSON outputs.
 *
 * Rules a piece must meet (besides check.c's shape): every figure, date, quotation and name
 * is in a source its sentence cites (names and dates: any source when the sentence cites
 * none; figures and quotations must be cited); the headline and headings, which carry no
 * citations, are checked against all the piece's sources; every section body and every
 * weekly paragraph cites at least one source (check.c). */
#ifndef BRIEF_AI_LONGFORM_GROUNDING_H
#define BRIEF_AI_LONGFORM_GROUNDING_H

#include <stddef.h>

#include "ai/longform/ground.h"
#include "draft.h"
#include "model.h"
#include "util/arena.h"
#include "util/buf.h"

/* What the claim check of one piece found and did. */
struct grounding_report {
	struct ground_result claims; /* the written piece's claims, then the removed ones (removed = 1) */
	size_t removed;              /* sentences removed */
	size_t cited;                /* citations added */
	const char *removed_text;    /* the removed sentences, one "- ..." line each ("" none) */
	int is_refused;              /* --strict: not written because claims stayed unsupported */
	int is_thin;                 /* the sources were too short for the length asked */
	size_t source_chars;         /* their size in the output's characters (thin-sources rule) */
};

/* The sources of a piece as the model saw them: sources[i] (citation id i + 1) with the body
 * prompt_article_body sends (text cut at text_tokens) and its date. heads[i] (or NULL) is
 * what precedes the body in the request (the weekly's "date: ..." line). */
struct ground_index *grounding_sources(const struct article *const *sources, size_t n, const char *const *heads,
                                       long text_tokens, struct arena *arena);

/* grounding_sources, then extra (when not NULL) as source n + 1: text that is no article
 * but may be cited (the daily's own counts). */
struct ground_index *grounding_sources_plus(const struct article *const *sources, size_t n, const char *const *heads,
                                            long text_tokens, const struct ground_source *extra, struct arena *arena);

/* The size of the sources' text in characters of the output language (en: Latin letters and
 * digits plus 3 per CJK character; zh: CJK characters plus one per 3 Latin letters or digits),
 * for the thin-sources rule. */
size_t grounding_source_chars(const struct article *const *sources, size_t n, long text_tokens, int en);

/* The thin-sources rule: a piece may be at most GROUNDING_STRETCH times as long as its
 * sources' text. When *max_chars is more, shorten the target to [max/2, max] (max being the
 * supported length, at least floor_chars) and return 1; else 0. Never lengthens. */
#define GROUNDING_STRETCH 4
int grounding_thin(size_t source_chars, size_t floor_chars, size_t *min_chars, size_t *max_chars);

/* Check every part of d; claims go to r (parts numbered as grounding_part_name says).
 * Returns the number of claims that are not OK. */
size_t grounding_check_commentary(const struct ground_index *ix, const struct commentary_draft *d, int en,
                                  struct arena *arena, struct ground_result *r);

/* The name of part p of a commentary ("the headline", "the hook", "section 2's heading",
 * "section 2", "the conclusion", "the closing question"); ctx is the draft. Static or arena. */
const char *grounding_part_name(void *ctx, size_t part);

/* Repair d in place (parts copied into arena): remove the sentences with unsupported claims,
 * paragraph by paragraph, dropping a paragraph that no longer stands and a section whose
 * body is left empty or whose heading carries an unsupported claim; add missing citations.
 * Fills rep (removed, cited, removed_text). Returns 0, or -1 when the draft no longer stands
 * (the headline, hook or conclusion would go). */
int grounding_repair_commentary(const struct ground_index *ix, struct commentary_draft *d, int en,
                                struct arena *arena, struct grounding_report *rep);

/* The same for a weekly group's paragraphs texts[0..*n) (with their [n] markers): repaired in
 * place, paragraphs that no longer stand dropped (*n shrinks). */
void grounding_repair_paragraphs(const struct ground_index *ix, const char **texts, size_t *n, int en,
                                 struct arena *arena, struct grounding_report *rep);

/* Append the claims of before that repair removed (status not OK, in a removed sentence) to
 * rep->claims, marked removed; call after re-checking the repaired piece into rep->claims. */
void grounding_add_removed(struct grounding_report *rep, const struct ground_result *before, struct arena *arena);

#endif
