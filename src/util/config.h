/* config.h: the optional INI-style config file and the flag > env > file > default rule.
 *
 * Format (UTF-8):
 *     # comment            ; comment
 *     [llm]
 *     provider = deepseek
 *     api_key  = sk-...          (values may be "quoted"; ${ENV} is expanded)
 *     [deliver "team-slack"]     (a named sub-section, looked up as "deliver.team-slack")
 *     type = slack
 * Keys are case-insensitive; the last assignment wins. */
#ifndef BRIEF_UTIL_CONFIG_H
#define BRIEF_UTIL_CONFIG_H

#include <stddef.h>

#include "util/err.h"

struct config_entry {
	char *section; /* "llm", "deliver.team-slack", "" for keys before any section */
	char *key;
	char *value;
};

struct config {
	struct config_entry *entries;
	size_t count;
	char *path; /* the file read, or NULL when none existed */
};

/* Load the config file: path if given, else $BRIEF_CONFIG, else ~/.config/brief/config.
 * A missing default file is not an error (empty config); a missing explicit file or a
 * syntax error is (-1, with file:line in e). */
int config_load(struct config *cfg, const char *path, struct err *e);
/* Value of section.key, or NULL. */
const char *config_get(const struct config *cfg, const char *section, const char *key);
/* The first of: flag (if non-NULL), getenv(env) (if env non-NULL and set non-empty),
 * the config value, def. */
const char *config_pick(const struct config *cfg, const char *flag, const char *env,
                        const char *section, const char *key, const char *def);
/* Release everything. */
void config_free(struct config *cfg);

#endif
