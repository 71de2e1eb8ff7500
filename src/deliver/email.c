/* email.c: delivery by email over SMTP with libcurl (smtp:// with STARTTLS, or smtps://):
 * a multipart/alternative message with a plain-text part and the HTML report. */
#include <curl/curl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deliver/channel.h"
#include "util/hash.h"
#include "util/log.h"
#include "util/str.h"
#include "util/strlist.h"
#include "util/utf8.h"

/* Append s with CR, LF and the other control characters (DEL too) removed: header values
 * must not be able to start new headers, and RFC 5322 allows no controls in them. */
static void
put_header_value(struct buf *out, const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			buf_putc(out, *s);
}

/* s[0..len) as RFC 2047 UTF-8 B encoded-words of at most 45 raw bytes each (60 base64
 * chars), cut on code point boundaries, a folded line each (RFC 5322 2.2.3: a header line may
 * not pass 998 octets, and the space between encoded-words is no text). */
static void
put_encoded_words(struct buf *out, const char *s, size_t len)
{
	for (size_t pos = 0; pos < len;) {
		size_t n = 0;
		while (pos + n < len) {
			uint32_t cp;
			size_t step = utf8_decode(s + pos + n, len - pos - n, &cp);
			if (n + step > 45)
				break;
			n += step;
		}
		unsigned char enc[64];
		EVP_EncodeBlock(enc, (const unsigned char *)s + pos, (int)n);
		buf_printf(out, "%s=?UTF-8?B?%s?=", pos ? "\r\n " : "", (const char *)enc);
		pos += n;
	}
}

/* True when s[0..len) is all 7-bit. */
static int
is_ascii_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* A non-ASCII subject becomes encoded-words (put_encoded_words). An ASCII subject stays as it
 * is unless it would pass SUBJECT_LINE_MAX, then it is encoded too: folding plain text needs
 * spaces where the line is to break, and a title may have none. So is one holding "=?": a
 * title (feed or model text) with "=?UTF-8?B?...?=" in it would be decoded by every mail
 * client into words that are in no title (RFC 2047 5: such text must be encoded). */
#define SUBJECT_LINE_MAX 900
static void
put_subject(struct buf *out, const char *title)
{
	struct buf clean = BUF_INIT;
	put_header_value(&clean, title); /* deliver_send cleaned the title */
	const char *s = buf_str(&clean);
	size_t len = clean.len;
	buf_puts(out, "Subject: ");
	if (is_ascii_text(s, len) && len <= SUBJECT_LINE_MAX && !strstr(s, "=?"))
		buf_append(out, s, len);
	else
		put_encoded_words(out, s, len);
	buf_free(&clean);
}

/* The address of one entry of a "from" or "to" list: inside its <...> (the last '<' outside a
 * quoted display name: "\"Ops <on call>\" <oncall@x.example>" is oncall@x.example), else the
 * whole entry; trimmed, into *addr and *alen. *lt is that '<' or NULL. */
static void
entry_address(const char *s, size_t len, const char **addr, size_t *alen, const char **lt)
{
	const char *open = NULL, *close = NULL;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && quoted && i + 1 < len) {
			i++;
		} else if (s[i] == '"') {
			quoted = !quoted;
		} else if (s[i] == '<' && !quoted) {
			open = s + i;
			close = NULL;
		} else if (s[i] == '>' && !quoted && open && !close) {
			close = s + i;
		}
	}
	*lt = open && close ? open : NULL;
	*addr = *lt ? open + 1 : s;
	*alen = *lt ? (size_t)(close - open - 1) : len;
	str_trim(addr, alen);
}

/* Whether a[0..len) can go in MAIL FROM or RCPT TO as it is: "local@domain", both sides
 * non-empty, no space, control, quote or list punctuation ("Ops Team", "j@", "Doe, Jane"). */
static int
address_ok(const char *a, size_t len)
{
	const char *at = memchr(a, '@', len);
	if (!at || at == a || at == a + len - 1 || memchr(at + 1, '@', len - (size_t)(at + 1 - a)))
		return 0;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)a[i] <= 0x20 || a[i] == 0x7f || strchr("<>(),;:\"\\", a[i]))
			return 0;
	return 1;
}

/* The envelope form "<addr>" of one list entry into out. */
static void
envelope_address(const char *s, size_t len, struct buf *out)
{
	const char *a, *lt;
	size_t al;
	entry_address(s, len, &a, &al, &lt);
	buf_putc(out, '<');
	buf_append(out, a, al);
	buf_putc(out, '>');
}

/* The next address of a "to" list at *p (parted by ',' or ';' outside a quoted display name
 * and outside <...>: "\"Doe, John\" <j@x.example>, b@y.example" is two); sets *a, *len and
 * moves *p past it. Returns 0 at the end. Empty entries are skipped. */
static int
next_address(const char **p, const char **a, size_t *len)
{
	for (;;) {
		const char *s = *p;
		if (!*s)
			return 0;
		int quoted = 0, angle = 0;
		const char *q = s;
		for (; *q && (quoted || angle || (*q != ',' && *q != ';')); q++) {
			if (*q == '\\' && quoted && q[1])
				q++;
			else if (*q == '"' && !angle)
				quoted = !quoted;
			else if (*q == '<' && !quoted)
				angle = 1;
			else if (*q == '>' && !quoted)
				angle = 0;
		}
		*p = *q ? q + 1 : q;
		*a = s;
		*len = (size_t)(q - s);
		str_trim(a, len);
		if (*len)
			return 1;
	}
}

/* The next recipient of a "to" list: next_address's entry, joined with the entries after it
 * while it holds no '@' — Outlook writes "Doe, Jane <j@x.example>; Roe, Rick <r@x.example>",
 * where the comma belongs to the name. An entry still without '@' at the end stays one (and
 * is refused by address_ok). Same contract as next_address. */
static int
next_recipient(const char **p, const char **a, size_t *len)
{
	if (!next_address(p, a, len))
		return 0;
	const char *b;
	size_t bl;
	while (!memchr(*a, '@', *len) && next_address(p, &b, &bl))
		*len = (size_t)(b + bl - *a);
	return 1;
}

/* An address header's value (From, To: "name: " already in out), written again from its
 * entries (next_recipient), one a line, parted by commas as RFC 5322 wants: an Outlook list
 * ("Doe, Jane <j@x.example>; Roe, Rick <r@x.example>") has its ';' and its names' commas
 * read by mail clients as more addresses. A display name with such punctuation is quoted; a
 * non-ASCII one ("技术日报 <bot@x.example>", "\"张三, 编辑\" <a@x.example>") becomes
 * encoded-words (RFC 2047 5(3)): a header is 7-bit text (RFC 5322; brief asks for no
 * SMTPUTF8), and a raw UTF-8 name is refused or shown garbled by servers and clients that
 * hold to that. */
static void
put_address_header(struct buf *out, const char *value)
{
	struct buf clean = BUF_INIT;
	put_header_value(&clean, value);
	const char *p = buf_str(&clean), *a;
	size_t al;
	for (int first = 1; next_recipient(&p, &a, &al); first = 0) {
		if (!first)
			buf_puts(out, ",\r\n ");
		const char *addr, *lt;
		size_t addr_len;
		entry_address(a, al, &addr, &addr_len, &lt);
		const char *name = a;
		size_t nl = lt ? (size_t)(lt - a) : 0;
		str_trim(&name, &nl);
		if (!lt || nl == 0) {
			buf_append(out, addr, addr_len); /* an address only */
			continue;
		}
		struct buf plain = BUF_INIT; /* the name without its quotes and quoted-pair escapes */
		for (size_t i = 0; i < nl; i++) {
			if (name[i] == '"')
				continue;
			if (name[i] == '\\' && i + 1 < nl)
				i++;
			buf_putc(&plain, name[i]);
		}
		if (!is_ascii_text(name, nl)) {
			put_encoded_words(out, buf_str(&plain), plain.len);
		} else if (strcspn(buf_str(&plain), "()<>[]:;@\\,.\"") < plain.len) {
			buf_putc(out, '"');
			for (size_t i = 0; i < plain.len; i++) {
				if (plain.data[i] == '"' || plain.data[i] == '\\')
					buf_putc(out, '\\');
				buf_putc(out, plain.data[i]);
			}
			buf_putc(out, '"');
		} else {
			buf_append(out, buf_str(&plain), plain.len);
		}
		buf_puts(out, " <");
		buf_append(out, addr, addr_len);
		buf_putc(out, '>');
		buf_free(&plain);
	}
	buf_free(&clean);
}

static curl_mimepart *
add_text_part(curl_mime *mime, const char *data, const char *type)
{
	/* Mail lines end in CRLF; curl's quoted-printable encoder would turn a bare LF into "=0A"
	 * and the whole text into one long soft-wrapped line. */
	struct buf crlf = BUF_INIT;
	for (const char *p = data; *p; p++) {
		if (*p == '\n' && (p == data || p[-1] != '\r'))
			buf_putc(&crlf, '\r');
		buf_putc(&crlf, *p);
	}
	curl_mimepart *part = curl_mime_addpart(mime);
	curl_mime_data(part, buf_str(&crlf), crlf.len);
	buf_free(&crlf);
	curl_mime_type(part, type);
	/* Quoted-printable keeps lines under SMTP's 998-byte limit and stays readable. */
	curl_mime_encoder(part, "quoted-printable");
	return part;
}

/* Which STARTTLS policy: "yes" requires it, "no" never tries; unset requires it when a
 * password would otherwise cross the network in the clear, else uses it when offered. */
static int
tls_policy(const struct channel *ch, long *out, struct err *e)
{
	const char *v = channel_get(ch, "starttls");
	int on;
	if (!v || !*v)
		*out = channel_get(ch, "password") ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY;
	else if (config_bool(v, &on) == 0)
		*out = on ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE;
	else
		return err_set(e, "deliver %s (email): starttls is yes or no, not \"%s\"", ch->name, v);
	return 0;
}

int
email_send(const struct channel *ch, const struct deliver_message *msg, struct err *e)
{
	const char *smtp_url = channel_get(ch, "smtp_url"), *from = channel_get(ch, "from"), *to = channel_get(ch, "to");
	if (!str_istarts(smtp_url, "smtp://") && !str_istarts(smtp_url, "smtps://"))
		return err_set(e, "deliver %s (email): smtp_url must start with smtp:// or smtps://", ch->name);
	long use_ssl;
	if (tls_policy(ch, &use_ssl, e) < 0)
		return -1;
	char host[256];
	http_url_host(smtp_url, host, sizeof host);

	CURL *c = curl_easy_init();
	if (!c)
		return err_set(e, "deliver %s: cannot initialise libcurl", ch->name);
	struct buf mail_from = BUF_INIT, line = BUF_INIT;
	struct curl_slist *rcpt = NULL, *headers = NULL;
	envelope_address(from, strlen(from), &mail_from);
	const char *p = to, *a;
	size_t al, had = 0, fresh = 0;
	int bad = !address_ok(mail_from.data + 1, mail_from.len - 2);
	if (bad)
		err_set(e, "deliver %s (email): from: \"%s\" is not an email address", ch->name, from);
	while (!bad && next_recipient(&p, &a, &al)) {
		buf_clear(&line);
		envelope_address(a, al, &line);
		int sent = 0;
		if ((bad = !address_ok(line.data + 1, line.len - 2)))
			err_set(e, "deliver %s (email): to: \"%.*s\" is not an email address (a display name with a comma "
			           "goes in double quotes)", ch->name, (int)al, a);
		else if ((sent = channel_recipient_sent(ch, line.data + 1, line.len - 2, e)) < 0)
			bad = err_wrap(e, "deliver %s (email)", ch->name);
		else if (sent) /* an earlier run mailed it: the list gained other addresses since */
			had++;
		else if ((rcpt = curl_slist_append(rcpt, buf_str(&line))))
			fresh++;
	}
	if (bad || !rcpt) {
		curl_easy_cleanup(c);
		curl_slist_free_all(rcpt);
		buf_free(&mail_from);
		buf_free(&line);
		if (bad)
			return -1;
		return had ? 1 : err_set(e, "deliver %s (email): \"to\" holds no address", ch->name);
	}
	if (had)
		log_info("deliver %s (email): %zu of the recipients had the report from an earlier run; mailing the %zu "
		         "new",
		         ch->name, had, fresh);

	/* Headers: From, To, Subject, Date, Message-ID (curl adds MIME-Version and Content-Type). */
	buf_clear(&line);
	buf_puts(&line, "From: ");
	put_address_header(&line, from);
	headers = curl_slist_append(headers, buf_str(&line));
	buf_clear(&line);
	buf_puts(&line, "To: ");
	put_address_header(&line, to);
	headers = curl_slist_append(headers, buf_str(&line));
	buf_clear(&line);
	put_subject(&line, msg->title);
	headers = curl_slist_append(headers, buf_str(&line));
	char date[64];
	time_t now = (time_t)(sign_wall_ms() / 1000);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "Date: %a, %d %b %Y %H:%M:%S +0000", &tm);
	headers = curl_slist_append(headers, date);
	char id[33], msgid[128];
	buf_clear(&line);
	buf_printf(&line, "%lld|%s|%s", (long long)sign_wall_ms(), msg->title, to);
	hash_hex128(line.data, line.len, id);
	const char *at = strrchr(buf_str(&mail_from), '@');
	snprintf(msgid, sizeof msgid, "Message-ID: <%s.brief@%.*s>", id, at ? (int)strcspn(at + 1, ">") : 5,
	         at ? at + 1 : "brief");
	headers = curl_slist_append(headers, msgid);

	/* Body: multipart/alternative { text/plain, text/html } inside the message. */
	const char *text = msg->text ? msg->text : msg->markdown ? msg->markdown : "";
	curl_mime *mime = curl_mime_init(c);
	if (msg->html) {
		curl_mime *alt = curl_mime_init(c);
		add_text_part(alt, text, "text/plain; charset=utf-8");
		add_text_part(alt, msg->html, "text/html; charset=utf-8");
		curl_mimepart *part = curl_mime_addpart(mime);
		curl_mime_subparts(part, alt);
		curl_mime_type(part, "multipart/alternative");
		struct curl_slist *ph = curl_slist_append(NULL, "Content-Disposition: inline");
		curl_mime_headers(part, ph, 1);
	} else {
		add_text_part(mime, text, "text/plain; charset=utf-8");
	}

	char errbuf[CURL_ERROR_SIZE] = "";
	long connect_s = ch->timeout_s < 10 ? ch->timeout_s : 10;
	curl_easy_setopt(c, CURLOPT_URL, smtp_url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_USE_SSL, use_ssl);
	const char *ca = channel_get(ch, "ca_file");
	if (ca && *ca)
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	const char *user = channel_get(ch, "username"), *pass = channel_get(ch, "password");
	if (user && *user)
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
	if (pass && *pass)
		curl_easy_setopt(c, CURLOPT_PASSWORD, pass);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, buf_str(&mail_from));
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, ch->timeout_s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, connect_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	CURLcode rc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(c);
	curl_mime_free(mime);
	if (rc == CURLE_OK) /* each recipient mailed is logged: one added to the list later gets it alone */
		for (const struct curl_slist *r = rcpt; r; r = r->next)
			channel_recipient_done(ch, r->data + 1, strlen(r->data) - 2);
	curl_slist_free_all(rcpt);
	curl_slist_free_all(headers);
	buf_free(&mail_from);
	buf_free(&line);
	if (rc != CURLE_OK) {
		char last[32] = "";
		if (code)
			snprintf(last, sizeof last, " (last reply %ld)", code);
		return err_set(e, "deliver %s (email): cannot send via %s: %s%s", ch->name, host,
		               errbuf[0] ? errbuf : curl_easy_strerror(rc), last);
	}
	return 0;
}
