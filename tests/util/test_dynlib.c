/* test_dynlib.c: libcurl, libmicrohttpd and libcrypto are opened on first use, not at start-up
 * (util/dynlib.h), and the forwarding wrappers pass every kind of argument through: the
 * variadic options of each type class, a daemon's option list, info queries. */
#include <curl/curl.h>
#include <dlfcn.h>
#include <microhttpd.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>

#include "testlib.h"
#include "util/buf.h"
#include "util/dynlib.h"

/* 1 when soname is mapped into this process already. */
static int
is_loaded(const char *soname)
{
	void *h = dlopen(soname, RTLD_LAZY | RTLD_NOLOAD);
	if (h)
		dlclose(h);
	return h != NULL;
}

static size_t
collect(char *p, size_t size, size_t n, void *ctx)
{
	buf_append(ctx, p, size * n);
	return size * n;
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url, const char *method, const char *version,
       const char *upload, size_t *upload_size, void **con_cls)
{
	(void)cls, (void)version, (void)upload, (void)upload_size, (void)con_cls;
	static char body[64];
	snprintf(body, sizeof body, "%s %s", method, url);
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "X-Test", "dynlib");
	enum MHD_Result rc = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return rc;
}

static void
test_not_loaded_at_start(void)
{
	/* The test program links the same core library as brief: nothing has called into these. */
	CHECK(!is_loaded("libcurl.so.4"));
	CHECK(!is_loaded("libmicrohttpd.so.12"));
	CHECK(!is_loaded("libcrypto.so.3"));
}

/* The brief program itself: parsing a feed maps none of the three (the dynamic loader's own
 * trace, LD_DEBUG=files, names every object it maps). */
static void
test_brief_parse_loads_none(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/one.rss", test_tmpdir());
	static const char feed[] = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
	                           "<link>https://example.org/x</link></item></channel></rss>";
	test_write_file(path, feed, sizeof feed - 1);
	char *argv[] = {(char *)test_brief_bin(), "parse", "--tsv", path, NULL};
	char *env[] = {"LD_DEBUG=files", NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(test_run(argv, env, NULL, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "https://example.org/x") != NULL);
	CHECK(strstr(buf_str(&err), "file=libxml2.so") != NULL); /* the trace is there */
	CHECK(strstr(buf_str(&err), "libcurl") == NULL);
	CHECK(strstr(buf_str(&err), "libmicrohttpd") == NULL);
	CHECK(strstr(buf_str(&err), "libcrypto") == NULL);
	buf_free(&out);
	buf_free(&err);
}

static void
test_crypto(void)
{
	/* RFC 4231, test case 2 */
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	const char *msg = "what do ya want for nothing?";
	CHECK(HMAC(EVP_sha256(), "Jefe", 4, (const unsigned char *)msg, strlen(msg), mac, &len) != NULL);
	char hex[2 * EVP_MAX_MD_SIZE + 1] = "";
	for (unsigned k = 0; k < len; k++)
		snprintf(hex + 2 * k, 3, "%02x", mac[k]);
	CHECK_STR(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	unsigned char b64[16];
	CHECK_INT(EVP_EncodeBlock(b64, (const unsigned char *)"brief", 5), 8);
	CHECK_STR((char *)b64, "YnJpZWY=");
	CHECK(is_loaded("libcrypto.so.3"));
}

static void
test_curl_and_mhd(void)
{
	CHECK_INT(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
	CHECK(is_loaded("libcurl.so.4"));
	CHECK(!is_loaded("libmicrohttpd.so.12"));

	/* a daemon: the option list after the handler goes through MHD_start_daemon_va */
	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, answer, NULL,
	                                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)10,
	                                        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)4, MHD_OPTION_END);
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(is_loaded("libmicrohttpd.so.12"));
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	CHECK(info && info->port > 0);
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%u/dyn?x=1", info ? info->port : 0);

	/* one option of each type class: long, string, function pointer, curl_off_t */
	CURL *h = curl_easy_init();
	struct buf body = BUF_INIT;
	struct curl_slist *hdrs = curl_slist_append(NULL, "Accept: text/plain");
	CHECK_INT(curl_easy_setopt(h, CURLOPT_URL, url), CURLE_OK);
	CHECK_INT(curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L), CURLE_OK);
	CHECK_INT(curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs), CURLE_OK);
	CHECK_INT(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect), CURLE_OK);
	CHECK_INT(curl_easy_setopt(h, CURLOPT_WRITEDATA, &body), CURLE_OK);
	CHECK_INT(curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)1000), CURLE_OK);
	CHECK_INT(curl_easy_perform(h), CURLE_OK);
	CHECK_STR(buf_str(&body), "GET /dyn");
	long status = 0;
	char *effective = NULL;
	CHECK_INT(curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status), CURLE_OK);
	CHECK_INT(status, 200);
	CHECK_INT(curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective), CURLE_OK);
	CHECK_STR(effective, url);

	/* the curl_off_t really arrives: a limit below the body's size stops the transfer */
	buf_clear(&body);
	CHECK_INT(curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)3), CURLE_OK);
	CHECK_INT(curl_easy_perform(h), CURLE_FILESIZE_EXCEEDED);
	CHECK_STR(curl_easy_strerror(CURLE_FILESIZE_EXCEEDED), "Maximum file size exceeded");

	CURLM *m = curl_multi_init();
	CHECK_INT(curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 5L), CURLM_OK);
	CHECK_INT(curl_multi_cleanup(m), CURLM_OK);

	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	buf_free(&body);
	MHD_stop_daemon(d);
	curl_global_cleanup();
}

static void
test_missing_library(void)
{
	/* A library or a symbol that is not there: -1 and one line on stderr, nothing filled. */
	const char *names[] = {"zlibVersion", "brief_no_such_symbol"};
	void *syms[2] = {NULL, NULL};
	CHECK_INT(dynlib_open("libbrief-no-such-library.so.0", "brief-none", names, syms, 1), -1);
	CHECK(syms[0] == NULL);
	CHECK_INT(dynlib_open("libz.so.1", "zlib1g", names, syms, 2), -1);
	CHECK_INT(dynlib_open("libz.so.1", "zlib1g", names, syms, 1), 0);
	CHECK(syms[0] != NULL);
}

int
main(void)
{
	test_not_loaded_at_start();
	test_brief_parse_loads_none();
	test_crypto();
	test_curl_and_mhd();
	test_missing_library();
	return test_done("test_dynlib");
}
