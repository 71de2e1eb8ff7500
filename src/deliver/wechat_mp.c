/* wechat_mp.c: the 公众号 draft-box channel (type wechat_mp): put the article (or the weekly,
 * or the daily) into the account's draft box through the official API.
 *
 *   1. access token: GET {api_base}/cgi-bin/token?grant_type=client_credential&appid=&secret=
 *      -> {"access_token", "expires_in"}; kept in the store (publish_cache) until a minute
 *      before it expires, and fetched again when an API answers 40001 (invalid credential),
 *      40014 (invalid access_token) or 42001 (access_token expired) — once per call;
 *   2. cover: POST {api_base}/cgi-bin/material/add_material?access_token=&type=image with the
 *      image as the multipart field "media" -> {"media_id"}: a permanent material, uploaded
 *      once per image content (the store keeps media id by the file's SHA-256);
 *   2b. content images: each <img> of the content not on the API's own host (a [brand]
 *      cover) downloaded and POSTed to {api_base}/cgi-bin/media/uploadimg?access_token= as
 *      the multipart field "media" -> {"url"}, which replaces it (the API drops outside
 *      image URLs from a draft); once per call;
 *   3. draft: POST {api_base}/cgi-bin/draft/add?access_token= with {"articles": [{title,
 *      author, digest, content, content_source_url, thumb_media_id, need_open_comment,
 *      only_fans_can_comment}]} -> {"media_id"}.
 * Reference: developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add
 * (title <= 32 characters, author <= 16, digest <= 128, content < 20,000 characters and < 1 MB).
 * A draft refused with 40007 (invalid media_id: the cached cover was deleted from the account)
 * uploads the cover again and retries once.
 * The digest is cut to 128 characters here. A headline over the title's 32 characters is
 * shortened (draft_title(): its topic before "：", else cut with "…"), said on stderr, and
 * the whole headline opens the content instead. The author is sent as given, so an over-long
 * one is refused by the API and its message (45110 author size out of limit, ...) is
 * reported, as is any other refusal. Errors never carry the secret or the token (redacted). */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deliver/channel.h"
#include "report/escape.h"
#include "report/wechat.h"
#include "store/pubcache.h"
#include "util/fs.h"
#include "util/html.h"
#include "util/log.h"
#include "util/redact.h"
#include "util/str.h"
#include "util/utf8.h"

enum { TITLE_MAX = 32, DIGEST_MAX = 128, COVER_MAX_BYTES = 10 * 1024 * 1024 };

struct mp {
	const struct channel *ch;
	const struct deliver_message *msg;
	const char *appid, *secret, *api_base;
	char cache_channel[160];
	struct buf token;  /* the current access token ("" = none yet) */
	long token_fetches;
};

static int64_t
wall_now(void)
{
	return (int64_t)time(NULL); /* the token's lifetime is real time, not --now */
}

/* The API's error code in root (0 = none). */
static long
errcode_of(json_t *root)
{
	json_t *c = json_object_get(root, "errcode");
	return json_is_integer(c) ? (long)json_integer_value(c) : 0;
}

/* Parse a reply: HTTP 2xx and a JSON object, else -1 with e set. The API's own error
 * (errcode != 0) is left for the caller. */
static int
parse_reply(struct mp *m, const char *what, struct http_reply *reply, json_t **root, struct err *e)
{
	*root = NULL;
	if (http_expect_2xx(reply, e) < 0) {
		char why[sizeof e->msg];
		str_copy(why, e->msg, sizeof why);
		return err_set(e, "deliver %s (wechat_mp): %s: %s", m->ch->name, what, why);
	}
	*root = json_loadb(reply->body.data ? reply->body.data : "", reply->body.len, 0, NULL);
	if (!json_is_object(*root)) {
		json_decref(*root);
		*root = NULL;
		return err_set(e, "deliver %s (wechat_mp): %s: the answer is not JSON", m->ch->name, what);
	}
	return 0;
}

/* "deliver NAME (wechat_mp): WHAT: 45003 title size out of limit" from an API error. */
static int
api_error(struct mp *m, const char *what, json_t *root, struct err *e)
{
	long code = errcode_of(root);
	json_t *msg = json_object_get(root, "errmsg");
	struct buf text = BUF_INIT;
	if (json_is_string(msg)) {
		const char *v = json_string_value(msg);
		utf8_sanitize(&text, v, utf8_prefix_chars(v, strcspn(v, "\r\n"), 200));
	}
	const char *hint = code == 45009 ? " (the account's daily quota for this API is used up; try again tomorrow)"
	                   : code == 45011 ? " (the API's per-minute limit; try again in a minute)"
	                   : code == 40164 ? " (add this machine's IP address to the account's IP whitelist)"
	                   : code == 40125 || code == 40013 ? " (check appid and secret)"
	                                                    : "";
	err_set(e, "deliver %s (wechat_mp): %s: %ld %s%s", m->ch->name, what, code, buf_str(&text), hint);
	buf_free(&text);
	return -1;
}

/* Keep value under key in the store's publish cache (expires_at 0: for good). A write that
 * fails costs only the cache: the token or media id is used in this delivery all the same,
 * and the next run asks the API again (failing here spent the call and lost the draft). */
static void
keep(struct mp *m, const char *key, const char *value, int64_t expires_at)
{
	struct err e;
	if (m->msg->store && store_pubcache_put(m->msg->store, m->cache_channel, key, value, expires_at, &e) < 0)
		log_warn("deliver %s (wechat_mp): not cached: %s", m->ch->name, e.msg);
}

/* Get a token: from the store unless force, else from the API (and store it). */
static int
get_token(struct mp *m, int force, struct err *e)
{
	buf_clear(&m->token);
	struct store *st = m->msg->store;
	if (st && !force) {
		int found = store_pubcache_get(st, m->cache_channel, "access_token", wall_now(), &m->token, e);
		if (found < 0)
			return -1;
		if (found && m->token.len)
			return 0;
	}
	struct buf url = BUF_INIT;
	buf_printf(&url, "%s/cgi-bin/token?grant_type=client_credential&appid=", m->api_base);
	html_url_encode(&url, m->appid);
	buf_puts(&url, "&secret=");
	html_url_encode(&url, m->secret);
	struct http_reply reply;
	int rc = http_get(m->ch, buf_str(&url), &reply, e);
	buf_free(&url);
	if (rc < 0)
		return -1;
	json_t *root;
	rc = parse_reply(m, "cgi-bin/token", &reply, &root, e);
	buf_free(&reply.body);
	if (rc < 0)
		return -1;
	json_t *tok = json_object_get(root, "access_token"), *exp = json_object_get(root, "expires_in");
	if (!json_is_string(tok) || !*json_string_value(tok)) {
		rc = errcode_of(root) ? api_error(m, "cgi-bin/token", root, e)
		                      : err_set(e, "deliver %s (wechat_mp): cgi-bin/token: no access_token", m->ch->name);
		json_decref(root);
		return rc;
	}
	buf_puts(&m->token, json_string_value(tok));
	m->token_fetches++;
	int64_t life = json_is_integer(exp) ? (int64_t)json_integer_value(exp) : 7200;
	/* Renew a minute early, so a token does not expire between our check and the call. */
	int64_t expires_at = wall_now() + (life > 120 ? life - 60 : life / 2);
	json_decref(root);
	keep(m, "access_token", buf_str(&m->token), expires_at);
	return 0;
}

/* The token errors after which a fresh token is worth one retry. */
static int
is_token_error(long code)
{
	return code == 40001 || code == 40014 || code == 42001;
}

enum call { CALL_UPLOAD, CALL_IMAGE, CALL_DRAFT };

/* One API call with the current token; on a token error, drop the token, get a new one and
 * try once more. CALL_UPLOAD posts the file at path (type), CALL_IMAGE the image
 * payload[0..len) named path (type), CALL_DRAFT the JSON payload. On success *root holds
 * the answer (caller decrefs); on the API's refusal *api_code (may be NULL) holds its
 * errcode, else 0. */
static int
call(struct mp *m, enum call kind, const char *path, const char *type, const char *payload, size_t len,
     json_t **root, long *api_code, struct err *e)
{
	if (api_code)
		*api_code = 0;
	const char *what = kind == CALL_UPLOAD  ? "material/add_material"
	                   : kind == CALL_IMAGE ? "media/uploadimg"
	                                        : "draft/add";
	for (int attempt = 0;; attempt++) {
		struct buf url = BUF_INIT;
		buf_printf(&url, "%s/cgi-bin/%s?access_token=", m->api_base, what);
		html_url_encode(&url, buf_str(&m->token));
		if (kind == CALL_UPLOAD)
			buf_puts(&url, "&type=image");
		struct http_reply reply;
		int rc = kind == CALL_UPLOAD ? http_post_file(m->ch, buf_str(&url), "media", path, type, &reply, e)
		         : kind == CALL_IMAGE
		                 ? http_post_data(m->ch, buf_str(&url), "media", path, payload, len, type, &reply, e)
		                 : http_post(m->ch, buf_str(&url), "application/json; charset=utf-8", payload,
		                             strlen(payload), NULL, &reply, e);
		buf_free(&url);
		if (rc < 0)
			return -1;
		rc = parse_reply(m, what, &reply, root, e);
		buf_free(&reply.body);
		if (rc < 0)
			return -1;
		long code = errcode_of(*root);
		if (code == 0)
			return 0;
		if (is_token_error(code) && attempt == 0) {
			log_info("deliver %s (wechat_mp): the access token was refused (%ld); getting a new one", m->ch->name,
			         code);
			json_decref(*root);
			*root = NULL;
			struct err de;
			if (m->msg->store && store_pubcache_drop(m->msg->store, m->cache_channel, "access_token", &de) < 0)
				log_warn("deliver %s (wechat_mp): the refused token stays in the store: %s", m->ch->name,
				         de.msg); /* the next run is refused once, as this one was */
			if (get_token(m, 1, e) < 0)
				return -1;
			continue;
		}
		if (api_code)
			*api_code = code;
		api_error(m, what, *root, e);
		json_decref(*root);
		*root = NULL;
		return -1;
	}
}

/* The MIME type of the cover from its name (the types the API takes for images). */
static const char *
cover_type_of(const char *path)
{
	static const char *const map[][2] = {{".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".png", "image/png"},
	                                     {".gif", "image/gif"},  {".bmp", "image/bmp"}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		size_t n = strlen(path), k = strlen(map[i][0]);
		if (n > k && str_casecmp(path + n - k, map[i][0]) == 0)
			return map[i][1];
	}
	return NULL;
}

enum { IMAGE_KEY_SIZE = 8 + 2 * EVP_MAX_MD_SIZE + 1 };

/* The publish cache's key of an image: prefix (at most 7 bytes) and the SHA-256 of its bytes
 * in hex, into key (IMAGE_KEY_SIZE bytes): the same picture is the same key under any name. */
static void
image_key(const char *prefix, const char *data, size_t len, char key[IMAGE_KEY_SIZE])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int md_len = 0;
	EVP_Digest(data, len, md, &md_len, EVP_sha256(), NULL);
	size_t n = (size_t)snprintf(key, IMAGE_KEY_SIZE, "%s", prefix);
	for (unsigned i = 0; i < md_len && n + 2 < IMAGE_KEY_SIZE; i++, n += 2)
		snprintf(key + n, 3, "%02x", md[i]);
}

/* The cover's permanent media id into media: cached by the image's SHA-256, else (or when
 * force: the cached id was refused) uploaded and cached. */
static int
cover_media(struct mp *m, const char *path, int force, struct buf *media, struct err *e)
{
	const char *type = cover_type_of(path);
	if (!type)
		return err_set(e, "deliver %s (wechat_mp): cover %s must be a .jpg, .png, .gif or .bmp image", m->ch->name,
		               path);
	struct buf img = BUF_INIT;
	if (fs_read_all(path, &img, e) < 0) {
		char why[sizeof e->msg];
		str_copy(why, e->msg, sizeof why);
		buf_free(&img);
		return err_set(e, "deliver %s (wechat_mp): cover: %s", m->ch->name, why);
	}
	if (img.len == 0 || img.len > COVER_MAX_BYTES) {
		buf_free(&img);
		return err_set(e, "deliver %s (wechat_mp): cover %s must be 1 byte to 10 MB", m->ch->name, path);
	}
	char key[IMAGE_KEY_SIZE];
	image_key("cover:", img.data, img.len, key);
	buf_free(&img);
	struct store *st = m->msg->store;
	if (st && !force) {
		int found = store_pubcache_get(st, m->cache_channel, key, wall_now(), media, e);
		if (found != 0)
			return found < 0 ? -1 : 0;
	}
	json_t *root;
	if (call(m, CALL_UPLOAD, path, type, NULL, 0, &root, NULL, e) < 0)
		return -1;
	json_t *id = json_object_get(root, "media_id");
	int rc = 0;
	if (!json_is_string(id) || !*json_string_value(id))
		rc = err_set(e, "deliver %s (wechat_mp): material/add_material: no media_id", m->ch->name);
	else
		buf_puts(media, json_string_value(id));
	json_decref(root);
	if (rc == 0) {
		log_info("deliver %s (wechat_mp): cover uploaded as permanent material", m->ch->name);
		keep(m, key, buf_str(media), 0);
	}
	return rc;
}

/* The images in a draft's content (the [brand] cover): the API drops an <img> whose src is
 * not its own (mmbiz.qpic.cn) from the draft, so each is downloaded and uploaded through
 * media/uploadimg (jpg or png, at most 1 MB), and the URL it returns replaces it. */
enum { IMAGE_MAX_BYTES = 1024 * 1024, IMAGES_MAX = 16 };

struct uploaded {
	char *from, *to; /* the content's src (as written, HTML-escaped) and the API's URL */
};

/* 1 when url is on the API's own image host. */
static int
is_wechat_image(const char *url)
{
	char host[256];
	http_url_host(url, host, sizeof host);
	size_t n = strlen(host), k = strlen("qpic.cn");
	return n >= k && str_casecmp(host + n - k, "qpic.cn") == 0 && (n == k || host[n - k - 1] == '.');
}

/* src[0..len) as written in the fragment, without its HTML escapes, into out. */
static void
unescape_attr(struct buf *out, const char *src, size_t len)
{
	static const char *const ents[][2] = {{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}};
	for (size_t i = 0; i < len;) {
		size_t k = 0;
		for (; k < sizeof ents / sizeof ents[0]; k++)
			if (str_starts(src + i, ents[k][0]) && i + strlen(ents[k][0]) <= len)
				break;
		if (k < sizeof ents / sizeof ents[0]) {
			buf_puts(out, ents[k][1]);
			i += strlen(ents[k][0]);
		} else {
			buf_putc(out, src[i++]);
		}
	}
}

/* Download the image at url and upload it through media/uploadimg; its URL into to. */
static int
upload_image(struct mp *m, const char *url, struct buf *to, struct err *e)
{
	char host[256];
	http_url_host(url, host, sizeof host);
	struct http_reply img;
	if (http_get_max(m->ch, url, IMAGE_MAX_BYTES + 1, &img, e) < 0)
		return -1;
	if (img.status < 200 || img.status > 299 || img.body.len == 0) {
		buf_free(&img.body);
		return err_set(e, "deliver %s (wechat_mp): the content's image on %s: HTTP %ld%s", m->ch->name, host,
		               img.status, img.status / 100 == 2 ? ", empty" : "");
	}
	/* The API takes jpg and png; anything else is sent as it is and refused (40005), as an
	 * image over 1 MB (its first 1 MB and a byte, refused with 40009). */
	const unsigned char *b = (const unsigned char *)img.body.data;
	int png = img.body.len > 8 && memcmp(b, "\x89PNG", 4) == 0;
	int jpg = img.body.len > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
	const char *type = png ? "image/png" : jpg ? "image/jpeg" : "application/octet-stream";
	const char *name = png ? "image.png" : jpg ? "image.jpg" : "image";
	/* An uploadimg URL does not expire: the same picture (the [brand] cover of every daily and
	 * weekly) is uploaded once, not once a run, and found again by its bytes. */
	char key[IMAGE_KEY_SIZE];
	image_key("image:", img.body.data, img.body.len, key);
	struct store *st = m->msg->store;
	if (st) {
		struct err ce;
		struct buf got = BUF_INIT;
		int found = store_pubcache_get(st, m->cache_channel, key, wall_now(), &got, &ce);
		if (found > 0 && esc_url_ok(buf_str(&got))) {
			buf_puts(to, buf_str(&got));
			buf_free(&got);
			buf_free(&img.body);
			return 0;
		}
		buf_free(&got);
	}
	json_t *root;
	long code;
	int rc = call(m, CALL_IMAGE, name, type, img.body.data, img.body.len, &root, &code, e);
	buf_free(&img.body);
	if (rc < 0) {
		char why[sizeof e->msg];
		str_copy(why, e->msg, sizeof why);
		return err_set(e, "%s (the content's image on %s)", why, host);
	}
	json_t *u = json_object_get(root, "url");
	if (!json_is_string(u) || !esc_url_ok(json_string_value(u)))
		rc = err_set(e, "deliver %s (wechat_mp): media/uploadimg: no url", m->ch->name);
	else
		buf_puts(to, json_string_value(u));
	json_decref(root);
	if (rc == 0) {
		log_info("deliver %s (wechat_mp): the content's image on %s uploaded", m->ch->name, host);
		keep(m, key, buf_str(to), 0);
	}
	return rc;
}

/* content with each <img> src that is not the API's own replaced by the URL media/uploadimg
 * gave for it, into out; each image is uploaded once per call (done, *n_done: those so far). */
static int
upload_images(struct mp *m, const char *content, struct uploaded *done, size_t *n_done, struct buf *out, struct err *e)
{
	const char *p = content;
	for (const char *tag; (tag = strstr(p, "<img "));) {
		const char *end = strchr(tag, '>');
		const char *src = strstr(tag, " src=\"");
		if (!end || !src || src > end)
			break;
		src += 6;
		size_t len = strcspn(src, "\"");
		buf_append(out, p, (size_t)(src - p));
		p = src + len;
		struct buf url = BUF_INIT;
		unescape_attr(&url, src, len);
		if (is_wechat_image(buf_str(&url))) {
			buf_append(out, src, len);
			buf_free(&url);
			continue;
		}
		size_t i = 0;
		while (i < *n_done && !(strlen(done[i].from) == len && memcmp(done[i].from, src, len) == 0))
			i++;
		if (i == *n_done) {
			if (i == IMAGES_MAX) {
				buf_free(&url);
				return err_set(e, "deliver %s (wechat_mp): more than %d images in the content", m->ch->name,
				               IMAGES_MAX);
			}
			struct buf to = BUF_INIT;
			if (upload_image(m, buf_str(&url), &to, e) < 0) {
				buf_free(&to);
				buf_free(&url);
				return -1;
			}
			done[i].from = xstrndup(src, len);
			done[i].to = xstrndup(buf_str(&to), to.len);
			buf_free(&to);
			(*n_done)++;
		}
		buf_free(&url);
		html_escape_str(out, done[i].to);
	}
	buf_puts(out, p);
	return 0;
}

/* Where the code point that ends at text[n] starts (n > 0). */
static size_t
cp_start(const char *text, size_t n)
{
	do
		n--;
	while (n && ((unsigned char)text[n] & 0xC0) == 0x80);
	return n;
}

static int
is_regional_indicator(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* n moved back, if it must be, to where a character as a reader sees it begins: not before a
 * mark, a variation selector, a zero-width joiner or a skin tone (utf8_cp_width 0, or
 * U+1F3FB..U+1F3FF), not after a joiner, and not between the two regional indicators of a
 * flag. A cut there left "🇨" of "🇨🇳", "👩‍" of "👩‍💻" or a text-style "❤" of "❤️".
 * Returns n unchanged when the text's start is the only such place. */
static size_t
cluster_cut(const char *text, size_t len, size_t n)
{
	size_t at = n;
	while (at > 0 && at < len) {
		uint32_t next, prev;
		utf8_decode(text + at, len - at, &next);
		size_t p = cp_start(text, at);
		utf8_decode(text + p, at - p, &prev);
		int inside = (utf8_cp_width(next) == 0 && next != 0) || (next >= 0x1F3FB && next <= 0x1F3FF) ||
		             prev == 0x200D;
		if (!inside && is_regional_indicator(next) && is_regional_indicator(prev)) {
			size_t pairs = 0; /* the indicators before the cut: an odd count splits a flag */
			for (size_t q = at; q > 0;) {
				q = cp_start(text, q);
				uint32_t cp;
				utf8_decode(text + q, len - q, &cp);
				if (!is_regional_indicator(cp))
					break;
				pairs++;
			}
			inside = pairs % 2 == 1;
		}
		if (!inside)
			return at;
		at = p;
	}
	return at > 0 ? at : n;
}

/* Append text[0..len) cut to at most max characters: whole when it fits, else its first
 * max - 1 characters and "…". The cut is between code points (never inside a UTF-8
 * sequence) and between the characters a reader sees (cluster_cut()); one that would split
 * a Latin word moves back to the space before it when that keeps at least half the text;
 * trailing spaces are dropped. */
static void
cut_chars(struct buf *out, const char *text, size_t len, size_t max)
{
	if (utf8_count(text, len) <= max) {
		buf_append(out, text, len);
		return;
	}
	size_t n = cluster_cut(text, len, utf8_prefix_chars(text, len, max - 1));
	if (n && is_ascii_alnum((unsigned char)text[n]) && is_ascii_alnum((unsigned char)text[n - 1])) {
		size_t sp = n;
		while (sp && text[sp - 1] != ' ')
			sp--;
		if (sp > n / 2)
			n = sp;
	}
	while (n && is_ascii_space((unsigned char)text[n - 1]))
		n--;
	buf_append(out, text, n);
	buf_puts(out, "…");
}

/* The draft's title for headline into out: the headline itself when it has at most
 * TITLE_MAX characters (the API refuses longer ones with 45003); else its topic, the part
 * before the first "：" (or ": ") of a 主题：副题 headline, when that is not empty and fits;
 * else the headline cut by cut_chars(). The same headline always gives the same title.
 * Returns 1 when the title is shorter than the headline, else 0. */
static int
draft_title(const char *headline, struct buf *out)
{
	size_t len = strlen(headline);
	if (utf8_count(headline, len) <= TITLE_MAX) {
		buf_puts(out, headline);
		return 0;
	}
	const char *colon = strstr(headline, "：");
	const char *ascii = strstr(headline, ": ");
	if (!colon || (ascii && ascii < colon))
		colon = ascii;
	if (colon) {
		const char *topic = headline;
		size_t n = (size_t)(colon - headline);
		str_trim(&topic, &n);
		if (n && utf8_count(topic, n) <= TITLE_MAX) {
			buf_append(out, topic, n);
			return 1;
		}
	}
	cut_chars(out, headline, len, TITLE_MAX);
	return 1;
}

/* The draft request body with html as its content. title is the draft's title
 * (draft_title()); when it is not the whole headline, the headline opens the content. */
static char *
draft_payload(struct mp *m, const char *media_id, const char *title, const char *html)
{
	const struct deliver_message *msg = m->msg;
	const char *author = channel_get(m->ch, "author");
	if (!author || !*author)
		author = msg->author;
	const char *digest = msg->digest ? msg->digest : "";
	struct buf cut = BUF_INIT, content = BUF_INIT;
	cut_chars(&cut, digest, strlen(digest), DIGEST_MAX);
	if (strcmp(title, msg->title) != 0)
		wechat_with_headline(html, msg->title, &content);
	else
		buf_puts(&content, html);
	const char *comments = channel_get(m->ch, "open_comment");
	int open = !comments || !(str_casecmp(comments, "no") == 0 || str_casecmp(comments, "false") == 0 ||
	                          strcmp(comments, "0") == 0);
	json_t *a = json_object();
	json_object_set_new(a, "article_type", json_string("news"));
	json_object_set_new(a, "title", channel_jstr(title));
	if (author && *author)
		json_object_set_new(a, "author", channel_jstr(author));
	json_object_set_new(a, "digest", channel_jstr(buf_str(&cut)));
	json_object_set_new(a, "content", channel_jstr(buf_str(&content)));
	if (msg->url && *msg->url)
		json_object_set_new(a, "content_source_url", channel_jstr(msg->url));
	json_object_set_new(a, "thumb_media_id", channel_jstr(media_id));
	json_object_set_new(a, "need_open_comment", json_integer(open));
	json_object_set_new(a, "only_fans_can_comment", json_integer(0));
	json_t *articles = json_array();
	json_array_append_new(articles, a);
	json_t *root = json_object();
	json_object_set_new(root, "articles", articles);
	char *s = json_dumps(root, JSON_COMPACT); /* UTF-8 as is: the API asks for no \u escapes */
	json_decref(root);
	buf_free(&cut);
	buf_free(&content);
	return s;
}

int
wechat_mp_send(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	struct mp m = {.ch = ch, .msg = msg};
	const char *cover;
	if (channel_need(ch, "appid", &m.appid, e) < 0 || channel_need(ch, "secret", &m.secret, e) < 0 ||
	    channel_need(ch, "cover", &cover, e) < 0)
		return -1;
	if (!msg->wechat_html || !*msg->wechat_html)
		return err_set(e, "deliver %s (wechat_mp): nothing to put in the draft box (only article, weekly and "
		                  "daily can be delivered there)",
		               ch->name);
	m.api_base = channel_get(ch, "api_base");
	if (!m.api_base || !*m.api_base)
		m.api_base = "https://api.weixin.qq.com";
	snprintf(m.cache_channel, sizeof m.cache_channel, "wechat_mp:%s", m.appid);
	struct buf media = BUF_INIT, title = BUF_INIT, html = BUF_INIT;
	struct uploaded images[IMAGES_MAX];
	size_t n_images = 0;
	char *payload = NULL;
	json_t *root = NULL;
	int rc = -1;
	if (draft_title(msg->title, &title)) {
		struct buf shown = BUF_INIT; /* model text: no control characters onto the terminal */
		utf8_sanitize(&shown, title.data, title.len);
		log_warn("deliver %s (wechat_mp): the headline has %zu characters, over the draft title's %d: the title "
		         "is shortened to \"%s\" and the whole headline opens the content",
		         ch->name, utf8_count(msg->title, strlen(msg->title)), TITLE_MAX, buf_str(&shown));
		buf_free(&shown);
	}
	if (msg->wechat_note)
		log_warn("deliver %s (wechat_mp): %s", ch->name, msg->wechat_note);
	if (get_token(&m, 0, e) < 0 || upload_images(&m, msg->wechat_html, images, &n_images, &html, e) < 0)
		goto out;
	for (int attempt = 0;; attempt++) {
		buf_clear(&media);
		if (cover_media(&m, cover, attempt > 0, &media, e) < 0)
			goto out;
		free(payload);
		payload = draft_payload(&m, buf_str(&media), buf_str(&title), buf_str(&html));
		if (!payload) {
			err_set(e, "deliver %s (wechat_mp): cannot encode the draft", ch->name);
			goto out;
		}
		long code;
		if (call(&m, CALL_DRAFT, NULL, NULL, payload, 0, &root, &code, e) == 0)
			break;
		/* 40007 invalid media_id: the cached cover is no longer the account's material (deleted
		 * in the back office): upload it again, once. */
		if (code != 40007 || attempt > 0)
			goto out;
		log_info("deliver %s (wechat_mp): the cached cover was refused (40007); uploading it again", ch->name);
	}
	json_t *id = json_object_get(root, "media_id");
	log_info("deliver %s (wechat_mp): draft added (media_id %s)", ch->name,
	         json_is_string(id) ? json_string_value(id) : "?");
	rc = 0;
out:
	if (rc < 0 && m.token.len)
		redact_secret(e->msg, buf_str(&m.token));
	json_decref(root);
	free(payload);
	buf_free(&media);
	buf_free(&title);
	buf_free(&html);
	for (size_t i = 0; i < n_images; i++) {
		free(images[i].from);
		free(images[i].to);
	}
	buf_free(&m.token);
	return rc;
}
