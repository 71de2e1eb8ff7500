/* config.c: INI-style config file reader. */
#include "util/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/fs.h"
#include "util/str.h"

/* Every key's default, from the tables in config.h. */
#define DEFAULT_INT(section, key, def, min, max) .section##_##key = def,
#define DEFAULT_BOOL(section, key, def) .section##_##key = def,
#define DEFAULT_STR(section, key, def) .section##_##key = def,
static const struct config_values defaults = {
	CONFIG_INTS(DEFAULT_INT) CONFIG_BOOLS(DEFAULT_BOOL) CONFIG_STRS(DEFAULT_STR)
};

static void
add_entry(struct config *cfg, const char *section, const char *key, const char *value, int line)
{
	cfg->entries = xrealloc(cfg->entries, (cfg->count + 1) * sizeof *cfg->entries);
	cfg->lines = xrealloc(cfg->lines, (cfg->count + 1) * sizeof *cfg->lines);
	cfg->lines[cfg->count] = line;
	struct config_entry *en = &cfg->entries[cfg->count++];
	en->section = xstrdup(section);
	en->key = str_lower(xstrdup(key));
	en->value = xstrdup(value);
}

/* Expand ${NAME} from the environment so secrets can stay out of the file. A name is shorter
 * than 128 bytes, so the '}' is looked for that far only (a value of many "${" costs linear
 * time, not quadratic). */
static char *
expand_env(const char *v)
{
	struct buf b = BUF_INIT;
	while (*v) {
		if (v[0] == '$' && v[1] == '{') {
			const char *end = memchr(v + 2, '}', strnlen(v + 2, 128));
			if (end) {
				char name[128];
				size_t n = (size_t)(end - v - 2);
				if (n < sizeof name) {
					memcpy(name, v + 2, n);
					name[n] = '\0';
					const char *val = getenv(name);
					if (val)
						buf_puts(&b, val);
					v = end + 1;
					continue;
				}
			}
		}
		buf_putc(&b, *v++);
	}
	return buf_detach(&b);
}

/* The length of s (len bytes, trimmed) without a trailing comment: white space, '#', then white
 * space or the line's end, after a leading quoted part if there is one ("a # b"  # note). A '#'
 * without white space on both sides is text: a colour (#1a7f37), a link's #fragment, a
 * #hashtag#, an issue number (#$2). */
static size_t
comment_start(const char *s, size_t len)
{
	size_t i = 1;
	if (len && (s[0] == '"' || s[0] == '\'')) {
		const char *close = memchr(s + 1, s[0], len - 1);
		if (close)
			i = (size_t)(close - s) + 1;
	}
	for (; i < len; i++)
		if (s[i] == '#' && is_ascii_space((unsigned char)s[i - 1]) &&
		    (i + 1 == len || is_ascii_space((unsigned char)s[i + 1])))
			return i;
	return len;
}

/* Parse one "[name]" or "[name \"sub\"]" header line (s, len; starts with '[') into section. */
static int
parse_section(const char *s, size_t len, char *section, size_t size, const char *name, int lineno, struct err *e)
{
	if (len < 2 || s[len - 1] != ']')
		return err_set(e, "%s:%d: unterminated section header", name, lineno);
	if (len - 2 >= size)
		return err_set(e, "%s:%d: section name longer than %zu bytes", name, lineno, size - 1);
	char tmp[256];
	memcpy(tmp, s + 1, len - 2);
	tmp[len - 2] = '\0';
	char *q = strchr(tmp, '"');
	if (q) {
		char *q2 = strrchr(tmp, '"');
		if (q2 == q)
			return err_set(e, "%s:%d: unbalanced quote in section header", name, lineno);
		const char *after = q2 + 1;
		size_t al = strlen(after);
		str_trim(&after, &al);
		if (al != 0) /* [a "b" c]: the c would be lost */
			return err_set(e, "%s:%d: text after the quoted name in section header", name, lineno);
		*q2 = '\0';
		char *name_end = q;
		while (name_end > tmp && is_ascii_space((unsigned char)name_end[-1]))
			name_end--;
		*name_end = '\0';
		snprintf(section, size, "%s.%s", tmp, q + 1);
	} else {
		const char *t = tmp;
		size_t tl = strlen(tmp);
		str_trim(&t, &tl);
		snprintf(section, size, "%.*s", (int)tl, t);
	}
	str_lower(section);
	return 0;
}

/* Parse the lines of text into cfg->entries. Lines have no length limit; a NUL byte is an
 * error (it would silently cut the value short). */
static int
parse_text(struct config *cfg, const char *text, size_t size, const char *name, struct err *e)
{
	char section[256] = "";
	int lineno = 0;
	const char *end = text + size;
	if (size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3; /* a UTF-8 byte order mark, as Windows editors save it: not part of line 1 */
	for (const char *p = text; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p;
		size_t len = (size_t)((nl ? nl : end) - p);
		p = nl ? nl + 1 : end;
		lineno++;
		if (memchr(s, '\0', len))
			return err_set(e, "%s:%d: NUL byte in the line", name, lineno);
		str_trim(&s, &len);
		if (len == 0 || s[0] == '#' || s[0] == ';')
			continue;
		if (s[0] == '[') {
			len = comment_start(s, len);
			str_trim(&s, &len);
			if (parse_section(s, len, section, sizeof section, name, lineno, e) < 0)
				return -1;
			continue;
		}
		const char *eq = memchr(s, '=', len);
		if (!eq)
			return err_set(e, "%s:%d: expected key = value", name, lineno);
		const char *k = s;
		size_t kl = (size_t)(eq - s);
		str_trim(&k, &kl);
		const char *v = eq + 1;
		size_t vl = len - (size_t)(eq + 1 - s);
		str_trim(&v, &vl);
		vl = comment_start(v, vl);
		str_trim(&v, &vl);
		if (vl >= 2 && ((v[0] == '"' && v[vl - 1] == '"') || (v[0] == '\'' && v[vl - 1] == '\''))) {
			v++;
			vl -= 2;
		}
		if (kl == 0)
			return err_set(e, "%s:%d: empty key", name, lineno);
		char *key = xstrndup(k, kl);
		char *raw = xstrndup(v, vl);
		char *val = expand_env(raw);
		add_entry(cfg, section, key, val, lineno);
		free(key);
		free(raw);
		free(val);
	}
	return 0;
}

int
config_parse(struct config *cfg, const char *text, size_t len, const char *name, struct err *e)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->v = defaults;
	cfg->is_resolved = 1;
	cfg->path = xstrdup(name); /* bad values are reported as name:line */
	if (parse_text(cfg, text, len, name, e) < 0)
		return -1;
	return config_resolve(cfg, e);
}

int
config_default_path(char *out, size_t cap)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;
	if (xdg && *xdg)
		n = snprintf(out, cap, "%s/brief/config", xdg);
	else if (home && *home)
		n = snprintf(out, cap, "%s/.config/brief/config", home);
	else
		return -1;
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int
config_load(struct config *cfg, const char *path, struct err *e)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->v = defaults;
	cfg->is_resolved = 1;
	int is_explicit = 1;
	char def[1024];
	if (!path || !*path)
		path = getenv("BRIEF_CONFIG");
	if (!path || !*path) {
		if (config_default_path(def, sizeof def) < 0)
			return 0;
		path = def;
		is_explicit = 0;
	}
	if (!is_explicit && !fs_exists(path))
		return 0;
	struct buf text = BUF_INIT;
	if (fs_read_all(path, &text, e) < 0) {
		buf_free(&text);
		return err_wrap(e, "cannot read the config file"); /* e names the path and why */
	}
	int rc = config_parse(cfg, buf_str(&text), text.len, path, e); /* sets cfg->path */
	buf_free(&text);
	return rc;
}

#define CONFIG_KNOWN_ROW(section, key, ...) {#section, #key},
static const struct {
	const char *section, *key;
} config_known[] = {CONFIG_INTS(CONFIG_KNOWN_ROW) CONFIG_BOOLS(CONFIG_KNOWN_ROW) CONFIG_STRS(CONFIG_KNOWN_ROW)};

int
config_is_known(const char *section, const char *key)
{
	for (size_t i = 0; i < sizeof config_known / sizeof config_known[0]; i++)
		if (str_casecmp(section, config_known[i].section) == 0 && str_casecmp(key, config_known[i].key) == 0)
			return 1;
	return 0;
}

/* The entry that sets section.key (the last one: it wins), or NULL. */
static const struct config_entry *
find_entry(const struct config *cfg, const char *section, const char *key)
{
	if (!cfg)
		return NULL;
	for (size_t i = cfg->count; i-- > 0;) {
		const struct config_entry *en = &cfg->entries[i];
		if (str_casecmp(en->section, section) == 0 && str_casecmp(en->key, key) == 0)
			return en;
	}
	return NULL;
}

const char *
config_get(const struct config *cfg, const char *section, const char *key)
{
	const struct config_entry *en = find_entry(cfg, section, key);
	return en ? en->value : NULL;
}

/* Where entry en was read, as "FILE:LINE: " into out (cap bytes); "" for an entry built by
 * hand. Returns out. */
static const char *
entry_where(const struct config *cfg, const struct config_entry *en, char *out, size_t cap)
{
	if (cfg->path && cfg->lines)
		snprintf(out, cap, "%s:%d: ", cfg->path, cfg->lines[en - cfg->entries]);
	else
		out[0] = '\0';
	return out;
}

const char *
config_where(const struct config *cfg, const char *section, const char *key, char *out, size_t cap)
{
	const struct config_entry *en = cfg ? find_entry(cfg, section, key) : NULL;
	if (!en) {
		out[0] = '\0';
		return out;
	}
	return entry_where(cfg, en, out, cap);
}

const char *
config_first(const char *flag, const char *env, const char *value)
{
	if (flag)
		return flag;
	if (env) {
		const char *v = getenv(env);
		if (v && *v)
			return v;
	}
	return value;
}

int
config_bool(const char *v, int *out)
{
	static const char *const yes[] = {"true", "yes", "on", "1"}, *const no[] = {"false", "no", "off", "0"};
	if (!v)
		return -1;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (str_casecmp(v, yes[i]) == 0)
			return *out = 1, 0;
		if (str_casecmp(v, no[i]) == 0)
			return *out = 0, 0;
	}
	return -1;
}

const struct config_values *
config_values(const struct config *cfg)
{
	if (!cfg)
		return &defaults;
	if (!cfg->is_resolved)
		abort(); /* a programming error: a hand-built config must go through config_resolve */
	return &cfg->v;
}

int
config_resolve(struct config *cfg, struct err *e)
{
	cfg->v = defaults;
	cfg->is_resolved = 1;
	const struct config_entry *en;
	char at[1100];
#define RESOLVE_INT(section, key, def, min, max)                                                        \
	if ((en = find_entry(cfg, #section, #key)) != NULL &&                                          \
	    str_to_long(en->value, min, max, &cfg->v.section##_##key) < 0)                             \
		return err_set(e, "%sconfig [" #section "] " #key ": want a number in %ld..%ld, not \"%s\"", \
		               entry_where(cfg, en, at, sizeof at), (long)(min), (long)(max), en->value);
#define RESOLVE_BOOL(section, key, def)                                                                \
	if ((en = find_entry(cfg, #section, #key)) != NULL &&                                          \
	    config_bool(en->value, &cfg->v.section##_##key) < 0)                                       \
		return err_set(e, "%sconfig [" #section "] " #key ": want true or false, not \"%s\"",      \
		               entry_where(cfg, en, at, sizeof at), en->value);
#define RESOLVE_STR(section, key, def)                                                                 \
	if ((en = find_entry(cfg, #section, #key)) != NULL)                                            \
		cfg->v.section##_##key = en->value;
	CONFIG_INTS(RESOLVE_INT)
	CONFIG_BOOLS(RESOLVE_BOOL)
	CONFIG_STRS(RESOLVE_STR)
	return 0;
}

void
config_free(struct config *cfg)
{
	for (size_t i = 0; i < cfg->count; i++) {
		free(cfg->entries[i].section);
		free(cfg->entries[i].key);
		free(cfg->entries[i].value);
	}
	free(cfg->entries);
	free(cfg->lines);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}
