/* site.h: writing the weekly post and the daily digest into a static-site tree (Jekyll or
 * Hugo), idempotently. */
#ifndef BRIEF_REPORT_SITE_H
#define BRIEF_REPORT_SITE_H

#include "report/weekly.h"
#include "util/err.h"

/* Write md (the post rendered with p's front matter) into the site at dir:
 *   Jekyll: DIR/_posts/DATE-weekly-WEEK.md   (DATE = p->date, WEEK = "2026-w08")
 *   Hugo:   DIR/content/posts/weekly-WEEK.md
 * A rerun writes the same file; a Jekyll post of the same week under another date (a rerun on
 * a later day of that week) is removed once the new file is written (a failed write leaves
 * the old post), so a week is never posted twice. The week's post in the other language (zh,
 * en: one name), under this date or another, is an error and nothing is written or removed.
 * The path written goes to path (size bytes). Returns 0, or -1 with e set (also when p has no
 * front matter). */
int site_write_weekly(const char *dir, const struct weekly_post *p, const char *md, char *path, size_t size,
                      struct err *e);

/* Write md (report_daily_post_md of the day date, YYYY-MM-DD, in lang, with front matter fm)
 * into the site at dir:
 *   Jekyll: DIR/_posts/DATE-daily.md
 *   Hugo:   DIR/content/posts/daily-DATE.md
 * A rerun of the day rewrites the same file, in the same language: a post there in the other
 * language (zh, en: the zh and en posts have one name) is an error and is left as it is.
 * The path goes to path (size bytes). Returns 0, or -1 with e set (also for WEEKLY_FM_NONE). */
int site_write_daily(const char *dir, enum weekly_front_matter fm, const char *date, const char *lang, const char *md,
                     char *path, size_t size, struct err *e);

#endif
