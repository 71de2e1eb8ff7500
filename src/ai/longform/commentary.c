/* commentary.c: writing a commentary article with the LLM: the request (the story's sources as
 * delimited data, numbered for citation), the cache, the checks and the one re-ask. */
#include "ai/longform/commentary.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ai/llm/batch.h"
#include "ai/llm/llm.h"
#include "ai/longform/grounding.h"
#include "ai/longform/prompts.h"
#include "ai/llm/prompt.h"
#include "ai/llm/provider.h"
#include "store/llmcache.h"
#include "util/log.h"
#include "util/str.h"

#define ARTICLE_MAX_COMPLETION 8000  /* tokens the model may write */
#define ARTICLE_FLOOR_ZH 400         /* thin sources never shorten the target below this */
#define ARTICLE_FLOOR_EN 800

/* The text of o's key, its citation lists made single markers ("[1, 2]" -> "[1][2]"). */
static const char *
jtext(json_t *o, const char *key, struct arena *arena)
{
	return check_citation_lists(json_string_value(json_object_get(o, key)), arena);
}

/* Copy a validated answer into a draft. */
static void
draft_from_json(json_t *j, struct arena *arena, struct commentary_draft *d)
{
	memset(d, 0, sizeof *d);
	d->headline = jtext(j, "headline", arena);
	d->hook = jtext(j, "hook", arena);
	json_t *secs = json_object_get(j, "sections");
	d->section_count = json_array_size(secs);
	d->sections = arena_alloc(arena, (d->section_count + 1) * sizeof *d->sections);
	for (size_t i = 0; i < d->section_count; i++) {
		d->sections[i].heading = jtext(json_array_get(secs, i), "heading", arena);
		d->sections[i].body = jtext(json_array_get(secs, i), "body", arena);
	}
	d->conclusion = jtext(j, "conclusion", arena);
	d->question = jtext(j, "question", arena);
}

/* The user message: the length and source count, then the sources as data. */
static void
build_user(const struct story *s, const struct check_rules *r, struct buf *user, struct buf *terms)
{
	int en = strcmp(r->lang, "en") == 0;
	buf_printf(user,
	           "Write the article in %s. Length: %zu to %zu characters, not counting spaces. The story has "
	           "%zu sources, ids 1 to %zu; cite them as [1] to [%zu].\n",
	           en ? "English" : "Simplified Chinese", r->min_chars, r->max_chars, s->member_count,
	           s->member_count, s->member_count);
	ground_rules(user);
	prompt_user_begin(user);
	for (size_t i = 0; i < s->member_count; i++)
		longform_source(user, terms, i + 1, NULL, s->members[i], COMMENTARY_TEXT_TOKENS);
	prompt_user_end(user);
}

/* One request through the client. Returns the validated answer (new reference) or NULL with
 * e set. */
static json_t *
ask(struct llm_client *c, const char *lang, const char *user, struct err *e)
{
	struct llm_request r;
	memset(&r, 0, sizeof r);
	r.task = PROMPT_COMMENTARY;
	r.lang = lang;
	r.user = user;
	r.max_tokens = ARTICLE_MAX_COMPLETION;
	struct llm_request *reqs[] = {&r};
	llm_run(c, reqs, 1);
	json_t *answer = NULL;
	if (r.is_ok) {
		answer = r.answer;
		r.answer = NULL;
	} else {
		err_set(e, "the model could not write the article: %s", r.error);
	}
	llm_request_clear(&r);
	return answer;
}

/* The second draft has claims the sources do not support: with strict, refuse it (when a
 * claim is in no source); else remove the sentences that carry them and keep the draft if
 * it then has its shape (the minimum length aside). rep gets the
 * repaired draft's claims and the removed ones. */
static enum commentary_status
repair(const struct ground_index *ix, struct commentary_draft *d, const struct ground_result *gr,
       const struct check_rules *rules, int strict, int en, struct arena *arena, struct grounding_report *rep,
       struct buf *findings)
{
	size_t unsupported = 0;
	for (size_t i = 0; i < gr->count; i++)
		unsupported += gr->claims[i].status == GROUND_UNSUPPORTED;
	if (strict && unsupported) {
		rep->is_refused = 1;
		rep->claims = *gr;
		return COMMENTARY_REFUSED;
	}
	struct check_rules relaxed = *rules;
	relaxed.min_chars = 0;
	struct buf after = BUF_INIT;
	int stands = grounding_repair_commentary(ix, d, en, arena, rep) == 0 && check_commentary(d, &relaxed, &after) == 0;
	buf_puts(findings, buf_str(&after));
	buf_free(&after);
	if (!stands) {
		buf_printf(findings, "- after removing %zu sentence(s) with unsupported claims the article no longer "
		                     "stands\n", rep->removed);
		return COMMENTARY_REJECTED;
	}
	rep->claims = (struct ground_result){0};
	grounding_check_commentary(ix, d, en, arena, &rep->claims);
	grounding_add_removed(rep, gr, arena);
	return COMMENTARY_OK;
}

enum commentary_status
commentary_write(struct store *st, const struct story *s, const struct commentary_opts *o, struct arena *arena,
              struct commentary_draft *out, const char **model, struct buf *findings, struct err *e)
{
	struct llm_config lc;
	int has = provider_resolve(o->cfg, &lc, e);
	if (has < 0)
		return COMMENTARY_ERROR;
	if (has == 0)
		return COMMENTARY_NO_LLM;
	struct check_rules rules;
	check_rules_default(&rules, o->lang);
	if (o->min_chars)
		rules.min_chars = o->min_chars;
	if (o->max_chars)
		rules.max_chars = o->max_chars;
	rules.source_count = s->member_count;
	int en = strcmp(rules.lang, "en") == 0;
	struct grounding_report scratch_rep;
	struct grounding_report *rep = o->ground ? o->ground : &scratch_rep;
	memset(rep, 0, sizeof *rep);
	rep->removed_text = "";
	const struct article *const *members = (const struct article *const *)s->members;
	rep->source_chars = grounding_source_chars(members, s->member_count, COMMENTARY_TEXT_TOKENS, en);
	if (!o->min_chars && !o->max_chars) {
		size_t min = rules.min_chars, max = rules.max_chars;
		if (grounding_thin(rep->source_chars, en ? ARTICLE_FLOOR_EN : ARTICLE_FLOOR_ZH, &rules.min_chars,
		                   &rules.max_chars)) {
			rep->is_thin = 1;
			log_warn("article %s: thin sources (%zu characters of source text for a %zu..%zu-character article): "
			         "target shortened to %zu..%zu characters",
			         s->id, rep->source_chars, min, max, rules.min_chars, rules.max_chars);
		}
	}
	struct ground_index *ix = grounding_sources(members, s->member_count, NULL, COMMENTARY_TEXT_TOKENS, arena);
	struct buf user = BUF_INIT, terms = BUF_INIT;
	build_user(s, &rules, &user, &terms);
	rules.allowed_terms = buf_str(&terms);
	*model = arena_strdup(arena, lc.model);

	enum commentary_status status = COMMENTARY_ERROR;
	char hash[33], cache_model[LLM_CACHE_MODEL_SIZE];
	batch_hash(rules.lang, buf_str(&user), hash);
	llm_cache_model(&lc, cache_model);
	const char *cached = llmcache_get(st, "article", prompt_version(PROMPT_COMMENTARY), cache_model, hash, arena);
	if (cached) {
		json_t *j = json_loads(cached, 0, NULL);
		if (j) {
			int repaired = json_is_true(json_object_get(j, "repaired"));
			draft_from_json(j, arena, out);
			json_decref(j);
			struct buf scratch = BUF_INIT;
			int bad = check_commentary(out, &rules, &scratch);
			buf_clear(&scratch);
			struct ground_result gr = {0};
			size_t claims_bad = grounding_check_commentary(ix, out, en, arena, &gr);
			struct grounding_report again = *rep;
			if (!bad && !claims_bad) {
				rep->claims = gr;
				status = COMMENTARY_OK;
			} else if (repaired && claims_bad && !o->strict &&
			           repair(ix, out, &gr, &rules, 0, en, arena, &again, &scratch) == COMMENTARY_OK) {
				/* A second draft kept by removing its unsupported sentences: removed again (the
				 * repair is deterministic), so a rerun writes the same article. With --strict it
				 * is asked anew. */
				*rep = again;
				status = COMMENTARY_OK;
			}
			buf_free(&scratch);
			if (status == COMMENTARY_OK) {
				log_info("article %s: served from the cache", s->id);
				goto done;
			}
		}
	}

	struct llm_client client;
	memset(&client, 0, sizeof client);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (llm_client_init(&client, &lc, st, e) < 0)
		goto done;
	struct buf reask = BUF_INIT;
	size_t last_findings = findings->len; /* where the previous draft's findings start */
	for (int attempt = 0; attempt < 2; attempt++) {
		const char *msg = buf_str(&user);
		if (attempt == 1) {
			buf_puts(&reask, buf_str(&user));
			buf_puts(&reask, "\nYour previous draft failed these checks:\n");
			buf_puts(&reask, buf_str(findings) + last_findings);
			buf_puts(&reask, "Write the whole article again as one JSON object, fixing every point.\n");
			msg = buf_str(&reask);
			log_warn("article %s: the draft failed the checks; asking again with the findings", s->id);
		}
		json_t *answer = ask(&client, rules.lang, msg, e);
		if (!answer) { /* the re-ask as much as the first ask: e says why (refused, unreachable) */
			/* A provider stopped for the run (a spent quota or balance, a refused key: llm.h)
			 * has said why once; it answers no story of this run, so none is an error. */
			status = client.halted[0] ? COMMENTARY_NO_LLM : COMMENTARY_ERROR;
			break;
		}
		draft_from_json(answer, arena, out);
		size_t before = findings->len;
		buf_printf(findings, "draft %d:\n", attempt + 1);
		last_findings = findings->len;
		int bad = check_commentary(out, &rules, findings);
		struct ground_result gr = {0};
		size_t claims_bad = grounding_check_commentary(ix, out, en, arena, &gr);
		if (claims_bad)
			ground_findings(&gr, grounding_part_name, out, findings);
		if (claims_bad && attempt == 1) {
			/* The shape is judged after the unsupported sentences are gone (they may be what
			 * made the draft too long). */
			status = repair(ix, out, &gr, &rules, o->strict, en, arena, rep, findings);
			if (status == COMMENTARY_OK) { /* the caller reports what was removed */
				findings->len = before;
				if (findings->data)
					findings->data[before] = 0;
				/* Cached as the model wrote it, marked: a rerun repairs it again the same way
				 * instead of asking twice more for a different article. */
				json_object_set_new(answer, "repaired", json_true());
				char *text = json_dumps(answer, JSON_COMPACT | JSON_PRESERVE_ORDER);
				struct err ce;
				if (text && llmcache_put(st, "article", prompt_version(PROMPT_COMMENTARY), cache_model, hash, text,
				                         o->now, &ce) < 0)
					log_warn("article: %s", ce.msg);
				free(text);
			}
			json_decref(answer);
			break;
		}
		if (!bad && !claims_bad) {
			rep->claims = gr;
			findings->len = before; /* a passing draft leaves no findings */
			if (findings->data)
				findings->data[before] = 0;
			char *text = json_dumps(answer, JSON_COMPACT | JSON_PRESERVE_ORDER);
			struct err ce;
			if (text && llmcache_put(st, "article", prompt_version(PROMPT_COMMENTARY), cache_model, hash, text, o->now,
			                         &ce) < 0)
				log_warn("article: %s", ce.msg);
			free(text);
			json_decref(answer);
			status = COMMENTARY_OK;
			break;
		}
		json_decref(answer);
		status = COMMENTARY_REJECTED;
	}
	buf_free(&reask);
	llm_client_free(&client);
done:
	buf_free(&user);
	buf_free(&terms);
	return status;
}
