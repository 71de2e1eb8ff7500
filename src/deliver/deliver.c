/* deliver.c: look up a named channel in the config, check it, and dispatch to its type. */
#include "deliver/deliver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deliver/channel.h"
#include "store/deliverlog.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/html.h"
#include "util/log.h"
#include "util/redact.h"
#include "util/str.h"

typedef int (*channel_send_fn)(const struct channel *ch, const struct deliver_message *msg, struct err *e);

/* How a type's deliveries are logged: part by part (chat_send_parts), as one part (one
 * request or mail), or not at all (a 公众号 draft is no publication: each run adds one). */
enum channel_log { LOG_PARTS, LOG_WHOLE, LOG_NONE };

/* A DingTalk robot takes 20 messages a minute and refuses the 21st (errcode 130101) and
 * every one for the next 10 minutes; a WeCom robot takes 20 a minute (errcode 45009). A
 * Feishu (Lark) custom bot takes 5 a second and 100 a minute (code 11232, frequency
 * limited). Each window has time to spare: a second a minute, a tenth of a second a second. */
static const struct send_limit robot_limits[] = {{20, 61000}, {0, 0}};
static const struct send_limit feishu_limits[] = {{5, 1100}, {100, 61000}, {0, 0}};

/* One row per channel type: how to send, which keys it cannot do without, how it is logged,
 * and the key that says where it sends (the delivery log's target: a report logged for one
 * URL, chat or recipient list is not logged for another, docs/deliver.md "Reruns"). */
static const struct channel_type {
	const char *type;
	channel_send_fn send;
	const char *required[4];
	enum channel_log log;
	const char *target;
	const struct send_limit *limits; /* what a target takes, by the service's rules (NULL: no limit to keep) */
} channel_types[] = {
	{"dingtalk", sign_send_dingtalk, {"url"}, LOG_PARTS, "url", robot_limits},
	{"discord", chat_send_discord, {"url"}, LOG_PARTS, "url", NULL},
	{"email", email_send, {"smtp_url", "from", "to"}, LOG_WHOLE, "to", NULL},
	{"feishu", sign_send_feishu, {"url"}, LOG_PARTS, "url", feishu_limits},
	{"lark", sign_send_feishu, {"url"}, LOG_PARTS, "url", feishu_limits},
	{"slack", chat_send_slack, {"url"}, LOG_PARTS, "url", NULL},
	{"telegram", chat_send_telegram, {"bot_token", "chat_id"}, LOG_PARTS, "chat_id", NULL},
	{"webhook", chat_send_webhook, {"url"}, LOG_WHOLE, "url", NULL},
	{"wechat_mp", wechat_mp_send, {"appid", "secret", "cover"}, LOG_NONE, NULL, NULL},
	{"wecom", chat_send_wecom, {"url"}, LOG_PARTS, "url", robot_limits},
};
#define CHANNEL_TYPE_COUNT (sizeof channel_types / sizeof channel_types[0])

/* Keys whose values are secrets wherever they appear. */
static const char *const secret_keys[] = {"secret", "bot_token", "password", "username", "token"};
/* Keys holding URLs whose path and query may carry a token (webhook keys live there). */
static const char *const url_keys[] = {"url", "smtp_url"};

/* Every key a channel reads, whatever its type (channel_get/channel_need callers). */
static const char *const channel_keys[] = {
	"type",   "url",     "header",   "secret",   "bot_token",    "chat_id",    "api_base",
	"appid",  "cover",   "author",   "timeout",  "open_comment", "parse_mode", "smtp_url",
	"from",   "to",      "username", "password", "starttls",     "ca_file",
};

int
deliver_key_is_known(const char *key)
{
	for (size_t i = 0; i < sizeof channel_keys / sizeof channel_keys[0]; i++)
		if (str_casecmp(key, channel_keys[i]) == 0)
			return 1;
	return 0;
}

const char *
channel_get(const struct channel *ch, const char *key)
{
	return config_get(ch->cfg, ch->section, key);
}

int
channel_need(const struct channel *ch, const char *key, const char **out, struct err *e)
{
	const char *v = channel_get(ch, key);
	if (!v || !*v)
		return err_set(e, "deliver %s (%s): missing \"%s\" in [deliver \"%s\"]", ch->name,
		               ch->type ? ch->type : "?", key, ch->name);
	*out = v;
	return 0;
}

/* Hide in msg each piece of a URL's path and query (path: "/a/b?k=v&k2=v2") of 8 bytes or
 * more: a service's error may repeat one alone ("unknown token tok-9f8e7d6c"). Shorter pieces
 * ("hook", "send") are words an error says anyway, and name no secret. */
static void
redact_url_pieces(char *msg, const char *path)
{
	char piece[512];
	for (const char *p = path; p && *p;) {
		p += strspn(p, "/?&=");
		size_t n = strcspn(p, "/?&=#");
		if (n >= 8 && n < sizeof piece) {
			memcpy(piece, p, n);
			piece[n] = '\0';
			redact_secret(msg, piece);
		}
		p += n;
		if (*p == '#')
			break;
	}
}

void
channel_redact(const struct channel *ch, struct err *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < sizeof secret_keys / sizeof secret_keys[0]; i++) {
		const char *v = channel_get(ch, secret_keys[i]);
		if (v)
			redact_secret(e->msg, v);
	}
	for (size_t i = 0; i < sizeof url_keys / sizeof url_keys[0]; i++) {
		const char *v = channel_get(ch, url_keys[i]);
		if (!v)
			continue;
		redact_secret(e->msg, v);
		/* The path and query after the host: "/services/T000/B000/XXXX", "?access_token=…". */
		const char *host = strstr(v, "://");
		const char *path = host ? strpbrk(host + 3, "/?") : NULL;
		if (path && strlen(path) > 1)
			redact_secret(e->msg, path);
		redact_url_pieces(e->msg, path);
	}
}

int
channel_part_sent(const struct channel *ch, size_t part, struct err *e)
{
	if (!ch->log || !ch->report)
		return 0;
	return store_delivered(ch->log, ch->report, ch->section + 8, ch->target, part, e);
}

int
channel_parts_begin(const struct channel *ch, size_t parts, struct err *e)
{
	if (!ch->log || !ch->report)
		return 0;
	int n = store_delivery_forget_cut(ch->log, ch->report, ch->section + 8, parts, e);
	if (n > 0)
		log_info("deliver %s (%s): an earlier run sent part of a report cut into another number of parts; "
		         "sending all %zu parts of this one",
		         ch->name, ch->type, parts);
	return n < 0 ? -1 : 0;
}

int
channel_pace(const struct channel *ch, struct err *e)
{
	if (!ch->log || !ch->report || !ch->limits)
		return 0;
	int64_t now = sign_wall_ms(), wait = 0;
	const struct send_limit *over = NULL;
	for (const struct send_limit *l = ch->limits; l->count; l++) {
		int64_t at = store_delivery_nth_since(ch->log, ch->target, now - l->window_ms, l->count, e);
		if (at < 0)
			return -1;
		if (at > 0 && at + l->window_ms - now > wait) {
			wait = at + l->window_ms - now;
			over = l;
		}
	}
	if (wait <= 0)
		return 0;
	if (over->window_ms >= 60000) /* a second's wait between parts is not news */
		log_info("deliver %s (%s): the robot took %zu messages in the last minute, as many as it takes; "
		         "waiting %lld s",
		         ch->name, ch->type, over->count, (long long)(wait + 999) / 1000);
	struct timespec ts = {(time_t)(wait / 1000), (long)(wait % 1000) * 1000000};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return 0;
}

void
channel_part_done(const struct channel *ch, size_t part, size_t parts)
{
	struct err e;
	if (ch->log && ch->report &&
	    store_delivery_record(ch->log, ch->report, ch->section + 8, ch->target, part, parts, sign_wall_ms(),
	                          &e) < 0)
		log_warn("deliver %s (%s): part %zu/%zu was accepted but not recorded (a rerun sends it again): %s",
		         ch->name, ch->type, part, parts, e.msg);
}

/* The log's target for one mail recipient: a hash of "to" and the address in lower case, into
 * out (33 bytes). A list of one address written alone has the target of the whole list. */
static void
recipient_target(const char *addr, size_t len, char *out)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "to\n%.*s", (int)len, addr);
	str_lower(b.data);
	hash_hex128(b.data, b.len, out);
	buf_free(&b);
}

int
channel_recipient_sent(const struct channel *ch, const char *addr, size_t len, struct err *e)
{
	if (!ch->log || !ch->report)
		return 0;
	char target[33];
	recipient_target(addr, len, target);
	return store_delivered(ch->log, ch->report, ch->section + 8, target, 0, e);
}

void
channel_recipient_done(const struct channel *ch, const char *addr, size_t len)
{
	struct err e;
	char target[33];
	if (!ch->log || !ch->report)
		return;
	recipient_target(addr, len, target);
	if (store_delivery_record(ch->log, ch->report, ch->section + 8, target, 1, 1, sign_wall_ms(), &e) < 0)
		log_warn("deliver %s (%s): the mail to %.*s went out but was not recorded (a rerun mails it again): %s",
		         ch->name, ch->type, (int)len, addr, e.msg);
}

/* Set ch->target: a hash of the type's target key and its value, as written in the config
 * (after ${ENV}). Secrets in it (a webhook URL's token) are not kept, only the hash. */
static void
channel_target(struct channel *ch, const struct channel_type *t)
{
	struct buf b = BUF_INIT;
	const char *v = t->target ? channel_get(ch, t->target) : NULL;
	buf_printf(&b, "%s\n%s", t->target ? t->target : "", v ? v : "");
	hash_hex128(b.data, b.len, ch->target);
	buf_free(&b);
}

static const struct channel_type *
find_type(const char *type)
{
	for (size_t i = 0; i < CHANNEL_TYPE_COUNT; i++)
		if (str_casecmp(channel_types[i].type, type) == 0)
			return &channel_types[i];
	return NULL;
}

/* The values a channel type takes from a fixed set, and the file it reads, checked with the
 * rest of its configuration: `brief doctor` and a report command's check before any work
 * (cmd_deliver_check) catch a misspelt one, not the delivery at the end of the run. The send
 * functions keep their own checks. Returns 0 or -1 with e set. */
static int
check_values(const struct channel *ch, struct err *e)
{
	const char *v;
	int on;
	if (str_casecmp(ch->type, "telegram") == 0 && (v = channel_get(ch, "parse_mode")) &&
	    str_casecmp(v, "html") != 0 && str_casecmp(v, "plain") != 0)
		return err_set(e, "deliver %s (telegram): parse_mode is html or plain, not \"%s\"", ch->name, v);
	if (str_casecmp(ch->type, "email") == 0) {
		v = channel_get(ch, "smtp_url");
		if (!str_istarts(v, "smtp://") && !str_istarts(v, "smtps://"))
			return err_set(e, "deliver %s (email): smtp_url must start with smtp:// or smtps://", ch->name);
		if ((v = channel_get(ch, "starttls")) && *v && config_bool(v, &on) < 0)
			return err_set(e, "deliver %s (email): starttls is yes or no, not \"%s\"", ch->name, v);
	}
	if (str_casecmp(ch->type, "webhook") == 0 && (v = channel_get(ch, "header")) && !strchr(v, ':'))
		return err_set(e, "deliver %s (webhook): header must look like \"Name: value\"", ch->name);
	if (str_casecmp(ch->type, "wechat_mp") == 0 && !fs_exists(channel_get(ch, "cover")))
		return err_set(e, "deliver %s (wechat_mp): cover: no file %s", ch->name, channel_get(ch, "cover"));
	return 0;
}

/* Resolve and validate the channel; on success *type_out is its row. */
static int
channel_open(struct channel *ch, const struct config *cfg, const char *name,
             const struct channel_type **type_out, struct err *e)
{
	memset(ch, 0, sizeof *ch);
	ch->cfg = cfg;
	ch->name = name;
	if (!name || !*name)
		return err_set(e, "deliver: no channel name given");
	snprintf(ch->section, sizeof ch->section, "deliver.%s", name);
	str_lower(ch->section);
	ch->type = channel_get(ch, "type");
	if (!ch->type) {
		int exists = 0;
		for (size_t i = 0; cfg && i < cfg->count; i++)
			if (str_casecmp(cfg->entries[i].section, ch->section) == 0)
				exists = 1;
		if (!exists)
			return err_set(e, "deliver %s: no [deliver \"%s\"] section in the config file%s%s", name,
			               name, cfg && cfg->path ? " " : "", cfg && cfg->path ? cfg->path : "");
		return err_set(e, "deliver %s: [deliver \"%s\"] has no \"type\" (webhook, slack, discord, "
		                  "feishu, dingtalk, wecom, telegram, email or wechat_mp)",
		               name, name);
	}
	const struct channel_type *t = find_type(ch->type);
	if (!t)
		return err_set(e, "deliver %s: unknown type \"%s\" (webhook, slack, discord, feishu, dingtalk, "
		                  "wecom, telegram, email or wechat_mp)",
		               name, ch->type);
	for (size_t i = 0; i < 4 && t->required[i]; i++) {
		const char *v;
		if (channel_need(ch, t->required[i], &v, e) < 0)
			return -1;
	}
	ch->timeout_s = 20;
	const char *to = channel_get(ch, "timeout");
	if (to && str_to_long(to, 1, 600, &ch->timeout_s) < 0)
		return err_set(e, "deliver %s: timeout must be 1..600 seconds, not \"%s\"", name, to);
	if (check_values(ch, e) < 0)
		return -1;
	*type_out = t;
	return 0;
}

/* The delivery to ch went through: a redelivery under way is over (store_redelivery_end). A
 * write that fails is only warned about: a --redeliver rerun would take the report for
 * delivered in part and send nothing. */
static void
redelivery_done(const struct channel *ch)
{
	struct err e;
	if (ch->log && ch->report && store_redelivery_end(ch->log, ch->report, ch->section + 8, &e) < 0)
		log_warn("deliver %s (%s): %s", ch->name, ch->type, e.msg);
}

int
deliver_check(const struct config *cfg, const char *name, struct err *e)
{
	struct channel ch;
	const struct channel_type *t;
	if (channel_open(&ch, cfg, name, &t, e) < 0) {
		channel_redact(&ch, e);
		return -1;
	}
	return 0;
}

int
deliver_send(const struct config *cfg, const char *name, const struct deliver_message *msg, struct err *e)
{
	struct channel ch;
	const struct channel_type *t;
	int rc = channel_open(&ch, cfg, name, &t, e);
	if (rc == 0) {
		if (!msg || !msg->title) {
			rc = err_set(e, "deliver %s: nothing to send", name);
		} else {
			struct buf title = BUF_INIT;
			html_plain_line(&title, msg->title); /* one line: no reordering, no header break */
			struct deliver_message clean = *msg;
			clean.title = buf_str(&title);
			if (t->log != LOG_NONE) {
				ch.log = msg->store;
				ch.report = msg->report;
				channel_target(&ch, t);
				ch.limits = t->limits;
			}
			/* --redeliver: what an earlier run sent counts for nothing, unless it is what an
			 * earlier --redeliver sent before it was cut short (each part is logged as it
			 * goes): the rerun goes on from there. Otherwise the channel that has the whole
			 * report already (an earlier run): 1, nothing sent. */
			rc = msg->redeliver && ch.log && ch.report
			             ? store_redelivery_begin(ch.log, ch.report, ch.section + 8, ch.target, e)
			             : 0;
			if (rc == 1)
				log_info("deliver %s (%s): an earlier --redeliver of this report stopped part-way; going on "
				         "from where it stopped",
				         name, ch.type);
			if (rc >= 0)
				rc = channel_part_sent(&ch, 0, e);
			if (rc < 0)
				err_wrap(e, "deliver %s (%s)", name, ch.type);
			if (rc == 0) {
				rc = t->send(&ch, &clean, e);
				if (rc == 0 && t->log == LOG_WHOLE)
					channel_part_done(&ch, 1, 1);
			}
			if (rc >= 0)
				redelivery_done(&ch);
			buf_free(&title);
		}
	}
	if (rc < 0)
		channel_redact(&ch, e);
	return rc;
}

int
deliver_unfinished(const struct config *cfg, const char *name, struct store *st, const char *report, struct err *e)
{
	struct channel ch;
	const struct channel_type *t;
	if (channel_open(&ch, cfg, name, &t, e) < 0) {
		channel_redact(&ch, e);
		return -1;
	}
	if (t->log == LOG_NONE || !st || !report)
		return 0; /* a draft box keeps no log */
	ch.log = st;
	ch.report = report;
	channel_target(&ch, t);
	int whole = channel_part_sent(&ch, 0, e);
	return whole < 0 ? -1 : !whole;
}

size_t
deliver_list(const struct config *cfg, const char ***names)
{
	*names = NULL;
	size_t n = 0;
	for (size_t i = 0; cfg && i < cfg->count; i++) {
		const char *sec = cfg->entries[i].section;
		if (!str_starts(sec, "deliver.") || !sec[8])
			continue;
		const char *name = sec + 8;
		int seen = 0;
		for (size_t j = 0; j < n; j++)
			if (strcmp((*names)[j], name) == 0)
				seen = 1;
		if (seen)
			continue;
		*names = xrealloc(*names, (n + 1) * sizeof **names);
		(*names)[n++] = name;
	}
	return n;
}
