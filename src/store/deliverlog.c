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
		       " AND part > 0 AND (target IS NULL OR target = ?4)",
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

/* Keep that target accepted a message at sent_ms (table delivery_sends), dropping the times
 * older than an hour (of every target: an email channel logs one per recipient). Returns 0 or -1 with e set. */
static int
send_time_record(struct store *st, const char *target, int64_t sent_ms, struct err *e)
{
	static const char *const sql[] = {
		"DELETE FROM delivery_sends WHERE sent_ms < ?2 - 3600000",
		"INSERT INTO delivery_sends(target, sent_ms) VALUES (?1, ?2)",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *s = store_prepare(st, sql[i], e);
		if (!s)
			return -1;
		store_bind_text(s, 1, target);
		sqlite3_bind_int64(s, 2, sent_ms);
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return err_set(e, "database %s: writing the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	}
	return 0;
}

int
store_delivery_record(struct store *st, const char *report, const char *channel, const char *target,
                      size_t part, size_t parts, int64_t sent_ms, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO delivery_log(report, channel, part, parts, sent_at, target) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT(report, channel, target, part) DO UPDATE SET parts = excluded.parts, sent_at = excluded.sent_at",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, report);
	store_bind_text(s, 2, channel);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)part);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)parts);
	sqlite3_bind_int64(s, 5, sent_ms / 1000);
	store_bind_text(s, 6, target);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: writing the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	/* The send time, kept when the report's rows are forgotten (channel_pace reads it); times
	 * older than an hour count for no limit any more. */
	if (!target)
		return 0;
	return send_time_record(st, target, sent_ms, e);
}

/* Run sql with ?1 report, ?2 channel and ?3 target bound; doing says what for an error.
 * Returns 1 when it gave a row, 0 when not, -1 with e set. */
static int
log_step(struct store *st, const char *sql, const char *report, const char *channel, const char *target,
         const char *doing, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, sql, e);
	if (!s)
		return -1;
	store_bind_text(s, 1, report);
	store_bind_text(s, 2, channel);
	if (sqlite3_bind_parameter_count(s) >= 3)
		store_bind_text(s, 3, target);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return err_set(e, "database %s: %s the delivery log: %s", st->path, doing, sqlite3_errmsg(st->db));
	return rc == SQLITE_ROW;
}

int
store_redelivery_begin(struct store *st, const char *report, const char *channel, const char *target,
                       struct err *e)
{
	int under_way = log_step(st, "SELECT 1 FROM delivery_log WHERE report = ?1 AND channel = ?2 AND part = 0",
	                         report, channel, NULL, "reading", e);
	if (under_way != 0)
		return under_way;
	/* Killed between the two, the rerun finds no mark and forgets again: nothing went out. */
	if (log_step(st, "DELETE FROM delivery_log WHERE report = ?1 AND channel = ?2", report, channel, NULL,
	             "clearing", e) < 0 ||
	    log_step(st,
	             "INSERT INTO delivery_log(report, channel, part, parts, sent_at, target)"
	             " VALUES (?1, ?2, 0, 0, CAST(strftime('%s', 'now') AS INTEGER), ?3)",
	             report, channel, target, "writing", e) < 0)
		return -1;
	return 0;
}

int
store_redelivery_end(struct store *st, const char *report, const char *channel, struct err *e)
{
	int rc = log_step(st, "DELETE FROM delivery_log WHERE report = ?1 AND channel = ?2 AND part = 0", report,
	                  channel, NULL, "clearing", e);
	return rc < 0 ? -1 : 0;
}

int
store_delivery_forget_cut(struct store *st, const char *report, const char *channel, size_t parts, struct err *e)
{
	sqlite3_stmt *s =
		store_prepare(st, "DELETE FROM delivery_log WHERE report = ?1 AND channel = ?2 AND parts != ?3 AND part > 0", e);
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
store_delivery_nth_since(struct store *st, const char *target, int64_t since_ms, size_t nth, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT sent_ms FROM delivery_sends WHERE target = ?1 AND sent_ms > ?2 ORDER BY sent_ms DESC LIMIT 1 OFFSET ?3",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, target);
	sqlite3_bind_int64(s, 2, since_ms);
	sqlite3_bind_int64(s, 3, nth ? (sqlite3_int64)nth - 1 : 0);
	int rc = sqlite3_step(s);
	int64_t at = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return err_set(e, "database %s: reading the delivery log: %s", st->path, sqlite3_errmsg(st->db));
	return at;
}
