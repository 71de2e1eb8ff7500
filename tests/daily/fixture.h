/* fixture.h: hand-built daily reports for the renderer tests, and the checks every
 * rendered digest must pass (seed 000's sections, in order, with consistent counts). */
#ifndef BRIEF_TESTS_DAILY_FIXTURE_H
#define BRIEF_TESTS_DAILY_FIXTURE_H

#include "report/report.h"
#include "util/arena.h"

/* 2026-02-21T01:56:00Z, the seed's generation time. */
#define FIXTURE_NOW 1771638960LL

/* A realistic report (eight stories in four categories, one story from two sources, an
 * undated item, feed problems). Keyword and category counts computed like report_build. */
void fixture_report(struct report *r, struct arena *a, const char *lang);
/* A report whose every feed-supplied string is hostile: markup, Markdown and mermaid
 * syntax, a 500-character title, right-to-left text, emoji, bidi overrides. */
void fixture_hostile(struct report *r, struct arena *a);
/* The hostile strings fixture_hostile uses (NULL-terminated), to check they survive. */
extern const char *const fixture_hostile_strings[];

/* Check md (Markdown) and json (the same report as JSON) for seed 000's structure:
 * sections present and in order, stats table = JSON stats, pie slices sum to the
 * selected count, tag cloud counts = JSON keyword counts, text chart aligned by display
 * width, one numbered entry per selected story. Records failures with CHECK. */
void check_structure(const char *md, const char *json);

/* Compare got with the golden file tests/daily/golden/NAME (rewriting it instead when
 * BRIEF_UPDATE_GOLDEN=1). */
void check_golden(const char *name, const char *got);

#endif
