/* fts.c: the "brief" FTS5 tokenizer (words for alphabetic scripts, bigrams plus single
 * characters for CJK) and the "brief_rank" function (see fts.h). */
#include "store/fts.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/str.h"
#include "util/utf8.h"

/* Longest token kept, in bytes: longer runs (base64, hashes) are cut there. */
#define TOKEN_MAX 64

/* Base letters for U+00C0..U+024F with the diacritics removed ('.' = no plain base letter:
 * the code point is kept, lower-cased). Made with Python's unicodedata NFKD. */
static const char latin_fold[] =
	"aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y"
	"aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii.iijjkk.lllllll"
	"l..nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs"
	"................................oo.............uu..............."
	"....dddlllnnnaaiioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa...."
	"aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............"
	"................";

enum cls { C_SEP, C_WORD, C_CJK };

static int
is_cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||   /* hiragana, katakana */
	       (c >= 0x3400 && c <= 0x4DBF) ||   /* Han extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||   /* Han */
	       (c >= 0xAC00 && c <= 0xD7AF) ||   /* Hangul syllables */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* Han compatibility */
	       (c >= 0x20000 && c <= 0x3FFFF);   /* Han extensions B.. */
}

int
fts_token_is_cjk(const char *tok, int ntok)
{
	uint32_t c;
	return ntok > 0 && utf8_decode(tok, (size_t)ntok, &c) > 0 && is_cjk(c);
}

/* Punctuation, symbols and spaces outside ASCII that separate words. */
static int
is_separator(uint32_t c)
{
	return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
	       (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F) ||
	       (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
	       (c >= 0x1F000 && c <= 0x1FAFF) || c == 0xFFFD || c == 0xFEFF;
}

/* Class of c, and *fold its searchable form (lower-cased, diacritics removed). */
static enum cls
classify(uint32_t c, uint32_t *fold)
{
	*fold = c;
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z') {
			*fold = c + 32;
			return C_WORD;
		}
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? C_WORD : C_SEP;
	}
	if (is_cjk(c))
		return C_CJK;
	if (is_separator(c))
		return C_SEP;
	if (c >= 0xC0 && c <= 0x24F) {
		char base = latin_fold[c - 0xC0];
		if (base != '.')
			*fold = (uint32_t)base;
		else if (c <= 0xDE)
			*fold = c + 32;
		else if (c >= 0x100 && c <= 0x17F && (c & 1) == 0)
			*fold = c + 1;
		return C_WORD;
	}
	if (c >= 0xFF10 && c <= 0xFF19) /* fullwidth digits and letters */
		*fold = c - 0xFF10 + '0';
	else if (c >= 0xFF21 && c <= 0xFF3A)
		*fold = c - 0xFF21 + 'a';
	else if (c >= 0xFF41 && c <= 0xFF5A)
		*fold = c - 0xFF41 + 'a';
	else if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F)) /* Greek, Cyrillic capitals */
		*fold = c + 32;
	else if (c >= 0x400 && c <= 0x40F)
		*fold = c + 80;
	return C_WORD;
}

/* The code point at text[i] and its length: ASCII, most of a text, without utf8_decode's
 * call (the tokenizer reads every byte of every indexed item and of rows a search matches). */
static inline int
next_cp(const char *text, int i, int len, uint32_t *c)
{
	unsigned char b = (unsigned char)text[i];
	if (b < 0x80) {
		*c = b;
		return 1;
	}
	return (int)utf8_decode(text + i, (size_t)(len - i), c);
}

/* Whether text[i..len) holds a token. */
static int
more_tokens(const char *text, int i, int len)
{
	while (i < len) {
		uint32_t c, f;
		int n = next_cp(text, i, len, &c);
		if (classify(c, &f) != C_SEP)
			return 1;
		i += n;
	}
	return 0;
}

/* One CJK character of a run: its bytes and offsets in the input. */
struct cjk_char {
	int start, end;
};

int
fts_tokenize(const char *text, int len, int flags, void *ctx,
             int (*fn)(void *ctx, int tflags, const char *tok, int ntok, int start, int end))
{
	int is_query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	char tok[TOKEN_MAX + 8];
	int i = 0;
	while (i < len) {
		uint32_t c, f;
		int n = next_cp(text, i, len, &c);
		enum cls k = classify(c, &f);
		if (k == C_SEP) {
			i += n;
			continue;
		}
		if (k == C_WORD) {
			int start = i, ntok = 0;
			while (i < len) {
				n = next_cp(text, i, len, &c);
				if (classify(c, &f) != C_WORD)
					break;
				/* beyond TOKEN_MAX the run is read to its end, not kept */
				if (ntok + 4 <= TOKEN_MAX) {
					if (f < 0x80)
						tok[ntok++] = (char)f;
					else
						ntok += (int)utf8_encode(f, tok + ntok);
				}
				i += n;
			}
			int rc = fn(ctx, 0, tok, ntok, start, i);
			if (rc)
				return rc;
			continue;
		}
		/* A CJK run: each character with its successor as a bigram (the position's token,
		 * whose offsets cover both characters so highlights span whole phrases) and alone,
		 * colocated. The last character only alone. At query time a run of two or more
		 * becomes its bigrams, a lone character itself; a run that more tokens follow ("芯片AI",
		 * a phrase) ends with its last character too, which holds a position in the index. */
		struct cjk_char prev = {i, i + n};
		i += n;
		int run = 1;
		for (;;) {
			int has_next = 0;
			struct cjk_char cur = {i, i};
			if (i < len) {
				n = next_cp(text, i, len, &c);
				if (classify(c, &f) == C_CJK) {
					has_next = 1;
					cur.end = i + n;
				}
			}
			int rc = 0;
			if (has_next) {
				rc = fn(ctx, 0, text + prev.start, cur.end - prev.start, prev.start, cur.end);
				if (!rc && !is_query)
					rc = fn(ctx, FTS5_TOKEN_COLOCATED, text + prev.start, prev.end - prev.start, prev.start,
					        prev.end);
			} else if (!is_query || run == 1 || more_tokens(text, i, len)) {
				rc = fn(ctx, 0, text + prev.start, prev.end - prev.start, prev.start, prev.end);
			}
			if (rc)
				return rc;
			if (!has_next)
				break;
			prev = cur;
			i = cur.end;
			run++;
		}
	}
	return 0;
}

/* ---- the vocabulary of words, for prefix queries ---- */

/* An open-addressing set of strings (owned), each slot with the word's hash: a probe
 * compares hashes before it compares words. */
struct word_slot {
	uint64_t hash;
	char *word; /* NULL: empty */
};

struct word_set {
	struct word_slot *slots;
	size_t cap, count;
};

/* An open-addressing set of word hashes (0: empty; hashes are never 0, see hash64_key). */
struct hash_set {
	uint64_t *slots;
	size_t cap, count;
};

/* Words remembered as already in fts_terms, at most (a hash each: 1 MB). */
#define VOCAB_KNOWN_MAX 65536
/* Slots of the filter of words seen last (pending or known), indexed by hash: the common
 * words of a text are found there without a probe of the larger sets (32 KB). */
#define VOCAB_RECENT 4096

/* Words indexed on this connection since the last flush (pending), and the hashes of words
 * this connection knows are in fts_terms (committed by an earlier flush): a flush skips those.
 * A word counts as known by its 64-bit hash alone (two words of one hash: about one chance
 * in 10^11 among the 65,536 known; the cost would be a word missing from prefix expansion).
 * The known set is cleared when it reaches VOCAB_KNOWN_MAX words and on a rollback; recent
 * holds words that are pending or known, so it is cleared with the known set. */
struct fts_vocab {
	struct word_set pending;
	struct hash_set known;
	uint64_t recent[VOCAB_RECENT];
};

/* The slot of tok[0..n) (hash h) in set: where it is, or the empty slot where it would go. */
static struct word_slot *
set_slot(const struct word_set *set, uint64_t h, const char *tok, size_t n)
{
	for (size_t j = h & (set->cap - 1);; j = (j + 1) & (set->cap - 1)) {
		struct word_slot *s = &set->slots[j];
		if (!s->word || (s->hash == h && strncmp(s->word, tok, n) == 0 && s->word[n] == '\0'))
			return s;
	}
}

/* Add word tok[0..n) (hash h) as a copy, unless present. */
static void
set_add(struct word_set *set, uint64_t h, const char *tok, size_t n)
{
	if (set->count * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 1024;
		struct word_set grown = {xcalloc(cap, sizeof(struct word_slot)), cap, set->count};
		for (size_t i = 0; i < set->cap; i++)
			if (set->slots[i].word)
				*set_slot(&grown, set->slots[i].hash, set->slots[i].word, strlen(set->slots[i].word)) =
					set->slots[i];
		free(set->slots);
		*set = grown;
	}
	struct word_slot *slot = set_slot(set, h, tok, n);
	if (slot->word)
		return;
	slot->hash = h;
	slot->word = xstrndup(tok, n);
	set->count++;
}

static void
set_clear(struct word_set *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slots[i].word);
	free(set->slots);
	memset(set, 0, sizeof *set);
}

/* The slot of hash h in set: where it is, or the empty slot where it would go. */
static uint64_t *
hset_slot(const struct hash_set *set, uint64_t h)
{
	size_t j = h & (set->cap - 1);
	while (set->slots[j] && set->slots[j] != h)
		j = (j + 1) & (set->cap - 1);
	return &set->slots[j];
}

static int
hset_has(const struct hash_set *set, uint64_t h)
{
	return set->count && *hset_slot(set, h);
}

static void
hset_add(struct hash_set *set, uint64_t h)
{
	if (set->count * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 1024;
		struct hash_set grown = {xcalloc(cap, sizeof(uint64_t)), cap, set->count};
		for (size_t i = 0; i < set->cap; i++)
			if (set->slots[i])
				*hset_slot(&grown, set->slots[i]) = set->slots[i];
		free(set->slots);
		*set = grown;
	}
	uint64_t *slot = hset_slot(set, h);
	if (!*slot) {
		*slot = h;
		set->count++;
	}
}

static void
hset_clear(struct hash_set *set)
{
	free(set->slots);
	memset(set, 0, sizeof *set);
}

/* Note a word indexed, unless it was seen last, is known to be in fts_terms or is pending. */
static void
vocab_add(struct fts_vocab *v, const char *tok, size_t n)
{
	uint64_t h = hash64_key(tok, n);
	uint64_t *recent = &v->recent[(h >> 32) & (VOCAB_RECENT - 1)];
	if (*recent == h)
		return;
	if (!hset_has(&v->known, h))
		set_add(&v->pending, h, tok, n);
	*recent = h;
}

/* Forget the words known to be in fts_terms. */
static void
vocab_forget_known(struct fts_vocab *v)
{
	hset_clear(&v->known);
	memset(v->recent, 0, sizeof v->recent);
}

void
fts_vocab_forget(struct fts_vocab *v)
{
	if (v)
		vocab_forget_known(v);
}

/* Pass-through of a document's tokens to FTS5 that also notes each word (not CJK). */
struct vocab_tap {
	struct fts_vocab *vocab;
	void *ctx;
	int (*fn)(void *, int, const char *, int, int, int);
};

static int
vocab_tap_fn(void *p, int tflags, const char *tok, int ntok, int start, int end)
{
	struct vocab_tap *t = p;
	if (ntok >= 2 && (unsigned char)tok[0] < 0xE0) /* CJK starts at 0xE3 in UTF-8 */
		vocab_add(t->vocab, tok, (size_t)ntok);
	return t->fn(t->ctx, tflags, tok, ntok, start, end);
}

int
fts_vocab_flush(struct fts_vocab *v, sqlite3 *db, struct err *e)
{
	if (!v || !v->pending.count)
		return 0;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO fts_terms(term) VALUES (?1)", -1, &s, NULL) != SQLITE_OK)
		return err_set(e, "database: %s", sqlite3_errmsg(db));
	int rc = 0;
	for (size_t i = 0; i < v->pending.cap && rc == 0; i++) {
		if (!v->pending.slots[i].word)
			continue;
		sqlite3_bind_text(s, 1, v->pending.slots[i].word, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = err_set(e, "database: noting indexed words: %s", sqlite3_errmsg(db));
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	if (rc < 0)
		return rc;
	/* the words move to the known set (until it is full: then it starts over) */
	if (v->known.count + v->pending.count > VOCAB_KNOWN_MAX)
		vocab_forget_known(v);
	for (size_t i = 0; i < v->pending.cap; i++)
		if (v->pending.slots[i].word)
			hset_add(&v->known, v->pending.slots[i].hash);
	set_clear(&v->pending);
	return 0;
}

/* ---- FTS5 glue ---- */

static int
tok_create(void *pctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)pctx; /* the connection's vocabulary; no other state */
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int
tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
             int (*fn)(void *, int, const char *, int, int, int))
{
	if (!(flags & FTS5_TOKENIZE_DOCUMENT))
		return fts_tokenize(text, len, flags, ctx, fn);
	struct vocab_tap tap = {(struct fts_vocab *)t, ctx, fn};
	return fts_tokenize(text, len, flags, &tap, vocab_tap_fn);
}

static void
vocab_destroy(void *p)
{
	struct fts_vocab *v = p;
	set_clear(&v->pending);
	hset_clear(&v->known);
	free(v);
}

static int64_t rank_calls;

int64_t
fts_rank_calls(void)
{
	return rank_calls;
}

/* The terms of a query as brief_rank's groups argument gives them ("1,330,1": how many
 * phrases each term is, in order), into count[0..max): how many terms, or -1 when groups is
 * not such a list or its phrases are not nphrase. */
static int
read_groups(const char *groups, int nphrase, int *count, int max)
{
	int terms = 0, phrases = 0;
	for (const char *g = groups; *g;) {
		char *end;
		long c = strtol(g, &end, 10);
		if (terms == max || end == g || c < 1 || c > nphrase - phrases || (*end && *end != ','))
			return -1;
		count[terms++] = (int)c;
		phrases += (int)c;
		g = *end ? end + 1 : end;
	}
	return phrases == nphrase ? terms : -1;
}

/* What brief_rank keeps for one query (FTS5 auxdata, made at its first row): the term each
 * phrase counts for, and the terms' frequencies in the row being scored. */
struct rank_query {
	int nterms;
	double *tf;   /* [nphrase], the first nterms used */
	int *term_of; /* [nphrase] */
};

/* The query of nphrase phrases with groups (NULL: a phrase a term), or NULL out of memory. */
static struct rank_query *
rank_query_new(int nphrase, const char *groups)
{
	size_t n = nphrase > 0 ? (size_t)nphrase : 1;
	struct rank_query *q = sqlite3_malloc64(sizeof *q + n * sizeof *q->tf + n * sizeof *q->term_of);
	if (!q)
		return NULL;
	q->tf = (double *)(q + 1);
	q->term_of = (int *)(q->tf + n);
	int count[64];
	int terms = groups ? read_groups(groups, nphrase, count, (int)(sizeof count / sizeof count[0])) : -1;
	q->nterms = terms < 0 ? nphrase : terms;
	for (int t = 0, p = 0; p < nphrase; t++)
		for (int k = 0; k < (terms < 0 ? 1 : count[t]); k++)
			q->term_of[p++] = t;
	return q;
}

/* brief_rank(items_fts [, groups]): a BM25 score (k1 1.2, b 0.75, title hits count 4x) computed
 * from the row alone: a fixed average length (100 tokens) and no IDF, as every term of a query
 * must match anyway. Unlike bm25() it does not move as other rows arrive, so a page of
 * results and the next one (keyset on this score) never overlap. Higher is better. groups
 * ("1,330,1") makes the phrases of one query term one term (an expanded prefix is an OR of its
 * words, up to 1,024 phrases), as the rows' matcher counts it (snippet_match); without it each
 * phrase is a term. */
static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *sc, int argc, sqlite3_value **argv)
{
	rank_calls++;
	struct rank_query *q = api->xGetAuxdata(fc, 0);
	if (!q) {
		q = rank_query_new(api->xPhraseCount(fc), argc > 0 ? (const char *)sqlite3_value_text(argv[0]) : NULL);
		if (!q || api->xSetAuxdata(fc, q, sqlite3_free) != SQLITE_OK) { /* it frees q on failure */
			sqlite3_result_error_nomem(sc);
			return;
		}
	}
	int nphrase = api->xPhraseCount(fc), ninst = 0;
	if (api->xInstCount(fc, &ninst) != SQLITE_OK) {
		sqlite3_result_error(sc, "brief_rank: no instances", -1);
		return;
	}
	memset(q->tf, 0, (size_t)q->nterms * sizeof *q->tf);
	for (int k = 0; k < ninst; k++) {
		int phrase, col, off;
		if (api->xInst(fc, k, &phrase, &col, &off) == SQLITE_OK && phrase >= 0 && phrase < nphrase)
			q->tf[q->term_of[phrase]] += col == 0 ? 4.0 : 1.0;
	}
	int dl = 0;
	if (api->xColumnSize(fc, -1, &dl) != SQLITE_OK)
		dl = 100;
	sqlite3_result_double(sc, fts_bm25(q->tf, q->nterms, dl));
}

double
fts_bm25(const double *tf, int nterms, int dl)
{
	const double k1 = 1.2, b = 0.75, avgdl = 100.0;
	double score = 0;
	for (int p = 0; p < nterms; p++)
		score += tf[p] * (k1 + 1) / (tf[p] + k1 * (1 - b + b * dl / avgdl));
	return score;
}

struct fts_vocab *
fts_register(sqlite3 *db, struct err *e)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK) {
		err_set(e, "database: FTS5 is not available: %s", sqlite3_errmsg(db));
		return NULL;
	}
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (!api || api->iVersion < 2) {
		err_set(e, "database: FTS5 API version 2 is not available");
		return NULL;
	}
	struct fts_vocab *v = xcalloc(1, sizeof *v); /* freed by FTS5 when db closes */
	fts5_tokenizer tk = {tok_create, tok_delete, tok_tokenize};
	if (api->xCreateTokenizer(api, "brief", v, &tk, vocab_destroy) != SQLITE_OK) {
		free(v);
		err_set(e, "database: cannot register the brief tokenizer");
		return NULL;
	}
	if (api->xCreateFunction(api, "brief_rank", NULL, rank_fn, NULL) != SQLITE_OK) {
		err_set(e, "database: cannot register brief_rank");
		return NULL;
	}
	return v;
}
