/* sign.c: the bot webhooks that can require a signed request: Feishu/Lark and DingTalk
 * (HMAC-SHA256 over "timestamp\nsecret", base64, from OpenSSL's libcrypto). */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "deliver/channel.h"
#include "util/html.h"
#include "util/str.h"

/* DingTalk takes a request of at most 20,000 bytes; Feishu 30 KB for a whole card request.
 * The text's limit is counted as it is sent, escaped in the JSON (SPLIT_JSON: a '"' or a
 * line break takes two bytes), and the title in the request is cut to TITLE_JSON_MAX, which
 * leaves room for the rest of the JSON. */
#define DINGTALK_LIMIT 18000
#define FEISHU_LIMIT 18000
#define TITLE_JSON_MAX 1000

/* The title as the request carries it: cut (at a code point) to TITLE_JSON_MAX bytes of
 * JSON, into out. */
static void
request_title(struct buf *out, const char *title)
{
	buf_append(out, title, split_prefix(title, strlen(title), TITLE_JSON_MAX, SPLIT_JSON));
}

int64_t
sign_wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
sign_hmac_sha256_b64(const char *key, size_t key_len, const char *msg, size_t msg_len, char *out, size_t size)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int mac_len = 0;
	if (size < 45 || !HMAC(EVP_sha256(), key, (int)key_len, (const unsigned char *)msg, msg_len, mac, &mac_len) ||
	    mac_len != 32)
		return -1;
	EVP_EncodeBlock((unsigned char *)out, mac, (int)mac_len); /* 44 chars + NUL */
	return 0;
}

/* ---- DingTalk (钉钉) custom robot ---- */

struct dingtalk_ctx {
	const char *title;
	const char *secret;
};

static int
build_dingtalk(const struct channel *ch, const char *part, void *ctx, struct buf *url, json_t **payload,
               struct err *e)
{
	const struct dingtalk_ctx *dt = ctx;
	buf_puts(url, channel_get(ch, "url"));
	if (dt->secret) {
		/* sign = urlencode(base64(HMAC-SHA256(key = secret, "timestamp_ms\nsecret"))) */
		char ts[32], sig[64];
		snprintf(ts, sizeof ts, "%lld", (long long)sign_wall_ms());
		struct buf to_sign = BUF_INIT;
		buf_printf(&to_sign, "%s\n%s", ts, dt->secret);
		int rc = sign_hmac_sha256_b64(dt->secret, strlen(dt->secret), to_sign.data, to_sign.len, sig, sizeof sig);
		buf_free(&to_sign);
		if (rc < 0)
			return err_set(e, "deliver %s (dingtalk): cannot compute the signature", ch->name);
		buf_printf(url, "%stimestamp=%s&sign=", strchr(buf_str(url), '?') ? "&" : "?", ts);
		html_url_encode(url, sig);
	}
	*payload = json_pack("{s:s, s:{s:o, s:o}}", "msgtype", "markdown", "markdown", "title", channel_jstr(dt->title),
	                     "text", channel_jstr(part));
	return 0;
}

int
sign_send_dingtalk(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct buf title = BUF_INIT;
	request_title(&title, msg->title);
	struct dingtalk_ctx dt = {buf_str(&title), channel_get(ch, "secret")};
	if (dt.secret && !*dt.secret)
		dt.secret = NULL;
	struct buf body = BUF_INIT, parts = BUF_INIT, header = BUF_INIT;
	chat_body(msg, &body);
	chat_header(&header, "## ", msg->title, "");
	size_t n = split_with_header(buf_str(&body), buf_str(&header), DINGTALK_LIMIT, SPLIT_JSON, &parts);
	int rc = chat_send_parts(ch, &parts, n, build_dingtalk, &dt, "errcode", "errmsg", e);
	buf_free(&title);
	buf_free(&body);
	buf_free(&parts);
	buf_free(&header);
	return rc;
}

/* ---- Feishu / Lark custom bot: an interactive card with a markdown element ---- */

struct feishu_ctx {
	const char *title;
	const char *secret;
};

static int
build_feishu(const struct channel *ch, const char *part, void *ctx, struct buf *url, json_t **payload,
             struct err *e)
{
	const struct feishu_ctx *fs = ctx;
	buf_puts(url, channel_get(ch, "url"));
	json_t *card = json_pack("{s:{s:b}, s:{s:{s:s, s:o}}, s:[{s:s, s:o}]}", "config", "wide_screen_mode", 1,
	                         "header", "title", "tag", "plain_text", "content", channel_jstr(fs->title),
	                         "elements", "tag", "markdown", "content", channel_jstr(part));
	json_t *o = json_pack("{s:s, s:o}", "msg_type", "interactive", "card", card);
	if (fs->secret) {
		/* sign = base64(HMAC-SHA256(key = "timestamp_s\nsecret", empty message)) */
		char ts[32], sig[64];
		snprintf(ts, sizeof ts, "%lld", (long long)(sign_wall_ms() / 1000));
		struct buf key = BUF_INIT;
		buf_printf(&key, "%s\n%s", ts, fs->secret);
		int rc = sign_hmac_sha256_b64(key.data, key.len, "", 0, sig, sizeof sig);
		buf_free(&key);
		if (rc < 0) {
			json_decref(o);
			return err_set(e, "deliver %s (feishu): cannot compute the signature", ch->name);
		}
		json_object_set_new(o, "timestamp", json_string(ts));
		json_object_set_new(o, "sign", json_string(sig));
	}
	*payload = o;
	return 0;
}

int
sign_send_feishu(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct buf title = BUF_INIT;
	request_title(&title, msg->title);
	struct feishu_ctx fs = {buf_str(&title), channel_get(ch, "secret")};
	if (fs.secret && !*fs.secret)
		fs.secret = NULL;
	struct buf md = BUF_INIT, body = BUF_INIT, parts = BUF_INIT;
	chat_body(msg, &md);
	chat_without_mentions(&body, buf_str(&md)); /* the header is plain_text: no tags there */
	buf_free(&md);
	/* The card header carries the title; parts only get "(i/n)". */
	size_t n = split_with_header(buf_str(&body), NULL, FEISHU_LIMIT, SPLIT_JSON, &parts);
	int rc = chat_send_parts(ch, &parts, n, build_feishu, &fs, "code", "msg", e);
	buf_free(&title);
	buf_free(&body);
	buf_free(&parts);
	return rc;
}
