/* wechat.h: the 公众号 (WeChat Official Account) rendering of the article, the weekly and
 * the daily: one HTML fragment to paste into the WeChat editor or to send as a draft's
 * content.
 *
 * The editor drops <style> blocks, classes, ids, scripts and external links, so the
 * fragment carries every style as an inline style="" attribute and uses none of those:
 * no <style>, no class/id attributes, no <script>, no <a>, no resource but the cover image
 * the user configured. Typography follows 公众号 conventions: 16px body at line height
 * 1.75, headings with an accent bar, bold key sentences in the accent colour, quotes on a
 * tinted ground, 今日互动 in its own dashed box, the disclaimer small and centred under a
 * rule, references as a numbered list with the URLs as plain text (links to outside sites
 * are not clickable in WeChat articles). The title is not in the fragment: it goes into
 * the editor's (or the draft's) own title field.
 *
 * Colours come from a theme ([wechat] theme = green|blue|red|ink, or accent = #RRGGBB);
 * only hex colours are accepted, since they are written into style attributes. */
#ifndef BRIEF_REPORT_WECHAT_H
#define BRIEF_REPORT_WECHAT_H

#include "report/commentary.h"
#include "report/report.h"
#include "report/weekly.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/err.h"

struct wechat_theme {
	char accent[8]; /* "#RRGGBB": headings, bold, citations, the 今日互动 frame */
	char soft[8];   /* "#RRGGBB": the tinted ground of quotes and the 今日互动 box */
};

/* The theme from [wechat] theme / accent (default green, WeChat's own). An unknown theme
 * name or an accent that is not #RGB/#RRGGBB is an error (-1, e says which). */
int wechat_theme_load(const struct config *cfg, struct wechat_theme *t, struct err *e);

/* Append the fragment of an article, a weekly post or a daily digest to out. Pure. */
void wechat_article(const struct commentary_doc *d, const struct wechat_theme *t, struct buf *out);
void wechat_weekly(const struct weekly_post *p, const struct wechat_theme *t, struct buf *out);
void wechat_daily(const struct report *r, const struct wechat_theme *t, struct buf *out);

/* The draft box's limit on a draft's content: fewer than 20,000 characters (draft/add
 * answers 45002 "content size out of limit" otherwise), and the leanest daily fragment. */
enum { WECHAT_CONTENT_MAX = 20000, WECHAT_LEANEST = 2 };

/* Append the daily's fragment to out, as lean as it must be to have fewer than max_chars
 * characters: 0 = whole (wechat_daily()); 1 = the items after 今日必读 without their
 * summaries; 2 = those items also without their original titles and keywords (a title, the
 * source line and the reference number each). Returns the level used; the leanest fragment
 * is appended even when it is still too long. Pure. */
int wechat_daily_fit(const struct report *r, const struct wechat_theme *t, size_t max_chars, struct buf *out);

/* Append text (long-form, in the safe subset) as a one-paragraph plain-text digest: bold
 * markers and [n] citations removed, whitespace collapsed. (The draft-box channel cuts it to
 * the API's 128 characters.) */
void wechat_digest(const char *text, struct buf *out);

/* Append fragment (one of the fragments above) to out with title, escaped, as its first
 * paragraph in a headline style: for a draft whose title field had to be shortened (the
 * API takes 32 characters), so the reader still sees the whole headline. A fragment that
 * does not start with the root <section ...> tag gets the paragraph in front. Pure. */
void wechat_with_headline(const char *fragment, const char *title, struct buf *out);

#endif
