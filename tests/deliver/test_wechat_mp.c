/* test_wechat_mp.c: the 公众号 draft-box channel against the loopback API stand-in
 * (tests/wechatserver), with a real config file and a real SQLite store: the token fetched
 * once and cached across runs, refreshed when the API says it expired, re-fetched when its
 * lifetime is over; the cover uploaded once as permanent material (its media id in the store),
 * again when the API no longer knows it (40007); the draft's fields (digest cut to 128
 * characters); over-long headlines shortened to the title's 32 characters (the topic of a
 * 主题：副题 headline, else cut with "…", whole characters only) and the whole headline put
 * at the top of the content; the stand-in still refuses a 33-character title sent to it
 * directly; an over-long author refused with the API's message; the daily and per-minute
 * quota errors; a wrong secret; no secret or token in any error. Then the CLI: `brief weekly
 * --deliver mp -v` (a draft, an expired token, an over-long title shortened, an over-long
 * author refused) and `brief daily --lang en --deliver mp` (the offline titles fit as they
 * are), with stdout and stderr checked for secrets. */
#include <curl/curl.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "deliver/deliver.h"
#include "store/pubcache.h"
#include "store/store.h"
#include "testlib.h"
#include "util/config.h"
#include "util/fs.h"
#include "util/utf8.h"
#include "wfixture.h"
#include "wxserver.h"

#define APPID "wx1234567890abcdef"
#define SECRET "s3cr3t-app-secret-0123456789abcdef"

static const char *tmp;

static void
write_file(const char *path, const char *data, size_t len)
{
	struct err e;
	if (fs_write_atomic(path, data, len, &e) < 0) {
		fprintf(stderr, "%s: %s\n", path, e.msg);
		exit(1);
	}
}

/* A config with channel "mp" against the stand-in on port; secret as given. */
static void
load_config(struct config *cfg, int port, const char *secret, const char *cover)
{
	char path[4200], text[4096];
	snprintf(path, sizeof path, "%s/config-%d", tmp, port);
	snprintf(text, sizeof text,
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = %s\ncover = %s\nauthor = 懂点儿AI\n"
	         "api_base = http://127.0.0.1:%d\ntimeout = 10\n",
	         APPID, secret, cover, port);
	write_file(path, text, strlen(text));
	struct err e;
	if (config_load(cfg, path, &e) < 0) {
		fprintf(stderr, "config: %s\n", e.msg);
		exit(1);
	}
}

/* Collect a libcurl answer into a struct buf. */
static size_t
collect(char *data, size_t size, size_t n, void *out)
{
	buf_append(out, data, size * n);
	return size * n;
}

/* POST a draft with this title straight to the stand-in (not through brief), with the last
 * token it issued; returns the answer's errcode (0 = added), -1 when there is no JSON answer. */
static long
raw_draft(struct wx_server *s, const char *title)
{
	char url[256];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/cgi-bin/draft/add?access_token=%s", wx_server_port(s),
	         wx_server_last_token(s));
	json_t *root = json_pack("{s:[{s:s,s:s,s:s,s:s}]}", "articles", "article_type", "news", "title", title,
	                         "content", "<p>x</p>", "thumb_media_id", "MEDIA01");
	char *body = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	struct buf answer = BUF_INIT;
	CURL *c = curl_easy_init();
	struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	long code = -1;
	if (curl_easy_perform(c) == CURLE_OK) {
		json_t *a = json_loadb(answer.data ? answer.data : "", answer.len, 0, NULL);
		json_t *ec = json_object_get(a, "errcode");
		code = !a ? -1 : json_is_integer(ec) ? (long)json_integer_value(ec) : 0;
		json_decref(a);
	}
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	free(body);
	buf_free(&answer);
	return code;
}

/* Deliver msg with this headline; the draft must be added with the title expect, valid
 * UTF-8 of at most 32 characters, and the whole headline at the top of its content. */
static void
check_shortened(const struct config *cfg, struct wx_server *s, const struct deliver_message *msg,
                const char *headline, const char *expect)
{
	struct deliver_message m = *msg;
	m.title = headline;
	struct err e = {{0}};
	struct wx_counts before, c;
	wx_server_counts(s, &before);
	CHECK_INT(deliver_send(cfg, "mp", &m, &e), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, before.draft + 1);
	CHECK_STR(c.title, expect);
	CHECK(utf8_valid(c.title, strlen(c.title)));
	CHECK(utf8_count(c.title, strlen(c.title)) <= 32);
	/* The root section, then the headline as its first paragraph, then the original body. */
	CHECK(strncmp(c.content_head, "<section style=", 15) == 0);
	const char *h = strstr(c.content_head, "<p style=");
	CHECK(h && strstr(h, headline) && strstr(h, headline) < strstr(h, "正文"));
}

static void
check_no_secret(const char *text, struct wx_server *s)
{
	CHECK(strstr(text, SECRET) == NULL);
	if (*wx_server_last_token(s))
		CHECK(strstr(text, wx_server_last_token(s)) == NULL);
}

int
main(void)
{
	tmp = test_tmpdir();
	char cover[4200], db[4200];
	snprintf(cover, sizeof cover, "%s/cover.png", tmp);
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0 stand-in cover";
	write_file(cover, png, sizeof png);
	snprintf(db, sizeof db, "%s/brief.db", tmp);
	struct store st;
	struct err e = {{0}};
	CHECK_INT(store_open(&st, db, &e), 0);

	struct wx_server *s = wx_server_start(APPID, SECRET, 7200);
	struct config cfg;
	load_config(&cfg, wx_server_port(s), SECRET, cover);
	char digest[1024] = "";
	for (size_t i = 0, ten = strlen("一二三四五六七八九十"); i < 30; i++)
		memcpy(digest + i * ten, "一二三四五六七八九十", ten + 1); /* 300 characters */
	struct deliver_message msg = {
		.title = "字节跳动千亿豪赌AI芯片：算力战争",
		.date = "2026-02-21",
		.markdown = "# x",
		.wechat_html = "<section style=\"font-size:16px\"><p style=\"margin:0\">正文</p></section>",
		.digest = digest,
		.store = &st,
	};

	/* 1. First delivery: a token, the cover uploaded, the draft added. */
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	struct wx_counts c;
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 1);
	CHECK_INT(c.upload, 1);
	CHECK_INT(c.draft, 1);
	CHECK_STR(c.title, msg.title);
	CHECK_STR(c.author, "懂点儿AI");
	CHECK_STR(c.thumb, "MEDIA01");
	CHECK(strncmp(c.content_head, "<section style=", 15) == 0);
	CHECK_INT(strlen(c.digest), 127 * 3 + strlen("…")); /* cut to 128 characters, ellipsis last */
	CHECK(strstr(c.digest, "…") != NULL);

	/* 2. Again, from the same store: no new token, no new upload. */
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 1);
	CHECK_INT(c.upload, 1);
	CHECK_INT(c.draft, 2);
	/* The cover's media id is in the store, under the image's SHA-256. */
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int md_len = 0;
	EVP_Digest(png, sizeof png, md, &md_len, EVP_sha256(), NULL);
	char key[8 + 2 * EVP_MAX_MD_SIZE + 1] = "cover:";
	for (unsigned i = 0; i < md_len; i++)
		snprintf(key + 6 + 2 * i, 3, "%02x", md[i]);
	struct buf media = BUF_INIT;
	CHECK_INT(store_pubcache_get(&st, "wechat_mp:" APPID, key, (int64_t)time(NULL), &media, &e), 1);
	CHECK_STR(buf_str(&media), "MEDIA01");
	buf_free(&media);

	/* 3. The API says the token expired (42001): one new token, the call retried. */
	wx_server_expire_tokens(s);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 2);
	CHECK_INT(c.upload, 1);
	CHECK_INT(c.draft, 3);

	/* 4. A new cover image is uploaded once more (the cache is by content). */
	static const char png2[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x02\0\0\0\x02\x08\x06\0\0\0 other cover";
	write_file(cover, png2, sizeof png2);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.upload, 2);
	CHECK_STR(c.thumb, "MEDIA02");

	/* 5. Over-long headlines are shortened to a title the API takes. A 主题：副题 headline
	 * keeps its topic; */
	check_shortened(&cfg, s, &msg, "字节跳动千亿豪赌AI芯片：140亿美元背后的算力战争与行业变局以及对整个产业链的深远影响",
	                "字节跳动千亿豪赌AI芯片");
	/* a headline without a topic part is cut to 31 characters and "…", whole characters
	 * only (the 4-byte emoji is kept whole as the 31st, or left out whole as the 32nd); */
	check_shortened(&cfg, s, &msg, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十😀超过三十二个字的标题",
	                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十😀…");
	check_shortened(&cfg, s, &msg, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一😀超过三十二个字",
	                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一…");
	/* as is one whose topic is itself too long; an English "topic: angle" keeps its topic,
	 * and an English cut falls between words. */
	check_shortened(&cfg, s, &msg, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三：副题",
	                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一…");
	check_shortened(&cfg, s, &msg, "OpenAI ships a new model: what the price cut means for everyone else",
	                "OpenAI ships a new model");
	check_shortened(&cfg, s, &msg, "OpenAI ships a new model and cuts its prices for everyone else",
	                "OpenAI ships a new model and…");
	/* A cut falls between the characters a reader sees, not only between code points: a
	 * headline of emoji kept "🇨" of a flag "🇨🇳" (two regional indicators), "👩" of
	 * "👩‍💻" (woman, joiner, laptop) or a text-style "❤" of "❤️" (heart, variation
	 * selector) before the "…". */
	static const char *const clusters[] = {"🇨🇳", "👩‍💻", "❤️"};
	static const size_t kept[] = {15, 10, 15}; /* of 2, 3, 2 code points: the most within 31 */
	for (size_t i = 0; i < 3; i++) {
		struct buf headline = BUF_INIT, expect = BUF_INIT;
		for (size_t k = 0; k < 20; k++) {
			buf_puts(&headline, clusters[i]);
			if (k < kept[i])
				buf_puts(&expect, clusters[i]);
		}
		buf_puts(&expect, "…");
		check_shortened(&cfg, s, &msg, buf_str(&headline), buf_str(&expect));
		buf_free(&headline);
		buf_free(&expect);
	}
	/* The stand-in still refuses a 33-character title sent to it directly. */
	CHECK_INT(raw_draft(s, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三"), 45003);
	CHECK_INT(raw_draft(s, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"), 0);
	/* Other refusals are still reported with the API's words: an over-long author. */
	struct config long_author;
	char apath[4200], atext[4096];
	snprintf(apath, sizeof apath, "%s/config-author", tmp);
	snprintf(atext, sizeof atext,
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = %s\ncover = %s\n"
	         "author = 一个名字很长很长很长很长很长很长的作者\napi_base = http://127.0.0.1:%d\n",
	         APPID, SECRET, cover, wx_server_port(s));
	write_file(apath, atext, strlen(atext));
	CHECK_INT(config_load(&long_author, apath, &e), 0);
	wx_server_counts(s, &c);
	long added = c.draft;
	CHECK_INT(deliver_send(&long_author, "mp", &msg, &e), -1);
	CHECK(strstr(e.msg, "draft/add: 45110 author size out of limit") != NULL);
	check_no_secret(e.msg, s);
	config_free(&long_author);
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, added);

	/* 6. The daily quota: 45009, said plainly. */
	wx_server_rate_limit(s, 1, 45009);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), -1);
	CHECK(strstr(e.msg, "45009 reach max api daily quota limit") != NULL);
	CHECK(strstr(e.msg, "quota") != NULL);
	check_no_secret(e.msg, s);
	/* The per-minute limit: 45011, with the API's words and what to do. */
	wx_server_rate_limit(s, 1, 45011);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), -1);
	CHECK(strstr(e.msg, "draft/add: 45011 api minute-quota reach limit") != NULL);
	CHECK(strstr(e.msg, "try again in a minute") != NULL);
	check_no_secret(e.msg, s);
	wx_server_counts(s, &c);
	long drafts = c.draft;
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0); /* one refusal only */
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, drafts + 1);

	/* 7. Nothing to deliver (a message without the 公众号 rendering). */
	struct deliver_message plain = msg;
	plain.wechat_html = NULL;
	CHECK_INT(deliver_send(&cfg, "mp", &plain, &e), -1);
	CHECK(strstr(e.msg, "only article, weekly and daily") != NULL);
	CHECK(strstr(wx_server_problems(s), "") != NULL);
	CHECK_STR(wx_server_problems(s), "");
	wx_server_stop(s);
	config_free(&cfg);

	/* 7b. The same store against a restarted stand-in, which knows neither the cached token
	 * (40001: a new one is fetched) nor the cached cover (40007, as when the material was
	 * deleted in the back office: uploaded again, once); the draft is added. */
	s = wx_server_start(APPID, SECRET, 7200);
	load_config(&cfg, wx_server_port(s), SECRET, cover);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 1);
	CHECK_INT(c.upload, 1);
	CHECK_INT(c.draft, 1);
	CHECK_INT(c.refused, 2); /* the 40001 and the 40007 */
	CHECK_STR(c.thumb, "MEDIA01");
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0); /* both cached again */
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 1);
	CHECK_INT(c.upload, 1);
	CHECK_INT(c.draft, 2);
	CHECK_STR(wx_server_problems(s), "");
	wx_server_stop(s);
	config_free(&cfg);

	/* 8. A token whose lifetime is over is not used: a server issuing 1-second tokens. */
	s = wx_server_start(APPID, SECRET, 1);
	load_config(&cfg, wx_server_port(s), SECRET, cover);
	char db2[4300];
	snprintf(db2, sizeof db2, "%s/brief2.db", tmp);
	struct store st2;
	CHECK_INT(store_open(&st2, db2, &e), 0);
	msg.store = &st2;
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	sleep(1);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 2);
	CHECK_INT(c.upload, 1);
	CHECK_INT(c.refused, 0); /* never sent an expired token */
	config_free(&cfg);

	/* 9. A wrong secret: the API's 40125, and the secret nowhere in the message. */
	load_config(&cfg, wx_server_port(s), "wrong-secret-value-xyz", cover);
	CHECK_INT(store_pubcache_drop(&st2, "wechat_mp:" APPID, "access_token", &e), 0);
	CHECK_INT(deliver_send(&cfg, "mp", &msg, &e), -1);
	CHECK(strstr(e.msg, "40125 invalid appsecret") != NULL);
	CHECK(strstr(e.msg, "wrong-secret-value-xyz") == NULL);
	config_free(&cfg);
	CHECK_STR(wx_server_problems(s), "");
	store_close(&st2);

	/* 9b. A store that cannot keep what the channel caches (its writes fail, as on a full
	 * disk: a trigger of this connection refuses them): the token and the cover are not
	 * kept, and the draft is still made. Before, the failed write of the token (or of the
	 * uploaded cover's media id) failed the delivery after the API calls were spent, and
	 * each retry uploaded the cover as permanent material again. */
	struct wx_server *full = wx_server_start(APPID, SECRET, 7200); /* its own counts */
	load_config(&cfg, wx_server_port(full), SECRET, cover);
	char db3[4300];
	snprintf(db3, sizeof db3, "%s/brief3.db", tmp);
	struct store st3;
	CHECK_INT(store_open(&st3, db3, &e), 0);
	CHECK_INT(store_exec(&st3, "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON main.publish_cache"
	                           " BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END", &e), 0);
	msg.store = &st3;
	e.msg[0] = '\0';
	int full_rc = deliver_send(&cfg, "mp", &msg, &e);
	if (full_rc != 0)
		fprintf(stderr, "delivery with a full store: %s\n", e.msg);
	CHECK_INT(full_rc, 0);
	wx_server_counts(full, &c);
	CHECK_INT(c.draft, 1);
	CHECK_INT(c.upload, 1);
	CHECK_INT(test_query_int(&st3, "SELECT count(*) FROM publish_cache"), 0);
	config_free(&cfg);
	store_close(&st3);
	CHECK_STR(wx_server_problems(full), "");
	wx_server_stop(full);

	/* 10. The CLI: the weekly as a 公众号 draft; no secret or token on stdout or stderr. */
	char home[4300], conf[4300], text[4096];
	snprintf(home, sizeof home, "%s/home", tmp);
	wfx_make_home(home);
	snprintf(conf, sizeof conf, "%s/cli.conf", tmp);
	snprintf(text, sizeof text,
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = ${WX_SECRET}\ncover = %s\n"
	         "api_base = http://127.0.0.1:%d\n",
	         APPID, cover, wx_server_port(s));
	write_file(conf, text, strlen(text));
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                      "-v", "--deliver", "mp", NULL};
	const char *env[] = {"WX_SECRET=" SECRET, NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	int rc = wfx_brief(args, env, &out, &err);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "%s", buf_str(&err));
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, 3);
	CHECK(strstr(c.content_head, "<section style=") == c.content_head);
	CHECK(strstr(buf_str(&err), "draft added") != NULL);
	/* The offline weekly's title fits the draft's 32 characters as it is. */
	CHECK_STR(c.title, "科技周报 第 1 期");
	CHECK(strstr(buf_str(&err), "shortened") == NULL);
	check_no_secret(buf_str(&out), s);
	check_no_secret(buf_str(&err), s);
	/* So does the offline daily's, in English (the longer of its two languages). */
	const char *daily[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                       "--lang", "en", "--out", tmp, "--deliver", "mp", NULL};
	CHECK_INT(wfx_brief(daily, env, &out, &err), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, 4);
	CHECK_STR(c.title, "AI Blog Daily — 2026-02-21");
	CHECK(strstr(buf_str(&err), "shortened") == NULL);
	/* A report whose file cannot be written (its name taken by a directory: the write fails
	 * at the end, as a full disk would fail it) is not delivered: exit 1, no draft, so the
	 * rerun that follows the fix delivers it once (`brief article` already waited for its
	 * file; the daily and the weekly went on and delivered, and the rerun delivered a second
	 * copy). A missing --out directory is refused before any work (test_cli_out). */
	char unwritable[4400], taken[4500];
	snprintf(unwritable, sizeof unwritable, "%s/obstructed/", tmp);
	const char *names[] = {"2026-W08.md", "2026-02-21.md"};
	for (size_t i = 0; i < 2; i++) {
		snprintf(taken, sizeof taken, "%s%s", unwritable, names[i]);
		CHECK_INT(fs_mkdirs(taken, 0, NULL), 0);
	}
	const char *weekly_bad[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--config", conf,
	                            "--now", WFX_NOW, "--out", unwritable, "--deliver", "mp", NULL};
	const char *daily_bad[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf,
	                           "--now", WFX_NOW, "--out", unwritable, "--deliver", "mp", NULL};
	const char *const *bad[] = {weekly_bad, daily_bad};
	for (size_t i = 0; i < 2; i++) {
		buf_clear(&err);
		CHECK_INT(wfx_brief(bad[i], env, &out, &err), 1);
		CHECK(strstr(buf_str(&err), "obstructed") != NULL);
		wx_server_counts(s, &c);
		if (c.draft != 4)
			fprintf(stderr, "brief %s: its file not written, delivered all the same\n", bad[i][0]);
		CHECK_INT(c.draft, 4);
	}
	CHECK_STR(wx_server_problems(s), "");
	wx_server_stop(s);

	/* 11. The CLI's other paths, verbose, against a stand-in with 2-hour tokens: the token
	 * refused as expired (42001) and renewed; an over-long title (the weekly's, from the
	 * config) shortened to its topic, said on stderr, the draft added; an over-long author
	 * refused with the API's message, exit 1. No secret or token in any output. */
	s = wx_server_start(APPID, SECRET, 7200);
	snprintf(text, sizeof text,
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = ${WX_SECRET}\ncover = %s\n"
	         "api_base = http://127.0.0.1:%d\n",
	         APPID, cover, wx_server_port(s));
	write_file(conf, text, strlen(text));
	struct buf all = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	buf_printf(&all, "%s%s", buf_str(&out), buf_str(&err));
	wx_server_expire_tokens(s);
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "the access token was refused (42001); getting a new one") != NULL);
	buf_printf(&all, "%s%s", buf_str(&out), buf_str(&err));
	wx_server_counts(s, &c);
	CHECK_INT(c.token, 2);
	CHECK_INT(c.draft, 2);
	size_t base = strlen(text);
	snprintf(text + base, sizeof text - base,
	         "[weekly]\ntitle = 第$2期：一个非常非常非常非常非常非常非常长的周刊标题超过了三十二个字\n");
	write_file(conf, text, strlen(text));
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "deliver mp (wechat_mp): the headline has 34 characters, over the draft title's "
	                            "32: the title is shortened to \"第1期\"") != NULL);
	buf_printf(&all, "%s%s", buf_str(&out), buf_str(&err));
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, 3);
	CHECK_STR(c.title, "第1期");
	CHECK(strstr(c.content_head, "第1期：一个非常非常非常非常非常非常非常长的周刊标题超过了三十二个字") != NULL);
	snprintf(text + base, sizeof text - base, "[weekly]\nauthor = 一个名字很长很长很长很长很长很长的作者\n");
	write_file(conf, text, strlen(text));
	CHECK_INT(wfx_brief(args, env, &out, &err), 1);
	CHECK(strstr(buf_str(&err), "deliver mp (wechat_mp): draft/add: 45110 author size out of limit") != NULL);
	buf_printf(&all, "%s%s", buf_str(&out), buf_str(&err));
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, 3);
	check_no_secret(buf_str(&all), s);
	CHECK(strstr(buf_str(&all), "TOKEN01_") == NULL); /* the expired token either */
	CHECK_STR(wx_server_problems(s), "");
	buf_free(&all);
	wx_server_stop(s);

	/* 12. A full day (the default 15 stories from more feeds): the whole fragment has over
	 * 20,000 characters, which draft/add refuses (45002 content size out of limit), so every
	 * real daily failed to reach the draft box. The draft's content is leaner (the items after
	 * 今日必读 without their summaries), said on stderr, and the draft is added. */
	s = wx_server_start(APPID, SECRET, 7200);
	char full_home[4300], frag_path[4300];
	snprintf(full_home, sizeof full_home, "%s/full-home", tmp);
	wfx_make_home_with(full_home, "otherai.xml,essay.xml,mirror-rss.xml,datenschutz.xml");
	snprintf(text, sizeof text,
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = ${WX_SECRET}\ncover = %s\n"
	         "api_base = http://127.0.0.1:%d\n",
	         APPID, cover, wx_server_port(s));
	write_file(conf, text, strlen(text));
	snprintf(frag_path, sizeof frag_path, "%s/full.wechat.html", tmp);
	const char *whole[] = {"daily", "--home", full_home, "--no-fetch", "--offline", "--hours", "480", "--config", conf,
	                       "--now", WFX_NOW, "--format", "wechat", "--out", frag_path, NULL};
	CHECK_INT(wfx_brief(whole, env, &out, &err), 0);
	struct buf frag = BUF_INIT;
	test_read_file(frag_path, &frag);
	size_t frag_chars = utf8_count(frag.data, frag.len);
	if (frag_chars < 20000)
		fprintf(stderr, "the full day's fragment has only %zu characters\n", frag_chars);
	CHECK(frag_chars >= 20000); /* the case this part is about */
	const char *full_day[] = {"daily", "--home", full_home, "--no-fetch", "--offline", "--hours", "480", "--config",
	                          conf, "--now", WFX_NOW, "--deliver", "mp", NULL};
	buf_clear(&err);
	rc = wfx_brief(full_day, env, &out, &err);
	if (rc != 0)
		fprintf(stderr, "the full day's daily: %s", buf_str(&err));
	CHECK_INT(rc, 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, 1);
	CHECK(c.content_len > 0 && c.content_len < frag.len);
	CHECK(strstr(buf_str(&err), "deliver mp (wechat_mp): the items after the must-reads are without their "
	                            "summaries") != NULL);
	CHECK_STR(wx_server_problems(s), "");
	/* 13. A daily that even the leanest draft cannot hold (here a [daily] intro of 21,000
	 * characters): the channel said the items were cut "to fit the draft box's 20,000
	 * characters", then the API refused the draft. It says the draft is still over, and the
	 * API's refusal (45002) is the error. */
	struct buf big = BUF_INIT;
	buf_puts(&big, text);
	buf_puts(&big, "[daily]\nintro = ");
	for (int i = 0; i < 2100; i++)
		buf_puts(&big, "欢迎阅读今天的日报。");
	buf_putc(&big, '\n');
	write_file(conf, big.data, big.len);
	buf_free(&big);
	buf_clear(&err);
	CHECK_INT(wfx_brief(full_day, env, &out, &err), 1);
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, 1);
	CHECK(strstr(buf_str(&err), "to fit the draft box") == NULL);
	CHECK(strstr(buf_str(&err), "over the draft box's 20,000: the API will refuse it") != NULL);
	CHECK(strstr(buf_str(&err), "draft/add: 45002 content size out of limit") != NULL);
	if (strstr(buf_str(&err), "to fit the draft box"))
		fprintf(stderr, "the leanest daily: %s", buf_str(&err));
	CHECK_STR(wx_server_problems(s), "");
	/* 14. A [brand] cover is an image on the user's own site; the API drops an <img> that is
	 * not on its own host (mmbiz.qpic.cn) from the draft's content, so the draft lost its
	 * cover. It is uploaded through media/uploadimg (once, also when it appears twice) and
	 * the content carries the URL the API gave; the next run (the weekly) finds that URL by
	 * the image's bytes and does not upload the same picture again (it did, every run). */
	struct wx_counts b0;
	wx_server_counts(s, &b0);
	snprintf(text, sizeof text,
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = ${WX_SECRET}\ncover = %s\n"
	         "api_base = http://127.0.0.1:%d\n[brand]\ncover = http://127.0.0.1:%d/outside/cover.png\n",
	         APPID, cover, wx_server_port(s), wx_server_port(s));
	write_file(conf, text, strlen(text));
	const char *branded[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                         "--lang", "en", "--out", tmp, "--deliver", "mp", NULL};
	buf_clear(&err);
	rc = wfx_brief(branded, env, &out, &err);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "the branded daily: %s", buf_str(&err));
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, b0.draft + 1);
	CHECK_INT(c.images, b0.images + 1);
	CHECK_INT(c.content_images, b0.content_images + 1);
	CHECK_INT(c.outside_images, 0);
	CHECK(strstr(c.content_head, "src=\"http://mmbiz.qpic.cn/") != NULL);
	CHECK(strstr(c.content_head, "/outside/") == NULL);
	const char *branded_weekly[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now",
	                                WFX_NOW, "--deliver", "mp", NULL};
	CHECK_INT(wfx_brief(branded_weekly, env, &out, &err), 0);
	wx_server_counts(s, &c);
	CHECK_INT(c.draft, b0.draft + 2);
	CHECK_INT(c.images, b0.images + 1);
	CHECK_INT(c.outside_images, 0);
	CHECK(strstr(c.content_head, "src=\"http://mmbiz.qpic.cn/") != NULL);
	/* An image the API does not take is reported with its words: a gif (40005 invalid file
	 * type), a jpg over 1 MB (40009 invalid image size); no draft without its image. */
	const char *bad_img[][2] = {{"logo.gif", "media/uploadimg: 40005 invalid file type"},
	                            {"huge.jpg", "media/uploadimg: 40009 invalid image size"}};
	for (size_t i = 0; i < 2; i++) {
		snprintf(text, sizeof text,
		         "[deliver \"mp\"]\ntype = wechat_mp\nappid = %s\nsecret = ${WX_SECRET}\ncover = %s\n"
		         "api_base = http://127.0.0.1:%d\n[brand]\ncover = http://127.0.0.1:%d/outside/%s\n",
		         APPID, cover, wx_server_port(s), wx_server_port(s), bad_img[i][0]);
		write_file(conf, text, strlen(text));
		buf_clear(&err);
		CHECK_INT(wfx_brief(branded, env, &out, &err), 1);
		CHECK(strstr(buf_str(&err), bad_img[i][1]) != NULL);
		if (!strstr(buf_str(&err), bad_img[i][1]))
			fprintf(stderr, "%s: %s", bad_img[i][0], buf_str(&err));
		wx_server_counts(s, &c);
		CHECK_INT(c.draft, b0.draft + 2);
	}
	CHECK_STR(wx_server_problems(s), "");
	buf_free(&frag);
	buf_free(&out);
	buf_free(&err);
	wx_server_stop(s);
	store_close(&st);
	return test_done("test_wechat_mp");
}
