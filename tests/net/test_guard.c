/* test_guard.c: the address policy (net/guard.h) over real HTTP on loopback.
 *
 * Three feed servers: 127.0.0.3 stands for "the public internet" ($BRIEF_TEST_PUBLIC_ADDR),
 * 127.0.0.1 and 127.0.0.2 are the internal services a hostile feed would like brief to read.
 * The SSRF matrix: a "public" feed redirecting (301, 302, 307, 308, and through a second
 * public hop) to 127.0.0.2, [::1], [::ffff:127.0.0.1], 169.254.169.254, 0.0.0.0, 2130706433
 * (127.0.0.1 as one decimal number) and localhost (a name that only resolves to loopback when
 * connecting) is refused, no request reaches an internal server and no subscription is
 * rewritten; a local feed redirecting to another local address is followed (and a 301
 * persisted); [fetch] allow_private = true follows the public->private redirect but never
 * persists it. The connect-time check alone (no literal pre-check) refuses every spelling,
 * which is what defeats DNS rebinding. Plus the address classification table. */
#include <stdlib.h>
#include <string.h>

#include "net/guard.h"
#include "netlib.h"
#include "store/sources.h"
#include "testlib.h"
#include "util/fs.h"

static struct fsrv pub, in1, in2; /* 127.0.0.3 ("public"), 127.0.0.1, 127.0.0.2 */

static void
test_classify(void)
{
	static const char *const private_addrs[] = {
		"127.0.0.1", "127.0.0.2", "127.255.255.254", "0.0.0.0", "0", "10.1.2.3", "172.16.0.1",
		"172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.100.100.200",
		"224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.170",
		"2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.1", "::1", "[::1]", "::",
		"::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1", "::ffff:169.254.169.254",
		"::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a9fe:a9fe::1", "fe80::1",
		"fe80::1%lo", "fc00::1", "fd00:ec2::254", "fec0::1", "ff02::1", "::ffff:10.0.0.1",
		"::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", "64:ff9b:1::7f00:1", "64:ff9b:1:7f00:1::",
		"2001:0:4136:e378:8000:63bf:80ff:fffe", "2001::1",
	};
	static const char *const public_addrs[] = {
		"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "172.15.255.255", "100.128.0.1",
		"192.169.0.1", "169.255.0.1", "198.20.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888",
		"::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "::ffff:0:808:808", "2001:db9::1",
		"2001:1::1",
	};
	for (size_t i = 0; i < sizeof private_addrs / sizeof private_addrs[0]; i++) {
		int r = net_addr_str_is_private(private_addrs[i], NULL);
		if (r != 1)
			fprintf(stderr, "  %s: %d, want private\n", private_addrs[i], r);
		CHECK(r == 1);
	}
	for (size_t i = 0; i < sizeof public_addrs / sizeof public_addrs[0]; i++) {
		int r = net_addr_str_is_private(public_addrs[i], NULL);
		if (r != 0)
			fprintf(stderr, "  %s: %d, want public\n", public_addrs[i], r);
		CHECK(r == 0);
	}
	CHECK_INT(net_addr_str_is_private("example.com", NULL), -1);
	CHECK_INT(net_addr_str_is_private("", NULL), -1);
	/* the test stand-in is public, its neighbours are not */
	struct net_guard_policy p;
	struct err e;
	setenv("BRIEF_TEST_PUBLIC_ADDR", "127.0.0.3", 1);
	CHECK(net_guard_policy_init(&p, NULL, &e) == 0);
	CHECK_INT(net_addr_str_is_private("127.0.0.3", &p), 0);
	CHECK_INT(net_addr_str_is_private("127.0.0.2", &p), 1);
	setenv("BRIEF_TEST_PUBLIC_ADDR", "not an address", 1);
	CHECK(net_guard_policy_init(&p, NULL, &e) < 0);
	setenv("BRIEF_TEST_PUBLIC_ADDR", "127.0.0.3", 1);
	/* the literal pre-check refuses only when enforcing */
	struct net_guard g;
	CHECK(net_guard_policy_init(&p, NULL, &e) == 0);
	net_guard_start(&g, &p, 1);
	CHECK(net_guard_check_url(&g, "http://2130706434:80/x") < 0 && strstr(g.refused, "127.0.0.2"));
	net_guard_start(&g, &p, 1);
	CHECK(net_guard_check_url(&g, "http://user:pw@[::ffff:a9fe:a9fe]/latest/meta-data/") < 0);
	net_guard_start(&g, &p, 1);
	CHECK(net_guard_check_url(&g, "http://example.com/feed") == 0 && !g.refused[0]);
	net_guard_start(&g, &p, 0);
	CHECK(net_guard_check_url(&g, "http://127.0.0.2/feed") == 0 && g.saw_private);
}

static size_t
discard(char *d, size_t s, size_t n, void *u)
{
	(void)d;
	(void)u;
	return s * n;
}

/* The connect-time check by itself: a transfer to each internal address (no pre-check) fails
 * with the guard's reason and the internal servers see nothing. */
static void
test_connect_time_only(void)
{
	struct net_guard_policy p;
	struct err e;
	CHECK(net_guard_policy_init(&p, NULL, &e) == 0);
	char urls[6][128];
	snprintf(urls[0], sizeof urls[0], "http://127.0.0.2:%d/gen/direct", in2.port);
	snprintf(urls[1], sizeof urls[1], "http://2130706433:%d/gen/direct", in1.port);
	snprintf(urls[2], sizeof urls[2], "http://[::ffff:127.0.0.1]:%d/gen/direct", in1.port);
	snprintf(urls[3], sizeof urls[3], "http://localhost:%d/gen/direct", in1.port);
	snprintf(urls[4], sizeof urls[4], "http://0.0.0.0:%d/gen/direct", in1.port);
	snprintf(urls[5], sizeof urls[5], "http://127.0.0.3:%d/gen/direct", pub.port);
	fsrv_reset(&in1);
	fsrv_reset(&in2);
	for (int i = 0; i < 6; i++) {
		CURL *h = curl_easy_init();
		struct net_guard g;
		net_guard_start(&g, &p, 1);
		curl_easy_setopt(h, CURLOPT_URL, urls[i]);
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
		curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
		net_guard_install(h, &g);
		CURLcode rc = curl_easy_perform(h);
		curl_easy_cleanup(h);
		if (i < 5) {
			if (rc == CURLE_OK || !g.refused[0])
				fprintf(stderr, "  %s: rc %d, refused \"%s\"\n", urls[i], rc, g.refused);
			CHECK(rc != CURLE_OK && g.refused[0]);
		} else { /* the public stand-in is reachable under the same guard */
			CHECK(rc == CURLE_OK && !g.refused[0] && !g.saw_private);
		}
	}
	long r1 = -1, r2 = -1;
	fsrv_stat(&in1, "*", &r1, NULL, NULL, NULL);
	fsrv_stat(&in2, "*", &r2, NULL, NULL, NULL);
	CHECK_INT(r1, 0);
	CHECK_INT(r2, 0);
}

/* saw_private means "connected to", not "tried": a name with a private address that refuses
 * and a public one that answers (curl tries them in turn) connected to the public one only.
 * When hop 0 of a feed counted as private here, its redirects were allowed anywhere: a feed
 * host that publishes an unreachable private A record next to its real one could redirect
 * brief to 169.254.169.254. */
static void
test_saw_private_is_connected(void)
{
	struct net_guard_policy p;
	struct err e;
	CHECK(net_guard_policy_init(&p, NULL, &e) == 0);
	char url[128], resolve[128];
	snprintf(url, sizeof url, "http://two.test:%d/gen/direct", pub.port);
	/* nothing listens on 127.0.0.2 at pub's port: refused at once, then 127.0.0.3 answers */
	snprintf(resolve, sizeof resolve, "two.test:%d:127.0.0.2,127.0.0.3", pub.port);
	struct curl_slist *res = curl_slist_append(NULL, resolve);
	CURL *h = curl_easy_init();
	struct net_guard g;
	net_guard_start(&g, &p, 0); /* hop 0 of a feed: not enforced, only recorded */
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_RESOLVE, res);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	net_guard_install(h, &g);
	CURLcode rc = curl_easy_perform(h);
	char *ip = NULL;
	curl_easy_getinfo(h, CURLINFO_PRIMARY_IP, &ip);
	if (g.saw_private)
		fprintf(stderr, "  connected to %s only, yet saw_private\n", ip ? ip : "?");
	CHECK(rc == CURLE_OK && ip && strcmp(ip, "127.0.0.3") == 0);
	CHECK(!g.saw_private);
	curl_easy_cleanup(h);
	curl_slist_free_all(res);
}

static void
test_matrix(void)
{
	char targets[8][160];
	snprintf(targets[0], sizeof targets[0], "http://127.0.0.2:%d/gen/secret", in2.port);
	snprintf(targets[1], sizeof targets[1], "http://[::1]:%d/gen/secret", in1.port);
	snprintf(targets[2], sizeof targets[2], "http://[::ffff:127.0.0.1]:%d/gen/secret", in1.port);
	snprintf(targets[3], sizeof targets[3], "http://169.254.169.254/latest/meta-data/");
	snprintf(targets[4], sizeof targets[4], "http://0.0.0.0:%d/gen/secret", in1.port);
	snprintf(targets[5], sizeof targets[5], "http://2130706433:%d/gen/secret", in1.port);
	snprintf(targets[6], sizeof targets[6], "http://localhost:%d/gen/secret", in1.port);
	/* through a second public hop: 127.0.0.3 -> 127.0.0.3 -> 127.0.0.2 */
	char e0[200];
	t_url_escape(targets[0], e0, sizeof e0);
	snprintf(targets[7], sizeof targets[7], "http://127.0.0.3:%d/gen/hop?redirect=302&to=%s", pub.port, e0);
	static const int codes[] = {301, 302, 307, 308};
	struct store st;
	t_store_open(&st, t_subdir("matrix"));
	char feeds[32][700];
	int n = 0;
	for (int t = 0; t < 8; t++) {
		for (int c = 0; c < 4; c++) {
			char et[600];
			t_url_escape(targets[t], et, sizeof et);
			snprintf(feeds[n], sizeof feeds[n], "http://127.0.0.3:%d/gen/pub%d?redirect=%d&to=%s", pub.port, n,
			         codes[c], et);
			t_add_source(&st, feeds[n]);
			n++;
		}
	}
	fsrv_reset(&in1);
	fsrv_reset(&in2);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	CHECK_INT(s.feeds_failed, n);
	for (int i = 0; i < n; i++) {
		int f = t_failure_for(&s, feeds[i]);
		int ok = f >= 0 && strstr(s.failures[f].error, "refused to connect to the non-public address");
		if (!ok)
			fprintf(stderr, "  %s: %s\n", feeds[i], f >= 0 ? s.failures[f].error : "not failed");
		CHECK(ok);
	}
	/* no internal server saw a request, no subscription was rewritten, nothing stored */
	long r1 = -1, r2 = -1;
	fsrv_stat(&in1, "*", &r1, NULL, NULL, NULL);
	fsrv_stat(&in2, "*", &r2, NULL, NULL, NULL);
	CHECK_INT(r1, 0);
	CHECK_INT(r2, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE 'http://127.0.0.3:%/gen/pub%'"), n);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE last_error LIKE '%non-public%'"), n);
	store_close(&st);
	arena_free(&a);
}

/* A feed on a local address may redirect to another local one (an intranet moved its feed). */
static void
test_local_to_local(void)
{
	struct store st;
	t_store_open(&st, t_subdir("local"));
	char target[200], et[400], f302[700], f301[700];
	snprintf(target, sizeof target, "http://127.0.0.2:%d/gen/moved", in2.port);
	t_url_escape(target, et, sizeof et);
	/* the 302 leads to a feed of its own: two sources reaching one feed would be one
	 * (docs/cli.md), merged after the fetch */
	char target302[200], et302[400];
	snprintf(target302, sizeof target302, "http://127.0.0.2:%d/gen/moved302", in2.port);
	t_url_escape(target302, et302, sizeof et302);
	snprintf(f302, sizeof f302, "http://127.0.0.1:%d/gen/l1?redirect=302&to=%s", in1.port, et302);
	snprintf(f301, sizeof f301, "http://127.0.0.1:%d/gen/l2?redirect=301&to=%s", in1.port, et);
	int64_t id302 = t_add_source(&st, f302), id301 = t_add_source(&st, f301);
	/* a 301 to a page that is not a feed is not remembered */
	char html[200], eh[400], fhtml[700];
	snprintf(html, sizeof html, "http://127.0.0.2:%d/gen/page?html=1", in2.port);
	t_url_escape(html, eh, sizeof eh);
	snprintf(fhtml, sizeof fhtml, "http://127.0.0.1:%d/gen/l3?redirect=301&to=%s", in1.port, eh);
	int64_t idhtml = t_add_source(&st, fhtml);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	CHECK_INT(s.feeds_ok, 2);
	CHECK_INT(s.feeds_failed, 1);
	CHECK(t_failure_for(&s, fhtml) >= 0);
	CHECK(t_query_int(&st, "SELECT count(*) FROM items") > 0);
	struct source src;
	CHECK(store_source_get(&st, id302, &a, &src, NULL) == 0 && strcmp(src.url, f302) == 0);
	CHECK(store_source_get(&st, id301, &a, &src, NULL) == 0 && strcmp(src.url, target) == 0);
	CHECK(store_source_get(&st, idhtml, &a, &src, NULL) == 0 && strcmp(src.url, fhtml) == 0);
	store_close(&st);
	arena_free(&a);
}

/* A local feed's redirect may lead to another local address, but only while the chain stays
 * local: once a hop went to a public host, that host chose where the next hop goes, and it
 * may not send the fetch back into the intranet (127.0.0.1 -> public 127.0.0.3 -> 127.0.0.2,
 * or the metadata address). Before, the allowance the user's local URL earned covered every
 * later hop, so any public server that a local feed redirected to could reach internal ones. */
static void
test_local_public_local(void)
{
	struct store st;
	t_store_open(&st, t_subdir("local-public-local"));
	char secret[200], es[400], hop[700], ehop[1400], feed[2000];
	snprintf(secret, sizeof secret, "http://127.0.0.2:%d/gen/lpl-secret", in2.port);
	t_url_escape(secret, es, sizeof es);
	snprintf(hop, sizeof hop, "http://127.0.0.3:%d/gen/lpl-hop?redirect=302&to=%s", pub.port, es);
	t_url_escape(hop, ehop, sizeof ehop);
	snprintf(feed, sizeof feed, "http://127.0.0.1:%d/gen/lpl?redirect=302&to=%s", in1.port, ehop);
	t_add_source(&st, feed);
	fsrv_reset(&in2);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	CHECK_INT(s.feeds_failed, 1);
	int f = t_failure_for(&s, feed);
	CHECK(f >= 0 && strstr(s.failures[f].error, "refused to connect to the non-public address"));
	long r2 = -1;
	fsrv_stat(&in2, "*", &r2, NULL, NULL, NULL);
	CHECK_INT(r2, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 0);
	store_close(&st);
	arena_free(&a);
}

/* A public feed's permanent redirect is remembered, and the URL it stored is still a
 * redirect's target, not one the user added: it was fetched with no address check from then
 * on, so a redirect host whose name later resolved to a private address (127.0.0.1, the cloud
 * metadata service) was fetched on every run. Here the stand-in for "public" moves away from
 * 127.0.0.3 between the runs, as that name's address would change. */
static void
test_remembered_redirect_checked(void)
{
	struct store st;
	t_store_open(&st, t_subdir("remembered"));
	char target[200], et[400], feed[700];
	snprintf(target, sizeof target, "http://127.0.0.3:%d/gen/moved-for-good", pub.port);
	t_url_escape(target, et, sizeof et);
	snprintf(feed, sizeof feed, "http://127.0.0.3:%d/gen/mv?redirect=301&to=%s", pub.port, et);
	int64_t id = t_add_source(&st, feed);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	CHECK_INT(s.feeds_ok, 1);
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0 && strcmp(src.url, target) == 0);
	setenv("BRIEF_TEST_PUBLIC_ADDR", "127.0.0.2", 1); /* 127.0.0.3 is private now */
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	setenv("BRIEF_TEST_PUBLIC_ADDR", "127.0.0.3", 1);
	CHECK_INT(s.feeds_ok, 0);
	CHECK(t_failure_for(&s, target) >= 0);
	/* A local feed's remembered redirect stays the user's: an intranet may move its feed. */
	char ltarget[200], elt[400], lfeed[700];
	snprintf(ltarget, sizeof ltarget, "http://127.0.0.2:%d/gen/intranet-moved", in2.port);
	t_url_escape(ltarget, elt, sizeof elt);
	snprintf(lfeed, sizeof lfeed, "http://127.0.0.1:%d/gen/l9?redirect=301&to=%s", in1.port, elt);
	int64_t lid = t_add_source(&st, lfeed);
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	CHECK(store_source_get(&st, lid, &a, &src, NULL) == 0 && strcmp(src.url, ltarget) == 0);
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	CHECK(t_failure_for(&s, ltarget) < 0);
	store_close(&st);
	arena_free(&a);
}

/* allow_private: the redirect is followed, but a public subscription never becomes private. */
static void
test_allow_private(void)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/allow.conf", test_tmpdir());
	const char *text = "[fetch]\nallow_private = true\n";
	test_write_file(path, text, strlen(text));
	struct config cfg;
	struct err e;
	CHECK(config_load(&cfg, path, &e) == 0);
	struct store st;
	t_store_open(&st, t_subdir("allow"));
	char target[200], et[400], feed[700];
	snprintf(target, sizeof target, "http://127.0.0.2:%d/gen/intranet", in2.port);
	t_url_escape(target, et, sizeof et);
	snprintf(feed, sizeof feed, "http://127.0.0.3:%d/gen/a1?redirect=301&to=%s", pub.port, et);
	int64_t id = t_add_source(&st, feed);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch_cfg(&st, &cfg, 60, &a, &s);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK(t_query_int(&st, "SELECT count(*) FROM items") > 0);
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0 && strcmp(src.url, feed) == 0);
	/* a malformed value is an error at start-up (config_load), not silently "off" */
	const char *bad = "[fetch]\nallow_private = maybe\n";
	test_write_file(path, bad, strlen(bad));
	struct config cfg2;
	CHECK(config_load(&cfg2, path, &e) < 0 && strstr(e.msg, "allow_private"));
	config_free(&cfg2);
	config_free(&cfg);
	store_close(&st);
	arena_free(&a);
}

/* A proxy variable that does not apply to the redirect's URL: with only https_proxy set (or
 * with http_proxy and the target in no_proxy) curl connects to an http:// target directly, so
 * the connect-time check must still judge it. A public feed redirecting to localhost (a name:
 * the literal pre-check cannot see it) must be refused and the internal server see nothing. */
static void
test_proxy_env_direct(void)
{
	struct store st;
	t_store_open(&st, t_subdir("proxyenv"));
	char target[200], et[400], f1[700], f2[700];
	snprintf(target, sizeof target, "http://localhost:%d/gen/behind-proxy-env", in1.port);
	t_url_escape(target, et, sizeof et);
	snprintf(f1, sizeof f1, "http://127.0.0.3:%d/gen/px1?redirect=302&to=%s", pub.port, et);
	t_add_source(&st, f1);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fsrv_reset(&in1);
	/* 1: only https_proxy (an unused port); the feeds are http:// and go direct */
	setenv("https_proxy", "http://127.0.0.1:9", 1);
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	unsetenv("https_proxy");
	long r1 = -1;
	fsrv_stat(&in1, "*", &r1, NULL, NULL, NULL);
	if (r1 != 0 || s.feeds_failed != 1)
		fprintf(stderr, "  https_proxy set: %ld requests reached 127.0.0.1, %d of 1 feed failed\n", r1,
		        s.feeds_failed);
	CHECK_INT(r1, 0);
	CHECK_INT(s.feeds_failed, 1);
	/* 2: http_proxy with a no_proxy list naming the feed's host and localhost */
	snprintf(f2, sizeof f2, "http://127.0.0.3:%d/gen/px2?redirect=302&to=%s", pub.port, et);
	store_close(&st);
	t_store_open(&st, t_subdir("proxyenv2"));
	t_add_source(&st, f2);
	fsrv_reset(&in1);
	setenv("http_proxy", "http://127.0.0.1:9", 1);
	setenv("no_proxy", "127.0.0.3,localhost", 1);
	t_fetch_cfg(&st, NULL, 60, &a, &s);
	unsetenv("http_proxy");
	unsetenv("no_proxy");
	r1 = -1;
	fsrv_stat(&in1, "*", &r1, NULL, NULL, NULL);
	if (r1 != 0 || s.feeds_failed != 1)
		fprintf(stderr, "  http_proxy + no_proxy: %ld requests reached 127.0.0.1, %d of 1 feed failed\n", r1,
		        s.feeds_failed);
	CHECK_INT(r1, 0);
	CHECK_INT(s.feeds_failed, 1);
	store_close(&st);
	arena_free(&a);
}

/* A proxy on a private address (a company's; 127.0.0.2 here) is where the environment sends
 * requests: a transfer the guard enforces (a redirect's hop, an article page) goes through
 * it, and the same address at another port is still refused. The feedserver answers the
 * absolute-form request as the origin. Fails when the proxy's own address is judged. */
static void
test_proxy_private_address(void)
{
	char px[64], url[128];
	snprintf(px, sizeof px, "http://127.0.0.2:%d", in2.port);
	setenv("http_proxy", px, 1);
	struct net_guard_policy p;
	struct err e;
	CHECK(net_guard_policy_init(&p, NULL, &e) == 0);
	unsetenv("http_proxy");
	CHECK_INT(p.proxy_unresolved, 0);
	CHECK(p.proxy_count >= 1);
	for (int k = 0; k < 2; k++) {
		/* k 0: through the proxy; k 1: the proxy's address at another port, no_proxy'd */
		CURL *h = curl_easy_init();
		struct net_guard g;
		net_guard_start(&g, &p, 1);
		if (k == 0)
			snprintf(url, sizeof url, "http://feeds.example.invalid/gen/via-proxy");
		else
			snprintf(url, sizeof url, "http://127.0.0.2:%d/gen/secret", in1.port);
		curl_easy_setopt(h, CURLOPT_URL, url);
		curl_easy_setopt(h, CURLOPT_PROXY, k == 0 ? px : "");
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
		curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
		net_guard_install(h, &g);
		CURLcode rc = curl_easy_perform(h);
		if (k == 0 && (rc != CURLE_OK || g.refused[0]))
			fprintf(stderr, "  through the proxy %s: %s %s\n", px, curl_easy_strerror(rc), g.refused);
		CHECK(k == 0 ? rc == CURLE_OK && !g.refused[0] : rc != CURLE_OK && g.refused[0]);
		curl_easy_cleanup(h);
	}
}

int
main(void)
{
	t_need_parser();
	setenv("BRIEF_TEST_PUBLIC_ADDR", "127.0.0.3", 1);
	test_classify();
	fsrv_start(&pub, FIXTURES_DIR, "127.0.0.3");
	fsrv_start(&in1, FIXTURES_DIR, "127.0.0.1");
	fsrv_start(&in2, FIXTURES_DIR, "127.0.0.2");
	curl_global_init(CURL_GLOBAL_DEFAULT);
	test_connect_time_only();
	test_saw_private_is_connected();
	test_matrix();
	test_local_to_local();
	test_local_public_local();
	test_allow_private();
	test_remembered_redirect_checked();
	test_proxy_env_direct();
	test_proxy_private_address();
	curl_global_cleanup();
	fsrv_stop(&pub);
	fsrv_stop(&in1);
	fsrv_stop(&in2);
	return test_done("test_guard");
}
