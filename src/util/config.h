/* config.h: the optional INI-style config file and the flag > env > file > default rule.
 *
 * Format (UTF-8):
 *     # comment            ; comment
 *     [llm]                      # a comment after white space, with white space after '#'
 *     provider = deepseek
 *     api_key  = sk-...          (values may be "quoted"; ${ENV} is expanded)
 *     [deliver "team-slack"]     (a named sub-section, looked up as "deliver.team-slack")
 *     type = slack
 * Keys are case-insensitive; the last assignment wins.
 *
 * Every key brief reads is declared once, in the tables below, with its type, its default and
 * (for numbers) its range. config_load resolves them all at start-up into cfg->v (a struct
 * config_values, one field SECTION_KEY per key): a value that does not parse or lies outside
 * its range fails config_load with "config [section] key: ...", so modules read typed values
 * and never parse text themselves. Adding a key is one line in one table. The named delivery
 * channels ([deliver "NAME"]) are the one dynamic part: deliver/ reads them with config_get. */
#ifndef BRIEF_UTIL_CONFIG_H
#define BRIEF_UTIL_CONFIG_H

#include <stddef.h>

#include "util/err.h"

struct config_entry {
	char *section; /* "llm", "deliver.team-slack", "" for keys before any section */
	char *key;
	char *value;
};

/* Numbers: X(section, key, default, min, max). The default may lie outside min..max when it
 * means "none" (deadline 0); a value in the file must lie inside. */
#define CONFIG_INTS(X)                                                                                 \
	X(fetch, concurrency, 64, 1, 1024)    /* feeds fetched at once */                                \
	X(fetch, per_host, 3, 1, 64)          /* connections per host */                                 \
	X(fetch, timeout, 15, 1, 3600)        /* seconds per request */                                  \
	X(fetch, deadline, 0, 1, 86400)       /* seconds for the whole fetch; 0 = none */                \
	X(fetch, max_body_mb, 16, 1, 1024)    /* largest feed body */                                    \
	X(fetch, full_text_min_chars, 500, 0, 1000000) /* thinner feed text gets its page fetched */     \
	X(fetch, full_text_max, 200, 0, 100000)        /* article pages per run at most */               \
	X(fetch, full_text_deadline, 0, 1, 86400)      /* seconds for the pages; 0 = the run's */        \
	X(llm, concurrency, 4, 1, 64)         /* requests in flight */                                   \
	X(llm, timeout, 60, 1, 3600)          /* seconds per request */                                  \
	X(llm, retries, 4, 1, 10)             /* attempts per request */                                 \
	X(llm, deadline, 1800, 1, 86400)      /* seconds for the run's requests to the model */          \
	X(llm, batch_size, 16, 1, 50)         /* articles per score request */                           \
	X(llm, enrich_batch_size, 0, 0, 20)   /* articles per enrich request; 0 = one batch per lane */   \
	X(llm, score_text_tokens, 110, 16, 8000)    /* article text sent for scoring */                  \
	X(llm, enrich_text_tokens, 1200, 64, 32000) /* article text sent for enrichment */               \
	X(weekly, max_stories, 30, 1, 500)    /* stories the weekly considers */                         \
	X(weekly, max_groups, 6, 1, 100)      /* company/topic groups in the news section */             \
	X(weekly, first_issue, 1, 1, 999999)  /* the issue number of the first weekly post */         \
	X(store, keep_days, 0, 1, 365000)     /* days of item bodies kept (brief prune); 0 = all */

/* Booleans: X(section, key, default); -1 = unset (the module decides). Values: see config_bool. */
#define CONFIG_BOOLS(X)                                                                                \
	X(fetch, allow_private, 0)        /* fetch feeds on private/loopback addresses */                \
	X(fetch, full_text, 0)            /* fetch article pages for items with thin feed text */        \
	X(llm, json_schema, -1)           /* strict JSON Schema answers; unset: the provider's default */ \
	X(daily, score_while_fetching, 1) /* score finished feeds while the rest download */

/* Strings: X(section, key, default); NULL = unset. Values may be "quoted" and ${ENV} expanded. */
#define CONFIG_STRS(X)                                                                                 \
	X(fetch, user_agent, NULL)                                                                     \
	X(fetch, ca_file, NULL)                                                                        \
	X(fetch, full_text_always, NULL) /* feed URLs or hosts whose items always get their page */    \
	X(fetch, full_text_never, NULL)  /* ... never */                                               \
	X(llm, provider, NULL)                                                                         \
	X(llm, base_url, NULL)                                                                         \
	X(llm, api_key, NULL)                                                                          \
	X(llm, model, NULL)                                                                            \
	X(interests, topics, NULL)   /* comma-separated terms that raise relevance */                  \
	X(mute, topics, NULL)        /* comma-separated terms that sink an article */                  \
	X(mute, sources, NULL)       /* comma-separated source names or hosts */                       \
	X(daily, base_url, NULL)     /* absolute links in the archive's Atom feed */                   \
	X(serve, listen, "127.0.0.1:8080")                                                             \
	X(serve, token, NULL)        /* every request must carry it (Bearer, ?token= then a cookie) */ \
	X(serve, hosts, NULL)        /* Host names served besides IP literals and localhost */       \
	X(weekly, title, NULL)       /* default by language; $1 = 001, $2 = 1, $3 = week */             \
	X(weekly, subtitle, NULL)                                                                      \
	X(weekly, author, "brief")                                                                     \
	X(weekly, header_img, "img/post-bg-universe.jpg")                                              \
	X(weekly, tags, NULL)                                                                          \
	X(weekly, epigraphs, NULL)   /* separated by | */                                              \
	X(weekly, front_matter, "jekyll")                                                              \
	X(daily, front_matter, "jekyll")  /* brief daily --site: jekyll or hugo */                     \
	X(weekly, entities, NULL)                                                                      \
	X(article, disclaimer, NULL)                                                                   \
	X(brand, line, NULL)                                                                           \
	X(brand, intro, NULL)                                                                          \
	X(brand, outro, NULL)                                                                          \
	X(brand, cover, NULL)                                                                          \
	X(daily, brand_line, NULL)                                                                     \
	X(daily, intro, NULL)                                                                          \
	X(daily, outro, NULL)                                                                          \
	X(daily, cover, NULL)                                                                          \
	X(weekly, brand_line, NULL)                                                                    \
	X(weekly, intro, NULL)                                                                         \
	X(weekly, outro, NULL)                                                                         \
	X(weekly, cover, NULL)                                                                         \
	X(article, brand_line, NULL)                                                                   \
	X(article, intro, NULL)                                                                        \
	X(article, outro, NULL)                                                                        \
	X(article, cover, NULL)                                                                        \
	X(wechat, theme, NULL)                                                                         \
	X(wechat, accent, NULL)                                                                        \
	X(wechat, background, NULL)

#define CONFIG_INT_FIELD(section, key, def, min, max) long section##_##key;
#define CONFIG_BOOL_FIELD(section, key, def) int section##_##key;
#define CONFIG_STR_FIELD(section, key, def) const char *section##_##key;
/* Every key's resolved value (strings point into the loaded file's entries). */
struct config_values {
	CONFIG_INTS(CONFIG_INT_FIELD)
	CONFIG_BOOLS(CONFIG_BOOL_FIELD)
	CONFIG_STRS(CONFIG_STR_FIELD)
};

struct config {
	struct config_entry *entries;
	size_t count;
	int *lines; /* entries[i]'s line in the file (1-based), or NULL for entries built by hand */
	char *path; /* the file read (config_parse: its name), or NULL when none existed */
	struct config_values v; /* set by config_load / config_resolve */
	int is_resolved;
};

/* The default config file's path ($XDG_CONFIG_HOME/brief/config, else ~/.config/brief/config)
 * into out (cap bytes). Returns 0, or -1 when neither variable is set or out is too small. */
int config_default_path(char *out, size_t cap);
/* Load the config file: path if given, else $BRIEF_CONFIG, else ~/.config/brief/config.
 * A missing default file is not an error (empty config); a missing explicit file or a
 * syntax error is (-1, with file:line in e). */
int config_load(struct config *cfg, const char *path, struct err *e);
/* Parse text (len bytes, the contents of the file called name in messages) into cfg, which
 * it initialises, and resolve it. Returns 0, or -1 with "name:line: ..." or the first bad
 * value in e (cfg then holds what was read so far; config_free it either way). */
int config_parse(struct config *cfg, const char *text, size_t len, const char *name, struct err *e);
/* Whether section.key is a key of the tables above (case-insensitive); the named delivery
 * sections are deliver/'s (deliver_key_is_known). */
int config_is_known(const char *section, const char *key);
/* Value of section.key, or NULL. */
const char *config_get(const struct config *cfg, const char *section, const char *key);
/* Where the file set [section] key, as "FILE:LINE: " into out (cap bytes), for a message about
 * its value; "" when the file does not set it (the value is a flag's, a variable's or the
 * default) or cfg was not read from a file. Returns out. */
const char *config_where(const struct config *cfg, const char *section, const char *key, char *out, size_t cap);
/* Resolve the entries into cfg->v (config_load does this; a config built by hand calls it).
 * Returns 0, or -1 with e set for the first bad value, naming the file and line it was read
 * from when there is one ("FILE:3: config [fetch] timeout: want a number in 1..3600, not
 * \"x\""; without "FILE:3: " for entries built by hand). */
int config_resolve(struct config *cfg, struct err *e);
/* The resolved values of cfg, or the defaults when cfg is NULL. cfg must be resolved. */
const struct config_values *config_values(const struct config *cfg);
/* Parse a boolean: true/yes/on/1 or false/no/off/0, case-insensitive. Returns 0 and sets
 * *out, or -1 for anything else (NULL included). */
int config_bool(const char *v, int *out);
/* The first of: flag (if non-NULL), getenv(env) (if env non-NULL and set non-empty), value. */
const char *config_first(const char *flag, const char *env, const char *value);
/* Release everything. */
void config_free(struct config *cfg);

#endif
