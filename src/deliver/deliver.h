/* deliver.h: send a finished report to a named delivery channel from the config file.
 *
 * A channel is a config section `[deliver "NAME"]` (looked up as "deliver.NAME") with
 * `type = webhook|slack|discord|feishu|dingtalk|wecom|telegram|email` and type-specific
 * keys (see docs/deliver.md):
 *     webhook   url, [header = "Name: value"]           POST the whole message as JSON
 *     slack     url                                     incoming webhook, mrkdwn text
 *     discord   url                                     webhook, content <= 2000 chars
 *     feishu    url, [secret]                           bot webhook (Lark too), optional sign
 *     dingtalk  url, [secret]                           markdown msg, optional HMAC-SHA256 sign
 *     wecom     url                                     markdown msg, <= 4096 bytes
 *     telegram  bot_token, chat_id, [api_base], [parse_mode = html|plain]
 *     email     smtp_url, from, to, [username], [password], [starttls = yes|no]
 *     wechat_mp appid, secret, cover (an image file), [author], [open_comment = yes|no],
 *               [api_base]: the article/weekly/daily as a draft in a 公众号's draft box
 * Every channel also accepts `timeout` (seconds, default 20). Values may use ${ENV} (config.c)
 * so secrets can live in the environment; secrets (url tokens, secret, bot_token, password)
 * never appear in errors or logs.
 *
 * Messages longer than a channel's limit are split on paragraph/line boundaries (never inside
 * a UTF-8 sequence) and each part is numbered "(1/3)". Delivery is one HTTP/SMTP exchange at a
 * time with libcurl's easy interface; it stops at the first part that fails. Each accepted
 * part is recorded in the store's delivery log, so that a rerun resumes where it stopped. */
#ifndef BRIEF_DELIVER_DELIVER_H
#define BRIEF_DELIVER_DELIVER_H

#include <stddef.h>

#include "store/store.h"
#include "util/config.h"
#include "util/err.h"

/* What a report hands to delivery. All strings are UTF-8 and owned by the caller; any may be
 * NULL except title. Channels pick the form that suits them: chat bots take markdown (or text),
 * email takes html + text, the generic webhook gets everything. */
struct deliver_message {
	const char *title;    /* "brief 日报 2026-02-21" — subject line / card title */
	const char *date;     /* "2026-02-21" (the report's date, reader's time zone) */
	const char *markdown; /* the Markdown report */
	const char *html;     /* the self-contained HTML page */
	const char *text;     /* plain text (falls back to markdown when NULL) */
	const char *url;      /* optional link to the archived report (e.g. from brief serve) */
	/* For the 公众号 draft box (wechat_mp); other channels ignore them. */
	const char *wechat_html; /* the --format wechat fragment: the draft's content */
	const char *digest;      /* plain-text summary (the article's hook); cut to 128 characters */
	const char *author;      /* the byline, unless the channel sets its own author */
	const char *wechat_note; /* what wechat_html leaves out to fit the draft box, said on stderr; NULL = nothing */
	struct store *store;     /* where the token and the cover's media id are kept; NULL = not kept */
	/* The report as the store names it, "KIND/SLUG/LANG" ("daily/2026-02-21/zh"): with store,
	 * the parts each channel accepts are recorded in its delivery log (store/deliverlog.h)
	 * and a rerun sends only the parts that did not go out. NULL = no log: everything is sent. */
	const char *report;
	int redeliver; /* forget the log of report first: every channel gets all of it again (but a
	                * redelivery cut short is resumed: store_redelivery_begin) */
};

/* Deliver msg to the channel `name` configured in cfg. Returns 0 when every part was accepted,
 * -1 with a one-line reason in e (naming the channel, never a secret) when the channel is not
 * configured, misconfigured, unreachable, or the service answered with an error. With a
 * delivery log (msg->store and msg->report), parts an earlier run delivered to the channel's
 * present target (its URL, chat or recipients; a changed one gets it all) are skipped, each
 * part accepted now is recorded, and 1 is returned, nothing sent, when the channel already
 * has the whole report. The 公众号 draft box (wechat_mp) keeps no log: each run adds a draft. */
int deliver_send(const struct config *cfg, const char *name, const struct deliver_message *msg,
                 struct err *e);

/* Whether the channel `name` lacks part of report ("KIND/SLUG/LANG"): its delivery log does not
 * hold the report's last part for the channel's present target (a run killed, or the service
 * gone, before or between parts; the channel named for the first time). Returns 1 or 0, or -1
 * with e set (the channel not configured, a database error). The 公众号 draft box (wechat_mp)
 * keeps no log: never. */
int deliver_unfinished(const struct config *cfg, const char *name, struct store *st, const char *report,
                       struct err *e);

/* Names of the configured channels (sections "deliver.*"), in file order, without duplicates.
 * Returns the count and sets *names to a malloc'd array of pointers into cfg (free the array
 * only). */
size_t deliver_list(const struct config *cfg, const char ***names);

/* Check a channel's configuration without sending anything (type known, required keys present,
 * timeout, telegram's parse_mode, email's smtp_url scheme and starttls, the webhook's header,
 * the 公众号 cover file). Returns 0, or -1 with e set. Used by `brief doctor` and by the report
 * commands before any work (cmd_deliver_check). */
int deliver_check(const struct config *cfg, const char *name, struct err *e);

/* Whether key is one a channel's section ([deliver "NAME"]) may set, for any type (the keys of
 * brief.conf(5)'s [deliver NAME]; case-insensitive). Used by `brief doctor` to name a key
 * that is misspelt, and so silently ignored. */
int deliver_key_is_known(const char *key);

#endif
