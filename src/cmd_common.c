/* cmd_common.c: plumbing the commands share (see cmd_common.h). */
#include "cmd_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd.h"
#include "feed/opml.h"
#include "store/health.h"
#include "store/runlock.h"
#include "util/fs.h"
#include "util/log.h"
#include "util/str.h"
#include "util/strlist.h"

int
cmd_args(const char *name, const char *help, int argc, char **argv, const struct cli_option *opts,
         struct cli_common *common, int max_pos, char ***pos, int *npos)
{
	char **found = NULL;
	int nfound = 0;
	struct err e = {{0}};
	if (cli_parse(argc, argv, opts, common, &found, &nfound, &e) < 0) {
		free(found);
		return cmd_usage_error(name, e.msg);
	}
	if (common->wants_help) {
		free(found);
		fputs(help, stdout);
		return EXIT_OK;
	}
	if (nfound > max_pos) {
		free(found);
		return cmd_usage_error(name, max_pos == 0 ? "takes no positional arguments" : "too many arguments");
	}
	if (pos) {
		*pos = found;
		*npos = nfound;
	} else {
		free(found);
	}
	return CMD_CONTINUE;
}

int
cmd_lang(const char **lang, struct err *e)
{
	if (!*lang)
		*lang = "zh";
	if (strcmp(*lang, "zh") != 0 && strcmp(*lang, "en") != 0)
		return err_set(e, "--lang wants zh or en");
	return 0;
}

int
cmd_out_lang(const char *dir, const char *stem, const char *lang, struct err *e)
{
	char path[4200];
	snprintf(path, sizeof path, "%s%s%s.json", dir, str_ends(dir, "/") ? "" : "/", stem);
	json_t *o = json_load_file(path, 0, NULL);
	const char *had = json_string_value(json_object_get(o, "lang"));
	int rc = 0;
	if (had && json_is_string(json_object_get(o, "generated_at")) && strcmp(had, lang) != 0)
		rc = err_set(e,
		             "%s holds the %s report %s.json: the %s one would overwrite it; give each language its own "
		             "directory, e.g. --out %s%s%s/",
		             dir, had, stem, lang, dir, str_ends(dir, "/") ? "" : "/", lang);
	json_decref(o);
	return rc;
}

int
cmd_front_matter(const char *name, enum weekly_front_matter *fm, struct err *e)
{
	if (strcmp(name, "jekyll") == 0)
		*fm = WEEKLY_FM_JEKYLL;
	else if (strcmp(name, "hugo") == 0)
		*fm = WEEKLY_FM_HUGO;
	else if (strcmp(name, "none") == 0)
		*fm = WEEKLY_FM_NONE;
	else
		return err_set(e, "--front-matter wants jekyll, hugo or none");
	return 0;
}

int
cmd_front_matter_of(const char *flag, const struct config *cfg, const char *section, int has_site,
                    enum weekly_front_matter *fm, struct err *e)
{
	if (flag)
		return cmd_front_matter(flag, fm, e);
	const struct config_values *cv = config_values(cfg);
	const char *v = strcmp(section, "daily") == 0 ? cv->daily_front_matter : cv->weekly_front_matter;
	char at[1100];
	if (cmd_front_matter(v, fm, e) < 0 || (has_site && *fm == WEEKLY_FM_NONE))
		return err_set(e, "%sconfig [%s] front_matter: want %s, not \"%s\"",
		               config_where(cfg, section, "front_matter", at, sizeof at), section,
		               has_site ? "jekyll or hugo for --site" : "jekyll, hugo or none", v);
	return 0;
}

int
cmd_format(const char *flag, const char *out, const char **format, struct err *e)
{
	if (flag) {
		if (strcmp(flag, "md") == 0 || strcmp(flag, "markdown") == 0)
			*format = "md";
		else if (strcmp(flag, "html") == 0)
			*format = "html";
		else if (strcmp(flag, "json") == 0)
			*format = "json";
		else if (strcmp(flag, "wechat") == 0)
			*format = "wechat";
		else
			return err_set(e, "--format wants md, html, json or wechat");
		return 0;
	}
	/* the extension in any case: "Digest.HTML", "today.JSON"; ".htm" is HTML as browsers have it */
	const char *dot = out ? strrchr(out, '.') : NULL;
	if (dot && (str_casecmp(dot, ".html") == 0 || str_casecmp(dot, ".htm") == 0))
		*format = "html";
	else if (dot && str_casecmp(dot, ".json") == 0)
		*format = "json";
	else
		*format = "md";
	return 0;
}

/* Parse the fetch flags that are given into *concurrency and *timeout_s (each untouched when
 * its flag is absent); the ranges live here only. Returns 0, or -1 with e set. */
static int
fetch_flag_values(const struct cmd_fetch_args *fa, int *concurrency, int *timeout_s, struct err *e)
{
	if (fa->concurrency && cli_int(fa->concurrency, "concurrency", 1, 1024, concurrency, e) < 0)
		return -1;
	if (fa->timeout && cli_int(fa->timeout, "timeout", 1, 3600, timeout_s, e) < 0)
		return -1;
	return 0;
}

int
cmd_fetch_args_check(const struct cmd_fetch_args *fa, struct err *e)
{
	int concurrency, timeout_s;
	return fetch_flag_values(fa, &concurrency, &timeout_s, e);
}

int
cmd_fetch_opts(const struct app *app, const struct cmd_fetch_args *fa, struct fetch_opts *fo, struct err *e)
{
	fetch_opts_default(fo);
	if (fetch_opts_from_config(fo, &app->cfg, e) < 0)
		return EXIT_FAIL;
	fo->feeds_opml = fa->feeds;
	fo->progress = !app->is_quiet;
	return fetch_flag_values(fa, &fo->concurrency, &fo->timeout_s, e) < 0 ? EXIT_USAGE : EXIT_OK;
}

int
cmd_opml_source_ids(struct store *st, const char *opml_path, struct arena *a, int64_t **ids, size_t *n,
                    struct err *e)
{
	struct buf data = BUF_INIT;
	struct opml_feed *feeds;
	size_t count;
	if (fs_read_all(opml_path, &data, e) < 0)
		return -1;
	int rc = opml_parse(buf_str(&data), data.len, a, &feeds, &count, e);
	buf_free(&data);
	if (rc < 0)
		return err_wrap(e, "%s", opml_path);
	const char **urls = arena_alloc(a, (count + 1) * sizeof *urls);
	for (size_t i = 0; i < count; i++)
		urls[i] = feeds[i].xml_url;
	return store_source_ids(st, urls, count, a, ids, n, e);
}

/* Remove what a killed run left half-written (fs_remove_stale_tmp) beside the file out (NULL or
 * "-": stdout, nothing to do). */
static void
sweep_dir_of(const char *out)
{
	if (!out || strcmp(out, "-") == 0)
		return;
	char dir[4200];
	const char *slash = strrchr(out, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - out) : 1, slash ? out : ".");
	fs_remove_stale_tmp(slash == out ? "/" : dir);
}

int
cmd_out_check(const char *out, int is_many, struct err *e)
{
	if (!out || strcmp(out, "-") == 0)
		return 0;
	int is_dir = is_many || fs_is_dir(out) || str_ends(out, "/");
	char dir[4200];
	if (is_dir) {
		/* The directory is made when the report is written (mkdir -p): what must hold now is
		 * that its nearest existing ancestor is a directory one can make it in. */
		snprintf(dir, sizeof dir, "%s", out);
		size_t n = strlen(dir);
		while (n > 1 && dir[n - 1] == '/')
			dir[--n] = '\0';
		while (!fs_exists(dir)) {
			char *slash = strrchr(dir, '/');
			if (!slash)
				snprintf(dir, sizeof dir, ".");
			else if (slash == dir)
				dir[1] = '\0';
			else
				*slash = '\0';
		}
	} else {
		/* A file is written into its directory as it is: that directory must be there. */
		const char *slash = strrchr(out, '/');
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - out) : 1, slash ? out : ".");
		if (slash == out)
			snprintf(dir, sizeof dir, "/");
		if (!fs_exists(dir))
			return err_set(e, "--out %s: no directory %s (make it first, or give --out DIR/ to have brief make "
			                  "the directory)",
			               out, dir);
	}
	if (!fs_is_dir(dir))
		return err_set(e, "--out %s: %s is not a directory", out, dir);
	if (access(dir, W_OK | X_OK) < 0)
		return err_set(e, "--out %s: cannot write in %s: %s", out, dir, strerror(errno));
	return 0;
}

int
cmd_write_renderings(const char *out, int is_many, const char *stem, const char *lang, const char *format,
                     const struct buf *md,
                     const struct buf *html, const struct buf *json, struct err *e)
{
	if (out && (is_many || fs_is_dir(out) || str_ends(out, "/"))) {
		const struct buf *bufs[] = {md, html, json};
		const char *exts[] = {"md", "html", "json"};
		if (cmd_out_lang(out, stem, lang, e) < 0 || fs_mkdirs(out, 0, e) < 0)
			return -1;
		fs_remove_stale_tmp(out); /* what a killed run left half-written */
		for (int i = 0; i < 3; i++) {
			char path[4200];
			snprintf(path, sizeof path, "%s%s%s.%s", out, str_ends(out, "/") ? "" : "/", stem, exts[i]);
			if (fs_write_atomic(path, buf_str(bufs[i]), bufs[i]->len, e) < 0)
				return -1;
		}
		return 0;
	}
	const struct buf *b = strcmp(format, "html") == 0 ? html : strcmp(format, "json") == 0 ? json : md;
	sweep_dir_of(out);
	return fs_write_atomic(out ? out : "-", buf_str(b), b->len, e);
}

int
cmd_write_wechat(const char *out, int is_many, const char *stem, const struct buf *frag, struct err *e)
{
	if (out && (is_many || fs_is_dir(out) || str_ends(out, "/"))) {
		if (fs_mkdirs(out, 0, e) < 0)
			return -1;
		fs_remove_stale_tmp(out); /* what a killed run left half-written */
		char path[4200];
		snprintf(path, sizeof path, "%s%s%s.wechat.html", out, str_ends(out, "/") ? "" : "/", stem);
		return fs_write_atomic(path, buf_str(frag), frag->len, e);
	}
	sweep_dir_of(out);
	return fs_write_atomic(out ? out : "-", buf_str(frag), frag->len, e);
}

int
cmd_deliver(const struct config *cfg, const char *kind, const char *names, const struct deliver_message *msg,
            struct err *e)
{
	int failures = 0;
	const char *p = names, *item;
	size_t n;
	while (strlist_next(&p, ",", &item, &n)) {
		char name[128];
		snprintf(name, sizeof name, "%.*s", (int)n, item);
		struct err de = {{0}};
		int rc = deliver_send(cfg, name, msg, &de);
		if (rc < 0) {
			log_error("%s: delivery to %s failed: %s", kind, name, de.msg);
			err_set(e, "delivery to %s failed: %s", name, de.msg);
			failures++;
		} else if (rc > 0) {
			log_info("%s: %s already has it (delivered by an earlier run); not sent again", kind, name);
		} else {
			log_info("%s: delivered to %s", kind, name);
		}
	}
	return failures ? -1 : 0;
}

int
cmd_deliver_check(const struct config *cfg, const char *names, struct err *e)
{
	const char *p = names, *item;
	size_t n;
	while (strlist_next(&p, ",", &item, &n)) {
		char name[128];
		snprintf(name, sizeof name, "%.*s", (int)n, item);
		if (deliver_check(cfg, name, e) < 0)
			return -1;
	}
	return 0;
}

int
cmd_deliver_unfinished(const struct config *cfg, const char *names, struct store *st, const char *report,
                       struct err *e)
{
	const char *p = names, *item;
	size_t n;
	while (strlist_next(&p, ",", &item, &n)) {
		char name[128];
		snprintf(name, sizeof name, "%.*s", (int)n, item);
		int rc = deliver_unfinished(cfg, name, st, report, e);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
cmd_run_lock(const struct app *app, const char *kind, int *fd)
{
	struct err e = {{0}};
	int rc = store_run_lock(app->db_path, fd, &e);
	if (rc == 0)
		return EXIT_OK;
	if (rc > 0) {
		fprintf(stderr, "brief %s: another brief run (daily, weekly or article) is using the store %s; "
		                "not starting a second one (exit status 4)\n",
		        kind, app->db_path);
		return EXIT_BUSY;
	}
	fprintf(stderr, "brief %s: %s\n", kind, e.msg);
	return EXIT_FAIL;
}
