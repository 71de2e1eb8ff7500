/* build.h: turning the curation result into a struct report (report_build.c). */
#ifndef BRIEF_REPORT_BUILD_H
#define BRIEF_REPORT_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "ai/curate/curate.h"
#include "model.h"
#include "report/report.h"
#include "util/arena.h"

struct report_build_opts {
	const char *lang;  /* "zh" or "en" */
	int hours;         /* the window */
	int top_n;         /* --top */
	int64_t now;       /* the run's clock: generated_at, and the local date of the title */
};

/* Fill r from the curation result: items (the top stories, best first, each story once
 * with all its sources), keyword and category counts over them, highlights, engine,
 * and the window's undated / future-dated articles (articles[0..count)) as health
 * items. Stats other than articles_in_window/selected/hours, is_default_list and the
 * feed-level health (failed, stale) are the caller's. Memory lives in arena. */
void report_build(struct report *r, const struct curate_result *cur, const struct article *articles,
                  size_t count, const struct report_build_opts *opts, struct arena *arena);

#endif
