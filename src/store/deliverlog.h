/* deliverlog.h: which parts of a report each delivery channel has accepted (table
 * delivery_log), so that a rerun resumes a delivery cut short instead of sending it all again.
 * A report is named "KIND/SLUG/LANG" (the reports table's key, e.g. "daily/2026-02-21/zh"),
 * a channel by its [deliver "NAME"] name and target (a hash of where it sends: the webhook
 * URL, the Telegram chat, the mail recipients; deliver.c); parts are numbered from 1. A row
 * of another target is not the channel's: a corrected URL gets the report. An email channel
 * logs each recipient it mailed as a target of its own (deliver.c). Rows written before
 * targets were kept (NULL) count for any target. A row of part 0 (parts 0) is no part: it marks
 * a --redeliver under way (store_redelivery_begin). */
#ifndef BRIEF_STORE_DELIVERLOG_H
#define BRIEF_STORE_DELIVERLOG_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

/* Whether part (1..) of report went to channel: 1 yes, 0 no, -1 with e set on a database
 * error. part 0 asks whether the whole report did: its last part was accepted (parts go out
 * in order, so every part before it was too). */
int store_delivered(struct store *st, const char *report, const char *channel, const char *target, size_t part,
                    struct err *e);
/* Record that channel, sending to target, accepted part (1..parts) of report at sent_ms (UTC
 * milliseconds; the log keeps the second), and that target took a message then (kept apart:
 * forgetting the report keeps it, store_delivery_nth_since). Returns 0 or -1 with e set. */
int store_delivery_record(struct store *st, const char *report, const char *channel, const char *target,
                          size_t part, size_t parts, int64_t sent_ms, struct err *e);
/* When target accepted its nth latest message (1..) of any report after since_ms (UTC
 * milliseconds), by the send times store_delivery_record kept, whatever has been forgotten of
 * the reports since (--redeliver, a report cut anew): 0 when it accepted fewer than nth since
 * then, -1 with e set on a database error. A robot that takes 20 messages a minute may take
 * one more a minute after the 20th latest's time. */
int64_t store_delivery_nth_since(struct store *st, const char *target, int64_t since_ms, size_t nth,
                                 struct err *e);
/* Forget the parts channel accepted of report when it was cut into another number of parts
 * than parts (the report regenerated longer or shorter, the channel's limit changed): they
 * are parts of another text, which the one now cut does not continue. Returns how many rows
 * were forgotten, or -1 with e set. */
int store_delivery_forget_cut(struct store *st, const char *report, const char *channel, size_t parts,
                              struct err *e);
/* Start a --redeliver of report to channel (sending to target): forget what channel accepted
 * of it, so the delivery sends it whole, and mark the redelivery as under way (a row of part
 * 0) until store_redelivery_end. When the mark is there already, an earlier --redeliver was cut
 * short (killed, a part refused): nothing is forgotten, so that the parts it sent are not sent
 * again. Returns 0 (forgotten), 1 (an unfinished redelivery: resumed) or -1 with e set. */
int store_redelivery_begin(struct store *st, const char *report, const char *channel, const char *target,
                           struct err *e);
/* The delivery of report to channel went through (every part, or it had them all): a later
 * --redeliver sends it whole again. Returns 0 or -1 with e set. */
int store_redelivery_end(struct store *st, const char *report, const char *channel, struct err *e);

#endif
