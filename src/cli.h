/* cli.h: command-line parsing shared by every command, and the process exit codes (docs/cli.md). */
#ifndef BRIEF_CLI_H
#define BRIEF_CLI_H

#include <stdint.h>

#include "util/err.h"

enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,   /* any other failure, one-line reason on stderr */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_EMPTY = 3,  /* nothing in the window to report */
	EXIT_BUSY = 4,   /* another daily/weekly/article run holds the store's run lock */
};

/* CLI_LIST is a CLI_VALUE whose value is a comma-separated list (--deliver NAME,NAME): its
 * usage error when given twice says to name them all in one. */
enum cli_kind { CLI_FLAG, CLI_VALUE, CLI_LIST };

/* One option a command accepts. For CLI_VALUE and CLI_LIST, target is a `const char **`
 * that receives the argument (from "--name value" or "--name=value"); giving it twice is a
 * usage error (docs/cli.md). For CLI_FLAG an `int *` set to 1 (given twice: still 1). */
struct cli_option {
	const char *name; /* without the leading "--" */
	char short_name;  /* 0 when none */
	enum cli_kind kind;
	void *target;
};

/* Options every command accepts. */
struct cli_common {
	const char *home;   /* --home DIR */
	const char *config; /* --config FILE */
	const char *now;    /* --now RFC3339 */
	int is_quiet;       /* -q, --quiet */
	int is_verbose;     /* -v, --verbose */
	int wants_help;     /* -h, --help */
};

/* Parse argv[1..argc) (argv[0] is the command name). Positional arguments
 * (including "-") are collected into *pos (malloc'd array, caller frees; the
 * strings stay argv's). "--" ends option parsing. Returns 0, or -1 with e set
 * for an unknown option, a missing value, a value option given twice, a --now that is not a
 * time, or an empty
 * state directory (--home "" / --home=, or BRIEF_HOME set to "" without --home)
 * (every caller reports these as usage errors, exit 2). */
int cli_parse(int argc, char **argv, const struct cli_option *opts, struct cli_common *common,
              char ***pos, int *npos, struct err *e);

/* How many arguments from argv[i] on make one of the options every command accepts
 * (struct cli_common, without -h/--help): 1 for a flag or "--name=value", 2 for "--name
 * value", 0 when argv[i] is not one, -1 when its value is missing. main() uses it for the
 * options given before the command name. */
int cli_common_span(int argc, char **argv, int i);

/* --now's value as UTC seconds into *t. Returns 0, or -1 with e saying what --now wants. */
int cli_now(const char *value, int64_t *t, struct err *e);

/* Convert an option value to an int in [min, max]; -1 with e naming the option otherwise. */
int cli_int(const char *value, const char *name, long min, long max, int *out, struct err *e);

#endif
