/* app.h: what every command that touches state sets up first: $BRIEF_HOME, the
 * config file, and the run's clock. */
#ifndef BRIEF_APP_H
#define BRIEF_APP_H

#include <stdint.h>

#include "cli.h"
#include "util/config.h"
#include "util/err.h"

struct app {
	char home[4096];   /* the state directory, created on open */
	char db_path[4200];/* home/brief.db */
	struct config cfg;
	int64_t now;       /* the run's "now" (UTC seconds), frozen by --now */
	int is_quiet;
};

/* Resolve BRIEF_HOME (--home > $BRIEF_HOME > $XDG_DATA_HOME/brief > ~/.local/share/brief),
 * create it, load the config, and freeze the clock (--now, else the wall clock at start, so
 * every stage of a run agrees on "now"). Each key of the config file that brief does not read
 * is a warning on stderr naming its file and line (the setting it was meant for keeps its
 * default). Returns 0 or -1 with e set. */
int app_open(struct app *app, const struct cli_common *common, struct err *e);
/* app_open, making the state directory only when make_home (`brief doctor` reports a missing
 * one instead of making it). */
int app_open_home(struct app *app, const struct cli_common *common, int make_home, struct err *e);
/* Parse --now only (for commands that need no state). */
int app_set_now(const char *now, struct err *e);
/* Whether entry en of a config file is a key brief reads: one of util/config.h's tables, or a
 * delivery channel's key in a [deliver "NAME"] section. A misspelt key is not. */
int app_config_key_is_known(const struct config_entry *en);
/* Release the config. */
void app_close(struct app *app);

#endif
