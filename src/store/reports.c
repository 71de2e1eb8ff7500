/* reports.c: weekly issue numbers and item look-up (declared in reports.h). */
#include "store/reports.h"

#include <jansson.h>
#include <string.h>

#include "util/str.h"

/* The "issue" of the first row s yields, 0 when there is none (or it has none), -1 with e set
 * when the read fails (a wrong number would go out in a post). */
static int
issue_of_row(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int issue = 0;
	int step = sqlite3_step(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return err_set(e, "database %s: reading the weekly issue: %s", st->path, sqlite3_errmsg(st->db));
	if (step == SQLITE_ROW && store_col_text(s, 0)) {
		json_t *j = json_loads(store_col_text(s, 0), 0, NULL);
		json_t *v = j ? json_object_get(j, "issue") : NULL;
		if (json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) < 1000000)
			issue = (int)json_integer_value(v);
		json_decref(j);
	}
	return issue;
}

int
store_weekly_issue(struct store *st, const char *slug, int *issue, struct err *e)
{
	*issue = 0;
	sqlite3_stmt *s = store_prepare(st,
		"SELECT json FROM reports WHERE kind = 'weekly' AND slug = ?1 ORDER BY id LIMIT 1", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, slug);
	*issue = issue_of_row(st, s, e);
	sqlite3_finalize(s);
	if (*issue < 0) {
		*issue = 0;
		return -1;
	}
	if (*issue)
		return 0;
	s = store_prepare(st,
		"SELECT json FROM reports WHERE kind = 'weekly' AND slug < ?1 ORDER BY slug DESC, id LIMIT 1", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, slug);
	int prev = issue_of_row(st, s, e);
	sqlite3_finalize(s);
	if (prev < 0)
		return -1;
	*issue = prev ? prev + 1 : 0;
	return 0;
}

/* The latest report of kind ("daily" or "weekly") in lang whose slug sorts before slug (up to
 * and including it when inclusive is set): its slug into found (16 bytes), its created_at into
 * *created_at. Returns 1 when there is one, 0 when not, -1 with e set. */
static int
report_latest(struct store *st, const char *kind, const char *lang, const char *slug, int inclusive, char found[16],
              int64_t *created_at, struct err *e)
{
	found[0] = '\0';
	*created_at = 0;
	sqlite3_stmt *s = store_prepare(st,
		inclusive ? "SELECT slug, created_at FROM reports WHERE kind = ?3 AND lang = ?1 AND slug <= ?2"
		            " ORDER BY slug DESC LIMIT 1"
		          : "SELECT slug, created_at FROM reports WHERE kind = ?3 AND lang = ?1 AND slug < ?2"
		            " ORDER BY slug DESC LIMIT 1",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, lang);
	store_bind_text(s, 2, slug);
	store_bind_text(s, 3, kind);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		str_copy(found, store_col_text(s, 0) ? store_col_text(s, 0) : "", 16);
		*created_at = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return err_set(e, "database %s: reading the last %s report: %s", st->path, kind, sqlite3_errmsg(st->db));
	return rc == SQLITE_ROW;
}

int
store_weekly_latest(struct store *st, const char *lang, const char *slug, int inclusive, char found[16],
                    int64_t *created_at, struct err *e)
{
	return report_latest(st, "weekly", lang, slug, inclusive, found, created_at, e);
}

int
store_daily_latest(struct store *st, const char *lang, const char *date, int inclusive, char found[16],
                   int64_t *created_at, struct err *e)
{
	return report_latest(st, "daily", lang, date, inclusive, found, created_at, e);
}

int
store_item_find(struct store *st, const char *key, int64_t *id, int64_t *when, struct err *e)
{
	long num;
	int by_id = str_to_long(key, 1, INT32_MAX, &num) == 0;
	sqlite3_stmt *s = store_prepare(st,
		by_id ? "SELECT id, published, first_seen FROM items WHERE id = ?1"
		      : "SELECT id, published, first_seen FROM items WHERE link = ?2 OR canonical_link = ?2"
		        " ORDER BY id LIMIT 1",
		e);
	if (!s)
		return -1;
	if (by_id)
		sqlite3_bind_int64(s, 1, num);
	else
		store_bind_text(s, 2, key);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		int64_t first_seen = sqlite3_column_int64(s, 2);
		int dated = sqlite3_column_type(s, 1) != SQLITE_NULL;
		int64_t published = dated ? sqlite3_column_int64(s, 1) : 0;
		*when = dated && published <= first_seen + 86400 ? published : first_seen;
		sqlite3_finalize(s);
		return 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database: %s", sqlite3_errmsg(st->db));
	return 0;
}
