/* ground.h: verification of model-written text against the sources it was written from:
 * every figure, date, quotation and name of a sentence (claims.h) must appear in the text of
 * a source that sentence cites; a sentence without a citation may use names and dates of any
 * source, but a figure or a quotation must be cited. Repair removes the sentences that carry
 * unsupported claims and adds the citation a sentence lacks when its claims are in a source.
 *
 * Matching (after claims.h's normalisation):
 * - figure: a source figure of the same kind (percent or not) within half the place value of
 *   the last written digit (143亿 is supported by 142.9亿; 142.93亿 is not by 142.9亿); a year
 *   (1900..2100) is also supported by a source date of that year; versions match as strings;
 *   a source figure that is another subject's does not support it when the source's sentence
 *   gives the draft figure's subject a figure of its own (claims.h, subject);
 * - date: a source date (in its text, or its publication date) agreeing on every part both give;
 * - quotation: its key is a substring of the source's key text (verbatim up to spacing,
 *   punctuation and case; pieces around an ellipsis each, in order); a quotation marked as
 *   translated is supported when the source has a quotation of its own (a quoted span long enough to
 *   be a quote) — the figures and names inside it are still checked one by one;
 * - name: every word of it is a word of the source (case-insensitive; a trailing plural
 *   "s" and joiners - . _ + may differ). */
#ifndef BRIEF_AI_LONGFORM_GROUND_H
#define BRIEF_AI_LONGFORM_GROUND_H

#include <stddef.h>

#include "ai/longform/claims.h"
#include "util/arena.h"
#include "util/buf.h"

/* One source as the model saw it. */
struct ground_source {
	long id;          /* its citation id ([1] = 1) */
	const char *text; /* title, source name and text as sent */
	const char *date; /* publication date "YYYY-MM-DD..." or NULL */
};

/* The sources read once for checking (arena-owned). */
struct ground_index;

/* Read sources[0..n) (copied: the caller may free them). */
struct ground_index *ground_index_new(const struct ground_source *sources, size_t n, struct arena *arena);

enum ground_status {
	GROUND_OK,          /* in a source the sentence cites (or, for names and dates, any source) */
	GROUND_MISCITED,    /* in source `source`, which the sentence does not cite */
	GROUND_UNCITED,     /* a figure or quotation in a sentence that cites nothing; in `source` */
	GROUND_UNSUPPORTED, /* in no source */
};

/* A claim in its place. */
struct ground_claim {
	struct claim c;
	size_t part;        /* the caller's numbering of the text checked (paragraph, section) */
	size_t sentence;    /* sentence index within that text */
	enum ground_status status;
	long source;        /* a supporting source id, 0 when none */
	int removed;        /* repair removed its sentence */
	const char *where;  /* the part's name for reports (set by the caller, may be NULL) */
};

/* The claims of a piece, in order. */
struct ground_result {
	struct ground_claim *claims;
	size_t count, cap;
	size_t bad;         /* claims with status != GROUND_OK */
};

enum {
	GROUND_EN = 1,       /* English text */
	GROUND_ANY_SOURCE = 2, /* a headline or heading: no citations expected, any source supports */
};

/* Check text (one part of a piece, numbered part by the caller): split into sentences,
 * extract each one's claims and verify them; appends to r (arena-owned). Returns the number
 * of claims found not OK. flags: GROUND_EN, GROUND_ANY_SOURCE. */
size_t ground_check(const struct ground_index *ix, const char *text, size_t part, int flags, struct arena *arena,
                    struct ground_result *r);

/* The repaired text (arena): sentences whose claims include an unsupported one (status
 * GROUND_UNSUPPORTED) are removed, and a sentence whose claims are all in some source but not
 * one it cites gets that source's citation appended (a sentence that cited nothing then also
 * gets the sources of its names and dates, which had been checked against any source and,
 * once it cites, must be in what it cites). Each removed sentence is appended to
 * removed as one line "- <sentence>" (may be NULL). Returns "" when what remains does not
 * stand as a paragraph (no sentence left, or none left that cites a source and the part had
 * citations). *n_removed counts the sentences removed; *n_cited the citations added. */
const char *ground_repair(const struct ground_index *ix, const char *text, int flags, struct arena *arena,
                          struct buf *removed, size_t *n_removed, size_t *n_cited);

/* Append the re-ask text for r's claims that are not OK: one line per claim (what, where,
 * why), then the rule (ground_rules). part_name(part) names a part for the reader ("section
 * 2", "paragraph 1"); ctx is passed to it. Returns the number of lines. */
size_t ground_findings(const struct ground_result *r, const char *(*part_name)(void *ctx, size_t part), void *ctx,
                       struct buf *out);

/* Append the citation and quotation rules the model is given (in the request and again with
 * the findings): cite the source of every figure, date, quotation and name in the same
 * sentence; quote verbatim; mark a translated quotation with (译) / (translated). */
void ground_rules(struct buf *out);

/* A sentence of a text: bytes [start, end) including its trailing citation markers, and the
 * ids it cites (the first 16). */
struct ground_sentence {
	size_t start, end;
	long cites[16];
	size_t cite_count;
};

/* Split t into sentences (terminators 。！？；!?; and full stops, and line breaks; never
 * inside a quotation (‘…’ when its closing ’ is on the same line) or a title in 《》, which a
 * line break also ends; the stop of "Dec. 9" and the "1. " of a
 * numbered list item opening a line are no full stops);
 * trailing closing quotes, the "**" closing a bold run, spaces and citation markers belong
 * to the sentence before (a straight '"' after a space opens the next one's quotation). Returns the count; *out is arena memory. */
size_t ground_sentences(const char *t, struct arena *arena, struct ground_sentence **out);

/* The status's name for JSON and reports: "verified", "miscited", "uncited", "unsupported". */
const char *ground_status_name(enum ground_status s);

#endif
