/* channel.h: what the delivery channel implementations share (internal to src/deliver/).
 *
 * deliver.c resolves a channel's config section and dispatches to one send function per
 * type; the families live in chat.c (webhook, slack, discord, wecom, telegram), sign.c
 * (feishu, dingtalk), email.c (SMTP). split.c cuts long text, http.c posts it, mdconv.c turns
 * report Markdown into what each chat service renders. */
#ifndef BRIEF_DELIVER_CHANNEL_H
#define BRIEF_DELIVER_CHANNEL_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "deliver/deliver.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/err.h"

/* A service's limit on the messages one target takes: count in any window_ms (which holds
 * some time to spare: the service's clock and counting are not ours). A list of them ends
 * with a count of 0. */
struct send_limit {
	size_t count;
	int64_t window_ms;
};

/* One configured channel during one delivery. */
struct channel {
	const struct config *cfg;
	char section[300]; /* "deliver.NAME" */
	const char *name;  /* NAME as the caller gave it */
	const char *type;
	long timeout_s;
	struct store *log;  /* the delivery log's store, NULL = none (store/deliverlog.h) */
	const char *report; /* the report's name in it, "daily/2026-02-21/zh" */
	char target[33];    /* where it sends, as the log knows it: a hash of the type and the
	                     * values of its target keys (deliver.c's channel_types) */
	const struct send_limit *limits; /* how many messages the target takes in what time (a
	                                  * DingTalk or WeCom robot: 20 a minute), NULL = no limit
	                                  * (channel_pace) */
};

/* The value of key in the channel's section, or NULL. */
const char *channel_get(const struct channel *ch, const char *key);
/* Like channel_get, but a missing or empty value is an error naming the key. */
int channel_need(const struct channel *ch, const char *key, const char **out, struct err *e);
/* Replace every secret of the channel (url path/query, secret, bot_token, password,
 * username) that appears in e->msg with "***". Called on every error leaving deliver_send. */
void channel_redact(const struct channel *ch, struct err *e);
/* Whether part (1..; 0 = the whole message, its last part) went to ch in an earlier run, by
 * the delivery log: 1 yes, 0 no (or no log), -1 with e set when the log cannot be read. */
int channel_part_sent(const struct channel *ch, size_t part, struct err *e);
/* Whether the report went to the mail recipient addr[0..len) ("a@example.org", any case) in an
 * earlier run, by the delivery log, which keeps a row per recipient an email channel mailed:
 * 1 yes, 0 no (or no log), -1 with e set when the log cannot be read. */
int channel_recipient_sent(const struct channel *ch, const char *addr, size_t len, struct err *e);
/* Record in the delivery log that the mail went to recipient addr[0..len); a write that fails
 * is only warned about (a rerun mails that recipient again). */
void channel_recipient_done(const struct channel *ch, const char *addr, size_t len);
/* Before a delivery in parts parts: forget the parts the log holds of another cut (the report
 * is longer or shorter now): the rerun sends the report whole rather than the end of the new
 * text after the start of the old. Returns 0 or -1 with e set. */
int channel_parts_begin(const struct channel *ch, size_t parts, struct err *e);
/* Before a message to a target whose service limits how many it takes (ch->limits): wait
 * until one more is within every limit, by the times the delivery log holds of the messages
 * it accepted (this run's and earlier runs', of any report, forgotten ones too). Without a log
 * or a limit it returns at once. Returns 0 or -1 with e set when the log cannot be read. */
int channel_pace(const struct channel *ch, struct err *e);
/* Record in the delivery log that ch accepted part (1..parts). A write that fails is only
 * warned about: the part is out, and a rerun would send it again. */
void channel_part_done(const struct channel *ch, size_t part, size_t parts);

/* ---- splitting (split.c) ---- */

/* How a service counts its size limit. */
enum split_unit {
	SPLIT_BYTES,
	SPLIT_CHARS, /* code points */
	SPLIT_UTF16, /* UTF-16 units */
	SPLIT_JSON,  /* bytes inside a JSON string as jansson writes it: '"', '\\' and \b\f\n\r\t take
	              * 2, other controls 6 ("\u0001"), the rest as UTF-8 */
};

/* Size of s[0..len) in unit. */
size_t split_measure(const char *s, size_t len, enum split_unit unit);

/* Bytes of the longest prefix of s[0..len) that is at most limit units and ends on a code
 * point boundary. */
size_t split_prefix(const char *s, size_t len, size_t limit, enum split_unit unit);

struct split_part {
	const char *start; /* points into the text given to split_text */
	size_t len;
};

/* Cut text[0..len) into parts of at most limit units each, preferring a paragraph break
 * ("\n\n"), then a line break, then a space, and never splitting a UTF-8 sequence. Blank
 * lines at a cut are dropped. Returns the number of parts (>= 1; one empty part for empty
 * text) and a malloc'd array in *parts. limit must be >= 8. */
size_t split_text(const char *text, size_t len, size_t limit, enum split_unit unit,
                  struct split_part **parts);

/* Split body to fit limit units with a header on every part: each message is
 * "HEADER (i/n)\n\n" + part (no " (i/n)" when there is one part; "(i/n)\n" alone when header
 * is NULL). A header longer than a quarter of limit is cut (at a code point). The finished
 * messages are appended to out, each followed by a NUL; returns their count. */
size_t split_with_header(const char *body, const char *header, size_t limit, enum split_unit unit,
                         struct buf *out);
/* Step through the messages of split_with_header: *it starts at NULL; returns the next
 * message or NULL after the last. */
const char *split_next(const struct buf *out, const char *it);

/* ---- Markdown for chat services (mdconv.c) ---- */

/* Remove what chat services cannot show from report Markdown: fenced ```mermaid blocks,
 * lines that are only HTML tags (<details>, <summary>…</summary>, </details>), images (one
 * with alt text becomes a link to it) and blank lines at the start or in runs. Appends to out. */
void mdconv_for_chat(const char *md, struct buf *out);
/* Markdown -> Slack mrkdwn: **b** -> *b*, [t](u) -> <u|t>, headings -> *bold* lines,
 * &<> escaped as Slack requires. Appends to out. */
void mdconv_slack(const char *md, struct buf *out);
/* Markdown -> Telegram HTML (b, i, a, code, pre only), every other character escaped. */
void mdconv_telegram_html(const char *md, struct buf *out);

/* ---- HTTP (http.c) ---- */

struct http_reply {
	long status;
	struct buf body; /* the response body (capped at 64 KiB, or http_get_max's max) */
	int cut;         /* 1 when the body was longer than its cap */
	long retry_after; /* seconds of a "Retry-After: N" header (Slack's 429), else -1 */
};

/* POST body (content_type) to url with the channel's timeout; extra_headers is a
 * NULL-terminated list of "Name: value" (may be NULL). A transport failure returns -1
 * with a one-line reason (host only, never the URL's path or query); any HTTP answer
 * returns 0 with reply filled (caller frees reply->body). */
int http_post(const struct channel *ch, const char *url, const char *content_type, const char *body,
              size_t len, const char *const *extra_headers, struct http_reply *reply, struct err *e);
/* GET url with the channel's timeout; same contract as http_post. */
int http_get(const struct channel *ch, const char *url, struct http_reply *reply, struct err *e);
/* GET url like http_get, keeping up to max bytes of the body (reply->cut says when it was
 * longer): for a file to download, such as an image. */
int http_get_max(const struct channel *ch, const char *url, size_t max, struct http_reply *reply, struct err *e);
/* POST data[0..len) as the multipart/form-data field `field` with this file name and
 * content_type; same contract as http_post. */
int http_post_data(const struct channel *ch, const char *url, const char *field, const char *filename,
                   const char *data, size_t len, const char *content_type, struct http_reply *reply,
                   struct err *e);
/* POST the file at path as the multipart/form-data field `field` (its file name the path's
 * last component, its type content_type); same contract as http_post. */
int http_post_file(const struct channel *ch, const char *url, const char *field, const char *path,
                   const char *content_type, struct http_reply *reply, struct err *e);
/* Turn a reply into the usual verdict: 2xx -> 0, else -1 with "HTTP 404: <first line of the
 * body, sanitised>". */
int http_expect_2xx(const struct http_reply *reply, struct err *e);
/* Like http_expect_2xx, then for services that answer 200 with an error inside the JSON:
 * when code_key is an integer other than 0, or the boolean false, fail with
 * "CODE: <msg_key value>". With code_key, a 2xx body that is not a JSON object (an HTML page
 * from a proxy or another site) fails too: it is not the service's acceptance; an empty body
 * (Discord's 204) passes. Without keys only the status counts. */
int http_expect_api(const struct http_reply *reply, const char *code_key, const char *msg_key, struct err *e);
/* The host of url ("hooks.slack.com"), for messages, into out. */
void http_url_host(const char *url, char *out, size_t size);

/* ---- JSON payloads (jansson) ---- */

/* A new jansson string holding s with invalid UTF-8 repaired (NULL s gives ""); never NULL. */
json_t *channel_jstr(const char *s);
/* POST payload (compact JSON, application/json) to url and steal the reference to payload.
 * Same contract as http_post. */
int http_post_json(const struct channel *ch, const char *url, json_t *payload,
                   const char *const *extra_headers, struct http_reply *reply, struct err *e);

/* ---- sending parts (chat.c) ---- */

/* Builds the request for one part: appends the URL to url and sets *payload. */
typedef int (*chat_build_fn)(const struct channel *ch, const char *part, void *ctx, struct buf *url,
                             json_t **payload, struct err *e);

/* The text chat channels send: msg->markdown (else msg->text) through mdconv_for_chat. */
void chat_body(const struct deliver_message *msg, struct buf *out);
/* s into out with the chat services' mention tags made text: WeCom's <@userid> and <@all>,
 * Feishu's <at id=all></at> (any case, a space or tab after "at"): their '<' becomes the
 * fullwidth U+FF1C, which neither reads as a tag. Feed and model text is not to ping a group;
 * done before splitting, so the parts are measured as sent. */
void chat_without_mentions(struct buf *out, const char *s);
/* s into out with Telegram's mentions made text: an '@' that starts a word and is followed by
 * a letter, digit or '_' ("@durov", "(@all_admins") becomes the fullwidth U+FF20, which
 * Telegram does not take for a mention, so feed and model text notifies no one in a group. An
 * '@' inside a word (a@b.example) or a URL (a bare one, a Markdown link's destination:
 * https://medium.com/@name) is kept. Done before splitting, like chat_without_mentions. */
void chat_without_at_names(struct buf *out, const char *s);
/* The header line of a Markdown message: open, the title as Markdown text (esc_md_inline: its
 * link, image and emphasis syntax escaped, as feed and model text is in the body), close. */
void chat_header(struct buf *out, const char *open, const char *title, const char *close);
/* Post each NUL-separated message of parts (from split_with_header) in order with build,
 * checking answers with http_expect_api(code_key, msg_key) (NULL keys: status only). Stops at
 * the first failure: -1 with "deliver NAME (type): part i/n: reason". A 429 answer (and a
 * Feishu bot's code 9499 or 11232, over its limit) is retried after each wait the service names (at most 60 s each, 120 s and 10 tries a part). A part the delivery log says went out
 * in an earlier run, of a report cut into as many parts, is skipped (channel_parts_begin); each part accepted is
 * recorded there (channel_part_done). */
int chat_send_parts(const struct channel *ch, const struct buf *parts, size_t count, chat_build_fn build,
                    void *ctx, const char *code_key, const char *msg_key, struct err *e);

/* ---- channel families ---- */

int chat_send_webhook(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int chat_send_slack(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int chat_send_discord(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int chat_send_wecom(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int chat_send_telegram(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int sign_send_feishu(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int sign_send_dingtalk(const struct channel *ch, const struct deliver_message *msg, struct err *e);
/* Mails the recipients of `to` the delivery log does not name for the report (each one mailed
 * is logged); 1, nothing sent, when every one of them has it. */
int email_send(const struct channel *ch, const struct deliver_message *msg, struct err *e);
int wechat_mp_send(const struct channel *ch, const struct deliver_message *msg, struct err *e);

/* HMAC-SHA256 of msg under key, base64-encoded into out (at least 45 bytes). Returns 0 or -1. */
int sign_hmac_sha256_b64(const char *key, size_t key_len, const char *msg, size_t msg_len, char *out,
                         size_t size);
/* Wall-clock milliseconds since the epoch (signing needs the real time, not --now). */
int64_t sign_wall_ms(void);

#endif
