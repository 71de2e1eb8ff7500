/* test_recipes.c: README's publishing recipes, run as written.
 *
 * The section "### Publishing: Feishu at 8:00, ..." of README.md is read from the source
 * tree: its ```ini block becomes ~/.config/brief/config of a temporary HOME (only the 公众号
 * API's address is appended, pointing at the stand-in), and every `brief ...` line of its
 * ```sh block is run with the built binary (~/ and /home/me, anywhere in a word, mean the
 * temporary HOME):
 *   - `brief schedule install ... "daily --deliver feishu"` with no systemctl on PATH prints
 *     the crontab line for 08:00 every day; that line's command is run with /bin/sh, as cron
 *     would, and the digest reaches a Feishu stand-in (an HTTP sink), signed;
 *   - `brief schedule install --name weekly --at "Fri 18:00" ...` prints the Friday 18:00 line;
 *     its command writes the post into the Jekyll tree (_posts/DATE-weekly-WEEK.md);
 *   - `brief article --top 1 --format wechat --out ~/articles/ --deliver mp` writes the
 *     fragment, gets one token, uploads the cover and adds the draft through the 公众号 API
 *     stand-in. The top story's headline is over the draft title's 32 characters (the LLM
 *     stand-in repeats the source title and ignores the prompt's limit, as a model may), so
 *     the title is shortened (said on stderr) and the whole headline opens the content; the
 *     other paths of the channel are in test_wechat_mp.
 * What the test adds to the lines: `--now` (the fixtures' clock) and, for the scheduled
 * commands, `--no-fetch` (the store is filled from tests/weekly/fixtures; there is no network);
 * the LLM is the stand-in (tests/llmserver). The article also gets `--max-chars 3000`: the
 * fixtures' top story has thin sources, so brief asks for a 200..400-character article, which
 * a real model writes but the stand-in's fixed parts overshoot (467); the bound keeps the
 * default length, which the stand-in meets. Then every output (stdout, stderr) and every file
 * under the HOME is searched for the secrets: the AppSecret and the Feishu signing secret
 * appear nowhere, the access token only in the store (brief.db caches it by design). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "llmserver.h"
#include "sinks.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/utf8.h"
#include "wfixture.h"
#include "wxserver.h"

#define APPID "wx0123456789recipe"
#define APPSECRET "recipe-app-secret-5f0c1e2d3b4a"
#define FEISHU_SECRET "recipe-feishu-sign-secret-77"
#define SECTION "### Publishing: Feishu at 8:00, a Jekyll blog on Fridays, the 公众号 draft box\n"

static char home[4200];
static const char *env[40];
static struct buf outputs = BUF_INIT; /* every stdout and stderr, for the secret search */

/* Run argv with the recipe environment; keeps the outputs. */
static int
run(char *const *argv, struct buf *out, struct buf *err)
{
	buf_clear(out);
	buf_clear(err);
	int rc = test_run(argv, (char *const *)env, NULL, out, err);
	buf_printf(&outputs, "%s\n%s\n", buf_str(out), buf_str(err));
	if (rc != 0)
		fprintf(stderr, "%s ... exit %d:\n%s", argv[0], rc, buf_str(err));
	return rc;
}

/* The body of the first ```LANG block in text[0..end), into out; 0 when found. */
static int
block(const char *text, const char *end, const char *lang, struct buf *out)
{
	char fence[32];
	snprintf(fence, sizeof fence, "```%s\n", lang);
	const char *b = strstr(text, fence);
	if (!b || b > end)
		return -1;
	b += strlen(fence);
	const char *e = strstr(b, "```");
	if (!e || e > end)
		return -1;
	buf_append(out, b, (size_t)(e - b));
	return 0;
}

/* Split a README command line into words (spaces separate, "double quotes" group), with a
 * ~/ or /home/me in it meaning the temporary HOME. Returns the count. */
static size_t
words(const char *line, char w[][1024], size_t max)
{
	size_t n = 0;
	while (*line && n < max) {
		while (*line == ' ')
			line++;
		if (!*line || *line == '\n')
			break;
		struct buf b = BUF_INIT;
		int quoted = 0;
		for (; *line && *line != '\n' && (quoted || *line != ' '); line++)
			if (*line == '"')
				quoted = !quoted;
			else
				buf_putc(&b, *line);
		/* Anywhere in the word: --command "weekly --site /home/me/blog" is one word. */
		struct buf r = BUF_INIT;
		for (const char *s = buf_str(&b); *s;)
			if (strncmp(s, "/home/me", 8) == 0) {
				buf_puts(&r, home);
				s += 8;
			} else if (strncmp(s, "~/", 2) == 0 && (s == buf_str(&b) || s[-1] == ' ')) {
				buf_printf(&r, "%s/", home);
				s += 2;
			} else {
				buf_putc(&r, *s++);
			}
		snprintf(w[n++], 1024, "%s", buf_str(&r));
		buf_free(&r);
		buf_free(&b);
	}
	return n;
}

/* The crontab line in schedule's output: "M H * * D COMMAND"; fields into when, command into cmd. */
static int
cron_line(const char *out, char *when, size_t when_size, struct buf *cmd)
{
	for (const char *l = out; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
		if (*l == '#' || *l == '\n')
			continue;
		const char *p = l;
		for (int field = 0; field < 5 && p; field++)
			p = strchr(p, ' ') ? strchr(p, ' ') + 1 : NULL;
		if (!p)
			return -1;
		snprintf(when, when_size, "%.*s", (int)(p - l - 1), l);
		const char *end = strchr(p, '\n');
		buf_append(cmd, p, end ? (size_t)(end - p) : strlen(p));
		return 0;
	}
	return -1;
}

/* Files under dir (recursively), except the store, that contain needle: names appended to hits. */
static void
grep_tree(const char *dir, const char *needle, int skip_store, struct buf *hits)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
			continue;
		char path[8400];
		snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
		struct stat st;
		if (lstat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			grep_tree(path, needle, skip_store, hits);
			continue;
		}
		if (!S_ISREG(st.st_mode) || (skip_store && strncmp(ent->d_name, "brief.db", 8) == 0))
			continue;
		struct buf f = BUF_INIT;
		test_read_file(path, &f);
		size_t n = strlen(needle);
		for (size_t i = 0; i + n <= f.len; i++)
			if (memcmp(f.data + i, needle, n) == 0) {
				buf_printf(hits, "%s\n", path);
				break;
			}
		buf_free(&f);
	}
	closedir(d);
}

/* How many regular files dir holds whose name ends in suffix. */
static int
count_files(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		size_t len = strlen(ent->d_name), k = strlen(suffix);
		n += len > k && strcmp(ent->d_name + len - k, suffix) == 0;
	}
	closedir(d);
	return n;
}

int
main(void)
{
	const char *tmp = test_tmpdir();
	snprintf(home, sizeof home, "%s/user", tmp);
	char path[8400], nobin[4300];
	snprintf(path, sizeof path, "%s/.config/brief", home);
	struct err e;
	CHECK_INT(fs_mkdirs(path, 1, &e), 0);
	snprintf(path, sizeof path, "%s/brief", home);
	CHECK_INT(fs_mkdirs(path, 1, &e), 0);
	snprintf(nobin, sizeof nobin, "%s/nobin", tmp); /* PATH without systemctl */
	CHECK_INT(fs_mkdirs(nobin, 1, &e), 0);
	snprintf(path, sizeof path, "%s/.local/share/brief", home);
	wfx_make_home(path);
	static const char cover[] = "\xff\xd8\xff\xe0 stand-in cover image";
	snprintf(path, sizeof path, "%s/brief/cover.jpg", home);
	test_write_file(path, cover, sizeof cover - 1);

	/* README's section. */
	struct buf readme = BUF_INIT, ini = BUF_INIT, sh = BUF_INIT;
	snprintf(path, sizeof path, "%s/README.md", getenv("BRIEF_SRC") ? getenv("BRIEF_SRC") : ".");
	test_read_file(path, &readme);
	const char *sec = strstr(buf_str(&readme), SECTION);
	CHECK(sec != NULL);
	if (!sec)
		return test_done("test_recipes");
	const char *end = strstr(sec + strlen(SECTION), "\n### ");
	if (!end)
		end = sec + strlen(sec);
	CHECK_INT(block(sec, end, "ini", &ini), 0);
	CHECK_INT(block(sec, end, "sh", &sh), 0);

	/* The config as README gives it, the API's address appended to its last section (mp). */
	struct wx_server *wx = wx_server_start(APPID, APPSECRET, 7200);
	struct http_sink *feishu = http_sink_start();
	const char *last = strstr(buf_str(&ini), "[deliver \"mp\"]");
	CHECK(last != NULL && strstr(last + 1, "\n[") == NULL);
	buf_printf(&ini, "api_base = http://127.0.0.1:%d\n", wx_server_port(wx));
	snprintf(path, sizeof path, "%s/.config/brief/config", home);
	test_write_file(path, ini.data, ini.len);

	struct llmsrv_opts so = {0};
	struct llmsrv *llm = llmsrv_start(&so);
	CHECK(llm != NULL);
	if (!llm)
		return test_done("test_recipes");
	char e_home[4300], e_path[4400], e_hook[256];
	snprintf(e_home, sizeof e_home, "HOME=%s", home);
	snprintf(e_path, sizeof e_path, "PATH=%s", nobin);
	snprintf(e_hook, sizeof e_hook, "FEISHU_WEBHOOK_URL=http://127.0.0.1:%d/open-apis/bot/v2/hook/recipe",
	         http_sink_port(feishu));
	size_t ne = 0;
	/* BRIEF_HOME is left unset (test_run unsets the user's): set but empty it is an error. */
	static const char *const fixed[] = {"TZ=UTC", "BRIEF_CONFIG=", "XDG_CONFIG_HOME=",
	                                    "XDG_DATA_HOME=", "OPENAI_API_KEY=", "OPENAI_API_BASE=", "OPENAI_BASE_URL=",
	                                    "OPENAI_MODEL=", "GEMINI_API_KEY=", "BRIEF_AUTHOR=",
	                                    "FEISHU_SECRET=" FEISHU_SECRET, "WECHAT_APPID=" APPID,
	                                    "WECHAT_APPSECRET=" APPSECRET};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		env[ne++] = fixed[i];
	env[ne++] = e_home;
	env[ne++] = e_path;
	env[ne++] = e_hook;
	for (const char *const *l = llmsrv_brief_env(llm); *l && ne < 39; l++)
		env[ne++] = *l;
	env[ne] = NULL;

	/* Every `brief` line of the sh block, in order. */
	struct buf out = BUF_INIT, err = BUF_INIT, cmd = BUF_INIT;
	int lines = 0, daily_done = 0, weekly_done = 0, article_done = 0;
	for (const char *l = buf_str(&sh); *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
		if (strncmp(l, "brief ", 6) != 0)
			continue;
		lines++;
		char w[32][1024];
		size_t n = words(l, w, 28);
		char *argv[34];
		argv[0] = (char *)test_brief_bin();
		for (size_t i = 1; i < n; i++)
			argv[i] = w[i];
		if (strcmp(w[1], "schedule") == 0) {
			argv[n] = NULL;
			CHECK_INT(run(argv, &out, &err), 0);
			char when[64];
			buf_clear(&cmd);
			CHECK_INT(cron_line(buf_str(&out), when, sizeof when, &cmd), 0);
			int is_daily = strstr(buf_str(&cmd), "' 'daily' '--home' '") != NULL &&
			               strstr(buf_str(&cmd), "' '--deliver' 'feishu'") != NULL;
			int is_weekly = strstr(buf_str(&cmd), "' 'weekly' '--home' '") != NULL &&
			                strstr(buf_str(&cmd), "' '--site' '") != NULL;
			CHECK(is_daily != is_weekly);
			CHECK_STR(when, is_daily ? "0 8 * * *" : "0 18 * * 5");
			/* The line's command as cron runs it (sh -c), with the fixtures' clock. */
			buf_puts(&cmd, " '--now' '" WFX_NOW "' '--no-fetch'");
			char *shv[] = {"/bin/sh", "-c", (char *)buf_str(&cmd), NULL};
			size_t before = http_sink_count(feishu);
			CHECK_INT(run(shv, &out, &err), 0);
			if (is_daily) {
				CHECK(http_sink_count(feishu) > before);
				const struct sink_request *r =
				        http_sink_count(feishu) > before ? http_sink_request(feishu, before) : NULL;
				CHECK(r && strcmp(r->path, "/open-apis/bot/v2/hook/recipe") == 0);
				CHECK(r && strstr(buf_str(&r->body), "\"sign\"") != NULL); /* the secret signs */
				daily_done = r != NULL;
			} else {
				snprintf(path, sizeof path, "%s/blog/_posts", home);
				CHECK_INT(count_files(path, "-weekly-2026-w08.md"), 1);
				weekly_done = 1;
			}
		} else {
			CHECK_STR(w[1], "article");
			argv[n] = "--now";
			argv[n + 1] = WFX_NOW;
			argv[n + 2] = "--max-chars"; /* see the top comment */
			argv[n + 3] = "3000";
			argv[n + 4] = NULL;
			/* The top story's headline (the stand-in's: the source title + ": a change that
			 * came sooner than expected", 72 characters, its topic 46) is over the draft
			 * title's 32: cut before the 32nd character at a word and "…", said on stderr;
			 * the draft added with the whole headline opening its content. */
			CHECK_INT(run(argv, &out, &err), 0);
			CHECK(strstr(buf_str(&err), "deliver mp (wechat_mp): the headline has 72 characters, over the draft "
			                            "title's 32: the title is shortened to \"") != NULL);
			struct wx_counts c;
			wx_server_counts(wx, &c);
			CHECK_INT(c.token, 1);
			CHECK_INT(c.upload, 1);
			CHECK_INT(c.draft, 1);
			CHECK(utf8_valid(c.title, strlen(c.title)));
			CHECK(utf8_count(c.title, strlen(c.title)) <= 32);
			CHECK(str_ends(c.title, "…"));
			CHECK(strstr(buf_str(&err), c.title) != NULL);
			/* The headline's paragraph: it starts with the title's words and goes on. */
			const char *h = strstr(c.content_head, "<p style=");
			const char *text = h ? strchr(h, '>') : NULL;
			const char *close = text ? strstr(text, "</p>") : NULL;
			size_t words = strlen(c.title) - strlen("…");
			CHECK(close && strncmp(text + 1, c.title, words) == 0);
			CHECK(close && utf8_count(text + 1, (size_t)(close - text - 1)) == 72);
			snprintf(path, sizeof path, "%s/articles", home);
			CHECK_INT(count_files(path, ".wechat.html"), 1);
			article_done = 1;
		}
	}
	CHECK_INT(lines, 3);
	CHECK(daily_done && weekly_done && article_done);
	CHECK_STR(wx_server_problems(wx), "");

	/* No secret in any output or file; the token only in the store. */
	struct buf hits = BUF_INIT;
	const char *secrets[] = {APPSECRET, FEISHU_SECRET, wx_server_last_token(wx)};
	for (size_t i = 0; i < 3; i++) {
		CHECK(*secrets[i] != '\0');
		if (!*secrets[i])
			continue;
		CHECK(strstr(buf_str(&outputs), secrets[i]) == NULL);
		grep_tree(home, secrets[i], i == 2, &hits);
	}
	if (hits.len)
		fprintf(stderr, "secrets found in:\n%s", buf_str(&hits));
	CHECK_INT(hits.len, 0);
	CHECK(outputs.len > 1000);

	buf_free(&hits);
	buf_free(&out);
	buf_free(&err);
	buf_free(&cmd);
	buf_free(&readme);
	buf_free(&ini);
	buf_free(&sh);
	buf_free(&outputs);
	llmsrv_stop(llm);
	http_sink_stop(feishu);
	wx_server_stop(wx);
	return test_done("test_recipes");
}
