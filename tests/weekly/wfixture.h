/* wfixture.h: stores for the weekly and article tests, built from our own small RSS files
 * (tests/weekly/fixtures/) parsed by the real parser and inserted into a real SQLite store. */
#ifndef BRIEF_TESTS_WEEKLY_WFIXTURE_H
#define BRIEF_TESTS_WEEKLY_WFIXTURE_H

#include <stddef.h>

#include "util/buf.h"

/* The frozen clock of these tests: Saturday 2026-02-21T12:00:00Z (ISO week 2026-W08). */
#define WFX_NOW "2026-02-21T12:00:00Z"

/* Create home/brief.db from the fixture feeds. Aborts the test on error. Returns the item count. */
size_t wfx_make_home(const char *home);
/* The same with more fixture feeds (file names under tests/weekly/fixtures/, comma-separated:
 * "a.xml" or "a.xml,b.xml"; or NULL). */
size_t wfx_make_home_with(const char *home, const char *extra_feed);
/* Path of a file under tests/<area>/fixtures (static buffer, valid until the next call). */
const char *wfx_path(const char *area, const char *name);
/* Compare got with tests/<area>/golden/<name>; BRIEF_UPDATE_GOLDEN=1 rewrites the file. */
void wfx_golden(const char *area, const char *name, const char *got);
/* Run brief with args (NULL-terminated, without the binary), env TZ=UTC plus extra (may be
 * NULL) and the LLM variables cleared unless extra sets them; stdout/stderr into out/err. */
int wfx_brief(const char *const *args, const char *const *extra_env, struct buf *out, struct buf *err);

#endif
