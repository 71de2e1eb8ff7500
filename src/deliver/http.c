/* http.c: one HTTP POST at a time for delivery (libcurl easy interface), with timeouts and
 * one-line errors that name the host but never the URL's path or query (they hold tokens). */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/channel.h"
#include "util/json.h"
#include "util/str.h"
#include "util/utf8.h"

/* Enough for any service's error answer; a larger body is cut, not an error. */
#define REPLY_CAP (64 * 1024)

/* The body being received and its cap. */
struct sink {
	struct http_reply *reply;
	size_t cap;
};

static size_t
on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct sink *k = ctx;
	struct buf *b = &k->reply->body;
	size_t n = size * nmemb;
	if (b->len + n > k->cap)
		k->reply->cut = 1;
	if (b->len < k->cap)
		buf_append(b, data, b->len + n > k->cap ? k->cap - b->len : n);
	return n;
}

/* Header callback: keeps the seconds of a "Retry-After: N" header in the reply (an HTTP
 * date there is ignored). */
static size_t
on_header(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct http_reply *reply = ctx;
	size_t n = size * nmemb;
	const char *name = "retry-after:";
	size_t nl = strlen(name);
	if (n > nl && str_ncasecmp(data, name, nl) == 0) {
		const char *v = data + nl;
		size_t vl = n - nl;
		str_trim(&v, &vl);
		char num[16];
		long secs;
		if (vl > 0 && vl < sizeof num) {
			memcpy(num, v, vl);
			num[vl] = '\0';
			if (str_to_long(num, 0, 86400, &secs) == 0)
				reply->retry_after = secs;
		}
	}
	return n;
}

void
http_url_host(const char *url, char *out, size_t size)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	const char *at = strchr(h, '@');
	const char *end = h + strcspn(h, "/?#");
	if (at && at < end)
		h = at + 1; /* drop user:password@ */
	size_t n = (size_t)(end - h);
	snprintf(out, size, "%.*s", (int)n, h);
}

/* One request: POST body (content_type) when body is non-NULL, a multipart/form-data POST
 * when mime is non-NULL, else GET; the body kept up to cap bytes (0: REPLY_CAP). Shared by
 * the functions below. */
static int
perform(const struct channel *ch, const char *url, const char *content_type, const char *body, size_t len,
        curl_mime *mime, CURL *c, const char *const *extra_headers, struct http_reply *reply, size_t cap,
        struct err *e)
{
	struct sink sink = {reply, cap ? cap : REPLY_CAP};
	char host[256];
	http_url_host(url, host, sizeof host);
	struct curl_slist *headers = NULL;
	char ct[128];
	if (body) {
		snprintf(ct, sizeof ct, "Content-Type: %s", content_type);
		headers = curl_slist_append(headers, ct);
	}
	headers = curl_slist_append(headers, "Expect:"); /* no 100-continue round trip */
	for (size_t i = 0; extra_headers && extra_headers[i]; i++)
		headers = curl_slist_append(headers, extra_headers[i]);
	char errbuf[CURL_ERROR_SIZE] = "";
	long connect_s = ch->timeout_s < 10 ? ch->timeout_s : 10;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	if (body) {
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	} else if (mime) {
		curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "brief/" BRIEF_VERSION);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, ch->timeout_s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, connect_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, reply);
	CURLcode rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply->status);
	curl_slist_free_all(headers);
	if (rc != CURLE_OK) {
		buf_free(&reply->body);
		return err_set(e, "deliver %s (%s): cannot %s %s: %s", ch->name, ch->type, body || mime ? "post to" : "reach",
		               host, errbuf[0] ? errbuf : curl_easy_strerror(rc));
	}
	return 0;
}

/* Start a request: reply cleared, url checked, an easy handle in *c. */
static int
begin(const struct channel *ch, const char *url, struct http_reply *reply, CURL **c, struct err *e)
{
	memset(reply, 0, sizeof *reply);
	reply->retry_after = -1;
	if (!str_istarts(url, "http://") && !str_istarts(url, "https://"))
		return err_set(e, "deliver %s (%s): the URL must start with http:// or https://", ch->name, ch->type);
	*c = curl_easy_init();
	if (!*c)
		return err_set(e, "deliver %s: cannot initialise libcurl", ch->name);
	return 0;
}

int
http_post(const struct channel *ch, const char *url, const char *content_type, const char *body, size_t len,
          const char *const *extra_headers, struct http_reply *reply, struct err *e)
{
	CURL *c;
	if (begin(ch, url, reply, &c, e) < 0)
		return -1;
	int rc = perform(ch, url, content_type, body ? body : "", len, NULL, c, extra_headers, reply, 0, e);
	curl_easy_cleanup(c);
	return rc;
}

int
http_get(const struct channel *ch, const char *url, struct http_reply *reply, struct err *e)
{
	CURL *c;
	if (begin(ch, url, reply, &c, e) < 0)
		return -1;
	int rc = perform(ch, url, NULL, NULL, 0, NULL, c, NULL, reply, 0, e);
	curl_easy_cleanup(c);
	return rc;
}

int
http_get_max(const struct channel *ch, const char *url, size_t max, struct http_reply *reply, struct err *e)
{
	CURL *c;
	if (begin(ch, url, reply, &c, e) < 0)
		return -1;
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	int rc = perform(ch, url, NULL, NULL, 0, NULL, c, NULL, reply, max, e);
	curl_easy_cleanup(c);
	return rc;
}

int
http_post_data(const struct channel *ch, const char *url, const char *field, const char *filename, const char *data,
               size_t len, const char *content_type, struct http_reply *reply, struct err *e)
{
	CURL *c;
	if (begin(ch, url, reply, &c, e) < 0)
		return -1;
	curl_mime *mime = curl_mime_init(c);
	curl_mimepart *part = curl_mime_addpart(mime);
	curl_mime_name(part, field);
	curl_mime_data(part, data, len);
	curl_mime_filename(part, filename);
	curl_mime_type(part, content_type);
	int rc = perform(ch, url, NULL, NULL, 0, mime, c, NULL, reply, 0, e);
	curl_mime_free(mime);
	curl_easy_cleanup(c);
	return rc;
}

int
http_post_file(const struct channel *ch, const char *url, const char *field, const char *path,
               const char *content_type, struct http_reply *reply, struct err *e)
{
	CURL *c;
	if (begin(ch, url, reply, &c, e) < 0)
		return -1;
	curl_mime *mime = curl_mime_init(c);
	curl_mimepart *part = curl_mime_addpart(mime);
	curl_mime_name(part, field);
	int rc = -1;
	if (curl_mime_filedata(part, path) != CURLE_OK) {
		err_set(e, "deliver %s (%s): cannot read %s", ch->name, ch->type, path);
	} else {
		curl_mime_type(part, content_type);
		rc = perform(ch, url, NULL, NULL, 0, mime, c, NULL, reply, 0, e);
	}
	curl_mime_free(mime);
	curl_easy_cleanup(c);
	return rc;
}

int
http_post_json(const struct channel *ch, const char *url, json_t *payload, const char *const *extra_headers,
               struct http_reply *reply, struct err *e)
{
	char *body = json_dumps(payload, JSON_COMPACT);
	json_decref(payload);
	if (!body)
		return err_set(e, "deliver %s (%s): cannot encode the message as JSON", ch->name, ch->type);
	int rc = http_post(ch, url, "application/json; charset=utf-8", body, strlen(body), extra_headers, reply, e);
	free(body);
	return rc;
}

int
http_expect_2xx(const struct http_reply *reply, struct err *e)
{
	if (reply->status >= 200 && reply->status < 300)
		return 0;
	/* First line of the answer, printable and short: services explain errors there. */
	struct buf line = BUF_INIT;
	const char *b = buf_str(&reply->body);
	size_t n = strcspn(b, "\r\n");
	n = utf8_prefix_chars(b, n, 200);
	utf8_sanitize(&line, b, n);
	int rc = err_set(e, "HTTP %ld%s%s", reply->status, line.len ? ": " : "", buf_str(&line));
	buf_free(&line);
	return rc;
}

json_t *
channel_jstr(const char *s)
{
	return json_text(s ? s : "");
}

int
http_expect_api(const struct http_reply *reply, const char *code_key, const char *msg_key, struct err *e)
{
	json_t *root = code_key || msg_key ? json_loadb(reply->body.data ? reply->body.data : "", reply->body.len, 0, NULL)
	                                   : NULL;
	json_t *m = root && msg_key ? json_object_get(root, msg_key) : NULL;
	json_t *code = root && code_key ? json_object_get(root, code_key) : NULL;
	/* Services explain errors in msg_key; show it rather than the raw JSON. */
	struct buf text = BUF_INIT;
	if (json_is_string(m)) {
		const char *v = json_string_value(m);
		utf8_sanitize(&text, v, utf8_prefix_chars(v, strcspn(v, "\r\n"), 200));
	}
	int rc = 0;
	if (reply->status < 200 || reply->status >= 300) {
		if (text.len)
			rc = err_set(e, "HTTP %ld: %s", reply->status, buf_str(&text));
		else
			rc = http_expect_2xx(reply, e);
	} else if (code_key && !json_is_object(root) && reply->body.len > strspn(buf_str(&reply->body), " \t\r\n")) {
		/* A page from a proxy, a captive portal or another site: not the service's answer. */
		struct buf line = BUF_INIT;
		const char *b = buf_str(&reply->body);
		utf8_sanitize(&line, b, utf8_prefix_chars(b, strcspn(b, "\r\n"), 200));
		rc = err_set(e, "HTTP %ld, but the answer is not the service's JSON: %s", reply->status, buf_str(&line));
		buf_free(&line);
	} else if (json_is_integer(code) && json_integer_value(code) != 0) {
		rc = err_set(e, "%s %lld: %s", code_key, (long long)json_integer_value(code), buf_str(&text));
	} else if (json_is_false(code)) {
		rc = err_set(e, "%s", text.len ? buf_str(&text) : "the service refused the message");
	}
	buf_free(&text);
	json_decref(root);
	return rc;
}
