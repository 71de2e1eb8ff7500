/* cmd_fetch.c: `brief fetch`: fetch every source into the store and summarise the run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "net/fetch.h"
#include "util/redact.h"
#include "util/timeutil.h"
#include "store/prune.h"

const char cmd_fetch_help[] =
	"usage: brief fetch [--feeds FILE.opml] [--concurrency N] [--per-host N] [--timeout SEC]\n"
	"                   [--deadline SEC] [--user-agent UA] [--full-text] [--json] [-q]\n\n"
	"Fetch all sources into the store ($BRIEF_HOME/brief.db). With no sources of your own\n"
	"(see `brief feeds`), the built-in list of 92 blogs is used.\n\n"
	"  --feeds FILE     fetch the feeds of this OPML file instead, for this run\n"
	"  --concurrency N  transfers in flight (default 64; config [fetch] concurrency)\n"
	"  --per-host N     transfers in flight per host (default 3; [fetch] per_host)\n"
	"  --timeout SEC    per feed, including slow bodies (default 15; [fetch] timeout)\n"
	"  --deadline SEC   the whole run (default max(120, 4 x timeout); [fetch] deadline)\n"
	"  --user-agent UA  User-Agent header ([fetch] user_agent)\n"
	"  --full-text      then fetch the article page of recent items whose feed text is\n"
	"                   shorter than [fetch] full_text_min_chars (500), once per item, never\n"
	"                   from a non-public address ([fetch] full_text = true; per feed:\n"
	"                   full_text_always / full_text_never = feed URLs or hosts)\n"
	"  --json           print the run's summary as one JSON object\n\n"
	"Progress goes to stderr (a live line on a terminal); the summary to stdout. Failed feeds\n"
	"are reported and kept in each source's health; the exit status is still 0. With [store]\n"
	"keep_days set, old items are pruned after the run (see `brief help prune`).\n";

/* One failed feed's line of the summary; a source that failed before says how long it has
 * been failing, so that the same line hour after hour shows its age (docs/net.md, "Failing
 * sources"). A line that already says so (a source not asked) is printed as it is. */
static void
print_failure(struct arena *a, const struct fetch_failure *f)
{
	printf("  failed %s: %s", redact_str(a, f->url), redact_str(a, f->error));
	if (f->failures >= 2 && strncmp(f->error, "not asked: failing", 18) != 0) {
		char since[32] = "";
		if (f->failing_since)
			time_format_rfc3339(f->failing_since, since, sizeof since);
		printf(" (%d times in a row%s%s)", f->failures, since[0] ? " since " : "", since);
	}
	putchar('\n');
}

int
cmd_fetch(int argc, char **argv)
{
	struct cli_common common = {0};
	const char *feeds = NULL, *conc = NULL, *per_host = NULL, *timeout = NULL, *deadline = NULL, *ua = NULL;
	int wants_json = 0, full_text = 0;
	const struct cli_option opts[] = {
		{"feeds", 0, CLI_VALUE, &feeds},      {"concurrency", 0, CLI_VALUE, &conc},
		{"per-host", 0, CLI_VALUE, &per_host}, {"timeout", 0, CLI_VALUE, &timeout},
		{"deadline", 0, CLI_VALUE, &deadline}, {"user-agent", 0, CLI_VALUE, &ua},
		{"json", 0, CLI_FLAG, &wants_json},   {"full-text", 0, CLI_FLAG, &full_text},
		{NULL, 0, 0, NULL},
	};
	int arc = cmd_args("fetch", cmd_fetch_help, argc, argv, opts, &common, 0, NULL, NULL);
	if (arc != CMD_CONTINUE)
		return arc;
	struct err e;
	const struct cmd_fetch_args fa = {feeds, conc, timeout};
	int per_host_v = 0, deadline_v = 0; /* checked before the state directory is made, applied below */
	if (cmd_fetch_args_check(&fa, &e) < 0 ||
	    (per_host && cli_int(per_host, "per-host", 1, 64, &per_host_v, &e) < 0) ||
	    (deadline && cli_int(deadline, "deadline", 1, 86400, &deadline_v, &e) < 0))
		return cmd_usage_error("fetch", e.msg);
	struct app app;
	if (app_open(&app, &common, &e) < 0) {
		fprintf(stderr, "brief fetch: %s\n", e.msg);
		return EXIT_FAIL;
	}
	struct fetch_opts fo;
	int rc = EXIT_FAIL;
	if (cmd_fetch_opts(&app, &fa, &fo, &e) != EXIT_OK) { /* the flags were checked: the config's [fetch] */
		fprintf(stderr, "brief fetch: %s\n", e.msg);
		goto out_app;
	}
	if (per_host)
		fo.per_host = per_host_v;
	if (deadline)
		fo.deadline_s = deadline_v;
	if (ua)
		fo.user_agent = ua;
	if (full_text)
		fo.full_text = 1;
	struct store st;
	if (store_open(&st, app.db_path, &e) < 0) {
		fprintf(stderr, "brief fetch: %s\n", e.msg);
		goto out_app;
	}
	struct arena arena = ARENA_INIT;
	struct fetch_summary sum;
	if (fetch_run(&st, &app.cfg, &fo, &arena, &sum, &e) < 0) {
		fprintf(stderr, "brief fetch: %s\n", e.msg);
	} else {
		if (wants_json) {
			struct buf out = BUF_INIT;
			fetch_summary_json(&sum, &out);
			printf("%s\n", buf_str(&out));
			buf_free(&out);
		} else if (!common.is_quiet) {
			printf("%d feeds: %d ok (%d not modified), %d failed; %ld new items (%ld in the feeds); "
			       "%.1f MB in %.1f s\n",
			       sum.feeds_total, sum.feeds_ok, sum.feeds_not_modified, sum.feeds_failed, sum.items_new,
			       sum.items_total, (double)sum.bytes / (1 << 20), sum.seconds);
			if (sum.full_text)
				printf("full text: %d pages: %d articles, %d without an article, %d failed\n",
				       sum.pages_total, sum.pages_ok, sum.pages_no_article, sum.pages_failed);
			for (size_t i = 0; i < sum.failure_count; i++)
				print_failure(&arena, &sum.failures[i]);
		}
		rc = EXIT_OK;
		/* Retention after the run, when configured ([store] keep_days). */
		int days = (int)config_values(&app.cfg)->store_keep_days;
		struct prune_result pr;
		if (days && store_prune(&st, app.now, days, 0, &pr, &e) < 0) {
			fprintf(stderr, "brief fetch: pruning: %s\n", e.msg);
			rc = EXIT_FAIL;
		} else if (days && !common.is_quiet && !wants_json) {
			cmd_prune_print(&pr, days, 0, 0);
		}
	}
	arena_free(&arena);
	store_close(&st);
out_app:
	app_close(&app);
	return rc;
}
