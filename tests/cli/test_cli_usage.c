/* test_cli_usage.c: a flag whose value a command cannot use is a usage error (exit 2, docs/cli.md)
 * that says what the flag wants, and it is found before the command does anything: no state
 * directory is made. Each case runs the brief binary with a fresh --home that must not exist
 * afterwards. Flags whose defaults come from the config ([fetch], [serve], [store]) are checked
 * as given before the config is read. */
#include <string.h>
#include <unistd.h>

#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

struct usage_case {
	const char *args[6]; /* the command and its arguments, NULL-terminated */
	const char *says;    /* a fragment of the message */
};

static const struct usage_case cases[] = {
	{{"fetch", "--concurrency", "0"}, "--concurrency wants a whole number from 1 to 1024"},
	{{"fetch", "--concurrency", "1025"}, "--concurrency wants a whole number from 1 to 1024"},
	{{"fetch", "--timeout", "-1"}, "--timeout wants a whole number from 1 to 3600"},
	{{"fetch", "--per-host", "0"}, "--per-host wants a whole number from 1 to 64"},
	{{"fetch", "--deadline", "soon"}, "--deadline wants a whole number from 1 to 86400"},
	{{"daily", "--no-fetch", "--concurrency", "0"}, "--concurrency wants"},
	{{"daily", "--no-fetch", "--timeout", "0"}, "--timeout wants"},
	{{"daily", "--no-fetch", "--hours", "0"}, "--hours wants a whole number"},
	{{"daily", "--no-fetch", "--format", "pdf"}, "--format wants md, html, json or wechat"},
	{{"daily", "--no-fetch", "--lang", "de"}, "--lang wants zh or en"},
	{{"weekly", "--no-fetch", "--concurrency", "0"}, "--concurrency wants"},
	{{"weekly", "--no-fetch", "--days", "0"}, "--days wants a whole number from 1 to 366"},
	{{"weekly", "--no-fetch", "--front-matter", "wordpress"}, "--front-matter wants jekyll, hugo or none"},
	{{"daily", "--no-fetch", "--site", "/nonexistent/site", "--front-matter", "none"}, "--site needs Jekyll or Hugo"},
	{{"weekly", "--no-fetch", "--site", "/nonexistent/site", "--front-matter", "none"}, "--site needs Jekyll or Hugo"},
	/* --format beside --site alone was ignored without a word (only the post was written) */
	{{"daily", "--no-fetch", "--site", "/nonexistent/site", "--format", "json"}, "--format goes with --out"},
	{{"weekly", "--no-fetch", "--site", "/nonexistent/site", "--format", "html"}, "--format goes with --out"},
	{{"article", "--top", "0"}, "--top wants a whole number from 1 to 50"},
	{{"article", "s0123456789ab", "--top", "2"}, "give one STORY"},
	{{"article"}, "give one STORY"},
	{{"article", "--top", "2"}, "--top writes several articles: give --out DIR/"},
	{{"article", "s0123456789ab", "--min-chars", "500", "--max-chars", "100"}, "--min-chars is larger"},
	/* one bound alone against the other's default (zh 1500-3000, en 2500-9000): no draft could
	 * fit, and the model was asked twice before the run failed */
	{{"article", "s0123456789ab", "--min-chars", "5000"}, "--min-chars 5000 is more than the zh default --max-chars"},
	{{"article", "s0123456789ab", "--lang", "en", "--max-chars", "2000"},
	 "--max-chars 2000 is less than the en default --min-chars"},
	{{"serve", "--listen", "nonsense:port"}, "--listen wants HOST:PORT"},
	{{"serve", "--listen", "[::1:8080"}, "--listen wants HOST:PORT"},
	{{"serve", "--token", "short"}, "16 to 256 characters"},
	{{"prune", "--keep-days", "a month"}, "--keep-days wants a whole number"},
	{{"prune"}, "say how many days to keep: --keep-days N, or [store] keep_days"},
	{{"weekly", "--no-fetch", "--issue", "first"}, "--issue wants a whole number from 1 to 999999"},
	{{"weekly", "--no-fetch", "--issue", "0"}, "--issue wants a whole number from 1 to 999999"},
	/* a value option given twice kept the last value without a word: --deliver a --deliver b
	 * sent only to b, a second --home picked one of two stores */
	{{"daily", "--no-fetch", "--deliver", "a", "--deliver", "b"},
	 "option --deliver given twice: give it once, naming them all, comma-separated"},
	{{"weekly", "--no-fetch", "--deliver=a", "--deliver", "b"}, "option --deliver given twice"},
	{{"article", "s0123456789ab", "--lang", "zh", "--lang=en"}, "option --lang given twice: give it once"},
	{{"fetch", "--timeout", "3", "--timeout=4"}, "option --timeout given twice"},
	{{"feeds", "list", "--home", "/nonexistent/other-store"}, "option --home given twice"},
	{{"daily", "--no-fetch", "--now", "2026-02-21T02:00:00Z", "--now", "2026-02-22T02:00:00Z"},
	 "option --now given twice"},
	/* the timer's run gets schedule's --home as well, and would refuse every time */
	{{"schedule", "install", "--command", "daily --home /nonexistent/other-store"}, "give them to schedule install"},
};

/* A config value a command cannot use is a failure (exit 1) naming the key, found when the
 * config is read (docs/cli.md), not a usage error naming a flag after the work. */
struct config_case {
	const char *config;
	const char *args[5];
	const char *says;
};

static const struct config_case config_cases[] = {
	{"[weekly]\nfront_matter = wordpress\n", {"weekly", "--no-fetch"},
	 "config [weekly] front_matter: want jekyll, hugo or none, not \"wordpress\""},
	{"[weekly]\nfront_matter = none\n", {"weekly", "--no-fetch", "--site", "SITE"},
	 "config [weekly] front_matter: want jekyll or hugo for --site, not \"none\""},
	{"[daily]\nfront_matter = none\n", {"daily", "--no-fetch", "--site", "SITE"},
	 "config [daily] front_matter: want jekyll or hugo for --site, not \"none\""},
	{"[daily]\nfront_matter = wordpress\n", {"daily", "--no-fetch", "--site", "SITE"},
	 "config [daily] front_matter: want jekyll or hugo for --site, not \"wordpress\""},
	/* it said "--listen wants ...", a flag the user never gave */
	{"[serve]\nlisten = nonsense:port\n", {"serve"}, "[serve] listen wants HOST:PORT"},
};

/* A value of the wrong type in the config file names the file and the line it stands on, as
 * a syntax error does: "config [fetch] timeout" alone left the user to find which of their
 * files (--config, $BRIEF_CONFIG, ~/.config/brief/config) held it, and where. The bad value
 * is the file's third line (after a comment), and the last of two assignments of the key; so
 * are the values the config reader does not check itself ([weekly] front_matter, [serve]
 * listen, [llm] provider: they lacked FILE:LINE until the thirty-second session). */
static void
test_config_value_where(struct buf *err)
{
	static const struct {
		const char *text, *args[3], *key;
		int line;
	} bad[] = {
		{"[fetch]\n# the fetch\ntimeout = 15s\n", {"fetch"}, "config [fetch] timeout: want a number", 3},
		{"[fetch]\nfull_text = yes\n\nfull_text = maybe\n", {"daily", "--no-fetch"},
		 "config [fetch] full_text: want true or false", 4},
		/* values read outside the config reader: by the renderers, serve and the LLM client */
		{"[weekly]\n# the blog\nfront_matter = wordpress\n", {"weekly", "--no-fetch"},
		 "config [weekly] front_matter: want jekyll, hugo or none", 3},
		{"[serve]\n# the archive\nlisten = nonsense:port\n", {"serve"}, "[serve] listen wants HOST:PORT", 3},
		{"[llm]\n# the model\nprovider = openia\n", {"article", "s000000000000"},
		 "config [llm] provider: unknown LLM provider \"openia\"", 3},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char conf[4200], want[4400];
		snprintf(conf, sizeof conf, "%s/bad-%zu.conf", t_subdir("where"), i);
		test_write_file(conf, bad[i].text, strlen(bad[i].text));
		snprintf(want, sizeof want, "%s:%d: %s", conf, bad[i].line, bad[i].key);
		buf_clear(err);
		int rc = t_brief(NULL, NULL, err, bad[i].args[0], "--config", conf, "--home", t_subdir("where-home"),
		                 bad[i].args[1], NULL);
		if (rc != 1 || !strstr(buf_str(err), want))
			fprintf(stderr, "brief %s with %s: exit %d, want \"%s\"\n%s", bad[i].args[0], conf, rc, want,
			        buf_str(err));
		CHECK_INT(rc, 1);
		CHECK(strstr(buf_str(err), want) != NULL);
	}
}

/* A key brief does not read (a misspelt "timout") left its setting at the default without a
 * word from any command but doctor: every command that reads the config now warns on stderr,
 * naming the file, the line and the key, and goes on (exit 0); -q keeps it quiet, and a file
 * whose keys are all real (a delivery channel's too) gets no warning. */
static void
test_config_unknown_key(struct buf *err)
{
	char conf[4200], good[4200], want[4400];
	snprintf(conf, sizeof conf, "%s/typo.conf", t_subdir("typo"));
	snprintf(good, sizeof good, "%s/good.conf", t_subdir("typo"));
	const char *typo = "[fetch]\n# a comment\ntimout = 30\n[deliver \"team\"]\ntype = slack\nurll = https://x.example/\n";
	const char *real = "[fetch]\ntimeout = 30\n[deliver \"team\"]\ntype = slack\nurl = https://x.example/\n";
	test_write_file(conf, typo, strlen(typo));
	test_write_file(good, real, strlen(real));
	const char *home = t_subdir("typo-home");
	buf_clear(err);
	CHECK_INT(t_brief(NULL, NULL, err, "feeds", "list", "--config", conf, "--home", home, NULL), 0);
	snprintf(want, sizeof want, "%s:3: [fetch] timout: not a key brief reads", conf);
	if (!strstr(buf_str(err), want))
		fprintf(stderr, "want \"%s\" on stderr:\n%s", want, buf_str(err));
	CHECK(strstr(buf_str(err), want) != NULL);
	snprintf(want, sizeof want, "%s:6: [deliver \"team\"] urll: not a key brief reads", conf);
	CHECK(strstr(buf_str(err), want) != NULL);
	buf_clear(err);
	CHECK_INT(t_brief(NULL, NULL, err, "feeds", "list", "-q", "--config", conf, "--home", home, NULL), 0);
	CHECK_INT(err->len, 0);
	buf_clear(err);
	CHECK_INT(t_brief(NULL, NULL, err, "feeds", "list", "--config", good, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(err), "not a key brief reads") == NULL);
}

/* The same from the environment: BRIEF_LISTEN named, not --listen. */
static void
test_listen_from_env(struct buf *err)
{
	char *env[] = {"BRIEF_LISTEN=[::1:8080", "BRIEF_CONFIG=/dev/null", NULL};
	buf_clear(err);
	int rc = t_brief(env, NULL, err, "serve", "--home", t_subdir("listen-env"), NULL);
	CHECK_INT(rc, 1);
	CHECK(strstr(buf_str(err), "BRIEF_LISTEN wants HOST:PORT, not \"[::1:8080\"") != NULL);
	if (rc != 1 || !strstr(buf_str(err), "BRIEF_LISTEN wants"))
		fprintf(stderr, "BRIEF_LISTEN: exit %d\n%s", rc, buf_str(err));
}

static void
test_config_values(struct buf *err)
{
	for (size_t i = 0; i < sizeof config_cases / sizeof config_cases[0]; i++) {
		const struct config_case *c = &config_cases[i];
		char dir[4200], conf[4300], site[4300], env_conf[4400];
		snprintf(dir, sizeof dir, "%s/config-%zu", t_subdir("config"), i);
		snprintf(conf, sizeof conf, "%s.conf", dir);
		snprintf(site, sizeof site, "%s.site", dir);
		snprintf(env_conf, sizeof env_conf, "BRIEF_CONFIG=%s", conf);
		test_write_file(conf, c->config, strlen(c->config));
		const char *a[5];
		for (size_t k = 0; k < 5; k++)
			a[k] = c->args[k] && strcmp(c->args[k], "SITE") == 0 ? site : c->args[k];
		char *env[] = {env_conf, "BRIEF_LLM_BASE_URL=", "OPENAI_API_KEY=", "TZ=UTC", NULL};
		buf_clear(err);
		int rc = t_brief(env, NULL, err, a[0], "--home", dir, a[1], a[2], a[3], a[4], NULL);
		int said = strstr(buf_str(err), c->says) != NULL;
		if (rc != 1 || !said)
			fprintf(stderr, "config %s: brief %s: exit %d\n%s", c->config, a[0], rc, buf_str(err));
		CHECK_INT(rc, 1);
		CHECK(said);
		CHECK(access(site, F_OK) != 0);
	}
}

/* article --top K writes STORY.md, .html and .json per story into a directory: --out given as
 * a file name (neither an existing directory nor a path ending in /) is a usage error, as the
 * help says ("give --out DIR/"), not a directory made under that name. A store with articles
 * in the window, so that the run would otherwise write. */
static void
test_article_top_out(struct buf *err)
{
	const char *home = t_subdir("top-home");
	const char *dir = t_subdir("top-out");
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/rss.xml"), "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	fsrv_stop(&srv);
	const char *now = "2026-02-21T12:00:00Z";
	char file[4200], slash[4200];
	snprintf(file, sizeof file, "%s/today.md", dir);
	snprintf(slash, sizeof slash, "%s/articles/", dir);
	buf_clear(err);
	int rc = t_brief(NULL, NULL, err, "article", "--top", "2", "--out", file, "--now", now, "--home", home, NULL);
	if (rc != 2)
		fprintf(stderr, "brief article --top 2 --out %s: exit %d\n%s", file, rc, buf_str(err));
	CHECK_INT(rc, 2);
	CHECK(strstr(buf_str(err), "--top writes several articles: give --out DIR/") != NULL);
	CHECK(access(file, F_OK) != 0); /* neither a file nor a directory of that name */
	/* A path ending in / is a directory, made when missing: one article's three files. */
	CHECK_INT(t_brief(NULL, NULL, NULL, "article", "--top", "1", "--out", slash, "--now", now, "--home", home, NULL),
	          0);
	CHECK(fs_is_dir(slash));
}

int
main(void)
{
	struct buf err = BUF_INIT;
	test_config_values(&err);
	test_config_value_where(&err);
	test_config_unknown_key(&err);
	test_listen_from_env(&err);
	test_article_top_out(&err);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const *a = cases[i].args;
		char home[4200];
		snprintf(home, sizeof home, "%s/never-made-%zu", t_subdir("usage"), i);
		buf_clear(&err);
		int rc = t_brief(NULL, NULL, &err, a[0], "--home", home, a[1], a[2], a[3], a[4], a[5], NULL);
		int said = strstr(buf_str(&err), cases[i].says) != NULL;
		int made = access(home, F_OK) == 0;
		if (rc != 2 || !said || made)
			fprintf(stderr, "brief %s %s %s: exit %d, home %s\n%s", a[0], a[1] ? a[1] : "", a[2] ? a[2] : "", rc,
			        made ? "made" : "not made", buf_str(&err));
		CHECK_INT(rc, 2);
		CHECK(said);
		CHECK(!made);
	}
	buf_free(&err);
	return test_done("test_cli_usage");
}
