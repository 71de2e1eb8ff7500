/* cmd_schedule.c: `brief schedule install|status|remove`: run a brief command every day (or
 * every week) with a systemd user timer, or, where `systemctl --user` is not available, print
 * the crontab line that does it.
 *
 * The timer (~/.config/systemd/user/brief-NAME.timer, $XDG_CONFIG_HOME honoured) has
 * Persistent=true: a run missed while the machine was off happens once when it is next up.
 * cron has no such catch-up, and the crontab line does not add one (docs/publish.md says
 * why: an @reboot line would deliver twice; anacron or a lingering systemd user session is the
 * answer). Overlapping runs are prevented by the store's run lock (store/runlock.h), not here. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/fs.h"
#include "util/str.h"

const char cmd_schedule_help[] =
	"usage: brief schedule install [--at 08:00|\"Fri 08:00\"] [--command \"CMD\"]\n"
	"                              [--name NAME]\n"
	"       brief schedule status [--name NAME]\n"
	"       brief schedule remove [--name NAME]\n\n"
	"Run a brief command on a schedule. With a systemd user session, install writes\n"
	"brief-NAME.service and brief-NAME.timer into $XDG_CONFIG_HOME/systemd/user (default\n"
	"~/.config) and enables the timer (Persistent=true: a run missed while the machine was off\n"
	"runs once when it is back). Without a systemd user session, it prints the crontab line to add\n"
	"instead (cron does not catch up missed runs). The command runs with this --home and\n"
	"--config. Two runs never overlap: the second exits with status 4.\n\n"
	"  --at HH:MM or \"DAY HH:MM\"  daily at that local time, or weekly on DAY (Mon..Sun); default 08:00\n"
	"  --command \"CMD\"   the brief command and its options (default \"daily\")\n"
	"  --name NAME       the schedule's name (default brief: units brief-brief.*), for several\n";

static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

struct when {
	int day; /* 0..6 (Sunday = 0), -1 = every day */
	int hour, minute;
};

/* Parse --at: "HH:MM" (every day) or "DAY HH:MM" (one DAY = Sun..Sat, any case) into *w.
 * Returns 0, or -1 when s is neither: HH and MM are two digits each, nothing else (no sign,
 * no blank, no second day). */
static int
parse_at(const char *s, struct when *w)
{
	w->day = -1;
	for (int i = 0; i < 7 && w->day < 0; i++)
		if (str_ncasecmp(s, days[i], 3) == 0 && s[3] == ' ') {
			w->day = i;
			s += 4;
		}
	for (int i = 0; i < 5; i++)
		if (i == 2 ? s[i] != ':' : !is_ascii_digit((unsigned char)s[i]))
			return -1;
	w->hour = (s[0] - '0') * 10 + (s[1] - '0');
	w->minute = (s[3] - '0') * 10 + (s[4] - '0');
	return s[5] == '\0' && w->hour <= 23 && w->minute <= 59 ? 0 : -1;
}

/* True when s can name a schedule: 1 to 64 ASCII letters, digits, - and _ (it becomes part of
 * the unit file names and of the systemctl command line, so nothing else is allowed). */
static int
valid_name(const char *s)
{
	if (!*s || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!is_ascii_alnum((unsigned char)*s) && *s != '-' && *s != '_')
			return 0;
	return 1;
}

/* Split the --command string into at most max words of words[] (spaces separate; "double
 * quotes" group; a word longer than 511 bytes is cut). Returns the count. */
static size_t
split_words(const char *s, char words[][512], size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		size_t k = 0;
		int quoted = 0;
		while (*s && (quoted || *s != ' ')) {
			if (*s == '"')
				quoted = !quoted;
			else if (k + 1 < 512)
				words[n][k++] = *s;
			s++;
		}
		words[n++][k] = '\0';
	}
	return n;
}

/* Whether brief takes the command line in command (its name and options, as split_words
 * splits it): the command runs in a child process with --help after its name, which parses
 * every option, reports a wrong one (unknown, or missing its value) as a usage error on
 * stderr, and otherwise only prints its help (to /dev/null here) and does nothing else.
 * Returns 1 when it parses, 0 when not (the reason is on stderr). */
static int
command_parses(const char *command)
{
	static const struct {
		const char *name;
		cmd_fn run;
	} cmds[] = {{"daily", cmd_daily}, {"weekly", cmd_weekly}, {"article", cmd_article}, {"fetch", cmd_fetch}};
	char words[64][512];
	char *argv[66];
	size_t n = split_words(command, words, 64);
	cmd_fn run = NULL;
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (n > 0 && strcmp(words[0], cmds[i].name) == 0)
			run = cmds[i].run;
	if (!run)
		return 0;
	argv[0] = words[0];
	argv[1] = "--help";
	for (size_t i = 1; i < n; i++)
		argv[i + 1] = words[i];
	argv[n + 1] = NULL;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		return 1; /* cannot tell: the run itself will say */
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, STDOUT_FILENO);
		fflush(stderr);
		_exit(run((int)n + 1, argv));
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == EXIT_OK;
}

/* path made absolute into out (size bytes): a relative one is taken from the current
 * directory, since the scheduled run does not start here (cron and a systemd user service
 * start in the home directory). Returns 0, or -1 with e set when it does not fit. */
static int
absolute_path(const char *option, const char *path, char *out, size_t size, struct err *e)
{
	char cwd[PATH_MAX];
	if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
		return err_set(e, "%s %s: cannot tell the current directory: %s", option, path,
		               strerror(errno));
	int n = path[0] == '/' ? snprintf(out, size, "%s", path) : snprintf(out, size, "%s/%s", cwd, path);
	if (n < 0 || (size_t)n >= size)
		return err_set(e, "%s %s: the path is longer than %zu bytes", option, path, size - 1);
	return 0;
}

/* Whether command names --home or --config: the scheduled run gets schedule's own (run_argv),
 * and an option given twice is a usage error, so such a timer would fail every run. */
static int
names_home_or_config(const char *command)
{
	char words[64][512];
	size_t n = split_words(command, words, 64);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(words[i], "--") == 0)
			break;
		if (strcmp(words[i], "--home") == 0 || str_starts(words[i], "--home=") ||
		    strcmp(words[i], "--config") == 0 || str_starts(words[i], "--config="))
			return 1;
	}
	return 0;
}

/* The argument vector of the scheduled run into words[0..*n): this binary, the command's
 * name, --home, --config (both absolute), then the command's options (brief takes its common
 * options after the command name, not before it). Returns 0, or -1 with e set. */
static int
run_argv(const struct app *app, const char *command, char words[][512], size_t max, size_t *n, struct err *e)
{
	char self[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	self[len > 0 ? len : 0] = '\0';
	snprintf(words[0], 512, "%s", len > 0 ? self : "brief");
	*n = 1 + split_words(command, words + 1, max - 5);
	size_t common = app->cfg.path ? 4 : 2;
	memmove(words + 2 + common, words + 2, (*n - 2) * sizeof words[0]);
	snprintf(words[2], 512, "--home");
	if (absolute_path("--home", app->home, words[3], 512, e) < 0)
		return -1;
	if (app->cfg.path) {
		snprintf(words[4], 512, "--config");
		if (absolute_path("--config", app->cfg.path, words[5], 512, e) < 0)
			return -1;
	}
	*n += common;
	return 0;
}

/* Append word for a systemd ExecStart (double-quoted, \ and " escaped, % and $ doubled:
 * systemd expands %-specifiers and $NAME even inside quotes; the crontab line's single quotes
 * keep both literal, and so does this). A control character (a line break in a directory's
 * name) is written as systemd's \xHH escape (systemd.syntax(7)): written as it is, it would
 * end the ExecStart= line, and systemd refuses the unit for its unbalanced quote. */
static void
systemd_word(struct buf *b, const char *w)
{
	buf_putc(b, '"');
	for (; *w; w++) {
		unsigned char c = (unsigned char)*w;
		if (c < 0x20 || c == 0x7f) {
			buf_printf(b, "\\x%02x", c);
			continue;
		}
		if (*w == '"' || *w == '\\')
			buf_putc(b, '\\');
		if (*w == '%' || *w == '$')
			buf_putc(b, *w);
		buf_putc(b, *w);
	}
	buf_putc(b, '"');
}

/* Append text for a unit's Description= (one line; % doubled, a specifier there). */
static void
systemd_text(struct buf *b, const char *t)
{
	for (; *t; t++) {
		if (*t == '%')
			buf_putc(b, '%');
		buf_putc(b, *t == '\n' || *t == '\r' ? ' ' : *t);
	}
}

/* Append word for a crontab command (single-quoted for sh; % escaped, cron ends the command there). */
static void
cron_word(struct buf *b, const char *w)
{
	buf_putc(b, '\'');
	for (; *w; w++) {
		if (*w == '\'')
			buf_puts(b, "'\\''");
		else if (*w == '%')
			buf_puts(b, "\\%");
		else
			buf_putc(b, *w);
	}
	buf_putc(b, '\'');
}

/* Whether a systemd user manager answers (`systemctl --user show-environment`). */
static int
have_systemd_user(void)
{
	return system("systemctl --user show-environment >/dev/null 2>&1") == 0;
}

/* The directory of the user's systemd units: $XDG_CONFIG_HOME/systemd/user, else
 * $HOME/.config/systemd/user. */
static void
unit_dir(char *out, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(out, size, "%s/systemd/user", xdg);
	else
		snprintf(out, size, "%s/.config/systemd/user", home ? home : ".");
}

/* Run `systemctl --user ARGS` through the shell (args are built here from a valid_name()).
 * Returns 0 when it exits 0, else -1. */
static int
run_systemctl(const char *args)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "systemctl --user %s", args);
	return system(cmd) == 0 ? 0 : -1;
}

/* Without a systemd user session: print the crontab line that runs words[0..n) at w. A word
 * with a line break (in the --home or --config path) cannot be in a crontab line, which ends
 * there: EXIT_FAIL, the reason on stderr, nothing printed. */
static int
print_cron_line(const struct when *w, char words[][512], size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strpbrk(words[i], "\n\r")) {
			fprintf(stderr,
			        "brief schedule: a crontab line cannot hold the line break in \"%s\"; use a path "
			        "without one\n",
			        words[i]);
			return EXIT_FAIL;
		}
	struct buf line = BUF_INIT;
	buf_printf(&line, "%d %d * * %s ", w->minute, w->hour, w->day < 0 ? "*" : (char[]){(char)('0' + w->day), 0});
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&line, ' ');
		cron_word(&line, words[i]);
	}
	printf("# systemctl --user is not available here: add this line with `crontab -e` (cron does not\n"
	       "# catch up a run missed while the machine was off; runs never overlap: the second exits 4)\n%s\n",
	       buf_str(&line));
	buf_free(&line);
	return EXIT_OK;
}

/* The environment file of a scheduled run: "env" in the directory of the config file in use
 * (--config or $BRIEF_CONFIG, else the default one, whether it exists or not), absolute, into
 * out. Returns 0, or -1 when there is none to name or it does not fit. */
static int
env_file_path(const struct app *app, char *out, size_t size)
{
	char config[4096];
	struct err e;
	if (app->cfg.path) {
		if (absolute_path("--config", app->cfg.path, config, sizeof config, &e) < 0)
			return -1;
	} else if (config_default_path(config, sizeof config) < 0) {
		return -1;
	}
	char *slash = strrchr(config, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	int n = snprintf(out, size, "%s/env", config);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Whether text (an environment file) assigns name: a line "NAME=…", blanks before it (not
 * "export NAME=…": systemd's EnvironmentFile= takes assignments only). */
static int
env_text_sets(const char *text, const char *name)
{
	size_t len = strlen(name);
	for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (strncmp(line, name, len) == 0 && line[len] == '=')
			return 1;
	}
	return 0;
}

/* Append name to list (", "-separated) when this shell sets it, env_text does not, and list
 * does not hold it yet. */
static void
note_missing(const char *name, const char *env_text, struct buf *list)
{
	const char *v = getenv(name);
	if (!v || !*v || env_text_sets(env_text, name))
		return;
	size_t len = strlen(name);
	for (const char *p = buf_str(list); (p = strstr(p, name)) != NULL; p += len)
		if ((p == buf_str(list) || p[-1] == ' ') && (p[len] == ',' || p[len] == '\0'))
			return;
	if (list->len)
		buf_puts(list, ", ");
	buf_puts(list, name);
}

/* The variables a scheduled run would go without: set in this shell, not in env_text (the
 * environment file's contents), and read by the run — brief's model and report settings
 * (the list below, as src/ai/llm/provider.c and the config read them; BRIEF_HOME and
 * BRIEF_CONFIG need not be there, the run gets --home and --config) and every ${NAME} of
 * the config file at config_path (NULL: none), whose secrets stay in the environment.
 * Their names go into list, ", "-separated. */
static void
missing_variables(const char *config_path, const char *env_text, struct buf *list)
{
	static const char *const read_by_brief[] = {
		"BRIEF_LLM_BASE_URL", "BRIEF_LLM_API_KEY", "BRIEF_LLM_MODEL", "BRIEF_LLM_PROVIDER", "OPENAI_API_KEY",
		"OPENAI_API_BASE",    "OPENAI_BASE_URL",   "OPENAI_MODEL",    "GEMINI_API_KEY",     "BRIEF_AUTHOR",
		"BRIEF_BASE_URL",
	};
	for (size_t i = 0; i < sizeof read_by_brief / sizeof read_by_brief[0]; i++)
		note_missing(read_by_brief[i], env_text, list);
	struct buf config = BUF_INIT;
	struct err e;
	if (config_path && fs_read_all(config_path, &config, &e) == 0) {
		for (const char *p = buf_str(&config); (p = strstr(p, "${")) != NULL; p += 2) {
			size_t n = strcspn(p + 2, "}\n");
			char name[128];
			if (p[2 + n] != '}' || n == 0 || n >= sizeof name)
				continue;
			memcpy(name, p + 2, n);
			name[n] = '\0';
			note_missing(name, env_text, list);
		}
	}
	buf_free(&config);
}

/* Say on stderr which variables the scheduled run will not see (missing_variables), and
 * where to put them: the environment file the unit reads (env_path), or, for cron, the
 * crontab. Nothing when none is missing. */
static void
warn_environment(const struct app *app, const char *env_path, int is_cron)
{
	struct buf text = BUF_INIT, list = BUF_INIT;
	struct err e;
	if (env_path && fs_exists(env_path) && fs_read_all(env_path, &text, &e) < 0)
		buf_clear(&text);
	missing_variables(app->cfg.path, buf_str(&text), &list);
	if (list.len && is_cron)
		fprintf(stderr,
		        "brief schedule: cron runs do not see this shell's environment: %s %s set here; put them "
		        "into the crontab as NAME=value lines above this one\n",
		        buf_str(&list), strchr(buf_str(&list), ',') ? "are" : "is");
	else if (list.len)
		fprintf(stderr,
		        "brief schedule: the timer's runs do not see this shell's environment: %s %s set here but "
		        "not in %s, which the service reads: put %s there as NAME=value lines (chmod 600)\n",
		        buf_str(&list), strchr(buf_str(&list), ',') ? "are" : "is", env_path,
		        strchr(buf_str(&list), ',') ? "them" : "it");
	buf_free(&text);
	buf_free(&list);
}

/* Write brief-NAME.service (running words[0..n)) and brief-NAME.timer (at w, Persistent) into
 * dir. Returns 0, or -1 with e set. */
static int
write_units(const char *dir, const char *name, const struct when *w, const char *command, char words[][512],
            size_t n, const char *env_path, struct err *e)
{
	char path[4300];
	struct buf unit = BUF_INIT;
	buf_puts(&unit, "[Unit]\nDescription=brief ");
	systemd_text(&unit, command);
	buf_printf(&unit,
	           " (%s)\n\n[Service]\nType=oneshot\n"
	           "# exit status 3 (nothing new) and 4 (the previous run is still going) are not failures\n"
	           "SuccessExitStatus=3 4\n",
	           name);
	/* A timer's run does not inherit the shell's environment: secrets and the model's
	 * settings come from this file when it exists ("-": a missing file is no error). */
	if (env_path && !strpbrk(env_path, "\n\r")) {
		buf_puts(&unit, "# NAME=value lines: the config's ${NAME} secrets, BRIEF_LLM_API_KEY ...\nEnvironmentFile=-");
		systemd_text(&unit, env_path);
		buf_putc(&unit, '\n');
	}
	buf_puts(&unit, "ExecStart=");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&unit, ' ');
		systemd_word(&unit, words[i]);
	}
	buf_putc(&unit, '\n');
	snprintf(path, sizeof path, "%s/brief-%s.service", dir, name);
	int rc = fs_write_atomic(path, unit.data, unit.len, e);
	buf_clear(&unit);
	buf_puts(&unit, "[Unit]\nDescription=brief ");
	systemd_text(&unit, command);
	buf_printf(&unit,
	           " (%s) on schedule\n\n[Timer]\nOnCalendar=%s%s*-*-* %02d:%02d:00\n"
	           "# a run missed while the machine was off runs once when it is back\nPersistent=true\n\n"
	           "[Install]\nWantedBy=timers.target\n",
	           name, w->day < 0 ? "" : days[w->day], w->day < 0 ? "" : " ", w->hour, w->minute);
	snprintf(path, sizeof path, "%s/brief-%s.timer", dir, name);
	if (rc == 0)
		rc = fs_write_atomic(path, unit.data, unit.len, e);
	buf_free(&unit);
	return rc < 0 ? -1 : 0;
}

/* Tell an every-day timer's daily its time: insert "--due HH:MM" at words[at] (after --home and
 * --config) of words[0..*n) (max words), unless the command is not daily, already has --due, or
 * the schedule is weekly. The timer's catch-up of a missed day runs when the machine is next up,
 * after midnight it may be: with --due it writes the missed day's digest, not today's, which
 * today's HH:MM run would then rewrite as a rerun (docs/daily.md, "Missed runs"). */
static void
add_due(const struct when *w, char words[][512], size_t max, size_t *n, size_t at)
{
	if (w->day >= 0 || *n < 2 || strcmp(words[1], "daily") != 0 || *n + 2 > max || at > *n)
		return;
	for (size_t i = 2; i < *n; i++)
		if (strcmp(words[i], "--due") == 0 || strncmp(words[i], "--due=", 6) == 0)
			return;
	memmove(words + at + 2, words + at, (*n - at) * sizeof words[0]);
	snprintf(words[at], 512, "--due");
	snprintf(words[at + 1], 512, "%02d:%02d", w->hour, w->minute);
	*n += 2;
}

/* `schedule install`: the crontab line without a systemd user session, else the units
 * written and the timer enabled. Returns an exit status, the reason of a failure on stderr. */
static int
install(const struct app *app, const char *name, const struct when *w, const char *command)
{
	char words[64][512];
	size_t n;
	struct err e = {{0}};
	if (run_argv(app, command, words, 64, &n, &e) < 0) {
		fprintf(stderr, "brief schedule: %s\n", e.msg);
		return EXIT_FAIL;
	}
	char env_path[4200];
	int has_env_path = env_file_path(app, env_path, sizeof env_path) == 0;
	if (!have_systemd_user()) {
		int rc = print_cron_line(w, words, n);
		if (rc == EXIT_OK)
			warn_environment(app, NULL, 1);
		return rc;
	}
	add_due(w, words, 64, &n, app->cfg.path ? 6 : 4);
	char dir[4096];
	unit_dir(dir, sizeof dir);
	if (fs_mkdirs(dir, 0, &e) < 0 ||
	    write_units(dir, name, w, command, words, n, has_env_path ? env_path : NULL, &e) < 0) {
		fprintf(stderr, "brief schedule: %s\n", e.msg);
		return EXIT_FAIL;
	}
	char args[256];
	snprintf(args, sizeof args, "enable --now brief-%s.timer", name);
	if (run_systemctl("daemon-reload") < 0 || run_systemctl(args) < 0) {
		fprintf(stderr, "brief schedule: systemctl --user could not enable brief-%s.timer (units written to %s)\n",
		        name, dir);
		return EXIT_FAIL;
	}
	printf("installed %s/brief-%s.timer: %s%s%02d:%02d, runs: brief %s\n", dir, name, w->day < 0 ? "daily at " : days[w->day],
	       w->day < 0 ? "" : " at ", w->hour, w->minute, command);
	warn_environment(app, has_env_path ? env_path : NULL, 0);
	return EXIT_OK;
}

/* `schedule status`: where the timer is and what systemctl says of it. EXIT_EMPTY when there
 * is no such schedule (with cron: no timer file; the crontab is the user's to read);
 * EXIT_FAIL, the reason on stderr, when the timer is installed but not enabled or not active. */
static int
status(const char *name)
{
	char dir[4096], path[4300];
	unit_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/brief-%s.timer", dir, name);
	int installed = fs_exists(path);
	if (!have_systemd_user()) {
		printf("systemctl --user is not available: brief schedules through cron here; see `crontab -l`\n");
		return installed ? EXIT_OK : EXIT_EMPTY;
	}
	if (!installed) {
		printf("no schedule %s (%s does not exist)\n", name, path);
		return EXIT_EMPTY;
	}
	printf("%s\n", path);
	fflush(stdout);
	char args[256];
	snprintf(args, sizeof args, "list-timers --all --no-pager brief-%s.timer", name);
	if (run_systemctl(args) < 0)
		return EXIT_FAIL;
	/* list-timers --all shows a disabled or stopped timer too, with its next run "n/a": a user
	 * who disabled it by hand (or whose install's enable failed) read exit 0 as "it runs". */
	const char *checks[][2] = {{"is-enabled", "not enabled"}, {"is-active", "not active"}};
	for (int i = 0; i < 2; i++) {
		snprintf(args, sizeof args, "%s --quiet brief-%s.timer", checks[i][0], name);
		if (run_systemctl(args) < 0) {
			fprintf(stderr,
			        "brief schedule: brief-%s.timer is %s: it will not run; `systemctl --user enable --now "
			        "brief-%s.timer` (or install again) starts it\n",
			        name, checks[i][1], name);
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

/* `schedule remove`: disable the timer and delete both units (with cron: say how to remove
 * the line). Always EXIT_OK: removing what is not there is not an error. */
static int
remove_schedule(const char *name)
{
	char dir[4096], path[4300];
	unit_dir(dir, sizeof dir);
	if (!have_systemd_user()) {
		printf("systemctl --user is not available: remove the brief line with `crontab -e`\n");
		return EXIT_OK;
	}
	char args[256];
	snprintf(args, sizeof args, "disable --now brief-%s.timer >/dev/null 2>&1", name);
	run_systemctl(args); /* not enabled is fine */
	int removed = 0;
	const char *exts[] = {"timer", "service"};
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/brief-%s.%s", dir, name, exts[i]);
		removed += unlink(path) == 0;
	}
	run_systemctl("daemon-reload");
	printf(removed ? "removed schedule %s\n" : "no schedule %s\n", name);
	return EXIT_OK;
}

int
cmd_schedule(int argc, char **argv)
{
	const char *at = NULL, *command = NULL, *name = NULL;
	struct cli_common common = {0};
	const struct cli_option opts[] = {
		{"at", 0, CLI_VALUE, &at}, {"command", 0, CLI_VALUE, &command}, {"name", 0, CLI_VALUE, &name},
		{NULL, 0, 0, NULL},
	};
	char **pos;
	int npos;
	int arc = cmd_args("schedule", cmd_schedule_help, argc, argv, opts, &common, 1, &pos, &npos);
	if (arc != CMD_CONTINUE)
		return arc;
	const char *action = npos > 0 ? pos[0] : NULL;
	free(pos);
	if (!action || (strcmp(action, "install") != 0 && strcmp(action, "status") != 0 && strcmp(action, "remove") != 0))
		return cmd_usage_error("schedule", "give install, status or remove");
	if (!name)
		name = "brief";
	if (!valid_name(name))
		return cmd_usage_error("schedule", "--name takes letters, digits, - and _ (at most 64)");
	struct when w = {-1, 8, 0};
	if (at && parse_at(at, &w) < 0)
		return cmd_usage_error("schedule", "--at wants HH:MM or \"DAY HH:MM\" (DAY = Mon..Sun)");
	if (!command)
		command = "daily";
	static const char *const runnable[] = {"daily", "weekly", "article", "fetch"};
	int ok = 0;
	for (size_t i = 0; i < sizeof runnable / sizeof runnable[0]; i++)
		ok |= str_starts(command, runnable[i]) &&
		      (command[strlen(runnable[i])] == ' ' || command[strlen(runnable[i])] == '\0');
	if (!ok)
		return cmd_usage_error("schedule", "--command must start with daily, weekly, article or fetch");
	if (strcmp(action, "install") == 0 && names_home_or_config(command))
		return cmd_usage_error("schedule", "--command runs with this --home and --config: give them to schedule "
		                                   "install, not inside --command (the run would get both and refuse)");
	if (strcmp(action, "install") == 0 && !command_parses(command))
		return cmd_usage_error("schedule", "--command is not a command line brief takes (see above): nothing installed");
	if (strcmp(action, "install") != 0)
		return strcmp(action, "status") == 0 ? status(name) : remove_schedule(name);
	struct app app;
	struct err e = {{0}};
	if (app_open(&app, &common, &e) < 0) {
		fprintf(stderr, "brief schedule: %s\n", e.msg);
		return EXIT_FAIL;
	}
	int rc = install(&app, name, &w, command);
	app_close(&app);
	return rc;
}
