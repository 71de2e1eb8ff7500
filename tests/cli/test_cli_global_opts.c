/* test_cli_global_opts.c: the options every command accepts (--home, --config, --now, -q,
 * -v) work before the command name as well as after it: `brief --home X daily` is
 * `brief daily --home X`. Each is checked by an effect only it has: the state directory
 * used, the config file read, the clock, silence, debug lines. And where the state directory
 * is without --home: BRIEF_HOME, XDG_DATA_HOME, HOME. */
#include <stdlib.h>
#include <string.h>

#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

int
main(void)
{
	const char *home = t_subdir("home");
	char conf[4200];
	snprintf(conf, sizeof conf, "%s/conf", t_subdir("etc"));
	test_write_file(conf, "[fetch]\nuser_agent = brief-test-ua\n", 34);
	struct buf out = BUF_INIT, err = BUF_INIT;

	/* --home before the command: the store is made there, and the source added there. */
	CHECK_INT(t_brief(NULL, NULL, &err, "--home", home, "feeds", "add", "https://a.example/feed", NULL), 0);
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	CHECK(fs_exists(db));
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "https://a.example/feed") != NULL);
	/* --home=DIR and -q before it: nothing on stderr. */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "-q", "--home=", NULL), 2); /* no command after the options */
	buf_clear(&err);
	/* An empty --home (either spelling) or an empty BRIEF_HOME is a usage error, never the
	 * default directory. */
	CHECK_INT(t_brief(NULL, NULL, &err, "--home=", "-q", "feeds", "rm", "https://a.example/feed", NULL), 2);
	CHECK(strstr(buf_str(&err), "--home wants a directory, not an empty value") != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "daily", "--home", "", "--no-fetch", NULL), 2);
	CHECK(strstr(buf_str(&err), "--home wants a directory, not an empty value") != NULL);
	buf_clear(&err);
	char *empty_env[] = {"BRIEF_HOME=", NULL};
	CHECK_INT(t_brief(empty_env, NULL, &err, "feeds", "list", NULL), 2);
	CHECK(strstr(buf_str(&err), "BRIEF_HOME is set but empty") != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(empty_env, &out, NULL, "feeds", "list", "--home", home, NULL), 0); /* --home wins */
	CHECK(strstr(buf_str(&out), "https://a.example/feed") != NULL);
	char fallback[4200]; /* where an empty home used to lead: the default directory */
	snprintf(fallback, sizeof fallback, "%s/.local/share/brief", test_user_home());
	CHECK(!fs_exists(fallback));
	buf_clear(&err);
	char home_eq[4300];
	snprintf(home_eq, sizeof home_eq, "--home=%s", home);
	CHECK_INT(t_brief(NULL, NULL, &err, home_eq, "-q", "feeds", "rm", "https://a.example/feed", NULL), 0);
	CHECK_INT(err.len, 0);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "https://a.example/feed") == NULL);

	/* --config and --home before the command, doctor names both. */
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "--config", conf, "--home", home, "doctor", NULL), 0);
	CHECK(strstr(buf_str(&out), conf) != NULL);
	CHECK(strstr(buf_str(&out), "(1 settings)") != NULL);
	/* and a config file that is not there is an error wherever --config stands */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "--config", "/nonexistent/brief.conf", "feeds", "list", "--home", home,
	                  NULL), 1);
	CHECK(strstr(buf_str(&err), "/nonexistent/brief.conf") != NULL);

	/* -v before the command: the debug line of the window selection; without it, none. */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "-v", "--home", home, "daily", "--no-fetch", NULL), 3);
	CHECK(strstr(buf_str(&err), "articles in the 48-hour window") != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "--home", home, "daily", "--no-fetch", NULL), 3);
	CHECK(strstr(buf_str(&err), "articles in the 48-hour window") == NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "--verbose", "daily", "--no-fetch", "--home", home, NULL), 3);
	CHECK(strstr(buf_str(&err), "articles in the 48-hour window") != NULL);

	/* --now before the command freezes the clock: the fetch's attempt time in the store. */
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "--home", home, "feeds", "add", fsrv_url(&srv, "/rss.xml"), NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "--now", "2001-02-03T04:05:06Z", "-q", "--home", home, "fetch", NULL), 0);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "\"last_attempt\": \"2001-02-03T04:05:06Z\"") != NULL);
	fsrv_stop(&srv);

	/* A value option before the command needs its value; help and --version still work. */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "--home", NULL), 2);
	CHECK(strstr(buf_str(&err), "--home needs a value") != NULL);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "--home", home, "help", "daily", NULL), 0);
	CHECK(strstr(buf_str(&out), "usage: brief daily") != NULL);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "-q", "--version", NULL), 0);
	CHECK(strncmp(buf_str(&out), "brief ", 6) == 0);
	/* An unknown option before the command is still an error, not a command name. */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "--bogus", "feeds", "list", NULL), 2);
	/* Without --home or BRIEF_HOME the state directory is $XDG_DATA_HOME/brief, else
	 * $HOME/.local/share/brief; with neither, a one-line reason (exit 1), nothing made. */
	char xdg[4200], xdg_env[4300], user[4200], user_env[4300], where[4400];
	snprintf(xdg, sizeof xdg, "%s", t_subdir("xdg"));
	snprintf(xdg_env, sizeof xdg_env, "XDG_DATA_HOME=%s", xdg);
	snprintf(user, sizeof user, "%s", t_subdir("user"));
	snprintf(user_env, sizeof user_env, "HOME=%s", user);
	char *with_xdg[] = {"BRIEF_CONFIG=/dev/null", xdg_env, user_env, NULL};
	CHECK_INT(t_brief(with_xdg, NULL, NULL, "feeds", "add", "https://x.example/feed", NULL), 0);
	snprintf(where, sizeof where, "%s/brief/brief.db", xdg);
	CHECK(fs_exists(where));
	snprintf(where, sizeof where, "%s/.local/share/brief", user);
	CHECK(!fs_exists(where));
	char *home_only[] = {"BRIEF_CONFIG=/dev/null", user_env, NULL};
	CHECK_INT(t_brief(home_only, NULL, NULL, "feeds", "add", "https://h.example/feed", NULL), 0);
	snprintf(where, sizeof where, "%s/.local/share/brief/brief.db", user);
	CHECK(fs_exists(where));
	char *neither[] = {"BRIEF_CONFIG=/dev/null", "HOME=", NULL};
	buf_clear(&err);
	CHECK_INT(t_brief(neither, NULL, &err, "feeds", "list", NULL), 1);
	CHECK(strstr(buf_str(&err), "cannot find a state directory: set BRIEF_HOME or HOME") != NULL);
	/* The help says options may precede the command. */
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "help", NULL), 0);
	CHECK(strstr(buf_str(&out), "before or after the command name") != NULL);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_cli_global_opts");
}
