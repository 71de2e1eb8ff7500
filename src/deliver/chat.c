/* chat.c: the webhook-style channels without signing: generic JSON webhook, Slack, Discord,
 * WeCom and Telegram, and the part-by-part sending loop they share with sign.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deliver/channel.h"
#include "report/escape.h"
#include "util/log.h"
#include "util/str.h"

/* Size limits, in the unit each service counts. Slack accepts up to 40,000 characters but
 * renders long texts poorly and recommends 4,000; mrkdwn escaping can grow a part a little. */
#define SLACK_LIMIT 3800
#define DISCORD_LIMIT 2000
#define WECOM_LIMIT 4096
#define TELEGRAM_LIMIT 4096

void
chat_body(const struct deliver_message *msg, struct buf *out)
{
	mdconv_for_chat(msg->markdown ? msg->markdown : msg->text, out);
}

void
chat_header(struct buf *out, const char *open, const char *title, const char *close)
{
	buf_puts(out, open);
	esc_md_inline(out, title);
	buf_puts(out, close);
}

/* How long a part answered 429 is retried: each wait as the service names it, up to
 * RETRY_WAIT_MAX_S (Telegram's flood control answers a group's 21st message within a minute
 * with the seconds left of that minute), while the waits for one part add up to at most
 * RETRY_BUDGET_S and the tries to RETRY_TRIES. */
#define RETRY_WAIT_MAX_S 60
#define RETRY_BUDGET_S 120
#define RETRY_TRIES 10

/* Seconds to wait before retrying a 429 answer, capped at RETRY_WAIT_MAX_S: Discord and
 * Telegram say so in JSON ("retry_after", "parameters.retry_after"), Slack in a Retry-After
 * header; else 1. */
static double
retry_after(const struct http_reply *reply)
{
	json_t *root = json_loadb(reply->body.data ? reply->body.data : "", reply->body.len, 0, NULL);
	double s = 1;
	json_t *v = json_object_get(root, "retry_after");
	if (!v)
		v = json_object_get(json_object_get(root, "parameters"), "retry_after");
	if (json_is_number(v))
		s = json_number_value(v);
	else if (reply->retry_after >= 0)
		s = (double)reply->retry_after;
	json_decref(root);
	return s < 0 ? 0 : s > RETRY_WAIT_MAX_S ? RETRY_WAIT_MAX_S : s;
}

/* Whether reply asks for the part to be sent again later: a 429, or a Feishu (Lark) bot's
 * refusal of a message over its limit, which names no wait: HTTP 400 with code 9499 ("too many
 * request") or code 11232 ("frequency limited") in a 200. brief paces its own messages
 * (channel_pace); these come of messages another program sent through the same bot. DingTalk's
 * 130101 is not one: its robot refuses everything for 10 minutes after. */
static int
is_busy(const struct channel *ch, const struct http_reply *reply)
{
	if (reply->status == 429)
		return 1;
	if (str_casecmp(ch->type, "feishu") != 0 && str_casecmp(ch->type, "lark") != 0)
		return 0;
	json_t *root = json_loadb(reply->body.data ? reply->body.data : "", reply->body.len, 0, NULL);
	json_t *code = json_object_get(root, "code");
	int busy = json_is_integer(code) && (json_integer_value(code) == 9499 || json_integer_value(code) == 11232);
	json_decref(root);
	return busy;
}

int
chat_send_parts(const struct channel *ch, const struct buf *parts, size_t count, chat_build_fn build, void *ctx,
                const char *code_key, const char *msg_key, struct err *e)
{
	size_t i = 0;
	if (channel_parts_begin(ch, count, e) < 0)
		return err_wrap(e, "deliver %s (%s)", ch->name, ch->type);
	for (const char *part = split_next(parts, NULL); part; part = split_next(parts, part), i++) {
		int sent = channel_part_sent(ch, i + 1, e);
		if (sent < 0)
			return err_wrap(e, "deliver %s (%s)", ch->name, ch->type);
		if (sent) {
			log_info("deliver %s (%s): part %zu/%zu went out in an earlier run; not sent again", ch->name,
			         ch->type, i + 1, count);
			continue;
		}
		if (channel_pace(ch, e) < 0)
			return err_wrap(e, "deliver %s (%s)", ch->name, ch->type);
		double waited = 0;
		for (int attempt = 0;; attempt++) {
			struct buf url = BUF_INIT;
			json_t *payload = NULL;
			struct http_reply reply;
			int rc = build(ch, part, ctx, &url, &payload, e);
			if (rc == 0)
				rc = http_post_json(ch, buf_str(&url), payload, NULL, &reply, e);
			buf_free(&url);
			if (rc < 0)
				return count > 1 ? err_wrap(e, "part %zu/%zu", i + 1, count) : -1;
			int busy = is_busy(ch, &reply);
			double wait = busy ? retry_after(&reply) : 0;
			if (busy && attempt < RETRY_TRIES && waited + wait <= RETRY_BUDGET_S) {
				waited += wait;
				buf_free(&reply.body);
				struct timespec ts = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
				nanosleep(&ts, NULL);
				continue;
			}
			rc = http_expect_api(&reply, code_key, msg_key, e);
			buf_free(&reply.body);
			if (rc < 0) {
				if (count > 1)
					err_wrap(e, "part %zu/%zu", i + 1, count);
				return err_wrap(e, "deliver %s (%s)", ch->name, ch->type);
			}
			channel_part_done(ch, i + 1, count);
			break;
		}
	}
	return 0;
}

/* ---- generic webhook: the whole message as one JSON object, no splitting ---- */

int
chat_send_webhook(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	const char *url = channel_get(ch, "url");
	json_t *o = json_object();
	json_object_set_new(o, "title", channel_jstr(msg->title));
	json_object_set_new(o, "date", msg->date ? channel_jstr(msg->date) : json_null());
	json_object_set_new(o, "markdown", msg->markdown ? channel_jstr(msg->markdown) : json_null());
	json_object_set_new(o, "html", msg->html ? channel_jstr(msg->html) : json_null());
	json_object_set_new(o, "text", msg->text ? channel_jstr(msg->text) : json_null());
	json_object_set_new(o, "url", msg->url ? channel_jstr(msg->url) : json_null());
	const char *header = channel_get(ch, "header");
	const char *headers[] = {header, NULL};
	if (header && !strchr(header, ':')) {
		json_decref(o);
		return err_set(e, "deliver %s (webhook): header must look like \"Name: value\"", ch->name);
	}
	struct http_reply reply;
	if (http_post_json(ch, url, o, header ? headers : NULL, &reply, e) < 0)
		return -1;
	int rc = http_expect_2xx(&reply, e);
	buf_free(&reply.body);
	return rc < 0 ? err_wrap(e, "deliver %s (webhook)", ch->name) : 0;
}

/* ---- Slack incoming webhook: {"text": mrkdwn} ---- */

static int
build_slack(const struct channel *ch, const char *part, void *ctx, struct buf *url, json_t **payload, struct err *e)
{
	struct buf text = BUF_INIT;
	mdconv_slack(part, &text);
	*payload = json_pack("{s:o, s:b}", "text", channel_jstr(buf_str(&text)), "mrkdwn", 1);
	buf_free(&text);
	buf_puts(url, channel_get(ch, "url"));
	return 0;
}

int
chat_send_slack(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct buf body = BUF_INIT, parts = BUF_INIT, header = BUF_INIT;
	chat_body(msg, &body);
	chat_header(&header, "**", msg->title, "**");
	size_t n = split_with_header(buf_str(&body), buf_str(&header), SLACK_LIMIT, SPLIT_CHARS, &parts);
	int rc = chat_send_parts(ch, &parts, n, build_slack, NULL, NULL, NULL, e);
	buf_free(&body);
	buf_free(&parts);
	buf_free(&header);
	return rc;
}

/* ---- Discord webhook: {"content"} of at most 2000 characters, no pings ---- */

static int
build_discord(const struct channel *ch, const char *part, void *ctx, struct buf *url, json_t **payload,
              struct err *e)
{
	/* Feed text could say "@everyone": allowed_mentions with no parse list pings nobody. Flags 4
	 * (SUPPRESS_EMBEDS): no link previews, whose title, text and image a feed's page chooses
	 * (Telegram's are turned off too). */
	*payload = json_pack("{s:o, s:{s:[]}, s:i}", "content", channel_jstr(part), "allowed_mentions", "parse", "flags",
	                     4);
	buf_puts(url, channel_get(ch, "url"));
	return 0;
}

int
chat_send_discord(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct buf body = BUF_INIT, parts = BUF_INIT, header = BUF_INIT;
	chat_body(msg, &body);
	chat_header(&header, "**", msg->title, "**");
	size_t n = split_with_header(buf_str(&body), buf_str(&header), DISCORD_LIMIT, SPLIT_CHARS, &parts);
	int rc = chat_send_parts(ch, &parts, n, build_discord, NULL, "code", "message", e);
	buf_free(&body);
	buf_free(&parts);
	buf_free(&header);
	return rc;
}

/* ---- WeCom (企业微信) group bot: markdown of at most 4096 bytes ---- */

static int
build_wecom(const struct channel *ch, const char *part, void *ctx, struct buf *url, json_t **payload, struct err *e)
{
	*payload = json_pack("{s:s, s:{s:o}}", "msgtype", "markdown", "markdown", "content", channel_jstr(part));
	buf_puts(url, channel_get(ch, "url"));
	return 0;
}

void
chat_without_mentions(struct buf *out, const char *s)
{
	for (; *s; s++) {
		int is_tag = s[0] == '<' && (s[1] == '@' || ((s[1] | 0x20) == 'a' && (s[2] | 0x20) == 't' &&
		                                            (s[3] == ' ' || s[3] == '\t')));
		if (is_tag)
			buf_puts(out, "\xef\xbc\x9c");
		else
			buf_putc(out, *s);
	}
}

/* Whether c may be part of a Telegram username (letters, digits, '_'). */
static int
is_name_char(char c)
{
	return is_ascii_alnum((unsigned char)c) || c == '_';
}

/* The end of the URL that starts at s (a bare "http://…" or "https://…", up to a space or a
 * line break), or s when none does. */
static const char *
url_end(const char *s)
{
	if (!str_istarts(s, "http://") && !str_istarts(s, "https://"))
		return s;
	return s + strcspn(s, " \t\r\n");
}

void
chat_without_at_names(struct buf *out, const char *s)
{
	const char *start = s;
	while (*s) {
		/* a URL keeps its '@' (medium.com/@name): a link's destination "](…)" and a bare one */
		const char *skip = s[0] == ']' && s[1] == '(' ? s + 2 + strcspn(s + 2, ")\n") : url_end(s);
		if (skip > s) {
			buf_append(out, s, (size_t)(skip - s));
			s = skip;
		} else if (s[0] == '@' && is_name_char(s[1]) && (s == start || !is_name_char(s[-1]))) {
			buf_puts(out, "\xef\xbc\xa0"); /* U+FF20 FULLWIDTH COMMERCIAL AT */
			s++;
		} else {
			buf_putc(out, *s++);
		}
	}
}

int
chat_send_wecom(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct buf md = BUF_INIT, body = BUF_INIT, parts = BUF_INIT, header = BUF_INIT;
	chat_body(msg, &md);
	chat_without_mentions(&body, buf_str(&md));
	buf_free(&md);
	struct buf title = BUF_INIT;
	chat_header(&title, "## ", msg->title, "");
	chat_without_mentions(&header, buf_str(&title));
	buf_free(&title);
	size_t n = split_with_header(buf_str(&body), buf_str(&header), WECOM_LIMIT, SPLIT_BYTES, &parts);
	int rc = chat_send_parts(ch, &parts, n, build_wecom, NULL, "errcode", "errmsg", e);
	buf_free(&body);
	buf_free(&parts);
	buf_free(&header);
	return rc;
}

/* ---- Telegram bot: sendMessage, 4096 UTF-16 units, HTML parse mode or plain ---- */

struct telegram_ctx {
	const char *chat_id;
	int is_html;
};

static int
build_telegram(const struct channel *ch, const char *part, void *ctx, struct buf *url, json_t **payload,
               struct err *e)
{
	const struct telegram_ctx *tg = ctx;
	const char *base = channel_get(ch, "api_base");
	if (!base || !*base)
		base = "https://api.telegram.org";
	size_t bl = strlen(base);
	while (bl > 0 && base[bl - 1] == '/')
		bl--;
	buf_append(url, base, bl);
	buf_printf(url, "/bot%s/sendMessage", channel_get(ch, "bot_token"));
	json_t *o = json_object();
	json_object_set_new(o, "chat_id", channel_jstr(tg->chat_id));
	if (tg->is_html) {
		struct buf html = BUF_INIT;
		mdconv_telegram_html(part, &html);
		json_object_set_new(o, "text", channel_jstr(buf_str(&html)));
		json_object_set_new(o, "parse_mode", json_string("HTML"));
		buf_free(&html);
	} else {
		json_object_set_new(o, "text", channel_jstr(part));
	}
	json_object_set_new(o, "disable_web_page_preview", json_true());
	*payload = o;
	return 0;
}

int
chat_send_telegram(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct telegram_ctx tg = {channel_get(ch, "chat_id"), 1};
	const char *mode = channel_get(ch, "parse_mode");
	if (mode && str_casecmp(mode, "plain") == 0)
		tg.is_html = 0;
	else if (mode && str_casecmp(mode, "html") != 0)
		return err_set(e, "deliver %s (telegram): parse_mode is html or plain, not \"%s\"", ch->name, mode);
	struct buf text = BUF_INIT, body = BUF_INIT, parts = BUF_INIT, title = BUF_INIT, header = BUF_INIT;
	/* Plain mode sends the plain text when there is one: Markdown marks would show as written. */
	if (!tg.is_html && msg->text)
		buf_puts(&text, msg->text);
	else
		chat_body(msg, &text);
	if (tg.is_html)
		chat_header(&title, "**", msg->title, "**");
	else
		buf_puts(&title, msg->title);
	/* Telegram makes "@name" a mention in either mode: a group member so named is notified. */
	chat_without_at_names(&body, buf_str(&text));
	chat_without_at_names(&header, buf_str(&title));
	buf_free(&text);
	buf_free(&title);
	/* The limit counts the text after HTML parsing, which never exceeds the Markdown source. */
	size_t n = split_with_header(buf_str(&body), buf_str(&header), TELEGRAM_LIMIT, SPLIT_UTF16, &parts);
	int rc = chat_send_parts(ch, &parts, n, build_telegram, &tg, "ok", "description", e);
	buf_free(&body);
	buf_free(&parts);
	buf_free(&header);
	return rc;
}
