/* batch.c: batched, id-checked, per-item-cached LLM tasks (see batch.h). */
#include "ai/llm/batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/llmcache.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/log.h"
#include "util/str.h"

void
batch_hash(const char *lang, const char *body, char out[33])
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s\n%s", lang ? lang : "", body);
	hash_hex128(b.data, b.len, out);
	buf_free(&b);
}

void
batch_items_free(struct batch_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(items[i].body);
		items[i].body = NULL;
	}
}

static void
from_cache(const struct batch_env *env, struct batch_task *t, struct batch_item *items, size_t n)
{
	struct arena scratch = ARENA_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *cached = llmcache_get(env->st, prompt_task_name(t->task), prompt_version(t->task), env->cache_model,
		                                  items[i].hash, &scratch);
		json_t *entry = cached ? json_loads(cached, 0, NULL) : NULL;
		if (entry && t->apply(t->ctx, items[i].index, entry) == 0)
			items[i].is_done = 1;
		json_decref(entry);
	}
	arena_free(&scratch);
}

/* Whether body has word (len bytes) as a whole word, ignoring case. */
static int
has_word(const char *body, const char *word, size_t len)
{
	char w[128];
	if (len >= sizeof w)
		return 0;
	memcpy(w, word, len);
	w[len] = '\0';
	size_t blen = strlen(body);
	for (const char *p = body; (p = str_icasestr(p, blen - (size_t)(p - body), w)); p++)
		if ((p == body || !is_ascii_alnum((unsigned char)p[-1])) && !is_ascii_alnum((unsigned char)p[len]))
			return 1;
	return 0;
}

size_t
batch_affinity(const char *text, const char *body)
{
	size_t hits = 0;
	struct buf seen = BUF_INIT; /* "\ntoken\n" of each token counted */
	for (const char *p = text; *p;) {
		if (!is_ascii_alnum((unsigned char)*p)) {
			p++;
			continue;
		}
		/* a word: letters and digits, with a '-', '.' or '_' between two of them (GPT-4o, 1.2) */
		size_t n = 0;
		int marked = 0;
		for (;;) {
			unsigned char c = (unsigned char)p[n];
			if (is_ascii_alnum(c)) {
				marked |= is_ascii_digit(c) || (c >= 'A' && c <= 'Z');
				n++;
			} else if ((c == '-' || c == '.' || c == '_') && n > 0 && is_ascii_alnum((unsigned char)p[n + 1])) {
				n++;
			} else {
				break;
			}
		}
		if (marked && n >= 2) {
			struct buf key = BUF_INIT;
			buf_printf(&key, "\n%.*s\n", (int)n, p);
			if (!str_icasestr(buf_str(&seen), seen.len, buf_str(&key))) {
				buf_append(&seen, key.data, key.len);
				hits += has_word(body, p, n);
			}
			buf_free(&key);
		}
		p += n;
	}
	buf_free(&seen);
	return hits;
}

/* The entry's match_keys strings, one a line, into out. */
static void
entry_text(const struct batch_task *t, json_t *entry, struct buf *out)
{
	for (size_t i = 0; t->match_keys[i]; i++) {
		const char *v = json_string_value(json_object_get(entry, t->match_keys[i]));
		if (v)
			buf_printf(out, "%s\n", v);
	}
}

struct pending_batch {
	struct llm_request req;
	struct buf user;
	size_t first, count; /* into the round's member list */
};

/* Take the answer of one batch: entries whose id is one of this batch's, appears once, points
 * at its own article (match_keys) and is accepted by apply are done (and cached); everything
 * else stays pending. */
static void
collect(const struct batch_env *env, struct batch_task *t, struct batch_item **members, size_t count,
        json_t *answer)
{
	const char *id_key = t->id_key ? t->id_key : "id";
	json_t *entries = json_object_get(answer, "items");
	int *seen = xcalloc(count ? count : 1, sizeof *seen);
	json_t **chosen = xcalloc(count ? count : 1, sizeof *chosen);
	size_t i;
	json_t *entry;
	json_array_foreach(entries, i, entry)
	{
		const char *id = json_string_value(json_object_get(entry, id_key));
		long k;
		if (!id || id[0] != 'a' || str_to_long(id + 1, 1, (long)count, &k) < 0) {
			log_debug("llm %s: unknown id %s ignored", prompt_task_name(t->task), id ? id : "(none)");
			continue;
		}
		seen[k - 1]++;
		chosen[k - 1] = entry;
	}
	for (size_t k = 0; k < count; k++) {
		struct batch_item *it = members[k];
		if (seen[k] != 1) /* missing or ambiguous: ask again, never guess */
			continue;
		/* An entry whose names and figures are more another article's than its own was written
		 * for that article under this one's id (swapped or shifted ids): ask again. */
		if (t->match_keys && count > 1) {
			struct buf text = BUF_INIT;
			entry_text(t, chosen[k], &text);
			size_t own = batch_affinity(buf_str(&text), it->body), other = 0, other_k = k;
			for (size_t j = 0; j < count; j++) {
				size_t a = j == k ? 0 : batch_affinity(buf_str(&text), members[j]->body);
				if (a > other) {
					other = a;
					other_k = j;
				}
			}
			buf_free(&text);
			if (other > own) {
				log_warn("llm %s: the entry under id a%zu names %zu thing(s) of article a%zu and %zu of its own: "
				         "left out (asked again)",
				         prompt_task_name(t->task), k + 1, other, other_k + 1, own);
				continue;
			}
		}
		json_t *copy = json_deep_copy(chosen[k]);
		json_object_del(copy, id_key);
		if (t->apply(t->ctx, it->index, copy) == 0) {
			it->is_done = 1;
			char *s = json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS);
			struct err e;
			if (env->st && llmcache_put(env->st, prompt_task_name(t->task), prompt_version(t->task), env->cache_model,
			                            it->hash, s, env->now, &e) < 0)
				log_warn("llm cache: %s", e.msg);
			free(s);
		}
		json_decref(copy);
	}
	free(seen);
	free(chosen);
}

void
batch_run(const struct batch_env *env, struct batch_task *t, struct batch_item *items, size_t n)
{
	if (env->st)
		from_cache(env, t, items, n);
	/* The per-item completion cap, doubled after a round with an answer cut at its cap (its
	 * whole entries kept, the rest asked again: they need more room than was given). */
	int per_item = t->tokens_per_item;
	for (int round = 0; round < BATCH_MAX_ROUNDS && env->llm; round++) {
		struct batch_item **members = xcalloc(n ? n : 1, sizeof *members);
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (!items[i].is_done && !items[i].is_failed)
				members[m++] = &items[i];
		size_t extra = round == 0 ? t->extra_count : 0;
		if (m == 0 && extra == 0) {
			free(members);
			break;
		}
		size_t lanes = (size_t)env->llm->cfg.concurrency;
		size_t size = (size_t)t->batch_size;
		if (t->batch_size <= 0) { /* one batch per lane: the fixed latency is paid once */
			size_t max = t->auto_max > 0 ? (size_t)t->auto_max : 10;
			size = lanes > 0 ? (m + lanes - 1) / lanes : m;
			if (size < 1)
				size = 1;
			if (size > max)
				size = max;
		}
		size_t nb = (m + size - 1) / size;
		/* More batches than lanes: make their number a multiple of the lanes and their sizes
		 * even (never above the batch size), so the last wave is not a lone, full-size batch. */
		if (lanes > 0 && nb > lanes && nb % lanes)
			nb += lanes - nb % lanes;
		if (nb > m)
			nb = m;
		struct pending_batch *pb = xcalloc(nb ? nb : 1, sizeof *pb);
		struct llm_request **reqs = xcalloc(nb + extra + 1, sizeof *reqs);
		/* The extra requests go first: they are independent and short. */
		for (size_t x = 0; x < extra; x++)
			reqs[x] = t->extra[x];
		size_t next = 0;
		for (size_t b = 0; b < nb; b++) {
			pb[b].first = next;
			pb[b].count = m / nb + (b < m % nb ? 1 : 0);
			next += pb[b].count;
			prompt_user_begin(&pb[b].user);
			for (size_t k = 0; k < pb[b].count; k++) {
				char id[16];
				snprintf(id, sizeof id, "a%zu", k + 1);
				prompt_user_article(&pb[b].user, id, members[pb[b].first + k]->body);
				members[pb[b].first + k]->asked++;
			}
			prompt_user_end(&pb[b].user);
			pb[b].req.task = t->task;
			pb[b].req.per_entry = 1;
			pb[b].req.lang = t->lang;
			pb[b].req.user = buf_str(&pb[b].user);
			long cap = (long)t->tokens_base + (long)per_item * (long)pb[b].count;
			pb[b].req.max_tokens = cap < LLM_MAX_COMPLETION_TOKENS ? (int)cap : LLM_MAX_COMPLETION_TOKENS;
			reqs[extra + b] = &pb[b].req;
		}
		llm_run(env->llm, reqs, nb + extra);
		int is_cut = 0;
		for (size_t b = 0; b < nb; b++) {
			is_cut |= pb[b].req.is_ok && pb[b].req.is_cut;
			if (pb[b].req.is_ok) {
				collect(env, t, members + pb[b].first, pb[b].count, pb[b].req.answer);
			} else {
				/* a halted client has said why, once: not again per batch */
				if (env->llm->halted[0])
					log_debug("llm %s: %s; %zu item(s) fall back to the offline engine", prompt_task_name(t->task),
					          pb[b].req.error, pb[b].count);
				else
					log_warn("llm %s: %s; %zu item(s) fall back to the offline engine", prompt_task_name(t->task),
					         pb[b].req.error, pb[b].count);
				for (size_t k = 0; k < pb[b].count; k++)
					members[pb[b].first + k]->is_failed = 1;
			}
			llm_request_clear(&pb[b].req);
			buf_free(&pb[b].user);
		}
		free(pb);
		free(reqs);
		free(members);
		if (is_cut && per_item < LLM_MAX_COMPLETION_TOKENS / 2)
			per_item *= 2;
	}
}
