/* snippet.h: the highlighted extract of a search hit, made from the item's text with the
 * index's own tokenizer (store/fts.h) rather than by FTS5's snippet(), which walks the index
 * again for the page's rows: for a prefix that expands to a hundred words that second walk
 * was half of the search's time at 3M items (docs/store.md, "Snippets").
 *
 * A query term is a word, a "phrase" or a prefix word*; its tokens are the tokenizer's query
 * tokens (a CJK run: its bigrams). A phrase is marked where its tokens stand at consecutive
 * positions, a prefix on every word that begins with it. */
#ifndef BRIEF_STORE_SNIPPET_H
#define BRIEF_STORE_SNIPPET_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

#define SNIPPET_TERMS 8      /* query terms marked (QUERY_MAX_TERMS) */
#define SNIPPET_TERM_TOKENS 8 /* tokens of one phrase matched; a longer phrase by its first 8 */
#define SNIPPET_TOKEN_MAX 64 /* bytes of a folded token compared */
#define SNIPPET_WIDTH 24     /* token positions a search hit's snippet shows */

struct snippet_term {
	int ntok, is_prefix;
	char tok[SNIPPET_TERM_TOKENS][SNIPPET_TOKEN_MAX + 1]; /* folded, NUL-terminated */
	int len[SNIPPET_TERM_TOKENS];                         /* strlen of each tok */
};

struct snippet_query {
	int count;
	struct snippet_term terms[SNIPPET_TERMS];
	/* 1 when snippet_match matches every term as the index does; 0 when a term had a token
	 * longer than SNIPPET_TOKEN_MAX (left out) or more than SNIPPET_TERM_TOKENS tokens (its
	 * first compared), or was a phrase ending in a prefix ("foo-ba*", read as a phrase) */
	int is_exact;
};

/* Read the search q (as store_search_query reads it) into sq. */
void snippet_query_parse(const char *q, struct snippet_query *sq);

/* Whether a row with this title and text holds every term of sq, as the index would match
 * it (a phrase at consecutive positions, a prefix at the start of a word): 1 with *score set
 * to its fts_bm25 score (a title hit counted 4 times, the length the two's token positions),
 * else 0 (and 0 for a query of no term). For rows a search scores itself (store/search.h). */
int snippet_match(const struct snippet_query *sq, const char *title, size_t tlen, const char *text, size_t len,
                  double *score);

/* Append to out the window of at most width token positions of text[0..len) that holds the
 * most distinct terms of sq (the earliest of equals), each occurrence between \x01 and \x02,
 * with "…" where the window cuts the text; \x01 and \x02 of the text itself are left out.
 * Returns the number of occurrences marked (0: the window is the text's start, unmarked). */
int snippet_make(const struct snippet_query *sq, const char *text, size_t len, int width, struct buf *out);

#endif
