/* cli.c: command-line parsing shared by every command. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "feed/date.h"
#include "util/log.h"
#include "util/str.h"

static const struct cli_option *
find_option(const struct cli_option *opts, const char *name, size_t len, char short_name)
{
	for (; opts && opts->name; opts++) {
		if (short_name ? opts->short_name == short_name
		               : strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	}
	return NULL;
}

/* The options every command accepts, aimed at common's fields: the one list of them. */
#define CLI_COMMON_COUNT 7
static void
common_table(struct cli_common *common, struct cli_option t[CLI_COMMON_COUNT])
{
	const struct cli_option common_opts[] = {
		{"home", 0, CLI_VALUE, &common->home},
		{"config", 0, CLI_VALUE, &common->config},
		{"now", 0, CLI_VALUE, &common->now},
		{"quiet", 'q', CLI_FLAG, &common->is_quiet},
		{"verbose", 'v', CLI_FLAG, &common->is_verbose},
		{"help", 'h', CLI_FLAG, &common->wants_help},
		{NULL, 0, 0, NULL},
	};
	_Static_assert(sizeof common_opts == CLI_COMMON_COUNT * sizeof *common_opts, "CLI_COMMON_COUNT");
	memcpy(t, common_opts, sizeof common_opts);
}

int
cli_common_span(int argc, char **argv, int i)
{
	struct cli_common ignored = {0};
	struct cli_option table[CLI_COMMON_COUNT];
	common_table(&ignored, table);
	const char *a = argv[i];
	const struct cli_option *o = NULL;
	const char *eq = NULL;
	if (a[0] == '-' && a[1] == '-' && a[2]) {
		eq = strchr(a + 2, '=');
		o = find_option(table, a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2), 0);
	} else if (a[0] == '-' && a[1] && !a[2]) {
		o = find_option(table, NULL, 0, a[1]);
	}
	if (!o || o->target == (void *)&ignored.wants_help)
		return 0;
	if (o->kind == CLI_FLAG || eq)
		return 1;
	return i + 1 < argc ? 2 : -1;
}

int
cli_parse(int argc, char **argv, const struct cli_option *opts, struct cli_common *common,
          char ***pos, int *npos, struct err *e)
{
	struct cli_option common_opts[CLI_COMMON_COUNT];
	common_table(common, common_opts);
	*pos = xcalloc((size_t)argc + 1, sizeof **pos);
	*npos = 0;
	/* The value options met so far: a second one is refused below. */
	const struct cli_option **seen = xcalloc((size_t)argc + 1, sizeof *seen);
	int nseen = 0, rc = 0;
	int only_positional = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_positional || a[0] != '-' || strcmp(a, "-") == 0) {
			(*pos)[(*npos)++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_positional = 1;
			continue;
		}
		const struct cli_option *o;
		const char *value = NULL;
		if (a[1] == '-') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			o = find_option(opts, name, len, 0);
			if (!o)
				o = find_option(common_opts, name, len, 0);
			if (!o)
				goto unknown;
			if (eq) {
				if (o->kind == CLI_FLAG) {
					rc = err_set(e, "option --%s takes no value", o->name);
					goto done;
				}
				value = eq + 1;
			}
		} else {
			if (a[2] != '\0')
				goto unknown;
			o = find_option(opts, NULL, 0, a[1]);
			if (!o)
				o = find_option(common_opts, NULL, 0, a[1]);
			if (!o)
				goto unknown;
		}
		if (o->kind == CLI_FLAG) {
			*(int *)o->target = 1;
			continue;
		}
		if (!value) {
			if (i + 1 >= argc) {
				rc = err_set(e, "option --%s needs a value", o->name);
				goto done;
			}
			value = argv[++i];
		}
		/* A value option given twice used to keep the last value without a word (--deliver a
		 * --deliver b sent only to b; a wrapper's --home beside the user's picked one store):
		 * neither value can be assumed to be the one meant. */
		for (int k = 0; k < nseen; k++) {
			if (seen[k] == o) {
				/* the values are not shown: one may be a secret (serve --token) */
				rc = err_set(e, "option --%s given twice: give it once%s", o->name,
				             o->kind == CLI_LIST ? ", naming them all, comma-separated" : "");
				goto done;
			}
		}
		seen[nseen++] = o;
		*(const char **)o->target = value;
		continue;
	unknown:
		rc = err_set(e, "unknown option %s", a);
		goto done;
	}
done:
	free(seen);
	if (rc < 0)
		return rc;
	/* An empty state directory would quietly mean the default one (the user's real
	 * ~/.local/share/brief, perhaps not the store meant): refused, from the option or the
	 * environment. */
	if (common->home && !*common->home)
		return err_set(e, "--home wants a directory, not an empty value (leave it out for the default)");
	const char *env_home = getenv("BRIEF_HOME");
	if (!common->home && env_home && !*env_home)
		return err_set(e, "BRIEF_HOME is set but empty: set it to a directory, or unset it for the default");
	int64_t t;
	if (common->now && cli_now(common->now, &t, e) < 0)
		return -1;
	if (common->is_quiet)
		log_verbosity = LOG_ERROR;
	if (common->is_verbose)
		log_verbosity = LOG_DEBUG;
	return 0;
}

/* Whether the characters of shape ('9' a digit, others themselves) start s. */
static int
has_shape(const char *s, const char *shape)
{
	for (; *shape; s++, shape++)
		if (*shape == '9' ? !is_ascii_digit((unsigned char)*s) : *s != *shape)
			return 0;
	return 1;
}

/* Whether s is an RFC 3339 date-time (section 5.6): date, T (t or a space), time with optional
 * fraction, and a zone, Z or ±HH:MM. A date alone, a time without a zone (whose zone the
 * reader would have to guess) or a feed's RFC 822 date is not. */
static int
is_rfc3339(const char *s)
{
	if (!has_shape(s, "9999-99-99") || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    !has_shape(s + 11, "99:99:99"))
		return 0;
	const char *p = s + 19;
	if (*p == '.') {
		if (!is_ascii_digit((unsigned char)p[1]))
			return 0;
		for (p++; is_ascii_digit((unsigned char)*p); p++)
			;
	}
	if (*p == 'Z' || *p == 'z')
		return p[1] == '\0';
	return (*p == '+' || *p == '-') && has_shape(p + 1, "99:99") && p[6] == '\0';
}

int
cli_now(const char *value, int64_t *t, struct err *e)
{
	if (!is_rfc3339(value) || date_parse(value, strlen(value), t) < 0)
		return err_set(e, "--now wants an RFC 3339 time such as 2026-02-21T02:00:00Z, not \"%s\"", value);
	return 0;
}

int
cli_int(const char *value, const char *name, long min, long max, int *out, struct err *e)
{
	long v;
	if (str_to_long(value, min, max, &v) < 0)
		return err_set(e, "--%s wants a whole number from %ld to %ld, not \"%s\"", name, min, max,
		               value);
	*out = (int)v;
	return 0;
}
