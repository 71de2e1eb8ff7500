/* archive.h: a directory of digests: DATE.md / DATE.html / DATE.json for each day, plus
 * index.md, index.html and index.atom listing every digest found there. */
#ifndef BRIEF_REPORT_ARCHIVE_H
#define BRIEF_REPORT_ARCHIVE_H

#include "report/report.h"
#include "util/err.h"

/* Write r's three renderings into dir (created if needed) under its date, then rebuild
 * the index pages and the Atom feed from every DATE.json in dir (newest first, at most
 * the last 60 in the feed). base_url (may be NULL) makes the feed's links absolute.
 * Returns 0 or -1 with e set. */
int report_archive_write(const char *dir, const struct report *r, const char *md, const char *html,
                         const char *json, const char *base_url, struct err *e);

#endif
