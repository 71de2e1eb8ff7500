/* guard.h: the address policy for outgoing HTTP: which addresses a URL that came from
 * untrusted content (a feed's redirect, an item link) may make brief connect to.
 *
 * The policy (one implementation for feed fetching and full-text page fetching):
 *   - A URL the user added (a subscription, a --feeds file, the built-in list) may point
 *     anywhere, an intranet or loopback address included.
 *   - A URL that came from content — a redirect's Location, a link inside a feed — may lead to
 *     a non-public address only when the user's URL it came from is itself on one (a local
 *     feed redirecting to another local address is fine; a public feed redirecting to
 *     127.0.0.1 or to the cloud metadata address is not). A public feed's permanent redirect
 *     stored as the source's URL stays such a URL (sources.url_checked) on later runs.
 *   - [fetch] allow_private = true (off by default) lifts the restriction, for intranets and
 *     tests.
 * "Non-public" (net_addr_is_private) is: unspecified (0.0.0.0/8, ::), loopback (127/8, ::1),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7 including AWS's fd00:ec2::254), shared
 * address space (100.64/10, which holds Alibaba's 100.100.100.200 metadata service),
 * link-local (169.254/16 with the metadata address 169.254.169.254, fe80::/10), site-local
 * fec0::/10, multicast (224/4, ff00::/8), IETF protocol assignments (192.0.0/24), benchmarking
 * (198.18/15), reserved (240/4) and broadcast; IPv6 forms that embed an IPv4 address
 * (IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, IPv4-compatible ::a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address; the local-use NAT64
 * prefix 64:ff9b:1::/48 and Teredo 2001::/32, which reach an IPv4 address brief cannot read
 * from the IPv6 one, are non-public whole.
 *
 * Enforcement is on the address actually connected to: CURLOPT_OPENSOCKETFUNCTION refuses to
 * open a socket to a non-public address, and CURLOPT_PREREQFUNCTION checks the connection a
 * request really goes out on (also a reused one), so a name that resolves to a public address
 * when checked and to 127.0.0.1 when connected (DNS rebinding) cannot get through. A literal
 * address in the URL in any spelling inet_aton accepts (2130706433, 0x7f.1, 0177.0.0.1, 127.1)
 * or a bracketed IPv6 literal is refused before any connection (net_guard_check_url), with a
 * clearer message. Behind a proxy (http_proxy, https_proxy, all_proxy in the environment) a
 * connection to the proxy's own address and port is allowed, as the proxy resolves names
 * itself: there only literal addresses in the URL can be checked; every other connection (a
 * host no_proxy lists, a scheme no variable covers) is checked as without a proxy. A proxy
 * whose host does not resolve when the run starts leaves only the literal check.
 *
 * Tests: $BRIEF_TEST_PUBLIC_ADDR names one loopback address (e.g. 127.0.0.3) that stands for
 * "the public internet", so a feed served there is treated as a public origin. It is for the
 * test suite only; nothing else reads it. */
#ifndef BRIEF_NET_GUARD_H
#define BRIEF_NET_GUARD_H

#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "util/config.h"

/* What the policy allows, fixed for a run. */
#define NET_GUARD_PROXY_ADDRS 16

struct net_guard_policy {
	int allow_private;       /* [fetch] allow_private: no address is refused */
	int proxy_unresolved;    /* a proxy is configured whose host could not be resolved: only URL
	                          * literals can be checked */
	/* The addresses (with ports) of the proxies the environment names: a connection there is
	 * the proxy, which resolves names itself; every other connection (a URL no_proxy lists, a
	 * scheme no variable covers) is checked as without one. */
	struct sockaddr_storage proxies[NET_GUARD_PROXY_ADDRS];
	int proxy_count;
	int has_public_stand_in; /* tests: public_stand_in counts as a public address */
	struct sockaddr_storage public_stand_in;
};

/* One transfer's guard: the caller sets policy and enforce, the callbacks fill the rest.
 * It must outlive the transfer (the easy handle points at it). */
struct net_guard {
	const struct net_guard_policy *policy;
	int enforce;        /* refuse non-public addresses on this transfer */
	int saw_private;    /* the transfer connected to a non-public address (also when allowed) */
	char refused[160];  /* non-empty when the guard stopped the transfer: one line, why */
};

/* The run's policy: [fetch] allow_private from cfg (may be NULL; true/yes/on/1 or
 * false/no/off/0), proxy variables from the environment, $BRIEF_TEST_PUBLIC_ADDR.
 * Returns 0, or -1 with e set for a malformed allow_private or stand-in address. */
int net_guard_policy_init(struct net_guard_policy *p, const struct config *cfg, struct err *e);

/* True when sa (AF_INET or AF_INET6) is not a public address (see above); the policy's
 * test stand-in, when p is given and has one, counts as public. */
int net_addr_is_private(const struct sockaddr *sa, const struct net_guard_policy *p);
/* net_addr_is_private for a numeric address string (dotted IPv4 in any inet_aton form, or
 * IPv6, brackets and a %zone allowed). Returns 1 private, 0 public, -1 not an address. */
int net_addr_str_is_private(const char *addr, const struct net_guard_policy *p);

/* Prepare g for a new transfer under policy p: enforce as given, results cleared. */
void net_guard_start(struct net_guard *g, const struct net_guard_policy *p, int enforce);
/* After hop `hops` of a redirect chain (g: its guard, done): whether the chain so far stayed on
 * non-public addresses (chain_private: that value before this hop; ignored for hop 0). Only
 * then may the next hop go to one unchecked: a redirect from a local URL the user gave stays
 * the user's, but once a public host is in the chain, it chose where the next hop goes. */
int net_guard_chain_private(int hops, int chain_private, const struct net_guard *g);
/* Before starting a transfer of url: when g enforces and url's host is a literal non-public
 * address (any spelling), fill g->refused and return -1; else 0. Names are not resolved here:
 * the connect-time check judges them. */
int net_guard_check_url(struct net_guard *g, const char *url);
/* Install the connect-time checks on easy handle h (after curl_easy_reset, before the
 * transfer): every connection records saw_private, and when g->enforce a non-public address
 * makes the transfer fail (CURLE_COULDNT_CONNECT or CURLE_ABORTED_BY_CALLBACK) with
 * g->refused set — check g->refused before treating that as a network error (no retry). */
void net_guard_install(CURL *h, struct net_guard *g);

#endif
