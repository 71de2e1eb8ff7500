/* test_schedule.c: `brief schedule` without containers or a real systemd: a temporary
 * XDG_CONFIG_HOME; with no systemctl on PATH install prints the crontab line (daily at 08:00,
 * weekly on Friday) and writes nothing; with a stand-in systemctl (a script logging its
 * arguments) install writes the service and a Persistent timer and enables it, status and
 * remove work. Then the run lock: while the store's run lock is held (as a running daily
 * holds it), a second daily exits 4 with a clear message; once released, it runs. And two real
 * daily runs that overlap (the first waiting on a slow LLM stand-in): the second exits 4.
 * One function a step: test_cron, test_systemd, test_lock_held, test_overlap. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "llmserver.h"
#include "testlib.h"
#include "util/fs.h"
#include "wfixture.h"

static int
brief(const char *const *args, const char *path_env, const char *xdg_env, struct buf *out, struct buf *err)
{
	const char *env[] = {path_env, xdg_env, NULL};
	buf_clear(out);
	buf_clear(err);
	return wfx_brief(args, env, out, err);
}

/* Start brief with args in the background (output discarded), the isolated environment of
 * wfx_brief plus extra; returns the child's pid. */
static pid_t
start_brief(const char *const *args, const char *const *extra)
{
	const char *argv[32];
	size_t n = 0;
	argv[n++] = test_brief_bin();
	for (size_t i = 0; args[i] && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	const char *home = test_user_home();
	pid_t pid = fork();
	if (pid == 0) {
		test_isolate_child(home);
		static const char *const clear[] = {"BRIEF_LLM_PROVIDER", "OPENAI_API_KEY", "OPENAI_API_BASE",
		                                    "OPENAI_BASE_URL", "OPENAI_MODEL", "GEMINI_API_KEY"};
		for (size_t i = 0; i < sizeof clear / sizeof clear[0]; i++)
			unsetenv(clear[i]);
		setenv("TZ", "UTC", 1);
		for (size_t i = 0; extra && extra[i]; i++)
			putenv((char *)extra[i]);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

/* The test's paths and the environment strings every brief run gets. */
struct env {
	const char *tmp;
	char home[4200], xdg[4200], path_none[4300], path_fake[8700], xdg_env[4300];
};

/* `brief schedule install --command CMD` for a daily at 08:00 with --deliver feishu. */
static const char *const *
daily_install(const struct env *v)
{
	static const char *daily[] = {"schedule", "install", "--home", NULL, "--at", "08:00", "--command",
	                              "daily --deliver feishu", NULL};
	daily[3] = v->home;
	return daily;
}

/* No systemctl: the crontab line, nothing written; bad --at and --command are usage errors. */
static void
test_cron(const struct env *v)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	char unit[4300];
	CHECK_INT(brief(daily_install(v), v->path_none, v->xdg_env, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "\n0 8 * * * '") != NULL);
	/* The command's name first: brief takes --home after it (`brief --home H daily` is an error). */
	CHECK(strstr(buf_str(&out), "' 'daily' '--home' '") != NULL);
	CHECK(strstr(buf_str(&out), "' '--deliver' 'feishu'\n") != NULL);
	CHECK(strstr(buf_str(&out), "crontab -e") != NULL);
	snprintf(unit, sizeof unit, "%s/systemd", v->xdg);
	CHECK(!fs_exists(unit));
	const char *weekly[] = {"schedule", "install", "--home", v->home, "--at", "Fri 08:00", "--command",
	                        "weekly --site /srv/blog", NULL};
	CHECK_INT(brief(weekly, v->path_none, v->xdg_env, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "\n0 8 * * 5 '") != NULL);
	CHECK(strstr(buf_str(&out), "' 'weekly' '--home' '") != NULL);
	CHECK(strstr(buf_str(&out), "' '--site' '/srv/blog'\n") != NULL);
	/* Bad input is a usage error. */
	const char *bad_at[] = {"schedule", "install", "--home", v->home, "--at", "25:00", NULL};
	CHECK_INT(brief(bad_at, v->path_none, v->xdg_env, &out, &err), 2);
	/* Two days installed a timer on the second alone ("Sun Mon 08:00": Mondays only), and a
	 * blank or a sign inside the time was read past ("08: 5" ran at 08:05, "+8:00" at 08:00):
	 * each is refused, with nothing printed or written. */
	static const char *const odd_at[] = {"Sun Mon 08:00", "Sun,Mon 08:00", "08: 5", " 8:00", "+8:00",
	                                     "Fri 8",         "08:00:60",      "08:00 UTC", "Fri  08:00"};
	for (size_t i = 0; i < sizeof odd_at / sizeof odd_at[0]; i++) {
		bad_at[5] = odd_at[i];
		int rc = brief(bad_at, v->path_none, v->xdg_env, &out, &err);
		if (rc != 2 || out.len)
			fprintf(stderr, "--at \"%s\" was taken: %s", odd_at[i], buf_str(&out));
		CHECK_INT(rc, 2);
		CHECK_INT(out.len, 0);
	}
	const char *sun_at[] = {"schedule", "install", "--home", v->home, "--at", "sun 23:59", NULL};
	CHECK_INT(brief(sun_at, v->path_none, v->xdg_env, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "\n59 23 * * 0 '") != NULL);
	const char *bad_cmd[] = {"schedule", "install", "--home", v->home, "--command", "serve", NULL};
	CHECK_INT(brief(bad_cmd, v->path_none, v->xdg_env, &out, &err), 2);
	/* An option the command does not take, or one missing its value, was installed as given,
	 * and every scheduled run then stopped at its usage error: refused now, with the
	 * command's own reason, nothing printed (cron) or written (systemd). */
	static const char *const wrong[] = {"daily --delivr feishu", "weekly --site", "daily --lang en --bogus"};
	for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
		bad_cmd[5] = wrong[i];
		CHECK_INT(brief(bad_cmd, v->path_none, v->xdg_env, &out, &err), 2);
		CHECK_INT(out.len, 0);
		CHECK(strstr(buf_str(&err), "nothing installed") != NULL);
		CHECK_INT(brief(bad_cmd, v->path_fake, v->xdg_env, &out, &err), 2);
	}
	CHECK(strstr(buf_str(&err), "--bogus") != NULL);
	snprintf(unit, sizeof unit, "%s/systemd", v->xdg);
	CHECK(!fs_exists(unit));
	buf_free(&out);
	buf_free(&err);
}

/* A relative --home or --config is written as an absolute path: cron and a systemd user
 * service run in the user's home directory, not where install was typed, so "--home data"
 * would be another (empty) store there. */
static void
test_relative_paths(const struct env *v)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	char saved[4096], here[4096], conf[4300], want[8800];
	CHECK(getcwd(saved, sizeof saved) != NULL);
	CHECK_INT(chdir(v->tmp), 0);
	CHECK(getcwd(here, sizeof here) != NULL);
	snprintf(conf, sizeof conf, "%s/rel.conf", here);
	test_write_file(conf, "[fetch]\ntimeout = 20\n", 21);
	const char *rel[] = {"schedule", "install", "--home", "rel home", "--config", "rel.conf", NULL};
	CHECK_INT(brief(rel, v->path_none, v->xdg_env, &out, &err), 0);
	snprintf(want, sizeof want, "' 'daily' '--home' '%s/rel home' '--config' '%s/rel.conf'\n", here, here);
	if (!strstr(buf_str(&out), want))
		fprintf(stderr, "want %s in:\n%s", want, buf_str(&out));
	CHECK(strstr(buf_str(&out), want) != NULL);
	CHECK_INT(chdir(saved), 0);
	buf_free(&out);
	buf_free(&err);
}

/* A stand-in systemctl (a script logging its arguments, first on v->path_fake): units
 * written, the timer enabled; status, remove, and status again (3: no schedule). */
static void
test_systemd(const struct env *v, const char *fakebin)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	char log[4300], script[4300], unit[4300];
	snprintf(log, sizeof log, "%s/systemctl.log", v->tmp);
	snprintf(script, sizeof script, "%s/systemctl", fakebin);
	char text[8800];
	snprintf(text, sizeof text, "#!/bin/sh\necho \"$*\" >> '%s'\nexit 0\n", log);
	struct err e;
	CHECK_INT(fs_write_atomic(script, text, strlen(text), &e), 0);
	chmod(script, 0755);
	CHECK_INT(brief(daily_install(v), v->path_fake, v->xdg_env, &out, &err), 0);
	struct buf f = BUF_INIT;
	snprintf(unit, sizeof unit, "%s/systemd/user/brief-brief.timer", v->xdg);
	test_read_file(unit, &f);
	CHECK(strstr(buf_str(&f), "OnCalendar=*-*-* 08:00:00\n") != NULL);
	CHECK(strstr(buf_str(&f), "Persistent=true\n") != NULL);
	CHECK(strstr(buf_str(&f), "WantedBy=timers.target\n") != NULL);
	buf_clear(&f);
	snprintf(unit, sizeof unit, "%s/systemd/user/brief-brief.service", v->xdg);
	test_read_file(unit, &f);
	CHECK(strstr(buf_str(&f), "Type=oneshot\n") != NULL);
	CHECK(strstr(buf_str(&f), "SuccessExitStatus=3 4\n") != NULL);
	CHECK(strstr(buf_str(&f), "\" \"daily\" \"--home\" \"") != NULL);
	CHECK(strstr(buf_str(&f), "\" \"--deliver\" \"feishu\"\n") != NULL);
	/* The daily knows its time: the timer's catch-up after midnight of a missed day writes that
	 * day's digest, not today's (docs/daily.md, "Missed runs"). */
	CHECK(strstr(buf_str(&f), "\" \"--due\" \"08:00\" \"--deliver\"") != NULL);
	buf_clear(&f);
	/* A '$' is a literal dollar as in the crontab line's single quotes: systemd expands "$NAME"
	 * in ExecStart= even inside double quotes, "$$" is its literal '$'. */
	const char *dollar[] = {"schedule", "install", "--home",    v->home,
	                        "--name",   "dollar",  "--command", "daily --out /srv/$HOME/50%",
	                        NULL};
	CHECK_INT(brief(dollar, v->path_fake, v->xdg_env, &out, &err), 0);
	snprintf(unit, sizeof unit, "%s/systemd/user/brief-dollar.service", v->xdg);
	test_read_file(unit, &f);
	CHECK(strstr(buf_str(&f), "\"--out\" \"/srv/$$HOME/50%%\"\n") != NULL);
	CHECK(strstr(buf_str(&f), "Description=brief daily --out /srv/$HOME/50%% (dollar)\n") !=
	      NULL); /* % a specifier */
	buf_clear(&f);
	snprintf(unit, sizeof unit, "%s/systemd/user/brief-brief.service", v->xdg);
	test_read_file(log, &f);
	CHECK(strstr(buf_str(&f), "--user daemon-reload\n") != NULL);
	CHECK(strstr(buf_str(&f), "--user enable --now brief-brief.timer\n") != NULL);
	const char *st[] = {"schedule", "status", NULL};
	CHECK_INT(brief(st, v->path_fake, v->xdg_env, &out, &err), 0);
	/* A timer disabled by hand is still listed (list-timers --all): status said 0, "it runs". */
	snprintf(text, sizeof text,
	         "#!/bin/sh\necho \"$*\" >> '%s'\n[ \"$2\" = is-enabled ] && exit 1\nexit 0\n", log);
	CHECK_INT(fs_write_atomic(script, text, strlen(text), &e), 0);
	buf_clear(&err);
	CHECK_INT(brief(st, v->path_fake, v->xdg_env, &out, &err), 1);
	CHECK(strstr(buf_str(&err), "not enabled") != NULL);
	snprintf(text, sizeof text, "#!/bin/sh\necho \"$*\" >> '%s'\nexit 0\n", log);
	CHECK_INT(fs_write_atomic(script, text, strlen(text), &e), 0);
	const char *rm[] = {"schedule", "remove", NULL};
	CHECK_INT(brief(rm, v->path_fake, v->xdg_env, &out, &err), 0);
	CHECK(!fs_exists(unit));
	CHECK_INT(brief(st, v->path_fake, v->xdg_env, &out, &err), 3);
	buf_free(&f);
	buf_free(&out);
	buf_free(&err);
}

/* A scheduled run does not inherit the shell's environment, where the README keeps the
 * config's ${NAME} secrets and the model's key: the service reads an environment file beside
 * the config (EnvironmentFile=-DIR/env), and install says which variables set in the shell
 * that file lacks (cron: put them into the crontab). Before, the units had no such line and
 * install said nothing; the timer's daily went out with an empty webhook URL and no model. */
static void
test_environment(const struct env *v)
{
	struct buf out = BUF_INIT, err = BUF_INIT, f = BUF_INIT;
	char dir[4300], config[4400], envfile[4400], unit[4300];
	snprintf(dir, sizeof dir, "%s/cfg", v->tmp);
	mkdir(dir, 0700);
	snprintf(config, sizeof config, "%s/config", dir);
	snprintf(envfile, sizeof envfile, "%s/env", dir);
	const char *text = "[deliver \"feishu\"]\ntype = feishu\nurl = ${FEISHU_WEBHOOK_URL}\n";
	struct err e;
	CHECK_INT(fs_write_atomic(config, text, strlen(text), &e), 0);
	const char *args[] = {"schedule", "install", "--home", v->home, "--config", config, "--name", "env",
	                      "--command", "daily --deliver feishu", NULL};
	const char *env[] = {v->path_fake, v->xdg_env, "FEISHU_WEBHOOK_URL=https://hook.example/x",
	                     "BRIEF_LLM_API_KEY=sk-test", "UNRELATED_SETTING=1", NULL};
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	snprintf(unit, sizeof unit, "%s/systemd/user/brief-env.service", v->xdg);
	test_read_file(unit, &f);
	char line[4500];
	snprintf(line, sizeof line, "\nEnvironmentFile=-%s\n", envfile);
	CHECK(strstr(buf_str(&f), line) != NULL);
	CHECK(strstr(buf_str(&err), "FEISHU_WEBHOOK_URL") != NULL);
	CHECK(strstr(buf_str(&err), "BRIEF_LLM_API_KEY") != NULL);
	CHECK(strstr(buf_str(&err), envfile) != NULL);
	CHECK(strstr(buf_str(&err), "UNRELATED_SETTING") == NULL);
	/* The file names one: the other is still said. */
	const char *assigned = "# brief's secrets\nFEISHU_WEBHOOK_URL=https://hook.example/x\n";
	CHECK_INT(fs_write_atomic(envfile, assigned, strlen(assigned), &e), 0);
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "FEISHU_WEBHOOK_URL") == NULL);
	CHECK(strstr(buf_str(&err), "BRIEF_LLM_API_KEY") != NULL);
	/* Both: nothing to say. */
	const char *both = "FEISHU_WEBHOOK_URL=https://hook.example/x\n  BRIEF_LLM_API_KEY=sk-test\n";
	CHECK_INT(fs_write_atomic(envfile, both, strlen(both), &e), 0);
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "environment") == NULL);
	/* cron reads no such file: the crontab is the place. */
	env[0] = v->path_none;
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "crontab") != NULL && strstr(buf_str(&err), "FEISHU_WEBHOOK_URL") != NULL);
	const char *rm[] = {"schedule", "remove", "--name", "env", NULL};
	CHECK_INT(brief(rm, v->path_fake, v->xdg_env, &out, &err), 0);
	buf_free(&f);
	buf_free(&out);
	buf_free(&err);
}

/* The words of an ExecStart= value line[0..end of line), unquoted as systemd does
 * (systemd.service(5), systemd.syntax(7)): %% is a literal %, then words split at blanks
 * outside double quotes, with C escapes (\" \\ \n \t \xHH) inside them, then $$ a literal $.
 * Returns the count (at most max), or -1 for an unbalanced quote, which systemd refuses. */
static int
exec_words(const char *line, char words[][600], int max)
{
	int n = 0;
	const char *p = line;
	while (*p && *p != '\n' && n < max) {
		while (*p == ' ')
			p++;
		if (!*p || *p == '\n')
			break;
		size_t k = 0;
		int quoted = 0;
		for (; *p && (quoted || (*p != ' ' && *p != '\n')); p++) {
			char c = *p;
			if (c == '\n')
				return -1; /* the line ends inside the quotes */
			if (c == '"') {
				quoted = !quoted;
				continue;
			}
			if ((c == '%' || c == '$') && p[1] == c)
				p++;
			else if (c == '\\' && p[1] == 'x' && p[2] && p[3]) {
				char hex[3] = {p[2], p[3], '\0'};
				c = (char)strtol(hex, NULL, 16);
				p += 3;
			} else if (c == '\\' && p[1]) {
				c = *++p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
			}
			if (k + 1 < 600)
				words[n][k++] = c;
		}
		if (quoted)
			return -1;
		words[n++][k] = '\0';
	}
	return n;
}

/* A --home whose name holds what systemd and the shell read specially (a space, %, $, quotes,
 * a backslash, non-ASCII, a line break): the unit's ExecStart=, read back by systemd's rules,
 * gives exactly that directory; a line break wrote a raw newline into ExecStart=, and systemd
 * refused the unit ("Unbalanced quoting"), so the timer never ran. The crontab line cannot
 * hold a line break: install says so (exit 1) rather than print a broken line. */
static void
test_awkward_home(const struct env *v)
{
	struct buf out = BUF_INIT, err = BUF_INIT, f = BUF_INIT;
	char home[4300], unit[4300], words[16][600];
	snprintf(home, sizeof home, "%s/odd home %%h $USER \"q\" it's \\ tab\tline\nbreak \xc3\xa9", v->tmp);
	const char *args[] = {"schedule", "install", "--home", home, "--name", "odd", NULL};
	CHECK_INT(brief(args, v->path_fake, v->xdg_env, &out, &err), 0);
	snprintf(unit, sizeof unit, "%s/systemd/user/brief-odd.service", v->xdg);
	test_read_file(unit, &f);
	const char *exec = strstr(buf_str(&f), "\nExecStart=");
	CHECK(exec != NULL);
	int n = exec ? exec_words(exec + 11, words, 16) : -1;
	CHECK_INT(n, 6);
	CHECK(n == 6 && strcmp(words[1], "daily") == 0 && strcmp(words[2], "--home") == 0);
	CHECK(n == 6 && strcmp(words[3], home) == 0 && strcmp(words[4], "--due") == 0);
	CHECK_INT(brief(args, v->path_none, v->xdg_env, &out, &err), 1);
	CHECK(strstr(buf_str(&out), "* * *") == NULL);
	CHECK(strstr(buf_str(&err), "line break") != NULL);
	buf_free(&f);
	buf_free(&out);
	buf_free(&err);
}

/* The run lock: held (as a running daily holds it), a second daily or weekly exits 4; once
 * released, the daily runs. */
static void
test_lock_held(const struct env *v, const char *const *run)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	char lock[4300];
	snprintf(lock, sizeof lock, "%s/brief.db.run.lock", v->home);
	int fd = open(lock, O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0);
	CHECK_INT(brief(run, v->path_fake, v->xdg_env, &out, &err), 4);
	CHECK(strstr(buf_str(&err), "another brief run (daily, weekly or article) is using the store") != NULL);
	CHECK_INT(out.len, 0);
	const char *wk[] = {"weekly", "--home", v->home, "--no-fetch", "--offline", "--now", WFX_NOW, NULL};
	CHECK_INT(brief(wk, v->path_fake, v->xdg_env, &out, &err), 4);
	flock(fd, LOCK_UN);
	close(fd);
	CHECK_INT(brief(run, v->path_fake, v->xdg_env, &out, &err), 0);
	buf_free(&out);
	buf_free(&err);
}

/* Two real daily runs that overlap: the first waits on a slow model (the LLM stand-in
 * answers after 1.5 s); once it has asked the model it holds the lock, and a second daily
 * started then exits 4 at once; the first still finishes and writes its digest. */
static void
test_overlap(const struct env *v, const char *const *run)
{
	struct llmsrv_opts so = {.latency_ms = 1500};
	struct llmsrv *llm = llmsrv_start(&so);
	CHECK(llm != NULL);
	if (!llm)
		return;
	struct buf out = BUF_INIT, err = BUF_INIT;
	char first_out[4300];
	snprintf(first_out, sizeof first_out, "%s/first.md", v->tmp);
	const char *first[] = {"daily", "--home", v->home, "--no-fetch", "--hours", "480", "--now", WFX_NOW, "--out",
	                       first_out, NULL};
	pid_t pid = start_brief(first, llmsrv_brief_env(llm));
	struct llmsrv_stats stats = {0};
	for (int i = 0; i < 600 && stats.requests == 0; i++) { /* up to 60 s under load */
		usleep(100 * 1000);
		llmsrv_get_stats(llm, &stats);
	}
	CHECK(stats.requests > 0);
	CHECK_INT(brief(run, v->path_fake, v->xdg_env, &out, &err), 4);
	CHECK(strstr(buf_str(&err), "brief daily: another brief run (daily, weekly or article) is using the store") !=
	      NULL);
	CHECK_INT(out.len, 0);
	int status = 0;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(fs_exists(first_out));
	llmsrv_stop(llm);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	struct env v;
	char nobin[4200], fakebin[4200];
	v.tmp = test_tmpdir();
	snprintf(v.home, sizeof v.home, "%s/home", v.tmp);
	wfx_make_home(v.home);
	snprintf(nobin, sizeof nobin, "%s/nobin", v.tmp);
	snprintf(fakebin, sizeof fakebin, "%s/fakebin", v.tmp);
	snprintf(v.xdg, sizeof v.xdg, "%s/xdg", v.tmp);
	mkdir(nobin, 0700);
	mkdir(fakebin, 0700);
	snprintf(v.path_none, sizeof v.path_none, "PATH=%s", nobin);
	snprintf(v.path_fake, sizeof v.path_fake, "PATH=%s:/usr/bin:/bin", fakebin);
	snprintf(v.xdg_env, sizeof v.xdg_env, "XDG_CONFIG_HOME=%s", v.xdg);
	test_cron(&v);
	test_relative_paths(&v);
	test_systemd(&v, fakebin);
	test_environment(&v);
	test_awkward_home(&v);
	const char *run[] = {"daily", "--home", v.home, "--no-fetch", "--offline", "--hours", "480", "--now", WFX_NOW, NULL};
	test_lock_held(&v, run);
	test_overlap(&v, run);
	return test_done("test_schedule");
}
