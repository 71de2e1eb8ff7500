/* cmd_prune.c: `brief prune`: drop the bodies of old items from the store (store/prune.h). */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "store/prune.h"

const char cmd_prune_help[] =
	"usage: brief prune [--keep-days N] [--dry-run] [--json]\n\n"
	"Remove the text, summary and content of items older than N days (by their published date,\n"
	"else when first seen) and their words from the search index, and give the space back to\n"
	"the file system. Each item keeps its title, link and dedupe key, so it is never fetched as\n"
	"new again and its title still finds it; items a saved digest, weekly post or article links\n"
	"to are kept whole.\n\n"
	"  --keep-days N  keep N days (default: [store] keep_days in the config; one is needed)\n"
	"  --dry-run      only count what would be removed\n"
	"  --json         print the result as one JSON object\n\n"
	"With [store] keep_days set, `brief fetch` prunes after each run.\n";

/* Print r as a line (or JSON). */
void
cmd_prune_print(const struct prune_result *r, int keep_days, int dry_run, int wants_json)
{
	if (wants_json) {
		printf("{\"keep_days\":%d,\"dry_run\":%s,\"items\":%lld,\"kept_cited\":%lld,\"bytes_before\":%lld,"
		       "\"bytes_after\":%lld}\n",
		       keep_days, dry_run ? "true" : "false", (long long)r->items, (long long)r->kept_cited,
		       (long long)r->bytes_before, (long long)r->bytes_after);
		return;
	}
	printf("%s %lld items older than %d days (%lld cited by reports kept whole)", dry_run ? "would prune" : "pruned",
	       (long long)r->items, keep_days, (long long)r->kept_cited);
	if (!dry_run)
		printf("; store %.1f MB -> %.1f MB", (double)r->bytes_before / 1e6, (double)r->bytes_after / 1e6);
	printf("\n");
}

int
cmd_prune(int argc, char **argv)
{
	struct cli_common common = {0};
	const char *keep = NULL;
	int dry_run = 0, wants_json = 0;
	const struct cli_option opts[] = {
		{"keep-days", 0, CLI_VALUE, &keep},
		{"dry-run", 0, CLI_FLAG, &dry_run},
		{"json", 0, CLI_FLAG, &wants_json},
		{NULL, 0, 0, NULL},
	};
	int arc = cmd_args("prune", cmd_prune_help, argc, argv, opts, &common, 0, NULL, NULL);
	if (arc != CMD_CONTINUE)
		return arc;
	struct err e;
	int keep_days = 0; /* the flag, checked before the state directory is made */
	if (keep && cli_int(keep, "keep-days", 1, 365000, &keep_days, &e) < 0)
		return cmd_usage_error("prune", e.msg);
	int days = keep_days;
	if (!keep) { /* [store] keep_days, read before the state directory is made: none is a usage error */
		struct config cfg;
		int rc = config_load(&cfg, common.config, &e);
		days = rc < 0 ? 0 : (int)config_values(&cfg)->store_keep_days; /* 0 when unset */
		config_free(&cfg);
		if (rc < 0) {
			fprintf(stderr, "brief prune: %s\n", e.msg);
			return EXIT_FAIL;
		}
		if (days == 0)
			return cmd_usage_error(
			    "prune", "say how many days to keep: --keep-days N, or [store] keep_days");
	}
	struct app app;
	if (app_open(&app, &common, &e) < 0) {
		fprintf(stderr, "brief prune: %s\n", e.msg);
		return EXIT_FAIL;
	}
	int rc = EXIT_FAIL;
	struct store st;
	if (store_open(&st, app.db_path, &e) < 0) {
		fprintf(stderr, "brief prune: %s\n", e.msg);
	} else {
		struct prune_result r;
		if (store_prune(&st, app.now, days, dry_run, &r, &e) < 0) {
			fprintf(stderr, "brief prune: %s\n", e.msg);
		} else {
			if (!common.is_quiet || wants_json)
				cmd_prune_print(&r, days, dry_run, wants_json);
			rc = EXIT_OK;
		}
		store_close(&st);
	}
	app_close(&app);
	return rc;
}
