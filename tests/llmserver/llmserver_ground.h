/* llmserver_ground.h: the stand-in's grounding modes for the long-form answers (article,
 * weekly), to test and measure brief's claim checking:
 * - "fabricate": a share of the answers (rate_percent, chosen by a hash of the request, so a
 *   rerun makes the same choice and a re-ask makes a fresh one) carry a made-up figure, a
 *   made-up quotation and a made-up name that are not in the request — in one sentence or
 *   two, cited or not (also chosen by the hash);
 * - "faithful": every sentence of the answer's body is a sentence of a source, cited with
 *   that source's id (so whatever brief flags in it is a false flag);
 * - NULL: the plain deterministic answers. */
#ifndef BRIEF_TESTS_LLMSERVER_GROUND_H
#define BRIEF_TESTS_LLMSERVER_GROUND_H

#include <stddef.h>

#include "llmserver.h"
#include "util/buf.h"

enum llmsrv_ground { LLMSRV_PLAIN, LLMSRV_FABRICATE, LLMSRV_FAITHFUL };

/* Set the mode ("fabricate", "faithful" or NULL) and the fabricating share (0..100). */
void llmsrv_grounding(const char *mode, int rate_percent);
enum llmsrv_ground llmsrv_grounding_mode(void);

/* Whether the answer to the request user fabricates (counted when it does). */
int llmsrv_fabricates(const char *user);
/* Answers that fabricated since the mode was set. */
long llmsrv_fabricated_answers(void);

/* Append the fabricated sentence(s) of the answer to user (zh or English), citing one of
 * 1..source_count or nothing. */
void llmsrv_fabricate(struct buf *b, const char *user, int zh, size_t source_count);

/* Every figure, quotation and name the fabricating mode can write (NULL-terminated): none of
 * them may reach a written piece. */
extern const char *const llmsrv_fabrications[];

/* The sentences of the sources' texts (and their ids), in order: *out is malloc'd strings
 * (free with llmsrv_sentences_free). Only sentences of at least min_chars code points that
 * are in the output's script (CJK for zh, Latin for English). */
struct llmsrv_sentence {
	char *text;
	long id;
};
size_t llmsrv_sentences(const struct llmsrv_article *src, size_t n, int zh, struct llmsrv_sentence **out);
void llmsrv_sentences_free(struct llmsrv_sentence *s, size_t n);

#endif
