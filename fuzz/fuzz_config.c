/* fuzz_config.c: libFuzzer target for the config reader: config_parse (the INI lines,
 * section headers, quoting, ${ENV} expansion) and the typed table resolution behind it.
 * Invariants checked (abort() on violation, so libFuzzer reports the input): a config
 * that loads has every number inside its declared range (or at its default), every
 * boolean 0/1 (or its default), every string key equal to the last assignment; one that
 * fails has a message naming the file or the key. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/config.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* seeds use ${BRIEF_FUZZ_VAR}; an expansion that itself looks like one is not expanded again */
	setenv("BRIEF_FUZZ_VAR", "x${BRIEF_FUZZ_VAR}y", 1);
	setenv("BRIEF_FUZZ_NUM", "12", 1);
	return 0;
}

/* True when value is the table's default def (NULL = unset). */
static int
same_default(const char *value, const char *def)
{
	return def ? value && strcmp(value, def) == 0 : value == NULL;
}

static void
check_values(const struct config *cfg)
{
	const struct config_values *v = config_values(cfg);
#define CHECK_INT(section, key, def, min, max)                                                         \
	if (v->section##_##key != (def) && (v->section##_##key < (min) || v->section##_##key > (max)))  \
		abort();                                                                               \
	if (config_get(cfg, #section, #key) == NULL && v->section##_##key != (def))                    \
		abort();
#define CHECK_BOOL(section, key, def)                                                                  \
	if (v->section##_##key != (def) && v->section##_##key != 0 && v->section##_##key != 1)         \
		abort();
#define CHECK_STR(section, key, def)                                                                   \
	{                                                                                              \
		const char *got = config_get(cfg, #section, #key);                                     \
		if (got ? v->section##_##key != got : !same_default(v->section##_##key, def))          \
			abort();                                                                       \
	}
	CONFIG_INTS(CHECK_INT)
	CONFIG_BOOLS(CHECK_BOOL)
	CONFIG_STRS(CHECK_STR)
	for (size_t i = 0; i < cfg->count; i++) {
		const struct config_entry *en = &cfg->entries[i];
		if (!en->section || !en->key || !en->value || !*en->key)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct err e = {0};
	if (config_parse(&cfg, (const char *)data, size, "fuzz.conf", &e) == 0)
		check_values(&cfg);
	else if (strncmp(e.msg, "fuzz.conf:", 10) != 0 && strncmp(e.msg, "config [", 8) != 0)
		abort();
	config_free(&cfg);
	return 0;
}
