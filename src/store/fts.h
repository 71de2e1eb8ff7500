/* fts.h: brief's full-text search pieces registered on every store connection: the "brief"
 * FTS5 tokenizer and the "brief_rank" ranking function.
 *
 * The tokenizer splits Latin (and other alphabetic) text into words like FTS5's unicode61
 * (lower-cased, Latin diacritics removed, fullwidth letters and digits folded), and runs of
 * CJK characters (Han, kana, Hangul) into overlapping bigrams with each character also
 * indexed on its own at the same position. A query of one CJK character matches the
 * single-character tokens; a longer run becomes the phrase of its bigrams, so "中国" is one
 * index look-up rather than a scan, and phrases and prefixes keep working. */
#ifndef BRIEF_STORE_FTS_H
#define BRIEF_STORE_FTS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* The words (not CJK) this connection indexed since it last flushed them into fts_terms: the
 * vocabulary prefix queries expand over (store/search.c), because FTS5's own prefix query
 * merges the doclists of every matching word, which grows with the store. It also remembers
 * up to 65,536 words it flushed before, which later flushes skip (a fetch commits ~10 times a
 * second, mostly the same common words). */
struct fts_vocab;

/* Register the tokenizer and the rank function on db. Returns the connection's vocabulary
 * (owned by db, freed when it closes), or NULL with e set. */
struct fts_vocab *fts_register(sqlite3 *db, struct err *e);
/* Add the words noted since the last flush to fts_terms (inside the indexing transaction).
 * Returns 0 or -1 with e set. */
int fts_vocab_flush(struct fts_vocab *v, sqlite3 *db, struct err *e);
/* The transaction of the last flush may not have committed: forget which words fts_terms
 * holds, so the next flushes add them again (INSERT OR IGNORE). NULL is fine. */
void fts_vocab_forget(struct fts_vocab *v);

/* Tokenize text[0..len) as FTS5 would for flags (FTS5_TOKENIZE_*), calling fn for each token
 * (exposed for tests and for the query builder). Returns 0, or fn's first non-zero result. */
int fts_tokenize(const char *text, int len, int flags, void *ctx,
                 int (*fn)(void *ctx, int tflags, const char *tok, int ntok, int start, int end));

/* Whether a token the tokenizer made begins with a CJK character (a bigram or a single
 * character of a CJK run). */
int fts_token_is_cjk(const char *tok, int ntok);

/* brief_rank's score of a row from its terms' frequencies tf[0..nterms) (a title hit counted
 * 4 times) and its length in tokens dl: BM25 with k1 1.2, b 0.75, a fixed average length of
 * 100 tokens and no IDF. A search that scores rows itself (store/snippet.h) uses the same, with
 * a prefix as one term where the index has a term per word it expanded to. */
double fts_bm25(const double *tf, int nterms, int dl);

/* Counters of the rank function since the process started: rows it scored. Tests use it to
 * show that a query only touched the rows the index matched. */
int64_t fts_rank_calls(void);

#endif
