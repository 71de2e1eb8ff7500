/* wxserver.c: the WeChat Official Account API stand-in (wxserver.h), on libmicrohttpd. */
#include "wxserver.h"

#include "sinks.h"

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_TOKENS 64
#define MAX_MEDIA 64

struct wx_server {
	struct MHD_Daemon *daemon;
	int port;
	pthread_mutex_t lock;
	char appid[128], secret[128];
	long expires_in;
	char tokens[MAX_TOKENS][64];
	int expired[MAX_TOKENS];
	int token_count;
	char media[MAX_MEDIA][64];
	int media_count;
	int rate_limited;
	long rate_code; /* 45009 (daily quota) or 45011 (per-minute quota) */
	struct wx_counts counts;
	struct buf problems, problems_out;
	char last_token[64];
	char last_token_read[64]; /* wx_server_last_token's copy, read by the test's thread */
};

/* The first occurrence of needle[0..n) in hay[0..len), or NULL (memmem is not POSIX). */
static const char *
find(const char *hay, size_t len, const char *needle, size_t n)
{
	for (size_t i = 0; n && i + n <= len; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* Record a contract violation (caller holds the lock). */
static void
problem(struct wx_server *s, const char *what)
{
	buf_puts(&s->problems, what);
	buf_putc(&s->problems, '\n');
}

static enum MHD_Result
reply(struct MHD_Connection *conn, const char *json)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(json), (void *)json, MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(resp, "Content-Type", "application/json; encoding=utf-8");
	enum MHD_Result rc = MHD_queue_response(conn, MHD_HTTP_OK, resp); /* the API answers errors with 200 */
	MHD_destroy_response(resp);
	return rc;
}

static enum MHD_Result
error(struct wx_server *s, struct MHD_Connection *conn, long code, const char *msg)
{
	s->counts.refused++;
	char json[256];
	snprintf(json, sizeof json, "{\"errcode\":%ld,\"errmsg\":\"%s rid: 0000-stand-in\"}", code, msg);
	return reply(conn, json);
}

static enum MHD_Result
invalid(struct wx_server *s, struct MHD_Connection *conn, const char *why)
{
	problem(s, why);
	return error(s, conn, 40035, "invalid parameter");
}

/* Check the access_token query argument: 0 = good, else the error already answered in *rc. */
static int
check_token(struct wx_server *s, struct MHD_Connection *conn, enum MHD_Result *rc)
{
	const char *t = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "access_token");
	if (!t || !*t) {
		*rc = error(s, conn, 41001, "access_token missing");
		return -1;
	}
	for (int i = 0; i < s->token_count; i++)
		if (strcmp(s->tokens[i], t) == 0) {
			if (!s->expired[i])
				return 0;
			*rc = error(s, conn, 42001, "access_token expired");
			return -1;
		}
	*rc = error(s, conn, 40001, "invalid credential, access_token is invalid or not latest");
	return -1;
}

static enum MHD_Result
on_token(struct wx_server *s, struct MHD_Connection *conn, const char *method)
{
	if (strcmp(method, "GET") != 0)
		return invalid(s, conn, "cgi-bin/token: not a GET");
	const char *grant = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "grant_type");
	const char *appid = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "appid");
	const char *secret = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "secret");
	if (!grant || strcmp(grant, "client_credential") != 0)
		return invalid(s, conn, "cgi-bin/token: grant_type is not client_credential");
	if (!appid || !secret)
		return invalid(s, conn, "cgi-bin/token: appid or secret missing");
	if (strcmp(appid, s->appid) != 0)
		return error(s, conn, 40013, "invalid appid");
	if (strcmp(secret, s->secret) != 0)
		return error(s, conn, 40125, "invalid appsecret");
	if (s->token_count == MAX_TOKENS)
		return error(s, conn, 45009, "reach max api daily quota limit");
	int n = s->token_count++;
	snprintf(s->tokens[n], sizeof s->tokens[n], "TOKEN%02d_%08lx", n + 1, (unsigned long)random());
	s->expired[n] = 0;
	str_copy(s->last_token, s->tokens[n], sizeof s->last_token);
	s->counts.token++;
	char json[256];
	snprintf(json, sizeof json, "{\"access_token\":\"%s\",\"expires_in\":%ld}", s->tokens[n], s->expires_in);
	return reply(conn, json);
}

/* Find the multipart part named name; sets its file name, type and data. 0 when found. */
static int
multipart_part(const struct buf *body, const char *boundary, const char *name, char *filename, size_t fn_size,
               char *type, size_t type_size, const char **data, size_t *len)
{
	char delim[256], want[160];
	snprintf(delim, sizeof delim, "--%s", boundary);
	snprintf(want, sizeof want, "name=\"%s\"", name);
	const char *p = body->data, *end = body->data + body->len;
	while (p && p < end) {
		const char *part = find(p, (size_t)(end - p), delim, strlen(delim));
		if (!part)
			return -1;
		const char *head = part + strlen(delim);
		if (head + 2 <= end && head[0] == '-' && head[1] == '-')
			return -1; /* the closing delimiter */
		const char *head_end = find(head, (size_t)(end - head), "\r\n\r\n", 4);
		if (!head_end)
			return -1;
		const char *next = find(head_end + 4, (size_t)(end - head_end - 4), delim, strlen(delim));
		if (!next)
			return -1;
		char headers[1024];
		snprintf(headers, sizeof headers, "%.*s", (int)(head_end - head), head);
		if (strstr(headers, want)) {
			const char *f = strstr(headers, "filename=\"");
			filename[0] = type[0] = '\0';
			if (f)
				snprintf(filename, fn_size, "%.*s", (int)strcspn(f + 10, "\""), f + 10);
			const char *t = str_icasestr(headers, strlen(headers), "Content-Type: ");
			if (t)
				snprintf(type, type_size, "%.*s", (int)strcspn(t + 14, "\r\n"), t + 14);
			*data = head_end + 4;
			*len = (size_t)(next - 2 - *data); /* the CRLF before the delimiter */
			return 0;
		}
		p = next;
	}
	return -1;
}

static enum MHD_Result
on_upload(struct wx_server *s, struct MHD_Connection *conn, const char *method, const struct buf *body)
{
	if (strcmp(method, "POST") != 0)
		return invalid(s, conn, "add_material: not a POST");
	enum MHD_Result rc;
	if (check_token(s, conn, &rc) < 0)
		return rc;
	const char *type = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "type");
	if (!type || strcmp(type, "image") != 0)
		return invalid(s, conn, "add_material: type is not image");
	const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	const char *b = ct ? strstr(ct, "boundary=") : NULL;
	if (!ct || !str_istarts(ct, "multipart/form-data") || !b)
		return invalid(s, conn, "add_material: not multipart/form-data");
	char boundary[200], filename[256], ptype[128];
	snprintf(boundary, sizeof boundary, "%s", b + 9);
	const char *data;
	size_t len;
	if (multipart_part(body, boundary, "media", filename, sizeof filename, ptype, sizeof ptype, &data, &len) < 0)
		return invalid(s, conn, "add_material: no form field \"media\"");
	if (!filename[0] || !str_istarts(ptype, "image/"))
		return invalid(s, conn, "add_material: media has no file name or no image type");
	if (len == 0 || len > 10 * 1024 * 1024)
		return error(s, conn, 40009, "invalid image size");
	if (s->media_count == MAX_MEDIA)
		return error(s, conn, 45009, "reach max api daily quota limit");
	int n = s->media_count++;
	snprintf(s->media[n], sizeof s->media[n], "MEDIA%02d", n + 1);
	s->counts.upload++;
	char json[256];
	snprintf(json, sizeof json, "{\"media_id\":\"%s\",\"url\":\"http://mmbiz.qpic.cn/stand-in/%d\"}", s->media[n],
	         n + 1);
	return reply(conn, json);
}

/* POST /cgi-bin/media/uploadimg: an image for an article's content (jpg or png, at most
 * 1 MB: 40005 invalid file type, 40009 invalid image size) -> {"url"} on mmbiz.qpic.cn. */
static enum MHD_Result
on_uploadimg(struct wx_server *s, struct MHD_Connection *conn, const char *method, const struct buf *body)
{
	if (strcmp(method, "POST") != 0)
		return invalid(s, conn, "uploadimg: not a POST");
	enum MHD_Result rc;
	if (check_token(s, conn, &rc) < 0)
		return rc;
	const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	const char *b = ct ? strstr(ct, "boundary=") : NULL;
	if (!ct || !str_istarts(ct, "multipart/form-data") || !b)
		return invalid(s, conn, "uploadimg: not multipart/form-data");
	char boundary[200], filename[256], ptype[128];
	snprintf(boundary, sizeof boundary, "%s", b + 9);
	const char *data;
	size_t len;
	if (multipart_part(body, boundary, "media", filename, sizeof filename, ptype, sizeof ptype, &data, &len) < 0)
		return invalid(s, conn, "uploadimg: no form field \"media\"");
	if (!filename[0])
		return invalid(s, conn, "uploadimg: media has no file name");
	int png = len > 4 && memcmp(data, "\x89PNG", 4) == 0;
	int jpg = len > 3 && (unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xD8;
	if (!((png && strcmp(ptype, "image/png") == 0) || (jpg && strcmp(ptype, "image/jpeg") == 0)))
		return error(s, conn, 40005, "invalid file type");
	if (len > 1024 * 1024)
		return error(s, conn, 40009, "invalid image size");
	s->counts.images++;
	char json[256];
	snprintf(json, sizeof json, "{\"url\":\"http://mmbiz.qpic.cn/mmbiz_%s/stand-in%ld/0\"}", png ? "png" : "jpg",
	         s->counts.images);
	return reply(conn, json);
}

/* GET /outside/NAME: an image on a site other than the API's, as a [brand] cover is:
 * cover.png (a small png), logo.gif (a gif), huge.jpg (a jpg of 1.5 MB); else 404. */
static enum MHD_Result
on_outside(struct MHD_Connection *conn, const char *url)
{
	struct buf img = BUF_INIT;
	if (strcmp(url, "/outside/cover.png") == 0) {
		buf_append(&img, "\x89PNG\r\n\x1a\n", 8);
		for (int i = 0; i < 200; i++)
			buf_putc(&img, (char)i);
	} else if (strcmp(url, "/outside/logo.gif") == 0) {
		buf_puts(&img, "GIF89a-not-really-a-gif");
	} else if (strcmp(url, "/outside/huge.jpg") == 0) {
		buf_append(&img, "\xFF\xD8\xFF\xE0", 4);
		for (int i = 0; i < 1536 * 1024; i++)
			buf_putc(&img, (char)(i & 0x7F));
	}
	unsigned status = img.len ? MHD_HTTP_OK : MHD_HTTP_NOT_FOUND;
	struct MHD_Response *resp =
	        MHD_create_response_from_buffer(img.len, img.data ? img.data : (void *)"", MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	buf_free(&img);
	return rc;
}

/* The API drops from a draft's content each <img> whose src is not on its own host
 * (mmbiz.qpic.cn: "外部图片url将被过滤"): count them, and record each as a problem. */
static void
check_images(struct wx_server *s, const char *content)
{
	for (const char *p = content; (p = strstr(p, "<img "));) {
		const char *src = strstr(p, " src=\"");
		const char *end = strchr(p, '>');
		p += 5;
		if (!src || !end || src > end)
			continue;
		src += 6;
		s->counts.content_images++;
		if (!str_istarts(src, "http://mmbiz.qpic.cn/") && !str_istarts(src, "https://mmbiz.qpic.cn/")) {
			s->counts.outside_images++;
			problem(s, "draft/add: an <img> in the content is not on mmbiz.qpic.cn (the API drops it)");
		}
	}
}

static size_t
chars(const char *s)
{
	return utf8_count(s, strlen(s));
}

static enum MHD_Result
on_draft(struct wx_server *s, struct MHD_Connection *conn, const char *method, const struct buf *body)
{
	if (strcmp(method, "POST") != 0)
		return invalid(s, conn, "draft/add: not a POST");
	enum MHD_Result rc;
	if (check_token(s, conn, &rc) < 0)
		return rc;
	if (s->rate_limited > 0) {
		s->rate_limited--;
		if (s->rate_code == 45011)
			return error(s, conn, 45011, "api minute-quota reach limit  mustslower  retry next minute");
		return error(s, conn, 45009, "reach max api daily quota limit");
	}
	const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	if (!ct || !str_istarts(ct, "application/json"))
		return invalid(s, conn, "draft/add: body is not application/json");
	if (body->len && find(body->data, body->len, "\\u", 2))
		return invalid(s, conn, "draft/add: \\u escapes in the JSON (the API asks for plain UTF-8)");
	json_t *root = json_loadb(body->data ? body->data : "", body->len, 0, NULL);
	json_t *arts = root ? json_object_get(root, "articles") : NULL;
	json_t *a = json_is_array(arts) ? json_array_get(arts, 0) : NULL;
	if (!json_is_object(a)) {
		json_decref(root);
		return invalid(s, conn, "draft/add: no articles[0]");
	}
	const char *title = json_string_value(json_object_get(a, "title"));
	const char *author = json_string_value(json_object_get(a, "author"));
	const char *digest = json_string_value(json_object_get(a, "digest"));
	const char *content = json_string_value(json_object_get(a, "content"));
	const char *thumb = json_string_value(json_object_get(a, "thumb_media_id"));
	json_t *open = json_object_get(a, "need_open_comment"), *fans = json_object_get(a, "only_fans_can_comment");
	if (!title || !*title || !content || !*content) {
		json_decref(root);
		return invalid(s, conn, "draft/add: title or content missing");
	}
	if ((open && !(json_is_integer(open) && json_integer_value(open) >= 0 && json_integer_value(open) <= 1)) ||
	    (fans && !(json_is_integer(fans) && json_integer_value(fans) >= 0 && json_integer_value(fans) <= 1))) {
		json_decref(root);
		return invalid(s, conn, "draft/add: need_open_comment/only_fans_can_comment not 0 or 1");
	}
	long code = 0;
	const char *msg = NULL;
	if (chars(title) > 32)
		code = 45003, msg = "title size out of limit";
	else if (author && chars(author) > 16)
		code = 45110, msg = "author size out of limit";
	else if (digest && chars(digest) > 128)
		code = 45004, msg = "description size out of limit";
	else if (chars(content) >= 20000 || strlen(content) >= 1024 * 1024)
		code = 45002, msg = "content size out of limit";
	else {
		int known = 0;
		for (int i = 0; thumb && i < s->media_count; i++)
			known |= strcmp(s->media[i], thumb) == 0;
		if (!known)
			code = 40007, msg = "invalid media_id";
	}
	if (code) {
		json_decref(root);
		return error(s, conn, code, msg);
	}
	s->counts.draft++;
	check_images(s, content);
	str_copy(s->counts.title, title, sizeof s->counts.title);
	str_copy(s->counts.author, author ? author : "", sizeof s->counts.author);
	str_copy(s->counts.digest, digest ? digest : "", sizeof s->counts.digest);
	str_copy(s->counts.thumb, thumb, sizeof s->counts.thumb);
	str_copy(s->counts.content_head, content, sizeof s->counts.content_head);
	s->counts.content_len = strlen(content);
	json_decref(root);
	char json[128];
	snprintf(json, sizeof json, "{\"media_id\":\"DRAFT%02ld\",\"item\":[]}", s->counts.draft);
	return reply(conn, json);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method, const char *version,
           const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)version;
	struct wx_server *s = cls;
	struct buf *body = *con_cls;
	if (!body) {
		*con_cls = xcalloc(1, sizeof *body);
		return MHD_YES;
	}
	if (*upload_size) {
		buf_append(body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	pthread_mutex_lock(&s->lock);
	enum MHD_Result rc;
	if (strcmp(url, "/cgi-bin/token") == 0)
		rc = on_token(s, conn, method);
	else if (strcmp(url, "/cgi-bin/material/add_material") == 0)
		rc = on_upload(s, conn, method, body);
	else if (strcmp(url, "/cgi-bin/draft/add") == 0)
		rc = on_draft(s, conn, method, body);
	else if (strcmp(url, "/cgi-bin/media/uploadimg") == 0)
		rc = on_uploadimg(s, conn, method, body);
	else if (str_starts(url, "/outside/"))
		rc = on_outside(conn, url);
	else
		rc = invalid(s, conn, "unknown API path");
	pthread_mutex_unlock(&s->lock);
	return rc;
}

struct wx_server *
wx_server_start(const char *appid, const char *secret, long expires_in)
{
	struct wx_server *s = xcalloc(1, sizeof *s);
	pthread_mutex_init(&s->lock, NULL);
	str_copy(s->appid, appid, sizeof s->appid);
	str_copy(s->secret, secret, sizeof s->secret);
	s->expires_in = expires_in;
	s->daemon = sink_mhd_start(on_request, s, &s->port, "the WeChat API stand-in");
	return s;
}

int
wx_server_port(const struct wx_server *s)
{
	return s->port;
}

void
wx_server_expire_tokens(struct wx_server *s)
{
	pthread_mutex_lock(&s->lock);
	for (int i = 0; i < s->token_count; i++)
		s->expired[i] = 1;
	pthread_mutex_unlock(&s->lock);
}

void
wx_server_rate_limit(struct wx_server *s, int n, long code)
{
	pthread_mutex_lock(&s->lock);
	s->rate_limited = n;
	s->rate_code = code;
	pthread_mutex_unlock(&s->lock);
}

void
wx_server_counts(struct wx_server *s, struct wx_counts *out)
{
	pthread_mutex_lock(&s->lock);
	*out = s->counts;
	pthread_mutex_unlock(&s->lock);
}

const char *
wx_server_problems(struct wx_server *s)
{
	pthread_mutex_lock(&s->lock);
	buf_clear(&s->problems_out);
	buf_puts(&s->problems_out, buf_str(&s->problems));
	pthread_mutex_unlock(&s->lock);
	return buf_str(&s->problems_out);
}

const char *
wx_server_last_token(struct wx_server *s)
{
	/* A copy taken under the lock: the server's thread writes last_token while it answers. */
	pthread_mutex_lock(&s->lock);
	str_copy(s->last_token_read, s->last_token, sizeof s->last_token_read);
	pthread_mutex_unlock(&s->lock);
	return s->last_token_read;
}

void
wx_server_stop(struct wx_server *s)
{
	MHD_stop_daemon(s->daemon);
	pthread_mutex_destroy(&s->lock);
	buf_free(&s->problems);
	buf_free(&s->problems_out);
	free(s);
}
