/* app.c: per-command setup of state directory, config and clock. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deliver/deliver.h"
#include "util/fs.h"
#include "util/log.h"
#include "util/str.h"
#include "util/timeutil.h"

int
app_set_now(const char *now, struct err *e)
{
	if (!now) {
		time_set_now(time_now());
		return 0;
	}
	int64_t t;
	if (cli_now(now, &t, e) < 0)
		return -1;
	time_set_now(t);
	return 0;
}

int
app_config_key_is_known(const struct config_entry *en)
{
	if (str_starts(en->section, "deliver."))
		return deliver_key_is_known(en->key);
	return config_is_known(en->section, en->key);
}

/* A warning for each key of cfg brief does not read ("timout", "api-key"): ignored where it
 * stands, it would leave its setting at the default without a word. */
static void
warn_unknown_keys(const struct config *cfg)
{
	for (size_t i = 0; i < cfg->count; i++) {
		const struct config_entry *en = &cfg->entries[i];
		if (app_config_key_is_known(en))
			continue;
		char at[1100] = "";
		if (cfg->path && cfg->lines)
			snprintf(at, sizeof at, "%s:%d: ", cfg->path, cfg->lines[i]);
		const char *dot = strchr(en->section, '.'); /* a named section: [deliver "NAME"] */
		if (dot)
			log_warn("%s[%.*s \"%s\"] %s: not a key brief reads (misspelt?); ignored", at,
			         (int)(dot - en->section), en->section, dot + 1, en->key);
		else if (*en->section)
			log_warn("%s[%s] %s: not a key brief reads (misspelt?); ignored", at, en->section, en->key);
		else
			log_warn("%s%s: a key before any [section] is not read; ignored", at, en->key);
	}
}

int
app_open(struct app *app, const struct cli_common *common, struct err *e)
{
	if (app_open_home(app, common, 1, e) < 0)
		return -1;
	warn_unknown_keys(&app->cfg);
	return 0;
}

int
app_open_home(struct app *app, const struct cli_common *common, int make_home, struct err *e)
{
	memset(app, 0, sizeof *app);
	const char *home = common->home;
	if (!home || !*home)
		home = getenv("BRIEF_HOME");
	if (home && *home) {
		snprintf(app->home, sizeof app->home, "%s", home);
	} else {
		const char *xdg = getenv("XDG_DATA_HOME");
		const char *h = getenv("HOME");
		if (xdg && *xdg)
			snprintf(app->home, sizeof app->home, "%s/brief", xdg);
		else if (h && *h)
			snprintf(app->home, sizeof app->home, "%s/.local/share/brief", h);
		else
			return err_set(e, "cannot find a state directory: set BRIEF_HOME or HOME");
	}
	if (make_home && fs_mkdirs(app->home, 1, e) < 0)
		return -1;
	snprintf(app->db_path, sizeof app->db_path, "%s/brief.db", app->home);
	if (config_load(&app->cfg, common->config, e) < 0) {
		config_free(&app->cfg); /* what was read before the bad line or value */
		return -1;
	}
	if (app_set_now(common->now, e) < 0) {
		config_free(&app->cfg);
		return -1;
	}
	app->now = time_now();
	app->is_quiet = common->is_quiet;
	return 0;
}

void
app_close(struct app *app)
{
	config_free(&app->cfg);
}
