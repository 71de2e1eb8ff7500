/* respond.c: the feed server's answers: options of a request, fixture files, generated feeds,
 * validators and 304s, gzip and gzip bombs, redirects and faults (delay, status, hang, reset,
 * slow, endless), and the per-target and per-host counters behind /__stats. The request
 * language is described in feedserver.c. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "feedserver.h"

static struct stat_entry *stats;
static size_t stat_count, stat_cap;
static struct host_entry hosts[4096];
static size_t host_count;
static unsigned char *bomb_data;
static size_t bomb_len, bomb_mb;

static struct stat_entry *
stat_for(const char *target)
{
	for (size_t i = 0; i < stat_count; i++)
		if (strcmp(stats[i].target, target) == 0)
			return &stats[i];
	if (stat_count == stat_cap) {
		stat_cap = stat_cap ? stat_cap * 2 : 64;
		/* entries are referenced by pointer from connections: never move them */
		struct stat_entry *n = calloc(stat_cap, sizeof *n);
		if (!n)
			exit(1);
		if (stat_count)
			memcpy(n, stats, stat_count * sizeof *n);
		for (size_t i = 0; i < conn_count; i++)
			if (conns[i]->stat)
				conns[i]->stat = n + (conns[i]->stat - stats);
		free(stats);
		stats = n;
	}
	struct stat_entry *s = &stats[stat_count++];
	memset(s, 0, sizeof *s);
	s->target = strdup(target);
	return s;
}

/* Value of query option name in q ("a=1&b=2"), copied into out; NULL when absent. */
static const char *
qopt(const char *q, const char *name, char *out, size_t size)
{
	size_t nl = strlen(name);
	for (const char *p = q; p && *p;) {
		if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
			const char *v = p + nl + 1;
			size_t n = 0;
			while (v[n] && v[n] != '&' && n + 1 < size) {
				out[n] = v[n];
				n++;
			}
			out[n] = '\0';
			/* %2F and friends in redirect targets */
			char *w = out;
			for (char *r = out; *r; r++) {
				if (r[0] == '%' && r[1] && r[2]) {
					char hex[3] = {r[1], r[2], 0};
					*w++ = (char)strtol(hex, NULL, 16);
					r += 2;
				} else {
					*w++ = *r;
				}
			}
			*w = '\0';
			return out;
		}
		p = strchr(p, '&');
		if (p)
			p++;
	}
	return NULL;
}

static long
qnum(const char *q, const char *name, long def)
{
	char v[64];
	if (!qopt(q, name, v, sizeof v))
		return def;
	return strtol(v, NULL, 10);
}

/* A request header's value (case-insensitive name), copied into out; NULL when absent. */
static const char *
req_header(const char *req, const char *name, char *out, size_t size)
{
	size_t nl = strlen(name);
	for (const char *p = strstr(req, "\r\n"); p; p = strstr(p, "\r\n")) {
		p += 2;
		if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
			const char *v = p + nl + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			size_t n = 0;
			while (v[n] && v[n] != '\r' && n + 1 < size) {
				out[n] = v[n];
				n++;
			}
			out[n] = '\0';
			return out;
		}
	}
	return NULL;
}

static void
http_date(time_t t, char *out, size_t size)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, size, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

static unsigned char *
gzip_bytes(const void *in, size_t in_len, size_t *out_len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		exit(1);
	size_t cap = deflateBound(&z, in_len) + 64;
	unsigned char *out = xrealloc_(NULL, cap);
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)in_len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(1);
	*out_len = z.total_out;
	deflateEnd(&z);
	return out;
}

/* Raw deflate of len bytes, ended by a full flush (more pieces follow: byte-aligned, no
 * reference to earlier data, no final block) or by Z_FINISH (the last piece). Appends to
 * out at *off (cap bytes). */
static void
deflate_piece(const void *in, size_t len, int flush, unsigned char *out, size_t cap, size_t *off)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		exit(1);
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)len;
	z.next_out = out + *off;
	z.avail_out = (uInt)(cap - *off);
	int rc = deflate(&z, flush);
	if (flush == Z_FINISH ? rc != Z_STREAM_END : rc != Z_OK || z.avail_in || !z.avail_out)
		exit(1);
	*off += z.total_out;
	deflateEnd(&z);
}

/* gzip of mb MiB of spaces inside an RSS wrapper, built once and cached. One compressed MiB
 * is repeated mb times (the pieces concatenate into one valid deflate stream, see
 * deflate_piece), so building costs the same for any size: compressing the whole 64 MiB at
 * level 9 took seconds on a loaded machine, inside this single-threaded server, and stalled
 * every other connection past the client's stall detector. */
static void
make_bomb(size_t mb)
{
	if (bomb_data && bomb_mb == mb)
		return;
	free(bomb_data);
	const char *head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>bomb</title>";
	const char *tail = "</channel></rss>";
	size_t chunk = 1 << 20, off = 0;
	unsigned char *spaces = xrealloc_(NULL, chunk), *piece = xrealloc_(NULL, chunk + 4096);
	memset(spaces, ' ', chunk);
	size_t piece_len = 0;
	deflate_piece(spaces, chunk, Z_FULL_FLUSH, piece, chunk + 4096, &piece_len);
	size_t cap = 10 + 2 * 4096 + mb * piece_len + 8;
	unsigned char *out = xrealloc_(NULL, cap);
	static const unsigned char gzip_header[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
	memcpy(out, gzip_header, sizeof gzip_header);
	off = sizeof gzip_header;
	deflate_piece(head, strlen(head), Z_FULL_FLUSH, out, cap, &off);
	uLong crc = crc32(0L, (const Bytef *)head, (uInt)strlen(head));
	uLong crc_chunk = crc32(0L, spaces, (uInt)chunk);
	for (size_t i = 0; i < mb; i++) {
		memcpy(out + off, piece, piece_len);
		off += piece_len;
		crc = crc32_combine(crc, crc_chunk, (z_off_t)chunk);
	}
	deflate_piece(tail, strlen(tail), Z_FINISH, out, cap, &off);
	crc = crc32(crc, (const Bytef *)tail, (uInt)strlen(tail));
	uint32_t isize = (uint32_t)(strlen(head) + mb * chunk + strlen(tail)); /* RFC 1952: mod 2^32 */
	for (int k = 0; k < 4; k++)
		out[off++] = (unsigned char)(crc >> (8 * k));
	for (int k = 0; k < 4; k++)
		out[off++] = (unsigned char)(isize >> (8 * k));
	bomb_len = off;
	bomb_data = out;
	bomb_mb = mb;
	free(piece);
	free(spaces);
}

static char *
read_file(const char *path, size_t *len, time_t *mtime)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct stat sb;
	if (fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return NULL;
	}
	char *data = xrealloc_(NULL, (size_t)sb.st_size + 1);
	*len = fread(data, 1, (size_t)sb.st_size, f);
	fclose(f);
	*mtime = sb.st_mtime;
	return data;
}

/* A deterministic RSS feed for /gen/NAME: items differ by NAME and rev. */
static char *
gen_feed(const char *name, long items, long rev, size_t *len)
{
	size_t cap = 1024 + (size_t)items * 700;
	char *s = xrealloc_(NULL, cap);
	size_t n = (size_t)snprintf(s, cap,
	                            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
	                            "<title>Generated %s</title><link>http://example.com/%s/</link>"
	                            "<description>generated feed</description>\n",
	                            name, name);
	for (long i = 0; i < items; i++)
		n += (size_t)snprintf(s + n, cap - n,
		                      "<item><title>%s item %ld rev %ld</title><link>http://example.com/%s/%ld</link>"
		                      "<guid>http://example.com/%s/%ld</guid>"
		                      "<pubDate>Mon, %02ld Feb 2026 10:%02ld:00 GMT</pubDate>"
		                      "<description>Item %ld of %s, revision %ld. Lorem ipsum dolor sit amet, "
		                      "consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
		                      "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation."
		                      "</description></item>\n",
		                      name, i, rev, name, i, name, i, 1 + i % 28, i % 60, i, name, rev);
	n += (size_t)snprintf(s + n, cap - n, "</channel></rss>\n");
	*len = n;
	return s;
}

static const char html_page[] =
	"<!DOCTYPE html>\n<html lang=\"en-US\"><head><title>Just a moment...</title>"
	"<meta http-equiv=\"refresh\" content=\"35\"></head><body><div>Checking your browser before "
	"accessing the site.</div><noscript>Enable JavaScript and cookies to continue</noscript></body></html>\n";

static const char *
default_ctype(const char *path)
{
	size_t n = strlen(path);
	if (n > 0 && path[n - 1] == '/') /* a directory: its index.html */
		return "text/html";
	if (n > 5 && strcmp(path + n - 5, ".json") == 0)
		return "application/feed+json";
	if (n > 5 && strcmp(path + n - 5, ".html") == 0)
		return "text/html";
	if (n > 5 && strcmp(path + n - 5, ".opml") == 0)
		return "text/x-opml";
	return "application/xml";
}

static void
respond_status(struct conn *c, int status, const char *extra)
{
	out_printf(c, "HTTP/1.1 %d X\r\nContent-Length: 0\r\n%s%s\r\n", status, extra ? extra : "",
	           c->is_close ? "Connection: close\r\n" : "");
}

static void
write_stats(struct conn *c)
{
	long r = 0, cond = 0, nm = 0;
	long long b = 0;
	for (size_t i = 0; i < stat_count; i++) {
		r += stats[i].requests;
		cond += stats[i].conditional;
		nm += stats[i].not_modified;
		b += stats[i].bytes;
	}
	size_t cap = 256 + stat_count * 300, n = 0;
	char *body = xrealloc_(NULL, cap);
	cap += host_count * 300;
	body = xrealloc_(body, cap);
	n += (size_t)snprintf(body + n, cap - n, "%ld\t%ld\t%ld\t%lld\t*\n", r, cond, nm, b);
	for (size_t i = 0; i < stat_count && n < cap; i++)
		n += (size_t)snprintf(body + n, cap - n, "%ld\t%ld\t%ld\t%lld\t%.200s\t%s\n", stats[i].requests,
		                      stats[i].conditional, stats[i].not_modified, stats[i].bytes, stats[i].target,
		                      stats[i].ua);
	for (size_t i = 0; i < host_count && n < cap; i++)
		n += (size_t)snprintf(body + n, cap - n, "host\t%s\t%d\t%d\n", hosts[i].name, hosts[i].max_active,
		                      hosts[i].connections);
	if (n > cap)
		n = cap;
	out_printf(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n", n);
	out_append(c, body, n);
	free(body);
}

/* Build the response to the request in c->in (headers complete). */
void
handle_request(struct conn *c, const char *req)
{
	char method[16], target[4096];
	if (sscanf(req, "%15s %4095s", method, target) != 2) {
		c->is_close = 1;
		respond_status(c, 400, NULL);
		c->state = SENDING;
		return;
	}
	if (strncmp(target, "http://", 7) == 0) { /* absolute form: asked as a proxy, answer as the origin */
		const char *slash = strchr(target + 7, '/');
		memmove(target, slash ? slash : "/", strlen(slash ? slash : "/") + 1);
	}
	char hv[512];
	if (req_header(req, "connection", hv, sizeof hv) && strcasecmp(hv, "close") == 0)
		c->is_close = 1;
	if (strcmp(target, "/__stats") == 0) {
		write_stats(c);
		c->state = SENDING;
		return;
	}
	if (strcmp(target, "/__reset") == 0) {
		for (size_t i = 0; i < stat_count; i++) {
			stats[i].requests = stats[i].conditional = stats[i].not_modified = 0;
			stats[i].bytes = 0;
		}
		for (size_t i = 0; i < host_count; i++) {
			hosts[i].max_active = hosts[i].active;
			hosts[i].connections = 0;
		}
		for (size_t i = 0; i < conn_count; i++) /* count open ones again on their next request */
			conns[i]->is_host_counted = 0;
		respond_status(c, 200, NULL);
		c->state = SENDING;
		return;
	}
	if (strcmp(target, "/__quit") == 0)
		exit(0);
	struct stat_entry *st = stat_for(target);
	c->stat = st;
	st->requests++;
	if (!req_header(req, "user-agent", st->ua, sizeof st->ua))
		st->ua[0] = '\0';
	char host[256];
	if (req_header(req, "host", host, sizeof host)) {
		char *colon = strrchr(host, ':');
		if (colon)
			*colon = '\0';
		size_t h = 0;
		while (h < host_count && strcmp(hosts[h].name, host) != 0)
			h++;
		if (h == host_count && host_count < sizeof hosts / sizeof hosts[0])
			snprintf(hosts[host_count++].name, sizeof hosts[0].name, "%s", host);
		if (h < host_count) {
			c->host = &hosts[h];
			if (!c->is_host_counted) {
				c->is_host_counted = 1;
				c->host->connections++;
			}
			if (++c->host->active > c->host->max_active)
				c->host->max_active = c->host->active;
		}
	}
	char inm[512] = "", ims[128] = "";
	int has_inm = req_header(req, "if-none-match", inm, sizeof inm) != NULL;
	int has_ims = req_header(req, "if-modified-since", ims, sizeof ims) != NULL;
	if (has_inm || has_ims)
		st->conditional++;
	char path[4096];
	const char *q = strchr(target, '?');
	size_t plen = q ? (size_t)(q - target) : strlen(target);
	snprintf(path, sizeof path, "%.*s", (int)plen, target);
	q = q ? q + 1 : "";
	char v[1024];
	long delay = qnum(q, "delay", 0);
	c->state = SENDING;
	if (delay > 0) {
		c->state = DELAYED;
		c->wake_ms = now_ms() + delay;
	}
	if (qnum(q, "hang", 0)) {
		c->state = HANGING;
		return;
	}
	long status = qnum(q, "status", 0), fail = qnum(q, "fail", -1);
	if (fail >= 0 && st->requests > fail)
		status = 0;
	else if (fail >= 0 && !status)
		status = 503;
	if (status) {
		char extra[128] = "";
		long ra = qnum(q, "retry_after", -1);
		if (ra >= 0)
			snprintf(extra, sizeof extra, "Retry-After: %ld\r\n", ra);
		respond_status(c, (int)status, extra);
		return;
	}
	long chain = qnum(q, "chain", 0);
	if (chain > 0) { /* redirect to the same path with chain=N-1 and the other options */
		char loc[4096], extra[4200];
		size_t n = (size_t)snprintf(loc, sizeof loc, "%s?chain=%ld", path, chain - 1);
		for (const char *p = q; p && *p && n < sizeof loc;) {
			const char *amp = strchr(p, '&');
			size_t len = amp ? (size_t)(amp - p) : strlen(p);
			if (strncmp(p, "chain=", 6) != 0)
				n += (size_t)snprintf(loc + n, sizeof loc - n, "&%.*s", (int)len, p);
			p = amp ? amp + 1 : NULL;
		}
		snprintf(extra, sizeof extra, "Location: %s\r\n", loc);
		respond_status(c, (int)qnum(q, "code", 302), extra);
		return;
	}
	long redirect = qnum(q, "redirect", 0);
	if (redirect || strncmp(path, "/loop/", 6) == 0) {
		char to[2048];
		if (redirect && qopt(q, "to", to, sizeof to)) {
		} else if (strcmp(path, "/loop/a") == 0) {
			snprintf(to, sizeof to, "/loop/b");
		} else {
			snprintf(to, sizeof to, "/loop/a");
		}
		char extra[2200];
		snprintf(extra, sizeof extra, "Location: %s\r\n", to);
		respond_status(c, redirect ? (int)redirect : 302, extra);
		return;
	}
	char ctype[256];
	if (!qopt(q, "ctype", ctype, sizeof ctype))
		snprintf(ctype, sizeof ctype, "%s", default_ctype(path));
	if (qopt(q, "charset", v, sizeof v)) {
		size_t n = strlen(ctype);
		snprintf(ctype + n, sizeof ctype - n, "; charset=%s", v);
	}
	if (qnum(q, "endless", 0)) {
		out_printf(c, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nTransfer-Encoding: chunked\r\n\r\n", ctype);
		const char *head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>endless</title>";
		out_printf(c, "%zx\r\n%s\r\n", strlen(head), head);
		c->is_endless = 1;
		return;
	}
	if (qnum(q, "gzjunk", 0)) { /* labelled gzip whatever the request accepts; no decoder reads it */
		static const char junk[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03 this is no deflate stream";
		out_printf(c, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Encoding: gzip\r\nContent-Length: %zu\r\n\r\n",
		           ctype, sizeof junk - 1);
		out_append(c, junk, sizeof junk - 1);
		return;
	}
	long bomb = qnum(q, "bomb", 0);
	if (bomb > 0) {
		make_bomb((size_t)bomb);
		out_printf(c, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Encoding: gzip\r\nContent-Length: %zu\r\n\r\n",
		           ctype, bomb_len);
		out_append(c, bomb_data, bomb_len);
		return;
	}
	/* the body */
	char *body;
	size_t len;
	time_t mtime = 1771581600; /* 2026-02-20T10:00:00Z for generated content */
	if (qnum(q, "html", 0)) {
		body = strdup(html_page);
		len = strlen(html_page);
		if (!qopt(q, "ctype", v, sizeof v))
			snprintf(ctype, sizeof ctype, "text/html; charset=UTF-8");
	} else if (strncmp(path, "/gen/", 5) == 0) {
		body = gen_feed(path + 5, qnum(q, "items", 5), qnum(q, "rev", 0), &len);
		mtime += qnum(q, "rev", 0);
	} else {
		char file[8192];
		snprintf(file, sizeof file, "%s%s%s", root, path, path[strlen(path) - 1] == '/' ? "index.html" : "");
		if (strstr(path, "..") || !(body = read_file(file, &len, &mtime))) {
			respond_status(c, 404, NULL);
			return;
		}
	}
	char etag[64], lm[64];
	unsigned long crc = crc32(0L, (const unsigned char *)body, (uInt)len);
	snprintf(etag, sizeof etag, "\"%08lx-%zx\"%s", crc, len, qnum(q, "etagcr", 0) ? "\rX-Injected: 1" : "");
	http_date(mtime, lm, sizeof lm);
	int use_etag = !qnum(q, "noetag", 0), use_lm = !qnum(q, "nolm", 0);
	int not_modified = (use_etag && has_inm && strcmp(inm, etag) == 0) ||
	                   (!has_inm && use_lm && has_ims && strcmp(ims, lm) == 0);
	if (qnum(q, "etagseq", 0)) { /* a new ETag on every answer, 304s included: "vN" for request N */
		char prev[64];
		snprintf(etag, sizeof etag, "\"v%ld\"", st->requests);
		snprintf(prev, sizeof prev, "\"v%ld\"", st->requests - 1);
		not_modified = has_inm && strcmp(inm, prev) == 0;
	}
	char validators[256] = "";
	size_t vn = 0;
	if (use_etag)
		vn += (size_t)snprintf(validators + vn, sizeof validators - vn, "ETag: %s\r\n", etag);
	if (use_lm)
		snprintf(validators + vn, sizeof validators - vn, "Last-Modified: %s\r\n", lm);
	if (not_modified) {
		st->not_modified++;
		out_printf(c, "HTTP/1.1 304 Not Modified\r\n%s%s\r\n", validators,
		           c->is_close ? "Connection: close\r\n" : "");
		free(body);
		return;
	}
	char ae[256] = "";
	req_header(req, "accept-encoding", ae, sizeof ae);
	if (qnum(q, "gzip", 0) && strstr(ae, "gzip")) {
		size_t zlen;
		unsigned char *z = gzip_bytes(body, len, &zlen);
		free(body);
		body = (char *)z;
		len = zlen;
		if (qnum(q, "gzcut", 0)) /* the gzip stream cut in half, Content-Length to match */
			len /= 2;
		snprintf(validators + strlen(validators), sizeof validators - strlen(validators),
		         "Content-Encoding: gzip\r\n");
	}
	if (qopt(q, "badenc", v, sizeof v)) /* a Content-Encoding the body does not have (it is plain) */
		snprintf(validators + strlen(validators), sizeof validators - strlen(validators),
		         "Content-Encoding: %.32s\r\n", v);
	long cut = qnum(q, "cut", -1);
	if (cut >= 0) { /* no Content-Length: the body ends where the connection closes, after cut bytes */
		out_printf(c, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%sConnection: close\r\n\r\n", ctype, validators);
		out_append(c, body, (size_t)cut < len ? (size_t)cut : len);
		c->is_close = 1;
		free(body);
		return;
	}
	out_printf(c, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%s%s\r\n", ctype, len,
	           validators, c->is_close ? "Connection: close\r\n" : "");
	long slow = qnum(q, "slow", 0);
	if (qnum(q, "reset", 0)) {
		out_append(c, body, len / 2);
		c->is_reset = 1;
		free(body);
	} else if (slow > 0) {
		c->slow_owned = body;
		c->slow_src = body;
		c->slow_len = len;
		c->slow_off = 0;
		c->slow_ms = (int)slow;
	} else {
		out_append(c, body, len);
		free(body);
	}
}
