/* main.c: brief's entry point: dispatch to a command, --help, --version. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"

static const struct cmd commands[] = {
	{"parse", "parse feed documents (no network, no store)", cmd_parse, cmd_parse_help},
	{"feeds", "list, add, remove, import and export sources", cmd_feeds, cmd_feeds_help},
	{"fetch", "fetch all sources into the store", cmd_fetch, cmd_fetch_help},
	{"daily", "write the daily digest", cmd_daily, cmd_daily_help},
	{"weekly", "write the weekly roundup post", cmd_weekly, cmd_weekly_help},
	{"article", "write a long-form commentary on one story", cmd_article, cmd_article_help},
	{"serve", "serve the web archive of digests, articles and items", cmd_serve, cmd_serve_help},
	{"doctor", "check configuration, store and LLM reachability", cmd_doctor, cmd_doctor_help},
	{"extract", "extract the article of saved web pages (no network, no store)", cmd_extract, cmd_extract_help},
	{"prune", "remove the bodies of old items from the store", cmd_prune, cmd_prune_help},
	{"schedule", "run daily/weekly/article on a schedule (systemd user timer or cron)", cmd_schedule,
	 cmd_schedule_help},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void
print_usage(FILE *out)
{
	fputs("usage: brief [COMMON OPTIONS] COMMAND [OPTIONS]\n\n"
	      "brief turns the feeds you trust into AI-curated briefings: a daily digest,\n"
	      "a weekly roundup and long-form commentary, from one store of fetched items.\n\n"
	      "commands:\n",
	      out);
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\noptions every command accepts (before or after the command name):\n"
	      "  --home DIR      state directory (default $BRIEF_HOME, else $XDG_DATA_HOME/brief,\n"
	      "                  else ~/.local/share/brief)\n"
	      "  --config FILE   config file (default $BRIEF_CONFIG, else $XDG_CONFIG_HOME/brief/config,\n"
	      "                  else ~/.config/brief/config)\n"
	      "  --now RFC3339   freeze the clock (reproducible runs)\n"
	      "  -q, --quiet     errors only        -v, --verbose  debug output\n"
	      "  -h, --help      the command's options (as brief help COMMAND)\n\n"
	      "brief help COMMAND shows a command's options; brief --version its version.\n",
	      out);
}

static const struct cmd *
find_command(const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
cmd_usage_error(const char *name, const char *msg)
{
	fprintf(stderr, "brief %s: %s\n(see: brief help %s)\n", name, msg, name);
	return EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	/* Options every command accepts may come before the command name ("brief --home X
	 * daily"): they are moved to just after it, where the command's parser takes them. */
	int lead = 1;
	for (int span; lead < argc && (span = cli_common_span(argc, argv, lead)) != 0; lead += span) {
		if (span < 0) {
			fprintf(stderr, "brief: option %s needs a value\n", argv[lead]);
			return EXIT_USAGE;
		}
	}
	if (lead >= argc) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[lead];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		print_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
		printf("brief %s\n", BRIEF_VERSION);
		return EXIT_OK;
	}
	if (strcmp(name, "help") == 0) {
		if (lead + 1 >= argc || strcmp(argv[lead + 1], "help") == 0) { /* `help help` too */
			print_usage(stdout);
			return EXIT_OK;
		}
		const struct cmd *c = find_command(argv[lead + 1]);
		if (!c) {
			fprintf(stderr, "brief: no command \"%s\"\n", argv[lead + 1]);
			return EXIT_USAGE;
		}
		fputs(c->help, stdout);
		return EXIT_OK;
	}
	const struct cmd *c = find_command(name);
	if (!c) {
		fprintf(stderr, "brief: no command \"%s\" (brief --help lists them)\n", name);
		return EXIT_USAGE;
	}
	if (lead > 1) {
		char *cmd_name = argv[lead];
		memmove(argv + 2, argv + 1, (size_t)(lead - 1) * sizeof *argv);
		argv[1] = cmd_name;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(c->help, stdout);
			return EXIT_OK;
		}
	}
	return c->run(argc - 1, argv + 1);
}
