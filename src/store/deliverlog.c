/* deliverlog.c: the delivery_log table (deliverlog.h). */
#include "store/deliverlog.h"

#include <sqlite3.h>

int
store_delivered(struct store *st, const char *report, const char *channel, const char *target, size_t part,
                struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		part ? "SELECT 1 FROM delivery_log WHERE report = ?1 AND channel = ?2 AND part = ?3"
		       " AND (target IS NULL OR target = ?4)"
		     : "SELECT 1 FROM delivery_log WHERE report = ?1 AND channel = ?2 AND part = parts"
		       " AND (target IS NULL OR target = ?4)",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, report);
	store_bind_text(s, 2, channel);
	store_bind_text(s, 4, target);
	if (part)
		sqlite3_bind_int64(s, 3, (sqlite3_int64)part);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return err_set(e, "database %s: reading the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	return rc == SQLITE_ROW;
}

int
store_delivery_record(struct store *st, const char *report, const char *channel, const char *target,
                      size_t part, size_t parts, int64_t sent_at, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO delivery_log(report, channel, part, parts, sent_at, target) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT(report, channel, part) DO UPDATE SET parts = excluded.parts, sent_at = excluded.sent_at,"
		" target = excluded.target",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, report);
	store_bind_text(s, 2, channel);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)part);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)parts);
	sqlite3_bind_int64(s, 5, sent_at);
	store_bind_text(s, 6, target);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: writing the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	return 0;
}

int
store_delivery_forget(struct store *st, const char *report, const char *channel, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "DELETE FROM delivery_log WHERE report = ?1 AND channel = ?2", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, report);
	store_bind_text(s, 2, channel);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: clearing the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	return 0;
}

int
store_delivery_forget_cut(struct store *st, const char *report, const char *channel, size_t parts, struct err *e)
{
	sqlite3_stmt *s =
		store_prepare(st, "DELETE FROM delivery_log WHERE report = ?1 AND channel = ?2 AND parts != ?3", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, report);
	store_bind_text(s, 2, channel);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)parts);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: clearing the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	return sqlite3_changes(st->db);
}

int64_t
store_delivery_nth_since(struct store *st, const char *target, int64_t since, size_t nth, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT sent_at FROM delivery_log WHERE target = ?1 AND sent_at > ?2 ORDER BY sent_at DESC LIMIT 1 OFFSET ?3",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, target);
	sqlite3_bind_int64(s, 2, since);
	sqlite3_bind_int64(s, 3, nth ? (sqlite3_int64)nth - 1 : 0);
	int rc = sqlite3_step(s);
	int64_t at = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return err_set(e, "database %s: reading the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	return at;
}
