/* cmd_common.h: plumbing the commands share, so each cmd_*.c keeps only what is its own:
 * argument checking, --lang/--format, the fetch that report commands run first, --feeds
 * restriction, writing a report's three renderings, delivering it, and the run lock that
 * keeps two report runs off one store. */
#ifndef BRIEF_CMD_COMMON_H
#define BRIEF_CMD_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "deliver/deliver.h"
#include "draft.h"
#include "cli.h"
#include "net/fetch.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* cmd_args() says to go on with the command. */
#define CMD_CONTINUE (-1)

/* Parse argv with cli_parse(), print help on --help, and allow at most max_pos positional
 * arguments (collected into pos and npos when pos is non-NULL; the caller frees pos).
 * Returns CMD_CONTINUE, or the exit status to return at once: EXIT_OK after printing the
 * help, EXIT_USAGE after reporting a usage error. */
int cmd_args(const char *name, const char *help, int argc, char **argv, const struct cli_option *opts,
             struct cli_common *common, int max_pos, char ***pos, int *npos);

/* --lang: NULL becomes "zh"; anything but "zh" or "en" is an error. Returns 0 or -1 with e set. */
int cmd_lang(const char **lang, struct err *e);

/* --format: "md" (or "markdown"), "html", "json" or "wechat" (the 公众号 fragment); without the flag, from --out's extension
 * (.html, .json), else "md". Sets *format to one of "md", "html", "json". Returns 0 or -1
 * with e set. */
int cmd_format(const char *flag, const char *out, const char **format, struct err *e);

/* --front-matter (or the config's front_matter) of a post: "jekyll", "hugo" or "none" into
 * *fm. Returns 0, or -1 with e set ("--front-matter wants jekyll, hugo or none"). */
int cmd_front_matter(const char *name, enum weekly_front_matter *fm, struct err *e);
/* The front matter of a report: flag (--front-matter, already checked) when given, else the
 * config's [section] front_matter, into *fm. A config value that is none of the three, or
 * "none" where --site (has_site) needs front matter, is an error naming the key ("config
 * [weekly] front_matter: want ..."): a failure of the config file, reported before any work.
 * Returns 0, or -1 with e set. */
int cmd_front_matter_of(const char *flag, const struct config *cfg, const char *section, int has_site,
                        enum weekly_front_matter *fm, struct err *e);

/* The fetch options of a report command (daily, weekly): --feeds, --concurrency, --timeout. */
struct cmd_fetch_args {
	const char *feeds;
	const char *concurrency;
	const char *timeout;
};

/* Check the fetch flags' values alone (no config needed), so that a bad one is a usage error
 * before the command makes its state directory. Returns 0, or -1 with e set. */
int cmd_fetch_args_check(const struct cmd_fetch_args *fa, struct err *e);
/* Fill fo for a report command's fetch: defaults, then the config's [fetch] section, then the
 * flags (flags > config > defaults), progress unless quiet. Returns EXIT_OK, or EXIT_USAGE /
 * EXIT_FAIL with e set. */
int cmd_fetch_opts(const struct app *app, const struct cmd_fetch_args *fa, struct fetch_opts *fo, struct err *e);

/* The source ids of a --feeds run: the stored sources whose URLs the OPML file lists.
 * Returns 0 or -1 with e set; ids and n in arena. */
int cmd_opml_source_ids(struct store *st, const char *opml_path, struct arena *a, int64_t **ids, size_t *n,
                        struct err *e);

/* Refuse (-1, e set) to write report STEM in language lang into directory dir when
 * dir/STEM.json is a report brief wrote in the other language: the zh and en reports of one
 * day, week or story have the same names, and one would silently replace the other
 * (docs/cli.md, "Output files"). 0 when there is no such file or it is of lang. */
int cmd_out_lang(const char *dir, const char *stem, const char *lang, struct err *e);

/* Check, before any work, that the report can be written where --out (out; NULL or "-":
 * stdout) says: a file's directory exists and is writable; a directory (an existing one, a path
 * ending in '/', or any out with is_many) can be made under its nearest existing ancestor, which
 * is a writable directory. A run that fetched and asked the model failed only at the end
 * before. Returns 0, or -1 with e naming --out and what is wrong. */
int cmd_out_check(const char *out, int is_many, struct err *e);

/* Write a report's renderings: with a directory out (an existing one, or a path ending in
 * '/'), or with is_many, all three as OUT/STEM.md, .html and .json (creating OUT), refused by
 * cmd_out_lang when OUT holds STEM in the other language than lang; else the `format` one to
 * the file out, or to stdout when out is NULL. Returns 0 or -1 with e set. */
int cmd_write_renderings(const char *out, int is_many, const char *stem, const char *lang, const char *format,
                         const struct buf *md, const struct buf *html, const struct buf *json, struct err *e);

/* Write a 公众号 fragment (--format wechat): to OUT/STEM.wechat.html with a directory out
 * (or is_many), else to the file out, or stdout when out is NULL. Returns 0 or -1 with e set. */
int cmd_write_wechat(const char *out, int is_many, const char *stem, const struct buf *frag, struct err *e);
struct prune_result;
/* Print a prune's result as one line, or as JSON (defined in cmd_prune.c). */
void cmd_prune_print(const struct prune_result *r, int keep_days, int dry_run, int wants_json);

/* Send msg to every channel named in names (comma-separated; NULL = none), logging each
 * result as "KIND: delivered to NAME" (or that NAME already has it: the delivery log, see
 * deliver_send). The report is already written: a failing channel is reported and the others
 * still get it. Returns 0, or -1 (e names the last failure). */
int cmd_deliver(const struct config *cfg, const char *kind, const char *names, const struct deliver_message *msg,
                struct err *e);
/* Check that every channel named in names (comma-separated; NULL = none) is configured and
 * complete (deliver_check), so that a report command refuses a misspelt --deliver NAME
 * before it fetches, asks the model or writes anything. Returns 0 or -1 with e set. */
int cmd_deliver_check(const struct config *cfg, const char *names, struct err *e);
/* Whether a channel named in names (comma-separated; NULL = none) lacks part of report
 * ("KIND/SLUG/LANG"; deliver_unfinished). Returns 1 or 0, or -1 with e set. */
int cmd_deliver_unfinished(const struct config *cfg, const char *names, struct store *st, const char *report,
                           struct err *e);

/* Take the store's run lock for command kind (store/runlock.h): EXIT_OK with *fd holding it,
 * else EXIT_BUSY ("another brief run is using the store ...") or EXIT_FAIL, said on stderr. */
int cmd_run_lock(const struct app *app, const char *kind, int *fd);

#endif
