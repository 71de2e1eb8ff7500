/* snippet.c: highlighted extracts of search hits (see snippet.h). */
#include "store/snippet.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/fts.h"
#include "store/search.h"
#include "util/str.h"

#define BIT(i, k) ((uint64_t)1 << ((i) * SNIPPET_TERM_TOKENS + (k)))

/* Query tokens of one term, into the term being filled; all counts every token. */
struct term_fill {
	int ntok, all, too_long;
	struct snippet_term *term;
};

static int
add_query_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tflags, (void)start, (void)end;
	struct term_fill *f = ctx;
	f->all++;
	if (ntok > SNIPPET_TOKEN_MAX)
		f->too_long = 1;
	else if (f->ntok < SNIPPET_TERM_TOKENS) {
		memcpy(f->term->tok[f->ntok], tok, (size_t)ntok);
		f->term->tok[f->ntok][ntok] = '\0';
		f->term->len[f->ntok] = ntok;
		f->ntok++;
	}
	return 0;
}

void
snippet_query_parse(const char *q, struct snippet_query *sq)
{
	memset(sq, 0, sizeof *sq);
	sq->is_exact = 1;
	const char *p = q ? q : "", *term;
	size_t n;
	while (sq->count < SNIPPET_TERMS && store_search_next_term(&p, &term, &n)) {
		int is_prefix = n > 1 && term[n - 1] == '*';
		struct term_fill f = {0, 0, 0, &sq->terms[sq->count]};
		fts_tokenize(term, (int)(is_prefix ? n - 1 : n), FTS5_TOKENIZE_QUERY, &f, add_query_token);
		if (f.ntok == 0 && !f.too_long)
			continue; /* punctuation only: the search leaves it out too */
		/* as the search reads it (store_search_query): a term ending in CJK is no prefix */
		int is_cjk = f.ntok > 0 && fts_token_is_cjk(f.term->tok[f.ntok - 1], f.term->len[f.ntok - 1]);
		if (f.too_long || f.all > SNIPPET_TERM_TOKENS || (is_prefix && f.ntok > 1 && !is_cjk))
			sq->is_exact = 0; /* a phrase ending in a prefix: FTS5's reading, not ours */
		if (f.too_long)
			continue; /* a word no stored token can equal */
		sq->terms[sq->count].ntok = f.ntok;
		sq->terms[sq->count].is_prefix = is_prefix && f.ntok == 1 && !is_cjk;
		sq->count++;
	}
}

/* A token of the text: its bytes, its position (colocated tokens share one) and which query
 * tokens it is (BIT(term, token of the term)). */
struct doc_token {
	int start, end, pos;
	uint64_t is;
};

struct doc {
	const struct snippet_query *sq;
	struct doc_token *toks;
	size_t count, cap;
	int pos;
	uint64_t seen; /* the union of the tokens' is: 0 when no token is any query token */
};

static int
add_doc_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	struct doc *d = ctx;
	if (!(tflags & FTS5_TOKEN_COLOCATED))
		d->pos++;
	uint64_t is = 0;
	for (int i = 0; i < d->sq->count; i++) {
		const struct snippet_term *t = &d->sq->terms[i];
		for (int k = 0; k < t->ntok; k++) {
			int qn = t->len[k];
			if ((t->is_prefix ? ntok >= qn : ntok == qn) &&
			    memcmp(tok, t->tok[k], (size_t)qn) == 0)
				is |= BIT(i, k);
		}
	}
	if (d->count == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->toks = xrealloc(d->toks, d->cap * sizeof *d->toks);
	}
	d->toks[d->count++] = (struct doc_token){start, end, d->pos, is};
	d->seen |= is;
	return 0;
}

/* One occurrence of a term: positions [pos, last] and bytes [start, end). */
struct hit {
	int term, pos, last, start, end;
};

static int
by_start(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	return x->start != y->start ? (x->start < y->start ? -1 : 1) : (x->end > y->end) - (x->end < y->end);
}

/* The occurrences of sq's terms among d's tokens, ordered by their first byte when sorted
 * (else in the order found: by position, then term); *count set. first[p] is the index of the
 * first token at position p (first[maxpos + 1] = d->count). */
static struct hit *
find_hits(const struct doc *d, const size_t *first, int maxpos, int sorted, size_t *count)
{
	struct hit *hits = NULL;
	size_t n = 0, cap = 0;
	for (size_t t = 0; t < d->count; t++) {
		for (int i = 0; i < d->sq->count; i++) {
			if (!(d->toks[t].is & BIT(i, 0)))
				continue;
			int p = d->toks[t].pos, ntok = d->sq->terms[i].ntok, end = -1;
			/* the phrase's k-th token at position p + k, for every k */
			for (int k = 1; k < ntok && end != -2; k++) {
				if (p + k > maxpos) {
					end = -2;
					break;
				}
				int found = 0;
				for (size_t u = first[p + k]; u < first[p + k + 1]; u++)
					if (d->toks[u].is & BIT(i, k)) {
						found = 1;
						if (k == ntok - 1 && d->toks[u].end > end)
							end = d->toks[u].end;
					}
				if (!found)
					end = -2;
			}
			if (end == -2)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				hits = xrealloc(hits, cap * sizeof *hits);
			}
			hits[n++] = (struct hit){i, p, p + ntok - 1, d->toks[t].start, ntok == 1 ? d->toks[t].end : end};
		}
	}
	if (sorted && n > 1) /* qsort's array may not be NULL, even empty */
		qsort(hits, n, sizeof *hits, by_start);
	*count = n;
	return hits;
}

/* text[from..to) without the marker bytes a snippet uses. */
static void
put_plain(struct buf *out, const char *text, int from, int to)
{
	for (int i = from; i < to; i++)
		if (text[i] != '\x01' && text[i] != '\x02')
			buf_putc(out, text[i]);
}

/* A text read for sq: its tokens (d), first[] as find_hits wants it, and its terms' hits. */
struct doc_hits {
	struct doc d;
	size_t *first;
	int maxpos; /* the last position; -1 when the text has no token */
	struct hit *hits;
	size_t nhits;
};

/* Tokenize text[0..len) and find sq's terms in it, the hits by their first byte when sorted
 * (find_hits). Free with doc_hits_free. */
static void
doc_hits_read(const struct snippet_query *sq, const char *text, size_t len, int sorted, struct doc_hits *dh)
{
	memset(dh, 0, sizeof *dh);
	dh->d = (struct doc){sq, NULL, 0, 0, -1, 0};
	dh->maxpos = -1;
	if (len > (size_t)INT32_MAX / 2)
		len = (size_t)INT32_MAX / 2;
	fts_tokenize(text, (int)len, FTS5_TOKENIZE_DOCUMENT, &dh->d, add_doc_token);
	if (dh->d.count == 0)
		return;
	dh->maxpos = dh->d.toks[dh->d.count - 1].pos;
	dh->first = xcalloc((size_t)dh->maxpos + 2, sizeof *dh->first);
	for (size_t t = dh->d.count; t-- > 0;)
		dh->first[dh->d.toks[t].pos] = t;
	dh->first[dh->maxpos + 1] = dh->d.count;
	if (dh->d.seen) /* most rows a broad prefix's search reads hold none of its words */
		dh->hits = find_hits(&dh->d, dh->first, dh->maxpos, sorted, &dh->nhits);
}

static void
doc_hits_free(struct doc_hits *dh)
{
	free(dh->hits);
	free(dh->first);
	free(dh->d.toks);
}

int
snippet_match(const struct snippet_query *sq, const char *title, size_t tlen, const char *text, size_t len,
              double *score)
{
	double tf[SNIPPET_TERMS] = {0};
	int positions = 0;
	const char *col[2] = {title ? title : "", text ? text : ""};
	size_t col_len[2] = {title ? tlen : 0, text ? len : 0};
	for (int c = 0; c < 2; c++) {
		struct doc_hits dh;
		doc_hits_read(sq, col[c], col_len[c], 0, &dh);
		positions += dh.maxpos + 1;
		for (size_t h = 0; h < dh.nhits; h++)
			tf[dh.hits[h].term] += c == 0 ? 4.0 : 1.0;
		doc_hits_free(&dh);
	}
	for (int i = 0; i < sq->count; i++)
		if (tf[i] == 0)
			return 0;
	*score = fts_bm25(tf, sq->count, positions);
	return sq->count > 0;
}

int
snippet_make(const struct snippet_query *sq, const char *text, size_t len, int width, struct buf *out)
{
	struct doc_hits dh;
	doc_hits_read(sq, text, len, 1, &dh);
	if (dh.maxpos < 0) {
		doc_hits_free(&dh);
		return 0;
	}
	struct doc d = dh.d;
	int maxpos = dh.maxpos;
	size_t *first = dh.first, nhits = dh.nhits;
	struct hit *hits = dh.hits;

	/* The window: starting two positions before a hit (some context), the one holding the
	 * most distinct terms, then the most hits; the earliest of equals. Hits in byte order are
	 * in position order, so a window's hits are a run from lo: a page where a common word
	 * stands thousands of times costs width steps a hit, not a walk of all of them. */
	int wstart = 0, best = -1;
	for (size_t h = 0, lo = 0; h < nhits; h++) {
		int s = hits[h].pos > 2 ? hits[h].pos - 2 : 0;
		while (hits[lo].pos < s)
			lo++;
		uint64_t terms = 0;
		int inside = 0;
		for (size_t g = lo; g < nhits && hits[g].pos < s + width; g++)
			if (hits[g].last < s + width) {
				terms |= (uint64_t)1 << hits[g].term;
				inside++;
			}
		int score = __builtin_popcountll(terms) * 1000 + inside;
		if (score > best) {
			best = score;
			wstart = s;
		}
	}
	if (wstart > maxpos - width + 1) /* near the end: show the width the text has */
		wstart = maxpos - width + 1 > 0 ? maxpos - width + 1 : 0;
	int wlast = wstart + width - 1 < maxpos ? wstart + width - 1 : maxpos;
	/* from the text's start, or the window's first token; to its end, or the last token's */
	int from = wstart == 0 ? 0 : d.toks[first[wstart]].start, to = 0;
	for (size_t t = first[wstart]; t < first[wlast + 1]; t++)
		to = d.toks[t].end > to ? d.toks[t].end : to;
	if (wlast == maxpos)
		to = (int)len;

	if (wstart > 0)
		buf_puts(out, "…");
	int at = from, marked = 0;
	for (size_t h = 0; h < nhits; h++) {
		if (hits[h].pos < wstart || hits[h].last > wlast || hits[h].end <= at)
			continue;
		int s = hits[h].start > at ? hits[h].start : at, e = hits[h].end;
		while (h + 1 < nhits && hits[h + 1].start <= e && hits[h + 1].last <= wlast) { /* overlapping: one mark */
			h++;
			e = hits[h].end > e ? hits[h].end : e;
		}
		put_plain(out, text, at, s);
		buf_putc(out, '\x01');
		put_plain(out, text, s, e);
		buf_putc(out, '\x02');
		at = e;
		marked++;
	}
	put_plain(out, text, at, to);
	if (wlast < maxpos)
		buf_puts(out, "…");
	doc_hits_free(&dh);
	return marked;
}
