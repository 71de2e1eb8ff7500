/* keywords.c: document frequencies over a window and TF-IDF ranking of an article's words. */
#include "ai/keywords.h"

#include <math.h>
#include <string.h>

#include "ai/text.h"
#include "util/hash.h"

/* Only the head of long articles is read: keywords come from what the piece is about, and the
 * bound keeps the window's cost linear in the number of articles. */
#define KW_TEXT_BYTES 12000

struct slot {
	const char *word;
	int count;
	int last_doc; /* the document that last counted this word (for df) */
};

struct wordmap {
	struct slot *slots;
	size_t cap, used;
};

struct kw_index {
	struct wordmap df;
	size_t docs;
};

static void
map_init(struct wordmap *m, size_t cap, struct arena *arena)
{
	m->cap = cap;
	m->used = 0;
	m->slots = arena_alloc(arena, cap * sizeof *m->slots);
}

static struct slot *
map_get(struct wordmap *m, const char *w, size_t len, struct arena *arena);

static void
map_grow(struct wordmap *m, struct arena *arena)
{
	struct wordmap bigger;
	map_init(&bigger, m->cap * 2, arena);
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].word) {
			struct slot *s = map_get(&bigger, m->slots[i].word, strlen(m->slots[i].word), NULL);
			*s = m->slots[i];
		}
	*m = bigger;
}

/* Find or insert w (copied into arena on insert; arena NULL = the caller guarantees w lives). */
static struct slot *
map_get(struct wordmap *m, const char *w, size_t len, struct arena *arena)
{
	if ((m->used + 1) * 2 > m->cap && arena)
		map_grow(m, arena);
	size_t i = (size_t)hash64(w, len, HASH_SEED) & (m->cap - 1);
	for (;; i = (i + 1) & (m->cap - 1)) {
		struct slot *s = &m->slots[i];
		if (!s->word) {
			s->word = arena ? arena_strndup(arena, w, len) : w;
			s->count = 0;
			s->last_doc = -1;
			m->used++;
			return s;
		}
		if (strncmp(s->word, w, len) == 0 && s->word[len] == '\0')
			return s;
	}
}

static int
is_digit_or_punct(char c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '+' || c == '#';
}

static int
usable(const struct text_iter *it)
{
	if (it->is_cjk)
		return 1;
	if (it->len < 3 || text_is_stopword(it->word))
		return 0;
	for (size_t i = 0; i < it->len; i++)
		if (!is_digit_or_punct(it->word[i]))
			return 1;
	return 0;
}

static size_t
text_bytes(const char *s)
{
	size_t n = strlen(s);
	return n > KW_TEXT_BYTES ? KW_TEXT_BYTES : n;
}

struct kw_index *
kw_index_build(const struct article *articles, size_t count, struct arena *arena)
{
	struct kw_index *idx = arena_alloc(arena, sizeof *idx);
	map_init(&idx->df, 1024, arena);
	idx->docs = count;
	for (size_t d = 0; d < count; d++) {
		const char *parts[2] = {articles[d].title ? articles[d].title : "",
		                        articles[d].text ? articles[d].text : ""};
		for (int p = 0; p < 2; p++) {
			struct text_iter it;
			text_iter_init(&it, parts[p], text_bytes(parts[p]));
			while (text_next(&it)) {
				if (!usable(&it))
					continue;
				struct slot *s = map_get(&idx->df, it.word, it.len, arena);
				if (s->last_doc != (int)d) {
					s->last_doc = (int)d;
					s->count++;
				}
			}
		}
	}
	return idx;
}

struct scored {
	const char *word;
	double score;
};

size_t
kw_top(const struct kw_index *idx, const struct article *a, const char **out, size_t max, struct arena *arena)
{
	struct arena scratch = ARENA_INIT;
	struct wordmap tf;
	map_init(&tf, 256, &scratch);
	const char *parts[2] = {a->title ? a->title : "", a->text ? a->text : ""};
	for (int p = 0; p < 2; p++) {
		struct text_iter it;
		text_iter_init(&it, parts[p], text_bytes(parts[p]));
		while (text_next(&it))
			if (usable(&it))
				map_get(&tf, it.word, it.len, &scratch)->count += p == 0 ? 3 : 1;
	}
	struct scored best[8];
	size_t n = 0, want = max < 8 ? max : 8;
	for (size_t i = 0; i < tf.cap; i++) {
		struct slot *s = &tf.slots[i];
		if (!s->word)
			continue;
		const struct slot *d = NULL;
		size_t j = (size_t)hash64(s->word, strlen(s->word), HASH_SEED) & (idx->df.cap - 1);
		for (;; j = (j + 1) & (idx->df.cap - 1)) {
			if (!idx->df.slots[j].word)
				break;
			if (strcmp(idx->df.slots[j].word, s->word) == 0) {
				d = &idx->df.slots[j];
				break;
			}
		}
		double df = d ? d->count : 1;
		double score = (1.0 + log((double)s->count)) * log(1.0 + (double)idx->docs / df);
		/* Insert into the small sorted best list (score desc, word asc). */
		size_t k = n;
		while (k > 0 && (best[k - 1].score < score ||
		                 (best[k - 1].score == score && strcmp(best[k - 1].word, s->word) > 0)))
			k--;
		if (k >= want)
			continue;
		if (n < want)
			n++;
		memmove(&best[k + 1], &best[k], (n - 1 - k) * sizeof best[0]);
		best[k] = (struct scored){s->word, score};
	}
	for (size_t i = 0; i < n; i++)
		out[i] = arena_strdup(arena, best[i].word);
	arena_free(&scratch);
	return n;
}
