/* weekly.h: the renderers of the weekly roundup post (seed 001; the post as data is in
 * draft.h).
 *
 * A struct weekly_post holds everything the renderers print: the front matter fields, the
 * epigraphs, three sections (news grouped by company or topic, rumours, open-source
 * releases), each made of groups of paragraphs, and the numbered reference list every
 * paragraph cites into. Paragraph text never carries its citations inline: each paragraph
 * lists the reference numbers it rests on and the renderers append the markers, so a
 * citation can only point at a reference that exists. Renderers are pure (no I/O, no
 * clock; dates come formatted in the post), so golden tests are byte-exact. */
#ifndef BRIEF_REPORT_WEEKLY_H
#define BRIEF_REPORT_WEEKLY_H

#include <stddef.h>
#include <stdint.h>

#include "draft.h"
#include "report/brand.h"
#include "util/buf.h"
#include "util/json.h"

/* The section heading in lang: "一、科技新闻" / "News" etc. (without "# "). */
const char *weekly_section_title(enum weekly_kind k, const char *lang);
/* The heading of the references ("参考资料" / "References"). */
const char *weekly_refs_title(const char *lang);

/* The closing sentence saying which engine wrote the post (plain text), appended to out. */
void weekly_engine_note(const struct weekly_post *p, struct buf *out);

/* Render p as Markdown (with the front matter it asks for), a self-contained HTML page,
 * or a JSON object, appended to out. Pure. */
/* The numbered reference list the weekly post and the article share: Markdown lines
 * "N. [title](link) — source", or in HTML the heading (escaped) as <h2> and an <ol> of
 * <li id="ref-N"> items. A missing title shows the link; a link that is not http(s) is not
 * made clickable. */
void weekly_refs_md(const struct weekly_ref *refs, size_t n, struct buf *out);
void weekly_refs_html(const char *heading, const struct weekly_ref *refs, size_t n, struct buf *out);
void weekly_render_md(const struct weekly_post *p, struct buf *out);
void weekly_render_html(const struct weekly_post *p, struct buf *out);
void weekly_render_json(const struct weekly_post *p, struct buf *out);


/* Append s as a YAML scalar for a front matter value: plain when that is unambiguous,
 * else double-quoted with escapes. Invalid UTF-8 becomes U+FFFD; controls, C1 and the bidi
 * embedding/override/isolate controls are dropped (html_is_dropped), line breaks and tabs
 * become spaces. */
void weekly_yaml_scalar(struct buf *out, const char *s);

#endif
