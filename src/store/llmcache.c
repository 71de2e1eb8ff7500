/* llmcache.c: SQL for llm_cache, llm_usage, verdicts and enrichments. */
#include "store/llmcache.h"

#include <jansson.h>
#include <stdlib.h>

#include "category.h"

const char *
llmcache_get(struct store *st, const char *task, int version, const char *model, const char *input_hash,
             struct arena *arena)
{
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT answer FROM llm_cache WHERE task = ?1 AND prompt_version = ?2"
	                                " AND model = ?3 AND input_hash = ?4",
	                                NULL);
	if (!s)
		return NULL;
	store_bind_text(s, 1, task);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, model);
	store_bind_text(s, 4, input_hash);
	const char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		out = arena_strdup(arena, store_col_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

static int
step_done(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE)
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
llmcache_put(struct store *st, const char *task, int version, const char *model, const char *input_hash,
             const char *answer, int64_t now, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
	                                "INSERT OR REPLACE INTO llm_cache(task, prompt_version, model, input_hash,"
	                                " answer, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	                                e);
	if (!s)
		return -1;
	store_bind_text(s, 1, task);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, model);
	store_bind_text(s, 4, input_hash);
	store_bind_text(s, 5, answer);
	sqlite3_bind_int64(s, 6, now);
	return step_done(st, s, e);
}

int
llmcache_usage_add(struct store *st, const struct llm_usage_row *row, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
	                                "INSERT INTO llm_usage(at, task, model, http_status, ms, prompt_tokens,"
	                                " completion_tokens, cached_tokens, error) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	                                e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, row->at);
	store_bind_text(s, 2, row->task);
	store_bind_text(s, 3, row->model ? row->model : "");
	if (row->http_status)
		sqlite3_bind_int(s, 4, row->http_status);
	else
		sqlite3_bind_null(s, 4);
	sqlite3_bind_int64(s, 5, row->ms);
	sqlite3_bind_int64(s, 6, row->prompt_tokens);
	sqlite3_bind_int64(s, 7, row->completion_tokens);
	sqlite3_bind_int64(s, 8, row->cached_tokens);
	store_bind_text(s, 9, row->error);
	return step_done(st, s, e);
}

int
llmcache_put_verdict(struct store *st, int64_t item_id, const struct verdict *v, int64_t now, struct err *e)
{
	json_t *kw = json_array();
	for (size_t i = 0; i < v->keyword_count; i++)
		json_array_append_new(kw, json_string(v->keywords[i]));
	char *kws = json_dumps(kw, JSON_COMPACT);
	json_decref(kw);
	sqlite3_stmt *s = store_prepare(st,
	                                "INSERT OR REPLACE INTO verdicts(item_id, engine, model, relevance, quality,"
	                                " timeliness, category, keywords, scored_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	                                e);
	if (!s) {
		free(kws);
		return -1;
	}
	sqlite3_bind_int64(s, 1, item_id);
	store_bind_text(s, 2, v->is_offline ? "offline" : "llm");
	store_bind_text(s, 3, v->model);
	sqlite3_bind_int(s, 4, v->relevance);
	sqlite3_bind_int(s, 5, v->quality);
	sqlite3_bind_int(s, 6, v->timeliness);
	store_bind_text(s, 7, category_id(v->category));
	store_bind_text(s, 8, kws);
	sqlite3_bind_int64(s, 9, now);
	free(kws);
	return step_done(st, s, e);
}

int
llmcache_put_enrichment(struct store *st, int64_t item_id, const char *lang, const struct enrichment *en,
                        int64_t now, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
	                                "INSERT OR REPLACE INTO enrichments(item_id, lang, engine, title, summary,"
	                                " reason, created_at) VALUES (?1,?2,?3,?4,?5,?6,?7)",
	                                e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, item_id);
	store_bind_text(s, 2, lang);
	store_bind_text(s, 3, en->is_offline ? "offline" : "llm");
	store_bind_text(s, 4, en->title);
	store_bind_text(s, 5, en->summary);
	store_bind_text(s, 6, en->reason);
	sqlite3_bind_int64(s, 7, now);
	return step_done(st, s, e);
}
