/* svg.h: the HTML report's charts, drawn by brief as inline SVG (no scripts, no fonts,
 * no requests). Colours come from CSS classes (c0..c5, bar) so the page's light and dark
 * themes apply. Internal to report/. */
#ifndef BRIEF_REPORT_SVG_H
#define BRIEF_REPORT_SVG_H

#include "report/i18n.h"
#include "report/report.h"

/* A donut chart of r->categories with a legend (HTML list) beside it. */
void svg_category_donut(const struct report *r, const struct i18n *t, struct buf *out);
/* A horizontal bar chart of the first RENDER_CHART_KEYWORDS keywords. */
void svg_keyword_bars(const struct report *r, const struct i18n *t, struct buf *out);

#endif
