/* fixture.h: small SQLite stores for the curation tests, built by inserting rows directly. */
#ifndef BRIEF_TESTS_AI_FIXTURE_H
#define BRIEF_TESTS_AI_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct fx_item {
	const char *source;  /* feed URL; the source row is created on first use */
	const char *title;
	const char *link;
	const char *text;
	int64_t age_s;       /* published = now - age_s; < 0: undated (first_seen = now + age_s) */
};

/* The fixed "now" of the fixtures: 2026-02-21T12:00:00Z. */
#define FX_NOW INT64_C(1771675200)

/* Insert items into st (opened) with sources named after their host. Aborts the test on error. */
void fx_insert(struct store *st, const struct fx_item *items, size_t count);
/* Open a fresh store at dir/name and fill it with the standard fixture set (12 items from
 * 5 sources: duplicates across sources, a prolific source, an old item, a muted topic, a
 * prompt-injection attempt, a Chinese article). Returns the number of items in the last 48 h. */
size_t fx_standard(struct store *st, const char *path);
/* A fixture of n generated articles (distinct titles/texts, 6 sources) within the last 40 h. */
void fx_generated(struct store *st, const char *path, size_t n);

#endif
