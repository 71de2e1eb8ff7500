/* guard.c: the address policy for outgoing HTTP (see guard.h for the policy and its limits):
 * classifying addresses, the literal check of a URL's host and the connect-time checks
 * installed on a curl easy handle. */
#include "net/guard.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"

/* True for an IPv4 address (host byte order) outside the public unicast space. */
static int
v4_is_private(uint32_t a)
{
	uint32_t b1 = a >> 24, b2 = (a >> 16) & 0xff, b3 = (a >> 8) & 0xff;
	return b1 == 0 ||                              /* 0.0.0.0/8: "this network", unspecified */
	       b1 == 10 ||                             /* 10/8 private */
	       (b1 == 100 && (b2 & 0xc0) == 64) ||     /* 100.64/10 shared address space (CGNAT) */
	       b1 == 127 ||                            /* loopback */
	       (b1 == 169 && b2 == 254) ||             /* link-local, 169.254.169.254 metadata */
	       (b1 == 172 && (b2 & 0xf0) == 16) ||     /* 172.16/12 private */
	       (b1 == 192 && b2 == 0 && b3 == 0) ||    /* 192.0.0/24 IETF protocol assignments */
	       (b1 == 192 && b2 == 168) ||             /* 192.168/16 private */
	       (b1 == 198 && (b2 & 0xfe) == 18) ||     /* 198.18/15 benchmarking */
	       b1 >= 224;                              /* multicast 224/4, reserved 240/4, broadcast */
}

/* The IPv4 address embedded in an IPv6 one (host byte order) when there is one. */
static int
v6_embedded_v4(const unsigned char *b, uint32_t *out)
{
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
	static const unsigned char siit[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0}; /* ::ffff:0:a.b.c.d */
	static const unsigned char zero[12] = {0};
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0 || memcmp(b, siit, 12) == 0 ||
	    (memcmp(b, zero, 12) == 0 && (b[12] | b[13]) != 0)) { /* ::a.b.c.d, not :: or ::1 */
		*out = (uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 | (uint32_t)b[14] << 8 | b[15];
		return 1;
	}
	if (b[0] == 0x20 && b[1] == 0x02) { /* 6to4 2002:AABB:CCDD::/48 */
		*out = (uint32_t)b[2] << 24 | (uint32_t)b[3] << 16 | (uint32_t)b[4] << 8 | b[5];
		return 1;
	}
	return 0;
}

static int
v6_is_private(const unsigned char *b)
{
	static const unsigned char zero[16] = {0};
	uint32_t v4;
	if (v6_embedded_v4(b, &v4))
		return v4_is_private(v4);
	if (memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) /* :: and ::1 */
		return 1;
	static const unsigned char nat64_local[6] = {0, 0x64, 0xff, 0x9b, 0, 1};
	static const unsigned char teredo[4] = {0x20, 0x01, 0, 0};
	/* Translated and tunnelled to an IPv4 address of someone else's choosing: the operator's
	 * own NAT64 prefix 64:ff9b:1::/48 (RFC 8215) may embed it anywhere; Teredo 2001::/32
	 * carries it obfuscated and reaches it through a relay. No feed is served from either. */
	if (memcmp(b, nat64_local, 6) == 0 || memcmp(b, teredo, 4) == 0)
		return 1;
	return (b[0] & 0xfe) == 0xfc ||                 /* fc00::/7 unique local */
	       (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || /* fe80::/10 link-local */
	       (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) || /* fec0::/10 site-local (deprecated) */
	       b[0] == 0xff;                            /* multicast */
}

static int
same_addr(const struct sockaddr *a, const struct sockaddr_storage *b)
{
	if (a->sa_family != b->ss_family)
		return 0;
	if (a->sa_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr, &((const struct sockaddr_in6 *)b)->sin6_addr,
	              16) == 0;
}

int
net_addr_is_private(const struct sockaddr *sa, const struct net_guard_policy *p)
{
	if (p && p->has_public_stand_in && same_addr(sa, &p->public_stand_in))
		return 0;
	if (sa->sa_family == AF_INET)
		return v4_is_private(ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr));
	if (sa->sa_family == AF_INET6)
		return v6_is_private(((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr);
	return 1; /* not an internet address (a Unix socket ...): never public */
}

/* Parse a numeric address: IPv6 (brackets and a %zone allowed) or IPv4 in any inet_aton
 * spelling (which is also what getaddrinfo accepts for a host name). Returns 0 or -1. */
static int
parse_addr(const char *s, struct sockaddr_storage *out)
{
	char tmp[INET6_ADDRSTRLEN + 16];
	size_t n = strlen(s);
	memset(out, 0, sizeof *out);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	char *zone = strchr(tmp, '%');
	if (zone)
		*zone = '\0';
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)out;
	if (inet_pton(AF_INET6, tmp, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		return 0;
	}
	struct sockaddr_in *s4 = (struct sockaddr_in *)out;
	if (!zone && inet_aton(tmp, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		return 0;
	}
	return -1;
}

int
net_addr_str_is_private(const char *addr, const struct net_guard_policy *p)
{
	struct sockaddr_storage ss;
	if (parse_addr(addr, &ss) < 0)
		return -1;
	return net_addr_is_private((const struct sockaddr *)&ss, p);
}

/* Add the addresses of the proxy px (an environment variable's value: "host:port",
 * "http://user:pw@host:port", "socks5h://host") to p, with its port (curl's default 1080, 443
 * for an https:// proxy). Returns -1 when px names no host that resolves. */
static int
add_proxy(struct net_guard_policy *p, const char *px)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL, *scheme = NULL;
	int rc = -1;
	if (u && curl_url_set(u, CURLUPART_URL, px, CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host && *host) {
		curl_url_get(u, CURLUPART_PORT, &port, 0);
		curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
		const char *service = port ? port : scheme && strcmp(scheme, "https") == 0 ? "443" : "1080";
		char name[256];
		size_t n = strlen(host); /* [::1] as the resolver reads it */
		if (n >= 2 && host[0] == '[' && host[n - 1] == ']')
			snprintf(name, sizeof name, "%.*s", (int)(n - 2), host + 1);
		else
			snprintf(name, sizeof name, "%s", host);
		struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
		if (getaddrinfo(name, service, &hints, &res) == 0) {
			for (struct addrinfo *ai = res; ai && p->proxy_count < NET_GUARD_PROXY_ADDRS; ai = ai->ai_next)
				if (ai->ai_addrlen <= sizeof p->proxies[0])
					memcpy(&p->proxies[p->proxy_count++], ai->ai_addr, ai->ai_addrlen);
			freeaddrinfo(res);
			rc = 0;
		}
	}
	curl_free(host);
	curl_free(port);
	curl_free(scheme);
	curl_url_cleanup(u);
	return rc;
}

/* Whether sa (its port included) is one of p's proxies. */
static int
is_proxy(const struct net_guard_policy *p, const struct sockaddr *sa)
{
	for (int i = 0; i < p->proxy_count; i++) {
		const struct sockaddr *x = (const struct sockaddr *)&p->proxies[i];
		if (x->sa_family != sa->sa_family)
			continue;
		if (sa->sa_family == AF_INET) {
			const struct sockaddr_in *a = (const struct sockaddr_in *)sa, *b = (const struct sockaddr_in *)x;
			if (a->sin_port == b->sin_port && a->sin_addr.s_addr == b->sin_addr.s_addr)
				return 1;
		} else if (sa->sa_family == AF_INET6) {
			const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa, *b = (const struct sockaddr_in6 *)x;
			if (a->sin6_port == b->sin6_port && memcmp(&a->sin6_addr, &b->sin6_addr, sizeof a->sin6_addr) == 0)
				return 1;
		}
	}
	return 0;
}

int
net_guard_policy_init(struct net_guard_policy *p, const struct config *cfg, struct err *e)
{
	memset(p, 0, sizeof *p);
	p->allow_private = config_values(cfg)->fetch_allow_private;
	/* the variables curl reads (it reads no HTTP_PROXY, a CGI's request header) */
	static const char *const proxies[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
	for (size_t i = 0; i < sizeof proxies / sizeof proxies[0]; i++) {
		const char *px = getenv(proxies[i]);
		if (px && *px && add_proxy(p, px) < 0)
			p->proxy_unresolved = 1; /* where it connects cannot be told from here: literals only */
	}
	const char *stand_in = getenv("BRIEF_TEST_PUBLIC_ADDR");
	if (stand_in && *stand_in) {
		if (parse_addr(stand_in, &p->public_stand_in) < 0)
			return err_set(e, "BRIEF_TEST_PUBLIC_ADDR: not a numeric address: \"%s\"", stand_in);
		p->has_public_stand_in = 1;
	}
	return 0;
}

int
net_guard_chain_private(int hops, int chain_private, const struct net_guard *g)
{
	return (hops == 0 || chain_private) && g->saw_private;
}

void
net_guard_start(struct net_guard *g, const struct net_guard_policy *p, int enforce)
{
	g->policy = p;
	g->enforce = enforce && !p->allow_private;
	g->saw_private = 0;
	g->refused[0] = '\0';
}

static void
refuse(struct net_guard *g, const char *addr)
{
	snprintf(g->refused, sizeof g->refused,
	         "refused to connect to the non-public address %s (only a feed on such an address may lead there; "
	         "[fetch] allow_private)", addr);
}

int
net_guard_check_url(struct net_guard *g, const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL;
	int rc = 0;
	if (u && curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host) {
		int is_private = net_addr_str_is_private(host, g->policy);
		if (is_private == 1) {
			g->saw_private = 1;
			if (g->enforce) {
				refuse(g, host);
				rc = -1;
			}
		}
	}
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

/* A connection to sa is about to be made (or used): record it, and decide. Returns 0 to
 * allow, -1 refused (g->refused set). */
static int
judge(struct net_guard *g, const struct sockaddr *sa)
{
	if (is_proxy(g->policy, sa) || !net_addr_is_private(sa, g->policy))
		return 0; /* a proxy is where the environment sends requests, not a feed's say-so */
	g->saw_private = 1;
	if (!g->enforce)
		return 0;
	char text[INET6_ADDRSTRLEN] = "?";
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, text, sizeof text);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, text, sizeof text);
	refuse(g, text);
	return -1;
}

/* CURLOPT_OPENSOCKETFUNCTION: no socket for a refused address, so no packet reaches it.
 * Only when enforcing: an address merely tried (curl goes on to the next when it refuses) is
 * not one connected to; on_prereq records the address the request really goes out on. */
static curl_socket_t
on_open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *address)
{
	struct net_guard *g = clientp;
	if (purpose == CURLSOCKTYPE_IPCXN && g->enforce && judge(g, &address->addr) < 0)
		return CURL_SOCKET_BAD;
	return socket(address->family, address->socktype, address->protocol);
}

/* CURLOPT_PREREQFUNCTION: the connection the request goes out on, new or reused. */
static int
on_prereq(void *clientp, char *conn_primary_ip, char *conn_local_ip, int conn_primary_port,
          int conn_local_port)
{
	(void)conn_local_ip;
	(void)conn_local_port;
	struct net_guard *g = clientp;
	struct sockaddr_storage ss;
	if (parse_addr(conn_primary_ip, &ss) < 0) {
		if (!g->enforce)
			return CURL_PREREQFUNC_OK;
		refuse(g, conn_primary_ip); /* cannot tell where it goes: not allowed */
		return CURL_PREREQFUNC_ABORT;
	}
	uint16_t port = htons((uint16_t)conn_primary_port); /* a proxy is an address and a port */
	if (ss.ss_family == AF_INET)
		((struct sockaddr_in *)&ss)->sin_port = port;
	else
		((struct sockaddr_in6 *)&ss)->sin6_port = port;
	return judge(g, (const struct sockaddr *)&ss) < 0 ? CURL_PREREQFUNC_ABORT : CURL_PREREQFUNC_OK;
}

void
net_guard_install(CURL *h, struct net_guard *g)
{
	if (g->policy->proxy_unresolved) /* where the proxy is cannot be told: only URL literals are checked */
		return;
	curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
	curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, g);
	curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, on_prereq);
	curl_easy_setopt(h, CURLOPT_PREREQDATA, g);
}
